package org.releaseauditor.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The predicate counter and the nearest-neighbour tree are fast paths; here they must give exactly
 * what a scan of every row gives, on tables with many ties and missing values.
 */
class IndexesAgainstBruteForceTest {

    /** Low-cardinality mixed data with ties and about 10 % missing values in every column. */
    private static Dataset tiesAndGaps(String name, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] header = {"a", "b", "c", "x", "y"};
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] row = new String[5];
            row[0] = r.nextInt(10) == 0 ? "" : "k" + r.nextInt(3);
            row[1] = r.nextInt(10) == 0 ? "" : "v" + r.nextInt(7);
            row[2] = r.nextInt(10) == 0 ? "" : "w" + r.nextInt(40);
            row[3] = r.nextInt(10) == 0 ? "" : Integer.toString(r.nextInt(20));
            row[4] = r.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "%.1f", r.nextDouble() * 5);
            rows.add(row);
        }
        return EvalFixtures.dataset(name, header, rows);
    }

    private static int[] cardinality(EvaluationData d) {
        int[] c = new int[d.columns().size()];
        for (int j = 0; j < c.length; j++) {
            c[j] = d.columns().get(j).kind() == ColumnKind.CATEGORICAL ? d.columns().get(j).distinct() : 0;
        }
        return c;
    }

    private static double[] ranges(EvaluationData d) {
        double[] c = new double[d.columns().size()];
        for (int j = 0; j < c.length; j++) {
            c[j] = d.columns().get(j).range();
        }
        return c;
    }

    @Test
    void predicateCountsEqualAFullScan() throws Exception {
        EvaluationData d = EvaluationData.align(tiesAndGaps("o", 700, 1), tiesAndGaps("r", 300, 2), null, List.of());
        int[] card = cardinality(d);
        PredicateCounter counter = new PredicateCounter(d.original, card);
        SplittableRandom r = new SplittableRandom(7);
        Predicate.Op[] all = Predicate.Op.values();
        int checked = 0;
        int singled = 0;
        for (int t = 0; t < 4000; t++) {
            int k = 1 + r.nextInt(3);
            int[] cols = Streams.sample(card.length, k, r);
            Predicate.Op[] ops = new Predicate.Op[k];
            double[] vals = new double[k];
            for (int i = 0; i < k; i++) {
                int j = cols[i];
                if (d.original.cat[j] != null) {
                    Predicate.Op[] catOps = {Predicate.Op.EQ, Predicate.Op.NE, Predicate.Op.MISSING, Predicate.Op.PRESENT};
                    ops[i] = catOps[r.nextInt(catOps.length)];
                    vals[i] = r.nextInt(card[j] + 1); // sometimes a code the table does not have
                } else {
                    ops[i] = all[r.nextInt(all.length)];
                    vals[i] = j == 3 ? r.nextInt(22) - 1 : Math.round(r.nextDouble() * 55) / 10.0;
                }
            }
            Predicate p = new Predicate(cols, ops, vals);
            int brute = 0;
            for (int row = 0; row < d.original.rows; row++) {
                boolean ok = true;
                for (int i = 0; i < p.size() && ok; i++) {
                    ok = counter.holds(p.columns[i], p.ops[i], p.values[i], row);
                }
                brute += ok ? 1 : 0;
            }
            assertEquals(Math.min(brute, 2), counter.countUpTo(p, 2), "predicate " + t);
            assertEquals(brute, counter.countUpTo(p, Integer.MAX_VALUE), "predicate " + t);
            checked++;
            singled += brute == 1 ? 1 : 0;
        }
        assertEquals(4000, checked);
        // the random predicates must exercise the interesting case too
        org.junit.jupiter.api.Assertions.assertTrue(singled > 50, "singled out " + singled);
    }

    @Test
    void conditionHoldsFollowsPandasRulesForMissingValues() throws Exception {
        Dataset o = EvalFixtures.dataset("o", new String[] {"n", "c"},
                List.of(new String[] {"", ""}, new String[] {"1", "a"}));
        EvaluationData d = EvaluationData.align(o, o, null, List.of());
        PredicateCounter pc = new PredicateCounter(d.original, cardinality(d));
        // row 0 is missing in both columns: only "is missing" and "≠" hold
        for (Predicate.Op op : Predicate.Op.values()) {
            boolean expected = op == Predicate.Op.MISSING || op == Predicate.Op.NE;
            assertEquals(expected, pc.holds(0, op, 1.0, 0), op.name());
            if (op != Predicate.Op.LT && op != Predicate.Op.LE && op != Predicate.Op.GT && op != Predicate.Op.GE) {
                assertEquals(expected, pc.holds(1, op, 0, 0), op.name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void nearestNeighboursEqualAFullScanWithTiesBrokenByRow(int k) throws Exception {
        EvaluationData d = EvaluationData.align(tiesAndGaps("o", 400, 3), tiesAndGaps("r", 1500, 4),
                tiesAndGaps("c", 200, 5), List.of());
        int[][] columnSets = {{0, 1, 2, 3, 4}, {0, 1}, {3, 4}, {2}, {4}, {1, 3}};
        for (int[] cols : columnSets) {
            NeighbourIndex index = new NeighbourIndex(d.release, cols, ranges(d), cardinality(d),
                    ProgressMonitor.none());
            for (Table t : new Table[] {d.original, d.control}) {
                for (int q = 0; q < t.rows; q++) {
                    double[] dist = new double[k];
                    int[] got = index.nearest(t, q, k, dist);
                    int[] expected = bruteForce(index, t, q, d.release, k);
                    assertArrayEquals(expected, got, Arrays.toString(cols) + " query " + q);
                    for (int i = 0; i < k; i++) {
                        assertEquals(index.distance(t, q, d.release, expected[i]), dist[i], 0.0);
                    }
                }
            }
        }
    }

    /** The mixed-type distance of two concrete rows, worked out by hand. */
    @Test
    void mixedDistanceScalesNumbersByTheirRangeAndCountsLabelMismatches() throws Exception {
        Dataset o = EvalFixtures.dataset("o", new String[] {"n", "c", "m"}, List.of(
                new String[] {"0", "a", "1.5"}, new String[] {"10", "b", ""}));
        Dataset r = EvalFixtures.dataset("r", new String[] {"n", "c", "m"}, List.of(
                new String[] {"4", "a", ""}, new String[] {"20", "b", "3.5"}));
        EvaluationData d = EvaluationData.align(o, r, null, List.of());
        // n ranges over 0..20 across both files (range 20), m over 1.5..3.5 (range 2)
        NeighbourIndex index = new NeighbourIndex(d.release, new int[] {0, 1, 2}, ranges(d), cardinality(d),
                ProgressMonitor.none());
        // o0 vs r0: |0−4|/20 + 0 + (1.5 vs missing) 1 = 1.2
        assertEquals(1.2, index.distance(d.original, 0, d.release, 0), 1e-12);
        // o0 vs r1: 20/20 + 1 + |1.5−3.5|/2 = 3
        assertEquals(3.0, index.distance(d.original, 0, d.release, 1), 1e-12);
        // o1 vs r0: 6/20 + 1 + (missing vs missing) 0 = 1.3
        assertEquals(1.3, index.distance(d.original, 1, d.release, 0), 1e-12);
        // o1 vs r1: 10/20 + 0 + 1 = 1.5
        assertEquals(1.5, index.distance(d.original, 1, d.release, 1), 1e-12);
        assertArrayEquals(new int[] {0}, index.nearest(d.original, 0, 1, null));
        assertArrayEquals(new int[] {0, 1}, index.nearest(d.original, 1, 2, null));
    }

    private static int[] bruteForce(NeighbourIndex index, Table t, int q, Table release, int k) {
        Integer[] order = new Integer[release.rows];
        double[] dist = new double[release.rows];
        for (int i = 0; i < release.rows; i++) {
            order[i] = i;
            dist[i] = index.distance(t, q, release, i);
        }
        Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
        int[] out = new int[Math.min(k, release.rows)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
