package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

class CellStatusTest {

    @Test
    void colourLegendFollowsTheMostSeriousFinding() throws Exception {
        CountTable t = table("A", List.of("hour", "area"),
                row("08", "a1", X), row("08", "a2", 4), row("08", "a3", 20), row("08", "Total", 30),
                row("09", "a1", X), row("09", "a2", X), row("09", "a3", 25), row("09", "Total", 40));
        ReleaseSet set = ReleaseSet.of(t);
        ThresholdRule rule = new ThresholdRule(5, ThresholdRule.Operator.LT, false);
        ReleaseModel m = ReleaseModel.build(set, ProgressMonitor.none());
        List<TableRuleResult> rules = PrimaryRules.apply(set, PrimaryRuleConfig.thresholdOnly(rule),
                ProgressMonitor.none());
        List<RecoveredCell> diff = Differencing.within(m, 0, rule, ProgressMonitor.none());
        List<AuditedCell> audit = SuppressionAudit.audit(m, new OjAlgoIntervalSolver(),
                new ProtectionRequirement(20, 0), ProgressMonitor.none());
        AggregateReport r = new AggregateReport("r", rule, 0, Double.NaN, Double.NaN, List.of(), rules, List.of(),
                List.of(), null, diff, audit, new ProtectionRequirement(20, 0), null,
                new AggregateSummary(1, 8, 3, 1, 3, 1, 0, Map.of()));
        // 08|a1 = 30-4-20 = 6 recovered; 09|a1, 09|a2 ∈ [0,15]: width 15 < 20 → exposed
        assertArrayEquals(new CellStatus[] {CellStatus.RECOVERED, CellStatus.UNSAFE, CellStatus.SAFE, CellStatus.SAFE,
            CellStatus.EXPOSED, CellStatus.EXPOSED, CellStatus.SAFE, CellStatus.SAFE}, CellStatus.classify(t, r));
        assertEquals(Map.of("a1", Double.NaN, "a2", 4.0, "a3", 20.0).keySet(), CellStatus.minCountBy(t, "area").keySet());
        assertEquals(4.0, CellStatus.minCountBy(t, "area").get("a2"));
        assertEquals(20.0, CellStatus.minCountBy(t, "area").get("a3"));
        CellStatus.Grid g = CellStatus.timeByArea(t, "hour", "area");
        assertEquals(List.of("08", "09"), g.times());
        assertEquals(25.0, g.counts()[1][2]);
        assertEquals(Double.NaN, g.counts()[1][0]);
    }
}
