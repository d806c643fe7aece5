package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

/** Small behaviours of the model records, each checked against a worked value. */
class AggregateModelDetailTest {
    private static final ThresholdRule TEN = new ThresholdRule(10, ThresholdRule.Operator.LT, false);

    @Test
    void countTableBasics() {
        CountTable t = table("A", List.of("area", "hour"), row("a1", "08", 3), row("Total", "08", 5));
        assertEquals("A", t.file());
        assertEquals(2, t.line(0));
        assertEquals(3, t.line(1));
        assertFalse(t.hasMagnitude());
        assertTrue(Double.isNaN(t.magnitude(0)));
        assertFalse(t.hasContributions());
        assertEquals(0, t.contributions(0).length);
        assertEquals(CountTable.TOTAL, t.codeOf(0, "Total"));
        assertEquals(0, t.codeOf(0, "a1"));
        assertEquals(-2, t.codeOf(0, "a9"));
        assertEquals(-1, t.dimensionIndex("age"));
        assertEquals("CountTable[A, dims=[area, hour], cells=2]", t.toString());
        assertFalse(t.toString().contains("3"), "no values in toString");
        assertTrue(t.isMargin(1));
        assertFalse(t.isMargin(0));
        assertEquals(1, t.cardinality(0));
        CountTable c = t.withContributions(new double[][] {{1, 5, 3, 4}, null});
        assertTrue(c.hasContributions());
        assertArrayEquals(new double[] {5, 4, 3, 1}, c.contributions(0));
        assertArrayEquals(new double[0], c.contributions(1));
        assertEquals(8, ReleaseSet.of(t, c).cellCount() * 2);
    }

    @Test
    void tableSpecCopies() {
        TableSpec s = TableSpec.of("A").withDimensions(List.of("a", "b")).withMagnitude("m")
                .withTokens(Set.of("ALL"), Set.of("-"));
        assertEquals(List.of("a", "b"), s.dimensions());
        assertEquals("m", s.magnitudeColumn());
        assertEquals(Set.of("ALL"), s.marginTokens());
        assertEquals(Set.of("-"), s.suppressionMarkers());
        assertEquals("count", s.countColumn());
        assertEquals(1.0, s.scale());
        assertFalse(s.extrapolated());
        assertTrue(s.withScale(0, "f").extrapolated());
        assertEquals(1.0, s.withScale(0, null).scale()); // 0 means "not declared"
    }

    @Test
    void ruleConfigurationAccessorsAndLimits() {
        PrimaryRuleConfig off = new PrimaryRuleConfig(TEN, 0, 75, Double.NaN);
        assertNull(off.dominance());
        assertEquals(0, off.dominanceN());
        assertTrue(Double.isNaN(off.dominanceK()));
        PrimaryRuleConfig on = new PrimaryRuleConfig(TEN, 1, 75, Double.NaN);
        assertEquals(1, on.dominanceN());
        assertEquals(75, on.dominanceK());
        assertFalse(on.zeroMagnitudeUnsafe());
        assertEquals(new DominanceRule(2, 85, DominanceRule.Boundary.GT), DominanceRule.sdcTable());
        assertEquals(new PqRule(25, 50), PqRule.sdcTableDefault());
        assertDoesNotThrow(() -> new PrimaryRuleConfig(new ThresholdRule(0, ThresholdRule.Operator.LT, false),
                new DominanceRule(1, 100, DominanceRule.Boundary.GE), 100, new PqRule(99.9, 100)).validate());
        assertThrows(ConfigurationException.class, () -> new PrimaryRuleConfig(new ThresholdRule(
                Double.POSITIVE_INFINITY, ThresholdRule.Operator.LT, false), null, Double.NaN, null).validate());
        assertThrows(ConfigurationException.class, () -> new PrimaryRuleConfig(new ThresholdRule(5, null, false),
                null, Double.NaN, null).validate());
        PrimaryRuleConfig acro = PrimaryRuleConfig.acro();
        assertEquals(new ThresholdRule(10, ThresholdRule.Operator.LT, true), acro.threshold());
        assertEquals(DominanceRule.acro(), acro.dominance());
        assertEquals(10, acro.pPercent());
        assertTrue(acro.zeroMagnitudeUnsafe());
        assertNull(acro.pq());
    }

    @Test
    void pqAloneFlagsAnAllZeroCellUnderTheZeroConvention() {
        // a: two contributions of 0; b: three of 5 (T - x1 - x2 = 5 >= 25/50 * 5: safe)
        CountTable t = table("M", List.of("c"), row("a", 2), row("b", 3)).withContributions(
                new double[][] {{0, 0}, {5, 5, 5}});
        List<UnsafeCell> u = PrimaryRules.apply(ReleaseSet.of(t), new PrimaryRuleConfig(null, null, Double.NaN,
                new PqRule(25, 50), true), ProgressMonitor.none()).get(0).unsafe();
        assertEquals(1, u.size());
        assertEquals(List.of("pq"), u.get(0).rules());
        assertEquals("all 2 contributions are 0 (zeros unsafe)", u.get(0).detail());
        // without p % or pq the convention has nothing to attach to
        assertTrue(PrimaryRules.apply(ReleaseSet.of(t), new PrimaryRuleConfig(null, null, Double.NaN, null, true),
                ProgressMonitor.none()).get(0).unsafe().isEmpty());
        assertFalse(PrimaryRules.pPercentUnsafe(new double[0], 0, 10));
        assertFalse(PrimaryRules.pPercentUnsafe(new double[] {0, 0}, 0, 10));
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(t), PrimaryRuleConfig.thresholdOnly(null),
                ProgressMonitor.none()).get(0);
        assertEquals(1, r.zeroMagnitudeCells());
        assertEquals(1.0 / 3, r.maxTop1Share(), 1e-15);
        assertEquals(2.0 / 3, r.maxTop2Share(), 1e-15);
        assertEquals(1.0, r.minPRatio());
    }

    @Test
    void zeroCellsAndTheSmallestCountAreCounted() {
        CountTable t = table("A", List.of("area"), row("a", 0), row("b", 7), row("c", X), row("d", 0), row("e", 3));
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(t), PrimaryRuleConfig.thresholdOnly(null),
                ProgressMonitor.none()).get(0);
        assertEquals(2, r.zeroCells());
        assertEquals(3, r.minCount());
        assertEquals(1, r.suppressed());
        assertTrue(Double.isNaN(r.maxTop1Share()));
        TableRuleResult old = new TableRuleResult("A", 1, 0, 3, false, List.of());
        assertEquals(0, old.zeroCells());
        assertTrue(Double.isNaN(old.minPRatio()));
    }

    @Test
    void auditedCellsWithoutALocationAndAtTheEdges() {
        AuditedCell legacy = new AuditedCell("T", 3, List.of("a", "b"), 1, 4, 0, false, true);
        assertEquals(List.of("T", "a", "b"), legacy.location());
        assertEquals(3, legacy.width());
        Locale before = Messages.locale();
        try {
            Messages.setLocale(Locale.GERMAN);
            assertTrue(legacy.explain().startsWith("Geschützt"), legacy.explain());
        } finally {
            Messages.setLocale(before);
        }
        // a width within the tolerance of the requirement counts as meeting it
        AuditedCell almost = AuditedCell.of("T", 0, List.of("a"), 0, 3 - 1e-12, new ProtectionRequirement(3, 0),
                List.of("a"));
        assertEquals(AuditedCell.Exposure.PROTECTED, almost.exposure());
        // a hair wide is still a single value
        AuditedCell point = AuditedCell.of("T", 0, List.of("a"), 2, 2 + 1e-7, new ProtectionRequirement(0, 0),
                List.of("a"));
        assertEquals(AuditedCell.Exposure.EXACT, point.exposure());
        assertTrue(point.exposed());
        AuditedCell narrow = AuditedCell.of("T", 0, List.of("a"), 2, 2.5, new ProtectionRequirement(1, 0), List.of("a"));
        assertEquals(AuditedCell.Exposure.NARROW, narrow.exposure());
        // an unbounded interval needs no percentage: the required width stays the absolute one
        assertEquals(2, new ProtectionRequirement(2, 50).required(Double.POSITIVE_INFINITY));
        assertEquals(5, new ProtectionRequirement(2, 50).required(10));
    }

    @Test
    void recoveredCellsAndResults() {
        RecoveredCell r = new RecoveredCell("T", List.of("a"), 1, 3, "bounded", "T[a] in [1, 3]");
        assertFalse(r.exact());
        assertEquals(List.of("T", "a"), r.location());
        assertTrue(new RecoveredCell("T", List.of("a"), 2, 2, "margin", "").exact());
        RecoveryResult none = new RecoveryResult(1, 1, 1, 1, "discrete", 1, 1, 1, 2, 1, 1, 0, 1, true, 1, 1, 1, 1, 1, 1);
        assertFalse(none.tie());
        RecoveryResult one = new RecoveryResult(1, 1, 1, 1, "discrete", 1, 1, 1, 2, 1, 1, 1, 1, true, 1, 1, 1, 1, 1, 1);
        assertTrue(one.tie());
    }

    @Test
    void cellStatusHelpersSkipWhatTheyCannotPlace() {
        CountTable t = table("A", List.of("hour", "area", "sex"),
                row("08", "a1", "Total", 0), row("08", "a2", "Total", 6), row("08", "a2", "f", 2),
                row("09", "a1", "f", 0), row("09", "a1", "m", 4), row("09", "a2", "Total", X),
                row("Total", "a1", "Total", 5));
        Map<String, Double> min = CellStatus.minCountBy(t, "area");
        assertEquals(4.0, min.get("a1")); // the 0 and every margin row are skipped
        assertEquals(2.0, min.get("a2"));
        assertTrue(CellStatus.minCountBy(t, "district").isEmpty());
        CellStatus.Grid g = CellStatus.timeByArea(t, "hour", "area");
        assertEquals(6.0, g.counts()[0][1]); // the sex margin, not the f cell
        assertTrue(Double.isNaN(g.counts()[1][1])); // withheld
        assertEquals(0.0, g.counts()[0][0]);
        CellStatus.Grid none = CellStatus.timeByArea(t, "hour", "district");
        assertEquals(0, none.counts().length);
        assertEquals(List.of(), none.times());
    }

    @Test
    void groupDisclosurePrefersMarginalCellsAndSkipsGroupMargins() throws Exception {
        // the sex margin is published and complete, the detailed cells withhold one: the
        // marginal cells decide, so the finding is not marked as only possible
        CountTable t = table("F", List.of("g", "area", "sex"),
                row("G1", "P", "Total", 12), row("G1", "Q", "Total", 0),
                row("G1", "P", "f", X), row("G1", "P", "m", 7), row("Total", "P", "Total", 12));
        List<DisclosedGroup> g = GroupDisclosure.find(ReleaseSet.of(t), List.of("g"), "area", 0,
                ProgressMonitor.none());
        assertEquals(1, g.size());
        assertEquals(List.of("G1"), g.get(0).group());
        assertEquals(12, g.get(0).members());
        assertFalse(g.get(0).hasSuppressed());
        // without marginal cells, the detailed ones are added up and the withheld one is noted
        CountTable detailed = table("F", List.of("g", "area", "sex"),
                row("G1", "P", "f", X), row("G1", "P", "m", 7), row("G1", "Q", "m", 0));
        DisclosedGroup d = GroupDisclosure.find(ReleaseSet.of(detailed), List.of("g"), "area", 0,
                ProgressMonitor.none()).get(0);
        assertEquals(7, d.members());
        assertTrue(d.hasSuppressed());
        assertTrue(GroupDisclosure.applicable(ReleaseSet.of(t), List.of("g"), "area"));
        assertFalse(GroupDisclosure.applicable(ReleaseSet.of(t), List.of("g"), "district"));
        assertFalse(GroupDisclosure.applicable(ReleaseSet.of(t), List.of("home"), "area"));
        // a table without the dimensions is skipped when another has them
        CountTable other = table("H", List.of("home"), row("h1", 40));
        assertEquals(1, GroupDisclosure.find(ReleaseSet.of(other, t), List.of("g"), "area", 0,
                ProgressMonitor.none()).size());
    }

    @Test
    void configurationLimits() {
        AggregateConfig plain = new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), null, null, -1, false, null,
                0, TEN);
        assertFalse(plain.needsLp());
        assertFalse(plain.groupCheck());
        assertDoesNotThrow(plain::validate); // allowed is not read without a group check
        assertTrue(new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, false, null, 0.5, TEN)
                .needsLp());
        assertTrue(new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, true, null, 0, TEN)
                .needsLp());
        assertDoesNotThrow(() -> new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN), List.of(), null, 0, true,
                new ProtectionRequirement(0, 100), 0, TEN).validate());
        assertThrows(ConfigurationException.class, () -> new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN),
                List.of(), null, 0, true, new ProtectionRequirement(Double.POSITIVE_INFINITY, 0), 0, TEN).validate());
        assertThrows(ConfigurationException.class, () -> new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN),
                List.of(), null, 0, false, null, Double.POSITIVE_INFINITY, TEN).validate());
        assertThrows(ConfigurationException.class, () -> new AggregateConfig(PrimaryRuleConfig.thresholdOnly(TEN),
                List.of("g"), "area", Double.POSITIVE_INFINITY, false, null, 0, TEN).validate());
    }

    @Test
    void theReportKeepsItsRulesAndFillsTheFormerForm() throws Exception {
        AggregateReport r = AggregateAnalysis.run(ReleaseSet.of(Tables.tauArgus()), List.of(),
                new AggregateConfig(new PrimaryRuleConfig(TEN, DominanceRule.acro(), 10, PqRule.sdcTableDefault()),
                        List.of(), null, 0, false, null, 0, TEN), new OjAlgoIntervalSolver(), null, ProgressMonitor.none());
        assertEquals(TEN, r.threshold());
        assertEquals(2, r.dominanceN());
        assertEquals(90, r.dominanceK());
        assertEquals(DominanceRule.acro(), r.dominance());
        assertEquals(10, r.pPercent());
        assertEquals(PqRule.sdcTableDefault(), r.pq());
        assertEquals(List.of(), r.groupDims());
        assertNull(r.groupBy());
        assertEquals(List.of(), r.extrapolated());
        assertEquals(12, r.summary().cells());
        assertEquals(1, r.summary().tables());
        assertEquals(4, r.summary().suppressedCells());
        AggregateReport old = new AggregateReport("r", null, 0, Double.NaN, Double.NaN, List.of(), List.of(), List.of(),
                List.of(), null, List.of(), null, ProtectionRequirement.exactOnly(), null,
                new AggregateSummary(0, 0, 0, 0, -1, 0, 0, Map.of()));
        assertNull(old.threshold());
        assertNull(old.dominance());
        assertTrue(old.releases().isEmpty());
        assertEquals(-1, old.summary().zeroCells());
        assertEquals(-1, old.summary().seriesDecreases());
        assertEquals(1, old.summary().releases());
        AggregateReport noRules = new AggregateReport("r", (PrimaryRuleConfig) null, List.of(), List.of(), List.of(),
                List.of(), null, List.of(), null, ProtectionRequirement.exactOnly(), null, old.summary(), List.of(),
                List.of(), 0);
        assertNull(noRules.threshold());
        assertNull(noRules.pq());
    }

    @Test
    void summariesAddUpOverReleases() throws Exception {
        // w1: 3 cells, a 0 and a withheld one; w2: 4 cells (two withheld, two zeros); extrapolated
        CountTable w1 = table("F", List.of("area"), row("a1", 0), row("a2", X), row("Total", 12));
        CountTable w2 = CountTableReader.read(PrimaryRulesTest.dataset(List.of("area", "count"), List.of(
                List.of("a1", "0"), List.of("a2", "x"), List.of("a3", "0"), List.of("a4", "x"))),
                TableSpec.of("F").withScale(2, null), "w2.csv", Map.of(), ProgressMonitor.none());
        AggregateReport r = AggregateAnalysis.run(new ReleaseSet("w1", List.of(w1), Map.of()),
                List.of(new ReleaseSet("w2", List.of(w2), Map.of())), new AggregateConfig(
                        PrimaryRuleConfig.thresholdOnly(null), List.of(), null, 0, false, null, 0, TEN),
                new OjAlgoIntervalSolver(), null, ProgressMonitor.none());
        AggregateSummary s = r.summary();
        assertEquals(2, s.tables());
        assertEquals(7, s.cells());
        assertEquals(3, s.suppressedCells());
        assertEquals(3, s.zeroCells());
        assertEquals(0, s.zeroMagnitudeCells());
        assertEquals(1, r.releases().get(0).summary().zeroCells());
        assertEquals(2, r.releases().get(1).summary().suppressedCells());
        assertEquals(List.of(), r.extrapolated()); // the base release is not extrapolated
        AggregateReport ex = AggregateAnalysis.run(new ReleaseSet("w2", List.of(w2), Map.of()), List.of(),
                new AggregateConfig(PrimaryRuleConfig.thresholdOnly(null), List.of(), null, 0, false, null, 0, TEN),
                new OjAlgoIntervalSolver(), null, ProgressMonitor.none());
        assertEquals(List.of("F"), ex.extrapolated());
    }

    @Test
    void modelToleranceForExtrapolatedTablesAndConflicts() throws Exception {
        // extrapolated by 3: raw 10 / 3 + 20 / 3 = 10, published total 31 / 3 = 10.33: within half a
        // person per term, accepted; 35 / 3 = 11.67 is not
        java.util.function.Function<String, CountTable> t = total -> {
            try {
                return CountTableReader.read(PrimaryRulesTest.dataset(List.of("area", "count"), List.of(
                        List.of("a1", "10"), List.of("a2", "20"), List.of("Total", total))),
                        TableSpec.of("A").withScale(3, null), "a.csv", Map.of(), ProgressMonitor.none());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertDoesNotThrow(() -> ReleaseModel.build(ReleaseSet.of(t.apply("31")), ProgressMonitor.none()));
        assertThrows(DatasetFormatException.class, () -> ReleaseModel.build(ReleaseSet.of(t.apply("35")),
                ProgressMonitor.none()));
        // whole counts: off by one is an error
        assertThrows(DatasetFormatException.class, () -> ReleaseModel.build(ReleaseSet.of(table("A", List.of("area"),
                row("a1", 10), row("a2", 20), row("Total", 31))), ProgressMonitor.none()));
        // two tables that give one cell different values
        CountTable a = table("A", List.of("area"), row("a1", 10));
        CountTable b = table("B", List.of("area"), row("a1", 11));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ReleaseModel.build(ReleaseSet.of(a, b), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("11") && e.getMessage().contains("10"), e.getMessage());
        assertDoesNotThrow(() -> ReleaseModel.build(ReleaseSet.of(a, table("C", List.of("area"), row("a1", 10))),
                ProgressMonitor.none()));
        assertEquals("2.50", ReleaseModel.fmt(2.5));
        assertEquals("3", ReleaseModel.fmt(3));
    }

    @Test
    void modelNamesQuantitiesByTableOrLocation() throws Exception {
        ReleaseModel m = ReleaseModel.build(new ReleaseSet("r", List.of(ReleaseModelTest.a()),
                Map.of("age", ReleaseModelTest.ages())), ProgressMonitor.none());
        assertEquals(List.of("age"), m.dimensions());
        int q = m.quantityOf(0, 0);
        assertEquals("A[18-64]", m.label(q));
        assertFalse(m.unpublished(q));
        assertEquals(2, m.sources(q).length);
        int unknown = -1;
        for (int i = 0; i < m.quantityCount(); i++) {
            if (m.location(i).equals(List.of("18-19"))) {
                unknown = i;
            }
        }
        assertTrue(m.unpublished(unknown));
        assertEquals("unpublished[18-19]", m.label(unknown));
        assertTrue(Double.isNaN(m.known(unknown)));
        assertEquals(50, m.known(q));
    }
}
