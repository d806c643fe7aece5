package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/** A whole microdata audit scripted through the CLI with the real lane and built-in policies. */
class MicrodataCaseFlowTest {

    @Test
    void analyzeWithPolicyExitsOneWhenItFailsAndZeroWhenItPasses() throws Exception {
        Run fail = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data",
                AnalyzeMicrodataCommandTest.ADULT.toString(), "--qi", "sex,age,race", "--policy", "min-group-5",
                "--format", "json", "-q");
        assertEquals(ExitCodes.POLICY_FAILED, fail.code(), fail.err());
        JsonNode j = fail.json();
        assertEquals("FAIL", j.at("/policy/overall").asText());
        assertTrue(j.at("/policy/findings").size() >= 1);
        Run pass = AnalyzeMicrodataCommandTest.run("analyze", "microdata", "--data",
                AnalyzeMicrodataCommandTest.ADULT.toString(), "--qi", "sex", "--policy", "min-group-5", "-q");
        assertEquals(ExitCodes.OK, pass.code(), pass.err() + pass.out());
        assertTrue(pass.out().contains("[PASS]"), pass.out());
    }

    @Test
    void caseRunDecideReportVerify(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("adult.csv");
        Files.copy(AnalyzeMicrodataCommandTest.ADULT, data);
        Path rcase = dir.resolve("adult.rcase");
        Run r = AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "Adult extract",
                "--auditor", "Dana DPO");
        assertEquals(0, r.code(), r.err());
        r = AnalyzeMicrodataCommandTest.run("case", "add-dataset", rcase.toString(), data.toString());
        assertEquals(0, r.code(), r.err());
        r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "microdata", "--dataset", "1",
                "--qi", "sex,age,race", "--no-suda", "--policy", "min-group-5");
        assertEquals(ExitCodes.POLICY_FAILED, r.code(), r.err() + r.out());
        r = AnalyzeMicrodataCommandTest.run("case", "decide", rcase.toString(), "--outcome", "REJECT",
                "--rationale", "k = 1: sample uniques on sex, age and race", "--auditor", "Dana DPO");
        assertEquals(0, r.code(), r.err() + r.out());
        Path html = dir.resolve("report.html");
        r = AnalyzeMicrodataCommandTest.run("report", rcase.toString(), "--format", "html", "--out", html.toString());
        assertEquals(0, r.code(), r.err());
        String report = Files.readString(html);
        assertTrue(report.contains("sampleUniqueness") || report.contains("Sample uniqueness"), "report has measures");
        assertTrue(!report.contains("Never-married"), "no record values in the report");
        r = AnalyzeMicrodataCommandTest.run("verify", rcase.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        Files.writeString(data, "changed\n", java.nio.file.StandardOpenOption.APPEND);
        r = AnalyzeMicrodataCommandTest.run("verify", rcase.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.out());
        assertTrue(r.out().contains("BROKEN"), r.out());
    }
}
