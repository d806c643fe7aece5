package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/**
 * The primary-rule options of issue 12 on the command line ({@code --dominance …,op=ge},
 * {@code --pq}, {@code --zero-magnitude-unsafe}, {@code --rules acro}, {@code --tie-samples}):
 * each reaches the engine, {@code analyze aggregates} and {@code case run --lane aggregates}
 * give the same JSON, and a bad value is a usage error (exit 2) before any file is read.
 *
 * <p>The table is hand-built; every expected verdict is worked out below from the definitions in
 * src/docs/aggregates.md (sdcTable {@code nk_rule}/{@code pq_rule}, ACRO {@code check_nk_dominance}):
 * <pre>
 * sector  contributions (A, B, C, D)   T    top2   T-x1-x2
 * s1      60, 30, 10                  100   90     10
 * s2      50, 30, 20                  100   80     20
 * s3       0,  0,  0,  0                0    0      0
 * s4      40, 30, 30                  100   70     30
 * Total   A 150, B 90, C 60, D 0      300  240     60   (one firm is one contributor in the total)
 * </pre>
 * (2, 90 %): top2/T is 90 % exactly in s1 only: safe with {@code >}, unsafe with {@code ≥}.
 * pq (25, 50), unsafe if T-x1-x2 &lt; 0.5·x1: s1 10 &lt; 30 yes, s2 20 &lt; 25 yes, s4 30 &lt; 20 no,
 * Total 60 &lt; 75 yes. p % (10): 10 &lt; 6, 20 &lt; 5, 30 &lt; 4, 60 &lt; 15 all no; s3 has no
 * positive contribution, so it is safe unless all-zero cells are unsafe (ACRO).
 */
class AggregatesRuleOptionsCommandTest {
    @TempDir
    Path dir;
    private Path table;
    private Path contrib;

    @BeforeAll
    static void english() {
        AnalyzeMicrodataCommandTest.english();
    }

    @BeforeEach
    void files() throws Exception {
        table = dir.resolve("sales.csv");
        Files.writeString(table, """
                sector,count
                s1,3
                s2,3
                s3,4
                s4,3
                Total,13
                """);
        contrib = dir.resolve("firms.csv");
        Files.writeString(contrib, """
                sector,firm,value
                s1,A,60
                s1,B,30
                s1,C,10
                s2,A,50
                s2,B,30
                s2,C,20
                s3,A,0
                s3,B,0
                s3,C,0
                s3,D,0
                s4,A,40
                s4,B,30
                s4,C,30
                """);
    }

    private List<String> tableArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("--table", "sales=" + table + ",dims=sector,contrib=" + contrib
                + ",contribId=firm,contribValue=value"));
        a.addAll(List.of(more));
        return a;
    }

    private JsonNode analyze(List<String> laneArgs) throws Exception {
        List<String> a = new ArrayList<>(List.of("analyze", "aggregates"));
        a.addAll(laneArgs);
        a.addAll(List.of("--format", "json", "-q"));
        Run r = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    /** The unsafe cells of the table with the rules that fired, e.g. {@code s1:dominance}. */
    private static Set<String> unsafe(JsonNode j) {
        Set<String> out = new TreeSet<>();
        for (JsonNode u : j.at("/tables/0/unsafe")) {
            List<String> rules = new ArrayList<>();
            u.get("rules").forEach(r -> rules.add(r.asText()));
            out.add(u.get("cell").get(0).asText() + ":" + String.join("+", rules));
        }
        return out;
    }

    @Test
    void theDominanceBoundaryDecidesTheCellAtExactly90Percent() throws Exception {
        JsonNode gt = analyze(tableArgs("--dominance", "n=2,k=90"));
        assertEquals(Set.of(), unsafe(gt), "s1 at exactly 90 % is safe under > (tau-ARGUS, sdcTable)");
        assertEquals(">", gt.at("/rules/dominance/operator").asText(), "the report prints the boundary");
        JsonNode ge = analyze(tableArgs("--dominance", "n=2,k=90,op=ge"));
        assertEquals(Set.of("s1:dominance"), unsafe(ge), "unsafe under >= (ACRO 1.x)");
        assertEquals(unsafe(ge), unsafe(analyze(tableArgs("--dominance", "n=2,k=90,op=>="))));
        assertEquals(unsafe(ge), unsafe(analyze(tableArgs("--dominance", "n=2,k=90,op=\u2265"))));
    }

    @Test
    void thePqRuleFlagsTheHandWorkedCells() throws Exception {
        JsonNode j = analyze(tableArgs("--pq", "p=25,q=50"));
        assertEquals(Set.of("Total:pq", "s1:pq", "s2:pq"), unsafe(j));
        assertEquals(25, j.at("/rules/pq/p").asDouble());
        assertEquals(50, j.at("/rules/pq/q").asDouble());
    }

    @Test
    void allZeroContributionsAreUnsafeOnlyWhenAsked() throws Exception {
        assertEquals(Set.of(), unsafe(analyze(tableArgs("--p-percent", "10"))), "sdcTable: empty cells are safe");
        JsonNode acro = analyze(tableArgs("--p-percent", "10", "--zero-magnitude-unsafe"));
        assertEquals(Set.of("s3:p-percent"), unsafe(acro), "ACRO: T - x1 - x2 = 0 < 0.10 * 0");
        assertTrue(acro.at("/rules/zeroMagnitudeUnsafe").asBoolean(), acro.toString());
        assertEquals(1, acro.at("/aggregates/zeroMagnitudeCells").asInt(), "s3");
        List<String> a = new ArrayList<>(List.of("analyze", "aggregates"));
        a.addAll(tableArgs("--p-percent", "10", "--zero-magnitude-unsafe", "--pq", "p=25,q=50", "--dominance",
                "n=2,k=90,op=ge", "--format", "text", "-q"));
        Run text = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Dominance rule: unsafe if top 2 >= 90% of the cell total"), text.out());
        assertTrue(text.out().contains("pq rule: unsafe if T - x1 - x2 < 25/50 of x1"), text.out());
        assertTrue(text.out().contains("All-zero contributions: unsafe under the p% and pq rules (ACRO)"),
                text.out());
    }

    @Test
    void theAcroPresetAndAnOverride() throws Exception {
        JsonNode j = analyze(tableArgs("--rules", "acro"));
        // count < 10: every sector (3, 3, 4, 3); Total 13 is safe; (2, 90 %, >=) adds s1, the
        // all-zero convention with p-ratio 10 % adds s3
        Set<String> u = unsafe(j);
        assertEquals(4, u.size(), u.toString());
        assertTrue(u.contains("s1:threshold+dominance"), u.toString());
        assertTrue(u.stream().anyMatch(s -> s.startsWith("s3:threshold+p-percent")), u.toString());
        assertEquals(">=", j.at("/rules/dominance/operator").asText());
        // the options given with the preset override it
        JsonNode over = analyze(tableArgs("--rules", "acro", "--threshold", "3", "--dominance", "n=2,k=90,op=gt"));
        assertEquals(Set.of("s3:p-percent"), unsafe(over), "count < 3 flags nothing, s1 is safe under >");
    }

    @Test
    void theAcroDefaultsPolicyReadsMeasuredFiguresThroughTheLane() throws Exception {
        List<String> a = new ArrayList<>(List.of("analyze", "aggregates"));
        a.addAll(tableArgs("--policy", "acro-defaults", "--format", "json", "-q"));
        Run r = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
        assertEquals(1, r.code(), "the policy fails: " + r.err());
        JsonNode findings = r.json().at("/policy/findings");
        java.util.Map<String, String> status = new java.util.TreeMap<>();
        java.util.Map<String, Double> measured = new java.util.TreeMap<>();
        for (JsonNode f : findings) {
            status.put(f.get("metric").asText(), f.get("status").asText());
            measured.put(f.get("metric").asText(), f.get("measured").isNull() ? null : f.get("measured").asDouble());
        }
        // smallest count 3; no zero count; top-2 share exactly 0.90 in s1 (ACRO: >= fails);
        // smallest (T - x1 - x2)/x1 = 10/60 in s1 (s2 20/50, s4 30/40, Total 60/150; s3 has no
        // positive contribution); one all-zero cell (s3); nothing recovered
        assertEquals(3.0, measured.get("aggregates.minCount.sales"));
        assertEquals("FAIL", status.get("aggregates.minCount.sales"));
        assertEquals(0.0, measured.get("aggregates.zeroCells"), "measured, no longer 'not measured'");
        assertEquals("PASS", status.get("aggregates.zeroCells"));
        assertEquals(0.9, measured.get("aggregates.maxTop2Share"), 1e-12);
        assertEquals("FAIL", status.get("aggregates.maxTop2Share"));
        assertEquals(10.0 / 60, measured.get("aggregates.minPRatio"), 1e-12);
        assertEquals("PASS", status.get("aggregates.minPRatio"));
        assertEquals(1.0, measured.get("aggregates.zeroMagnitudeCells"));
        assertEquals("FAIL", status.get("aggregates.zeroMagnitudeCells"));
        assertEquals("PASS", status.get("aggregates.recoverableCells"));
    }

    @Test
    void analyzeAndCaseRunGiveTheSameJsonWithTheNewRules() throws Exception {
        List<String> args = tableArgs("--rules", "acro", "--dominance", "n=2,k=90,op=ge", "--pq", "p=25,q=50",
                "--zero-magnitude-unsafe");
        JsonNode analyzed = LaneGoldenTest.stripped(analyze(args));
        Path rcase = dir.resolve("rules.rcase");
        assertEquals(0, AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "rules",
                "--auditor", "A").code());
        List<String> a = new ArrayList<>(List.of("case", "run", rcase.toString(), "--lane", "aggregates"));
        a.addAll(args);
        Run r = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err() + r.out());
        Run show = AnalyzeMicrodataCommandTest.run("case", "show", rcase.toString(), "--format", "json");
        JsonNode run = show.json().get("runs").get(0);
        LaneGoldenTest.assertSame("analyze vs case run", analyzed, LaneGoldenTest.stripped(run.get("result")));
    }

    @Test
    void badRuleOptionsAreUsageErrorsBeforeAnyFileIsRead() {
        String missing = dir.resolve("missing.csv").toString();
        for (String[] bad : new String[][] {
            {"--pq", "p=50,q=25"}, {"--pq", "p=25"}, {"--dominance", "n=2,k=90,op=lt"},
            {"--dominance", "n=2,k=90,x=1"}, {"--rules", "sdc"}, {"--tie-samples", "1001", "--recover-from", missing},
            {"--tie-samples", "-1", "--recover-from", missing}}) {
            List<String> a = new ArrayList<>(List.of("analyze", "aggregates", "--table", "t=" + missing));
            a.addAll(List.of(bad));
            Run r = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
            assertTrue(!r.err().contains("missing.csv"), "no file was opened: " + r.err());
            Path rcase = dir.resolve("bad" + System.nanoTime() + ".rcase");
            AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "b", "--auditor", "A");
            List<String> c = new ArrayList<>(List.of("case", "run", rcase.toString(), "--lane", "aggregates",
                    "--table", "t=" + missing));
            c.addAll(List.of(bad));
            assertEquals(2, AnalyzeMicrodataCommandTest.run(c.toArray(String[]::new)).code(), String.join(" ", bad));
        }
    }
}
