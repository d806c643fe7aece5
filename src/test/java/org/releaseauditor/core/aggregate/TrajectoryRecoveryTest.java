package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    }
}
