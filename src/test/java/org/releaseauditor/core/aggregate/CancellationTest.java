package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

class CancellationTest {

    private static CancellationFlag cancelled() {
        CancellationFlag f = new CancellationFlag();
        f.cancel();
        return f;
    }

    @Test
    void everyLongComputationStopsWhenCancelled() throws Exception {
        ReleaseSet set = ReleaseSet.of(Tables.tauArgus());
        ReleaseModel model = ReleaseModel.build(set, ProgressMonitor.none());
        ThresholdRule rule = new ThresholdRule(5, ThresholdRule.Operator.LT, false);
        assertThrows(CancelledException.class, () -> ReleaseModel.build(set, cancelled()));
        assertThrows(CancelledException.class,
                () -> PrimaryRules.apply(set, PrimaryRuleConfig.thresholdOnly(rule), cancelled()));
        assertThrows(CancelledException.class, () -> SuppressionAudit.audit(model, new OjAlgoIntervalSolver(),
                ProtectionRequirement.exactOnly(), cancelled()));
        assertThrows(CancelledException.class,
                () -> GroupDisclosure.find(set, List.of("row"), "col", 0, cancelled()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"u", "0", "a"});
        rows.add(new String[] {"u", "1", "b"});
        assertThrows(CancelledException.class,
                () -> new TrajectoryRecovery(GroundTruth.of(2, 2, rows), TrajectoryRecovery.Config.defaults(2))
                        .run(cancelled()));
    }
}
