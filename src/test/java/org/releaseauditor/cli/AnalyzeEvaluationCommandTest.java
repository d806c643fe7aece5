package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/**
 * {@code analyze evaluation}, {@code case run --lane evaluation} and {@code case rerun} on the
 * bundled sample (sample-datasets/evaluation, whose datasheet gives the numbers checked here).
 */
class AnalyzeEvaluationCommandTest {
    static final Path DIR = Path.of("sample-datasets", "evaluation");
    /** The lane options of the sample's datasheet. */
    static final List<String> DATASHEET = List.of("--original", DIR.resolve("original.csv").toString(),
            "--release", DIR.resolve("release.csv").toString(), "--control", DIR.resolve("control.csv").toString(),
            "--aux-a", "age,gender,home_area,device", "--aux-b",
            "tariff,monthly_spend,data_gb,calls_per_month,tenure_months", "--secret", "monthly_spend", "--aux",
            "age,gender,home_area,tariff,device", "--attacks", "500", "--seed", "1");

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        AnalyzeMicrodataCommandTest.english();
    }

    /** {@code --lang} sets the process-wide language: every test starts in English again. */
    @AfterEach
    void englishAgain() {
        AnalyzeMicrodataCommandTest.english();
    }

    /** The datasheet options with another number of attacks. */
    static List<String> withAttacks(int n) {
        List<String> a = new ArrayList<>(DATASHEET);
        a.set(a.indexOf("--attacks") + 1, Integer.toString(n));
        return a;
    }

    private static Run analyze(List<String> laneArgs, String... more) {
        List<String> a = new ArrayList<>(List.of("analyze", "evaluation"));
        a.addAll(laneArgs);
        a.addAll(List.of(more));
        return AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
    }

    @Test
    void jsonHasTheFieldsOfIssue16AndThePolicyFailsWithExitCode1() throws Exception {
        Run r = analyze(DATASHEET, "--format", "json", "-q", "--policy", "evaluation-residual-risk");
        assertEquals(ExitCodes.POLICY_FAILED, r.code(), r.err());
        JsonNode json = r.json();
        for (String attack : List.of("/singlingOut/univariate", "/singlingOut/multivariate", "/linkability",
                "/inference")) {
            JsonNode a = json.at(attack);
            assertEquals(500, a.get("attacks").asInt(), attack);
            for (String rate : List.of("attackRate", "controlRate", "baselineRate", "residualRisk")) {
                for (String f : List.of("value", "low", "high")) {
                    assertTrue(a.at("/" + rate + "/" + f).isNumber(), attack + "/" + rate + "/" + f);
                }
            }
        }
        // datasheet: residual risks 4.5, 11.5, 10.8 and 9.6 %
        assertEquals(0.108, json.at("/linkability/residualRisk/value").asDouble(), 5e-4);
        assertEquals("FAIL", json.at("/policy/overall").asText());
        List<String> failed = new ArrayList<>();
        for (JsonNode f : json.at("/policy/findings")) {
            if (f.get("status").asText().equals("FAIL")) {
                failed.add(f.get("metric").asText());
            }
        }
        assertEquals(List.of("singlingOut.multivariate.residualRisk.value", "linkability.residualRisk.value",
                "inference.residualRisk.value"), failed, "each attack above 5 % is named");
        // without --policy the exit code is 0
        assertEquals(ExitCodes.OK, analyze(DATASHEET, "--format", "json", "-q").code());
    }

    @Test
    void textOutputReadsTheResultInPlainLanguage() {
        Run r = analyze(DATASHEET, "-q");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("Linkability"), r.out());
        assertTrue(r.out().contains("residual risk:           10.8 % (8.0 % to 13.5 %)"), r.out());
        assertTrue(r.out().contains("can use the release to link the two records for about 10.8 % more"), r.out());
        Run de = analyze(DATASHEET, "-q", "--lang", "de");
        assertTrue(de.out().contains("Restrisiko:              10,8 % (8,0 % bis 13,5 %)"), de.out());
    }

    @Test
    void badOptionsAreUsageErrorsBeforeAnyWork() {
        List<String> typo = new ArrayList<>(DATASHEET);
        typo.set(typo.indexOf("monthly_spend"), "monthly_spnd");
        Run r = analyze(typo);
        assertEquals(ExitCodes.USAGE, r.code(), r.out());
        assertTrue(r.err().contains("Did you mean 'monthly_spend'"), r.err());
        assertTrue(!r.err().contains("Reading"), "no progress before the check: " + r.err());
        Run onlyA = AnalyzeMicrodataCommandTest.run("analyze", "evaluation", "--original",
                DIR.resolve("original.csv").toString(), "--release", DIR.resolve("release.csv").toString(),
                "--aux-a", "age");
        assertEquals(ExitCodes.USAGE, onlyA.code());
        assertTrue(onlyA.err().contains("--aux-b is missing"), onlyA.err());
        Run noRelease = AnalyzeMicrodataCommandTest.run("analyze", "evaluation", "--original",
                DIR.resolve("original.csv").toString());
        assertEquals(ExitCodes.USAGE, noRelease.code());
        assertTrue(noRelease.err().contains("--release FILE"), noRelease.err());
    }

    @Test
    void printRequestShowsEveryDefault() throws Exception {
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "evaluation", "--secret", "monthly_spend", "--print-request");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode req = r.json();
        assertEquals("evaluation", req.get("lane").asText());
        assertEquals(500, req.get("attacks").asInt());
        assertEquals(0.05, req.at("/inference/tolerance").asDouble());
        assertEquals("monthly_spend", req.at("/inference/secret").asText());
        assertTrue(req.at("/singlingOut/univariate").asBoolean());
    }

    @Test
    void caseRunRecordsTheSameResultAndCaseRerunReproducesIt() throws Exception {
        Path rcase = dir.resolve("evaluation.rcase");
        assertEquals(0, AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "synthetic",
                "--auditor", "A").code());
        List<String> a = new ArrayList<>(List.of("case", "run", rcase.toString(), "--lane", "evaluation"));
        a.addAll(withAttacks(200));
        a.addAll(List.of("--policy", "evaluation-residual-risk"));
        Run run = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
        assertEquals(ExitCodes.POLICY_FAILED, run.code(), run.err() + run.out());
        Run show = AnalyzeMicrodataCommandTest.run("case", "show", rcase.toString(), "--format", "json");
        JsonNode recorded = show.json().get("runs").get(0);
        assertEquals("evaluation", recorded.get("lane").asText());
        assertEquals(3, recorded.get("datasetIds").size(), "original, release and control are datasets of the case");
        JsonNode analyzed = analyze(withAttacks(200), "--format", "json", "-q").json();
        LaneGoldenTest.assertSame("analyze vs case run", LaneGoldenTest.stripped(analyzed),
                LaneGoldenTest.stripped(recorded.get("result")));
        Run rerun = AnalyzeMicrodataCommandTest.run("case", "rerun", rcase.toString(), "--all", "-q");
        assertEquals(ExitCodes.OK, rerun.code(), rerun.out() + rerun.err());
        assertTrue(rerun.out().startsWith("run 1 (evaluation): IDENTICAL"), rerun.out());
        // a registered dataset by id, the release as the lane's main input
        Run byId = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "evaluation",
                "--original", "1", "--dataset", "2", "--attacks", "50");
        assertEquals(ExitCodes.OK, byId.code(), byId.err() + byId.out());
        Run rerun2 = AnalyzeMicrodataCommandTest.run("case", "rerun", rcase.toString(), "--run", "2", "-q");
        assertEquals(ExitCodes.OK, rerun2.code(), rerun2.out() + rerun2.err());
    }

    @Test
    void aChangedReleaseIsNotRerun() throws Exception {
        Path copy = Files.createDirectory(dir.resolve("files"));
        for (String f : List.of("original.csv", "release.csv")) {
            Files.copy(DIR.resolve(f), copy.resolve(f));
        }
        Path rcase = dir.resolve("changed.rcase");
        AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "t", "--auditor", "A");
        Run run = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "evaluation",
                "--original", copy.resolve("original.csv").toString(), "--release",
                copy.resolve("release.csv").toString(), "--attacks", "50");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        Files.writeString(copy.resolve("release.csv"), "\n1,F,A0001,prepaid,x,y,1,1,1,1\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Run rerun = AnalyzeMicrodataCommandTest.run("case", "rerun", rcase.toString(), "--all", "-q");
        assertEquals(ExitCodes.INPUT, rerun.code(), rerun.out());
        assertTrue(rerun.out().contains("release"), rerun.out());
    }
}
