package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.SuppressionAuditDetailTest.eq;
import static org.releaseauditor.core.aggregate.SuppressionAuditDetailTest.propagate;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * {@link SuppressionAudit#solve} where interval propagation is not tight, where the solver reports
 * an infeasible program, and the order in which it spends programs; and propagation through a
 * single unbounded term. Each case here was a surviving PIT mutant.
 */
class SuppressionAuditSolveTest {

    /** Records every program asked for: (target, maximise). */
    static final class Recording implements IntervalSolver {
        final SuppressionAuditDetailTest.Counting inner = new SuppressionAuditDetailTest.Counting();
        final List<String> asked = new ArrayList<>();

        @Override
        public Session open(LinearSystem system) {
            Session s = inner.open(system);
            return (target, max) -> {
                asked.add((max ? "max " : "min ") + target);
                return s.optimise(target, max);
            };
        }
    }

    /** x0 + x1 = 1, x1 + x2 = 1, x0 + x2 = 1: the only solution is x = (½, ½, ½). */
    private static LinearSystem triangle() {
        return new LinearSystem(3, List.of(eq(new int[] {0, 1}, new double[] {1, 1}, 1),
                eq(new int[] {1, 2}, new double[] {1, 1}, 1), eq(new int[] {0, 2}, new double[] {1, 1}, 1)));
    }

    @Test
    void programsTightenBoundsThatPropagationLeavesLoose() {
        // propagation alone says [0, 1] for every cell (worked out by hand: each row only bounds a
        // cell by the rhs), the linear programs pin each at ½
        double[][] b = propagate(3, triangle().rows().toArray(new LinearSystem.Row[0]));
        assertArrayEquals(new double[] {0, 0, 0}, b[0]);
        assertArrayEquals(new double[] {1, 1, 1}, b[1]);
        Recording lp = new Recording();
        double[][] r = SuppressionAudit.solve(lp, triangle(), new int[] {0, 1, 2}, ProgressMonitor.none());
        for (double[] cell : r) {
            assertEquals(0.5, cell[0], 1e-9);
            assertEquals(0.5, cell[1], 1e-9);
        }
        // no solution sits at a loose propagation bound, so nothing is proven for free: 3 maxima
        // first, then 3 minima
        assertEquals(List.of("max 0", "max 1", "max 2", "min 0", "min 1", "min 2"), lp.asked);
    }

    @Test
    void maximaComeFirstAndTheirSolutionsProveMinima() {
        // x0 + x1 = 4 and x2 + x3 = 4. The maximum of x0 (4) puts x1 at its minimum 0, and the
        // maximum of x1 puts x0 at 0, so every minimum is proven by some maximum's solution and
        // no minimisation is asked at all.
        LinearSystem s = new LinearSystem(4, List.of(eq(new int[] {0, 1}, new double[] {1, 1}, 4),
                eq(new int[] {2, 3}, new double[] {1, 1}, 4)));
        Recording lp = new Recording();
        double[][] r = SuppressionAudit.solve(lp, s, new int[] {0, 1, 2, 3}, ProgressMonitor.none());
        for (double[] cell : r) {
            assertArrayEquals(new double[] {0, 4}, cell, 1e-9);
        }
        assertEquals("max 0", lp.asked.get(0));
        assertTrue(lp.asked.stream().noneMatch(a -> a.startsWith("min")), "minima all proven: " + lp.asked);
        assertTrue(lp.asked.size() <= 4, "programs: " + lp.asked);
    }

    @Test
    void anInfeasibleProgramMakesEveryTargetUnknown() {
        IntervalSolver infeasible = system -> (target, max) -> new IntervalSolver.Result(
                IntervalSolver.Status.INFEASIBLE, Double.NaN, new double[0]);
        double[][] r = SuppressionAudit.solve(infeasible, triangle(), new int[] {0, 2}, ProgressMonitor.none());
        assertEquals(2, r.length);
        for (double[] cell : r) {
            assertTrue(Double.isNaN(cell[0]) && Double.isNaN(cell[1]), java.util.Arrays.toString(cell));
        }
    }

    @Test
    void aSingleUnboundedTermIsBoundedByTheRestOfItsRow() {
        // x0 - x1 = -3, i.e. x1 = x0 + 3 with x0 >= 0: x1 >= 3, and nothing bounds either above
        double[][] b = propagate(2, eq(new int[] {0, 1}, new double[] {1, -1}, -3));
        assertEquals(0, b[0][0]);
        assertEquals(3, b[0][1]);
        assertEquals(Double.POSITIVE_INFINITY, b[1][0]);
        assertEquals(Double.POSITIVE_INFINITY, b[1][1]);
        // with a coefficient of 2: x0 - 2 x1 = -6 gives x1 >= 3
        b = propagate(2, eq(new int[] {0, 1}, new double[] {1, -2}, -6));
        assertEquals(3, b[0][1]);
        // and 2 x0 - x1 = 4 gives x0 >= 2
        b = propagate(2, eq(new int[] {0, 1}, new double[] {2, -1}, 4));
        assertEquals(2, b[0][0]);
        assertEquals(0, b[0][1]);
    }
}
