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
        ScoreSummary few = ofFewValues(values, upperBounds, FEW_VALUES);
        return few != null ? few : bySorting(values, upperBounds);
    }

    /** Scores with at most this many distinct values are summarised from their counts, without a sort. */
    static final int FEW_VALUES = 1 << 16;

    /**
     * {@link #of} from the distinct values and their counts (SUDA and DIS scores take a few hundred
     * values over millions of records), or null when there are more than {@code limit} of them or
     * a value is negative, −0.0 or NaN (then sorting decides their order).
     */
    static ScoreSummary ofFewValues(double[] values, double[] upperBounds, int limit) {
        Grouping.Table ids = new Grouping.Table(64);
        double[] distinct = new double[64];
        long[] counts = new long[64];
        int d = 0;
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            if (bits < 0 || v != v) {
                return null;
            }
            int id = ids.getOrPut(bits, d);
            if (id == d) {
                if (d == limit) {
                    return null;
                }
                if (d == distinct.length) {
                    distinct = Arrays.copyOf(distinct, 2 * d);
                    counts = Arrays.copyOf(counts, 2 * d);
                }
                distinct[d++] = v;
            }
            counts[id]++;
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        double[] byValue = distinct;
        Arrays.sort(order, (x, y) -> Double.compare(byValue[x], byValue[y]));
        double[] sorted = new double[d];
        long[] sortedCounts = new long[d];
        for (int i = 0; i < d; i++) {
            sorted[i] = distinct[order[i]];
            sortedCounts[i] = counts[order[i]];
        }
        return ofSorted(sorted, sortedCounts, upperBounds);
    }

    /** {@link #of} by sorting a copy of the values. */
    static ScoreSummary bySorting(double[] values, double[] upperBounds) {
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

    /**
     * The summary of values given with multiplicities, without expanding them (a class's risk once
     * per record): exactly {@link #of} of the expanded array, the mean's sum included (added value
     * by value in ascending order, as there).
     *
     * @param sorted values in ascending order ({@link Double#compare}); equal values may repeat
     * @param counts how often each value occurs (≥ 0)
     */
    static ScoreSummary ofSorted(double[] sorted, long[] counts, double[] upperBounds) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        long[] binCounts = new long[upperBounds.length];
        long overflow = 0;
        double sum = 0;
        int b = 0;
        double min = 0;
        double max = 0;
        boolean any = false;
        for (int i = 0; i < sorted.length; i++) {
            long c = counts[i];
            if (c == 0) {
                continue;
            }
            double v = sorted[i];
            if (!any) {
                min = v;
                any = true;
            }
            max = v;
            for (long r = 0; r < c; r++) {
                sum += v;
            }
            while (b < upperBounds.length && v > upperBounds[b]) {
                b++;
            }
            if (b < upperBounds.length) {
                binCounts[b] += c;
            } else {
                overflow += c;
            }
        }
        List<Bin> bins = new ArrayList<>(upperBounds.length + 1);
        for (int i = 0; i < upperBounds.length; i++) {
            bins.add(new Bin(upperBounds[i], binCounts[i]));
        }
        if (overflow > 0) {
            bins.add(new Bin(max, overflow));
        }
        if (n == 0) {
            return new ScoreSummary(0, 0, 0, 0, 0, 0, 0, 0, bins);
        }
        return new ScoreSummary(n, min, sum / n, quantile(sorted, counts, n, 0.5), quantile(sorted, counts, n, 0.9),
                quantile(sorted, counts, n, 0.95), quantile(sorted, counts, n, 0.99), max, bins);
    }

    /** Type-7 quantile of the expanded ascending array of {@code sorted} × {@code counts}. */
    private static double quantile(double[] sorted, long[] counts, long n, double q) {
        double h = (n - 1) * q;
        long lo = (long) Math.floor(h);
        long hi = Math.min(lo + 1, n - 1);
        double xlo = at(sorted, counts, lo);
        double xhi = at(sorted, counts, hi);
        return xlo + (h - lo) * (xhi - xlo);
    }

    private static double at(double[] sorted, long[] counts, long pos) {
        long seen = 0;
        for (int i = 0; i < sorted.length; i++) {
            seen += counts[i];
            if (pos < seen) {
                return sorted[i];
            }
        }
        throw new IllegalArgumentException("position out of range");
    }

    /** Type-7 quantile of an ascending, non-empty array. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
