package org.releaseauditor.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.microdata.MicrodataLane;

class DemoCaseServiceTest {

    static final Path SAMPLES = Path.of("sample-datasets");

    @TempDir
    Path dir;

    @Test
    void demoCaseHasRunsFindingsOneApprovalOneRejectionAndAVerifiedReport() throws Exception {
        Path file = dir.resolve("demo.rcase");
        long t0 = System.nanoTime();
        DemoCaseService.DemoCase demo = new DemoCaseService().create(SAMPLES, file, ProgressMonitor.none());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 20, "the demo builds in " + seconds + " s");
        assertEquals(file.toAbsolutePath().normalize(), demo.caseFile());
        assertEquals(dir.resolve("demo.html").toAbsolutePath().normalize(), demo.report());

        try (CaseService cs = CaseService.open(file, true, LaneRegistry.global())) {
            assertEquals(DemoCaseService.TITLE, cs.info().title());
            assertEquals(DemoCaseService.AUDITOR, cs.info().auditor());
            VerificationReport v = cs.verify(null, ProgressMonitor.none());
            assertTrue(v.allOk(), v.items().toString());

            List<RunEntry> runs = cs.runs();
            assertTrue(runs.size() >= 2);
            assertEquals(List.of("microdata", "microdata", "aggregates", "trajectories"),
                    runs.stream().map(RunEntry::lane).toList());
            assertTrue(demo.trajectoryRun());
            assertEquals(5, demo.datasets());
            for (RunEntry r : runs) {
                assertFalse(cs.findings(r.id()).isEmpty(), "run " + r.id() + " has a policy evaluation");
            }
            // raw customers fail min-group-5, the remediated copy passes, the footfall slice fails
            // and the events fail the demo unicity policy
            assertEquals(List.of("FAIL", "PASS", "FAIL", "FAIL"), List.of(status(cs, runs.get(0)),
                    status(cs, runs.get(1)), status(cs, runs.get(2)), status(cs, runs.get(3))));
            double unicity4 = Json.MAPPER.readTree(runs.get(3).resultJson()).get("unicity").get(3).get("fraction")
                    .asDouble();
            assertTrue(unicity4 > 0.5, "the events datasheet reports 86.4 % unique with 4 points: " + unicity4);
            JsonNode raw = Json.MAPPER.readTree(runs.get(0).resultJson());
            assertEquals(1, raw.get("k").asInt());
            // run 2 is the re-audit of the remediated copy, registered as a dataset derived from customers.csv
            JsonNode copy = Json.MAPPER.readTree(runs.get(1).resultJson());
            assertTrue(copy.get("k").asInt() >= 5, copy.get("k").toString());
            DatasetEntry customers = cs.datasets().get(0);
            DatasetEntry remediated = cs.datasets().get(1);
            assertEquals(dir.resolve("demo-data").resolve(DemoCaseService.REMEDIATED).toAbsolutePath().normalize()
                    .toString(), remediated.path());
            assertEquals(List.of(remediated.id()), runs.get(1).datasetIds());
            JsonNode derived = Json.MAPPER.readTree(remediated.schemaJson()).get("derivedFrom");
            assertEquals(customers.id(), derived.get("datasetId").asLong());
            assertEquals(customers.sha256(), derived.get("sha256").asText());
            assertEquals(remediated.sha256(), derived.get("condition").get("output").get("sha256").asText());
            assertEquals("microdata", derived.get("condition").get("lane").asText());
            assertFalse(Files.readAllLines(Path.of(remediated.path())).get(0).contains("customer_id"),
                    "the identifier is left out of the copy");
            JsonNode agg = Json.MAPPER.readTree(runs.get(2).resultJson()).get("aggregates");
            assertTrue(agg.get("exposedCells").asInt() > 0, agg.toString());
            assertEquals(1008, agg.get("cells").asInt());

            // the release as submitted is rejected, the remediated copy approved with its SHA-256 as the
            // condition, and the footfall release rejected (the decision in force)
            List<DecisionEntry> decisions = cs.decisions();
            assertEquals(3, decisions.size());
            assertEquals(DecisionOutcome.REJECT, decisions.get(0).outcome());
            assertEquals(List.of(runs.get(0).id()), decisions.get(0).runIds());
            assertTrue(decisions.get(0).rationale().contains("k = 1 on age") && decisions.get(0).rationale()
                    .contains("20.35 %"), decisions.get(0).rationale());
            assertEquals(DecisionOutcome.APPROVE_WITH_CONDITIONS, decisions.get(1).outcome());
            assertEquals(List.of(runs.get(0).id(), runs.get(1).id()), decisions.get(1).runIds());
            assertTrue(decisions.get(1).conditions().contains(remediated.sha256()), decisions.get(1).conditions());
            assertTrue(decisions.get(1).conditions().contains("\"kind\":\"remediation-condition\""),
                    decisions.get(1).conditions());
            assertTrue(decisions.get(1).rationale().contains("k = " + copy.get("k").asInt()),
                    decisions.get(1).rationale());
            assertEquals(DecisionOutcome.REJECT, decisions.get(2).outcome());
            assertTrue(decisions.get(2).rationale().contains("pins " + agg.get("exposedCells").asInt() + " withheld"),
                    decisions.get(2).rationale());
            assertEquals(List.of(runs.get(2).id(), runs.get(3).id()), decisions.get(2).runIds());
            assertEquals(decisions.get(1).id(), decisions.get(2).supersedes());
            assertEquals(DecisionOutcome.REJECT, cs.currentDecision().orElseThrow().outcome());
            assertTrue(cs.roleAssignments().size() >= 8);
            assertEquals(2, cs.attackerModels().size());
            assertTrue(cs.findings(runs.get(3).id()).get(0).policyId().equals("unicity-4"));

            String html = Files.readString(demo.report());
            assertTrue(html.contains(DemoCaseService.TITLE));
            assertFalse(java.util.regex.Pattern.compile("U\\d{7}").matcher(html).find(), "a customer id");
            java.util.Set<String> tokens = new java.util.HashSet<>();
            var m = java.util.regex.Pattern.compile("(?<![0-9a-f])[0-9a-f]{12}(?![0-9a-f])").matcher(html);
            while (m.find()) {
                tokens.add(m.group());
            }
            java.util.Set<String> pseudonyms = new java.util.HashSet<>();
            try (var lines = Files.lines(SAMPLES.resolve("trajectories/events_pseudonymised.csv"))) {
                lines.skip(1).forEach(l -> pseudonyms.add(l.substring(0, l.indexOf(','))));
            }
            assertTrue(pseudonyms.size() > 100);
            tokens.retainAll(pseudonyms);
            assertEquals(java.util.Set.of(), tokens, "pseudonyms in the report");
            for (String postcode : postcodes()) {
                assertFalse(java.util.regex.Pattern.compile("(?<![0-9a-fA-F])" + postcode + "(?![0-9a-fA-F])")
                        .matcher(html).find(), "record value in the report: " + postcode);
            }
        }
    }

    @Test
    void withoutATrajectoryLaneTheDemoHasTwoLanesOnly() throws Exception {
        LaneRegistry lanes = new LaneRegistry().register(new MicrodataLane()).register(new AggregatesLane());
        DemoCaseService.DemoCase demo = new DemoCaseService(lanes).create(SAMPLES, dir.resolve("two.rcase"),
                ProgressMonitor.none());
        assertFalse(demo.trajectoryRun());
        assertEquals(3, demo.runs());
        assertEquals(4, demo.datasets());
        assertEquals(3, demo.decisions());
    }

    @Test
    void rebuildingReplacesTheCaseAndGivesTheSameContent() throws Exception {
        Path file = dir.resolve("again.rcase");
        DemoCaseService service = new DemoCaseService();
        service.create(SAMPLES, file, ProgressMonitor.none());
        List<String> first = contents(file);
        String copy = Files.readString(dir.resolve("again-data/" + DemoCaseService.REMEDIATED));
        service.create(SAMPLES, file, ProgressMonitor.none());
        assertEquals(first, contents(file));
        assertEquals(copy, Files.readString(dir.resolve("again-data/" + DemoCaseService.REMEDIATED)));
        assertTrue(copy.startsWith("age,gender,postcode_area,tariff,device,segment\n"), copy.substring(0, 80));
    }

    @Test
    void ensureKeepsAVerifiedCaseAndRebuildsABrokenOne() throws Exception {
        Path file = dir.resolve("ensure.rcase");
        DemoCaseService service = new DemoCaseService();
        assertTrue(service.ensure(SAMPLES, file, ProgressMonitor.none()), "missing: built");
        assertFalse(service.ensure(null, file, ProgressMonitor.none()), "verified: kept, samples not needed");
        // a changed data file breaks verification: the case is built again (and verifies)
        Path copy = dir.resolve("ensure-data/" + DemoCaseService.REMEDIATED);
        Files.writeString(copy, "age\n18-24\n");
        assertTrue(service.ensure(SAMPLES, file, ProgressMonitor.none()));
        try (CaseService cs = CaseService.open(file, true, LaneRegistry.global())) {
            assertTrue(cs.verify(null, ProgressMonitor.none()).allOk());
        }
        Files.writeString(file, "not a case");
        assertThrows(org.releaseauditor.core.error.ConfigurationException.class,
                () -> service.ensure(null, file, ProgressMonitor.none()));
    }

    @Test
    void missingSamplesAreAUsageErrorNamingTheFile() {
        var e = assertThrows(
                org.releaseauditor.core.error.ConfigurationException.class,
                () -> new DemoCaseService().create(dir, dir.resolve("x.rcase"), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("customers.csv"), e.getMessage());
    }

    private static String status(CaseService cs, RunEntry run) throws Exception {
        List<FindingEntry> f = cs.findings(run.id());
        return f.stream().anyMatch(x -> x.status().equals("FAIL")) ? "FAIL" : "PASS";
    }

    /** Parameters and results of every run, and the decisions' outcomes and runs (no timestamps). */
    private static List<String> contents(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (CaseService cs = CaseService.open(file, true, LaneRegistry.global())) {
            for (RunEntry r : cs.runs()) {
                out.add(r.lane() + r.paramsJson() + r.resultJson());
            }
            for (DecisionEntry d : cs.decisions()) {
                out.add(d.outcome() + d.conditions() + d.rationale() + d.runIds() + d.datasetSha256s());
            }
            cs.datasets().forEach(d -> out.add(d.sha256() + d.schemaJson()));
        }
        return out;
    }

    /** The distinct postcode_area values of customers.csv (record values a report must not show). */
    private static java.util.Set<String> postcodes() throws Exception {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (var lines = Files.lines(SAMPLES.resolve("microdata/customers.csv"))) {
            lines.skip(1).forEach(l -> out.add(l.split(",")[3]));
        }
        assertEquals(100, out.size());
        return out;
    }
}
