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

    /**
     * Builds the histogram of the given class sizes: one pass counting each distinct size (there
     * are few), then the distinct sizes sorted. No copy of the sizes is made, so tens of millions
     * of classes need no extra memory.
     */
    public static ClassSizeHistogram of(int[] sizes) {
        long[][] t = tally(sizes);
        return new ClassSizeHistogram(t[0], t[1]);
    }

    /** {distinct sizes ascending, classes per size} of int sizes. */
    private static long[][] tally(int[] sizes) {
        Tally tally = new Tally();
        for (int s : sizes) {
            tally.add(s, 0);
        }
        long[][] t = tally.sorted();
        return new long[][] {t[0], t[1]};
    }

    /**
     * {distinct values ascending, count of each, sum of {@code weights} of each}: the effective
     * class sizes of the risk summary with the records they hold.
     */
    static long[][] tally(long[] values, int[] weights) {
        Tally tally = new Tally();
        for (int j = 0; j < values.length; j++) {
            tally.add(values[j], weights[j]);
        }
        return tally.sorted();
    }

    /** As {@link #tally(long[], int[])} for int values (the class sizes themselves). */
    static long[][] tally(int[] values, int[] weights) {
        Tally tally = new Tally();
        for (int j = 0; j < values.length; j++) {
            tally.add(values[j], weights[j]);
        }
        return tally.sorted();
    }

    /** Counts per distinct long value: a direct table for small values, a hash map beyond. */
    private static final class Tally {
        private static final int DIRECT = 4096;
        private final long[] directCount = new long[DIRECT];
        private final long[] directSum = new long[DIRECT];
        private final java.util.HashMap<Long, long[]> large = new java.util.HashMap<>();

        void add(long value, long weight) {
            if (value >= 0 && value < DIRECT) {
                directCount[(int) value]++;
                directSum[(int) value] += weight;
            } else {
                long[] c = large.computeIfAbsent(value, k -> new long[2]);
                c[0]++;
                c[1] += weight;
            }
        }

        long[][] sorted() {
            int distinct = large.size();
            for (long c : directCount) {
                if (c > 0) {
                    distinct++;
                }
            }
            long[] values = new long[distinct];
            int d = 0;
            for (int v = 0; v < DIRECT; v++) {
                if (directCount[v] > 0) {
                    values[d++] = v;
                }
            }
            for (long v : large.keySet()) {
                values[d++] = v;
            }
            Arrays.sort(values);
            long[] counts = new long[distinct];
            long[] sums = new long[distinct];
            for (int i = 0; i < distinct; i++) {
                long v = values[i];
                if (v >= 0 && v < DIRECT) {
                    counts[i] = directCount[(int) v];
                    sums[i] = directSum[(int) v];
                } else {
                    long[] c = large.get(v);
                    counts[i] = c[0];
                    sums[i] = c[1];
                }
            }
            return new long[][] {values, counts, sums};
        }
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
