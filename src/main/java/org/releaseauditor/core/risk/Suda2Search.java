package org.releaseauditor.core.risk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The recursive MSU search of SUDA2 (Manning, Haglin &amp; Keane 2008) over a {@link ClassTable};
 * see {@link Suda2} for the method. Codes are the table's shifted codes: 0 (suppressed) and 1
 * (missing) are no items.
 */
final class Suda2Search {

    /** Largest dense support table, in cells (one byte a cell). */
    static final long DENSE_CELLS = 1L << 24;
    /** Total bytes of all dense support tables. */
    private static final long DENSE_BUDGET = 256L << 20;
    /** Buckets with at least this many rows in all are copied into a compact table of their own. */
    private static final int MATERIALIZE_MIN = 4096;
    /** Buckets with at least this many rows are searched as tasks of their own. */
    private static final int FORK_MIN = 4096;

    private static final VarHandle SCORE_BITS = MethodHandles.arrayElementVarHandle(long[].class);

    private final ClassTable table;
    private final int m;
    private final int maxSize;
    /** position → column of the table (most distinct values first). */
    private final int[] columnAt;
    /** position → the root table's codes. */
    private final ClassTable.Codes[] rootCols;
    private final int[] cards;
    private final Workers workers;
    private final ProgressMonitor monitor;
    private final SharedProgress progress;
    private final double[] weightOfSize;
    /** Item supports in the whole table, by position and code (saturating at 2). */
    private final byte[][] rootSupport;
    /** Numbering of the position masks of 2 .. maxSize − 1 variables (null when maxSize &lt; 3). */
    private final QiContributionLattice.SubsetIndex subsets;
    /** Dense support counters by {@link #subsets} index (null: checked later by a scan). */
    private final byte[][] dense;
    private final List<Acc> accs = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Acc> acc;

    /** Per-thread tallies, deferred candidates and scratch arrays. */
    private final class Acc {
        final long[] bySize = new long[maxSize];
        final long[] withVariable = new long[m];
        final double[] weightWithVariable = new double[m];
        long msus;
        /** Candidates waiting for a scan check: class row and position mask, interleaved. */
        int[] deferred = new int[64];
        int deferredCount;
        int[] stamp;
        int[] rowsOf;
        long[] supportOf;
        int[] lastRowOf;
        int[] startOf;
        /** Code-pair counters of {@link #lastLevel}: stamp, support, a row, and the pairs touched. */
        int[] pairStamp = new int[pairCells];
        long[] pairSupport = new long[pairCells];
        int[] pairRow = new int[pairCells];
        int[] pairTouched = new int[pairCells];
        int pairClock;
        /** Rows and support of each one-byte code, packed (see {@link #node}). */
        long[] packed = new long[256];
        int[] codeList = new int[64];
        int clock;

        Acc(int maxSpan) {
            stamp = new int[maxSpan];
            rowsOf = new int[maxSpan];
            supportOf = new long[maxSpan];
            lastRowOf = new int[maxSpan];
            startOf = new int[maxSpan];
        }

        int[] codeList(int n) {
            if (codeList.length < n) {
                codeList = new int[Math.max(n, codeList.length * 2)];
            }
            return codeList;
        }

        /**
         * Drops the scratch arrays once the search is done. A pool thread keeps its entry of a
         * finished search's thread-local until its map expunges it; it then holds only the tallies.
         */
        void release() {
            stamp = rowsOf = lastRowOf = startOf = pairStamp = pairRow = pairTouched = codeList = deferred = null;
            supportOf = pairSupport = packed = null;
        }

        void defer(int row, int mask) {
            if (deferredCount + 2 > deferred.length) {
                deferred = Arrays.copyOf(deferred, deferred.length * 2);
            }
            deferred[deferredCount++] = row;
            deferred[deferredCount++] = mask;
        }
    }

    /** A materialised subtable: codes by position (null below its first position), weights, class rows. */
    private record Sub(ClassTable.Codes[] cols, int[] weights, int[] ids) {
    }

    private Suda2Search(ClassTable table, int m, int maxSize, Workers workers, long denseCells,
            ProgressMonitor monitor, String phase) {
        this.table = table;
        this.m = m;
        this.maxSize = maxSize;
        this.workers = workers;
        this.monitor = monitor;
        Integer[] order = new Integer[m];
        for (int c = 0; c < m; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(table.spans[y], table.spans[x]));
        columnAt = new int[m];
        rootCols = new ClassTable.Codes[m];
        cards = new int[m];
        int maxSpan = 2;
        for (int p = 0; p < m; p++) {
            columnAt[p] = order[p];
            rootCols[p] = table.cols[order[p]];
            cards[p] = table.spans[order[p]] - 2;
            maxSpan = Math.max(maxSpan, table.spans[order[p]]);
        }
        weightOfSize = new double[m + 1];
        for (int s = 1; s <= m; s++) {
            weightOfSize[s] = Suda2.factorial(m - s);
        }
        rootSupport = new byte[m][];
        subsets = maxSize >= 3 ? new QiContributionLattice.SubsetIndex(m, maxSize - 1) : null;
        dense = new byte[subsets == null ? 0 : subsets.size()][];
        progress = new SharedProgress(monitor, phase, (long) table.rows * m + 1);
        // the pair counters of the last level, as large as this table's largest pair that fits
        long pairs = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                pairs = Math.max(pairs, (long) (cards[a] + 2) * (cards[b] + 2));
            }
        }
        pairCells = (int) Math.min(pairs, PAIR_CELLS);
        int span = maxSpan;
        acc = ThreadLocal.withInitial(() -> {
            Acc a = new Acc(span);
            accs.add(a);
            return a;
        });
        buildSupports(denseCells);
    }

    /**
     * Finds every MSU of up to {@code maxSize} items and adds its weight to its record's score;
     * fills the tallies of {@code out} (whose arrays are allocated). Returns the number of MSUs.
     */
    static long run(ClassTable table, int m, int maxSize, Suda2.Scores out, Workers workers, long denseCells,
            ProgressMonitor monitor, String phase) {
        Suda2Search s = new Suda2Search(table, m, maxSize, workers, denseCells, monitor, phase);
        return s.search(out);
    }

    // ---------------------------------------------------------------------------- supports

    /** Item supports, and dense counters for itemsets of 2 .. maxSize − 1 variables. */
    private void buildSupports(long denseCells) {
        int rows = table.rows;
        int[] w = table.weights;
        for (int p = 0; p < m; p++) {
            byte[] sup = new byte[cards[p] + 2];
            ClassTable.Codes col = rootCols[p];
            for (int r = 0; r < rows; r++) {
                int c = col.get(r);
                sup[c] = (byte) Math.min(2, sup[c] + w[r]);
            }
            rootSupport[p] = sup;
        }
        List<Integer> masks = new ArrayList<>();
        long budget = DENSE_BUDGET;
        for (int k = 0; subsets != null && k < subsets.size(); k++) {
            int mask = subsets.mask(k);
            long cells = cells(mask);
            if (Integer.bitCount(mask) >= 2 && cells <= denseCells && cells <= budget) {
                budget -= cells;
                masks.add(mask);
            }
        }
        // a table sums from the table of one more position when no row lacks that position's item
        Map<Integer, Integer> slot = new HashMap<>();
        for (int k = 0; k < masks.size(); k++) {
            slot.put(masks.get(k), k);
        }
        int[] parent = new int[masks.size()];
        int largest = 0;
        for (int k = 0; k < masks.size(); k++) {
            int mask = masks.get(k);
            largest = Math.max(largest, Integer.bitCount(mask));
            parent[k] = -1;
            for (int p = 0; p < m; p++) {
                Integer q = (mask & (1 << p)) != 0 || rootSupport[p][0] != 0 || rootSupport[p][1] != 0 ? null
                        : slot.get(mask | (1 << p));
                if (q != null && (parent[k] < 0 || cells(masks.get(q)) < cells(masks.get(parent[k])))) {
                    parent[k] = q;
                }
            }
        }
        byte[][] built = new byte[masks.size()][];
        countRoots(masks, parent, built, denseCells, rows, w);
        for (int size = largest; size >= 2; size--) {
            List<Integer> level = new ArrayList<>();
            for (int k = 0; k < masks.size(); k++) {
                if (Integer.bitCount(masks.get(k)) == size) {
                    level.add(k);
                }
            }
            workers.forEach(level.size(), i -> {
                monitor.checkCancelled();
                int k = level.get(i);
                if (built[k] == null) {
                    built[k] = sumOut(built[parent[k]], masks.get(parent[k]), masks.get(k));
                }
            });
        }
        for (int k = 0; k < built.length; k++) {
            dense[subsets.indexOf(masks.get(k))] = built[k];
        }
    }

    /**
     * Counts the tables that have no parent among the kept ones (the roots), with as few passes over
     * the class rows as it can: a pass over a helper subset of one more position (present in every
     * row, table of at most {@link #HELPER_CELLS} cells) yields every root it contains by summing
     * out that position, so one pass serves up to that many roots instead of one. The tables are
     * the same as counted one by one.
     */
    private void countRoots(List<Integer> masks, int[] parent, byte[][] built, long denseCells, int rows, int[] w) {
        List<Integer> uncovered = new ArrayList<>();
        for (int k = 0; k < masks.size(); k++) {
            if (parent[k] < 0) {
                uncovered.add(k);
            }
        }
        int complete = 0;
        for (int p = 0; p < m; p++) {
            if (rootSupport[p][0] == 0 && rootSupport[p][1] == 0) {
                complete |= 1 << p;
            }
        }
        long helperCells = Math.min(denseCells, HELPER_CELLS);
        List<Integer> helpers = new ArrayList<>();
        List<List<Integer>> served = new ArrayList<>();
        while (uncovered.size() > 1) {
            // the helper (a root plus one complete position) that serves the most uncovered roots
            int best = 0;
            List<Integer> bestServed = List.of();
            for (int k : uncovered) {
                int mask = masks.get(k);
                for (int b = complete & ~mask; b != 0; b &= b - 1) {
                    int h = mask | (b & -b);
                    if (cells(h) > helperCells) {
                        continue;
                    }
                    List<Integer> in = new ArrayList<>();
                    for (int j : uncovered) {
                        int r = masks.get(j);
                        if ((r & ~h) == 0 && Integer.bitCount(h & ~r) == 1 && (h & ~r & complete) != 0) {
                            in.add(j);
                        }
                    }
                    if (in.size() > bestServed.size() || in.size() == bestServed.size() && in.size() > 0
                            && cells(h) < cells(best)) {
                        best = h;
                        bestServed = in;
                    }
                }
            }
            if (bestServed.size() < 2) {
                break;
            }
            helpers.add(best);
            served.add(bestServed);
            uncovered.removeAll(bestServed);
        }
        int tasks = helpers.size() + uncovered.size();
        workers.forEach(tasks, i -> {
            monitor.checkCancelled();
            if (i < helpers.size()) {
                int h = helpers.get(i);
                byte[] t = countSupports(h, rows, w);
                for (int k : served.get(i)) {
                    built[k] = sumOut(t, h, masks.get(k));
                }
            } else {
                int k = uncovered.get(i - helpers.size());
                built[k] = countSupports(masks.get(k), rows, w);
            }
        });
    }

    /** Largest table of a helper subset counted only to sum out its roots (one byte a cell). */
    static final long HELPER_CELLS = 1L << 22;

    /** Saturating supports of the itemsets on the positions of {@code mask}, by one pass over the table. */
    private byte[] countSupports(int mask, int rows, int[] w) {
        int[] pos = positions(mask);
        byte[] t = new byte[(int) cells(mask)];
        int block = 4096;
        int[] code = new int[block];
        long[] key = new long[block];
        boolean[] absent = new boolean[block];
        for (int from = 0; from < rows; from += block) {
            int to = Math.min(rows, from + block);
            int len = to - from;
            Arrays.fill(key, 0, len, 0L);
            Arrays.fill(absent, 0, len, false);
            for (int p : pos) {
                rootCols[p].read(from, to, code);
                long card = cards[p];
                for (int i = 0; i < len; i++) {
                    int c = code[i] - 2;
                    absent[i] |= c < 0;
                    key[i] = key[i] * card + c;
                }
            }
            for (int i = 0; i < len; i++) {
                if (!absent[i]) {
                    int x = (int) key[i];
                    byte v = t[x];
                    if (v < 2) {
                        t[x] = (byte) Math.min(2, v + w[from + i]);
                    }
                }
            }
        }
        return t;
    }

    /**
     * The saturating supports on {@code child} from those on {@code parent} (one position more,
     * present in every row): sums over the dropped position, saturating at 2.
     */
    private byte[] sumOut(byte[] counts, int parent, int child) {
        int dropped = Integer.numberOfTrailingZeros(parent & ~child);
        long lo = 1;
        for (int b = parent & ~((2 << dropped) - 1); b != 0; b &= b - 1) {
            lo *= Math.max(1, cards[Integer.numberOfTrailingZeros(b)]);
        }
        int low = (int) lo;
        int nx = Math.max(1, cards[dropped]);
        int hi = (int) (counts.length / ((long) nx * low));
        byte[] out = new byte[hi * low];
        for (int h = 0; h < hi; h++) {
            int base = h * low;
            int src = h * nx * low;
            for (int x = 0; x < nx; x++, src += low) {
                for (int l = 0; l < low; l++) {
                    out[base + l] = (byte) Math.min(2, out[base + l] + counts[src + l]);
                }
            }
        }
        return out;
    }

    /** The dense counters of a position mask, or null. */
    private byte[] denseOf(int mask) {
        return Integer.bitCount(mask) < 2 || subsets == null ? null : dense[subsets.indexOf(mask)];
    }

    /** Product of the cardinalities of the positions in {@code mask}, saturating. */
    private long cells(int mask) {
        long cells = 1;
        for (int b = mask; b != 0; b &= b - 1) {
            long c = Math.max(1, cards[Integer.numberOfTrailingZeros(b)]);
            if (cells > Long.MAX_VALUE / 4 / c) {
                return Long.MAX_VALUE;
            }
            cells *= c;
        }
        return cells;
    }

    private static int[] positions(int mask) {
        int[] pos = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int b = mask; b != 0; b &= b - 1) {
            pos[k++] = Integer.numberOfTrailingZeros(b);
        }
        return pos;
    }

    // ---------------------------------------------------------------------------- search

    private long search(Suda2.Scores out) {
        int rows = table.rows;
        long[] bits = new long[out.score.length];
        ClassTable.Codes[] cols = rootCols.clone();
        Sub root = new Sub(cols, table.weights, null);
        long total = 0;
        for (int w : table.weights) {
            total += w;
        }
        if (rows > 0) {
            node(acc.get(), root, null, 0, rows, 0, new int[0], new int[0], maxSize, total, true, bits);
        }
        checkDeferred(bits);
        long msus = 0;
        for (Acc a : accs) {
            for (int s = 0; s < maxSize; s++) {
                out.msusBySize[s] += a.bySize[s];
            }
            for (int v = 0; v < m; v++) {
                out.msusWithVariable[v] += a.withVariable[v];
                out.weightWithVariable[v] += a.weightWithVariable[v];
            }
            msus += a.msus;
            a.release();
        }
        for (int r = 0; r < bits.length; r++) {
            out.score[r] = Double.longBitsToDouble(bits[r]);
        }
        return msus;
    }

    /**
     * Searches the subtable {@code ix[from..to)} of {@code t} (rows from..to when {@code ix} is
     * null), which holds the rows containing the items of {@code path} (positions), for MSUs of
     * at most {@code k} items among the positions from {@code first} on.
     *
     * @param total the subtable's support (records)
     */
    private void node(Acc ac, Sub t, int[] ix, int from, int to, int first, int[] path, int[] pathCodes, int k,
            long total, boolean root, long[] bits) {
        int n = to - from;
        int[] w = t.weights();
        int[] stamp = ac.stamp;
        int[] rowsOf = ac.rowsOf;
        long[] supportOf = ac.supportOf;
        int[] lastRowOf = ac.lastRowOf;
        for (int a = first; a < m; a++) {
            ClassTable.Codes codes = t.cols()[a];
            int clock = ++ac.clock;
            if (clock == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                ac.clock = clock = 1;
            }
            int[] codeList = ac.codeList(Math.min(n, cards[a] + 2));
            int distinct = 0;
            if (ix == null && codes.b != null && n >= 64) {
                // one-byte column over a contiguous range: clear the 256 counters instead of stamping rows
                // rows (low 32 bits) and support (high bits) in one counter: one update a row
                byte[] b = codes.b;
                int lim = Math.min(256, rowsOf.length);
                long[] packed = ac.packed;
                Arrays.fill(packed, 0, lim, 0L);
                for (int r = from; r < to; r++) {
                    int c = b[r] & 0xFF;
                    packed[c] += ((long) w[r] << 32) + 1;
                    lastRowOf[c] = r;
                }
                for (int c = 2; c < lim; c++) {
                    long x = packed[c];
                    if (x != 0) {
                        rowsOf[c] = (int) x;
                        supportOf[c] = x >>> 32;
                        stamp[c] = clock;
                        codeList[distinct++] = c;
                    }
                }
            } else {
                for (int i = from; i < to; i++) {
                    int r = ix == null ? i : ix[i];
                    int c = codes.get(r);
                    if (c < 2) {
                        continue; // missing or suppressed: no item
                    }
                    if (stamp[c] != clock) {
                        stamp[c] = clock;
                        rowsOf[c] = 0;
                        supportOf[c] = 0;
                        codeList[distinct++] = c;
                    }
                    rowsOf[c]++;
                    supportOf[c] += w[r];
                    lastRowOf[c] = r;
                }
            }
            int later = m - a - 1;
            int recurseRows = 0;
            int buckets = 0;
            for (int d = 0; d < distinct; d++) {
                int c = codeList[d];
                long support = supportOf[c];
                if (support == 1) {
                    int row = t.ids() == null ? lastRowOf[c] : t.ids()[lastRowOf[c]];
                    candidate(ac, row, path, pathCodes, a, c, bits);
                } else if (k > 1 && support < total && later > 0) {
                    recurseRows += rowsOf[c];
                    buckets++;
                } else {
                    rowsOf[c] = -rowsOf[c]; // no recursion into this item
                }
            }
            if (buckets > 0) {
                if (k == 2 && lastLevelFits(a)) {
                    lastLevel(ac, t, ix, from, to, a, path, pathCodes, bits);
                } else {
                    split(ac, t, ix, from, to, a, path, pathCodes, k, codeList, distinct, recurseRows, bits);
                }
            }
            if (root) {
                progress.add(n);
            }
        }
        if (n >= FORK_MIN) {
            monitor.checkCancelled();
        }
    }

    /** Whether the (a, b) code pairs of every later position b fit the per-thread pair counters. */
    private boolean lastLevelFits(int a) {
        for (int b = a + 1; b < m; b++) {
            if ((long) (cards[a] + 2) * (cards[b] + 2) > pairCells) {
                return false;
            }
        }
        return true;
    }

    /** Largest (a, b) code-pair table of {@link #lastLevel}, in cells. */
    static final int PAIR_CELLS = 1 << 16;
    /** Cells of this search's pair counters (each thread's, allocated with its scratch arrays). */
    private final int pairCells;

    /**
     * The buckets of position {@code a} in a node of size limit 2, whose children (limit 1) only
     * look for unique items: each child's unique item at position b is a code pair (a, b) of
     * support 1 among the rows of the recursing buckets, so the pairs are counted directly over
     * those rows, without copying the buckets. The candidates are the children's.
     */
    private void lastLevel(Acc ac, Sub t, int[] ix, int from, int to, int a, int[] path, int[] pathCodes,
            long[] bits) {
        int[] stamp = ac.stamp;
        int clock = ac.clock;
        int[] rowsOf = ac.rowsOf;
        long[] supportOf = ac.supportOf;
        int[] childPath = Arrays.copyOf(path, path.length + 1);
        childPath[path.length] = a;
        ClassTable.Codes codesA = t.cols()[a];
        int[] w = t.weights();
        int[] ids = t.ids();
        for (int b = a + 1; b < m; b++) {
            ClassTable.Codes codesB = t.cols()[b];
            int spanB = cards[b] + 2;
            int pclock = ++ac.pairClock;
            if (pclock == Integer.MAX_VALUE) {
                Arrays.fill(ac.pairStamp, 0);
                ac.pairClock = pclock = 1;
            }
            int touched = 0;
            for (int i = from; i < to; i++) {
                int r = ix == null ? i : ix[i];
                int ca = codesA.get(r);
                // rows of the recursing buckets only (an item of support >= 2, below the node's)
                if (ca < 2 || stamp[ca] != clock || rowsOf[ca] <= 0 || supportOf[ca] < 2) {
                    continue;
                }
                int cb = codesB.get(r);
                if (cb < 2) {
                    continue;
                }
                int key = ca * spanB + cb;
                if (ac.pairStamp[key] != pclock) {
                    ac.pairStamp[key] = pclock;
                    ac.pairSupport[key] = 0;
                    ac.pairTouched[touched++] = key;
                }
                ac.pairSupport[key] += w[r];
                ac.pairRow[key] = r;
            }
            for (int j = 0; j < touched; j++) {
                int key = ac.pairTouched[j];
                if (ac.pairSupport[key] == 1) {
                    int r = ac.pairRow[key];
                    int ca = key / spanB;
                    candidate(ac, ids == null ? r : ids[r], childPath, withCode(pathCodes, ca), b, key % spanB,
                            bits);
                }
            }
        }
    }

    /**
     * Recurses into the buckets of position {@code a} whose support allows an MSU: large ones as a
     * compact copy (positions after {@code a}), small ones as lists of rows of the same table.
     */
    private void split(Acc ac, Sub t, int[] ix, int from, int to, int a, int[] path, int[] pathCodes, int k,
            int[] codeList, int distinct, int recurseRows, long[] bits) {
        int[] rowsOf = ac.rowsOf;
        long[] supportOf = ac.supportOf;
        int[] startOf = ac.startOf;
        int[] stamp = ac.stamp;
        int clock = ac.clock;
        int[] bucketStart = new int[distinct + 1];
        long[] bucketSupport = new long[distinct];
        int[] bucketCode = new int[distinct];
        int nb = 0;
        int at = 0;
        for (int d = 0; d < distinct; d++) {
            int c = codeList[d];
            if (supportOf[c] >= 2 && rowsOf[c] > 0) {
                startOf[c] = at;
                bucketStart[nb] = at;
                bucketCode[nb] = c;
                bucketSupport[nb++] = supportOf[c];
                at += rowsOf[c];
            } else {
                startOf[c] = -1;
            }
        }
        bucketStart[nb] = at;
        ClassTable.Codes codes = t.cols()[a];
        int n = to - from;
        int[] target = new int[n];
        for (int i = from; i < to; i++) {
            int c = codes.get(ix == null ? i : ix[i]);
            int s = c < 2 || stamp[c] != clock ? -1 : startOf[c];
            target[i - from] = s;
            if (s >= 0) {
                startOf[c] = s + 1;
            }
        }
        Sub sub;
        int[] childIx;
        if (recurseRows >= MATERIALIZE_MIN) {
            ClassTable.Codes[] cols = new ClassTable.Codes[m];
            for (int p = a + 1; p < m; p++) {
                cols[p] = t.cols()[p].like(recurseRows);
            }
            int[] weights = new int[recurseRows];
            int[] ids = new int[recurseRows];
            for (int i = from; i < to; i++) {
                int s = target[i - from];
                if (s >= 0) {
                    int r = ix == null ? i : ix[i];
                    weights[s] = t.weights()[r];
                    ids[s] = t.ids() == null ? r : t.ids()[r];
                }
            }
            ClassTable.Codes.copyKept(t.cols(), cols, a + 1, ix, target, from, from, to);
            sub = new Sub(cols, weights, ids);
            childIx = null;
        } else {
            sub = t;
            childIx = new int[recurseRows];
            for (int i = from; i < to; i++) {
                int s = target[i - from];
                if (s >= 0) {
                    childIx[s] = ix == null ? i : ix[i];
                }
            }
        }
        int[] childPath = Arrays.copyOf(path, path.length + 1);
        childPath[path.length] = a;
        int later = m - a - 1;
        int forks = 0;
        for (int b = 0; b < nb; b++) {
            int len = bucketStart[b + 1] - bucketStart[b];
            if (len >= FORK_MIN && !workers.isSequential()) {
                forks++;
            } else {
                // pruning: the size limit, the variables left, and support − 1
                int kk = (int) Math.min(Math.min(k - 1, later), bucketSupport[b] - 1);
                node(ac, sub, childIx, bucketStart[b], bucketStart[b + 1], a + 1, childPath,
                        withCode(pathCodes, bucketCode[b]), kk, bucketSupport[b], false, bits);
            }
        }
        if (forks > 0) {
            int[] big = new int[forks];
            int f = 0;
            for (int b = 0; b < nb; b++) {
                if (bucketStart[b + 1] - bucketStart[b] >= FORK_MIN) {
                    big[f++] = b;
                }
            }
            Sub s = sub;
            workers.forEach(forks, i -> {
                int b = big[i];
                int kk = (int) Math.min(Math.min(k - 1, later), bucketSupport[b] - 1);
                node(acc.get(), s, childIx, bucketStart[b], bucketStart[b + 1], a + 1, childPath,
                        withCode(pathCodes, bucketCode[b]), kk, bucketSupport[b], false, bits);
            });
        }
    }

    private static int[] withCode(int[] codes, int c) {
        int[] out = Arrays.copyOf(codes, codes.length + 1);
        out[codes.length] = c;
        return out;
    }

    /**
     * A unique item (position {@code last}, code {@code code}) in the subtable of {@code path}
     * (whose items have {@code pathCodes}): the itemset path ∪ {last} of class row {@code row} is
     * unique, and the path is not (it has support ≥ 2). It is an MSU when dropping any other item
     * leaves a non-unique itemset (the special row of each level of the recursion exists).
     */
    private void candidate(Acc ac, int row, int[] path, int[] pathCodes, int last, int code, long[] bits) {
        int d = path.length;
        int mask = 1 << last;
        for (int p : path) {
            mask |= 1 << p;
        }
        if (d == 1) {
            // dropping the path's item leaves the single item at 'last'
            if (rootSupport[last][code] < 2) {
                return;
            }
        } else if (d >= 2) {
            boolean deferred = false;
            for (int j = 0; j < d; j++) {
                byte[] t = denseOf(mask & ~(1 << path[j]));
                if (t == null) {
                    deferred = true;
                    continue;
                }
                long key = 0;
                for (int i = 0; i < d; i++) {
                    if (i != j) {
                        key = key * cards[path[i]] + pathCodes[i] - 2;
                    }
                }
                key = key * cards[last] + code - 2;
                if (t[(int) key] < 2) {
                    return;
                }
            }
            if (deferred) {
                ac.defer(row, mask);
                return;
            }
        }
        register(ac, row, mask, bits);
    }

    private void register(Acc ac, int row, int positionMask, long[] bits) {
        int size = Integer.bitCount(positionMask);
        double weight = weightOfSize[size];
        ac.bySize[size - 1]++;
        ac.msus++;
        for (int b = positionMask; b != 0; b &= b - 1) {
            int v = columnAt[Integer.numberOfTrailingZeros(b)];
            ac.withVariable[v]++;
            ac.weightWithVariable[v] += weight;
        }
        int record = table.firstRow[row];
        long prev;
        long next;
        do {
            prev = (long) SCORE_BITS.getVolatile(bits, record);
            next = Double.doubleToRawLongBits(Double.longBitsToDouble(prev) + weight);
        } while (!SCORE_BITS.compareAndSet(bits, record, prev, next));
    }

    /**
     * Checks the candidates whose itemsets had no dense counter: per variable subset, one pass over
     * the table counts (saturating at 2) only the itemsets some candidate needs.
     */
    private void checkDeferred(long[] bits) {
        List<int[]> all = new ArrayList<>();
        for (Acc a : accs) {
            for (int i = 0; i < a.deferredCount; i += 2) {
                all.add(new int[] {a.deferred[i], a.deferred[i + 1], all.size()});
            }
            a.deferredCount = 0;
        }
        if (all.isEmpty()) {
            return;
        }
        // the subsets to check, each with the candidates that need it
        Map<Integer, List<int[]>> bySubset = new HashMap<>();
        for (int[] c : all) {
            int mask = c[1];
            int implied = mask & ~Integer.highestOneBit(mask); // the search's own path
            for (int b = mask; b != 0; b &= b - 1) {
                int s = mask & ~(b & -b);
                if (s != implied && denseOf(s) == null) {
                    bySubset.computeIfAbsent(s, x -> new ArrayList<>()).add(c);
                }
            }
        }
        boolean[] failed = new boolean[all.size()];
        List<Integer> order = new ArrayList<>(bySubset.keySet());
        Collections.sort(order);
        for (int s : order) {
            monitor.checkCancelled();
            List<int[]> cands = bySubset.get(s);
            // the candidates' itemsets on s, as code tuples
            Map<ItemsetKey, int[]> count = new HashMap<>();
            for (int[] c : cands) {
                count.putIfAbsent(itemset(c[0], s), new int[1]);
            }
            int[] w = table.weights;
            for (int r = 0; r < table.rows; r++) {
                ItemsetKey key = itemset(r, s);
                if (key != null) {
                    int[] n = count.get(key);
                    if (n != null) {
                        n[0] = (int) Math.min(2, n[0] + (long) w[r]);
                    }
                }
            }
            for (int[] c : cands) {
                if (count.get(itemset(c[0], s))[0] < 2) {
                    failed[c[2]] = true;
                }
            }
        }
        Acc ac = acc.get();
        for (int[] c : all) {
            if (!failed[c[2]]) {
                register(ac, c[0], c[1], bits);
            }
        }
    }

    /** The codes of class row {@code r} on the positions of {@code mask}, or null when one is missing. */
    private ItemsetKey itemset(int r, int mask) {
        int[] codes = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int b = mask; b != 0; b &= b - 1) {
            int c = rootCols[Integer.numberOfTrailingZeros(b)].get(r);
            if (c < 2) {
                return null;
            }
            codes[k++] = c;
        }
        return new ItemsetKey(codes);
    }

    /** Value equality of code tuples. */
    private record ItemsetKey(int[] codes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ItemsetKey k && Arrays.equals(codes, k.codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes);
        }

        @Override
        public String toString() {
            return "ItemsetKey[" + codes.length + "]";
        }
    }
}
