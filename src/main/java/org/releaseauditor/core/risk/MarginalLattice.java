package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.parallel.MemoryBudget;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The counts of {@link QiContributionLattice} (groups J_S and agreeing pairs Σ C(f,2) for every
 * subset S up to a size limit) from dense count tables, for tables whose subsets have few value
 * combinations (the usual case: a handful of QIs with tens of values each).
 *
 * <p>Codes are first renumbered per column to the codes that occur (0 .. d−1), so a subset S has
 * a key space of Π d cells. A subset whose key space is small (at most {@code denseCells}) gets a
 * dense table of counts; it is rolled up from the dense table of a subset with one more column
 * (summing over the dropped column: a sequential pass over the finer table, no pass over the
 * class rows), or, when it has no such parent, counted over the class rows. Subsets with a large
 * key space are counted over the class rows only. Counting over the class rows is cache-friendly:
 * the rows are first distributed into buckets by the high bits of their key (a counting sort),
 * and each bucket's low bits are counted in a small table that stays in the cache.
 *
 * <p>Counts are exact integers, so the result is the same as the prefix tree's, whatever the
 * number of threads; independent subsets (each with the subsets rolled up from it) run in
 * parallel. {@link #count} returns null when the method does not suit the table (too many
 * counting passes over the rows, key spaces beyond 2^36, or too little memory); the caller then
 * uses the prefix tree.
 */
final class MarginalLattice {

    /** Largest dense count table, in cells (4 bytes a cell). */
    static final long DENSE_CELLS = 1L << 24;
    /** Low key bits counted per bucket (a table of 2^16 ints stays in the cache). */
    static final int BUCKET_BITS = 16;
    /**
     * At most this many subsets are counted over the class rows; otherwise the prefix tree is
     * faster. (At 40, 10 M generated rows with 1 % missing values per QI needed 41 passes and fell
     * to the prefix tree: 9.9 s for the QI contribution and a searched SUDA2 of 6.7 s, against
     * 3.8 s and 0.13 s on the lattice; each pass costs about 60 ms there.)
     */
    static final int MAX_PASSES = 80;
    /** Largest number of buckets of one counting pass. */
    private static final int MAX_BUCKETS = 1 << 20;
    private static final int BLOCK = ProgressMonitor.CHECK_INTERVAL;

    private final ClassTable table;
    private final int m;
    private final int rows;
    private final int bucketBits;
    /** Per column: shifted code → renumbered code. */
    private final int[][] remap;
    /** Per column: number of codes that occur (at least 1). */
    private final long[] card;
    /** Per column: where its renumbered code sits in a packed row, and its bit mask. */
    private final int[] shift;
    private final long[] bitMask;
    /** All renumbered codes of a row in one int or long (null: the columns are read one by one). */
    private int[] packedInt;
    private long[] packedLong;
    private int packBits;
    private final QiContributionLattice.SubsetIndex index;
    /** Key space per subset (saturating). */
    private final long[] cells;
    /** Per subset: the subsets rolled up from its dense table. */
    private final List<List<Integer>> children = new ArrayList<>();
    /** Per subset: whether it is counted from its parent's table. */
    private final boolean[] derived;
    private final long[] groups;
    private final long[] pairs;
    private final SharedProgress progress;
    /** Receives the tables of SUDA2's subsets (null: SUDA2 does not use the lattice). */
    private final Suda2Marginals msus;

    private MarginalLattice(ClassTable table, int maxSize, int bucketBits, SharedProgress progress,
            Suda2Marginals msus) {
        this.table = table;
        this.m = table.cols.length;
        this.rows = table.rows;
        this.bucketBits = bucketBits;
        this.progress = progress;
        this.index = new QiContributionLattice.SubsetIndex(m, Math.min(maxSize, m));
        this.remap = new int[m][];
        this.card = new long[m];
        this.shift = new int[m];
        this.bitMask = new long[m];
        this.cells = new long[index.size()];
        this.derived = new boolean[index.size()];
        this.groups = new long[index.size()];
        this.pairs = new long[index.size()];
        this.msus = msus;
    }

    /**
     * The counts of every subset of up to {@code maxSize} columns, or null when the prefix tree
     * should count them (see the class comment).
     *
     * @param denseCells largest dense table in cells (tests force small ones)
     * @param bucketBits low key bits per bucket (tests force few)
     * @param msus       receives the dense tables of SUDA2's subsets, or is abandoned when some
     *                   of them has none; null when SUDA2 does not run
     */
    static QiContributionLattice.Counts count(ClassTable table, int maxSize, Workers workers,
            ProgressMonitor monitor, String phase, long denseCells, int bucketBits, Suda2Marginals msus) {
        MarginalLattice l = new MarginalLattice(table, maxSize, bucketBits,
                new SharedProgress(monitor, phase, SubsetLattice.subsetCount(table.cols.length, maxSize)), msus);
        if (l.plan(denseCells, workers)) {
            return l.run(workers);
        }
        if (msus != null) {
            msus.abandon();
        }
        return null;
    }

    /** Renumbers the codes, sizes the key spaces and chooses each dense subset's parent. */
    private boolean plan(long denseCells, Workers workers) {
        workers.forEach(m, c -> {
            int[] span = new int[table.spans[c]];
            ClassTable.Codes codes = table.cols[c];
            int[] buf = new int[BLOCK];
            for (int from = 0; from < rows; from += BLOCK) {
                int to = Math.min(rows, from + BLOCK);
                codes.read(from, to, buf);
                for (int i = 0; i < to - from; i++) {
                    span[buf[i]] = 1;
                }
            }
            int next = 0;
            for (int v = 0; v < span.length; v++) {
                span[v] = span[v] != 0 ? next++ : -1;
            }
            remap[c] = span;
            card[c] = Math.max(1, next);
        });
        int bitsUsed = 0;
        for (int c = 0; c < m; c++) {
            int width = 64 - Long.numberOfLeadingZeros(card[c] - 1);
            shift[c] = bitsUsed;
            bitMask[c] = (1L << width) - 1;
            bitsUsed += width;
        }
        packBits = bitsUsed;
        // a dense table larger than a few times the rows costs more to roll up than the rows
        long dense = Math.min(denseCells, Math.max(1L << 12, 32L * rows));
        long maxCells = 1L << (bucketBits + 20);
        int passes = 0;
        for (int k = 0; k < index.size(); k++) {
            long c = 1;
            for (int b = index.mask(k); b != 0; b &= b - 1) {
                long d = card[Integer.numberOfTrailingZeros(b)];
                c = c > Long.MAX_VALUE / d ? Long.MAX_VALUE : c * d;
            }
            cells[k] = c;
            children.add(new ArrayList<>());
            if (c > maxCells) {
                return false;
            }
        }
        for (int k = 0; k < index.size(); k++) {
            int mask = index.mask(k);
            int parent = -1;
            if (cells[k] <= dense && Integer.bitCount(mask) < index.maxSize()) {
                for (int x = 0; x < m; x++) {
                    if ((mask & (1 << x)) == 0) {
                        int p = index.indexOf(mask | (1 << x));
                        if (cells[p] <= dense && (parent < 0 || cells[p] < cells[parent])) {
                            parent = p;
                        }
                    }
                }
            }
            if (parent >= 0) {
                derived[k] = true;
                children.get(parent).add(k);
            } else {
                passes++;
            }
        }
        if (passes > MAX_PASSES) {
            return false;
        }
        // per thread: the bucketed keys, rows and weights, a dense table and its roll-ups, the bucket counts
        long packed = packBits <= 32 ? 4L * rows : packBits <= 64 ? 8L * rows : 0;
        long perTask = 14L * rows + 16L * dense + 4L * ((1L << bucketBits) + MAX_BUCKETS);
        if (!MemoryBudget.fits(2 * (packed + perTask * workers.parallelism()))) {
            return false;
        }
        if (msus != null) {
            planMsus(dense);
        }
        return true;
    }

    /**
     * SUDA2 reads its MSUs off this lattice's tables when every subset of up to its size limit has
     * a dense table here, and their bits and unique itemsets fit in memory; otherwise it searches.
     */
    private void planMsus(long dense) {
        long total = 0;
        boolean allDense = msus.maxSize <= index.maxSize();
        for (int k = 0; k < index.size() && allDense; k++) {
            if (msus.wants(index.mask(k))) {
                allDense = cells[k] <= dense;
                total += cells[k];
            }
        }
        // a bit a cell, and at most two ints a cell for the unique itemsets
        if (!allDense || !MemoryBudget.fits(36 * total)) {
            msus.abandon();
            return;
        }
        msus.prepare(remap, card, table.firstRow);
    }

    private boolean wanted(int k) {
        return msus != null && msus.wants(index.mask(k));
    }

    private QiContributionLattice.Counts run(Workers workers) {
        if (packBits <= 64) {
            pack(packBits <= 32, workers);
        }
        List<Integer> tasks = new ArrayList<>();
        for (int k = 0; k < index.size(); k++) {
            if (!derived[k]) {
                tasks.add(k);
            }
        }
        // most columns first: the largest key spaces and roll-up trees start early
        tasks.sort((a, b) -> Integer.compare(Integer.bitCount(index.mask(b)), Integer.bitCount(index.mask(a))));
        workers.forEach(tasks.size(), t -> {
            int k = tasks.get(t);
            if (index.mask(k) == (1 << m) - 1 && children.get(k).isEmpty() && !wanted(k)) {
                // all columns: the class rows are the groups (distinct by construction)
                long p = 0;
                for (int f : table.weights) {
                    p += (long) f * (f - 1) / 2;
                }
                groups[k] = rows;
                pairs[k] = p;
                progress.add(1);
            } else if (children.get(k).isEmpty() && !wanted(k)) {
                countRows(k, null);
                progress.add(1);
            } else {
                long[] table = borrow((int) cells[k]);
                countRows(k, table);
                descend(k, table);
            }
        });
        return new QiContributionLattice.Counts(index, groups, pairs);
    }

    /** Packs the renumbered codes of each row into one int or long. */
    private void pack(boolean asInt, Workers workers) {
        if (asInt) {
            packedInt = new int[rows];
        } else {
            packedLong = new long[rows];
        }
        int chunks = workers.tasks(rows, 1 << 16);
        workers.forEach(chunks, t -> {
            int lo = (int) ((long) rows * t / chunks);
            int hi = (int) ((long) rows * (t + 1) / chunks);
            int[] buf = new int[BLOCK];
            for (int from = lo; from < hi; from += BLOCK) {
                int to = Math.min(hi, from + BLOCK);
                for (int c = 0; c < m; c++) {
                    table.cols[c].read(from, to, buf);
                    int[] rm = remap[c];
                    int sh = shift[c];
                    if (asInt) {
                        for (int i = 0; i < to - from; i++) {
                            packedInt[from + i] |= rm[buf[i]] << sh;
                        }
                    } else {
                        for (int i = 0; i < to - from; i++) {
                            packedLong[from + i] |= (long) rm[buf[i]] << sh;
                        }
                    }
                }
                progress.monitor().checkCancelled();
            }
        });
    }

    /**
     * Sums a dense table into groups and pairs, hands it to SUDA2 when it wants it, then rolls up
     * each child from it. A cell holds its records in the low 32 bits and the sum of its class rows
     * in the high ones.
     */
    private void descend(int k, long[] counts) {
        long g = 0;
        long p = 0;
        int n = (int) cells[k]; // the table may be a longer spare one
        for (int c = 0; c < n; c++) {
            int f = (int) counts[c];
            if (f != 0) {
                g++;
                p += (long) f * (f - 1) / 2;
            }
        }
        groups[k] = g;
        pairs[k] = p;
        if (wanted(k)) {
            msus.accept(index.mask(k), counts, n, progress.monitor());
        }
        progress.add(1);
        for (int child : children.get(k)) {
            descend(child, rollUp(counts, n, index.mask(k), index.mask(child)));
        }
        giveBack(counts);
    }

    /** Dense tables no longer in use, kept for the next ones (a new table a subset took about 1.3 GB on 10 M rows). */
    private final List<long[]> spareTables = new ArrayList<>();

    /**
     * A zeroed dense table of {@code n} cells (the first n of the array): the smallest spare one
     * that is large enough, else a new one.
     */
    private long[] borrow(int n) {
        long[] best = null;
        synchronized (spareTables) {
            for (long[] t : spareTables) {
                if (t.length >= n && (best == null || t.length < best.length)) {
                    best = t;
                }
            }
            if (best != null) {
                spareTables.remove(best);
            }
        }
        if (best == null) {
            return new long[n];
        }
        Arrays.fill(best, 0, n, 0L);
        return best;
    }

    private void giveBack(long[] table) {
        synchronized (spareTables) {
            spareTables.add(table);
        }
    }

    /** The dense table of {@code child} (one column fewer) from the table of {@code parent}. */
    private long[] rollUp(long[] counts, int n, int parent, int child) {
        int dropped = Integer.numberOfTrailingZeros(parent & ~child);
        long lo = 1;
        for (int b = parent & ~((2 << dropped) - 1); b != 0; b &= b - 1) {
            lo *= card[Integer.numberOfTrailingZeros(b)];
        }
        int low = (int) lo;
        int nx = (int) card[dropped];
        int hi = (int) (n / ((long) nx * low));
        long[] out = borrow(hi * low);
        for (int h = 0; h < hi; h++) {
            int base = h * low;
            int src = h * nx * low;
            for (int x = 0; x < nx; x++, src += low) {
                for (int l = 0; l < low; l++) {
                    out[base + l] += counts[src + l];
                }
            }
            if ((h & 0xFF) == 0) {
                progress.monitor().checkCancelled();
            }
        }
        return out;
    }

    /**
     * Counts subset {@code k} over the class rows: a counting sort by the key's high bits, then
     * each bucket's low bits in a small table. With {@code dense} the counts go to that table
     * (which the caller sums), each row adding {@code (row << 32) + weight}; otherwise the groups
     * and pairs are summed here.
     */
    private void countRows(int k, long[] dense) {
        Scratch scratch = scratches.poll();
        if (scratch == null) {
            scratch = new Scratch(rows);
        }
        countRows(k, dense, scratch);
        scratches.add(scratch);
    }

    /**
     * The row-sized arrays of one counting pass, passed from pass to pass (a pass takes one from
     * the queue and gives it back), so that a few sets serve all passes instead of a new set a pass.
     */
    private static final class Scratch {
        final char[] lowKey;
        /** The class row (high 32 bits) and its weight (low 32 bits), in bucket order. */
        final long[] weight;
        int[] key;

        Scratch(int rows) {
            lowKey = new char[rows];
            weight = new long[rows];
        }

        int[] key(int rows) {
            if (key == null) {
                key = new int[rows];
            }
            return key;
        }
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Scratch> scratches =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private void countRows(int k, long[] dense, Scratch scratch) {
        int[] cols = SubsetLattice.indices(index.mask(k));
        int bits = bucketBits;
        int buckets = (int) ((cells[k] + (1L << bits) - 1) >>> bits);
        long lowMask = (1L << bits) - 1;
        int[] start = new int[buckets + 1];
        char[] lowKey = scratch.lowKey;
        long[] weight = scratch.weight;
        int[] w = table.weights;
        if (cells[k] <= Integer.MAX_VALUE && (packedInt != null || packedLong != null)) {
            // int keys, computed once (the arithmetic vectorises)
            int[] key = scratch.key(rows);
            for (int from = 0; from < rows; from += BLOCK) {
                intKeys(cols, from, Math.min(rows, from + BLOCK), key);
                progress.monitor().checkCancelled();
            }
            for (int r = 0; r < rows; r++) {
                start[(key[r] >>> bits) + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            int[] next = Arrays.copyOf(start, buckets);
            int low = (int) lowMask;
            for (int r = 0; r < rows; r++) {
                int x = key[r];
                int at = next[x >>> bits]++;
                lowKey[at] = (char) (x & low);
                weight[at] = (long) r << 32 | w[r];
            }
        } else {
            long[] key = new long[BLOCK];
            int[] buf = new int[BLOCK];
            for (int from = 0; from < rows; from += BLOCK) {
                int to = Math.min(rows, from + BLOCK);
                keys(cols, from, to, key, buf);
                for (int i = 0, n = to - from; i < n; i++) {
                    start[(int) (key[i] >>> bits) + 1]++;
                }
                progress.monitor().checkCancelled();
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            int[] next = Arrays.copyOf(start, buckets);
            for (int from = 0; from < rows; from += BLOCK) {
                int to = Math.min(rows, from + BLOCK);
                keys(cols, from, to, key, buf);
                for (int i = 0, n = to - from; i < n; i++) {
                    int at = next[(int) (key[i] >>> bits)]++;
                    lowKey[at] = (char) (key[i] & lowMask);
                    weight[at] = (long) (from + i) << 32 | w[from + i];
                }
                progress.monitor().checkCancelled();
            }
        }
        if (dense != null) {
            for (int b = 0; b < buckets; b++) {
                int base = b << bits;
                for (int e = start[b], end = start[b + 1]; e < end; e++) {
                    dense[base + lowKey[e]] += weight[e];
                }
            }
            return;
        }
        int[] counts = new int[1 << bits];
        long g = 0;
        long p = 0;
        for (int b = 0; b < buckets; b++) {
            int end = start[b + 1];
            for (int e = start[b]; e < end; e++) {
                counts[lowKey[e]] += (int) weight[e];
            }
            for (int e = start[b]; e < end; e++) {
                int f = counts[lowKey[e]];
                if (f != 0) {
                    g++;
                    p += (long) f * (f - 1) / 2;
                    counts[lowKey[e]] = 0;
                }
            }
        }
        groups[k] = g;
        pairs[k] = p;
    }

    /** As {@link #keys}, into {@code key[from..to)}, from the packed codes, for key spaces below 2^31. */
    private void intKeys(int[] cols, int from, int to, int[] key) {
        Arrays.fill(key, from, to, 0); // the array is reused from pass to pass
        for (int c : cols) {
            int d = (int) card[c];
            int sh = shift[c];
            if (packedInt != null) {
                int mk = (int) bitMask[c];
                for (int i = from; i < to; i++) {
                    key[i] = key[i] * d + ((packedInt[i] >>> sh) & mk);
                }
            } else {
                long mk = bitMask[c];
                for (int i = from; i < to; i++) {
                    key[i] = key[i] * d + (int) ((packedLong[i] >>> sh) & mk);
                }
            }
        }
    }

    /** The keys of rows [from, to) on the columns {@code cols} (ascending; the first is the most significant). */
    private void keys(int[] cols, int from, int to, long[] key, int[] buf) {
        int n = to - from;
        Arrays.fill(key, 0, n, 0L);
        if (packedInt != null || packedLong != null) {
            for (int c : cols) {
                long d = card[c];
                int sh = shift[c];
                long mk = bitMask[c];
                if (packedInt != null) {
                    for (int i = 0; i < n; i++) {
                        key[i] = key[i] * d + ((packedInt[from + i] >>> sh) & mk);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        key[i] = key[i] * d + ((packedLong[from + i] >>> sh) & mk);
                    }
                }
            }
            return;
        }
        for (int c : cols) {
            table.cols[c].read(from, to, buf);
            int[] rm = remap[c];
            long d = card[c];
            for (int i = 0; i < n; i++) {
                key[i] = key[i] * d + rm[buf[i]];
            }
        }
    }
}
