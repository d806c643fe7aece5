package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

/** {@code --width} and {@code --audit} must name the same pinned cells (issue 12). */
class WidthAuditAgreementTest {
    private static final ThresholdRule TEN = new ThresholdRule(10, ThresholdRule.Operator.LT, false);

    @Test
    void differencingWithinAWidthReportsExactlyTheCellsTheAuditPinsThatTightly() throws Exception {
        Random rnd = new Random(20260512L);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            int rows = 2 + rnd.nextInt(3);
            int cols = 2 + rnd.nextInt(3);
            int[][] v = new int[rows][cols];
            for (int[] r : v) {
                for (int j = 0; j < cols; j++) {
                    r[j] = rnd.nextInt(9);
                }
            }
            boolean[] hidden = new boolean[(rows + 1) * (cols + 1)];
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = rnd.nextInt(3) == 0;
            }
            CountTable t = AuditMonotonicityProperties.table(v, hidden);
            ReleaseModel m = ReleaseModel.build(ReleaseSet.of(t), ProgressMonitor.none());
            List<AuditedCell> audit = SuppressionAudit.audit(m, new OjAlgoIntervalSolver(),
                    ProtectionRequirement.exactOnly(), ProgressMonitor.none());
            for (double w : new double[] {0, 1, 2, 3, 5}) {
                Set<String> pinned = new TreeSet<>();
                for (AuditedCell a : audit) {
                    if (a.width() <= w) {
                        pinned.add(String.join("|", a.cell()) + "@" + a.low() + ".." + a.high());
                    }
                }
                Set<String> found = new TreeSet<>();
                for (RecoveredCell c : Differencing.within(m, w, TEN, audit, ProgressMonitor.none())) {
                    found.add(String.join("|", c.cell()) + "@" + c.low() + ".." + c.high());
                }
                assertEquals(pinned, found, "trial " + trial + ", width " + w);
                checked += pinned.size();
            }
        }
        // the random tables must actually contain pinned cells, or the comparison proves nothing
        assertEquals(true, checked > 40, "pinned cells compared: " + checked);
    }
}
