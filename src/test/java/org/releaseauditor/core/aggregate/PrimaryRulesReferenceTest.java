package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Primary rules against the reference tools' own cases and at their exact boundaries.
 */
class PrimaryRulesReferenceTest {

    // ---- sdcTable: tests/testthat/test-primarySuppression.r on sdc_testproblem() ----

    /**
     * sdcTable's {@code microdata1} (data/microdata1.rda, 100 rows of region, gender, val), here
     * as the sorted values per leaf cell, read with base R's {@code load()}.
     */
    private static final Object[][] MICRODATA1 = {
        leaf("A", "male", 18, 15, 13, 13, 12, 11, 10, 10, 10, 9, 9, 9, 8, 7, 7, 6, 6, 5),
        leaf("A", "female", 11, 9),
        leaf("B", "male", 15, 14, 14, 12, 11, 10, 10, 10, 9, 8, 8, 7, 7, 5),
        leaf("B", "female", 18, 16, 14, 14, 13, 13, 12, 12, 11, 10, 10, 9, 9, 8, 8, 8, 7, 7, 5),
        leaf("C", "male", 18, 12, 12, 11, 11, 11, 10, 9, 6, 6, 6, 6),
        leaf("C", "female", 19, 12, 12, 11, 10, 9, 9, 9, 8, 7),
        leaf("D", "male", 280, 11, 10, 9, 9, 9, 8, 8, 8, 7, 7),
        leaf("D", "female", 18, 16, 14, 14, 11, 11, 11, 10, 10, 9, 9, 7, 6, 6),
    };

    private static Object[] leaf(String region, String gender, int... values) {
        return new Object[] {region, gender, values};
    }

    /**
     * The 15 cells of sdcTable's test problem (region A–D × gender, with totals): counts are the
     * numbers of microdata rows, contributions the rows' {@code val}, each row its own
     * contributor (sdcTable's {@code makeProblem(numVarInd = "val")}).
     */
    static CountTable sdcTestProblem() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (Object[] l : MICRODATA1) {
            for (int v : (int[]) l[2]) {
                rows.add(List.of((String) l[0], (String) l[1], Integer.toString(v)));
            }
        }
        List<Object[]> cells = new ArrayList<>();
        for (String r : List.of("Total", "A", "B", "C", "D")) {
            for (String g : List.of("Total", "male", "female")) {
                int n = 0;
                for (List<String> row : rows) {
                    n += (r.equals("Total") || row.get(0).equals(r)) && (g.equals("Total") || row.get(1).equals(g)) ? 1
                            : 0;
                }
                cells.add(row(r, g, n));
            }
        }
        CountTable t = table("P", List.of("region", "gender"), cells.toArray(new Object[0][]));
        Dataset micro = PrimaryRulesTest.dataset(List.of("region", "gender", "val"), rows);
        return CountTableReader.attachContributions(t, micro, "microdata1", null, "val", ProgressMonitor.none());
    }

    static List<String> unsafe(CountTable t, PrimaryRuleConfig cfg) {
        List<String> out = new ArrayList<>();
        for (UnsafeCell u : PrimaryRules.apply(ReleaseSet.of(t), cfg, ProgressMonitor.none()).get(0).unsafe()) {
            out.add(String.join("|", u.cell()));
        }
        return out;
    }

    @Test
    void sdcTableFrequencyRuleMaxN2FlagsOnlyCell6() throws Exception {
        // primarySuppression(type = "freq", maxN = 2): which(sdcStatus == "u") == 6, i.e. A|female
        // (2 rows). sdcTable's rule is "count <= maxN", our operator le.
        assertEquals(List.of("A|female"), unsafe(sdcTestProblem(),
                PrimaryRuleConfig.thresholdOnly(new ThresholdRule(2, ThresholdRule.Operator.LE, false))));
    }

    @Test
    void sdcTableDominanceRulesFlagCells6And14() throws Exception {
        // sdcTable expects which(sdcStatus == "u") == c(6, 14) = A|female and D|male for each of
        //  nk n = 2, k = 75: A|female 20/20 = 100 %; D|male (280 + 11)/366 = 79.5 % > 75 %;
        //                    D|Total (280 + 18)/518 = 57.5 %, Total|male 298/802: safe
        //  p = 70:  A|female 20 - 11 - 9 = 0 < 7.7; D|male 366 - 291 = 75 < 0.70 * 280 = 196;
        //           D|Total 518 - 298 = 220 >= 196: safe
        //  pq = c(60, 80): A|female 0 < 8.25; D|male 75 < 60/80 * 280 = 210;
        //           D|Total 220 >= 210: safe (the closest call of the 15 cells)
        CountTable t = sdcTestProblem();
        List<String> expected = List.of("A|female", "D|male");
        assertEquals(expected, unsafe(t, new PrimaryRuleConfig(null,
                new DominanceRule(2, 75, DominanceRule.Boundary.GT), Double.NaN, null)));
        assertEquals(expected, unsafe(t, new PrimaryRuleConfig(null, null, 70, null)));
        assertEquals(expected, unsafe(t, new PrimaryRuleConfig(null, null, Double.NaN, new PqRule(60, 80))));
    }

    @Test
    void sdcTableProblemFiguresForPolicies() throws Exception {
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(sdcTestProblem()),
                PrimaryRuleConfig.thresholdOnly(null), ProgressMonitor.none()).get(0);
        // largest one-contributor share: A|female 11/20 = 0.55 < D|male 280/366 = 0.765...
        assertEquals(280.0 / 366, r.maxTop1Share(), 1e-12);
        // two largest: A|female (11 + 9)/20 = 1
        assertEquals(1.0, r.maxTop2Share(), 1e-12);
        // smallest (T - x1 - x2)/x1: A|female 0/11 = 0
        assertEquals(0.0, r.minPRatio(), 1e-12);
        assertEquals(2, r.minCount()); // A|female
        assertEquals(0, r.zeroCells());
    }

    // ---- exact boundaries through the normal rule path ----

    /** One table with one cell per contribution list (count = number of contributions). */
    static CountTable cells(double[]... contributions) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        List<List<String>> micro = new ArrayList<>();
        for (int i = 0; i < contributions.length; i++) {
            rows.add(row("c" + i, contributions[i].length));
            for (double v : contributions[i]) {
                micro.add(List.of("c" + i, Double.toString(v)));
            }
        }
        CountTable t = table("M", List.of("cell"), rows.toArray(new Object[0][]));
        return CountTableReader.attachContributions(t, PrimaryRulesTest.dataset(List.of("cell", "v"), micro), "m",
                null, "v", ProgressMonitor.none());
    }

    @Test
    void thresholdExactlyAtNIsSafeUnderLtAndUnsafeUnderLe() {
        CountTable t = table("A", List.of("area"), row("a", 10), row("b", 9), row("c", 11), row("z", 0));
        assertEquals(List.of("b"), unsafe(t, PrimaryRuleConfig.thresholdOnly(
                new ThresholdRule(10, ThresholdRule.Operator.LT, false))));
        assertEquals(List.of("a", "b"), unsafe(t, PrimaryRuleConfig.thresholdOnly(
                new ThresholdRule(10, ThresholdRule.Operator.LE, false))));
        // ACRO: zeros are disclosive and count < 10 is unsafe
        List<UnsafeCell> acro = PrimaryRules.apply(ReleaseSet.of(t), PrimaryRuleConfig.acro(), ProgressMonitor.none())
                .get(0).unsafe();
        assertEquals(List.of("b", "z"), acro.stream().map(u -> u.cell().get(0)).toList());
        assertEquals("0 < 10 (zero unsafe)", acro.get(1).detail());
    }

    @Test
    void dominanceExactlyAtKDependsOnTheBoundaryOperator() throws Exception {
        // top 2 = 45 + 45 = 90 of 100: exactly 90 %. ">" (tau-ARGUS, sdcTable): safe; ">=" (ACRO 1.x): unsafe.
        // The second cell has 91 %: unsafe under both.
        CountTable t = cells(new double[] {45, 45, 5, 5}, new double[] {46, 45, 9});
        assertEquals(List.of("c1"), unsafe(t, new PrimaryRuleConfig(null,
                new DominanceRule(2, 90, DominanceRule.Boundary.GT), Double.NaN, null)));
        assertEquals(List.of("c0", "c1"), unsafe(t, new PrimaryRuleConfig(null, DominanceRule.acro(), Double.NaN,
                null)));
        UnsafeCell u = PrimaryRules.apply(ReleaseSet.of(t), new PrimaryRuleConfig(null, DominanceRule.acro(),
                Double.NaN, null), ProgressMonitor.none()).get(0).unsafe().get(0);
        assertEquals(List.of("dominance"), u.rules());
        assertEquals("top 2 = 90 of 100 = 90.0% >= 90%", u.detail());
        // the former constructor keeps the ">" boundary
        assertEquals(DominanceRule.Boundary.GT, new PrimaryRuleConfig(null, 2, 90, Double.NaN).dominance().boundary());
        // n = 1, k = 50: 50 of 100 is not > 50 %, 51 of 100 is
        assertEquals(List.of("c1"), unsafe(cells(new double[] {50, 30, 20}, new double[] {51, 49}),
                new PrimaryRuleConfig(null, 1, 50, Double.NaN)));
    }

    @Test
    void pPercentExactlyAtTheBoundIsSafe() throws Exception {
        // 50, 30, 2: T - x1 - x2 = 2 = 4 % of x1 = 2. The rule is strict (<): safe at p = 4,
        // unsafe at p = 5 (2 < 2.5). ACRO's p-ratio (T - x1 - x2)/x1 = 0.04 < 0.10: unsafe.
        CountTable t = cells(new double[] {50, 30, 2});
        assertEquals(List.of(), unsafe(t, new PrimaryRuleConfig(null, null, 4, null)));
        assertEquals(List.of("c0"), unsafe(t, new PrimaryRuleConfig(null, null, 5, null)));
        UnsafeCell u = PrimaryRules.apply(ReleaseSet.of(t), new PrimaryRuleConfig(null, null, 5, null),
                ProgressMonitor.none()).get(0).unsafe().get(0);
        assertEquals(List.of("p-percent"), u.rules());
        assertEquals("T - x1 - x2 = 2 < 5% of x1 (2.50)", u.detail());
        // ACRO p = 10 %: ratio 0.10 exactly is safe (100, 50, 10), 0.09 unsafe (100, 50, 9)
        CountTable acro = cells(new double[] {100, 50, 10}, new double[] {100, 50, 9});
        assertEquals(List.of("c1"), unsafe(acro, new PrimaryRuleConfig(null, null, 10, null)));
        // a single contributor can be estimated exactly: unsafe; no contribution at all: safe
        assertEquals(List.of("c0"), unsafe(cells(new double[] {7}, new double[] {}),
                new PrimaryRuleConfig(null, null, 10, null)));
    }

    @Test
    void pqExactlyAtTheBoundIsSafe() throws Exception {
        // 80, 15, 3, 2: T - x1 - x2 = 5; p/q * x1 = 5/80 * 80 = 5: 5 < 5 is false, safe;
        // with p = 6: 6/80 * 80 = 6 > 5, unsafe. With q = 100 the pq rule is the p % rule.
        CountTable t = cells(new double[] {80, 15, 3, 2});
        assertEquals(List.of(), unsafe(t, new PrimaryRuleConfig(null, null, Double.NaN, new PqRule(5, 80))));
        assertEquals(List.of("c0"), unsafe(t, new PrimaryRuleConfig(null, null, Double.NaN, new PqRule(6, 80))));
        UnsafeCell u = PrimaryRules.apply(ReleaseSet.of(t), new PrimaryRuleConfig(null, null, Double.NaN,
                new PqRule(6, 80)), ProgressMonitor.none()).get(0).unsafe().get(0);
        assertEquals("T - x1 - x2 = 5 < 6/80 of x1 (6)", u.detail());
        assertEquals(List.of("pq"), u.rules());
        CountTable p = cells(new double[] {50, 30, 2});
        for (double pp : new double[] {4, 5}) {
            assertEquals(unsafe(p, new PrimaryRuleConfig(null, null, pp, null)),
                    unsafe(p, new PrimaryRuleConfig(null, null, Double.NaN, new PqRule(pp, 100))));
        }
    }

    @Test
    void rulesFireTogetherAndListEveryRule() throws Exception {
        // 3 contributors 90, 5, 5: count 3 < 10, top 2 = 95 % >= 90 %, (100 - 95)/90 = 0.056 < 0.10
        CountTable t = cells(new double[] {90, 5, 5});
        UnsafeCell u = PrimaryRules.apply(ReleaseSet.of(t), PrimaryRuleConfig.acro(), ProgressMonitor.none()).get(0)
                .unsafe().get(0);
        assertEquals(List.of("threshold", "dominance", "p-percent"), u.rules());
        assertEquals(3, u.count());
    }

    @Test
    void invalidParametersAreRefusedBeforeAnyWork() {
        List<PrimaryRuleConfig> bad = List.of(
                new PrimaryRuleConfig(new ThresholdRule(-1, ThresholdRule.Operator.LT, false), null, Double.NaN, null),
                new PrimaryRuleConfig(null, new DominanceRule(0, 80, DominanceRule.Boundary.GT), Double.NaN, null),
                new PrimaryRuleConfig(null, new DominanceRule(2, 0, DominanceRule.Boundary.GT), Double.NaN, null),
                new PrimaryRuleConfig(null, new DominanceRule(2, 101, DominanceRule.Boundary.GT), Double.NaN, null),
                new PrimaryRuleConfig(null, new DominanceRule(2, 80, null), Double.NaN, null),
                new PrimaryRuleConfig(null, null, 0, null),
                new PrimaryRuleConfig(null, null, 101, null),
                new PrimaryRuleConfig(null, null, Double.NaN, new PqRule(50, 50)),
                new PrimaryRuleConfig(null, null, Double.NaN, new PqRule(0, 50)),
                new PrimaryRuleConfig(null, null, Double.NaN, new PqRule(25, 101)));
        for (PrimaryRuleConfig c : bad) {
            assertThrows(ConfigurationException.class, c::validate, c.toString());
        }
        assertDoesNotThrow(PrimaryRuleConfig.acro());
        assertDoesNotThrow(new PrimaryRuleConfig(null, DominanceRule.sdcTable(), 100, PqRule.sdcTableDefault()));
    }

    private static void assertDoesNotThrow(PrimaryRuleConfig c) {
        try {
            c.validate();
        } catch (ConfigurationException e) {
            throw new AssertionError(c + ": " + e.getMessage(), e);
        }
    }

    @Test
    void boundaryOperatorsParseTheirSpellings() {
        assertEquals(DominanceRule.Boundary.GE, DominanceRule.Boundary.parse(" \u2265 "));
        assertEquals(DominanceRule.Boundary.GE, DominanceRule.Boundary.parse("ge"));
        assertEquals(DominanceRule.Boundary.GE, DominanceRule.Boundary.parse(">="));
        assertEquals(DominanceRule.Boundary.GT, DominanceRule.Boundary.parse("GT"));
        assertEquals(DominanceRule.Boundary.GT, DominanceRule.Boundary.parse(">"));
        assertEquals(null, DominanceRule.Boundary.parse("<"));
        assertEquals("top 2 >= 90% of the cell total", DominanceRule.acro().describe());
        assertEquals("T - x1 - x2 < 25/50 of x1", PqRule.sdcTableDefault().describe());
    }
}
