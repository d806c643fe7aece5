package org.releaseauditor.core.summary;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.risk.ScoreSummary;

/**
 * {@link ScoreSummary} of values given with multiplicities (a class's risk, once per record),
 * without expanding them: the same count, mean, type-7 quantiles and histogram as the summary of
 * the expanded array, with the mean's sum added value by value in ascending order as there.
 */
final class WeightedScores {
    private WeightedScores() {
    }

    static ScoreSummary summary(double[] values, long[] counts, double[] upperBounds) {
        int k = values.length;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] v = new double[k];
        long[] c = new long[k];
        long n = 0;
        for (int i = 0; i < k; i++) {
            v[i] = values[order[i]];
            c[i] = counts[order[i]];
            n += c[i];
        }
        long[] binCounts = new long[upperBounds.length];
        long overflow = 0;
        double sum = 0;
        int b = 0;
        for (int i = 0; i < k; i++) {
            for (long r = 0; r < c[i]; r++) {
                sum += v[i];
            }
            while (b < upperBounds.length && v[i] > upperBounds[b]) {
                b++;
            }
            if (b < upperBounds.length) {
                binCounts[b] += c[i];
            } else {
                overflow += c[i];
            }
        }
        List<ScoreSummary.Bin> bins = new ArrayList<>(upperBounds.length + 1);
        for (int i = 0; i < upperBounds.length; i++) {
            bins.add(new ScoreSummary.Bin(upperBounds[i], binCounts[i]));
        }
        if (n == 0) {
            return new ScoreSummary(0, 0, 0, 0, 0, 0, 0, 0, bins);
        }
        double max = lastNonEmpty(v, c);
        if (overflow > 0) {
            bins.add(new ScoreSummary.Bin(max, overflow));
        }
        return new ScoreSummary(n, firstNonEmpty(v, c), sum / n, quantile(v, c, n, 0.5), quantile(v, c, n, 0.9),
                quantile(v, c, n, 0.95), quantile(v, c, n, 0.99), max, bins);
    }

    private static double firstNonEmpty(double[] v, long[] c) {
        for (int i = 0; i < v.length; i++) {
            if (c[i] > 0) {
                return v[i];
            }
        }
        throw new IllegalStateException("no values");
    }

    private static double lastNonEmpty(double[] v, long[] c) {
        for (int i = v.length - 1; i >= 0; i--) {
            if (c[i] > 0) {
                return v[i];
            }
        }
        throw new IllegalStateException("no values");
    }

    /** The value at 0-based position {@code pos} of the expanded ascending array. */
    private static double at(double[] v, long[] c, long pos) {
        long seen = 0;
        for (int i = 0; i < v.length; i++) {
            seen += c[i];
            if (pos < seen) {
                return v[i];
            }
        }
        throw new IllegalArgumentException("position out of range");
    }

    /** Type-7 quantile, as {@code ScoreSummary}: x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋), h = (n−1)·q. */
    private static double quantile(double[] v, long[] c, long n, double q) {
        double h = (n - 1) * q;
        long lo = (long) Math.floor(h);
        long hi = Math.min(lo + 1, n - 1);
        double xlo = at(v, c, lo);
        double xhi = at(v, c, hi);
        return xlo + (h - lo) * (xhi - xlo);
    }
}
