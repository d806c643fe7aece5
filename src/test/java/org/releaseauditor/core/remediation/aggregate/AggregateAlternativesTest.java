package org.releaseauditor.core.remediation.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.Hierarchy;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

/** Coarsening and rounding on tables small enough to work out by hand (the expected values are derived in the comments). */
class AggregateAlternativesTest {

    static final PrimaryRuleConfig BELOW_10 = PrimaryRuleConfig.thresholdOnly(
            new ThresholdRule(10, ThresholdRule.Operator.LT, false));

    static CountTable table(String name, List<String> dims, String[][] keys, double[] counts) {
        return CountTable.of(name, dims, keys, counts);
    }

    /** area × sex; areas a1, a2 lie in district d1, a3, a4 in d2; sex has a level "all". */
    static ReleaseSet areaSex(double a4m) {
        String[][] keys = {{"a1", "F"}, {"a1", "M"}, {"a2", "F"}, {"a2", "M"}, {"a3", "F"}, {"a3", "M"},
            {"a4", "F"}, {"a4", "M"}};
        double[] counts = {4, 6, 8, 9, 12, 15, 2, a4m};
        Map<String, Hierarchy> h = new HashMap<>();
        h.put("area", Hierarchy.of("area", List.of("area", "district"), List.of(List.of("a1", "d1"),
                List.of("a2", "d1"), List.of("a3", "d2"), List.of("a4", "d2"))));
        h.put("sex", Hierarchy.of("sex", List.of("sex", "all"), List.of(List.of("F", "all"), List.of("M", "all"))));
        return new ReleaseSet("r", List.of(table("t", List.of("area", "sex"), keys, counts)), h);
    }

    @Test
    void coarsenTakesTheLeastCoarseningThatPasses() throws Exception {
        // unsafe (< 10) as submitted: a1F 4, a1M 6, a2F 8, a2M 9, a4F 2, a4M 7 -> 6 cells.
        // sex -> all: a1 10, a2 17, a3 27, a4 9 -> a4 still unsafe.
        // area -> district: d1F 12, d1M 15, d2F 14, d2M 22 -> none unsafe: one step, 4 cells.
        var r = AggregateAlternatives.coarsen(areaSex(7), BELOW_10, ProtectionRequirement.exactOnly(), null,
                ProgressMonitor.none());
        assertTrue(r.found());
        assertEquals(List.of(new AggregateAlternatives.DimensionLevel("t", "area", "area", "district", 1)),
                r.changed());
        assertEquals(8, r.cellsBefore());
        assertEquals(4, r.cellsAfter());
        assertEquals(6, r.unsafeBefore());
        assertEquals(0, r.unsafeAfter());
        CountTable c = r.coarsened().tables().get(0);
        Map<String, Double> got = new HashMap<>();
        for (int i = 0; i < c.cellCount(); i++) {
            got.put(c.keyString(i), c.raw(i));
        }
        assertEquals(Map.of("d1|F", 12.0, "d1|M", 15.0, "d2|F", 14.0, "d2|M", 22.0), got);
        // 2 x 2 combinations less the unchanged one; both one-step ones evaluated, the two-step one not
        assertEquals(4, r.combinations());
        assertEquals(2, r.evaluated());
    }

    @Test
    void coarsenPrefersTheCombinationThatKeepsMoreCells() throws Exception {
        // with a4M = 20 both one-step coarsenings pass (sex -> all: 10, 17, 27, 22; area -> district as above):
        // each keeps 4 cells, so the tie goes to the order of the dimensions (sex after area: the area one is later
        // in Arrays.compare order {0,1} < {1,0}, so {0,1} = sex is first)
        var r = AggregateAlternatives.coarsen(areaSex(20), BELOW_10, ProtectionRequirement.exactOnly(), null,
                ProgressMonitor.none());
        assertTrue(r.found());
        assertEquals("sex", r.changed().get(0).dimension());
        assertEquals(1, r.changed().size());
    }

    @Test
    void coarsenReportsWhenNothingPasses() throws Exception {
        // threshold 100: even the grand total (63 + ... = 83 at a4M = 7) is below 100
        var rules = PrimaryRuleConfig.thresholdOnly(new ThresholdRule(100, ThresholdRule.Operator.LT, false));
        var r = AggregateAlternatives.coarsen(areaSex(7), rules, ProtectionRequirement.exactOnly(), null,
                ProgressMonitor.none());
        assertFalse(r.found());
        // the coarsest tried: district x all = d1 27, d2 36, both below 100
        assertEquals(2, r.cellsAfter());
        assertEquals(2, r.unsafeAfter());
        assertEquals(3, r.evaluated());
        // without any hierarchy there is nothing to coarsen
        ReleaseSet plain = new ReleaseSet("r", areaSex(7).tables(), Map.of());
        assertEquals("remediation.coarsen.noHierarchy", assertThrows(ConfigurationException.class,
                () -> AggregateAlternatives.coarsen(plain, BELOW_10, ProtectionRequirement.exactOnly(), null,
                        ProgressMonitor.none())).messageKey());
    }

    @Test
    void conventionalRoundingAndItsIntervals() {
        // half up: B * floor((x + B/2) / B)
        assertEquals(0, AggregateAlternatives.roundHalfUp(1, 3));
        assertEquals(3, AggregateAlternatives.roundHalfUp(2, 3));
        assertEquals(3, AggregateAlternatives.roundHalfUp(4, 3));
        assertEquals(6, AggregateAlternatives.roundHalfUp(5, 3));
        assertEquals(5, AggregateAlternatives.roundHalfUp(3, 5));
        assertEquals(0, AggregateAlternatives.roundHalfUp(2, 5));
        assertEquals(10, AggregateAlternatives.roundHalfUp(5, 10));
        assertEquals(0, AggregateAlternatives.roundHalfUp(4, 10));
        assertEquals(20, AggregateAlternatives.roundHalfUp(15, 10));
        // the counts that round to r: B values, width B - 1 (fewer at 0)
        assertArrayEquals(new long[] {2, 4}, AggregateAlternatives.interval(3, 3));
        assertArrayEquals(new long[] {0, 1}, AggregateAlternatives.interval(0, 3));
        assertArrayEquals(new long[] {3, 7}, AggregateAlternatives.interval(5, 5));
        assertArrayEquals(new long[] {5, 14}, AggregateAlternatives.interval(10, 10));
        assertArrayEquals(new long[] {0, 4}, AggregateAlternatives.interval(0, 10));
        // every x in the interval rounds to r, the neighbours do not
        for (int b : new int[] {2, 3, 5, 10}) {
            for (long r = 0; r <= 5L * b; r += b) {
                long[] iv = AggregateAlternatives.interval(r, b);
                for (long x = iv[0]; x <= iv[1]; x++) {
                    assertEquals(r, AggregateAlternatives.roundHalfUp(x, b));
                }
                assertTrue(AggregateAlternatives.roundHalfUp(iv[1] + 1, b) != r);
                assertTrue(iv[0] == 0 || AggregateAlternatives.roundHalfUp(iv[0] - 1, b) != r);
            }
        }
    }

    /** region × sex with every margin published. */
    static ReleaseSet regionSex() {
        String[][] keys = {{"N", "F"}, {"N", "M"}, {"N", "Total"}, {"S", "F"}, {"S", "M"}, {"S", "Total"},
            {"Total", "F"}, {"Total", "M"}, {"Total", "Total"}};
        double[] counts = {3, 12, 15, 7, 1, 8, 10, 13, 23};
        return ReleaseSet.of(table("t", List.of("region", "sex"), keys, counts));
    }

    @Test
    void roundingPicksTheSmallestPassingBaseAndRecomputesMargins() throws Exception {
        // base 3: N-F 3, N-M 12, S-F 6, S-M 0; margins N 15, S 6, F 9, M 12, Total 21
        //   -> N-F 3, S-F 6, S-Total 6, Total-F 9 are below 10: 4 unsafe, fails.
        // base 5: 5, 10, 5, 0; margins N 15, S 5, F 10, M 10, Total 25 -> N-F, S-F, S-Total (5): 3 unsafe, fails.
        // base 10: 0, 10, 10, 0; margins N 10, S 10, F 10, M 10, Total 20: every non-zero >= 10: passes.
        var r = AggregateAlternatives.round(regionSex(), null, BELOW_10, new ProtectionRequirement(3, 0),
                ProgressMonitor.none());
        assertTrue(r.found());
        assertTrue(r.auto());
        assertEquals(List.of(3, 5, 10), r.tried().stream().map(AggregateAlternatives.Rounding::base).toList());
        assertEquals(List.of(false, false, true), r.tried().stream().map(AggregateAlternatives.Rounding::passes)
                .toList());
        assertEquals(4, r.tried().get(0).unsafeOnRounded());
        assertEquals(3, r.tried().get(1).unsafeOnRounded());
        var ten = r.chosen();
        assertEquals(10, ten.base());
        assertEquals(4, ten.roundedCells());
        assertEquals(5, ten.recomputedCells());
        CountTable t = ten.rounded().tables().get(0);
        double[] expected = {0, 10, 10, 10, 0, 10, 10, 10, 20};
        for (int c = 0; c < t.cellCount(); c++) {
            assertEquals(expected[c], t.raw(c), t.keyString(c));
        }
        // unsafe by their true counts: N-F 3, S-F 7, S-M 1, S-Total 8.
        // intervals: N-F published 0 -> [0, 4]; S-F 10 -> [5, 14]; S-M 0 -> [0, 4]; S-Total = S-F + S-M -> [5, 18]
        Map<String, double[]> iv = new HashMap<>();
        for (AuditedCell a : ten.intervals()) {
            iv.put(String.join("|", a.cell()), new double[] {a.low(), a.high()});
        }
        assertEquals(4, iv.size());
        assertArrayEquals(new double[] {0, 4}, iv.get("N|F"));
        assertArrayEquals(new double[] {5, 14}, iv.get("S|F"));
        assertArrayEquals(new double[] {0, 4}, iv.get("S|M"));
        assertArrayEquals(new double[] {5, 18}, iv.get("S|Total"));
        assertEquals(0, ten.exposed());
    }

    @Test
    void roundingFailsWhenTheIntervalsAreNarrowerThanTheProtection() throws Exception {
        // protection 5: the intervals [0, 4] have width 4 < 5 at base 10 (and narrower at 3 and 5)
        var r = AggregateAlternatives.round(regionSex(), null, BELOW_10, new ProtectionRequirement(5, 0),
                ProgressMonitor.none());
        assertFalse(r.found());
        assertEquals(10, r.chosen().base());
        assertEquals(2, r.chosen().exposed());
        // a given base is tried alone; base 20 rounds N-F 3, S-F 7, S-M 1 to 0 ([0, 9]) and S-Total to 0 + 0
        var twenty = AggregateAlternatives.round(regionSex(), 20, BELOW_10, new ProtectionRequirement(5, 0),
                ProgressMonitor.none());
        assertFalse(twenty.auto());
        assertEquals(1, twenty.tried().size());
        assertTrue(twenty.found());
        assertEquals(0, twenty.chosen().exposed());
    }

    @Test
    void roundingRefusesWithheldCellsAndTinyBases() {
        String[][] keys = {{"a"}, {"b"}};
        ReleaseSet withheld = ReleaseSet.of(table("t", List.of("x"), keys, new double[] {3, Double.NaN}));
        assertEquals("remediation.round.withheld", assertThrows(ConfigurationException.class,
                () -> AggregateAlternatives.round(withheld, null, BELOW_10, ProtectionRequirement.exactOnly(),
                        ProgressMonitor.none())).messageKey());
        assertEquals("remediation.round.base", assertThrows(ConfigurationException.class,
                () -> AggregateAlternatives.round(regionSex(), 1, BELOW_10, ProtectionRequirement.exactOnly(),
                        ProgressMonitor.none())).messageKey());
    }
}
