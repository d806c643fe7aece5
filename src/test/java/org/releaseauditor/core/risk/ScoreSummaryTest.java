package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Summaries from the distinct values and their counts equal the summaries of the sorted values. */
class ScoreSummaryTest {

    private static final double[] BOUNDS = {0, 1, 2, 6, 24, 120};

    @Test
    void fewDistinctValuesGiveTheSortedSummaryExactly() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            int n = rnd.nextInt(trial < 20 ? 3 : 5000);
            int kinds = 1 + rnd.nextInt(40);
            double[] kindValues = new double[kinds];
            for (int k = 0; k < kinds; k++) {
                // sums of factorials (SUDA), fractions (DIS), values above the last bound
                kindValues[k] = rnd.nextInt(3) == 0 ? rnd.nextInt(200) : rnd.nextDouble() * (k % 2 == 0 ? 1 : 300);
            }
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = rnd.nextInt(4) == 0 ? 0.0 : kindValues[rnd.nextInt(kinds)];
            }
            ScoreSummary few = ScoreSummary.ofFewValues(values, BOUNDS, ScoreSummary.FEW_VALUES);
            assertNotNull(few);
            assertEquals(ScoreSummary.bySorting(values, BOUNDS), few, "trial " + trial);
            assertEquals(few, ScoreSummary.of(values, BOUNDS));
        }
    }

    @Test
    void manyDistinctOrNegativeValuesAreSorted() {
        double[] many = new double[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = (i * 7919) % 1000 / 3.0;
        }
        assertNull(ScoreSummary.ofFewValues(many, BOUNDS, 100));
        assertEquals(ScoreSummary.bySorting(many, BOUNDS), ScoreSummary.of(many, BOUNDS));
        double[] signed = {0.5, -0.0, 0.0, -1, 3};
        assertNull(ScoreSummary.ofFewValues(signed, BOUNDS, 100));
        assertEquals(ScoreSummary.bySorting(signed, BOUNDS), ScoreSummary.of(signed, BOUNDS));
    }

    /** SUDA's summary of the records with a score (the others 0) equals the summary of every record's score. */
    @Test
    void suda2SummaryOfThePositiveScoresEqualsTheSortedSummaryOfAll() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            int n = rnd.nextInt(trial < 10 ? 4 : 3000);
            int zeros = rnd.nextInt(trial % 3 == 0 ? 1 : 5000);
            double[] positive = new double[n];
            for (int i = 0; i < n; i++) {
                positive[i] = rnd.nextBoolean() ? 1 + rnd.nextInt(50) : rnd.nextDouble() + Double.MIN_VALUE;
            }
            double[] all = java.util.Arrays.copyOf(positive, n + zeros);
            assertEquals(ScoreSummary.bySorting(all, BOUNDS), Suda2.summary(positive, zeros, BOUNDS), "trial " + trial);
        }
    }
}
