package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

class AnonymitySetsTest {

    /**
     * 2020-03-02 is a Monday, times in UTC. Night 20-7, work 9-17 on weekdays.
     * a: night H1 x2, day W1 x2 -> (H1, W1); b: night H1, day W1 -> (H1, W1);
     * c: night H2 x2 + H1 x1, day W1 -> (H2, W1); d: only a Saturday-day event -> excluded.
     */
    private static EventTable homeWorkData() throws Exception {
        return Fixtures.events(
                Fixtures.r("a", "2020-03-02T22:00:00Z", "H1"), Fixtures.r("a", "2020-03-03T06:00:00Z", "H1"),
                Fixtures.r("a", "2020-03-03T10:00:00Z", "W1"), Fixtures.r("a", "2020-03-04T10:00:00Z", "W1"),
                Fixtures.r("a", "2020-03-04T12:00:00Z", "H2"),
                Fixtures.r("b", "2020-03-02T23:00:00Z", "H1"), Fixtures.r("b", "2020-03-03T11:00:00Z", "W1"),
                Fixtures.r("c", "2020-03-02T21:00:00Z", "H2"), Fixtures.r("c", "2020-03-03T02:00:00Z", "H2"),
                Fixtures.r("c", "2020-03-03T03:00:00Z", "H1"), Fixtures.r("c", "2020-03-03T15:00:00Z", "W1"),
                Fixtures.r("d", "2020-03-07T10:00:00Z", "W1"));
    }

    @Test
    void homeWorkSetsCountUsersSharingThePair() throws Exception {
        TraceSet ts = Fixtures.traces(homeWorkData(), "none");
        AnonymitySets s = HomeWork.defaults().anonymitySets(ts, ProgressMonitor.none());
        assertEquals(3, s.users());
        assertEquals(1, s.excluded());
        assertEquals(2.0, s.medianSize(), 1e-12);
        assertEquals(1.0 / 3, s.fractionSize1(), 1e-12);
        assertArrayEquals(new int[] {1, 2, 0, 0, 0, 0, 0, 0}, s.sizeCounts());
    }

    @Test
    void nightWindowIsConfigurable() throws Exception {
        // a night of 0-3 only: a's home is unknown (events at 22h and 6h) -> a excluded; b too (23h)
        TraceSet ts = Fixtures.traces(homeWorkData(), "none");
        AnonymitySets s = new HomeWork(0, 3, 9, 17).anonymitySets(ts, ProgressMonitor.none());
        assertEquals(1, s.users());
        assertEquals(3, s.excluded());
    }

    @Test
    void topNSetsUseTheMostVisitedAreas() throws Exception {
        // a: X x3, Y x2, Z;  b: X x2, Y;  c: Y x3, X x2;  d: Z
        EventTable t = Fixtures.events(
                Fixtures.r("a", "2020-03-02T01:00:00Z", "X"), Fixtures.r("a", "2020-03-02T02:00:00Z", "X"),
                Fixtures.r("a", "2020-03-02T03:00:00Z", "X"), Fixtures.r("a", "2020-03-02T04:00:00Z", "Y"),
                Fixtures.r("a", "2020-03-02T05:00:00Z", "Y"), Fixtures.r("a", "2020-03-02T06:00:00Z", "Z"),
                Fixtures.r("b", "2020-03-02T01:00:00Z", "X"), Fixtures.r("b", "2020-03-02T02:00:00Z", "X"),
                Fixtures.r("b", "2020-03-02T03:00:00Z", "Y"),
                Fixtures.r("c", "2020-03-02T01:00:00Z", "Y"), Fixtures.r("c", "2020-03-02T02:00:00Z", "Y"),
                Fixtures.r("c", "2020-03-02T03:00:00Z", "Y"), Fixtures.r("c", "2020-03-02T04:00:00Z", "X"),
                Fixtures.r("c", "2020-03-02T05:00:00Z", "X"),
                Fixtures.r("d", "2020-03-02T01:00:00Z", "Z"));
        List<TopPlaces.TopNResult> r = TopPlaces.anonymitySets(Fixtures.traces(t, "none"), 3, ProgressMonitor.none());
        // N=1: {X} a,b; {Y} c; {Z} d -> sizes 2,2,1,1
        assertEquals(1.5, r.get(0).sets().medianSize(), 1e-12);
        assertEquals(0.5, r.get(0).sets().fractionSize1(), 1e-12);
        // N=2: {X,Y} a,b,c; {Z} d -> sizes 3,3,3,1
        assertEquals(3.0, r.get(1).sets().medianSize(), 1e-12);
        assertEquals(0.25, r.get(1).sets().fractionSize1(), 1e-12);
        // N=3: {X,Y,Z} a; {X,Y} b,c; {Z} d -> sizes 1,2,2,1
        assertEquals(0.5, r.get(2).sets().fractionSize1(), 1e-12);
        assertArrayEquals(new int[] {2, 2, 0, 0, 0, 0, 0, 0}, r.get(2).sets().sizeCounts());
    }
}
