package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;

/** End-to-end runs of {@code analyze microdata}: golden values, JSON schema names, errors. */
class AnalyzeMicrodataCommandTest {
    static final Path ADULT = Path.of("sample-datasets", "microdata", "adult.csv");
    static final String ALL_QIS = "sex,age,race,marital-status,education,native-country,workclass,occupation,salary-class";

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9, () -> "expected " + expected + " got " + actual);
    }

    @Test
    void adultGivesArxGoldenValuesAtSamplingFractionTenPercent() throws Exception {
        Run r = run("analyze", "microdata", "--data", ADULT.toString(), "--qi", ALL_QIS, "--sampling-fraction", "0.1",
                "--format", "json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(1, j.get("schemaVersion").asInt());
        assertEquals(30162, j.get("records").asLong());
        close(0.6465751607983555, j.at("/prosecutor/successRate").asDouble());
        close(0.5142895033485844, j.get("sampleUniqueness").asDouble());
        close(0.27684993883653597, j.at("/populationUniqueness/pitman").asDouble());
        close(0.27684993883653597, j.at("/populationUniqueness/dankar").asDouble());
        assertEquals("PITMAN", j.at("/populationUniqueness/dankarModel").asText());
        close(0.3207402393466189, j.at("/populationUniqueness/zayatz").asDouble());
        // QI contribution: all 9 QIs → distinction J/n equals the success rate
        JsonNode last = j.get("qiContribution").get(j.get("qiContribution").size() - 1);
        assertEquals(9, last.get("qis").size());
        close(0.6465751607983555, last.get("distinction").asDouble());
        assertEquals(511, j.get("qiContribution").size());
        assertTrue(j.get("suda").get("recordsWithMsu").asLong() > 0);
        assertTrue(j.get("belowK").has("11"));
        double cumulative = j.get("riskDistribution").get(j.get("riskDistribution").size() - 1).get("cumulative")
                .asDouble();
        assertEquals(1.0, cumulative, 1e-12);
    }

    @Test
    void adultPitmanAtOnePercent() throws Exception {
        Run r = run("analyze", "microdata", "--data", ADULT.toString(), "--qi", ALL_QIS, "--sampling-fraction", "0.01",
                "--max-qi-subset", "1", "--format", "json", "-q");
        assertEquals(0, r.code(), r.err());
        close(0.1446083531167384, r.json().at("/populationUniqueness/pitman").asDouble());
    }

    @Test
    void handWorkedTableThroughTheCli(@TempDir Path dir) throws Exception {
        // classes on (a,b): {x,1}x1, {y,1}x1, {x,2}x2, {y,2}x3, {z,3}x3 → sizes {1,1,2,3,3}
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "a,b,s\nx,1,p\ny,1,q\nx,2,p\nx,2,q\ny,2,p\ny,2,p\ny,2,q\nz,3,p\nz,3,p\nz,3,p\n",
                StandardCharsets.UTF_8);
        Run r = run("analyze", "microdata", "--data", f.toString(), "--qi", "a,b", "--sensitive", "s", "--format",
                "json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(10, j.get("records").asLong());
        assertEquals(5, j.get("classes").asLong());
        assertEquals(1, j.get("k").asInt());
        close(0.2, j.get("sampleUniqueness").asDouble());
        close(1.0, j.at("/prosecutor/highest").asDouble());
        close(1.0 / 3, j.at("/prosecutor/lowest").asDouble());
        close(0.5, j.at("/prosecutor/successRate").asDouble());
        close(1.0, j.at("/prosecutor/recordsAtRisk").asDouble());
        close(0.2, j.at("/prosecutor/appliedThreshold").asDouble());
        assertEquals("[[1,2],[2,1],[3,2]]", j.get("histogram").toString());
        // distinct l-diversity: the unique classes have one value; class {z,3} is all p
        assertEquals(1, j.at("/lDiversity/s/distinct").asInt());
        JsonNode pair = j.get("qiContribution").get(2);
        close(0.5, pair.get("distinction").asDouble());
        close(38.0 / 45, pair.get("separation").asDouble());
        // without weights the data are the population (sdcMicro indivRisk, survey = FALSE): r = 1/f per
        // record, so ER = Σ_j f_j · (1/f_j) = 5 classes and global risk 5/10
        close(5.0, j.at("/individualRisk/expectedReidentifications").asDouble());
        close(0.5, j.at("/individualRisk/globalRisk").asDouble());
        close(1.0, j.at("/individualRisk/maxRisk").asDouble());
        assertFalse(j.at("/individualRisk/survey").asBoolean());
    }

    @Test
    void textFormatIsAReadableSummary() {
        Run r = run("analyze", "microdata", "--data", ADULT.toString(), "--qi", "sex,age", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("k (smallest class)"), r.out());
        assertTrue(r.out().contains("Prosecutor records at risk"), r.out());
    }

    @Test
    void unknownQuasiIdentifierIsAUsageErrorWithSuggestion() {
        Run r = run("analyze", "microdata", "--data", ADULT.toString(), "--qi", "sex,agee", "-q");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("agee"), r.err());
        assertTrue(r.err().contains("age"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void missingFileIsAnInputError(@TempDir Path dir) {
        Run r = run("analyze", "microdata", "--data", dir.resolve("nope.csv").toString(), "--qi", "a", "-q");
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void badThresholdIsAUsageError() {
        Run r = run("analyze", "microdata", "--data", ADULT.toString(), "--qi", "sex", "--threshold", "2", "-q");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--threshold"), r.err());
    }

    @Test
    void writesToOutFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        Run r = run("analyze", "microdata", "--data", ADULT.toString(), "--qi", "sex,age", "--format", "json",
                "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals(30162, new ObjectMapper().readTree(out.toFile()).get("records").asLong());
    }
}
