package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

class UnicityTest {

    /**
     * Every user's points are either all private or all shared, so any draw gives the same answer:
     * u0 {x1, x2} and u4 {x3, x4} are unique with any point, u1 and u2 both have {y1, y2} and are
     * never unique, u3 has the single point z (unique; for p >= 2 it is a short trace).
     */
    private static EventTable constructed() throws AuditException {
        return Fixtures.events(
                Fixtures.r("u0", "2020-03-02T10:00:00Z", "x1"), Fixtures.r("u0", "2020-03-02T11:00:00Z", "x2"),
                Fixtures.r("u1", "2020-03-02T10:00:00Z", "y1"), Fixtures.r("u1", "2020-03-02T11:00:00Z", "y2"),
                Fixtures.r("u2", "2020-03-02T10:10:00Z", "y1"), Fixtures.r("u2", "2020-03-02T11:20:00Z", "y2"),
                Fixtures.r("u3", "2020-03-02T10:00:00Z", "z"),
                Fixtures.r("u4", "2020-03-02T10:00:00Z", "x3"), Fixtures.r("u4", "2020-03-02T11:00:00Z", "x4"));
    }

    @Test
    void fractionOfUniqueUsersIsExactOnAConstructedDataset() throws Exception {
        TraceSet ts = Fixtures.traces(constructed(), "1h");
        UnicityResult r = Unicity.compute(ts, new UnicityOptions(3, 0, 42, false), ProgressMonitor.none());
        assertTrue(r.exact());
        for (int p = 1; p <= 3; p++) {
            UnicityResult.Row row = r.row(p);
            assertEquals(5, row.sampledUsers());
            assertEquals(3, row.uniqueUsers(), "p=" + p);
            assertEquals(0.6, row.fraction(), 1e-12);
            // Wilson 95 % interval for 3 of 5
            assertEquals(0.2307, row.ciLow(), 1e-4);
            assertEquals(0.8824, row.ciHigh(), 1e-4);
        }
        assertEquals(0, r.row(1).shortUsers());
        assertEquals(1, r.row(2).shortUsers());
        assertEquals(5, r.row(3).shortUsers());
    }

    @Test
    void minuteDifferencesVanishAtHourResolutionButNotAtMinuteResolution() throws Exception {
        // u1 and u2 differ by 10 and 20 minutes: at 1-minute bins they are unique too
        UnicityResult r = Unicity.compute(Fixtures.traces(constructed(), "1m"), new UnicityOptions(1, 0, 1, false),
                ProgressMonitor.none());
        assertEquals(5, r.row(1).uniqueUsers());
    }

    @Test
    void attributesNarrowTheCandidates() throws Exception {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc", "age"},
                Fixtures.r("a", "2020-03-02T10:00:00Z", "y1", "30-39"),
                Fixtures.r("b", "2020-03-02T10:00:00Z", "y1", "40-49"),
                Fixtures.r("c", "2020-03-02T10:00:00Z", "y1", "40-49"));
        EventTable t = EventImport.fromDataset(ds, new EventColumns("uid", "time", "loc", null, null,
                java.util.List.of("age"), null, null), "t.csv", ProgressMonitor.none());
        TraceSet ts = Fixtures.traces(t, "1h");
        assertEquals(0, Unicity.compute(ts, new UnicityOptions(1, 0, 1, false), ProgressMonitor.none()).row(1)
                .uniqueUsers());
        UnicityResult withAttrs = Unicity.compute(ts, new UnicityOptions(1, 0, 1, true), ProgressMonitor.none());
        assertTrue(withAttrs.withAttributes());
        assertEquals(1, withAttrs.row(1).uniqueUsers());
    }

    @Test
    void samplesTheRequestedNumberOfUsersReproducibly() throws Exception {
        TraceSet ts = Fixtures.traces(constructed(), "1h");
        UnicityResult a = Unicity.compute(ts, new UnicityOptions(2, 3, 9, false), ProgressMonitor.none());
        UnicityResult b = Unicity.compute(ts, new UnicityOptions(2, 3, 9, false), ProgressMonitor.none());
        assertFalse(a.exact());
        assertEquals(3, a.row(1).sampledUsers());
        assertEquals(a, b);
    }

    @Test
    void uniquenessGivenEventsUsesTheInvertedIndex() throws Exception {
        EventTable t = constructed();
        TraceSet ts = Fixtures.traces(t, "1h");
        int u1 = 1;
        assertEquals("u1", t.userName(u1));
        assertFalse(Unicity.isUniqueGivenEvents(ts, u1, new int[] {ts.userStart(u1)}, false));
        assertTrue(Unicity.isUniqueGivenEvents(ts, 0, new int[] {ts.userStart(0)}, false));
    }

    @Test
    void stopsWhenCancelled() throws Exception {
        CancellationFlag flag = new CancellationFlag();
        flag.cancel();
        TraceSet ts = Fixtures.traces(constructed(), "1h");
        org.junit.jupiter.api.Assertions.assertThrows(CancelledException.class,
                () -> Unicity.compute(ts, UnicityOptions.defaults(), flag));
    }

    @Test
    void indexedUniquenessAgreesWithABruteForceScanOnDenseAndSparsePoints() {
        // 400 users over 6 places x 4 hours: most posting lists exceed 64 users and become bitsets
        java.util.Random rnd = new java.util.Random(5);
        int users = 400;
        int per = 5;
        String[] names = new String[users];
        int[] user = new int[users * per];
        long[] time = new long[users * per];
        int[] loc = new int[users * per];
        int[] attr = new int[users];
        for (int u = 0; u < users; u++) {
            names[u] = "u" + u;
            attr[u] = rnd.nextInt(3);
            for (int i = 0; i < per; i++) {
                user[u * per + i] = u;
                time[u * per + i] = 1_583_020_800L + 3600L * rnd.nextInt(u % 10 == 0 ? 400 : 4);
                loc[u * per + i] = u % 10 == 0 ? rnd.nextInt(200) : rnd.nextInt(6);
            }
        }
        String[] locNames = new String[200];
        for (int l = 0; l < 200; l++) {
            locNames[l] = "L" + l;
        }
        EventTable t = EventTable.of(names, user, time, loc, locNames, null, null, attr, 3,
                java.time.ZoneId.of("UTC"));
        TraceSet ts;
        try {
            ts = TraceSet.build(t, new SpatialResolution.Identity(), TemporalResolution.bins(3600),
                    ProgressMonitor.none());
        } catch (org.releaseauditor.core.error.ConfigurationException e) {
            throw new AssertionError(e);
        }
        int checked = 0;
        for (int u = 0; u < users; u++) {
            for (int p = 1; p <= 3; p++) {
                int[] pts = new int[p];
                for (int i = 0; i < p; i++) {
                    pts[i] = ts.distinctPoint(u, rnd.nextInt(ts.distinctPointCount(u)));
                }
                for (boolean attrs : new boolean[] {false, true}) {
                    boolean brute = true;
                    for (int v = 0; v < users && brute; v++) {
                        if (v == u || attrs && ts.attributeClass(v) != ts.attributeClass(u)) {
                            continue;
                        }
                        boolean all = true;
                        for (int x : pts) {
                            all &= ts.contains(v, x);
                        }
                        brute = !all;
                    }
                    assertEquals(brute, Unicity.isUniqueGivenPoints(ts, u, pts, p, attrs), "user " + u + " p=" + p);
                    checked += brute ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 0);
    }
}
