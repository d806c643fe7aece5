package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Summary of one per-record (or per-household) score: count, mean, quantiles and a histogram.
 * Quantiles interpolate linearly between order statistics (R's default, "type 7"): for a share q
 * of n sorted values x_0..x_{n−1}, h = (n−1)·q and the quantile is
 * x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋). With no values every field is 0 and the bins are empty.
 *
 * @param count     number of values summarised
 * @param min       smallest value
 * @param mean      arithmetic mean
 * @param median    50 % quantile
 * @param p90       90 % quantile
 * @param p95       95 % quantile
 * @param p99       99 % quantile
 * @param max       largest value
 * @param histogram bins in ascending order; bin i holds the values v with
 *                  {@code bins[i-1].upperBound < v <= bins[i].upperBound} (the first bin: every
 *                  v ≤ its bound)
 */
public record ScoreSummary(long count, double min, double mean, double median, double p90, double p95,
        double p99, double max, List<Bin> histogram) {

    /**
     * One histogram bin.
     *
     * @param upperBound inclusive upper bound of the bin
     * @param count      number of values in the bin
     */
    public record Bin(double upperBound, long count) {
    }

    public ScoreSummary {
        histogram = List.copyOf(histogram);
    }

    /**
     * Summarises {@code values} (not modified) with bins at the given ascending upper bounds. When
     * the largest value exceeds the last bound, a final bin up to the largest value is added.
     */
    static ScoreSummary of(double[] values, double[] upperBounds) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long[] counts = new long[upperBounds.length];
        long overflow = 0;
        double sum = 0;
        int b = 0;
        for (double v : sorted) {
            sum += v;
            while (b < upperBounds.length && v > upperBounds[b]) {
                b++;
            }
            if (b < upperBounds.length) {
                counts[b]++;
            } else {
                overflow++;
            }
        }
        List<Bin> bins = new ArrayList<>(upperBounds.length + 1);
        for (int i = 0; i < upperBounds.length; i++) {
            bins.add(new Bin(upperBounds[i], counts[i]));
        }
        if (overflow > 0) {
            bins.add(new Bin(sorted[n - 1], overflow));
        }
        if (n == 0) {
            return new ScoreSummary(0, 0, 0, 0, 0, 0, 0, 0, bins);
        }
        return new ScoreSummary(n, sorted[0], sum / n, quantile(sorted, 0.5), quantile(sorted, 0.9),
                quantile(sorted, 0.95), quantile(sorted, 0.99), sorted[n - 1], bins);
    }

    /** Type-7 quantile of an ascending, non-empty array. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
