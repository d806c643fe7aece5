package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Pitman's (θ, α) are fitted to the sample's histogram alone; N enters only the final number of
 * population uniques. The search is therefore remembered per histogram and reused across the
 * population curve's sampling fractions. Each estimate must be exactly what a fresh search gives,
 * whatever was estimated before: here every fraction is estimated once with nothing remembered
 * and once after the others, on histograms whose fits take the closed form and the exact sums.
 */
class PitmanSearchReuseTest {

    private static final double[] FRACTIONS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.9};

    @Test
    void aRememberedSearchGivesTheFreshEstimateAtEverySamplingFraction() {
        for (ClassSizeHistogram h : histograms()) {
            List<MicrodataResult.PopulationUniqueness> fresh = new ArrayList<>();
            for (double f : FRACTIONS) {
                PopulationUniquenessEstimator.forgetPitmanSearches();
                fresh.add(PopulationModels.estimate(h, Math.round(h.records() / f), ProgressMonitor.none()));
            }
            PopulationUniquenessEstimator.forgetPitmanSearches();
            for (int i = FRACTIONS.length - 1; i >= 0; i--) {
                MicrodataResult.PopulationUniqueness again = PopulationModels.estimate(h,
                        Math.round(h.records() / FRACTIONS[i]), ProgressMonitor.none());
                assertEquals(fresh.get(i), again, h + " at " + FRACTIONS[i]);
            }
            assertNotNull(fresh.get(0).pitmanFit(), h.toString());
        }
    }

    /** Skewed random histograms (many uniques, a long tail) and one from the ARX examples' shape. */
    private static List<ClassSizeHistogram> histograms() {
        List<ClassSizeHistogram> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < 6; t++) {
            int classes = 200 + rnd.nextInt(5000);
            int[] sizes = new int[classes];
            for (int c = 0; c < classes; c++) {
                double u = rnd.nextDouble();
                sizes[c] = 1 + (int) (u * u * u * (5 + t * 20));
            }
            out.add(ClassSizeHistogram.of(sizes));
        }
        out.add(ClassSizeHistogram.ofSizes(1, 1, 1, 1, 2, 2, 3, 5, 8, 13));
        return out;
    }
}
