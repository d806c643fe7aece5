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
            // raw customers fail min-group-5, the generalised extract passes, the footfall slice fails
            // and the events fail the demo unicity policy
            assertEquals(List.of("FAIL", "PASS", "FAIL", "FAIL"), List.of(status(cs, runs.get(0)),
                    status(cs, runs.get(1)), status(cs, runs.get(2)), status(cs, runs.get(3))));
            double unicity4 = Json.MAPPER.readTree(runs.get(3).resultJson()).get("unicity").get(3).get("fraction")
                    .asDouble();
            assertTrue(unicity4 > 0.5, "the events datasheet reports 86.4 % unique with 4 points: " + unicity4);
            JsonNode raw = Json.MAPPER.readTree(runs.get(0).resultJson());
            assertEquals(1, raw.get("k").asInt());
            JsonNode extract = Json.MAPPER.readTree(runs.get(1).resultJson());
            assertEquals(121, extract.get("k").asInt());
            JsonNode agg = Json.MAPPER.readTree(runs.get(2).resultJson()).get("aggregates");
            assertTrue(agg.get("exposedCells").asInt() > 0, agg.toString());
            assertEquals(1008, agg.get("cells").asInt());

            List<DecisionEntry> decisions = cs.decisions();
            assertEquals(2, decisions.size());
            assertEquals(DecisionOutcome.APPROVE_WITH_CONDITIONS, decisions.get(0).outcome());
            assertEquals(List.of(runs.get(0).id(), runs.get(1).id()), decisions.get(0).runIds());
            assertTrue(decisions.get(0).rationale().contains("k = 1 on age") && decisions.get(0).rationale()
                    .contains("20.35 %") && decisions.get(0).rationale().contains("k = 121"),
                    decisions.get(0).rationale());
            assertEquals(DecisionOutcome.REJECT, decisions.get(1).outcome());
            assertTrue(decisions.get(1).rationale().contains("pins " + agg.get("exposedCells").asInt() + " withheld"),
                    decisions.get(1).rationale());
            assertEquals(List.of(runs.get(2).id(), runs.get(3).id()), decisions.get(1).runIds());
            assertEquals(decisions.get(0).id(), decisions.get(1).supersedes());
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
        assertEquals(2, demo.decisions());
    }

    @Test
    void rebuildingReplacesTheCaseAndGivesTheSameContent() throws Exception {
        Path file = dir.resolve("again.rcase");
        DemoCaseService service = new DemoCaseService();
        service.create(SAMPLES, file, ProgressMonitor.none());
        List<String> first = contents(file);
        String extract = Files.readString(dir.resolve("again-data/customers_release.csv"));
        service.create(SAMPLES, file, ProgressMonitor.none());
        assertEquals(first, contents(file));
        assertEquals(extract, Files.readString(dir.resolve("again-data/customers_release.csv")));
        assertTrue(extract.startsWith("age_band,gender,postcode_region,segment\n"), extract.substring(0, 80));
    }

    @Test
    void ensureKeepsAVerifiedCaseAndRebuildsABrokenOne() throws Exception {
        Path file = dir.resolve("ensure.rcase");
        DemoCaseService service = new DemoCaseService();
        assertTrue(service.ensure(SAMPLES, file, ProgressMonitor.none()), "missing: built");
        assertFalse(service.ensure(null, file, ProgressMonitor.none()), "verified: kept, samples not needed");
        // a changed data file breaks verification: the case is built again (and verifies)
        Path extract = dir.resolve("ensure-data/customers_release.csv");
        Files.writeString(extract, "age_band\n18-24\n");
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"18,18-24", "24,18-24", "25,25-34", "34,25-34", "35,35-44",
        "54,45-54", "55,55-64", "64,55-64", "65,65+", "89,65+"})
    void ageBandsMatchTheFootfallBands(int age, String band) {
        assertEquals(band, DemoCaseService.ageBand(age));
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
