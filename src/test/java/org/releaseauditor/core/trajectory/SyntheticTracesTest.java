package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The synthetic benchmark traces keep the promises of their documentation: the requested shape,
 * 28 days from 2020-01-01 (a Wednesday), antennas inside the 40 km × 40 km region, nights mostly at
 * one home antenna and weekday office hours mostly at one work antenna, and a fixed seed.
 */
class SyntheticTracesTest {

    private static final long START = 1_577_836_800L; // 2020-01-01T00:00:00Z

    @Test
    void hasTheRequestedShapeWithinTheRegionAndThePeriod() {
        EventTable t = SyntheticTraces.generate(40, 30, 100, 7, ProgressMonitor.none());
        assertEquals(40, t.userCount());
        assertEquals(1200, t.eventCount());
        assertEquals("p0", t.userName(0));
        assertEquals("p39", t.userName(39));
        assertEquals(100, t.locationCount());
        assertTrue(t.hasCoordinates());
        for (int u = 0; u < 40; u++) {
            assertEquals(30 * u, t.userStart(u));
        }
        for (int e = 0; e < t.eventCount(); e++) {
            assertTrue(t.time(e) >= START && t.time(e) < START + 28 * 86_400L, "time " + t.time(e));
            if (e > 0 && e % 30 != 0) {
                assertTrue(t.time(e) >= t.time(e - 1));
            }
        }
        // antennas: latitude 47.92 + [0, 40 km], longitude 11.23 + [0, 40 km at 48° N]
        double latSpan = 40_000 / 111_320.0;
        double lngSpan = 40_000 / (111_320.0 * Math.cos(Math.toRadians(48)));
        double minLat = 90;
        double maxLat = -90;
        for (int a = 0; a < 100; a++) {
            assertTrue(t.latitude(a) > 47.92 && t.latitude(a) < 47.92 + latSpan, "lat " + t.latitude(a));
            assertTrue(t.longitude(a) > 11.23 && t.longitude(a) < 11.23 + lngSpan, "lng " + t.longitude(a));
            minLat = Math.min(minLat, t.latitude(a));
            maxLat = Math.max(maxLat, t.latitude(a));
        }
        // a 10 × 10 jittered grid spans most of the region in both directions
        assertTrue(maxLat - minLat > 0.7 * latSpan);
        double minLng = 180;
        double maxLng = -180;
        for (int a = 0; a < 100; a++) {
            minLng = Math.min(minLng, t.longitude(a));
            maxLng = Math.max(maxLng, t.longitude(a));
        }
        assertTrue(maxLng - minLng > 0.7 * lngSpan, "longitude span " + (maxLng - minLng));
    }

    @Test
    void nightsAreMostlyAtOneHomeAndWeekdayOfficeHoursAtOneWork() {
        EventTable t = SyntheticTraces.generate(60, 80, 144, 3, ProgressMonitor.none());
        HomeWork hw = HomeWork.defaults();
        double homeShare = 0;
        double workShare = 0;
        int differentPlaces = 0;
        for (int u = 0; u < t.userCount(); u++) {
            Map<Integer, Integer> night = new HashMap<>();
            Map<Integer, Integer> day = new HashMap<>();
            int nights = 0;
            int days = 0;
            for (int e = t.userStart(u); e < t.userStart(u) + 80; e++) {
                long s = t.time(e);
                int hour = (int) (Math.floorMod(s, 86_400L) / 3600);
                if (hw.isNight(hour)) {
                    night.merge(t.location(e), 1, Integer::sum);
                    nights++;
                }
                if (hw.isWorkTime(s)) {
                    day.merge(t.location(e), 1, Integer::sum);
                    days++;
                }
            }
            int home = argMax(night);
            int work = argMax(day);
            homeShare += (double) night.get(home) / nights;
            workShare += (double) day.get(work) / days;
            differentPlaces += home != work ? 1 : 0;
        }
        // by construction 35 % of events are at home at night and ~21 % at work on weekday office hours;
        // the rest is spread over favourites and random antennas (seed 3: 0.79 and 0.66)
        assertTrue(homeShare / 60 > 0.7, "home share " + homeShare / 60);
        assertTrue(workShare / 60 > 0.5, "work share " + workShare / 60);
        assertTrue(differentPlaces > 30, "users whose home is not their work: " + differentPlaces);
    }

    @Test
    void eventsFollowTheDocumentedMixOfNightAndOfficeHours() {
        // 35 % of events are at home between 20:00 and 06:59, plus night hours of favourites (20-21 h) and of
        // random events: about 45 % of all events fall in the night window. Of weekday events, 30 % are at work
        // 9-16 h, plus favourites and random events in those hours: about 47 %.
        EventTable t = SyntheticTraces.generate(100, 100, 144, 11, ProgressMonitor.none());
        HomeWork hw = HomeWork.defaults();
        int night = 0;
        int weekday = 0;
        int office = 0;
        for (int e = 0; e < t.eventCount(); e++) {
            long s = t.time(e);
            night += hw.isNight((int) (Math.floorMod(s, 86_400L) / 3600)) ? 1 : 0;
            if (TemporalResolution.weekday(s) < 5) {
                weekday++;
                office += hw.isWorkTime(s) ? 1 : 0;
            }
        }
        double nightShare = (double) night / t.eventCount();
        double officeShare = (double) office / weekday;
        assertTrue(nightShare > 0.40 && nightShare < 0.50, "night share " + nightShare);
        assertTrue(officeShare > 0.42 && officeShare < 0.52, "office share " + officeShare);
    }

    @Test
    void homesAreSkewedTowardsTheCentreAndWorkIsNearHome() {
        // a home is the antenna index closer to the middle of two uniform draws: E|home − 72| = 24 for 144
        // antennas (36 for one uniform draw). Work is within 12 grid cells of home in each direction.
        int antennas = 144;
        int side = 12;
        EventTable t = SyntheticTraces.generate(200, 120, antennas, 13, ProgressMonitor.none());
        HomeWork hw = HomeWork.defaults();
        double distance = 0;
        int near = 0;
        for (int u = 0; u < t.userCount(); u++) {
            Map<Integer, Integer> night = new HashMap<>();
            Map<Integer, Integer> day = new HashMap<>();
            for (int e = t.userStart(u); e < t.userStart(u) + 120; e++) {
                long s = t.time(e);
                if (hw.isNight((int) (Math.floorMod(s, 86_400L) / 3600))) {
                    night.merge(t.location(e), 1, Integer::sum);
                }
                if (hw.isWorkTime(s)) {
                    day.merge(t.location(e), 1, Integer::sum);
                }
            }
            int home = argMax(night);
            int work = argMax(day);
            distance += Math.abs(home - antennas / 2);
            near += Math.abs(home / side - work / side) <= 12 && Math.abs(home % side - work % side) <= 12 ? 1 : 0;
        }
        assertTrue(distance / 200 < 30, "mean distance of homes from the middle " + distance / 200);
        assertTrue(distance / 200 > 15, "mean distance of homes from the middle " + distance / 200);
        assertEquals(200, near);
    }

    private static int argMax(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void aSeedFixesTheTraces() {
        EventTable a = SyntheticTraces.generate(5, 10, 16, 42, ProgressMonitor.none());
        EventTable b = SyntheticTraces.generate(5, 10, 16, 42, ProgressMonitor.none());
        EventTable c = SyntheticTraces.generate(5, 10, 16, 43, ProgressMonitor.none());
        boolean differs = false;
        for (int e = 0; e < 50; e++) {
            assertEquals(a.time(e), b.time(e));
            assertEquals(a.location(e), b.location(e));
            differs |= a.time(e) != c.time(e) || a.location(e) != c.location(e);
        }
        assertTrue(differs);
        assertEquals(a.latitude(3), b.latitude(3));
        assertFalse(a.latitude(3) == c.latitude(3));
    }

    @Test
    void weekendsHaveNoOfficeHoursAtWork() {
        // day 0 is a Wednesday: days 3, 4 (Sat, Sun), 10, 11, ... are weekends. On weekends no event comes
        // from the work branch, so weekend daytime events are spread: the top weekend daytime place of a
        // user holds a clearly smaller share than the top weekday one
        EventTable t = SyntheticTraces.generate(40, 120, 144, 5, ProgressMonitor.none());
        int weekdayTop = 0;
        int weekdayAll = 0;
        int weekendTop = 0;
        int weekendAll = 0;
        for (int u = 0; u < t.userCount(); u++) {
            Map<Integer, Integer> wd = new HashMap<>();
            Map<Integer, Integer> we = new HashMap<>();
            for (int e = t.userStart(u); e < t.userStart(u) + 120; e++) {
                long s = t.time(e);
                int hour = (int) (Math.floorMod(s, 86_400L) / 3600);
                if (hour < 9 || hour >= 17) {
                    continue;
                }
                (TemporalResolution.weekday(s) < 5 ? wd : we).merge(t.location(e), 1, Integer::sum);
            }
            weekdayTop += wd.isEmpty() ? 0 : wd.get(argMax(wd));
            weekdayAll += wd.values().stream().mapToInt(Integer::intValue).sum();
            weekendTop += we.isEmpty() ? 0 : we.get(argMax(we));
            weekendAll += we.values().stream().mapToInt(Integer::intValue).sum();
        }
        double weekday = (double) weekdayTop / weekdayAll;
        double weekend = (double) weekendTop / weekendAll;
        // seed 5 gives 0.67 on weekdays and 0.40 on weekends
        assertTrue(weekday > 0.5, "weekday top share " + weekday);
        assertTrue(weekday > weekend + 0.15, "weekday " + weekday + " vs weekend " + weekend);
    }

    @Test
    void saturdaysAndSundaysAreNotWorkDays() {
        // a user's work antenna (the top weekday 9-17 place) appears on weekend days only by chance
        // (a random event or a favourite next to it): well below a tenth of weekend daytime events
        EventTable t = SyntheticTraces.generate(60, 150, 144, 9, ProgressMonitor.none());
        int atWork = 0;
        int weekendDay = 0;
        for (int u = 0; u < t.userCount(); u++) {
            Map<Integer, Integer> wd = new HashMap<>();
            for (int e = t.userStart(u); e < t.userStart(u) + 150; e++) {
                if (HomeWork.defaults().isWorkTime(t.time(e))) {
                    wd.merge(t.location(e), 1, Integer::sum);
                }
            }
            int work = argMax(wd);
            for (int e = t.userStart(u); e < t.userStart(u) + 150; e++) {
                long s = t.time(e);
                int hour = (int) (Math.floorMod(s, 86_400L) / 3600);
                if (TemporalResolution.weekday(s) >= 5 && hour >= 9 && hour < 17) {
                    weekendDay++;
                    atWork += t.location(e) == work ? 1 : 0;
                }
            }
        }
        assertTrue(weekendDay > 100);
        assertTrue((double) atWork / weekendDay < 0.1, "weekend daytime share at work " + (double) atWork / weekendDay);
    }
}
