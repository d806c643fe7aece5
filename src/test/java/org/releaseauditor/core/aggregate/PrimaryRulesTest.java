package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class PrimaryRulesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # count, threshold, operator, zeroUnsafe, unsafe
            9,  10, LT, false, true
            10, 10, LT, false, false
            10, 10, LE, false, true
            11, 10, LE, false, false
            0,  10, LT, false, false
            0,  10, LT, true,  true
            1,  3,  LE, false, true
            """)
    void thresholdRuleUsesTheExplicitOperator(double count, double threshold, ThresholdRule.Operator op,
            boolean zeroUnsafe, boolean unsafe) {
        assertEquals(unsafe, new ThresholdRule(threshold, op, zeroUnsafe).unsafe(count));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # contributions (desc), n, k, unsafe
            50 30 10 10, 1, 60, false
            50 30 10 10, 1, 49, true
            50 30 10 10, 2, 75, true
            50 30 10 10, 2, 80, false
            50 30 10 10, 3, 85, true
            100,         1, 99, true
            """)
    void dominanceRuleHandWorked(String values, int n, double k, boolean unsafe) {
        double[] x = parse(values);
        assertEquals(unsafe, PrimaryRules.dominanceUnsafe(x, sum(x), n, k));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # contributions (desc), p, unsafe   (T - x1 - x2 < p/100 * x1)
            80 15 3 2,  10, true
            80 15 3 2,  5,  false
            50 30 10 10, 10, false
            50 30 10 10, 41, true
            50 30 10 10, 40, false
            60 40,       1,  true
            """)
    void pPercentRuleHandWorked(String values, double p, boolean unsafe) {
        double[] x = parse(values);
        assertEquals(unsafe, PrimaryRules.pPercentUnsafe(x, sum(x), p));
    }

    private static double[] parse(String s) {
        String[] parts = s.trim().split("\\s+");
        double[] x = new double[parts.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.parseDouble(parts[i]);
        }
        return x;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    @Test
    void listsUnsafeCellsWithTheRuleThatFiredAndSkipsSuppressedOnes() {
        CountTable t = table("A", List.of("area"), row("a1", 3), row("a2", 12), row("a3", X), row("Total", 20));
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(t),
                PrimaryRuleConfig.thresholdOnly(new ThresholdRule(10, ThresholdRule.Operator.LT, false)),
                ProgressMonitor.none()).get(0);
        assertEquals(4, r.cells());
        assertEquals(1, r.suppressed());
        assertEquals(3, r.minCount());
        assertEquals(1, r.unsafe().size());
        assertEquals(List.of("a1"), r.unsafe().get(0).cell());
        assertEquals(List.of("threshold"), r.unsafe().get(0).rules());
    }

    @Test
    void rulesApplyToCountsInvertedFromTheScalingFactor() throws Exception {
        // published 45 with factor 5 is a raw count of 9 < 10: unsafe although 45 looks safe
        Dataset ds = dataset(List.of("area", "count"), List.of(List.of("a1", "45"), List.of("a2", "60")));
        CountTable t = CountTableReader.read(ds, TableSpec.of("A").withScale(5, null), "a.csv", java.util.Map.of(),
                ProgressMonitor.none());
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(t),
                PrimaryRuleConfig.thresholdOnly(new ThresholdRule(10, ThresholdRule.Operator.LT, false)),
                ProgressMonitor.none()).get(0);
        assertTrue(r.extrapolated());
        assertEquals(1, r.unsafe().size());
        assertEquals(9, r.unsafe().get(0).count());
        assertTrue(r.unsafe().get(0).detail().contains("45 / 5"), r.unsafe().get(0).detail());
    }

    @Test
    void dominanceOnMarginsMergesTheSameContributorAcrossCells() throws Exception {
        CountTable t = table("S", List.of("sector"), row("s1", 2), row("s2", 2), row("Total", 3));
        Dataset contrib = dataset(List.of("sector", "firm", "spend"), List.of(List.of("s1", "A", "40"),
                List.of("s2", "A", "40"), List.of("s1", "B", "10"), List.of("s2", "C", "30")));
        CountTable withC = CountTableReader.attachContributions(t, contrib, "c.csv", "firm", "spend",
                ProgressMonitor.none());
        assertEquals(List.of(80.0, 30.0, 10.0), box(withC.contributions(2)));
        List<UnsafeCell> unsafe = PrimaryRules.apply(ReleaseSet.of(withC), new PrimaryRuleConfig(null, 1, 75, Double.NaN),
                ProgressMonitor.none()).get(0).unsafe();
        // s1: 40/50 = 80 % > 75 → unsafe; s2: 40/70 = 57 % → safe; Total: 80/120 = 67 % → safe
        assertEquals(1, unsafe.size());
        assertEquals(List.of("s1"), unsafe.get(0).cell());
        assertEquals(List.of("dominance"), unsafe.get(0).rules());
    }

    @Test
    void tableStatisticsOfTheMagnitudeRulesWorkedByHand() throws Exception {
        // s1: 6, 3, 1 (sum 10): top1 0.6, top2 0.9, p ratio (10 - 9) / 6 = 1/6
        // s2: 4, 4, 2 (sum 10): top1 0.4, top2 0.8, p ratio 2 / 4 = 0.5
        // s3: one contribution of 0: no share, no ratio, counted as all-zero magnitude
        // Total: 6, 4, 4, 3, 2, 1, 0 (sum 20): top1 0.3, top2 0.5, p ratio 10 / 6
        CountTable t = table("S", List.of("sector"), row("s1", 3), row("s2", 3), row("s3", 1), row("Total", 7));
        Dataset contrib = dataset(List.of("sector", "firm", "spend"), List.of(List.of("s1", "A", "6"),
                List.of("s1", "B", "3"), List.of("s1", "C", "1"), List.of("s2", "D", "4"), List.of("s2", "E", "4"),
                List.of("s2", "F", "2"), List.of("s3", "G", "0")));
        CountTable withC = CountTableReader.attachContributions(t, contrib, "c.csv", "firm", "spend",
                ProgressMonitor.none());
        // p = 20 through the normal rule path: s1 has 1 < 0.2 * 6 = 1.2 left over, so it is unsafe
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(withC), new PrimaryRuleConfig(null, 0, 0, 20),
                ProgressMonitor.none()).get(0);
        assertEquals(0.6, r.maxTop1Share(), 1e-12);
        assertEquals(0.9, r.maxTop2Share(), 1e-12);
        assertEquals(1.0 / 6, r.minPRatio(), 1e-12);
        assertEquals(1, r.zeroMagnitudeCells());
        assertEquals(0, r.zeroCells());
        assertEquals(1, r.minCount());
        assertEquals(1, r.unsafe().size());
        assertEquals(List.of("s1"), r.unsafe().get(0).cell());
        assertEquals(List.of("p-percent"), r.unsafe().get(0).rules());
    }

    private static List<Double> box(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    static Dataset dataset(List<String> names, List<List<String>> rows) {
        List<Column> cols = new java.util.ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            ColumnBuilder b = new ColumnBuilder(names.get(c));
            for (List<String> r : rows) {
                b.add(r.get(c));
            }
            cols.add(b.build(ColumnType.CATEGORICAL));
        }
        return new Dataset("test", cols);
    }
}
