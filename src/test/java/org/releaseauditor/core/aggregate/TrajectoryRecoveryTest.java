package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class TrajectoryRecoveryTest {

    /** Adds one user's day, one area per slot, repeated for several days. */
    private static void user(List<String[]> rows, String id, int days, String... perSlot) {
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < perSlot.length; s++) {
                rows.add(new String[] {id, Integer.toString(d * perSlot.length + s), perSlot[s]});
            }
        }
    }

    private static RecoveryResult run(List<String[]> rows, int spd, int days, TrajectoryRecovery.Config cfg) {
        GroundTruth t = GroundTruth.of(spd, spd * days, rows);
        return new TrajectoryRecovery(t, cfg).run(ProgressMonitor.none());
    }

    @Test
    void commutersOnASmallGridAreRecoveredCompletely() {
        // 8 slots a day; night = slots 0..1 and 7; three commuters with distinct, far-apart homes
        // and nearby workplaces, over three days: within-day and cross-day linking are unambiguous
        List<String[]> rows = new ArrayList<>();
        user(rows, "u1", 3, "x0y0", "x0y0", "x1y0", "x1y0", "x1y0", "x1y0", "x0y0", "x0y0");
        user(rows, "u2", 3, "x10y0", "x10y0", "x11y0", "x11y0", "x12y0", "x11y0", "x10y0", "x10y0");
        user(rows, "u3", 3, "x20y5", "x20y5", "x20y6", "x20y7", "x20y7", "x20y6", "x20y5", "x20y5");
        RecoveryResult r = run(rows, 8, 3, new TrajectoryRecovery.Config(7, 2, 2));
        assertEquals(3, r.users());
        assertEquals(24, r.slots());
        assertEquals(3, r.days());
        assertEquals("euclidean", r.distance());
        assertEquals(1.0, r.accuracy(), 1e-12);
        assertEquals(1.0, r.withinDayAccuracy(), 1e-12);
        assertEquals(1.0, r.topKUniqueness(), 1e-12);
        assertEquals(1.0, r.topKReidentified(), 1e-12);
    }

    @Test
    void daytimeExtrapolationSeparatesTwoPeopleWhoCross() {
        // A walks east, B walks west; they meet in x2 at slot 2 and carry on: velocity tells them apart
        List<String[]> rows = new ArrayList<>();
        user(rows, "A", 1, "x0y0", "x1y0", "x2y0", "x3y0", "x4y0");
        user(rows, "B", 1, "x4y0", "x3y0", "x2y0", "x1y0", "x0y0");
        RecoveryResult day = run(rows, 5, 1, new TrajectoryRecovery.Config(0, 0, 2));
        assertEquals(1.0, day.accuracy(), 1e-12);
    }

    @Test
    void swapAtNightCostsOnePointPerUser() {
        // 0/1 distance (area names carry no coordinates), night all day. A goes p→q, B goes q→p at
        // the same moment: staying put is cheaper for the attack, so both links are swapped at slot 1.
        // Both meet in m, then split to r and s (a tie). Either way, after optimal matching each
        // recovered trajectory is right in 4 of 5 slots: accuracy 8/10.
        List<String[]> rows = new ArrayList<>();
        user(rows, "A", 1, "p", "q", "m", "r", "r");
        user(rows, "B", 1, "q", "p", "m", "s", "s");
        RecoveryResult r = run(rows, 5, 1, new TrajectoryRecovery.Config(0, 5, 2));
        assertEquals("discrete", r.distance());
        assertEquals(0.8, r.accuracy(), 1e-12);
        assertEquals(0.8, r.withinDayAccuracy(), 1e-12);
        // the split to r and s is a tie, but both tie-breaks score 8/10
        assertEquals(1, r.ties());
        assertTrue(r.rangeExact());
        assertEquals(2, r.tieBreaks());
        assertEquals(0.8, r.accuracyMin(), 1e-12);
        assertEquals(0.8, r.accuracyMax(), 1e-12);
    }

    static Dataset truthFile(String... rows) {
        List<List<String>> r = new ArrayList<>();
        for (String row : rows) {
            r.add(List.of(row.split(",")));
        }
        return PrimaryRulesTest.dataset(List.of("user", "slot", "area"), r);
    }

    @Test
    void onlyObservedPointsAreScoredAndTheGridIsNotPaddedToWholeDays() throws Exception {
        // Issue 12: two users seen in 4 one-hour slots of the night. A: p p q q, B: q q p p.
        // At night staying put costs 0 and moving 1 (names without coordinates), so the attack
        // keeps p→p→p→p and q→q→q→q: each recovered trajectory is right in 2 of 4 slots, 0.5.
        // Padding to 24 slots (A stays at q, B at p) used to score the 20 filled-in slots as right:
        // (2 + 20)/24 = 0.917, reported with slots: 24.
        GroundTruth t = GroundTruth.fromDataset(truthFile("A,0,p", "A,1,p", "A,2,q", "A,3,q", "B,0,q", "B,1,q",
                "B,2,p", "B,3,p"), "t.csv", "user", "slot", "area", 60, ProgressMonitor.none());
        RecoveryResult r = new TrajectoryRecovery(t, TrajectoryRecovery.Config.defaults(24)).run(ProgressMonitor.none());
        assertEquals(4, r.slots());
        assertEquals(1, r.days());
        assertEquals(8, r.observedPoints());
        assertEquals(0.5, r.accuracy(), 1e-12);
        assertEquals(0.5, r.withinDayAccuracy(), 1e-12);
        assertEquals(0, r.ties());
        assertEquals(0.5, r.accuracyMin(), 1e-12);
        assertEquals(0.5, r.accuracyLowerBound(), 1e-12);
        assertEquals(0.5, r.accuracyUpperBound(), 1e-12);
    }

    @Test
    void aFilledInSlotIsNeverScored() throws Exception {
        // A has no record in slot 2, so the attack sees A still at p there (a filled-in point).
        // Recovered: p p p q and q q q q (at slot 3 both points are q). Only the 7 observed
        // points count: A 3 of 3, B 4 of 4, so 7/7; the denominator is 7, not 8.
        GroundTruth t = GroundTruth.fromDataset(truthFile("A,0,p", "A,1,p", "A,3,q", "B,0,q", "B,1,q", "B,2,q",
                "B,3,q"), "t.csv", "user", "slot", "area", 60, ProgressMonitor.none());
        assertEquals(7, t.observedPoints());
        RecoveryResult r = new TrajectoryRecovery(t, TrajectoryRecovery.Config.defaults(24)).run(ProgressMonitor.none());
        assertEquals(7, r.observedPoints());
        assertEquals(1.0, r.accuracy(), 1e-12);
    }

    /** A: p p m r, B: q q m s, night all day: both meet in m, then split to r and s (a tie). */
    static List<String[]> meetAndSplit() {
        List<String[]> rows = new ArrayList<>();
        user(rows, "A", 1, "p", "p", "m", "r");
        user(rows, "B", 1, "q", "q", "m", "s");
        return rows;
    }

    @Test
    void aTieIsReportedAsARangeOverEveryTieBreak() {
        // After m, either trajectory may go to r. Tie-break 1: p p m r / q q m s, all 8 points
        // right (1.0). Tie-break 2: p p m s / q q m r, each right in 3 of 4 (0.75).
        // Bound: both agree on slots 0-2 (6 of 6 right), slot 3 holds 2 points: [6/8, 8/8].
        RecoveryResult r = run(meetAndSplit(), 4, 1, new TrajectoryRecovery.Config(0, 4, 2));
        assertTrue(r.tie());
        assertEquals(1, r.ties());
        assertEquals(2, r.tieBreaks());
        assertTrue(r.rangeExact());
        assertEquals(0.75, r.accuracyMin(), 1e-12);
        assertEquals(1.0, r.accuracyMax(), 1e-12);
        assertTrue(r.accuracy() == 0.75 || r.accuracy() == 1.0, "one of the two tie-breaks: " + r.accuracy());
        assertEquals(0.75, r.withinDayMin(), 1e-12);
        assertEquals(1.0, r.withinDayMax(), 1e-12);
        assertEquals(0.75, r.accuracyLowerBound(), 1e-12);
        assertEquals(1.0, r.accuracyUpperBound(), 1e-12);
    }

    @Test
    void manyUsersFallBackToSampledTieBreaksInsideTheProvenBound() {
        // the same case, with enumeration switched off (as for more than 7 users)
        TrajectoryRecovery.Config sampled = new TrajectoryRecovery.Config(0, 4, 2, 8, 1, 256);
        GroundTruth t = GroundTruth.of(4, 4, meetAndSplit());
        RecoveryResult r = new TrajectoryRecovery(t, sampled).run(ProgressMonitor.none());
        assertEquals(1, r.ties());
        assertEquals(8, r.tieBreaks());
        assertTrue(!r.rangeExact());
        assertTrue(r.accuracyMin() >= r.accuracyLowerBound() - 1e-12 && r.accuracyMax() <= r.accuracyUpperBound() + 1e-12);
        assertEquals(0.75, r.accuracyLowerBound(), 1e-12);
        assertEquals(1.0, r.accuracyUpperBound(), 1e-12);
        // without samples, only the attack's own tie-break and the bound
        RecoveryResult none = new TrajectoryRecovery(t, new TrajectoryRecovery.Config(0, 4, 2, 0, 1, 256))
                .run(ProgressMonitor.none());
        assertEquals(1, none.tieBreaks());
        assertEquals(none.accuracy(), none.accuracyMin(), 1e-12);
        assertEquals(none.accuracy(), none.accuracyMax(), 1e-12);
        assertEquals(0.75, none.accuracyLowerBound(), 1e-12);
    }

    @Test
    void enumerationStopsAtItsLimitAndSaysSo() {
        RecoveryResult r = new TrajectoryRecovery(GroundTruth.of(4, 4, meetAndSplit()),
                new TrajectoryRecovery.Config(0, 4, 2, 0, 7, 1)).run(ProgressMonitor.none());
        assertEquals(1, r.tieBreaks());
        assertTrue(!r.rangeExact());
    }

    @Test
    void tiesBetweenInterchangeablePointsAreNoTies() {
        // two rows with the same costs whose columns are the same place: swapping changes nothing
        double[][] cost = {{1, 1}, {1, 1}};
        assertTrue(!TrajectoryRecovery.tied(cost, Hungarian.solveWithDuals(cost), new int[] {7, 7}));
        assertTrue(TrajectoryRecovery.tied(cost, Hungarian.solveWithDuals(cost), new int[] {7, 8}));
        // a strict optimum is no tie
        double[][] strict = {{0, 1}, {1, 0}};
        assertTrue(!TrajectoryRecovery.tied(strict, Hungarian.solveWithDuals(strict), new int[] {1, 2}));
        // a three-cycle without any two-way swap: rows 0,1,2 can rotate columns at equal cost
        double[][] cycle = {{0, 0, 5}, {5, 0, 0}, {0, 5, 0}};
        assertTrue(TrajectoryRecovery.tied(cycle, Hungarian.solveWithDuals(cycle), new int[] {1, 2, 3}));
        assertEquals(2, TrajectoryRecovery.optimalOutcomes(cycle, new int[] {1, 2, 3}).size());
        assertEquals(1, TrajectoryRecovery.optimalOutcomes(strict, new int[] {1, 2}).size());
    }

    @Test
    void invalidTieOptionsAreRefused() {
        assertThrows(ConfigurationException.class, () -> new TrajectoryRecovery.Config(0, 4, 0).validate());
        assertThrows(ConfigurationException.class, () -> new TrajectoryRecovery.Config(0, 4, 2, -1, 7, 1).validate());
        assertThrows(ConfigurationException.class, () -> new TrajectoryRecovery.Config(0, 4, 2, 0, 9, 1).validate());
        assertThrows(ConfigurationException.class, () -> new TrajectoryRecovery.Config(0, 4, 2, 0, 7, 0).validate());
        assertEquals(3, TrajectoryRecovery.Config.defaults(24).withTieSamples(3).tieSamples());
    }
}
