package org.releaseauditor.core.trajectory;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * A fixed-seed synthetic event set for benchmarks and demos: antennas on a jittered grid over a
 * 40 km × 40 km region around 48.1° N 11.5° E, users with a home and a work antenna and a few
 * favourite places, events over 28 days (nights mostly at home, weekday office hours mostly at
 * work, the rest at favourites or anywhere).
 */
public final class SyntheticTraces {

    private static final long START = 1_577_836_800L; // 2020-01-01T00:00:00Z, a Wednesday
    private static final int DAYS = 28;

    private SyntheticTraces() {
    }

    /**
     * @param users     number of users
     * @param events    events per user
     * @param antennas  number of antennas
     * @param seed      seed
     */
    public static EventTable generate(int users, int events, int antennas, long seed, ProgressMonitor monitor) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int side = (int) Math.ceil(Math.sqrt(antennas));
        double[] lat = new double[antennas];
        double[] lng = new double[antennas];
        double step = 40_000.0 / side;
        double xScale = 111_320.0 * Math.cos(Math.toRadians(48));
        for (int a = 0; a < antennas; a++) {
            double y = (a / side + 0.5 + (rnd.nextDouble() - 0.5) * 0.6) * step;
            double x = (a % side + 0.5 + (rnd.nextDouble() - 0.5) * 0.6) * step;
            lat[a] = 47.92 + y / 111_320.0;
            lng[a] = 11.23 + x / xScale;
        }
        String[] names = new String[users];
        int n = users * events;
        int[] user = new int[n];
        long[] time = new long[n];
        int[] loc = new int[n];
        long[] packed = new long[events];
        int[] favourites = new int[4];
        for (int u = 0; u < users; u++) {
            if ((u & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
                monitor.update("generate", u, users);
            }
            names[u] = "p" + u;
            int home = skewed(rnd, antennas);
            int work = near(rnd, home, side, antennas, 12);
            for (int f = 0; f < favourites.length; f++) {
                favourites[f] = near(rnd, home, side, antennas, 6);
            }
            for (int i = 0; i < events; i++) {
                int day = rnd.nextInt(DAYS);
                boolean weekday = (day + 2) % 7 < 5; // day 0 is a Wednesday
                double r = rnd.nextDouble();
                int hour;
                int a;
                if (r < 0.35) {
                    hour = (20 + rnd.nextInt(11)) % 24;
                    a = home;
                } else if (r < 0.65 && weekday) {
                    hour = 9 + rnd.nextInt(8);
                    a = work;
                } else if (r < 0.9) {
                    hour = 7 + rnd.nextInt(15);
                    a = favourites[rnd.nextInt(favourites.length)];
                } else {
                    hour = rnd.nextInt(24);
                    a = rnd.nextInt(antennas);
                }
                long t = day * 86_400L + hour * 3600L + rnd.nextInt(3600);
                packed[i] = (t << 32) | a;
            }
            Arrays.sort(packed);
            for (int i = 0; i < events; i++) {
                int e = u * events + i;
                user[e] = u;
                time[e] = START + (packed[i] >>> 32);
                loc[e] = (int) packed[i];
            }
        }
        return EventTable.of(names, user, time, loc, null, lat, lng, null, 0, ZoneId.of("UTC"));
    }

    /** Skewed towards the centre of the region (population density). */
    private static int skewed(SplittableRandom rnd, int antennas) {
        int a = rnd.nextInt(antennas);
        int b = rnd.nextInt(antennas);
        return Math.abs(a - antennas / 2) < Math.abs(b - antennas / 2) ? a : b;
    }

    private static int near(SplittableRandom rnd, int a, int side, int antennas, int radius) {
        int row = a / side + rnd.nextInt(2 * radius + 1) - radius;
        int col = a % side + rnd.nextInt(2 * radius + 1) - radius;
        row = Math.max(0, Math.min(side - 1, row));
        col = Math.max(0, Math.min(side - 1, col));
        return Math.min(antennas - 1, row * side + col);
    }
}
