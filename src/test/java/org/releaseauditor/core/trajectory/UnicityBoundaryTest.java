package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Unicity with p above a user's number of points, the minimal-points vector, the user sample,
 * degenerate knowledge (no point, attributes only), the trace-set index on both of its build paths,
 * and the coarsening sweep. Every dataset is built so that the result does not depend on the
 * random order in which points are drawn.
 */
class UnicityBoundaryTest {

    /**
     * u0 {x}; u1 {x, x2}; u2 {z, w}; u3 {x2} (points = places, time ignored).
     * p = 1: u0 (x is u1's too), u1 (x or x2: each shared), u3 (x2 is u1's) are not unique; u2 is.
     * p = 2: u1 {x, x2} is unique (nobody else has both); u0 and u3 have one point and are drawn with it
     * (still not unique); u2 unique. p = 3: every user is short; u1 and u2 stay unique.
     */
    private static EventTable shortTraces() throws Exception {
        return Fixtures.events(Fixtures.r("u0", "2020-03-02T10:00:00Z", "x"),
                Fixtures.r("u1", "2020-03-02T10:00:00Z", "x"), Fixtures.r("u1", "2020-03-02T11:00:00Z", "x2"),
                Fixtures.r("u2", "2020-03-02T10:00:00Z", "z"), Fixtures.r("u2", "2020-03-02T11:00:00Z", "w"),
                Fixtures.r("u3", "2020-03-02T12:00:00Z", "x2"));
    }

    @Test
    void usersWithFewerPointsThanPAreDrawnWithAllOfThemAndCounted() throws Exception {
        TraceSet ts = Fixtures.traces(shortTraces(), "none");
        UnicityResult r = Unicity.compute(ts, new UnicityOptions(3, 0, 7, false), ProgressMonitor.none());
        assertEquals(List.of(1, 2, 2), r.rows().stream().map(UnicityResult.Row::uniqueUsers).toList());
        assertEquals(List.of(0, 2, 4), r.rows().stream().map(UnicityResult.Row::shortUsers).toList());
        assertEquals(List.of(4, 4, 4), r.rows().stream().map(UnicityResult.Row::sampledUsers).toList());
        assertEquals(0.25, r.row(1).fraction(), 1e-12);
        assertEquals(0.5, r.row(3).fraction(), 1e-12);
        // Wilson 95 % of 1/4: lower 0.0455873, upper 0.6993582; of 2/4: 0.1500..0.8500 (symmetric)
        assertArrayEquals(Wilson.interval95(1, 4), new double[] {r.row(1).ciLow(), r.row(1).ciHigh()}, 1e-15);
        assertEquals(0.0455873, r.row(1).ciLow(), 1e-6);
        assertEquals(0.6993582, r.row(1).ciHigh(), 1e-6);
        assertEquals(1.0, r.row(2).ciLow() + r.row(2).ciHigh(), 1e-12);
        // smallest p that made each user unique: u0 never (0), u1 at 2, u2 at 1, u3 never
        assertArrayEquals(new int[] {0, 2, 1, 0}, r.minimalPoints());
        assertEquals("none x none", r.resolution());
        assertTrue(r.exact());
        assertEquals(7, r.seed());
        assertFalse(r.withAttributes());
        assertEquals(3, r.rows().size());
        assertEquals(3, r.row(3).points());
        assertNull(r.row(4));
    }

    @Test
    void usersLeftOutOfTheSampleAreMarkedMinusOne() throws Exception {
        TraceSet ts = Fixtures.traces(shortTraces(), "none");
        UnicityResult r = Unicity.compute(ts, new UnicityOptions(2, 3, 5, false), ProgressMonitor.none());
        assertFalse(r.exact());
        assertEquals(3, r.row(1).sampledUsers());
        int[] minimal = r.minimalPoints();
        assertEquals(1, Arrays.stream(minimal).filter(v -> v == -1).count());
        // the sampled users keep the values of the full run
        int[] full = {0, 2, 1, 0};
        int unique = 0;
        for (int u = 0; u < 4; u++) {
            if (minimal[u] != -1) {
                assertEquals(full[u], minimal[u], "user " + u);
                unique += minimal[u] == 1 ? 1 : 0;
            }
        }
        assertEquals(unique, r.row(1).uniqueUsers());
        // the result is a copy
        r.minimalPoints()[0] = 42;
        assertTrue(r.minimalPoints()[0] != 42);
    }

    @Test
    void userSampleIsAllUsersAtZeroOrAtLeastTheUserCountAndOtherwiseDistinctAndSorted() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Unicity.sampleUsers(4, 0, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, Unicity.sampleUsers(4, 4, 1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, Unicity.sampleUsers(4, 9, 1));
        for (long seed = 0; seed < 20; seed++) {
            int[] s = Unicity.sampleUsers(10, 3, seed);
            assertEquals(3, s.length);
            assertTrue(s[0] < s[1] && s[1] < s[2] && s[0] >= 0 && s[2] < 10, Arrays.toString(s));
            assertArrayEquals(s, Unicity.sampleUsers(10, 3, seed));
        }
        // a sample of 9 of 10 leaves out exactly one user
        assertEquals(9, Arrays.stream(Unicity.sampleUsers(10, 9, 3)).distinct().count());
        // different seeds give different samples (at least once among a few)
        boolean differ = false;
        for (long seed = 1; seed < 10 && !differ; seed++) {
            differ = !Arrays.equals(Unicity.sampleUsers(10, 3, 0), Unicity.sampleUsers(10, 3, seed));
        }
        assertTrue(differ);
    }

    @Test
    void pointDrawsAreDistinctPointsOfTheUserInARandomOrder() throws Exception {
        // u has 6 distinct places; every draw of 6 is a permutation of them, draws of 2 are 2 of them
        EventTable t = Fixtures.events(Fixtures.r("u", "2020-03-02T01:00:00Z", "a"),
                Fixtures.r("u", "2020-03-02T02:00:00Z", "b"), Fixtures.r("u", "2020-03-02T03:00:00Z", "c"),
                Fixtures.r("u", "2020-03-02T04:00:00Z", "d"), Fixtures.r("u", "2020-03-02T05:00:00Z", "e"),
                Fixtures.r("u", "2020-03-02T06:00:00Z", "f"), Fixtures.r("u", "2020-03-02T07:00:00Z", "a"));
        TraceSet ts = Fixtures.traces(t, "none");
        assertEquals(6, ts.distinctPointCount(0));
        java.util.Set<Integer> firsts = new java.util.HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            int[] out = new int[8];
            assertEquals(6, Unicity.drawPoints(ts, 0, 8, seed, out));
            int[] sorted = Arrays.copyOf(out, 6);
            Arrays.sort(sorted);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, sorted);
            int[] two = new int[2];
            assertEquals(2, Unicity.drawPoints(ts, 0, 2, seed, two));
            assertTrue(two[0] != two[1]);
            firsts.add(two[0]);
        }
        // every point comes first in some draw
        assertEquals(6, firsts.size());
    }

    @Test
    void knowledgeOfNoPointIdentifiesOnlyTheSoleUser() throws Exception {
        TraceSet one = Fixtures.traces(Fixtures.events(Fixtures.r("a", "2020-03-02T10:00:00Z", "x")), "none");
        assertTrue(Unicity.isUniqueGivenPoints(one, 0, new int[0], 0, false));
        TraceSet two = Fixtures.traces(shortTraces(), "none");
        assertFalse(Unicity.isUniqueGivenPoints(two, 0, new int[0], 0, false));
        // one point: unique iff its posting list holds only the user
        int z = two.distinctPoint(2, 0);
        assertEquals(1, two.postingSize(z));
        assertTrue(Unicity.isUniqueGivenPoints(two, 2, new int[] {z}, 1, false));
        int x = two.distinctPoint(0, 0);
        assertEquals(2, two.postingSize(x));
        assertFalse(Unicity.isUniqueGivenPoints(two, 0, new int[] {x}, 1, false));
        // only the first k entries count
        assertTrue(Unicity.isUniqueGivenPoints(two, 2, new int[] {z, x}, 1, false));
    }

    @Test
    void attributesAloneIdentifyTheOnlyMemberOfAnAttributeClass() throws Exception {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc", "age"},
                Fixtures.r("a", "2020-03-02T10:00:00Z", "y", "30"), Fixtures.r("b", "2020-03-02T10:00:00Z", "y", "40"),
                Fixtures.r("c", "2020-03-02T11:00:00Z", "y", "40"));
        EventTable t = EventImport.fromDataset(ds, new EventColumns("uid", "time", "loc", null, null,
                List.of("age"), null, null), "t.csv", ProgressMonitor.none());
        TraceSet ts = Fixtures.traces(t, "none");
        assertTrue(ts.hasAttributes());
        assertEquals(ts.attributeClass(1), ts.attributeClass(2));
        assertTrue(Unicity.isUniqueGivenPoints(ts, 0, new int[0], 0, true));
        assertFalse(Unicity.isUniqueGivenPoints(ts, 1, new int[0], 0, true));
        // place y and attribute 40: b and c -> not unique; with 1 h bins b's (y, 10h) separates b from c
        int y = ts.distinctPoint(1, 0);
        assertFalse(Unicity.isUniqueGivenPoints(ts, 1, new int[] {y}, 1, true));
        TraceSet hourly = Fixtures.traces(t, "1h");
        assertTrue(Unicity.isUniqueGivenPoints(hourly, 1, new int[] {hourly.distinctPoint(1, 0)}, 1, true));
        // a's (y, 10h) is b's too, but a's attribute is its own
        assertFalse(Unicity.isUniqueGivenPoints(hourly, 0, new int[] {hourly.distinctPoint(0, 0)}, 1, false));
        assertTrue(Unicity.isUniqueGivenPoints(hourly, 0, new int[] {hourly.distinctPoint(0, 0)}, 1, true));
        // the result says whether attributes were used; without attributes in the table the option is ignored
        assertTrue(Unicity.compute(ts, new UnicityOptions(1, 0, 1, true), ProgressMonitor.none()).withAttributes());
        assertFalse(Unicity.compute(Fixtures.traces(shortTraces(), "none"), new UnicityOptions(1, 0, 1, true),
                ProgressMonitor.none()).withAttributes());
    }

    @Test
    void aCandidateAtTheVeryStartOfTheIndexIsFound() throws Exception {
        // v0 {P0, Q}, u1 {P0, Q}, w2 {P0}. P0 is point 0, its posting list [v0, u1, w2] opens the index.
        // Knowing u1's {P0, Q}: the smaller list Q = [v0, u1] is scanned and v0 is looked up in P0's list,
        // where it sits at index 0 of the whole index -> v0 also has both points -> u1 is not unique.
        EventTable t = Fixtures.events(Fixtures.r("v0", "2020-03-02T10:00:00Z", "P0"),
                Fixtures.r("v0", "2020-03-02T11:00:00Z", "Q"), Fixtures.r("u1", "2020-03-02T10:00:00Z", "P0"),
                Fixtures.r("u1", "2020-03-02T11:00:00Z", "Q"), Fixtures.r("w2", "2020-03-02T10:00:00Z", "P0"));
        TraceSet ts = Fixtures.traces(t, "none");
        int p0 = ts.eventPoint(0);
        int q = ts.eventPoint(1);
        assertEquals(0, p0);
        assertFalse(Unicity.isUniqueGivenPoints(ts, 1, new int[] {p0, q}, 2, false));
        assertFalse(Unicity.isUniqueGivenPoints(ts, 1, new int[] {q, p0}, 2, false));
        assertFalse(Unicity.isUniqueGivenPoints(ts, 0, new int[] {p0, q}, 2, false));
    }

    @Test
    void denseListsWithAnAttributeClassThatStartsTheAttributeIndex() {
        // 100 users: users 0..69 visit A (a dense list of 70 >= 64), everybody visits B; users 0..89 have
        // attribute class 0, users 90..99 class 1. Knowing A and the attributes of user 5: users 0..69 other
        // than 5 share both -> not unique. Knowing B and the attributes of user 95: the ten users of class 1
        // share B -> not unique; user 95 knowing A would be impossible (95 does not visit A).
        int users = 100;
        String[] names = new String[users];
        int[] attr = new int[users];
        java.util.List<int[]> ev = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            names[u] = "u" + u;
            attr[u] = u < 90 ? 0 : 1;
            if (u < 70) {
                ev.add(new int[] {u, 0});
            }
            ev.add(new int[] {u, 1});
        }
        int[] user = new int[ev.size()];
        long[] time = new long[ev.size()];
        int[] loc = new int[ev.size()];
        for (int i = 0; i < ev.size(); i++) {
            user[i] = ev.get(i)[0];
            loc[i] = ev.get(i)[1];
            time[i] = 1_583_143_200L + loc[i];
        }
        EventTable t = EventTable.of(names, user, time, loc, new String[] {"A", "B"}, null, null, attr, 2,
                java.time.ZoneId.of("UTC"));
        TraceSet ts;
        try {
            ts = TraceSet.build(t, new SpatialResolution.Identity(), TemporalResolution.none(), ProgressMonitor.none());
        } catch (ConfigurationException e) {
            throw new AssertionError(e);
        }
        int a = ts.distinctPoint(5, 0);
        int b = ts.distinctPoint(5, 1);
        assertEquals(70, ts.postingSize(a));
        assertEquals(100, ts.postingSize(b));
        assertFalse(Unicity.isUniqueGivenPoints(ts, 5, new int[] {a}, 1, true));
        assertFalse(Unicity.isUniqueGivenPoints(ts, 5, new int[] {a, b}, 2, true));
        assertFalse(Unicity.isUniqueGivenPoints(ts, 95, new int[] {b}, 1, true));
        assertFalse(Unicity.isUniqueGivenPoints(ts, 0, new int[] {a}, 1, true));
        // attributes alone: class 1 has ten members
        assertFalse(Unicity.isUniqueGivenPoints(ts, 95, new int[0], 0, true));
    }

    // ------------------------------------------------------------------------ trace set

    @Test
    void traceSetIndexesDistinctPointsAndTheirUsers() throws Exception {
        // a: L1 10:05, L1 10:55, L2 11:00; b: L1 10:30. At 1 h bins: points (L1,10h), (L2,11h)
        EventTable t = Fixtures.events(Fixtures.r("a", "2020-03-02T10:05:00Z", "L1"),
                Fixtures.r("a", "2020-03-02T10:55:00Z", "L1"), Fixtures.r("a", "2020-03-02T11:00:00Z", "L2"),
                Fixtures.r("b", "2020-03-02T10:30:00Z", "L1"));
        TraceSet ts = Fixtures.traces(t, "1h");
        assertEquals(2, ts.userCount());
        assertEquals(4, ts.eventCount());
        assertEquals(2, ts.areaCount());
        assertEquals(2, ts.pointCount());
        assertEquals(2, ts.distinctPointCount(0));
        assertEquals(1, ts.distinctPointCount(1));
        int p1 = ts.eventPoint(0);
        assertEquals(p1, ts.eventPoint(1));
        assertEquals(p1, ts.eventPoint(3));
        int p2 = ts.eventPoint(2);
        assertTrue(p1 != p2);
        assertEquals(2, ts.postingSize(p1));
        assertEquals(1, ts.postingSize(p2));
        assertTrue(ts.contains(1, p1));
        assertFalse(ts.contains(1, p2));
        // the very first entry of the index (user 0, first point) is found too
        assertTrue(ts.contains(0, ts.distinctPoint(0, 0)));
        assertTrue(ts.contains(0, p2));
        // location ids have no coordinates
        assertTrue(Double.isNaN(ts.areaLatitude(0)) && Double.isNaN(ts.areaLongitude(1)));
        assertEquals(0, ts.pointArea(p1));
        assertEquals(1, ts.pointArea(p2));
        assertEquals(0, ts.userStart(0));
        assertEquals(3, ts.userEnd(0));
        assertEquals(4, ts.userEnd(1));
        assertEquals(1583143500L, ts.eventLocalSecond(0));
        assertTrue(ts.toString().contains("none x 1h") && ts.toString().contains("users=2")
                && ts.toString().contains("points=2"));
        assertFalse(ts.hasAttributes());
        assertEquals(-1, ts.attributeClass(0));
        // at 15 min bins L1's two visits by a are separate points, and b's is a third
        assertEquals(4, Fixtures.traces(t, "15m").pointCount());
    }

    @Test
    void localTimeFollowsTheTablesZone() throws Exception {
        // 2020-03-02T23:30Z is 00:30 on Tuesday in Berlin: the weekday class follows local time
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "2020-03-02T23:30:00Z", "L"));
        EventTable t = EventImport.fromDataset(ds, new EventColumns("uid", "time", "loc", null, null, null, null,
                java.time.ZoneId.of("Europe/Berlin")), "z.csv", ProgressMonitor.none());
        TraceSet ts = Fixtures.traces(t, "weekday");
        assertEquals(1583191800L + 3600, ts.eventLocalSecond(0));
        assertEquals(1, TemporalResolution.weekday(ts.eventLocalSecond(0)));
        // summer time: 2020-07-01T12:00Z is 14:00 in Berlin
        Dataset summer = Fixtures.dataset(new String[] {"uid", "time", "loc"},
                Fixtures.r("a", "2020-07-01T12:00:00Z", "L"), Fixtures.r("a", "2020-01-01T12:00:00Z", "L"));
        EventTable s = EventImport.fromDataset(summer, new EventColumns("uid", "time", "loc", null, null, null, null,
                java.time.ZoneId.of("Europe/Berlin")), "z.csv", ProgressMonitor.none());
        TraceSet st = Fixtures.traces(s, "1h");
        assertEquals(1593604800L + 7200, st.eventLocalSecond(1));
        assertEquals(1577880000L + 3600, st.eventLocalSecond(0));
    }

    @Test
    void aTimeRangeOfMoreThanTwoBillionBinsIsRefusedNamingTheResolution() throws Exception {
        EventTable t = Fixtures.events(Fixtures.r("a", "1901-01-01T00:00:00Z", "L"),
                Fixtures.r("a", "2190-01-01T00:00:00Z", "L"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Fixtures.traces(t, "1s"));
        assertEquals("trajectory.error.badTemporal", e.messageKey());
        assertArrayEquals(new Object[] {"1s"}, e.args());
        // the same range at 1 h bins (2.5 million) is fine
        assertEquals(2, Fixtures.traces(t, "1h").pointCount());
    }

    @Test
    void manyTimeBinsGiveTheSameIndexAsFewBins() throws Exception {
        // 1 min bins over 10 years are more than 4 million bins (the sorting path of the index); the
        // same events within one day use the counting path. Both must give the same structure:
        // a and b share (L, first minute); a's second point and c's point are their own.
        String[][] far = {Fixtures.r("a", "2000-01-01T00:00:10Z", "L"), Fixtures.r("a", "2010-01-01T00:00:00Z", "L"),
            Fixtures.r("b", "2000-01-01T00:00:50Z", "L"), Fixtures.r("c", "2010-01-01T00:01:00Z", "L"),
            Fixtures.r("c", "2010-01-01T00:01:00Z", "M")};
        String[][] near = {Fixtures.r("a", "2000-01-01T00:00:10Z", "L"), Fixtures.r("a", "2000-01-01T05:00:00Z", "L"),
            Fixtures.r("b", "2000-01-01T00:00:50Z", "L"), Fixtures.r("c", "2000-01-01T05:01:00Z", "L"),
            Fixtures.r("c", "2000-01-01T05:01:00Z", "M")};
        for (String[][] rows : new String[][][] {far, near}) {
            TraceSet ts = Fixtures.traces(Fixtures.events(rows), "1m");
            assertEquals(4, ts.pointCount());
            int shared = ts.eventPoint(0);
            assertEquals(shared, ts.eventPoint(2));
            assertEquals(2, ts.postingSize(shared));
            assertEquals(1, ts.postingSize(ts.eventPoint(1)));
            assertEquals(2, ts.distinctPointCount(2));
            assertTrue(ts.contains(2, ts.eventPoint(3)));
            assertFalse(ts.contains(0, ts.eventPoint(3)));
            assertEquals(1, ts.pointArea(ts.eventPoint(4)));
            UnicityResult r = Unicity.compute(ts, new UnicityOptions(2, 0, 3, false), ProgressMonitor.none());
            // p = 2: a's two points -> unique; b's one point is a's too -> not; c's two points are private
            assertEquals(2, r.row(2).uniqueUsers());
            assertEquals(0, r.minimalPoints()[1]);
            assertEquals(1, r.minimalPoints()[2]);
        }
    }

    // ------------------------------------------------------------------------------ sweep

    @Test
    void sweepFillsEveryCellOfTheResolutionGrid() throws Exception {
        // the constructed data of UnicityTest: u0 x1@10h x2@11h; u1 y1@10:00 y2@11:00; u2 y1@10:10 y2@11:20;
        // u3 z@10h; u4 x3@10h x4@11h.
        // none x 1h: u0, u3, u4 unique (private places), u1 and u2 share both points -> 3 of 5
        // none x 1m: the minutes separate u1 from u2 -> 5 of 5
        // one area x 1h: every point (R,10h), (R,11h) is shared -> 0
        // one area x 1m: (R,10:00) and (R,11:00) are shared by u0, u1, u4 (and u3 at 10:00); u2's 10:10 and
        // 11:20 are its own -> 1 of 5
        EventTable t = Fixtures.events(
                Fixtures.r("u0", "2020-03-02T10:00:00Z", "x1"), Fixtures.r("u0", "2020-03-02T11:00:00Z", "x2"),
                Fixtures.r("u1", "2020-03-02T10:00:00Z", "y1"), Fixtures.r("u1", "2020-03-02T11:00:00Z", "y2"),
                Fixtures.r("u2", "2020-03-02T10:10:00Z", "y1"), Fixtures.r("u2", "2020-03-02T11:20:00Z", "y2"),
                Fixtures.r("u3", "2020-03-02T10:00:00Z", "z"),
                Fixtures.r("u4", "2020-03-02T10:00:00Z", "x3"), Fixtures.r("u4", "2020-03-02T11:00:00Z", "x4"));
        Map<String, String> all = Map.of("x1", "R", "x2", "R", "y1", "R", "y2", "R", "z", "R", "x3", "R", "x4", "R");
        SweepResult r = CoarseningSweep.run(t, List.of(new SpatialResolution.Identity(),
                new SpatialResolution.Mapping("all", all)), List.of(TemporalResolution.bins(3600),
                        TemporalResolution.bins(60)), 1, 0, 1, false, ProgressMonitor.none());
        assertEquals(List.of("none", "map:all"), r.spatial());
        assertEquals(List.of("1h", "1m"), r.temporal());
        assertEquals(1, r.points());
        assertEquals(5, r.sampledUsers());
        assertArrayEquals(new int[] {3, 5}, r.uniqueUsers()[0]);
        assertArrayEquals(new int[] {0, 1}, r.uniqueUsers()[1]);
        assertArrayEquals(new double[] {0.6, 1.0}, r.fraction()[0], 1e-12);
        assertArrayEquals(new double[] {0.0, 0.2}, r.fraction()[1], 1e-12);
        // accessors return copies
        r.fraction()[0][0] = 9;
        r.uniqueUsers()[0][0] = 9;
        assertEquals(0.6, r.fraction()[0][0], 1e-12);
        assertEquals(3, r.uniqueUsers()[0][0]);
        // a sample of 2 users is the same sample in every cell
        SweepResult s = CoarseningSweep.run(t, List.of(new SpatialResolution.Identity()),
                List.of(TemporalResolution.bins(60)), 1, 2, 1, false, ProgressMonitor.none());
        assertEquals(2, s.sampledUsers());
        assertArrayEquals(new int[] {2}, s.uniqueUsers()[0]);
    }
}
