package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

class AggregateAnalysisTest {
    private static final ThresholdRule TEN = new ThresholdRule(10, ThresholdRule.Operator.LT, false);

    static AggregateConfig config(boolean audit, double width) {
        return new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, audit,
                ProtectionRequirement.exactOnly(), width, TEN);
    }

    static AggregateReport run(ReleaseSet base, List<ReleaseSet> later, AggregateConfig cfg) throws Exception {
        return AggregateAnalysis.run(base, later, cfg, new OjAlgoIntervalSolver(), null, ProgressMonitor.none());
    }

    @Test
    void everyReleaseOfASeriesGoesThroughTheRulesAndThePolicy() throws Exception {
        // release 1 is clean (smallest count 12); release 2 adds a3 = 4 and withholds a2 behind a
        // margin. Worked by hand: release 2 alone has one unsafe cell (4 < 10), a2 = 70 - 45 - 4
        // = 21 recovered from its margin, and the series increments are a1 45 - 30 = 15 (safe)
        // and a3 4 - 0 = 4 (a new group of 4, unsafe), a2 withheld in release 2 is skipped.
        CountTable w1 = table("F", List.of("area"), row("a1", 30), row("a2", 12), row("Total", 42));
        CountTable w2 = table("F", List.of("area"), row("a1", 45), row("a2", X), row("a3", 4), row("Total", 70));
        AggregateReport r = run(new ReleaseSet("w1", List.of(w1), Map.of()),
                List.of(new ReleaseSet("w2", List.of(w2), Map.of())), config(true, 0));
        assertEquals(2, r.releases().size());
        assertEquals(List.of(), r.releases().get(0).tables().get(0).unsafe());
        assertEquals(List.of("a3"), r.releases().get(1).tables().get(0).unsafe().get(0).cell());
        assertEquals(1, r.releases().get(1).summary().unsafeCells());
        assertEquals(21, r.releases().get(1).differencing().get(0).low());
        // the base release is what the dashboard shows; the summary covers both releases
        assertEquals(12, r.tables().get(0).minCount());
        AggregateSummary s = r.summary();
        assertEquals(2, s.releases());
        assertEquals(1, s.unsafeCells());
        assertEquals(4, s.minCount().get("F"));
        assertEquals(1, s.exposedCells()); // w2's a2, exactly recomputable
        assertEquals(2, s.recoverableCells()); // a2 in w2, and the increment of a3
        assertEquals(List.of("series-increment"), r.differencing().stream().map(RecoveredCell::kind)
                .filter(k -> k.startsWith("series")).toList());
        assertEquals(0, s.seriesDecreases());
        // a policy on the summary metrics now fails on release 2 (it passed on release 1 alone)
        PolicyProfile minCell = new PolicyProfile("p", "1", null, null, null, List.of(
                new PolicyRule("aggregates.minCount.*", Operator.GE, 10, Severity.FAIL, ""),
                new PolicyRule("aggregates.unsafeCells", Operator.EQ, 0, Severity.FAIL, "")));
        PolicyEvaluation ev = PolicyEvaluator.evaluate(minCell, Map.of("aggregates.minCount.F", s.minCount().get("F"),
                "aggregates.unsafeCells", (double) s.unsafeCells()), java.util.Locale.ENGLISH);
        assertTrue(ev.failed());
        PolicyEvaluation first = PolicyEvaluator.evaluate(minCell, Map.of("aggregates.minCount.F",
                r.releases().get(0).summary().minCount().get("F"), "aggregates.unsafeCells",
                (double) r.releases().get(0).summary().unsafeCells()), java.util.Locale.ENGLISH);
        assertTrue(!first.failed());
    }

    @Test
    void aDecreaseMakesTheSeriesNotCumulative() throws Exception {
        CountTable w1 = table("F", List.of("area"), row("a1", 30), row("a2", 20));
        CountTable w2 = table("F", List.of("area"), row("a1", 28), row("a2", 35));
        AggregateReport r = run(new ReleaseSet("w1", List.of(w1), Map.of()),
                List.of(new ReleaseSet("w2", List.of(w2), Map.of())), config(false, 0));
        assertEquals(1, r.summary().seriesDecreases());
        assertEquals(30, r.seriesDecreases().get(0).before());
        assertEquals(28, r.seriesDecreases().get(0).after());
        assertEquals(-1, r.summary().exposedCells());
        assertNull(r.audit());
    }

    @Test
    void aCellSharedByTwoTablesIsCountedOnce() throws Exception {
        // A (area × age) and B (area × gender) both publish a1's total 2 (unsafe) and both
        // withhold a2's total (exactly 30 - 2 = 28 from the grand total): one unsafe number and one
        // exposed number, although each appears in two tables
        CountTable a = table("A", List.of("area", "age"), row("a1", "Total", 2), row("a2", "Total", X),
                row("Total", "Total", 30));
        CountTable b = table("B", List.of("area", "gender"), row("a1", "Total", 2), row("a2", "Total", X),
                row("Total", "Total", 30));
        AggregateReport r = run(ReleaseSet.of(a, b), List.of(), config(true, 0));
        assertEquals(2, r.audit().size());
        assertEquals(1, r.summary().exposedCells());
        assertEquals(2, r.tables().stream().mapToInt(t -> t.unsafe().size()).sum());
        assertEquals(1, r.summary().unsafeCells());
        assertEquals(1, r.summary().recoverableCells());
    }

    @Test
    void aWidthRunsTheLpWithoutReportingTheAudit() throws Exception {
        AggregateReport r = run(DifferencingTest.threeVersions(), List.of(), config(false, 0.5));
        assertNull(r.audit());
        assertEquals(3, r.summary().recoverableCells());
        assertEquals(-1, r.summary().exposedCells());
        assertEquals(0.5, r.width());
    }

    @Test
    void optionsAreValidatedBeforeAnyWork() {
        ReleaseSet set = ReleaseSet.of(Tables.tauArgus());
        for (AggregateConfig bad : List.of(
                new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, false, null, -1, TEN),
                new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, false, null, 0, null),
                new AggregateConfig(null, List.of(), null, 0, false, null, 0, TEN),
                new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of("row"), null, 0, false, null, 0, TEN),
                new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of("row"), "col", -1, false, null, 0,
                        TEN),
                new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, true,
                        new ProtectionRequirement(-1, 0), 0, TEN),
                new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, true,
                        new ProtectionRequirement(0, 101), 0, TEN),
                new AggregateConfig(new PrimaryRuleConfig(null, null, 0, null), List.of(), null, 0, false, null, 0,
                        TEN))) {
            assertThrows(ConfigurationException.class, () -> run(set, List.of(), bad), bad.toString());
        }
    }

    @Test
    void groupDisclosureRunsOnLaterReleasesThatHaveTheDimensions() throws Exception {
        CountTable w1 = table("F", List.of("g", "area"), row("G1", "P", 12), row("G1", "Q", 8));
        CountTable w2 = table("F", List.of("g", "area"), row("G1", "P", 14), row("G1", "Q", 8), row("G2", "P", 11));
        CountTable other = table("H", List.of("home"), row("h1", 40));
        AggregateConfig cfg = new AggregateConfig(PrimaryRuleConfig.thresholdOnly(null), List.of("g"), "area", 0,
                false, null, 0, TEN);
        AggregateReport r = run(new ReleaseSet("w1", List.of(w1), Map.of()),
                List.of(new ReleaseSet("w2", List.of(w2), Map.of()), new ReleaseSet("w3", List.of(other), Map.of())),
                cfg);
        assertEquals(List.of(), r.groups());
        assertEquals(List.of("G2"), r.releases().get(1).groups().get(0).group());
        assertEquals(List.of(), r.releases().get(2).groups());
        assertEquals(1, r.summary().disclosedGroups());
        assertEquals(List.of("g"), r.groupDims());
    }
}
