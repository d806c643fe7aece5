package org.releaseauditor.io.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.LinearSystem;

/**
 * The dense simplex finds the same optima as ojAlgo (the solver of release 0.1) on random
 * audit-like systems: sums of withheld cells with ±1 coefficients equal to whole counts, with
 * redundant rows, degenerate zero cells, infeasible and unbounded cases; every objective of a
 * session, in any order. Returned solutions are feasible.
 */
class DenseSimplexProperties {

    static LinearSystem randomSystem(long seed, int vars, int rows, boolean consistent) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] truth = new double[vars];
        for (int v = 0; v < vars; v++) {
            truth[v] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(30);
        }
        List<LinearSystem.Row> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int k = 1 + rnd.nextInt(Math.min(vars, 5));
            List<Integer> vs = new ArrayList<>();
            while (vs.size() < k) {
                int v = rnd.nextInt(vars);
                if (!vs.contains(v)) {
                    vs.add(v);
                }
            }
            int[] idx = vs.stream().mapToInt(Integer::intValue).toArray();
            double[] coef = new double[k];
            double rhs = 0;
            for (int i = 0; i < k; i++) {
                coef[i] = i == 0 && rnd.nextInt(3) == 0 ? -1 : 1; // a margin minus its cells
                rhs += coef[i] * truth[idx[i]];
            }
            if (!consistent && r == rows - 1) {
                rhs = -1 - rnd.nextInt(5) - Math.abs(rhs) * (coef[0] > 0 ? 1 : 0);
            }
            out.add(new LinearSystem.Row(idx, coef, rhs));
        }
        // as in the audit, every variable is in some row
        for (int v = 0; v < vars; v++) {
            boolean used = false;
            for (LinearSystem.Row row : out) {
                for (int x : row.vars()) {
                    used |= x == v;
                }
            }
            if (!used) {
                out.add(new LinearSystem.Row(new int[] {v, (v + 1) % vars}, new double[] {1, vars == 1 ? 0 : 1},
                        truth[v] + (vars == 1 ? 0 : truth[(v + 1) % vars])));
            }
        }
        if (rows > 2 && rnd.nextBoolean()) {
            out.add(out.get(0)); // a redundant row
        }
        return new LinearSystem(vars, out);
    }

    @Property(tries = 400)
    void sameOptimaAsOjAlgo(@ForAll @IntRange(min = 1, max = 14) int vars, @ForAll @IntRange(min = 1, max = 10) int rows,
            @ForAll long seed, @ForAll boolean consistent) {
        LinearSystem system = randomSystem(seed, vars, rows, consistent);
        IntervalSolver.Session dense = new DenseSimplex(system);
        IntervalSolver.Session reference = OjAlgoIntervalSolver.openOjAlgo(system);
        SplittableRandom order = new SplittableRandom(seed ^ 0x55);
        for (int q = 0; q < 2 * vars; q++) {
            int target = order.nextInt(vars);
            boolean max = order.nextBoolean();
            IntervalSolver.Result e = reference.optimise(target, max);
            IntervalSolver.Result a = dense.optimise(target, max);
            assertEquals(e.status(), a.status(), "target " + target + " max " + max);
            if (e.status() == IntervalSolver.Status.OPTIMAL) {
                assertEquals(e.value(), a.value(), 1e-7);
                assertFeasible(system, a.x());
            }
        }
    }

    private static void assertFeasible(LinearSystem system, double[] x) {
        for (double v : x) {
            assertTrue(v >= -1e-9, "negative " + v);
        }
        for (LinearSystem.Row r : system.rows()) {
            double sum = 0;
            for (int k = 0; k < r.vars().length; k++) {
                sum += r.coefs()[k] * x[r.vars()[k]];
            }
            assertEquals(r.rhs(), sum, 1e-7);
        }
    }

    @Test
    void tauArgusManualExample() {
        // METRICS.md §3: x11+x12=7, x21+x22=3, x11+x21=6, x12+x22=4 gives x11 in [3, 6]
        LinearSystem s = new LinearSystem(4, List.of(new LinearSystem.Row(new int[] {0, 1}, new double[] {1, 1}, 7),
                new LinearSystem.Row(new int[] {2, 3}, new double[] {1, 1}, 3),
                new LinearSystem.Row(new int[] {0, 2}, new double[] {1, 1}, 6),
                new LinearSystem.Row(new int[] {1, 3}, new double[] {1, 1}, 4)));
        DenseSimplex d = new DenseSimplex(s);
        assertEquals(3.0, d.optimise(0, false).value(), 1e-12);
        assertEquals(6.0, d.optimise(0, true).value(), 1e-12);
    }
}
