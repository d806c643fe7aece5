package org.releaseauditor.core.remediation.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.SyntheticTraces;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.core.trajectory.TraceSet;
import org.releaseauditor.core.trajectory.Unicity;
import org.releaseauditor.core.trajectory.UnicityOptions;

class TrajectoryRemediationTest {

    /** Four users, one event each at 08:00, each in a cell of their own: c1, c2 in area A; c3, c4 in B. */
    static EventTable fourUsers() {
        String[] names = {"u1", "u2", "u3", "u4"};
        int[] user = {0, 1, 2, 3};
        long[] time = {8 * 3600, 8 * 3600 + 60, 8 * 3600 + 120, 8 * 3600 + 180};
        int[] loc = {0, 1, 2, 3};
        return EventTable.of(names, user, time, loc, new String[] {"c1", "c2", "c3", "c4"}, null, null, null, 0,
                ZoneId.of("UTC"));
    }

    static final SpatialResolution MAP = new SpatialResolution.Mapping("areas",
            Map.of("c1", "A", "c2", "A", "c3", "B", "c4", "B"));

    @Test
    void targetsComeFromTheUnicityRulesOfThePolicy() throws Exception {
        PolicyProfile p = new PolicyProfile("unicity-4", "1", null, null, null, List.of(
                new PolicyRule("unicity.3.fraction", Operator.LE, 0.1, Severity.FAIL, ""),
                new PolicyRule("unicity.0.ciHigh", Operator.LT, 0.5, Severity.WARN, "")));
        assertEquals(List.of(new UnicityTarget(4, Operator.LE, 0.1, false)), UnicityTarget.fromPolicy(p, false));
        assertEquals(2, UnicityTarget.fromPolicy(p, true).size());
        assertTrue(UnicityTarget.fromPolicy(p, true).get(1).upperBound());
        PolicyProfile none = new PolicyProfile("k", "1", null, null, null,
                List.of(new PolicyRule("k", Operator.GE, 5, Severity.FAIL, "")));
        assertEquals("remediation.trajectory.noTarget",
                assertThrows(ConfigurationException.class, () -> UnicityTarget.fromPolicy(none, false)).messageKey());
        PolicyProfile wrong = new PolicyProfile("w", "1", null, null, null,
                List.of(new PolicyRule("unicity.0.fraction", Operator.GE, 0.5, Severity.FAIL, "")));
        assertEquals("remediation.trajectory.badRule",
                assertThrows(ConfigurationException.class, () -> UnicityTarget.fromPolicy(wrong, false)).messageKey());
    }

    @Test
    void leastCoarseningThatPassesIsTheAreaMapAtTheReleasedHour() throws Exception {
        // cells: every user unique from 1 point (ε_1 = 1); areas: two users per area (ε_1 = 0).
        // The time resolution does not matter here, so the map at 1h is the least change.
        TrajectoryRemediationOptions o = new TrajectoryRemediationOptions(
                List.of(new SpatialResolution.Identity(), MAP),
                List.of(TemporalResolution.bins(3600), TemporalResolution.bins(86400)), 0, 1, false, true);
        TrajectoryRemediationResult r = TrajectoryRemediation.run(fourUsers(),
                List.of(new UnicityTarget(1, Operator.LE, 0, false)), o, ProgressMonitor.none());
        assertEquals(4, r.grid().size());
        assertFalse(r.before().passes());
        assertEquals(1.0, r.before().row(1).fraction());
        assertFalse(r.grid().get(1).passes(), "a day is not enough when each cell is unique");
        assertTrue(r.grid().get(2).passes());
        assertEquals(1, r.minimal().size());
        assertEquals(MAP.label(), r.recommended().spatial());
        assertEquals("1h", r.recommended().temporal());
        assertEquals(0.0, r.recommended().row(1).fraction());
        // Wilson interval of 0 out of 4: [0, 0.49]
        assertEquals(0.0, r.recommended().row(1).ciLow());
        assertEquals(0.4899, r.recommended().row(1).ciHigh(), 1e-4);
        // one event per user: no cap can help
        assertTrue(r.cap().needed());
        assertNull(r.cap().cap());
        assertEquals(1, r.cap().maxEvents());
    }

    @Test
    void upperBoundTargetIsStricterThanTheEstimate() throws Exception {
        TrajectoryRemediationOptions o = new TrajectoryRemediationOptions(List.of(MAP),
                List.of(TemporalResolution.bins(3600)), 0, 1, false, false);
        TrajectoryRemediationResult r = TrajectoryRemediation.run(fourUsers(),
                List.of(new UnicityTarget(1, Operator.LE, 0.2, true)), o, ProgressMonitor.none());
        // ε_1 = 0, but with 4 users its 95 % upper bound is 0.49 > 0.2
        assertFalse(r.before().passes());
        assertNull(r.recommended());
        assertNull(r.cap());
    }

    @Test
    void cappedTablesKeepASeededTimeOrderedSubsetPerUser() {
        EventTable t = SyntheticTraces.generate(30, 40, 50, 7, ProgressMonitor.none());
        EventTable c = TrajectoryRemediation.capped(t, 5, 11);
        assertEquals(30 * 5, c.eventCount());
        for (int u = 0; u < c.userCount(); u++) {
            assertEquals(5, c.userStart(u + 1) - c.userStart(u));
            for (int e = c.userStart(u) + 1; e < c.userStart(u + 1); e++) {
                assertTrue(c.time(e - 1) <= c.time(e));
            }
        }
        EventTable again = TrajectoryRemediation.capped(t, 5, 11);
        for (int e = 0; e < c.eventCount(); e++) {
            assertEquals(c.time(e), again.time(e));
            assertEquals(c.location(e), again.location(e));
        }
        assertArrayEquals(new int[] {0, 1, 2}, TrajectoryRemediation.choose(3, 5, 1, 0));
    }

    @Test
    void capLadderGrowsByHalvesAndDoublings() {
        assertArrayEquals(new int[] {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48}, TrajectoryRemediation.capLadder(60));
        assertArrayEquals(new int[] {}, TrajectoryRemediation.capLadder(1));
        assertArrayEquals(new int[] {1, 2}, TrajectoryRemediation.capLadder(3));
    }

    /**
     * 40 users share ten (place, hour) points and each has one private point at the end. From 2
     * known points of the full trace a user is unique only if the private point is drawn
     * (about 1 − C(10,2)/C(11,2) = 18 %); thinning changes that. The search must report the largest
     * cap of its ladder that passes, as recomputed here.
     */
    @Test
    void capSearchReturnsTheLargestPassingCapOfTheLadder() throws Exception {
        int users = 40;
        int n = users * 11;
        String[] names = new String[users];
        int[] user = new int[n];
        long[] time = new long[n];
        int[] loc = new int[n];
        String[] locNames = new String[10 + users];
        for (int i = 0; i < 10; i++) {
            locNames[i] = "common" + i;
        }
        int e = 0;
        for (int u = 0; u < users; u++) {
            names[u] = "u" + u;
            locNames[10 + u] = "private" + u;
            for (int i = 0; i < 10; i++) {
                user[e] = u;
                time[e] = i * 3600L;
                loc[e++] = i;
            }
            user[e] = u;
            time[e] = 20 * 3600L;
            loc[e++] = 10 + u;
        }
        EventTable t = EventTable.of(names, user, time, loc, locNames, null, null, null, 0, ZoneId.of("UTC"));
        UnicityTarget target = new UnicityTarget(2, Operator.LT, 0.1, false);
        TrajectoryRemediationOptions o = new TrajectoryRemediationOptions(List.of(new SpatialResolution.Identity()),
                List.of(TemporalResolution.bins(3600)), 0, 5, false, true);
        Integer expected = null;
        for (int cap : TrajectoryRemediation.capLadder(11)) {
            var rows = Unicity.compute(TraceSet.build(TrajectoryRemediation.capped(t, cap, 5),
                    new SpatialResolution.Identity(), TemporalResolution.bins(3600), ProgressMonitor.none()),
                    new UnicityOptions(2, 0, 5, false), ProgressMonitor.none()).rows();
            if (target.met(rows.get(1))) {
                expected = cap;
            }
        }
        TrajectoryRemediationResult r = TrajectoryRemediation.run(t, List.of(target), o, ProgressMonitor.none());
        TrajectoryRemediationResult.CapSearch cap = r.cap();
        assertEquals(11, cap.maxEvents());
        assertFalse(r.before().passes(), "4 of the 40 users are unique from the full traces");
        assertTrue(cap.needed());
        assertEquals(TrajectoryRemediation.capLadder(11).length, cap.evaluated().size());
        assertEquals(expected, cap.cap());
        // here: cap 1 gives 5 %, cap 2 gives 37.5 %: thinning is not monotone
        assertEquals(1, cap.cap());
        assertTrue(cap.evaluated().get(1).fraction() > cap.evaluated().get(0).fraction());
    }

    @Test
    void transformWritesBinStartsAndAreas() throws Exception {
        TrajectoryRemediation.Transformed x = TrajectoryRemediation.transform(fourUsers(), MAP,
                TemporalResolution.bins(4 * 3600), null, 1, ProgressMonitor.none());
        assertEquals(4, x.size());
        assertEquals("1970-01-01T08:00:00", x.time()[1]);
        assertEquals("A", x.location()[1]);
        assertEquals("B", x.location()[3]);
        assertEquals("u3", x.user()[2]);
        assertNull(x.lat());
        assertEquals("remediation.trajectory.cyclicTime", assertThrows(ConfigurationException.class,
                () -> TrajectoryRemediation.transform(fourUsers(), MAP, TemporalResolution.parse("tod:4h"), null, 1,
                        ProgressMonitor.none())).messageKey());
    }
}
