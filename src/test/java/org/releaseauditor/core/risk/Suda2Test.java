package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.risk.RiskTables.column;

import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.SudaResult.VariableContribution;

class Suda2Test {

    private static final double EPS = 1e-12;

    /*
     * Hand-worked example, M = 3 key variables → weights (3−1)! = 2, (3−2)! = 1, (3−3)! = 1.
     *   r0 (a, x, 1)   r1 (a, x, 2)   r2 (a, y, 1)   r3 (b, y, 1)   r4 (b, y, 1)
     * Frequencies: A a:3 b:2; B x:2 y:3; C 1:4 2:1.
     *   {C}: r1 unique (C=2)                                   → MSU of size 1 for r1
     *   {A,B}: (a,y) only r2; {A} a:3, {B} y:3 not unique      → MSU for r2
     *   {A,C}: (a,2) only r1, but {C} already unique           → not minimal
     *   {B,C}: (x,1) only r0; {B} x:2, {C} 1:4 not unique      → MSU for r0
     *   {A,B,C}: r0, r1, r2 unique but each has a smaller MSU; r3 = r4
     * Scores: r0 = 1, r1 = 2, r2 = 1, r3 = r4 = 0; MSUs by size [1, 2, 0]; total score 4.
     * Contributions: A {A,B}:1 → 1/4; B {A,B},{B,C}: 2 → 2/4; C {C}:2 + {B,C}:1 → 3/4.
     * DIS: U = 3 (r0, r1, r2 unique on all keys), P = 2 (the pair r3, r4), π = 0.01
     *   Dis = 0.03 / (0.03 + 2·0.99) = 0.014925373134328358; Q = 1 + 5/20 = 1.25
     *   A = 1 + 2^−1.25 + 1 = 2.4204482076268574; U/Dis − U = 198
     *   DIS(r0) = DIS(r2) = 1/(1 + 198/(1·A)) = 0.01207685258302276
     *   DIS(r1) = 1/(1 + 198/(2^1.25·A))     = 0.028253425926978024
     */
    private static List<Column> handWorked() {
        return List.of(column("A", "a", "a", "a", "b", "b"), column("B", "x", "x", "y", "y", "y"),
                column("C", "1", "2", "1", "1", "1"));
    }

    @Test
    void handWorkedScores() throws Exception {
        Suda2.Scores s = Suda2.scores(handWorked(), 0, 0.01, ProgressMonitor.none());
        assertArrayEquals(new double[] {1, 2, 1, 0, 0}, s.score, 0.0);
        assertArrayEquals(new long[] {1, 2, 0}, s.msusBySize);
        assertEquals(3, s.sampleUniques);
        assertEquals(2, s.pairRecords);
        assertEquals(0.014925373134328358, s.disProbability, EPS);
        assertArrayEquals(new double[] {0.01207685258302276, 0.028253425926978024, 0.01207685258302276, 0, 0},
                s.disScore, 1e-12);
    }

    @Test
    void handWorkedSummary() throws Exception {
        SudaResult r = Suda2.compute(handWorked(), 0, Suda2.DEFAULT_DIS_FRACTION, ProgressMonitor.none());
        assertEquals(List.of("A", "B", "C"), r.keyVariables());
        assertEquals(3, r.maxMsuSize());
        assertEquals(5, r.records());
        assertEquals(3, r.recordsWithMsu());
        assertEquals(3, r.totalMsus());
        assertEquals(List.of(1L, 2L, 0L), r.msusBySize());
        assertEquals(2.0, r.score().max(), 0.0);
        assertEquals(0.8, r.score().mean(), EPS); // (1 + 2 + 1) / 5
        assertEquals(1.0, r.score().median(), 0.0);
        // score bins: 0 | (0, 1] | (1, 2]
        assertEquals(List.of(2L, 2L, 1L), r.score().histogram().stream().map(ScoreSummary.Bin::count).toList());
        assertEquals(List.of(new VariableContribution("A", 1, 0.25), new VariableContribution("B", 2, 0.5),
                new VariableContribution("C", 2, 0.75)), r.variableContributions());
        assertEquals(0.028253425926978024, r.disScore().max(), 1e-12);
        // DIS bins: all five records in "0" or "(0, 0.1]"
        assertEquals(2, r.disScore().histogram().get(0).count());
        assertEquals(3, r.disScore().histogram().get(1).count());
    }

    @Test
    void sizeLimitFindsOnlySmallMsus() throws Exception {
        // with MSUs of size 1 only: r1 keeps {C}, the size-2 MSUs of r0 and r2 are not searched
        Suda2.Scores s = Suda2.scores(handWorked(), 1, 0.01, ProgressMonitor.none());
        assertArrayEquals(new double[] {0, 2, 0, 0, 0}, s.score, 0.0);
        assertArrayEquals(new long[] {1}, s.msusBySize);
    }

    @Test
    void missingValuesNeverBelongToAnMsu() throws Exception {
        // r0 is the only record with a missing A; it must not get {A} as MSU.
        // r0 (−, x) r1 (a, x) r2 (a, y) r3 (a, y): {B}: x:2 y:2; {A}: a:3 (missing not an item)
        // {A,B}: (a,x) only r1 → MSU of r1 (weight (2−2)! = 1); r0 has nothing without A
        List<Column> keys = List.of(column("A", "", "a", "a", "a"), column("B", "x", "x", "y", "y"));
        Suda2.Scores s = Suda2.scores(keys, 0, 0.01, ProgressMonitor.none());
        assertArrayEquals(new double[] {0, 1, 0, 0}, s.score, 0.0);
    }

    @Test
    void noSampleUniquesMeansAllScoresZero() throws Exception {
        List<Column> keys = List.of(column("A", "a", "a"), column("B", "x", "x"));
        SudaResult r = Suda2.compute(keys, 0, 0.01, ProgressMonitor.none());
        assertEquals(0, r.recordsWithMsu());
        assertEquals(0.0, r.disProbability());
        assertEquals(0.0, r.disScore().max());
        assertEquals(0.0, r.variableContributions().get(0).contribution());
    }

    @Test
    void rejectsUnusableConfigurations() {
        Column a = column("a", "1", "2");
        assertEquals("risk.error.noKeyVariables", assertThrows(ConfigurationException.class,
                () -> Suda2.compute(List.of(), 0, 0.01, ProgressMonitor.none())).messageKey());
        for (double bad : new double[] {0, 1, -0.5, Double.NaN}) {
            assertEquals("risk.error.disFraction", assertThrows(ConfigurationException.class,
                    () -> Suda2.compute(List.of(a), 0, bad, ProgressMonitor.none())).messageKey());
        }
        assertEquals("risk.error.tooManyColumns", assertThrows(ConfigurationException.class,
                () -> Suda2.compute(Collections.nCopies(31, a), 3, 0.01, ProgressMonitor.none())).messageKey());
    }

    @Test
    void stopsWhenCancelled() {
        CancellationFlag cancelled = new CancellationFlag();
        cancelled.cancel();
        assertThrows(CancelledException.class, () -> Suda2.compute(handWorked(), 0, 0.01, cancelled));
    }

    @Property(tries = 300)
    void matchesBruteForceSearch(@ForAll("tables") int[][] rows, @ForAll @IntRange(min = 0, max = 5) int maxK)
            throws Exception {
        int m = rows[0].length;
        List<Column> keys = RiskTables.columns(rows, m);
        Suda2.Scores s = Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none());
        BruteForce expected = BruteForce.of(rows, maxK == 0 ? m : Math.min(maxK, m));
        assertArrayEquals(expected.score, s.score, 0.0);
        assertArrayEquals(expected.bySize, s.msusBySize);
        assertArrayEquals(expected.withVariable, s.msusWithVariable);
        for (double d : s.disScore) {
            assertTrue(d >= 0 && d <= 1, "dis " + d);
        }
    }

    @Property(tries = 100)
    void resultsDoNotDependOnRowOrder(@ForAll("tables") int[][] rows, @ForAll long seed) throws Exception {
        List<Integer> order = RiskTables.shuffledOrder(rows.length, seed);
        int m = rows[0].length;
        SudaResult a = Suda2.compute(RiskTables.columns(rows, m), 0, 0.01, ProgressMonitor.none());
        SudaResult b = Suda2.compute(RiskTables.columns(RiskTables.permute(rows, order), m), 0, 0.01,
                ProgressMonitor.none());
        assertEquals(a.score(), b.score());
        assertEquals(a.msusBySize(), b.msusBySize());
        assertEquals(a.variableContributions(), b.variableContributions());
        assertEquals(a.sampleUniques(), b.sampleUniques());
        assertEquals(a.pairRecords(), b.pairRecords());
        assertEquals(a.disScore().max(), b.disScore().max(), 1e-12);
        assertEquals(a.disScore().mean(), b.disScore().mean(), 1e-12);
    }

    @Provide
    Arbitrary<int[][]> tables() {
        // cells −1 (missing), −2 (suppressed) or 0..2
        Arbitrary<Integer> cell = Arbitraries.integers().between(-2, 2);
        return Combinators.combine(Arbitraries.integers().between(1, 25), Arbitraries.integers().between(1, 5))
                .flatAs((n, m) -> cell.array(int[].class).ofSize(m).array(int[][].class).ofSize(n));
    }

    /** Reference: every subset, uniqueness by comparing rows, minimality by checking all subsets. */
    private static final class BruteForce {
        double[] score;
        long[] bySize;
        long[] withVariable;

        static BruteForce of(int[][] rows, int maxK) {
            int n = rows.length;
            int m = rows[0].length;
            BruteForce b = new BruteForce();
            b.score = new double[n];
            b.bySize = new long[maxK];
            b.withVariable = new long[m];
            for (int r = 0; r < n; r++) {
                for (int s = 1; s < (1 << m); s++) {
                    if (Integer.bitCount(s) > maxK || !present(rows[r], s) || !unique(rows, r, s)) {
                        continue;
                    }
                    boolean minimal = true;
                    for (int t = (s - 1) & s; t > 0; t = (t - 1) & s) { // proper non-empty subsets
                        if (unique(rows, r, t)) {
                            minimal = false;
                            break;
                        }
                    }
                    if (minimal) {
                        b.score[r] += Suda2.factorial(m - Integer.bitCount(s));
                        b.bySize[Integer.bitCount(s) - 1]++;
                        for (int v = 0; v < m; v++) {
                            if ((s & (1 << v)) != 0) {
                                b.withVariable[v]++;
                            }
                        }
                    }
                }
            }
            return b;
        }

        private static boolean present(int[] row, int subset) {
            for (int v = 0; v < row.length; v++) {
                if ((subset & (1 << v)) != 0 && row[v] < 0) {
                    return false;
                }
            }
            return true;
        }

        private static boolean unique(int[][] rows, int r, int subset) {
            for (int o = 0; o < rows.length; o++) {
                if (o == r) {
                    continue;
                }
                boolean same = true;
                for (int v = 0; v < rows[r].length && same; v++) {
                    if ((subset & (1 << v)) != 0 && rows[o][v] != rows[r][v]) {
                        same = false;
                    }
                }
                if (same) {
                    return false;
                }
            }
            return true;
        }
    }
}
