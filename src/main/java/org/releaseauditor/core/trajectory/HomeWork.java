package org.releaseauditor.core.trajectory;

import java.util.List;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Home/work anonymity sets (Golle and Partridge 2009). Home is a user's most frequent area among
 * night-time events, work the most frequent area among weekday (Monday-Friday) daytime events, in
 * local time; ties go to the area that appears first in the data. The anonymity set of a user is
 * the number of users with the same (home, work) pair. Users without night-time or without weekday
 * daytime events have no pair and are reported as excluded.
 *
 * @param nightStart first hour of the night (inclusive), e.g. 20
 * @param nightEnd   hour the night ends (exclusive), e.g. 7; the window wraps around midnight
 * @param dayStart   first hour of the working day (inclusive), e.g. 9
 * @param dayEnd     hour the working day ends (exclusive), e.g. 17
 */
public record HomeWork(int nightStart, int nightEnd, int dayStart, int dayEnd) {

    public HomeWork {
        for (int h : new int[] {nightStart, nightEnd, dayStart, dayEnd}) {
            if (h < 0 || h > 24) {
                throw new IllegalArgumentException("hours must be in 0..24");
            }
        }
    }

    public static HomeWork defaults() {
        return new HomeWork(20, 7, 9, 17);
    }

    boolean isNight(int hour) {
        return nightStart <= nightEnd ? hour >= nightStart && hour < nightEnd : hour >= nightStart || hour < nightEnd;
    }

    boolean isWorkTime(long localSecond) {
        int hour = (int) (Math.floorMod(localSecond, 86_400L) / 3600);
        return TemporalResolution.weekday(localSecond) < 5 && hour >= dayStart && hour < dayEnd;
    }

    /** Home and work area of each user: {home, work}, -1 when unknown. */
    int[][] homeAndWork(TraceSet ts, ProgressMonitor monitor) {
        int users = ts.userCount();
        int[][] out = new int[users][];
        int[] nightCount = new int[ts.areaCount()];
        int[] dayCount = new int[ts.areaCount()];
        for (int u = 0; u < users; u++) {
            if ((u & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
                monitor.update("trajectory.progress.homeWork", u, users);
            }
            int home = -1;
            int work = -1;
            for (int e = ts.userStart(u); e < ts.userEnd(u); e++) {
                long t = ts.eventLocalSecond(e);
                int a = ts.eventArea(e);
                if (isNight((int) (Math.floorMod(t, 86_400L) / 3600))) {
                    nightCount[a]++;
                    if (home < 0 || nightCount[a] > nightCount[home] || nightCount[a] == nightCount[home] && a < home) {
                        home = a;
                    }
                }
                if (isWorkTime(t)) {
                    dayCount[a]++;
                    if (work < 0 || dayCount[a] > dayCount[work] || dayCount[a] == dayCount[work] && a < work) {
                        work = a;
                    }
                }
            }
            for (int e = ts.userStart(u); e < ts.userEnd(u); e++) {
                nightCount[ts.eventArea(e)] = 0;
                dayCount[ts.eventArea(e)] = 0;
            }
            out[u] = new int[] {home, work};
        }
        return out;
    }

    /** The anonymity sets of (home, work) pairs at the trace set's spatial resolution. */
    public AnonymitySets anonymitySets(TraceSet ts, ProgressMonitor monitor) {
        int[][] hw = homeAndWork(ts, monitor);
        Object[] keys = new Object[hw.length];
        for (int u = 0; u < hw.length; u++) {
            if (hw[u][0] >= 0 && hw[u][1] >= 0) {
                keys[u] = List.of(hw[u][0], hw[u][1]);
            }
        }
        return AnonymitySets.of(ts.spatial().label(), keys);
    }
}
