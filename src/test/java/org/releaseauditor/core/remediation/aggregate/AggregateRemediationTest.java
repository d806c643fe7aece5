package org.releaseauditor.core.remediation.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.Hierarchy;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.ReleaseModel;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.aggregate.SuppressionAudit;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

class AggregateRemediationTest {

    static final double X = Double.NaN;

    /**
     * The τ-ARGUS manual's 3×2 table with its margins, all published: rows r1 (4, 3 | 7),
     * r2 (2, 1 | 3), r3 (3, 3 | 6), column totals 9 and 7, total 16.
     */
    static CountTable table(double... v) {
        String[][] keys = {
            {"r1", "c1"}, {"r1", "c2"}, {"r1", "Total"},
            {"r2", "c1"}, {"r2", "c2"}, {"r2", "Total"},
            {"r3", "c1"}, {"r3", "c2"}, {"r3", "Total"},
            {"Total", "c1"}, {"Total", "c2"}, {"Total", "Total"}};
        return CountTable.of("T", List.of("row", "col"), keys, v);
    }

    static final double[] FULL = {4, 3, 7, 2, 1, 3, 3, 3, 6, 9, 7, 16};

    static AggregateRemediation.Options options(double threshold, AggregateRemediation.Objective objective) {
        return AggregateRemediation.Options.of(PrimaryRuleConfig.thresholdOnly(
                new ThresholdRule(threshold, ThresholdRule.Operator.LT, false)), ProtectionRequirement.exactOnly(),
                objective);
    }

    static List<AuditedCell> reaudit(ReleaseSet set) throws Exception {
        return SuppressionAudit.audit(ReleaseModel.build(set, ProgressMonitor.none()), new OjAlgoIntervalSolver(),
                ProtectionRequirement.exactOnly(), ProgressMonitor.none());
    }

    @Test
    void primaryCellsAreProtectedBySecondarySuppressionThatTheAuditProvesSafe() throws Exception {
        // count < 3 is unsafe: x21 = 2 and x22 = 1. Withholding only them leaves x21 pinned by the
        // first column (9 − 4 − 3), so secondary cells are needed.
        AggregateRemediation.Result r = AggregateRemediation.run(ReleaseSet.of(table(FULL)),
                options(3, AggregateRemediation.Objective.TOTAL), new OjAlgoIntervalSolver(), ProgressMonitor.none());
        assertEquals(2, r.primary().size());
        assertEquals("primary:threshold", r.primary().get(0).reason());
        assertEquals(List.of("r2", "c1"), r.primary().get(0).cell());
        assertFalse(r.secondary().isEmpty());
        assertTrue(r.safe());
        assertTrue(r.exposed().isEmpty());
        // the proof: an independent re-audit of the remediated table finds nothing exposed
        List<AuditedCell> again = reaudit(r.remediated());
        assertEquals(r.suppressedCells(), again.size());
        assertTrue(again.stream().noneMatch(AuditedCell::exposed));
        double total = 0;
        for (var s : r.primary()) {
            total += s.value();
        }
        for (var s : r.secondary()) {
            total += s.value();
            assertEquals("secondary", s.reason());
        }
        assertEquals(total, r.suppressedTotal());
        // the four inner cells of two rows and two columns form the smallest safe pattern here
        assertEquals(4, r.suppressedCells());
    }

    @Test
    void alreadyWithheldCellsThatArePinnedGetProtectedToo() throws Exception {
        // x22 alone withheld: row r2 gives it back (3 − 2). No primary cell (threshold 1).
        double[] v = FULL.clone();
        v[4] = X;
        AggregateRemediation.Result r = AggregateRemediation.run(ReleaseSet.of(table(v)),
                options(1, AggregateRemediation.Objective.CELLS), new OjAlgoIntervalSolver(), ProgressMonitor.none());
        assertEquals(1, r.alreadyWithheld());
        assertTrue(r.primary().isEmpty());
        assertEquals(3, r.secondary().size(), "a rectangle: x21, x12 and x11 or x31/x32 with x22");
        assertTrue(r.safe());
        assertTrue(reaudit(r.remediated()).stream().noneMatch(AuditedCell::exposed));
    }

    @Test
    void safeReleaseNeedsNothing() throws Exception {
        AggregateRemediation.Result r = AggregateRemediation.run(ReleaseSet.of(table(FULL)),
                options(1, AggregateRemediation.Objective.TOTAL), new OjAlgoIntervalSolver(), ProgressMonitor.none());
        assertTrue(r.primary().isEmpty());
        assertTrue(r.secondary().isEmpty());
        assertTrue(r.safe());
        assertEquals(1, r.audits());
    }

    @Test
    void coarserDimensionAlternativeCountsTheCellsLeftUnsafe() throws Exception {
        // rows r1, r2 form region A, r3 region B: summing rows leaves (6, 4) and (3, 3): nothing < 3
        Hierarchy h = Hierarchy.of("row", List.of("row", "region"), List.of(List.of("r1", "A"), List.of("r2", "A"),
                List.of("r3", "B")));
        ReleaseSet set = new ReleaseSet("s", List.of(table(FULL)), Map.of("row", h));
        List<AggregateRemediation.Coarsening> c = AggregateRemediation.coarsenings(set,
                PrimaryRuleConfig.thresholdOnly(new ThresholdRule(3, ThresholdRule.Operator.LT, false)));
        assertEquals(1, c.size());
        assertEquals("region", c.get(0).level());
        assertEquals(2, c.get(0).unsafeBefore());
        assertEquals(0, c.get(0).unsafeAfter());
        assertEquals(12, c.get(0).cellsBefore());
        assertEquals(9, c.get(0).cellsAfter());
    }

    @Test
    void twoTablesSharingCellsAreSuppressedConsistently() throws Exception {
        // a second table publishes the row margins again (by row only)
        CountTable rows = CountTable.of("R", List.of("row"), new String[][] {{"r1"}, {"r2"}, {"r3"}, {"Total"}},
                new double[] {7, 3, 6, 16});
        AggregateRemediation.Result r = AggregateRemediation.run(ReleaseSet.of(table(FULL), rows),
                options(3, AggregateRemediation.Objective.TOTAL), new OjAlgoIntervalSolver(), ProgressMonitor.none());
        assertTrue(r.safe());
        List<String> withheld = new ArrayList<>();
        for (CountTable t : r.remediated().tables()) {
            for (int c = 0; c < t.cellCount(); c++) {
                if (t.isSuppressed(c)) {
                    withheld.add(t.name() + t.key(c));
                }
            }
        }
        // a margin withheld in T is withheld in R as well, and vice versa
        for (String w : withheld) {
            if (w.startsWith("T") && w.endsWith(", Total]")) {
                String row = w.substring(2, w.indexOf(','));
                assertTrue(withheld.contains("R[" + row + "]"), w);
            }
        }
        assertTrue(reaudit(r.remediated()).stream().noneMatch(AuditedCell::exposed));
    }
}
