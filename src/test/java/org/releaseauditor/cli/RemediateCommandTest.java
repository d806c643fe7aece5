package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;

/** {@code remediate microdata|trajectories|aggregates}: output, exit codes, checks before work, {@code --case}. */
class RemediateCommandTest {

    static final String CUSTOMERS = "sample-datasets/microdata/customers.csv";

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    static AnalyzeMicrodataCommandTest.Run run(String... args) {
        return AnalyzeMicrodataCommandTest.run(args);
    }

    @Test
    void microdataJsonHoldsTheOptimumTheCopyAndTheReaudit() throws Exception {
        Path copy = dir.resolve("customers_remediated.csv");
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "microdata", "--data", CUSTOMERS, "--qi",
                "age,gender,postcode_area", "--drop", "customer_id", "--no-suda", "--policy", "min-group-5",
                "--max-suppression", "0.05", "--measure", "loss", "--format", "json", "--write", copy.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("microdata", j.path("lane").asText());
        assertEquals("remediation", j.path("kind").asText());
        assertTrue(j.path("optimum").path("levels").has("age"));
        assertTrue(j.path("optimum").path("loss").isNumber());
        assertTrue(j.path("optimum").path("suppressedRecords").asLong() <= 1000, "at most 5 % of 20,000");
        assertTrue(j.path("paretoFront").isArray());
        assertEquals(DatasetFingerprint.of(copy, org.releaseauditor.core.progress.ProgressMonitor.none()).sha256(),
                j.path("copy").path("sha256").asText());
        assertEquals(copy.toAbsolutePath().normalize().toString(), j.path("copy").path("path").asText());
        assertEquals("PASS", j.path("after").path("policy").path("overall").asText());
        assertEquals("remediation-condition", j.path("condition").path("kind").asText());
        assertTrue(j.path("passed").asBoolean());
    }

    @Test
    void caseRecordsBothRunsTheDerivedCopyAndRerunsIdentically() throws Exception {
        Path caseFile = dir.resolve("r.rcase");
        assertEquals(0, run("case", "new", caseFile.toString(), "--title", "Remediation", "--auditor", "Dana").code());
        Path copy = dir.resolve("copy.csv");
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "microdata", "--data", CUSTOMERS, "--qi",
                "age,gender,postcode_area", "--drop", "customer_id", "--no-suda", "--policy", "min-group-5", "--write",
                copy.toString(), "--case", caseFile.toString(), "--actor", "Dana", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Recorded in"), r.out());
        try (CaseService cs = CaseService.open(caseFile, true, LaneRegistry.global())) {
            List<RunEntry> runs = cs.runs();
            assertEquals(2, runs.size());
            List<DatasetEntry> ds = cs.datasets();
            assertEquals(2, ds.size());
            assertEquals(List.of(ds.get(0).id()), runs.get(0).datasetIds());
            assertEquals(List.of(ds.get(1).id()), runs.get(1).datasetIds());
            JsonNode schema = new ObjectMapper().readTree(ds.get(1).schemaJson());
            assertEquals(ds.get(0).id(), schema.path("derivedFrom").path("datasetId").asLong());
            assertEquals(ds.get(0).sha256(), schema.path("derivedFrom").path("sha256").asText());
            assertEquals(ds.get(1).sha256(), schema.path("derivedFrom").path("condition").path("output")
                    .path("sha256").asText());
            assertEquals("FAIL", cs.findings(runs.get(0).id()).get(0).status());
            assertEquals("PASS", cs.findings(runs.get(1).id()).get(0).status());
        }
        AnalyzeMicrodataCommandTest.Run rerun = run("case", "rerun", caseFile.toString(), "--all", "-q");
        assertEquals(0, rerun.code(), rerun.out() + rerun.err());
        assertEquals(2, rerun.out().split("IDENTICAL", -1).length - 1, rerun.out());
    }

    @Test
    void analyzeOnlyLaneOptionsAreRefusedNotIgnored() throws Exception {
        Path copy = dir.resolve("never2.csv");
        Path perRecord = dir.resolve("per-record.csv");
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "microdata", "--data", CUSTOMERS, "--qi", "age,gender",
                "--policy", "min-group-5", "--write", copy.toString(), "--per-record", perRecord.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--per-record"), r.err());
        assertFalse(java.nio.file.Files.exists(copy) || java.nio.file.Files.exists(perRecord));
        r = run("remediate", "microdata", "--summary", dir.resolve("s.json").toString(), "--qi", "age",
                "--policy", "min-group-5", "--write", copy.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--summary"), r.err());
        assertFalse(java.nio.file.Files.exists(copy));
        r = run("remediate", "trajectories", "--summary", dir.resolve("t.json").toString(), "--policy",
                "min-group-5", "--write", copy.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--summary"), r.err());
    }

    @Test
    void badOptionsAreUsageErrorsAndWriteNothing() throws Exception {
        Path copy = dir.resolve("never.csv");
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "microdata", "--data", CUSTOMERS, "--qi", "age,gendr",
                "--policy", "min-group-5", "--write", copy.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gender"), r.err());
        assertFalse(r.err().contains("%"), "no progress before the check: " + r.err());
        r = run("remediate", "microdata", "--data", CUSTOMERS, "--qi", "age", "--write", copy.toString());
        assertEquals(2, r.code(), "--policy is required");
        r = run("remediate", "microdata", "--data", CUSTOMERS, "--qi", "age", "--policy", "min-group-5", "--measure",
                "utility", "--write", copy.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("loss, discernibility, entropy or precision"), r.err());
        assertFalse(Files.exists(copy));
    }

    @Test
    void noPassingChangeExitsOne() throws Exception {
        Path copy = dir.resolve("none.csv");
        // customer_id is unique per record: at level 0 (as given) k = 1, and no suppression is allowed
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "microdata", "--data", CUSTOMERS, "--qi", "customer_id",
                "--policy", "min-group-5", "--no-suda", "--max-suppression", "0", "--levels", "customer_id=0",
                "--write", copy.toString(), "-q");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL"), r.out());
    }

    @Test
    void printRequestShowsEveryDefaultAndHelpShowsThem() {
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "microdata", "--qi", "age", "--policy", "min-group-5",
                "--print-request");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"measure\":\"loss\""), r.out());
        assertTrue(r.out().contains("\"maxSuppression\":0.05"), r.out());
        AnalyzeMicrodataCommandTest.Run help = run("remediate", "microdata", "--help");
        assertTrue(help.out().contains("(default: loss)"), help.out());
        assertTrue(help.out().contains("(default: 0.05)"), help.out());
        AnalyzeMicrodataCommandTest.Run agg = run("remediate", "aggregates", "--help");
        assertTrue(agg.out().contains("(default: total)"), agg.out());
    }

    @Test
    void aggregatesRemediationOfASmallTableExitsZero() throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, "area,gender,count\nA,F,3\nA,M,20\nA,Total,23\nB,F,15\nB,M,25\nB,Total,40\n"
                + "Total,F,18\nTotal,M,45\nTotal,Total,63\n");
        Path copy = dir.resolve("t_copy.csv");
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "aggregates", "--table", "t=" + table
                + ",dims=area|gender", "--threshold", "10", "--operator", "lt", "--policy", "min-cell-10", "--write",
                copy.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.readString(copy).contains("A,F,x"));
    }

    @Test
    void aggregatesMethodOptionsAreCheckedBeforeWorkAndRoundingWritesTheCopy() throws Exception {
        Path table = dir.resolve("t.csv");
        // a1F 4 -> 0, a1M 6 -> 10, a2F 8 -> 10, a2M 9 -> 10 at base 10; base 5 leaves 5s, base 3 leaves 3, 6, 9
        Files.writeString(table, "area,sex,count\na1,F,4\na1,M,6\na2,F,8\na2,M,9\n");
        Path copy = dir.resolve("t_rounded.csv");
        String spec = "t=" + table + ",dims=area|sex";
        AnalyzeMicrodataCommandTest.Run bad = run("remediate", "aggregates", "--table", spec, "--threshold", "10",
                "--policy", "min-cell-10", "--method", "perturb", "--write", copy.toString(), "-q");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("suppress, coarsen, round"), bad.err());
        AnalyzeMicrodataCommandTest.Run base = run("remediate", "aggregates", "--table", spec, "--threshold", "10",
                "--policy", "min-cell-10", "--method", "coarsen", "--rounding-base", "5", "--write", copy.toString(),
                "-q");
        assertEquals(2, base.code(), base.out() + base.err());
        assertFalse(Files.exists(copy));
        AnalyzeMicrodataCommandTest.Run r = run("remediate", "aggregates", "--table", spec, "--threshold", "10",
                "--operator", "lt", "--policy", "min-cell-10", "--method", "round", "--write", copy.toString(),
                "--format", "json", "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("area,sex,count\na1,F,0\na1,M,10\na2,F,10\na2,M,10\n", Files.readString(copy));
        var j = r.json();
        assertEquals("round", j.path("method").asText());
        assertEquals(10, j.path("transformation").path("base").asInt());
        assertEquals(j.path("copy").path("sha256").asText(), j.path("condition").path("output").path("sha256").asText());
        assertEquals("PASS", j.path("after").path("policy").path("overall").asText());
        AnalyzeMicrodataCommandTest.Run help = run("remediate", "aggregates", "--help");
        String oneLine = help.out().replaceAll("\\s+", " ");
        assertTrue(oneLine.contains("--rounding-base") && oneLine.contains("(default: suppress)"), help.out());
    }
}
