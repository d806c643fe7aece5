package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

/** The pieces of the recovery attack, each against hand-worked numbers. */
class TrajectoryRecoveryDetailTest {

    private static void user(List<String[]> rows, String id, String... perSlot) {
        for (int s = 0; s < perSlot.length; s++) {
            rows.add(new String[] {id, Integer.toString(s), perSlot[s]});
        }
    }

    private static TrajectoryRecovery attack(List<String[]> rows, int spd, int slots, TrajectoryRecovery.Config c) {
        return new TrajectoryRecovery(GroundTruth.of(spd, slots, rows), c);
    }

    @Test
    void defaultNightIsTenPmToSevenAm() {
        // 24 slots: 22 and 7; 48 half-hours: 44 and 14; 96 quarter-hours: 88 and 28
        assertEquals(new TrajectoryRecovery.Config(22, 7, 2), TrajectoryRecovery.Config.defaults(24));
        assertEquals(new TrajectoryRecovery.Config(44, 14, 2), TrajectoryRecovery.Config.defaults(48));
        assertEquals(new TrajectoryRecovery.Config(88, 28, 2), TrajectoryRecovery.Config.defaults(96));
        TrajectoryRecovery.Config c = TrajectoryRecovery.Config.defaults(24);
        assertEquals(0, c.tieSamples());
        assertEquals(7, c.exhaustiveUsers());
        assertEquals(256, c.exhaustiveRuns());
    }

    @Test
    void nightWrapsAroundMidnight() {
        TrajectoryRecovery wrap = attack(new ArrayList<>(), 24, 0, TrajectoryRecovery.Config.defaults(24));
        boolean[] expected = new boolean[24];
        for (int h = 0; h < 24; h++) {
            expected[h] = h >= 22 || h < 7;
        }
        for (int h = 0; h < 24; h++) {
            assertEquals(expected[h], wrap.night(h), "hour " + h);
        }
        TrajectoryRecovery inside = attack(new ArrayList<>(), 24, 0, new TrajectoryRecovery.Config(1, 3, 2));
        assertFalse(inside.night(0));
        assertTrue(inside.night(1));
        assertTrue(inside.night(2));
        assertFalse(inside.night(3));
        TrajectoryRecovery never = attack(new ArrayList<>(), 24, 0, new TrajectoryRecovery.Config(5, 5, 2));
        assertFalse(never.night(5));
        assertFalse(never.night(4));
    }

    @Test
    void validOptionsAtTheirLimitsPass() {
        assertDoesNotThrow(() -> new TrajectoryRecovery.Config(0, 0, 1, 0, 0, 1).validate());
        assertDoesNotThrow(() -> new TrajectoryRecovery.Config(0, 0, 1, 1000, 8, 1).validate());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(
                org.releaseauditor.core.error.ConfigurationException.class,
                () -> new TrajectoryRecovery.Config(0, 0, 1, 1001, 8, 1).validate()).getMessage().contains("1001"));
        org.junit.jupiter.api.Assertions.assertThrows(org.releaseauditor.core.error.ConfigurationException.class,
                () -> new TrajectoryRecovery.Config(0, 0, 1, 0, -1, 1).validate());
    }

    @Test
    void velocityAtTheThirdSlotAlreadySeparatesTwoWalkers() {
        // by day, A: x0 → x2 → x4, B: x4 → x3 → x2. At slot 2 the points are x2 and x4. From
        // where they stand (A at x2, B at x3) keeping A at x2 costs 0 + 1; with the last step's
        // velocity A is expected at x4 and B at x2, which costs 0. Without extrapolation at the
        // third slot the two would be swapped.
        List<String[]> rows = new ArrayList<>();
        user(rows, "A", "x0y0", "x2y0", "x4y0");
        user(rows, "B", "x4y0", "x3y0", "x2y0");
        RecoveryResult r = attack(rows, 3, 3, new TrajectoryRecovery.Config(0, 0, 2)).run(ProgressMonitor.none());
        assertEquals(1.0, r.accuracy(), 1e-12);
        assertEquals(0, r.ties());
        // the same along y
        List<String[]> ys = new ArrayList<>();
        user(ys, "A", "x0y0", "x0y2", "x0y4");
        user(ys, "B", "x0y4", "x0y3", "x0y2");
        assertEquals(1.0, attack(ys, 3, 3, new TrajectoryRecovery.Config(0, 0, 2)).run(ProgressMonitor.none())
                .accuracy(), 1e-12);
        // at night (no extrapolation) the same walk is swapped at slot 2: each trajectory is right
        // in 2 of 3 slots
        assertEquals(4.0 / 6, attack(rows, 3, 3, new TrajectoryRecovery.Config(0, 3, 2)).run(ProgressMonitor.none())
                .accuracy(), 1e-12);
    }

    /** Shannon entropy in nats of counts. */
    private static double h(double... counts) {
        double t = 0;
        for (double c : counts) {
            t += c;
        }
        double e = 0;
        for (double c : counts) {
            if (c > 0) {
                e -= c / t * Math.log(c / t);
            }
        }
        return e;
    }

    @Test
    void dayLinkCostIsTheInformationGainOfMerging() {
        // trajectory 0 visited area a 3 times and b once; trajectory 1 visited c twice.
        // day trajectory 0 is (a, b), day trajectory 1 is (c, c).
        double[][] hist = {{3, 1, 0}, {0, 0, 2}};
        int[][] daily = {{0, 1}, {2, 2}};
        double[][] cost = TrajectoryRecovery.linkCosts(hist, daily);
        // gain = H(merged) - (|p| H(p) + |q| H(q)) / (|p| + |q|)
        assertEquals(h(4, 2) - (4 * h(3, 1) + 2 * h(1, 1)) / 6, cost[0][0], 1e-12);
        assertEquals(h(3, 1, 2) - (4 * h(3, 1) + 2 * h(2)) / 6, cost[0][1], 1e-12);
        assertEquals(h(1, 1, 2) - (2 * h(2) + 2 * h(1, 1)) / 4, cost[1][0], 1e-12);
        assertEquals(0.0, cost[1][1], 1e-12);
        // merging into an empty history costs the day's own entropy nothing
        double[][] fresh = TrajectoryRecovery.linkCosts(new double[][] {{0, 0, 0}}, new int[][] {{0, 1}});
        assertEquals(0.0, fresh[0][0], 1e-12);
    }

    @Test
    void daysAreLinkedByTheirPlaces() {
        // two users with distinct places, two days: day 2 starts in an arbitrary order, and the
        // information gain links each day back to the right user
        List<String[]> rows = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            String[] a = {"p", "p", "q", "q"};
            String[] b = {"r", "r", "s", "s"};
            for (int s = 0; s < 4; s++) {
                rows.add(new String[] {"A", Integer.toString(d * 4 + s), a[s]});
                rows.add(new String[] {"B", Integer.toString(d * 4 + s), b[s]});
            }
        }
        RecoveryResult r = attack(rows, 4, 8, new TrajectoryRecovery.Config(0, 0, 2)).run(ProgressMonitor.none());
        assertEquals(2, r.days());
        assertEquals(1.0, r.accuracy(), 1e-12);
        assertEquals(1.0, r.withinDayAccuracy(), 1e-12);
        assertEquals(1.0, r.topKUniqueness(), 1e-12);
        assertEquals(1.0, r.topKReidentified(), 1e-12);
    }

    @Test
    void topPlacesBreakTiesByAreaCode() {
        assertEquals("[1, 2]", TrajectoryRecovery.topK(new int[] {2, 2, 1, 1, 0}, null, 2));
        assertEquals("[0, 3]", TrajectoryRecovery.topK(new int[] {3, 0, 3, 0, 5}, null, 2));
        assertEquals("[0]", TrajectoryRecovery.topK(new int[] {3, 0, 3, 0}, null, 1));
        assertEquals("[3]", TrajectoryRecovery.topK(new int[] {3, 0, 3, 0}, new boolean[] {true, false, true, false}, 2));
        assertEquals("[0, 5, 7]", TrajectoryRecovery.topK(new int[] {7, 5, 0}, null, 5));
    }

    @Test
    void twoIndependentTiesGiveFourTieBreaks() {
        // two pairs, far apart, each meet in one place and split to two places at the same
        // distance: one tied assignment with 2 × 2 distinct outcomes, enumerated exactly.
        // Each pair scores 4/4 or 3/4 per user: the range is [12/16, 16/16].
        List<String[]> rows = new ArrayList<>();
        user(rows, "A", "x0y1", "x0y1", "x1y1", "x1y0");
        user(rows, "B", "x2y1", "x2y1", "x1y1", "x1y2");
        user(rows, "C", "x10y1", "x10y1", "x11y1", "x11y0");
        user(rows, "D", "x12y1", "x12y1", "x11y1", "x11y2");
        RecoveryResult r = attack(rows, 4, 4, new TrajectoryRecovery.Config(0, 4, 2)).run(ProgressMonitor.none());
        assertEquals(1, r.ties());
        assertEquals(4, r.tieBreaks());
        assertTrue(r.rangeExact());
        assertEquals(0.75, r.accuracyMin(), 1e-12);
        assertEquals(1.0, r.accuracyMax(), 1e-12);
    }

    @Test
    void randomTieBreaksAreOptimalAndReachBothOutcomes() {
        double[][] tie = {{1, 1}, {1, 1}};
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            int[] a = new TrajectoryRecovery.RandomChooser(new Random(seed)).choose(tie, new int[] {0, 1}, 0);
            assertEquals(2.0, Hungarian.total(tie, a), 1e-12);
            assertTrue(a[0] != a[1]);
            seen.add(a[0] + "," + a[1]);
        }
        assertEquals(Set.of("0,1", "1,0"), seen);
        double[][] strict = {{5, 0, 9}, {0, 5, 9}, {9, 9, 0}};
        for (int seed = 0; seed < 10; seed++) {
            assertArrayEquals(new int[] {1, 0, 2},
                    new TrajectoryRecovery.RandomChooser(new Random(seed)).choose(strict, new int[] {0, 1, 2}, 0));
        }
    }

    @Test
    void optimalOutcomesEnumerateOnlyOptimaAndMergeSamePlaces() {
        // rows 0 and 1 cost the same everywhere; columns 0 and 1 are one place: one outcome
        double[][] c = {{1, 1, 3}, {1, 1, 3}, {3, 3, 0}};
        assertEquals(1, TrajectoryRecovery.optimalOutcomes(c, new int[] {4, 4, 5}).size());
        assertEquals(2, TrajectoryRecovery.optimalOutcomes(c, new int[] {4, 6, 5}).size());
        for (int[] a : TrajectoryRecovery.optimalOutcomes(c, new int[] {4, 6, 5})) {
            assertEquals(2.0, Hungarian.total(c, a), 1e-12);
        }
        // a cheaper first row does not let a costlier assignment in
        double[][] d = {{0, 2}, {2, 0}};
        assertEquals(1, TrajectoryRecovery.optimalOutcomes(d, new int[] {0, 1}).size());
        // more than 8 rows: only the Hungarian algorithm's own choice
        assertEquals(1, TrajectoryRecovery.optimalOutcomes(new double[9][9], new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8})
                .size());
    }

    @Test
    void anEmptyTruthScoresZero() {
        RecoveryResult r = new TrajectoryRecovery(GroundTruth.of(24, 0, new ArrayList<>()),
                TrajectoryRecovery.Config.defaults(24)).run(ProgressMonitor.none());
        assertEquals(0, r.users());
        assertEquals(0, r.observedPoints());
        assertEquals(0.0, r.accuracy());
        assertFalse(r.tie());
    }

    @Test
    void scoringARecoveryDirectly() {
        List<String[]> rows = new ArrayList<>();
        user(rows, "A", "p", "q");
        user(rows, "B", "q", "p");
        TrajectoryRecovery t = attack(rows, 2, 2, new TrajectoryRecovery.Config(0, 0, 1));
        int[][] truth = GroundTruth.of(2, 2, rows).truth();
        RecoveryResult perfect = t.score(new int[][] {truth[1].clone(), truth[0].clone()}, ProgressMonitor.none());
        assertEquals(1.0, perfect.accuracy(), 1e-12);
        assertEquals(4, perfect.observedPoints());
        assertEquals("discrete", perfect.distance());
        RecoveryResult half = t.score(new int[][] {{0, 0}, {1, 1}}, ProgressMonitor.none());
        assertEquals(0.5, half.accuracy(), 1e-12);
        assertEquals(2, t.recover(GroundTruth.of(2, 2, rows).footfall(), ProgressMonitor.none()).length);
    }
}
