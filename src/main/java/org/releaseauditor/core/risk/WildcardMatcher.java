package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.util.LongIntHashMap;

/**
 * Wildcard matching (sdcMicro {@code alpha}; ARX {@code RiskModelSampleWildcard}): MISSING and
 * SUPPRESSED match any value, so the "class size" of a record is the number of records whose QI
 * values are compatible with its own. Compatibility is not transitive, so these sizes do not form
 * a partition.
 *
 * <p>Classes are grouped by their wildcard mask (the QIs on which they hold a wildcard). Two
 * classes with masks M1 and M2 are compatible iff they agree on every QI outside M1 ∪ M2, so for
 * each pair of masks one hash pass over the classes of both groups suffices:
 * O(masks² · classes · QIs) instead of O(classes²).
 */
final class WildcardMatcher {

    private WildcardMatcher() {
    }

    /**
     * @param qis       quasi-identifier columns
     * @param sizes     exact class sizes f_j
     * @param firstRow  a row of each class
     * @return for each class, the number of records compatible with it (≥ f_j)
     */
    static long[] compatibleSizes(List<Column> qis, int[] sizes, int[] firstRow, ProgressMonitor monitor) {
        double[] values = new double[sizes.length];
        for (int j = 0; j < sizes.length; j++) {
            values[j] = sizes[j];
        }
        double[] sums = compatibleSums(qis, values, firstRow, monitor);
        long[] result = new long[sums.length];
        for (int j = 0; j < sums.length; j++) {
            result[j] = Math.round(sums[j]);
        }
        return result;
    }

    /**
     * For each class, the sum of {@code values} over the classes compatible with it (itself
     * included): with the class sizes this is the wildcard-aware sample frequency f_k, with the
     * per-class sums of sampling weights the population estimate F_k (sdcMicro {@code freqCalc}
     * with {@code alpha = 1}).
     *
     * @param qis      quasi-identifier columns
     * @param values   one value per class
     * @param firstRow a row of each class
     */
    static double[] compatibleSums(List<Column> qis, double[] values, int[] firstRow, ProgressMonitor monitor) {
        int classes = values.length;
        int q = qis.size();
        int[][] codes = new int[q][];
        for (int p = 0; p < q; p++) {
            codes[p] = qis.get(p).codes();
        }
        // wildcard mask of each class (QIs are at most 63 for a long mask)
        long[] mask = new long[classes];
        for (int j = 0; j < classes; j++) {
            long m = 0;
            int row = firstRow[j];
            for (int p = 0; p < q; p++) {
                if (codes[p][row] < 0) {
                    m |= 1L << p;
                }
            }
            mask[j] = m;
        }
        // counting sort of classes by mask, without boxing per class
        LongIntHashMap maskIds = new LongIntHashMap(16);
        List<Long> masks = new ArrayList<>();
        int[] maskOf = new int[classes];
        int[] perMask = new int[16];
        for (int j = 0; j < classes; j++) {
            int id = maskIds.getOrPut(mask[j], masks.size());
            if (id == masks.size()) {
                masks.add(mask[j]);
                if (id == perMask.length) {
                    perMask = java.util.Arrays.copyOf(perMask, id * 2);
                }
            }
            maskOf[j] = id;
            perMask[id]++;
        }
        int m = masks.size();
        int[][] members = new int[m][];
        for (int i = 0; i < m; i++) {
            members[i] = new int[perMask[i]];
        }
        int[] fill = new int[m];
        for (int j = 0; j < classes; j++) {
            members[maskOf[j]][fill[maskOf[j]]++] = j;
        }

        double[] result = new double[classes];
        long done = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                monitor.checkCancelled();
                monitor.update("progress.risk.wildcards", done++, (long) m * m);
                long union = masks.get(a) | masks.get(b);
                addCompatible(codes, q, union, members[a], members[b], values, firstRow, result, monitor);
            }
        }
        return result;
    }

    /** For every class in {@code targets}, adds the sizes of the compatible classes in {@code sources}. */
    private static void addCompatible(int[][] codes, int q, long union, int[] targets, int[] sources,
                                      double[] values, int[] firstRow, double[] result, ProgressMonitor monitor) {
        int[] targetIds = new int[targets.length];
        int[] sourceIds = new int[sources.length];
        int next = 1;
        for (int p = 0; p < q; p++) {
            if ((union & (1L << p)) != 0) {
                continue;
            }
            int[] col = codes[p];
            LongIntHashMap ids = new LongIntHashMap(sources.length + targets.length);
            long span = Integer.MAX_VALUE + 3L;
            int fresh = 0;
            for (int i = 0; i < sources.length; i++) {
                long key = sourceIds[i] * span + (col[firstRow[sources[i]]] + 2);
                int id = ids.getOrPut(key, fresh);
                if (id == fresh) {
                    fresh++;
                }
                sourceIds[i] = id;
            }
            for (int i = 0; i < targets.length; i++) {
                if ((i & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                    monitor.checkCancelled();
                }
                long key = targetIds[i] < 0 ? -1 : targetIds[i] * span + (col[firstRow[targets[i]]] + 2);
                targetIds[i] = key < 0 ? -1 : ids.get(key);
            }
            next = fresh;
        }
        double[] sum = new double[Math.max(1, next)];
        for (int i = 0; i < sources.length; i++) {
            sum[sourceIds[i]] += values[sources[i]];
        }
        for (int i = 0; i < targets.length; i++) {
            if (targetIds[i] >= 0) {
                result[targets[i]] += sum[targetIds[i]];
            }
        }
    }
}
