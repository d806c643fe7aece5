package org.releaseauditor.core.generate;

import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates the city person by person and day by day and streams each person-day to listeners.
 * Memory use is independent of the number of events.
 *
 * <p>Movement model, per day, in whole hours:
 * <ul>
 *   <li>weekday commuters (93 % of weekdays) leave home at about 07:45 (students 08:30), stay at
 *       work about 8.7 h (students 6 h), may stop for lunch near work (15 %) and for shopping on
 *       the way home (35 %);</li>
 *   <li>people without a commute go out once on 55 % of weekdays (1–3 h);</li>
 *   <li>Saturdays: shopping trip (65 %); Sundays: leisure trip (45 %); evening outings (30 %);</li>
 *   <li>irregular movers make 3–6 stops anywhere in the city between 06:00 and 23:00;</li>
 *   <li>every destination is drawn with a gravity model: attractiveness × exp(−distance / 2.5 km)
 *       (commutes: 6 km).</li>
 * </ul>
 * Network events follow a Poisson process per hour with the rates of {@link #WEEKDAY_RATE} and
 * {@link #WEEKEND_RATE}, scaled by the person's activity. Each event is served by the stay's
 * cell, or by another cell of the same area with probability 0.15.
 */
public final class CitySimulator {
    private static final Logger LOGGER = LoggerFactory.getLogger(CitySimulator.class);

    /** Mean events per hour for an average person on weekdays (about 7.9 a day). */
    static final double[] WEEKDAY_RATE = {
        0.05, 0.04, 0.03, 0.03, 0.04, 0.07, 0.15, 0.35, 0.50, 0.45, 0.45, 0.45,
        0.50, 0.50, 0.45, 0.45, 0.45, 0.55, 0.55, 0.55, 0.45, 0.45, 0.30, 0.15};
    /** Weekend rates: later morning, lower overall (about 6.8 a day). */
    static final double[] WEEKEND_RATE = {
        0.10, 0.08, 0.06, 0.04, 0.03, 0.03, 0.05, 0.10, 0.18, 0.30, 0.40, 0.45,
        0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.40, 0.30, 0.20};
    /** Probability that an event is served by a neighbouring cell of the same area. */
    static final double OTHER_CELL = 0.15;

    private CitySimulator() {
    }

    /** Runs the simulation; returns the model summary. Listeners are called in list order. */
    public static CitySummary run(CityParameters parameters, List<? extends CityListener> listeners,
            ProgressMonitor monitor) throws ConfigurationException {
        parameters.validate();
        long t0 = System.nanoTime();
        monitor.update("City", 0, 1);
        CityModel city = CityModel.build(parameters.areas(), parameters.seed());
        Population pop = Population.generate(city, parameters.people(), parameters.seed(), monitor);
        for (CityListener l : listeners) {
            l.start(city, pop, parameters);
        }
        boolean[] weekend = new boolean[parameters.days()];
        DayOfWeek[] dows = new DayOfWeek[parameters.days()];
        for (int d = 0; d < weekend.length; d++) {
            dows[d] = parameters.startDate().plusDays(d).getDayOfWeek();
            weekend[d] = dows[d] == DayOfWeek.SATURDAY || dows[d] == DayOfWeek.SUNDAY;
        }
        DayTrace trace = new DayTrace();
        long events = 0;
        int n = pop.size();
        int step = Math.max(1, Math.min(ProgressMonitor.CHECK_INTERVAL, n / 200));
        for (int i = 0; i < n; i++) {
            if (i % step == 0) {
                monitor.checkCancelled();
                monitor.update("Simulating people", i, n);
            }
            SplittableRandom rnd = new SplittableRandom(Seeds.mix(parameters.seed(), Seeds.STREAM_MOVEMENT + 31L * i));
            for (int d = 0; d < weekend.length; d++) {
                planDay(city, pop, i, dows[d], rnd, trace);
                emitEvents(city, pop.activity[i], weekend[d] ? WEEKEND_RATE : WEEKDAY_RATE, rnd, trace);
                events += trace.eventCount;
                for (CityListener l : listeners) {
                    l.personDay(i, d, trace);
                }
            }
        }
        monitor.update("Simulating people", n, n);
        for (CityListener l : listeners) {
            l.finish();
        }
        LOGGER.info("Simulated city: people={} days={} areas={} cells={} events={} in {} ms", n,
                parameters.days(), city.areaCount(), city.cellCount(), events, (System.nanoTime() - t0) / 1_000_000);
        return new CitySummary(n, parameters.days(), city.areaCount(), city.districtCount(), city.cellCount(), events);
    }

    static void planDay(CityModel city, Population pop, int i, DayOfWeek dow, SplittableRandom rnd, DayTrace t) {
        int home = pop.home[i];
        java.util.Arrays.fill(t.hourArea, home);
        java.util.Arrays.fill(t.hourCell, pop.homeCell[i]);
        if (pop.irregular[i]) {
            int stops = 3 + rnd.nextInt(4);
            for (int s = 0; s < stops; s++) {
                int origin = rnd.nextInt(city.areaCount);
                int dest = city.drawDestination(city.leisureCdf, origin, rnd.nextDouble());
                int start = 6 + rnd.nextInt(17);
                stay(city, t, dest, -1, start, 1 + rnd.nextInt(3), rnd);
            }
            return;
        }
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        if (!weekend) {
            int work = pop.work[i];
            if (work >= 0 && rnd.nextDouble() < 0.93) {
                boolean study = pop.occupation[i] == Population.OCCUPATION_STUDY;
                int leave = clamp((int) Math.round((study ? 8.5 : 7.75) + 0.9 * rnd.nextGaussian()), 5, 11);
                int hours = clamp((int) Math.round(study ? 6.0 + 1.5 * rnd.nextGaussian()
                        : 8.7 + 0.8 * rnd.nextGaussian()), 3, 11);
                stay(city, t, work, pop.workCell[i], leave, hours, rnd);
                if (rnd.nextDouble() < 0.15) {
                    int lunch = city.drawDestination(city.leisureCdf, work, rnd.nextDouble());
                    stay(city, t, lunch, -1, Math.min(leave + 4, 23), 1, rnd);
                }
                int back = leave + hours;
                if (back <= 21 && rnd.nextDouble() < 0.35) {
                    int shop = city.drawDestination(city.leisureCdf, work, rnd.nextDouble());
                    stay(city, t, shop, -1, back, 1 + rnd.nextInt(2), rnd);
                }
                if (rnd.nextDouble() < 0.15) {
                    eveningOut(city, t, home, rnd);
                }
            } else {
                if (rnd.nextDouble() < 0.55) {
                    int dest = city.drawDestination(city.leisureCdf, home, rnd.nextDouble());
                    stay(city, t, dest, -1, 9 + rnd.nextInt(8), 1 + rnd.nextInt(3), rnd);
                }
                if (rnd.nextDouble() < 0.20) {
                    eveningOut(city, t, home, rnd);
                }
            }
            return;
        }
        if (dow == DayOfWeek.SATURDAY) {
            if (rnd.nextDouble() < 0.65) {
                int dest = city.drawDestination(city.leisureCdf, home, rnd.nextDouble());
                stay(city, t, dest, -1, 10 + rnd.nextInt(6), 2 + rnd.nextInt(3), rnd);
            }
        } else if (rnd.nextDouble() < 0.45) {
            int dest = city.drawDestination(city.leisureCdf, home, rnd.nextDouble());
            stay(city, t, dest, -1, 11 + rnd.nextInt(6), 2 + rnd.nextInt(3), rnd);
        }
        if (rnd.nextDouble() < 0.30) {
            eveningOut(city, t, home, rnd);
        }
    }

    private static void eveningOut(CityModel city, DayTrace t, int home, SplittableRandom rnd) {
        int dest = city.drawDestination(city.leisureCdf, home, rnd.nextDouble());
        stay(city, t, dest, -1, 19 + rnd.nextInt(3), 2 + rnd.nextInt(2), rnd);
    }

    /** Puts a stay of {@code hours} hours from {@code start} (clipped at midnight). */
    private static void stay(CityModel city, DayTrace t, int area, int cell, int start, int hours,
            SplittableRandom rnd) {
        int c = cell >= 0 ? cell : city.randomCell(area, rnd);
        int end = Math.min(24, start + hours);
        for (int h = start; h < end; h++) {
            t.hourArea[h] = area;
            t.hourCell[h] = c;
        }
    }

    static void emitEvents(CityModel city, float activity, double[] rate, SplittableRandom rnd, DayTrace t) {
        t.clearEvents();
        for (int h = 0; h < 24; h++) {
            int k = poisson(rate[h] * activity, rnd);
            if (k == 0) {
                continue;
            }
            int first = t.eventCount;
            for (int e = 0; e < k; e++) {
                int cell = t.hourCell[h];
                if (rnd.nextDouble() < OTHER_CELL) {
                    cell = city.randomCell(t.hourArea[h], rnd);
                }
                t.addEvent(h * 3600 + rnd.nextInt(3600), cell);
            }
            sortRange(t, first, t.eventCount);
        }
    }

    private static void sortRange(DayTrace t, int from, int to) {
        for (int a = from + 1; a < to; a++) {
            int s = t.eventSecond[a];
            int c = t.eventCell[a];
            int b = a - 1;
            while (b >= from && t.eventSecond[b] > s) {
                t.eventSecond[b + 1] = t.eventSecond[b];
                t.eventCell[b + 1] = t.eventCell[b];
                b--;
            }
            t.eventSecond[b + 1] = s;
            t.eventCell[b + 1] = c;
        }
    }

    /** Knuth's multiplication method; fine for the small rates used here. */
    static int poisson(double lambda, SplittableRandom rnd) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = rnd.nextDouble();
        while (p > l) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
