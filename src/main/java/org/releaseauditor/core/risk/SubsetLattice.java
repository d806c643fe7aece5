package org.releaseauditor.core.risk;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;

/**
 * Limits and helpers for analyses over the subsets of a list of columns (QI contribution, SUDA2):
 * subsets are bit masks (bit i = column i), counted, checked against the limits and ordered for
 * output. The analyses themselves roll their subsets up from the classes of all columns
 * ({@link QiContributionLattice}, {@link Suda2Search}).
 */
final class SubsetLattice {

    /** Largest number of columns (masks are {@code int}). */
    static final int MAX_COLUMNS = 30;
    /** Largest number of subsets one analysis may visit (keeps run time bounded). */
    static final long MAX_SUBSETS = 1L << 20;

    private SubsetLattice() {
    }

    /** Σ_{s=1..maxSize} C(m, s), saturating at {@link Long#MAX_VALUE}. */
    static long subsetCount(int m, int maxSize) {
        long sum = 0;
        long c = 1; // C(m, 0)
        for (int s = 1; s <= Math.min(m, maxSize); s++) {
            c = c * (m - s + 1) / s; // exact: C(m,s) = C(m,s-1)·(m-s+1)/s, small m
            sum += c;
        }
        return sum;
    }

    /**
     * Checks the size of a subset analysis and throws a user-facing error when it is too large;
     * columns of different lengths are a programming error.
     *
     * @param what message argument naming the analysis
     */
    static void checkSize(String what, List<Column> columns, int maxSize) throws ConfigurationException {
        int columnCount = columns.size();
        if (columnCount > MAX_COLUMNS) {
            throw new ConfigurationException("risk.error.tooManyColumns", what, columnCount, MAX_COLUMNS);
        }
        for (Column c : columns) {
            if (c.size() != columns.get(0).size()) {
                throw new IllegalArgumentException("columns differ in length");
            }
        }
        long subsets = subsetCount(columnCount, maxSize);
        if (subsets > MAX_SUBSETS) {
            throw new ConfigurationException("risk.error.tooManySubsets", what, subsets, MAX_SUBSETS);
        }
    }

    /** The column indices of a mask, ascending. */
    static int[] indices(int mask) {
        int[] idx = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int m = mask; m != 0; m &= m - 1) {
            idx[k++] = Integer.numberOfTrailingZeros(m);
        }
        return idx;
    }

    /** Orders masks by size, then lexicographically by their ascending column indices. */
    static int compareBySizeThenIndices(int a, int b) {
        int c = Integer.compare(Integer.bitCount(a), Integer.bitCount(b));
        if (c != 0) {
            return c;
        }
        int x = a;
        int y = b;
        while (x != 0 && y != 0) {
            int i = Integer.numberOfTrailingZeros(x);
            int j = Integer.numberOfTrailingZeros(y);
            if (i != j) {
                return Integer.compare(i, j);
            }
            x &= x - 1;
            y &= y - 1;
        }
        return 0;
    }
}
