package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/**
 * Audits from lane summaries through the command line (issue 15 item 5): {@code summarize}
 * writes a summary, {@code analyze <lane> --summary FILE} audits it, and every measure a summary
 * supports has the raw path's number on the bundled samples (the expected values are the raw
 * path's own JSON for the same options, which other tests check against ARX, sdcMicro and
 * hand-worked values). {@code case run} records a summary-based run bound to the summary's
 * SHA-256, and {@code case rerun} recomputes it. Options that do not fit a summary are usage
 * errors that name the option.
 */
class SummaryCliTest {
    static final Path SAMPLES = Path.of("sample-datasets");
    static final String CUSTOMERS = SAMPLES.resolve("microdata/customers.csv").toString();
    static final String ADULT = SAMPLES.resolve("microdata/adult.csv").toString();
    static final String EVENTS = SAMPLES.resolve("trajectories/events_pseudonymised.csv").toString();

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        AnalyzeMicrodataCommandTest.english();
    }

    private static Run run(String... args) {
        return AnalyzeMicrodataCommandTest.run(args);
    }

    private static Run run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private static List<String> args(String... a) {
        return new ArrayList<>(List.of(a));
    }

    private Path summarize(String lane, List<String> laneArgs) {
        Path out = dir.resolve(lane + "-" + System.nanoTime() + ".summary.json");
        List<String> a = args("summarize", lane);
        a.addAll(laneArgs);
        a.addAll(List.of("--out", out.toString(), "-q"));
        Run r = run(a);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("summary written to"), r.out());
        return out;
    }

    private static JsonNode analyze(String lane, List<String> laneArgs) throws Exception {
        List<String> a = args("analyze", lane);
        a.addAll(laneArgs);
        a.addAll(List.of("--format", "json", "-q"));
        Run r = run(a);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    /** The tree without the given members. */
    private static JsonNode without(JsonNode tree, String... fields) {
        ObjectNode copy = tree.deepCopy();
        for (String f : fields) {
            copy.remove(f);
        }
        return copy;
    }

    private static List<String> unavailable(JsonNode tree) {
        List<String> out = new ArrayList<>();
        tree.get("notAvailable").forEach(n -> {
            out.add(n.get("measure").asText());
            assertFalse(n.get("reason").asText().isBlank(), "every unavailable measure says why");
        });
        return out;
    }

    /** Summary path = raw path for every supported measure (microdata, two samples, with and without population). */
    @Test
    void microdataFromASummaryGivesTheRawNumbersOnTheBundledSamples() throws Exception {
        List<List<String>> cases = List.of(
                List.of("--data", CUSTOMERS, "--qi", "age,gender,postcode_area", "--sensitive", "segment"),
                List.of("--data", ADULT, "--qi", "sex,age,race,marital-status,education,native-country",
                        "--sensitive", "salary-class,education:ordered"));
        List<List<String>> analyses = List.of(List.of("--region", "germany"),
                List.of("--sampling-fraction", "0.01", "--threshold", "0.1", "--snb-variant", "corrected"));
        for (int i = 0; i < cases.size(); i++) {
            List<String> data = cases.get(i);
            Path summary = summarize("microdata", data);
            List<String> raw = new ArrayList<>(data);
            raw.addAll(analyses.get(i));
            raw.add("--no-suda");
            JsonNode fromData = analyze("microdata", raw);
            List<String> s = args("--summary", summary.toString());
            s.addAll(analyses.get(i));
            JsonNode fromSummary = analyze("microdata", s);
            LaneGoldenTest.assertSame("summary vs data, case " + i,
                    without(fromData, "inputs", "riskiestClasses"),
                    without(fromSummary, "inputs", "riskiestClasses", "source", "notAvailable"));
            // the riskiest classes (which carry QI values) are never in the result JSON; from a summary
            // they are listed as not available, and the GUI shows the reason instead of the table
            assertFalse(fromData.has("riskiestClasses") || fromSummary.has("riskiestClasses"));
            assertEquals(List.of("suda", "riskiestClasses"), unavailable(fromSummary));
            assertEquals(summary.toAbsolutePath().normalize().toString(),
                    fromSummary.at("/inputs/summary/path").asText());
            assertEquals(64, fromSummary.at("/inputs/summary/sha256").asText().length());
            assertEquals("in-process", fromSummary.at("/source/producer").asText());
            assertEquals(fromData.at("/inputs/data/sha256").asText(),
                    fromSummary.at("/source/input/sha256").asText(), "the summary names the data it was made from");
        }
    }

    /** Weights and households on a generated file: individual risk matches, household risk is listed as not available. */
    @Test
    void weightsMatchAndHouseholdRiskIsNotAvailable() throws Exception {
        Path file = dir.resolve("weighted.csv");
        StringBuilder sb = new StringBuilder("a,b,w,h\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            sb.append('x').append(r.nextInt(6)).append(',').append('y').append(r.nextInt(9)).append(',')
                    .append(1 + r.nextInt(50) / 3.0).append(",h").append(i / 3).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        Path summary = summarize("microdata", List.of("--data", file.toString(), "--qi", "a,b", "--weight", "w"));
        JsonNode fromData = analyze("microdata", List.of("--data", file.toString(), "--qi", "a,b", "--weight", "w",
                "--household", "h", "--no-suda", "--individual-risk-method", "exact"));
        JsonNode fromSummary = analyze("microdata", List.of("--summary", summary.toString(), "--household", "h",
                "--individual-risk-method", "exact"));
        assertTrue(fromData.at("/individualRisk/survey").asBoolean());
        assertEquals(fromData.at("/individualRisk/globalRisk"), fromSummary.at("/individualRisk/globalRisk"));
        assertTrue(fromSummary.at("/individualRisk/household").isNull());
        assertEquals(List.of("suda", "riskiestClasses", "individualRisk.household"), unavailable(fromSummary));
        ObjectNode d = (ObjectNode) without(fromData, "inputs", "riskiestClasses");
        ((ObjectNode) d.get("individualRisk")).putNull("household");
        LaneGoldenTest.assertSame("weighted", d, without(fromSummary, "inputs", "riskiestClasses", "source",
                "notAvailable"));
    }

    @Test
    void trajectoriesFromASummaryGiveTheRawUnicityAndSweep() throws Exception {
        List<String> cols = List.of("--user", "pseudonym", "--time", "timestamp", "--location", "cell", "--lat",
                "lat", "--lng", "lon", "--temporal", "1h", "--sample-users", "300", "--seed", "7",
                "--sweep", "spatial=none,grid:2km;temporal=1h,1d");
        List<String> data = new ArrayList<>(List.of("--data", EVENTS));
        data.addAll(cols);
        List<String> s = new ArrayList<>(data);
        s.addAll(List.of("--points", "1..5"));
        Path summary = summarize("trajectories", s);
        List<String> raw = new ArrayList<>(data);
        raw.addAll(List.of("--points", "2..4", "--home-work", "off", "--top-n", "0"));
        JsonNode fromData = analyze("trajectories", raw);
        // a repeated column option that matches the summary is fine
        JsonNode fromSummary = analyze("trajectories", List.of("--summary", summary.toString(), "--points", "2..4",
                "--user", "pseudonym", "--temporal", "1h"));
        LaneGoldenTest.assertSame("trajectories", without(fromData, "inputs", "areaMap"),
                without(fromSummary, "inputs", "areaMap", "source", "notAvailable"));
        assertTrue(fromData.get("sweep").isObject(), "the sweep was compared");
        assertEquals(List.of("attacks", "homeWork", "topN", "areaMap"), unavailable(fromSummary));
    }

    @Test
    void aCaseRunOnASummaryIsRecordedAndRerunsIdentically() throws Exception {
        Path md = summarize("microdata", List.of("--data", CUSTOMERS, "--qi", "age,gender,postcode_area"));
        Path tr = summarize("trajectories", List.of("--data", EVENTS, "--user", "pseudonym", "--time", "timestamp",
                "--location", "cell", "--points", "1..3"));
        Path rcase = dir.resolve("summaries.rcase");
        assertEquals(0, run("case", "new", rcase.toString(), "--title", "summaries", "--auditor", "A").code());
        Run m = run("case", "run", rcase.toString(), "--lane", "microdata", "--summary", md.toString(), "--region",
                "germany", "--policy", "min-group-5");
        assertEquals(1, m.code(), m.err() + m.out()); // k = 1 fails min-group-5, from the summary as from the data
        Run t = run("case", "run", rcase.toString(), "--lane", "trajectories", "--summary", tr.toString());
        assertEquals(0, t.code(), t.err() + t.out());
        // the summary, registered as dataset 1, given by its id
        Run byId = run("case", "run", rcase.toString(), "--lane", "microdata", "--summary", "1");
        assertEquals(0, byId.code(), byId.err() + byId.out());
        Run show = run("case", "show", rcase.toString(), "--format", "json");
        JsonNode runs = show.json().get("runs");
        assertEquals(3, runs.size());
        JsonNode first = runs.get(0).get("result");
        assertEquals(md.toAbsolutePath().normalize().toString(), first.at("/inputs/summary/path").asText());
        assertEquals("suda", first.at("/notAvailable/0/measure").asText());
        assertTrue(show.out().contains("release-auditor-summary"), "the case records the file as a summary");
        // the same numbers as a run on the data
        JsonNode fromData = analyze("microdata", List.of("--data", CUSTOMERS, "--qi", "age,gender,postcode_area",
                "--region", "germany", "--no-suda"));
        LaneGoldenTest.assertSame("case run on a summary", without(fromData, "inputs", "riskiestClasses"),
                without(first, "inputs", "riskiestClasses", "source", "notAvailable"));
        Run rerun = run("case", "rerun", rcase.toString(), "--all");
        assertEquals(0, rerun.code(), rerun.out() + rerun.err());
        assertEquals(3, rerun.out().split("IDENTICAL", -1).length - 1, rerun.out());
        // the summary moved: found with --data-dir, still identical (source.path is not compared)
        Path moved = Files.createDirectory(dir.resolve("moved"));
        Files.copy(md, moved.resolve(md.getFileName()));
        Files.copy(tr, moved.resolve(tr.getFileName()));
        Files.delete(md);
        Run again = run("case", "rerun", rcase.toString(), "--all", "--data-dir", moved.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        // an edited summary is refused as a changed input
        Files.writeString(moved.resolve(tr.getFileName()), Files.readString(moved.resolve(tr.getFileName()))
                .replace("\"seed\" : 1", "\"seed\" : 2"));
        Run changed = run("case", "rerun", rcase.toString(), "--run", "2", "--data-dir", moved.toString());
        assertEquals(ExitCodes.INPUT, changed.code(), changed.out() + changed.err());
    }

    @Test
    void optionsThatDoNotFitASummaryAreUsageErrorsNamingTheOption() throws Exception {
        Path md = summarize("microdata", List.of("--data", CUSTOMERS, "--qi", "age,gender,postcode_area",
                "--sensitive", "segment", "--max-qi-subset", "2"));
        String s = md.toString();
        record Refusal(List<String> args, String message) {
        }
        List<Refusal> refusals = List.of(
                new Refusal(List.of("--summary", s, "--data", CUSTOMERS), "--data and --summary cannot be used"),
                new Refusal(List.of("--summary", s, "--superset", CUSTOMERS), "--superset and --summary"),
                new Refusal(List.of("--summary", s, "--wildcards"), "--wildcards needs"),
                new Refusal(List.of("--summary", s, "--per-record", dir.resolve("p.csv").toString()),
                        "Per-record risks (--per-record) need the records"),
                new Refusal(List.of("--summary", s, "--qi", "gender,age,postcode_area"),
                        "The quasi-identifiers gender,age,postcode_area differ from the summary's "
                                + "(age,gender,postcode_area)"),
                new Refusal(List.of("--summary", s, "--sensitive", "tariff"), "The sensitive attribute tariff is not "
                        + "in the summary"),
                new Refusal(List.of("--summary", s, "--weight", "age"), "The weight column age is not in the summary"),
                new Refusal(List.of("--summary", s, "--max-qi-subset", "3"), "needs class counts that the summary "
                        + "has only up to size 2"));
        for (Refusal r : refusals) {
            List<String> a = args("analyze", "microdata");
            a.addAll(r.args());
            a.add("-q");
            Run run = run(a);
            assertEquals(ExitCodes.USAGE, run.code(), r.args() + ": " + run.err());
            assertTrue(run.err().contains(r.message()), r.args() + ": " + run.err());
        }
        Path tr = summarize("trajectories", List.of("--data", EVENTS, "--user", "pseudonym", "--time", "timestamp",
                "--location", "cell", "--points", "1..3"));
        String t = tr.toString();
        List<Refusal> traj = List.of(
                new Refusal(List.of("--summary", t, "--temporal", "1d"), "The option --temporal (1d) differs from "
                        + "the summary's (1h)"),
                new Refusal(List.of("--summary", t, "--user", "lat"), "The option --user (lat) differs"),
                new Refusal(List.of("--summary", t, "--seed", "2"), "The option --seed (2) differs"),
                new Refusal(List.of("--summary", t, "--sample-users", "10"), "--sample-users (10) differs"),
                new Refusal(List.of("--summary", t, "--points", "1..5"), "only up to 3 points"),
                new Refusal(List.of("--summary", t, "--sweep", "temporal=1h,1d"), "no coarsening sweep"),
                new Refusal(List.of("--summary", t, "--attacks", "location:2"), "--attacks needs every user's events"),
                new Refusal(List.of("--summary", t, "--home-work", "20-7,9-17"), "--home-work needs"),
                new Refusal(List.of("--summary", t, "--top-n", "2"), "--top-n needs"),
                new Refusal(List.of("--summary", t, "--per-user", dir.resolve("u.csv").toString()),
                        "--per-user needs"),
                new Refusal(List.of("--summary", t, "--data", EVENTS), "--data and --summary"));
        for (Refusal r : traj) {
            List<String> a = args("analyze", "trajectories");
            a.addAll(r.args());
            a.add("-q");
            Run run = run(a);
            assertEquals(ExitCodes.USAGE, run.code(), r.args() + ": " + run.err());
            assertTrue(run.err().contains(r.message()), r.args() + ": " + run.err());
        }
        // a summary of the other lane, and a file that is no summary
        Run wrongLane = run("analyze", "microdata", "--summary", t, "-q");
        assertEquals(ExitCodes.USAGE, wrongLane.code());
        assertTrue(wrongLane.err().contains("is a trajectories summary, not a microdata summary"), wrongLane.err());
        Run notSummary = run("analyze", "microdata", "--summary", CUSTOMERS, "-q");
        assertTrue(notSummary.code() == ExitCodes.USAGE || notSummary.code() == ExitCodes.INPUT, notSummary.err());
        assertTrue(notSummary.err().contains("is not a Release Auditor summary"), notSummary.err());
        // summarize takes only what a summary holds
        Run audit = run("summarize", "microdata", "--data", CUSTOMERS, "--qi", "age", "--threshold", "0.1", "--out",
                dir.resolve("x.json").toString());
        assertEquals(ExitCodes.USAGE, audit.code());
        assertTrue(audit.err().contains("--threshold does not apply to a summary"), audit.err());
        Run attacks = run("summarize", "trajectories", "--data", EVENTS, "--user", "pseudonym", "--time",
                "timestamp", "--location", "cell", "--attacks", "location:2", "--out", dir.resolve("y.json").toString());
        assertEquals(ExitCodes.USAGE, attacks.code());
        assertTrue(attacks.err().contains("--attacks does not apply to a summary"), attacks.err());
        assertFalse(Files.exists(dir.resolve("x.json")) || Files.exists(dir.resolve("y.json")),
                "nothing written after a usage error");
    }

    @Test
    void policyRulesOnMeasuresASummaryCannotGiveAreNotEvaluatedNeverPassed() throws Exception {
        Path md = summarize("microdata", List.of("--data", CUSTOMERS, "--qi", "age,gender,postcode_area"));
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {"schemaVersion": 1, "id": "suda-and-k", "version": "1", "title": "SUDA and k",
                 "description": "test", "source": "test", "rules": [
                  {"metric": "suda.disScore.max", "operator": "<=", "threshold": 1, "severity": "FAIL",
                   "explanation": "any"},
                  {"metric": "k", "operator": ">=", "threshold": 1, "severity": "FAIL", "explanation": "k"}]}
                """, StandardCharsets.UTF_8);
        Run r = run("analyze", "microdata", "--summary", md.toString(), "--policy", policy.toString(), "--format",
                "json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode findings = r.json().at("/policy/findings");
        // a threshold of 1 would pass any DIS score: from a summary the rule is not evaluated, and says why
        assertEquals("WARN", findings.get(0).get("status").asText());
        assertFalse(findings.get(0).get("evaluated").asBoolean());
        assertTrue(findings.get(0).get("explanation").asText().contains("was not evaluated"));
        assertTrue(findings.get(0).get("explanation").asText().contains("SUDA2 needs the records"));
        assertEquals("PASS", findings.get(1).get("status").asText());
        assertTrue(findings.get(1).get("evaluated").asBoolean());
        assertEquals("WARN", r.json().at("/policy/overall").asText());
    }
}
