package org.releaseauditor.core.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

/** Determinism and marginal distributions of the synthetic city (bounds stated per test). */
class CitySimulatorTest {

    /** Collects statistics and a digest of everything the simulator emits. */
    static class Stats implements CityListener {
        final MessageDigest md;
        Population pop;
        CityModel city;
        CityParameters params;
        final long[][] eventsByHour = new long[2][24];
        final long[] personDays = new long[2];
        long[] daytimeVisits;
        boolean finished;

        Stats() throws Exception {
            md = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void start(CityModel c, Population p, CityParameters pa) {
            city = c;
            pop = p;
            params = pa;
            daytimeVisits = new long[c.areaCount()];
        }

        @Override
        public void personDay(int person, int day, DayTrace t) {
            java.time.DayOfWeek dow = params.startDate().plusDays(day).getDayOfWeek();
            int we = dow.getValue() >= 6 ? 1 : 0;
            personDays[we]++;
            byte[] b = new byte[8 + 24 * 2 + t.eventCount() * 6];
            int k = 0;
            b[k++] = (byte) person;
            b[k++] = (byte) (person >>> 8);
            b[k++] = (byte) (person >>> 16);
            b[k++] = (byte) day;
            k += 4;
            for (int h = 0; h < 24; h++) {
                b[k++] = (byte) t.area(h);
                b[k++] = (byte) t.cell(h);
                if (we == 0 && h >= 10 && h < 16 && t.area(h) != pop.home(person)) {
                    daytimeVisits[t.area(h)]++;
                }
            }
            int prev = -1;
            for (int e = 0; e < t.eventCount(); e++) {
                int s = t.eventSecond(e);
                assertTrue(s >= prev && s < 86_400, "events in time order within the day");
                prev = s;
                assertEquals(t.area(s / 3600), city.cellArea(t.eventCell(e)), "event cell lies in the stay's area");
                eventsByHour[we][s / 3600]++;
                b[k++] = (byte) s;
                b[k++] = (byte) (s >>> 8);
                b[k++] = (byte) (s >>> 16);
                b[k++] = (byte) t.eventCell(e);
                b[k++] = (byte) (t.eventCell(e) >>> 8);
                k++;
            }
            md.update(b);
        }

        @Override
        public void finish() {
            finished = true;
        }

        byte[] digest() {
            return md.digest();
        }
    }

    static Stats big;

    @BeforeAll
    static void simulateOnce() throws Exception {
        big = new Stats();
        CitySimulator.run(CityParameters.of(20_000, 14, 64, 7L), List.of(big), ProgressMonitor.none());
    }

    private static byte[] digestOf(CityParameters p) throws Exception {
        Stats s = new Stats();
        CitySimulator.run(p, List.of(s), ProgressMonitor.none());
        return s.digest();
    }

    @Test
    void sameSeedGivesTheSameCityAndDifferentSeedsDiffer() throws Exception {
        byte[] a = digestOf(CityParameters.of(500, 3, 16, 42L));
        byte[] b = digestOf(CityParameters.of(500, 3, 16, 42L));
        byte[] c = digestOf(CityParameters.of(500, 3, 16, 43L));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void genderShareIsFiftyPercentPlusMinusThree() {
        long female = 0;
        for (int i = 0; i < big.pop.size(); i++) {
            female += big.pop.gender(i) == 0 ? 1 : 0;
        }
        double share = (double) female / big.pop.size();
        assertTrue(Math.abs(share - 0.5) <= 0.03, "female share " + share);
    }

    @Test
    void ageBandSharesAreWithinOnePointFiveOfTheTargets() {
        long[] n = new long[Demography.AGE_BANDS.size()];
        for (int i = 0; i < big.pop.size(); i++) {
            n[big.pop.ageBand(i)]++;
            int age = big.pop.age(i);
            int band = big.pop.ageBand(i);
            assertTrue(age >= Demography.AGE_MIN[band] && age <= Demography.AGE_MAX[band], "age inside its band");
        }
        for (int b = 0; b < n.length; b++) {
            double share = (double) n[b] / big.pop.size();
            assertEquals(Demography.AGE_BAND_SHARE[b], share, 0.015, "age band " + Demography.AGE_BANDS.get(b));
        }
    }

    @Test
    void commutersAreAboutHalfTheCustomers() {
        long commuters = 0;
        long irregular = 0;
        for (int i = 0; i < big.pop.size(); i++) {
            commuters += big.pop.isCommuter(i) ? 1 : 0;
            irregular += big.pop.isIrregular(i) ? 1 : 0;
        }
        double share = (double) commuters / big.pop.size();
        // 62.7 % have a work or school place (Demography); most of them work outside their home area
        assertTrue(share > 0.50 && share < 0.627, "commuter share " + share);
        assertEquals(Demography.IRREGULAR_SHARE, (double) irregular / big.pop.size(), 0.005);
    }

    @Test
    void eventRatesMatchTheHourlyModelOnWeekdaysAndWeekends() {
        double expectedWeekday = Arrays.stream(CitySimulator.WEEKDAY_RATE).sum();
        double expectedWeekend = Arrays.stream(CitySimulator.WEEKEND_RATE).sum();
        double weekday = (double) Arrays.stream(big.eventsByHour[0]).sum() / big.personDays[0];
        double weekend = (double) Arrays.stream(big.eventsByHour[1]).sum() / big.personDays[1];
        assertEquals(expectedWeekday, weekday, 0.04 * expectedWeekday, "weekday events per person-day");
        assertEquals(expectedWeekend, weekend, 0.04 * expectedWeekend, "weekend events per person-day");
        assertTrue(weekday > 1.1 * weekend, "more events on weekdays");
    }

    @Test
    void eventRatePeaksByDayAndIsLowAtNight() {
        long[] wd = big.eventsByHour[0];
        int peak = 0;
        for (int h = 0; h < 24; h++) {
            if (wd[h] > wd[peak]) {
                peak = h;
            }
        }
        assertTrue(peak >= 8 && peak <= 19, "weekday peak hour " + peak);
        for (int h = 0; h <= 5; h++) {
            assertTrue(wd[h] < 0.15 * wd[peak], "night hour " + h + " below 15 % of the peak");
        }
        assertTrue(big.eventsByHour[1][8] < wd[8] * 0.5 * big.personDays[1] / big.personDays[0] * 2,
                "weekend mornings are quieter than weekday mornings");
    }

    @Test
    void aFewCentralAreasAttractManyVisitors() {
        long[] v = big.daytimeVisits.clone();
        long total = Arrays.stream(v).sum();
        Arrays.sort(v);
        long top = 0;
        int topN = Math.max(1, v.length / 10);
        for (int k = 0; k < topN; k++) {
            top += v[v.length - 1 - k];
        }
        // the top 10 % of areas receive far more than 10 % of the daytime visits
        assertTrue((double) top / total > 0.30, "top-decile share " + (double) top / total);
    }

    @Test
    void cellsAreDenserInTheCentre() {
        CityModel c = big.city;
        double central = 0;
        int nCentral = 0;
        double outer = 0;
        int nOuter = 0;
        for (int a = 0; a < c.areaCount(); a++) {
            double r = Math.hypot(c.areaX[a], c.areaY[a]);
            if (r < 1.5) {
                central += c.areaCellCount[a];
                nCentral++;
            } else if (r > 4.0) {
                outer += c.areaCellCount[a];
                nOuter++;
            }
        }
        assertTrue(nCentral > 0 && nOuter > 0);
        assertTrue(central / nCentral >= 2 * outer / nOuter,
                "cells per area: centre " + central / nCentral + ", edge " + outer / nOuter);
    }

    @Test
    void pseudonymsAreUnique() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < big.pop.size(); i++) {
            assertTrue(seen.add(big.pop.pseudonym(i)));
        }
    }

    @Test
    void invalidParametersAreRejectedWithTheOptionName() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CityParameters.of(0, 1, 9, 1).validate());
        assertEquals("generate.error.range", e.messageKey());
        assertEquals("--people", e.args()[0]);
        assertThrows(ConfigurationException.class, () -> CityParameters.of(10, 1, 3, 1).validate());
        assertThrows(ConfigurationException.class,
                () -> new CityParameters(10, 1, 9, 1, CityParameters.DEFAULT_START, 10, 0.5).validate());
        ConfigurationException big = assertThrows(ConfigurationException.class,
                () -> CityParameters.of(10, 366, 2_500, 1).validate());
        assertEquals("generate.error.tooLarge", big.messageKey());
    }

    @Test
    void cancellationStopsTheSimulation() throws Exception {
        CancellationFlag flag = new CancellationFlag();
        Stats s = new Stats() {
            @Override
            public void personDay(int person, int day, DayTrace t) {
                if (person == 100) {
                    flag.cancel();
                }
            }
        };
        assertThrows(CancelledException.class,
                () -> CitySimulator.run(CityParameters.of(100_000, 2, 16, 1), List.of(s), flag));
        assertFalse(s.finished);
    }
}
