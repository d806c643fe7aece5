package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

/** Interval propagation, the proven-bound shortcuts and the audit's edge cases. */
class SuppressionAuditDetailTest {

    /** Counts the linear programs the audit asks for. */
    static final class Counting implements IntervalSolver {
        final IntervalSolver inner = new OjAlgoIntervalSolver();
        int programs;

        @Override
        public Session open(LinearSystem system) {
            Session s = inner.open(system);
            return (target, max) -> {
                programs++;
                return s.optimise(target, max);
            };
        }
    }

    static LinearSystem.Row eq(int[] vars, double[] coefs, double rhs) {
        return new LinearSystem.Row(vars, coefs, rhs);
    }

    static double[][] propagate(int variables, LinearSystem.Row... rows) {
        double[] lo = new double[variables];
        double[] hi = new double[variables];
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        SuppressionAudit.propagate(new LinearSystem(variables, List.of(rows)), lo, hi);
        return new double[][] {lo, hi};
    }

    @Test
    void propagationBoundsEachTermByTheOthers() {
        // x0 + x1 = 10: each in [0, 10]
        double[][] b = propagate(2, eq(new int[] {0, 1}, new double[] {1, 1}, 10));
        assertArrayEquals(new double[] {0, 0}, b[0]);
        assertArrayEquals(new double[] {10, 10}, b[1]);
        // and x1 + x2 = 3: x1 <= 3, so x0 >= 7
        b = propagate(3, eq(new int[] {0, 1}, new double[] {1, 1}, 10), eq(new int[] {1, 2}, new double[] {1, 1}, 3));
        assertArrayEquals(new double[] {7, 0, 0}, b[0]);
        assertArrayEquals(new double[] {10, 3, 3}, b[1]);
        // a margin as unknown: x1 + x2 - x0 = 0 with x1 + x3 = 2 and x2 + x4 = 5: x0 <= 7
        b = propagate(5, eq(new int[] {1, 2, 0}, new double[] {1, 1, -1}, 0), eq(new int[] {1, 3},
                new double[] {1, 1}, 2), eq(new int[] {2, 4}, new double[] {1, 1}, 5));
        assertEquals(7, b[1][0]);
        assertEquals(0, b[0][0]);
        // x0 - x1 = 2: x0 >= 2; with x0 + x2 = 5 also x1 <= 3
        b = propagate(3, eq(new int[] {0, 1}, new double[] {1, -1}, 2), eq(new int[] {0, 2}, new double[] {1, 1}, 5));
        assertEquals(2, b[0][0]);
        assertEquals(5, b[1][0]);
        assertEquals(3, b[1][1]);
        assertEquals(3, b[1][2]);
        // two unbounded terms bound nothing: x0 - x1 - x2 = 0
        b = propagate(3, eq(new int[] {0, 1, 2}, new double[] {1, -1, -1}, 0));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                b[1]);
        // a coefficient of 2: 2 x0 + x1 = 8 gives x0 <= 4
        b = propagate(2, eq(new int[] {0, 1}, new double[] {2, 1}, 8));
        assertEquals(4, b[1][0]);
        assertEquals(8, b[1][1]);
    }

    @Test
    void aCellThatPropagationPinsCostsNoProgram() throws Exception {
        CountTable t = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "old", 9), row("a1", "Total", 11));
        Counting lp = new Counting();
        List<AuditedCell> cells = SuppressionAudit.audit(ReleaseModel.build(ReleaseSet.of(t), ProgressMonitor.none()),
                lp, ProtectionRequirement.exactOnly(), ProgressMonitor.none());
        assertEquals(2, cells.get(0).low());
        assertEquals(0, lp.programs);
    }

    @Test
    void provenBoundsSaveProgramsOnTheTauArgusExample() throws Exception {
        // 4 withheld cells, 8 bounds. Propagation already gives every interval ([3,6], [1,4],
        // [0,3], [0,3]) but proves none; each maximum found also shows its partners at their
        // minima, so fewer than 8 programs are needed, and the intervals are the same.
        Counting lp = new Counting();
        List<AuditedCell> cells = SuppressionAudit.audit(ReleaseModel.build(ReleaseSet.of(Tables.tauArgus()),
                ProgressMonitor.none()), lp, ProtectionRequirement.exactOnly(), ProgressMonitor.none());
        assertTrue(lp.programs > 0 && lp.programs < 8, "programs: " + lp.programs);
        assertEquals(List.of(3.0, 6.0, 1.0, 4.0, 0.0, 3.0, 0.0, 3.0), cells.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.low(), c.high())).toList());
    }

    @Test
    void fractionalCountsAreNotRounded() throws Exception {
        // extrapolated with factor 2: the total 5 is 2.5 people; the two withheld cells lie in
        // [0, 2.5] (rounding to whole people would claim [0, 2])
        CountTable t = CountTableReader.read(PrimaryRulesTest.dataset(List.of("area", "count"), List.of(
                List.of("a1", "x"), List.of("a2", "x"), List.of("Total", "5"))), TableSpec.of("A").withScale(2, null),
                "a.csv", Map.of(), ProgressMonitor.none());
        List<AuditedCell> cells = SuppressionAudit.audit(ReleaseModel.build(ReleaseSet.of(t), ProgressMonitor.none()),
                new OjAlgoIntervalSolver(), ProtectionRequirement.exactOnly(), ProgressMonitor.none());
        assertEquals(0, cells.get(0).low());
        assertEquals(2.5, cells.get(0).high());
        // whole counts: rounded inwards
        CountTable whole = table("A", List.of("area"), row("a1", X), row("a2", X), row("Total", 5));
        assertEquals(5, SuppressionAudit.audit(ReleaseModel.build(ReleaseSet.of(whole), ProgressMonitor.none()),
                new OjAlgoIntervalSolver(), ProtectionRequirement.exactOnly(), ProgressMonitor.none()).get(0).high());
    }

    @Test
    void aMarginBelowItsPublishedCellsIsBadInput() {
        // a1's total 5 is smaller than its published old cell 9: no count for young fits
        CountTable t = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "old", 9), row("a1", "Total", 5));
        org.releaseauditor.core.error.DatasetFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.releaseauditor.core.error.DatasetFormatException.class,
                () -> ReleaseModel.build(ReleaseSet.of(t), ProgressMonitor.none()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("already add up to 9"), e.getMessage());
    }

    @Test
    void numbersThatContradictOnlyTogetherMakeTheCellsInfeasible() throws Exception {
        // three withheld cells of a hierarchy level (c1, c2, c3, all under Total = 9) with three
        // published groupings: D = {c1, c2} = 1, E = {c1, c3} = 1, F = {c2, c3} = 5. Each grouping
        // alone is fine, but c2 + c3 <= 1 + 1 - 2 c1 <= 2 < 5: no non-negative counts fit.
        Hierarchy h = Hierarchy.of("area", List.of("cell", "v1", "v2", "v3"), List.of(
                List.of("c1", "D", "E", "G"), List.of("c2", "D", "H", "F"), List.of("c3", "I", "E", "F")));
        CountTable t = table("A", List.of("area"), row("c1", X), row("c2", X), row("c3", X), row("D", 1),
                row("E", 1), row("F", 5));
        List<AuditedCell> cells = SuppressionAudit.audit(ReleaseModel.build(new ReleaseSet("r", List.of(t),
                Map.of("area", h)), ProgressMonitor.none()), new OjAlgoIntervalSolver(), ProtectionRequirement.exactOnly(),
                ProgressMonitor.none());
        assertEquals(3, cells.size());
        for (AuditedCell c : cells) {
            assertFalse(c.feasible(), c.toString());
            assertFalse(c.exposed());
            assertEquals(AuditedCell.Exposure.INFEASIBLE, c.exposure());
        }
    }
}
