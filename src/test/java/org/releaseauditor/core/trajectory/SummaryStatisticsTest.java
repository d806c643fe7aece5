package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boundaries of the small summaries every trajectory result is built from: the Wilson interval,
 * the risk histogram, the attack summary, the anonymity-set histogram and the option records.
 * Every expected value is worked out by hand in the comment next to it.
 */
class SummaryStatisticsTest {

    private static final double Z2 = Wilson.Z95 * Wilson.Z95; // 3.841458820694124

    // ------------------------------------------------------------------------------ Wilson

    @Test
    void wilsonIntervalOfNoTrialsIsTheWholeUnitInterval() {
        assertArrayEquals(new double[] {0, 1}, Wilson.interval95(0, 0), 0);
    }

    @Test
    void wilsonIntervalWithNoSuccessStartsAtZeroAndEndsAtZSquaredOverNPlusZSquared() {
        // p = 0: centre = (z²/2n)/(1 + z²/n) = z²/(2(n+z²)), half = z·(z/2n)/(1 + z²/n) = z²/(2(n+z²))
        // -> lower 0, upper z²/(n+z²) = 3.8415/13.8415 = 0.27753 for n = 10
        double[] ci = Wilson.interval95(0, 10);
        assertEquals(0.0, ci[0], 1e-15);
        assertEquals(Z2 / (10 + Z2), ci[1], 1e-12);
        assertEquals(0.2775328, ci[1], 1e-7);
    }

    @Test
    void wilsonIntervalWithOnlySuccessesEndsAtOneAndStartsAtNOverNPlusZSquared() {
        // p = 1 mirrors p = 0: lower n/(n+z²) = 10/13.8415 = 0.72247, upper 1
        double[] ci = Wilson.interval95(10, 10);
        assertEquals(10 / (10 + Z2), ci[0], 1e-12);
        assertEquals(1.0, ci[1], 1e-12);
        double[] one = Wilson.interval95(1, 1);
        assertEquals(1 / (1 + Z2), one[0], 1e-12); // 0.206549
        assertEquals(1.0, one[1], 1e-12);
    }

    @Test
    void wilsonIntervalOfHalfIsSymmetricAroundOneHalf() {
        // p = 1/2, n = 10: centre 1/2; half = z·sqrt(0.025 + z²/400)/(1 + z²/10)
        // = 1.96·sqrt(0.0346036)/1.3841459 = 0.2634069 -> [0.2365931, 0.7634069]
        double[] ci = Wilson.interval95(5, 10);
        double half = Wilson.Z95 * Math.sqrt(0.025 + Z2 / 400) / (1 + Z2 / 10);
        assertEquals(0.5 - half, ci[0], 1e-12);
        assertEquals(0.5 + half, ci[1], 1e-12);
        assertEquals(0.2365931, ci[0], 1e-7);
        assertEquals(0.7634069, ci[1], 1e-7);
    }

    @Test
    void wilsonIntervalOfOneInThree() {
        // p = 1/3, n = 3: centre = (1/3 + z²/6)/(1 + z²/3) = 0.9735674/2.2804863 = 0.4269162
        // half = z·sqrt(2/27 + z²/36)/(1 + z²/3) = 1.96·sqrt(0.1807776)/2.2804863 = 0.3654242
        double[] ci = Wilson.interval95(1, 3);
        assertEquals(0.0614919, ci[0], 1e-7);
        assertEquals(0.7923404, ci[1], 1e-7);
    }

    // ---------------------------------------------------------------------- risk histogram

    @Test
    void riskHistogramHasTenEqualBinsAndPutsEachEdgeIntoTheBinItOpens() {
        RiskHistogram h = RiskHistogram.of(new double[] {0, 0.0999, 0.1, 0.3, 1.0 / 3, 0.5, 0.7, 0.9999, 1, Double.NaN});
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}, h.edges(), 1e-15);
        // 0 and 0.0999 -> bin 0; 0.1 -> bin 1 (left edge belongs to the bin); 0.3 and 1/3 -> bin 3;
        // 0.5 -> bin 5; 0.7 -> bin 7; 0.9999 and 1 -> bin 9 (the last bin includes 1); NaN skipped
        assertArrayEquals(new int[] {2, 1, 0, 2, 0, 1, 0, 1, 0, 2}, h.counts());
    }

    @Test
    void riskHistogramIsACopy() {
        RiskHistogram h = RiskHistogram.of(new double[] {0.5});
        h.counts()[5] = 99;
        h.edges()[0] = 7;
        assertEquals(1, h.counts()[5]);
        assertEquals(0.0, h.edges()[0]);
    }

    // ---------------------------------------------------------------------- attack summary

    @Test
    void attackSummaryCountsOnlyEvaluatedUsersAndTreatsOneMinusRoundingAsOne() {
        // evaluated: 1/4, 1/2, 1 - 1e-13 (counts as 1), 1/3; not evaluated: NaN, NaN
        double[] risks = {0.25, Double.NaN, 0.5, 1 - 1e-13, Double.NaN, 1.0 / 3};
        AttackResult r = AttackResult.of(AttackType.LOCATION, 2, 0, 0, 9, risks);
        assertEquals(4, r.evaluatedUsers());
        assertEquals(9, r.instances());
        assertEquals((0.25 + 0.5 + (1 - 1e-13) + 1.0 / 3) / 4, r.meanRisk(), 1e-12);
        // sorted 1/4, 1/3, 1/2, ~1 -> even count: (1/3 + 1/2) / 2
        assertEquals((1.0 / 3 + 0.5) / 2, r.medianRisk(), 1e-12);
        assertEquals(0.25, r.fractionRisk1(), 1e-12);
        assertEquals(AttackResult.Mode.EXACT, r.mode());
        assertTrue(Double.isNaN(r.risk(1)));
        assertEquals(0.5, r.risk(2));
        // histogram of the evaluated users only: 1/4 -> bin 2, 1/3 -> 3, 1/2 -> 5, ~1 -> 9
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 1, 0, 0, 0, 1}, r.histogram().counts());
    }

    @Test
    void attackSummaryOneJustBelowTheRoundingToleranceIsNotOne() {
        AttackResult r = AttackResult.of(AttackType.LOCATION, 2, 0, 0, 1, new double[] {1 - 1e-11});
        assertEquals(0.0, r.fractionRisk1());
        AttackResult exact = AttackResult.of(AttackType.LOCATION, 2, 0, 0, 1, new double[] {1 - 1e-12});
        assertEquals(1.0, exact.fractionRisk1());
    }

    @Test
    void attackSummaryOddMedianAndModes() {
        double[] risks = {1, 0.2, 0.5};
        // sorted 0.2, 0.5, 1 -> median 0.5
        assertEquals(0.5, AttackResult.of(AttackType.SEQUENCE, 1, 0, 0, 3, risks).medianRisk());
        assertEquals(AttackResult.Mode.SAMPLED, AttackResult.of(AttackType.SEQUENCE, 1, 0, 3, 3, risks).mode());
        assertEquals(AttackResult.Mode.MIXED, AttackResult.of(AttackType.SEQUENCE, 1, 0, 1, 3, risks).mode());
        assertEquals(AttackResult.Mode.MIXED, AttackResult.of(AttackType.SEQUENCE, 1, 0, 2, 3, risks).mode());
        assertEquals("sampled", AttackResult.Mode.SAMPLED.id());
        assertEquals("exact", AttackResult.Mode.EXACT.id());
    }

    @Test
    void attackSummaryWithoutEvaluatedUsersIsAllZero() {
        AttackResult r = AttackResult.of(AttackType.LOCATION, 2, 0.25, 0, 0, new double[] {Double.NaN});
        assertEquals(0, r.evaluatedUsers());
        assertEquals(0.0, r.meanRisk());
        assertEquals(0.0, r.medianRisk());
        assertEquals(0.0, r.fractionRisk1());
        assertEquals(0.25, r.tolerance());
        assertEquals(2, r.k());
        assertSame(AttackType.LOCATION, r.attack());
    }

    @Test
    void attackRisksAreACopy() {
        AttackResult r = AttackResult.of(AttackType.LOCATION, 2, 0, 0, 1, new double[] {0.5});
        r.risks()[0] = 0.9;
        assertEquals(0.5, r.risk(0));
    }

    // ---------------------------------------------------------------------- anonymity sets

    /** Keys for groups of the given sizes: group g is shared by size[g] users. */
    private static Object[] groups(int... sizes) {
        List<Object> keys = new ArrayList<>();
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                keys.add("g" + g);
            }
        }
        return keys.toArray();
    }

    @Test
    void anonymitySetHistogramPutsEachSizeOnTheUpperEdgeOfItsClass() {
        // sizes 1, 2, 5, 10, 20, 50, 100 sit on the upper edge of classes 1, 2, 3-5, 6-10, 11-20, 21-50, 51-100
        // and 101 opens >100; each user is counted in the class of its own set's size
        AnonymitySets s = AnonymitySets.of("none", groups(1, 2, 5, 10, 20, 50, 100, 101));
        assertArrayEquals(new int[] {1, 2, 5, 10, 20, 50, 100, 101}, s.sizeCounts());
        assertEquals(List.of("1", "2", "3-5", "6-10", "11-20", "21-50", "51-100", ">100"), s.sizeLabels());
        assertEquals(289, s.users());
    }

    @Test
    void anonymitySetHistogramPutsEachSizeOnTheLowerEdgeOfItsClass() {
        // sizes 3, 6, 11, 21, 51 open classes 3-5, 6-10, 11-20, 21-50, 51-100
        AnonymitySets s = AnonymitySets.of("none", groups(3, 6, 11, 21, 51));
        assertArrayEquals(new int[] {0, 0, 3, 6, 11, 21, 51, 0}, s.sizeCounts());
    }

    @Test
    void anonymitySetsSkipUsersWithoutKeyAndTakeTheMedianOverUsers() {
        // users: a, a, b, null, c, null -> sizes of keyed users 2, 2, 1, 1 -> sorted 1 1 2 2, median 1.5
        AnonymitySets s = AnonymitySets.of("grid:1km", new Object[] {"a", "a", "b", null, "c", null});
        assertEquals(4, s.users());
        assertEquals(2, s.excluded());
        assertEquals(1.5, s.medianSize(), 1e-12);
        assertEquals(0.5, s.fractionSize1(), 1e-12);
        assertEquals("grid:1km", s.resolution());
        assertArrayEquals(new int[] {2, 2, 0, 0, 0, 0, 0, 0}, s.sizeCounts());
        // odd count: a a a b -> sizes 3 3 3 1 plus c -> 3 3 3 1 1, sorted 1 1 3 3 3, median 3
        assertEquals(3.0, AnonymitySets.of("x", new Object[] {"a", "a", "a", "b", "c"}).medianSize(), 1e-12);
        // users in key order a, b, b, c, c, c, d have sizes 1 2 2 3 3 3 1: the median of the sorted sizes
        // 1 1 2 2 3 3 3 is 2 (the unsorted middle entry would be 3)
        assertEquals(2.0, AnonymitySets.of("x", new Object[] {"a", "b", "b", "c", "c", "c", "d"}).medianSize(),
                1e-12);
    }

    @Test
    void anonymitySetsOfNobodyAreEmpty() {
        AnonymitySets s = AnonymitySets.of("x", new Object[] {null, null});
        assertEquals(0, s.users());
        assertEquals(2, s.excluded());
        assertEquals(0.0, s.medianSize());
        assertEquals(0.0, s.fractionSize1());
        s.sizeCounts()[0] = 5;
        assertEquals(0, s.sizeCounts()[0]);
    }

    // ---------------------------------------------------------------------- unicity result

    private static UnicityResult unicity(String res, boolean exact, long seed, boolean attrs, int unique,
            int[] minimal) {
        return new UnicityResult(res, exact, seed, attrs,
                List.of(new UnicityResult.Row(1, 4, unique, 0, unique / 4.0, 0.1, 0.9)), minimal);
    }

    @Test
    void unicityResultsAreEqualOnlyWhenEveryFieldIs() {
        UnicityResult a = unicity("none x 1h", true, 1, false, 2, new int[] {1, 0, -1, 1});
        UnicityResult same = unicity("none x 1h", true, 1, false, 2, new int[] {1, 0, -1, 1});
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertFalse(a.equals(unicity("none x 1d", true, 1, false, 2, new int[] {1, 0, -1, 1})));
        assertFalse(a.equals(unicity("none x 1h", false, 1, false, 2, new int[] {1, 0, -1, 1})));
        assertFalse(a.equals(unicity("none x 1h", true, 2, false, 2, new int[] {1, 0, -1, 1})));
        assertFalse(a.equals(unicity("none x 1h", true, 1, true, 2, new int[] {1, 0, -1, 1})));
        assertFalse(a.equals(unicity("none x 1h", true, 1, false, 3, new int[] {1, 0, -1, 1})));
        UnicityResult otherMinimal = unicity("none x 1h", true, 1, false, 2, new int[] {1, 0, -1, 2});
        assertFalse(a.equals(otherMinimal));
        assertTrue(a.hashCode() != otherMinimal.hashCode());
        assertFalse(a.equals("none x 1h"));
        assertTrue(a.toString().startsWith("UnicityResult[none x 1h, rows=["), a.toString());
        // the minimal-points vector is copied in and out
        int[] minimal = {1, 2};
        UnicityResult r = unicity("x", true, 1, false, 2, minimal);
        minimal[0] = 9;
        assertArrayEquals(new int[] {1, 2}, r.minimalPoints());
    }

    // ---------------------------------------------------------------------- option records

    @Test
    void attackSpecAcceptsKOfOneAndTolerancesOnBothEnds() {
        assertEquals(1, new AttackSpec(AttackType.LOCATION, 1, 0).k());
        assertEquals(1.0, new AttackSpec(AttackType.FREQUENCY, 2, 1).tolerance());
        assertThrows(IllegalArgumentException.class, () -> new AttackSpec(AttackType.LOCATION, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AttackSpec(AttackType.FREQUENCY, 2, -0.001));
        assertThrows(IllegalArgumentException.class, () -> new AttackSpec(AttackType.FREQUENCY, 2, 1.001));
    }

    @Test
    void attackOptionsBounds() {
        AttackOptions o = new AttackOptions(1, 1, 0, 3);
        assertEquals(1, o.exactLimit());
        assertThrows(IllegalArgumentException.class, () -> new AttackOptions(0, 1, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new AttackOptions(1, 0, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new AttackOptions(1, 1, -1, 3));
        AttackOptions d = AttackOptions.defaults();
        assertEquals(100_000, d.exactLimit());
        assertEquals(1_000, d.sampledInstances());
        assertEquals(0, d.sampleUsers());
        assertEquals(1, d.seed());
    }

    @Test
    void unicityOptionsBounds() {
        assertEquals(1, new UnicityOptions(1, 0, 0, false).maxPoints());
        assertThrows(IllegalArgumentException.class, () -> new UnicityOptions(0, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new UnicityOptions(1, -1, 0, false));
        UnicityOptions d = UnicityOptions.defaults();
        assertEquals(5, d.maxPoints());
        assertEquals(0, d.sampleUsers());
        assertEquals(1, d.seed());
        assertFalse(d.useAttributes());
    }

    @ParameterizedTest
    @CsvSource({
        "location, LOCATION", "LOCATION , LOCATION", "sequence, SEQUENCE", "location-sequence, SEQUENCE",
        "location-time, LOCATION_TIME", "unique-location, UNIQUE_LOCATION", "frequency, FREQUENCY",
        "location-frequency, FREQUENCY", "location-probability, PROBABILITY", "home-work, HOME_WORK",
    })
    void attackIdsAndAliases(String id, AttackType expected) {
        assertSame(expected, AttackType.fromId(id));
    }

    @Test
    void unknownAttackIdIsNull() {
        assertNull(AttackType.fromId("location-"));
        assertNull(AttackType.fromId("time"));
        assertNull(AttackType.fromId("bogus"));
    }

    @Test
    void onlyUniqueLocationFrequencyAndProbabilityDrawFromDistinctPlaces() {
        for (AttackType t : AttackType.values()) {
            boolean expected = t == AttackType.UNIQUE_LOCATION || t == AttackType.FREQUENCY
                    || t == AttackType.PROBABILITY;
            assertEquals(expected, t.setBased(), t.id());
            assertSame(t, AttackType.fromId(t.id()));
        }
    }

    // ------------------------------------------------------------------- combinatorics

    @Test
    void binomialEdgesAndSaturation() {
        assertEquals(1, BackgroundKnowledgeAttack.binomial(5, 0));
        assertEquals(1, BackgroundKnowledgeAttack.binomial(5, 5));
        assertEquals(5, BackgroundKnowledgeAttack.binomial(5, 1));
        assertEquals(6, BackgroundKnowledgeAttack.binomial(4, 2));
        assertEquals(252, BackgroundKnowledgeAttack.binomial(10, 5));
        // C(60, 30) = 118264581564861424 is computed without overflow; C(70, 35) ~ 1.1e20 saturates
        assertEquals(118_264_581_564_861_424L, BackgroundKnowledgeAttack.binomial(60, 30));
        assertEquals(Long.MAX_VALUE, BackgroundKnowledgeAttack.binomial(70, 35));
    }

    @Test
    void combinationsAreListedInLexicographicOrder() {
        int[] c = {0, 1};
        List<String> seen = new ArrayList<>();
        do {
            seen.add(c[0] + "" + c[1]);
        } while (BackgroundKnowledgeAttack.nextCombination(c, 2, 4));
        assertEquals(List.of("01", "02", "03", "12", "13", "23"), seen);
        int[] last = {2, 3};
        assertFalse(BackgroundKnowledgeAttack.nextCombination(last, 2, 4));
        int[] all = {0, 1, 2};
        assertFalse(BackgroundKnowledgeAttack.nextCombination(all, 3, 3));
    }

    @Test
    void randomSubsetsAreSortedDistinctAndCoverEverySubset() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int[] out = new int[3];
        for (int i = 0; i < 2000; i++) {
            BackgroundKnowledgeAttack.randomSubset(rnd, 5, 3, out);
            assertTrue(out[0] < out[1] && out[1] < out[2], java.util.Arrays.toString(out));
            assertTrue(out[0] >= 0 && out[2] < 5);
            seen.add(java.util.Arrays.toString(out));
        }
        // all C(5,3) = 10 subsets are drawn (2000 draws of 10 equally likely subsets)
        assertEquals(10, seen.size());
        int[] full = new int[4];
        BackgroundKnowledgeAttack.randomSubset(rnd, 4, 4, full);
        assertArrayEquals(new int[] {0, 1, 2, 3}, full);
    }

    @Test
    void homeWorkKeyIsOrderIndependentAndMarksAbsence() {
        assertEquals(BackgroundKnowledgeAttack.topKey(new int[] {3, 7}, 2),
                BackgroundKnowledgeAttack.topKey(new int[] {7, 3, 1}, 2));
        // one place: {3, absent} differs from {3, 7}; n = 1 ignores the second place
        long single = BackgroundKnowledgeAttack.topKey(new int[] {3}, 2);
        assertTrue(single != BackgroundKnowledgeAttack.topKey(new int[] {3, 7}, 2));
        assertEquals(single, BackgroundKnowledgeAttack.topKey(new int[] {3, 7}, 1));
        assertEquals(((long) -1 << 32) ^ 3L, single);
        assertEquals(((long) 3 << 32) ^ 7L, BackgroundKnowledgeAttack.topKey(new int[] {7, 3}, 2));
        assertEquals(BackgroundKnowledgeAttack.topKey(new int[] {}, 2), ((long) -1 << 32) ^ 0xffffffffL);
    }
}
