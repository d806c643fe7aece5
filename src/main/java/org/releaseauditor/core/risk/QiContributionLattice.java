package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;

/**
 * For every subset S of the columns up to a size limit: the number of groups J_S and the number of
 * record pairs that agree on S, Σ C(f,2), computed from the {@link ClassTable} (rolled up from the
 * classes of all columns; no pass over the records).
 *
 * <p>The subsets form a prefix tree in a fixed column order (most distinct values first): a node
 * holds the class rows that agree on the node's columns, and its children split it by one later
 * column. A child bucket with a single class row stays a single group in every extension of its
 * subset, so it is not split further: it is remembered as a "leaf" of its subset, and added to
 * every extension at the end. Nodes are materialised as compact sub-tables (a counting sort by the
 * splitting column), so every pass reads memory sequentially. Large buckets are processed in
 * parallel; per-thread sums of longs are added at the end, so the result does not depend on the
 * number of threads.
 */
final class QiContributionLattice {

    /** Buckets with at least this many rows are forked as tasks of their own. */
    static final int FORK_MIN = 2048;
    /** Nodes with at least this many rows are split with a parallel counting sort. */
    static final int PARALLEL_SCATTER_MIN = 1 << 17;
    /** Buckets with at least this many rows in all are copied into a compact table of their own. */
    private static final int MATERIALIZE_MIN = 4096;

    private final int forkMin;
    private final int scatterMin;

    private final ClassTable table;
    private final int m;
    /** position → column index of the table. */
    private final int[] columnAt;
    private final int maxSize;
    private final Workers workers;
    private final SharedProgress progress;
    private final SubsetIndex index;
    private final int maxSpan;
    private final List<Acc> accs = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Acc> acc;

    /** Per-thread sums and scratch arrays. */
    private final class Acc {
        final long[] groups = new long[index.size()];
        final long[] pairs = new long[index.size()];
        final long[] leafGroups = new long[index.size()];
        final long[] leafPairs = new long[index.size()];
        final int[] stamp = new int[maxSpan];
        final int[] rowsOf = new int[maxSpan];
        final long[] weightOf = new long[maxSpan];
        final int[] startOf = new int[maxSpan];
        int[] codeList = new int[64];
        int clock;

        int[] codeList(int n) {
            if (codeList.length < n) {
                codeList = new int[Math.max(n, codeList.length * 2)];
            }
            return codeList;
        }
    }

    /** The counts per subset; masks use the table's column indices. */
    record Counts(SubsetIndex index, long[] groups, long[] pairs) {
    }

    private QiContributionLattice(ClassTable table, int maxSize, Workers workers, SharedProgress progress,
            int forkMin, int scatterMin) {
        this.forkMin = forkMin;
        this.scatterMin = scatterMin;
        this.table = table;
        this.m = table.cols.length;
        this.maxSize = Math.min(maxSize, m);
        this.workers = workers;
        this.progress = progress;
        // most distinct values first: buckets become single rows early
        Integer[] order = new Integer[m];
        for (int c = 0; c < m; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(table.spans[y], table.spans[x]));
        this.columnAt = new int[m];
        int ms = 2;
        for (int p = 0; p < m; p++) {
            columnAt[p] = order[p];
            ms = Math.max(ms, table.spans[order[p]]);
        }
        this.maxSpan = ms;
        this.index = new SubsetIndex(m, this.maxSize);
        this.acc = ThreadLocal.withInitial(() -> {
            Acc a = new Acc();
            accs.add(a);
            return a;
        });
    }

    /**
     * Counts groups and agreeing pairs for every non-empty subset of up to {@code maxSize} columns.
     * Progress: one unit per class row of the table for each root column.
     */
    static Counts count(ClassTable table, int maxSize, Workers workers, SharedProgress progress) {
        return count(table, maxSize, workers, progress, FORK_MIN, PARALLEL_SCATTER_MIN);
    }

    /** As above, with the fork and parallel-split thresholds (tests force the parallel paths). */
    static Counts count(ClassTable table, int maxSize, Workers workers, SharedProgress progress, int forkMin,
            int scatterMin) {
        return new QiContributionLattice(table, maxSize, workers, progress, forkMin, scatterMin).run();
    }

    private Counts run() {
        int rows = table.rows;
        // the root node: all class rows, columns by position
        ClassTable.Codes[] cols = new ClassTable.Codes[m];
        for (int p = 0; p < m; p++) {
            cols[p] = table.cols[columnAt[p]];
        }
        Sub root = new Sub(cols, table.weights);
        if (rows > 0) {
            node(acc.get(), root, null, 0, rows, 0, 0, 0, 0, true);
        }
        // sum the threads' counts (exact: longs)
        long[] groups = new long[index.size()];
        long[] pairs = new long[index.size()];
        long[] leafGroups = new long[index.size()];
        long[] leafPairs = new long[index.size()];
        for (Acc a : accs) {
            for (int k = 0; k < groups.length; k++) {
                groups[k] += a.groups[k];
                pairs[k] += a.pairs[k];
                leafGroups[k] += a.leafGroups[k];
                leafPairs[k] += a.leafPairs[k];
            }
        }
        // a single-row bucket of subset P is one group in every extension of P by later columns
        long[] outGroups = new long[index.size()];
        long[] outPairs = new long[index.size()];
        int[] pos = new int[m];
        for (int k = 0; k < index.size(); k++) {
            int mask = index.mask(k);
            long g = groups[k];
            long pr = pairs[k];
            int size = 0;
            for (int b = mask; b != 0; b &= b - 1) {
                pos[size++] = Integer.numberOfTrailingZeros(b);
            }
            int prefix = 0;
            for (int t = 0; t < size - 1; t++) {
                prefix |= 1 << pos[t];
                int pk = index.indexOf(prefix);
                g += leafGroups[pk];
                pr += leafPairs[pk];
            }
            int original = 0;
            for (int b = mask; b != 0; b &= b - 1) {
                original |= 1 << columnAt[Integer.numberOfTrailingZeros(b)];
            }
            int ok = index.indexOf(original);
            outGroups[ok] = g;
            outPairs[ok] = pr;
        }
        return new Counts(index, outGroups, outPairs);
    }

    /** A materialised node table: codes by position (null below the node's first position) and weights. */
    private record Sub(ClassTable.Codes[] cols, int[] weights) {
    }

    /**
     * Splits the node's rows by every position ≥ {@code first} and recurses into buckets of two or
     * more rows. The rows are {@code ix[from..to)} of {@code t} ({@code ix} null: rows from..to).
     *
     * @param rank colex rank of the node's mask among masks of its size
     */
    private void node(Acc ac, Sub t, int[] ix, int from, int to, int first, int mask, int size, long rank,
            boolean root) {
        int n = to - from;
        int[] w = t.weights();
        if (n == 2) {
            pair(ac, t, ix == null ? from : ix[from], ix == null ? from + 1 : ix[from + 1], first, size, rank);
            return;
        }
        int[] stamp = ac.stamp;
        int[] rowsOf = ac.rowsOf;
        long[] weightOf = ac.weightOf;
        for (int a = first; a < m; a++) {
            long childRank = rank + index.binom(a, size + 1);
            int k = index.offset(size + 1) + (int) childRank;
            boolean extend = size + 1 < maxSize && a + 1 < m;
            ClassTable.Codes codes = t.cols()[a];
            // count rows and weights per code (stamped scratch: no clearing per node)
            int clock = ++ac.clock;
            if (clock == Integer.MAX_VALUE) {
                java.util.Arrays.fill(stamp, 0);
                ac.clock = clock = 1;
            }
            int[] codeList = ac.codeList(Math.min(n, maxSpan));
            int distinct;
            if (ix == null && codes.b != null && n >= 64) {
                distinct = countBytes(codes.b, w, from, to, rowsOf, weightOf, stamp, clock, codeList);
            } else {
                distinct = 0;
                for (int i = from; i < to; i++) {
                    int r = ix == null ? i : ix[i];
                    int c = codes.get(r);
                    if (stamp[c] != clock) {
                        stamp[c] = clock;
                        rowsOf[c] = 0;
                        weightOf[c] = 0;
                        codeList[distinct++] = c;
                    }
                    rowsOf[c]++;
                    weightOf[c] += w[r];
                }
            }
            long pairs = 0;
            long leafGroups = 0;
            long leafPairs = 0;
            int multiRows = 0;
            for (int d = 0; d < distinct; d++) {
                int c = codeList[d];
                long f = weightOf[c];
                long fp = f * (f - 1) / 2;
                pairs += fp;
                if (rowsOf[c] == 1) {
                    leafGroups++;
                    leafPairs += fp;
                } else {
                    multiRows += rowsOf[c];
                }
            }
            ac.groups[k] += distinct;
            ac.pairs[k] += pairs;
            if (extend) {
                ac.leafGroups[k] += leafGroups;
                ac.leafPairs[k] += leafPairs;
                if (multiRows > 0) {
                    split(ac, t, ix, from, to, a, mask | (1 << a), size + 1, childRank, codeList, distinct,
                            multiRows);
                }
            }
            if (root) {
                progress.add(n);
            }
        }
        if (n >= forkMin) {
            progress.monitor().checkCancelled();
        }
    }

    /**
     * Counts rows and weights per code of a one-byte column over a contiguous range (no stamps
     * per row: the 256 counters are cleared first); the distinct codes go to {@code codeList} in
     * code order and are stamped with {@code clock}. Returns how many there are.
     */
    static int countBytes(byte[] b, int[] w, int from, int to, int[] rowsOf, long[] weightOf, int[] stamp, int clock,
            int[] codeList) {
        int span = Math.min(256, rowsOf.length);
        java.util.Arrays.fill(rowsOf, 0, span, 0);
        java.util.Arrays.fill(weightOf, 0, span, 0L);
        for (int r = from; r < to; r++) {
            int c = b[r] & 0xFF;
            rowsOf[c]++;
            weightOf[c] += w[r];
        }
        int distinct = 0;
        for (int c = 0; c < span; c++) {
            if (rowsOf[c] != 0) {
                stamp[c] = clock;
                codeList[distinct++] = c;
            }
        }
        return distinct;
    }

    /** A node of exactly two rows: per later position they either agree (one group, recurse) or not (two leaves). */
    private void pair(Acc ac, Sub t, int r1, int r2, int first, int size, long rank) {
        long w1 = t.weights()[r1];
        long w2 = t.weights()[r2];
        long together = (w1 + w2) * (w1 + w2 - 1) / 2;
        long apart = w1 * (w1 - 1) / 2 + w2 * (w2 - 1) / 2;
        for (int a = first; a < m; a++) {
            long childRank = rank + index.binom(a, size + 1);
            int k = index.offset(size + 1) + (int) childRank;
            boolean extend = size + 1 < maxSize && a + 1 < m;
            ClassTable.Codes codes = t.cols()[a];
            if (codes.get(r1) == codes.get(r2)) {
                ac.groups[k] += 1;
                ac.pairs[k] += together;
                if (extend) {
                    pair(ac, t, r1, r2, a + 1, size + 1, childRank);
                }
            } else {
                ac.groups[k] += 2;
                ac.pairs[k] += apart;
                if (extend) {
                    ac.leafGroups[k] += 2;
                    ac.leafPairs[k] += apart;
                }
            }
        }
    }

    /**
     * Recurses into the buckets with two or more rows: large ones as a new compact table (rows
     * copied, grouped by bucket, positions after {@code a} only), small ones as lists of row
     * numbers into the same table.
     */
    private void split(Acc ac, Sub t, int[] ix, int from, int to, int a, int child, int size, long childRank,
            int[] codeList, int distinct, int multiRows) {
        int[] rowsOf = ac.rowsOf;
        int[] startOf = ac.startOf;
        int[] bucketStart = new int[distinct + 1];
        int nb = 0;
        int at = 0;
        for (int d = 0; d < distinct; d++) {
            int c = codeList[d];
            if (rowsOf[c] >= 2) {
                startOf[c] = at;
                bucketStart[nb++] = at;
                at += rowsOf[c];
            } else {
                startOf[c] = -1;
            }
        }
        bucketStart[nb] = at;
        ClassTable.Codes codes = t.cols()[a];
        int n = to - from;
        // target position of every row of the node (-1: not copied)
        int[] target = new int[n];
        for (int i = from; i < to; i++) {
            int c = codes.get(ix == null ? i : ix[i]);
            int s = startOf[c];
            target[i - from] = s;
            if (s >= 0) {
                startOf[c] = s + 1;
            }
        }
        Sub sub;
        int[] childIx;
        if (multiRows >= MATERIALIZE_MIN) {
            ClassTable.Codes[] cols = new ClassTable.Codes[m];
            for (int p = a + 1; p < m; p++) {
                cols[p] = t.cols()[p].like(multiRows);
            }
            int[] weights = new int[multiRows];
            int[] w = t.weights();
            if (n >= scatterMin && !workers.isSequential()) {
                int chunks = workers.tasks(n, 1 << 15);
                workers.forEach(chunks, q -> {
                    int f = from + (int) ((long) n * q / chunks);
                    int e = from + (int) ((long) n * (q + 1) / chunks);
                    copyRows(t, ix, cols, weights, w, target, from, f, e, a);
                });
            } else {
                copyRows(t, ix, cols, weights, w, target, from, from, to, a);
            }
            sub = new Sub(cols, weights);
            childIx = null;
        } else {
            sub = t;
            childIx = new int[multiRows];
            for (int i = from; i < to; i++) {
                int s = target[i - from];
                if (s >= 0) {
                    childIx[s] = ix == null ? i : ix[i];
                }
            }
        }
        // small buckets inline, large ones as parallel tasks
        int forks = 0;
        for (int b = 0; b < nb; b++) {
            int len = bucketStart[b + 1] - bucketStart[b];
            if (len >= forkMin && !workers.isSequential()) {
                forks++;
            } else {
                node(ac, sub, childIx, bucketStart[b], bucketStart[b + 1], a + 1, child, size, childRank, false);
            }
        }
        if (forks > 0) {
            int[] big = new int[forks];
            int f = 0;
            for (int b = 0; b < nb; b++) {
                if (bucketStart[b + 1] - bucketStart[b] >= forkMin) {
                    big[f++] = b;
                }
            }
            Sub s = sub;
            workers.forEach(forks, i -> {
                int b = big[i];
                node(acc.get(), s, childIx, bucketStart[b], bucketStart[b + 1], a + 1, child, size, childRank,
                        false);
            });
        }
    }

    private void copyRows(Sub t, int[] ix, ClassTable.Codes[] cols, int[] weights, int[] w, int[] target, int base,
            int from, int to, int a) {
        for (int i = from; i < to; i++) {
            int s = target[i - base];
            if (s >= 0) {
                weights[s] = w[ix == null ? i : ix[i]];
            }
        }
        ClassTable.Codes.copyKept(t.cols(), cols, a + 1, ix, target, base, from, to);
    }

    /**
     * Dense numbering of the masks with 1..maxSize bits out of m: by size, then colex rank
     * (Σ C(c_i, i) over the sorted members c_1 &lt; c_2 &lt; …).
     */
    static final class SubsetIndex {
        private final long[][] binom;
        private final int[] offset;
        private final int[] masks;
        private final int maxSize;

        SubsetIndex(int m, int maxSize) {
            this.maxSize = maxSize;
            binom = new long[m + 1][maxSize + 2];
            for (int n = 0; n <= m; n++) {
                binom[n][0] = 1;
                for (int k = 1; k <= Math.min(n, maxSize + 1); k++) {
                    binom[n][k] = binom[n - 1][k - 1] + (k <= n - 1 ? binom[n - 1][k] : 0);
                }
            }
            offset = new int[maxSize + 2];
            for (int s = 1; s <= maxSize; s++) {
                offset[s + 1] = offset[s] + (int) binom[m][s];
            }
            masks = new int[offset[maxSize + 1]];
            enumerate(m, maxSize, 0, 0, 0);
        }

        private void enumerate(int m, int maxSize, int from, int mask, int size) {
            for (int c = from; c < m; c++) {
                int next = mask | (1 << c);
                masks[indexOf(next)] = next;
                if (size + 1 < maxSize) {
                    enumerate(m, maxSize, c + 1, next, size + 1);
                }
            }
        }

        int size() {
            return masks.length;
        }

        /** The largest number of members of a mask. */
        int maxSize() {
            return maxSize;
        }

        /** C(n, k). */
        long binom(int n, int k) {
            return binom[n][k];
        }

        /** Index of the first mask of {@code size} members. */
        int offset(int size) {
            return offset[size];
        }

        int mask(int k) {
            return masks[k];
        }

        int indexOf(int mask) {
            int size = Integer.bitCount(mask);
            long rank = 0;
            int i = 1;
            for (int b = mask; b != 0; b &= b - 1) {
                rank += binom[Integer.numberOfTrailingZeros(b)][i++];
            }
            return offset[size] + (int) rank;
        }
    }
}
