package org.releaseauditor.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.progress.ProgressMonitor;

class CityAggregatesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # raw, threshold, published
            0,  10, -1
            9,  10, -1
            10, 10, 10
            57, 10, 57
            4,  5,  -1
            5,  5,  5
            """)
    void countsBelowTheThresholdAreWithheld(int raw, int threshold, int published) {
        assertEquals(published, CityAggregates.withhold(raw, threshold));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # raw, threshold, factor, published
            9,  10, 3.7, -1
            10, 10, 3.7, 37
            11, 10, 3.7, 41
            15, 10, 3.7, 56
            25, 10, 1.5, 38
            12, 10, 1.0, 12
            """)
    void extrapolationRoundsHalfUpAfterTheThresholdOnRawCounts(int raw, int threshold, double factor, long published) {
        // 11 × 3.7 = 40.7 → 41; 15 × 3.7 = 55.5 → 56; 25 × 1.5 = 37.5 → 38
        assertEquals(published, CityAggregates.extrapolate(raw, threshold, factor));
    }

    @Test
    void everyPersonIsCountedOncePerHourAndOdCountsStayBelowDistrictPopulation() throws Exception {
        CityAggregates agg = new CityAggregates();
        CityParameters p = CityParameters.of(3_000, 3, 25, 5L);
        final Population[] pop = new Population[1];
        CityListener grab = new CityListener() {
            @Override
            public void start(CityModel city, Population population, CityParameters parameters) {
                pop[0] = population;
            }

            @Override
            public void personDay(int person, int day, DayTrace trace) {
                // nothing
            }
        };
        CitySimulator.run(p, List.of(agg, grab), ProgressMonitor.none());
        CityModel city = agg.city();
        for (int d = 0; d < p.days(); d++) {
            for (int h = 0; h < 24; h++) {
                long sum = 0;
                for (int a = 0; a < city.areaCount(); a++) {
                    for (int b = 0; b < Demography.AGE_BANDS.size(); b++) {
                        for (int g = 0; g < 2; g++) {
                            sum += agg.footfall(d, h, a, b, g);
                        }
                    }
                }
                assertEquals(p.people(), sum, "day " + d + " hour " + h);
            }
        }
        int[] residents = new int[city.districtCount()];
        for (int i = 0; i < pop[0].size(); i++) {
            residents[city.areaDistrict(pop[0].home(i))]++;
        }
        long trips = 0;
        for (int d = 0; d < p.days(); d++) {
            for (int k = 0; k < city.districtCount(); k++) {
                for (int a = 0; a < city.areaCount(); a++) {
                    assertTrue(agg.od(d, k, a) <= residents[k]);
                    trips += agg.od(d, k, a);
                }
            }
        }
        assertTrue(trips > p.people(), "people leave home on most days: " + trips);
    }
}
