package org.releaseauditor.core.risk;

import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnCodes;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.util.LongIntHashMap;

/**
 * Groups and agreeing pairs for every subset of up to a few QIs, each counted over the records
 * (a dense counter per code combination, or a hash map for large code spaces), subsets in
 * parallel. For small size limits this needs neither the grouping on all QIs nor its class table,
 * so the QI contribution of single QIs fits in the memory the records already take.
 */
final class DirectCounts {

    /** Largest code space counted with a dense array. */
    private static final long DENSE_LIMIT = 1L << 22;

    private DirectCounts() {
    }

    static long subsets(int m, int maxSize) {
        return SubsetLattice.subsetCount(m, maxSize);
    }

    /**
     * Counts every subset of up to {@code maxSize} columns; the product of the code spans of any
     * such subset must fit in 63 bits (true for 1 and 2 columns).
     */
    static QiContributionLattice.Counts count(List<Column> qis, int maxSize, Workers workers,
            SharedProgress progress) {
        int m = qis.size();
        QiContributionLattice.SubsetIndex index = new QiContributionLattice.SubsetIndex(m, maxSize);
        long[] groups = new long[index.size()];
        long[] pairs = new long[index.size()];
        int rows = qis.get(0).size();
        workers.forEach(index.size(), k -> {
            int mask = index.mask(k);
            long[] r = count(qis, SubsetLattice.indices(mask), rows, progress.monitor());
            groups[k] = r[0];
            pairs[k] = r[1];
            progress.add(1);
        });
        return new QiContributionLattice.Counts(index, groups, pairs);
    }

    /** {groups, agreeing pairs} of the records on the given columns (codes of their own for missing and *). */
    private static long[] count(List<Column> qis, int[] cols, int rows, ProgressMonitor monitor) {
        long space = 1;
        boolean dense = true;
        for (int c : cols) {
            long span = qis.get(c).cardinality() + 2L;
            if (space > DENSE_LIMIT / span) {
                dense = false;
                space = Long.MAX_VALUE;
                break;
            }
            space *= span;
        }
        int block = ProgressMonitor.CHECK_INTERVAL;
        int[] codes = new int[block];
        long[] key = new long[block];
        int[] counts = dense ? new int[(int) space] : new int[1024];
        LongIntHashMap ids = dense ? null : new LongIntHashMap(Math.min(rows, 1 << 20));
        int next = 0;
        for (int from = 0; from < rows; from += block) {
            monitor.checkCancelled();
            int to = Math.min(rows, from + block);
            int len = to - from;
            // the codes' mixed-radix number: exact, and within 63 bits for the few columns counted here
            Arrays.fill(key, 0, len, 0L);
            for (int c : cols) {
                ColumnCodes cc = qis.get(c).compactCodes();
                cc.shifted(from, to, codes, 0);
                long span = qis.get(c).cardinality() + 2L;
                for (int i = 0; i < len; i++) {
                    key[i] = key[i] * span + codes[i];
                }
            }
            if (dense) {
                for (int i = 0; i < len; i++) {
                    counts[(int) key[i]]++;
                }
            } else {
                for (int i = 0; i < len; i++) {
                    int id = ids.getOrPut(key[i], next);
                    if (id == next) {
                        next++;
                        if (next == counts.length) {
                            counts = Arrays.copyOf(counts, counts.length * 2);
                        }
                    }
                    counts[id]++;
                }
            }
        }
        long groups = 0;
        long pairs = 0;
        int n = dense ? counts.length : next;
        for (int i = 0; i < n; i++) {
            long f = counts[i];
            if (f > 0) {
                groups++;
                pairs += f * (f - 1) / 2;
            }
        }
        return new long[] {groups, pairs};
    }
}
