package org.releaseauditor.core.risk;

import java.util.Arrays;

/**
 * Equivalence-class histogram: ascending class sizes, each with its number of classes.
 * n = Σ size·count; J = Σ count.
 *
 * @param classSizes  ascending distinct class sizes
 * @param classCounts number of classes of each size
 */
public record ClassSizeHistogram(long[] classSizes, long[] classCounts) {

    public ClassSizeHistogram {
        classSizes = classSizes.clone();
        classCounts = classCounts.clone();
        if (classSizes.length != classCounts.length) {
            throw new IllegalArgumentException("lengths differ");
        }
    }

    /** Builds the histogram of the given class sizes (primitive sort, no boxing). */
    public static ClassSizeHistogram of(int[] sizes) {
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        long[] cs = new long[distinct];
        long[] cc = new long[distinct];
        int d = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                cs[++d] = sorted[i];
            }
            cc[d]++;
        }
        return new ClassSizeHistogram(cs, cc);
    }

    /** Builds a histogram from an explicit list of class sizes (tests, golden values). */
    public static ClassSizeHistogram ofSizes(int... sizes) {
        return of(sizes);
    }

    /** n = Σ size·count. */
    public long records() {
        long n = 0;
        for (int i = 0; i < classSizes.length; i++) {
            n += classSizes[i] * classCounts[i];
        }
        return n;
    }

    /** J = Σ count. */
    public long classes() {
        long j = 0;
        for (long c : classCounts) {
            j += c;
        }
        return j;
    }

    /** Number of classes of size exactly {@code size}. */
    public long countOfSize(long size) {
        int i = Arrays.binarySearch(classSizes, size);
        return i >= 0 ? classCounts[i] : 0;
    }

    @Override
    public long[] classSizes() {
        return classSizes.clone();
    }

    @Override
    public long[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassSizeHistogram h
                && Arrays.equals(classSizes, h.classSizes) && Arrays.equals(classCounts, h.classCounts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classSizes) + Arrays.hashCode(classCounts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ClassSizeHistogram[");
        for (int i = 0; i < classSizes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(classSizes[i]).append('x').append(classCounts[i]);
        }
        return sb.append(']').toString();
    }
}
