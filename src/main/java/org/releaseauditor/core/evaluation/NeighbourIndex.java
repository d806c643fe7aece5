package org.releaseauditor.core.evaluation;

import java.util.Arrays;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Exact k-nearest-neighbour search in the release under the mixed-type distance of Anonymeter
 * (a Gower-like L1 distance): for a numeric column |a − b| / range, for a categorical column 0 when
 * equal and 1 otherwise, summed over the columns. Missing values: two missing values are at
 * distance 0, a missing and a present value at distance 1 (Anonymeter gives NaN or 1 here, which
 * breaks its sort; see the docs). Each column contributes at most 1, and the sum is a metric.
 *
 * <p>The index is a bounding-box tree over the mixed space. Every node keeps, per numeric column,
 * the interval of its values and whether it holds missing ones, and per categorical column the set
 * of its codes. The distance from a query to any record of a node is at least the sum of the
 * query's distances to those boxes and sets, which prunes whole nodes; the search is
 * branch-and-bound, depth first, nearer child first. Nodes are split on the column that separates
 * best: a categorical column whose codes can be cut into two balanced groups (a mismatch costs a
 * full unit, as with blocking on that column), else the numeric column with the widest spread at
 * its median. The search is exact: among records at equal distance the one with the lowest release
 * row wins, so results do not depend on the tree's shape (each node knows its lowest row, so
 * ties prune too).
 */
final class NeighbourIndex {
    static final int LEAF = 16;
    /** Categorical code sets with at most this many codes are kept as sorted arrays. */
    private static final int SMALL_SET = 8;
    /** Larger sets are bitsets when the column has at most this many codes (+1 for missing). */
    private static final int MAX_BITSET_SLOTS = 4096;

    private final int[] numColumns;
    private final int[] catColumns;
    private final double[] scale;
    private final int nNum;
    private final int nCat;
    // release records in leaf order: [column][position]
    private final double[][] num;
    private final int[][] cat;
    private final int[] rowAt;
    // nodes
    private int nodes;
    private int[] start = new int[64];
    private int[] end = new int[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] minRow = new int[64];
    private double[] lo = new double[0];
    private double[] hi = new double[0];
    private byte[] flags = new byte[0];
    private Object[] sets = new Object[0];
    private final int[] slots;

    private static final byte HAS_MISSING = 1;
    private static final byte HAS_VALUE = 2;

    /**
     * Builds the index over the {@code columns} of {@code release}.
     *
     * @param columns schema indexes of the columns of the distance
     * @param ranges  per schema column, the numeric range (scale of the distance)
     * @param cardinality per schema column, the size of the shared dictionary
     */
    NeighbourIndex(Table release, int[] columns, double[] ranges, int[] cardinality, ProgressMonitor monitor) {
        int numCount = 0;
        for (int c : columns) {
            if (release.num[c] != null) {
                numCount++;
            }
        }
        nNum = numCount;
        nCat = columns.length - numCount;
        numColumns = new int[nNum];
        catColumns = new int[nCat];
        scale = new double[nNum];
        slots = new int[nCat];
        int a = 0;
        int b = 0;
        for (int c : columns) {
            if (release.num[c] != null) {
                scale[a] = ranges[c];
                numColumns[a++] = c;
            } else {
                slots[b] = cardinality[c] + 1;
                catColumns[b++] = c;
            }
        }
        int n = release.rows;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[][] srcNum = new double[nNum][];
        for (int c = 0; c < nNum; c++) {
            double[] v = release.num[numColumns[c]];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = v[i] / scale[c];
            }
            srcNum[c] = s;
        }
        int[][] srcCat = new int[nCat][];
        for (int c = 0; c < nCat; c++) {
            srcCat[c] = release.cat[catColumns[c]];
        }
        Builder builder = new Builder(perm, srcNum, srcCat, monitor);
        builder.build(0, n);
        num = new double[nNum][n];
        cat = new int[nCat][n];
        rowAt = perm;
        for (int p = 0; p < n; p++) {
            int r = perm[p];
            for (int c = 0; c < nNum; c++) {
                num[c][p] = srcNum[c][r];
            }
            for (int c = 0; c < nCat; c++) {
                cat[c][p] = srcCat[c][r];
            }
        }
    }

    int nodeCount() {
        return nodes;
    }

    /** The scaled query values of row {@code r} of {@code t}: numeric part. */
    double[] numericQuery(Table t, int r) {
        double[] q = new double[nNum];
        for (int c = 0; c < nNum; c++) {
            q[c] = t.num[numColumns[c]][r] / scale[c];
        }
        return q;
    }

    /** The query codes of row {@code r} of {@code t}: categorical part. */
    int[] categoricalQuery(Table t, int r) {
        int[] q = new int[nCat];
        for (int c = 0; c < nCat; c++) {
            q[c] = t.cat[catColumns[c]][r];
        }
        return q;
    }

    /**
     * The {@code k} nearest release rows of row {@code r} of {@code t}, nearest first (ties by lower
     * release row), with their distances in {@code distances} when it is not null.
     */
    int[] nearest(Table t, int r, int k, double[] distances) {
        Search s = new Search(numericQuery(t, r), categoricalQuery(t, r), Math.min(k, rowAt.length));
        s.visit(0);
        if (distances != null) {
            System.arraycopy(s.dist, 0, distances, 0, s.size);
        }
        return Arrays.copyOf(s.row, s.size);
    }

    /** The distance between a query row and a release row (for tests and brute-force checks). */
    double distance(Table t, int r, Table release, int releaseRow) {
        double d = 0;
        for (int c = 0; c < nNum; c++) {
            d += term(t.num[numColumns[c]][r] / scale[c], release.num[numColumns[c]][releaseRow] / scale[c]);
        }
        for (int c = 0; c < nCat; c++) {
            d += t.cat[catColumns[c]][r] == release.cat[catColumns[c]][releaseRow] ? 0 : 1;
        }
        return d;
    }

    private static double term(double q, double x) {
        if (Double.isNaN(q)) {
            return Double.isNaN(x) ? 0 : 1;
        }
        if (Double.isNaN(x)) {
            return 1;
        }
        return Math.abs(x - q);
    }

    /** One k-NN query: a bounded list of the best (distance, row) pairs, worst last. */
    private final class Search {
        final double[] q;
        final int[] qc;
        final int[] qslot;
        final int k;
        final double[] dist;
        final int[] row;
        int size;

        Search(double[] q, int[] qc, int k) {
            this.q = q;
            this.qc = qc;
            this.k = k;
            this.qslot = new int[qc.length];
            for (int c = 0; c < qc.length; c++) {
                qslot[c] = qc[c] + 1;
            }
            dist = new double[k];
            row = new int[k];
        }

        boolean pruned(double bound, int node) {
            if (size < k) {
                return false;
            }
            double worst = dist[k - 1];
            return bound > worst || (bound == worst && minRow[node] > row[k - 1]);
        }

        void visit(int node) {
            if (left[node] < 0) {
                scan(node);
                return;
            }
            int l = left[node];
            int rr = right[node];
            double bl = bound(l);
            double br = bound(rr);
            if (bl <= br) {
                if (!pruned(bl, l)) {
                    visit(l);
                }
                if (!pruned(br, rr)) {
                    visit(rr);
                }
            } else {
                if (!pruned(br, rr)) {
                    visit(rr);
                }
                if (!pruned(bl, l)) {
                    visit(l);
                }
            }
        }

        void scan(int node) {
            for (int p = start[node]; p < end[node]; p++) {
                double d = 0;
                for (int c = 0; c < nNum; c++) {
                    d += term(q[c], num[c][p]);
                }
                for (int c = 0; c < nCat; c++) {
                    if (cat[c][p] != qc[c]) {
                        d += 1;
                    }
                }
                offer(d, rowAt[p]);
            }
        }

        void offer(double d, int r) {
            if (size == k) {
                double worst = dist[k - 1];
                if (d > worst || (d == worst && r > row[k - 1])) {
                    return;
                }
                size--;
            }
            int i = size;
            while (i > 0 && (dist[i - 1] > d || (dist[i - 1] == d && row[i - 1] > r))) {
                dist[i] = dist[i - 1];
                row[i] = row[i - 1];
                i--;
            }
            dist[i] = d;
            row[i] = r;
            size++;
        }

        /** A lower bound of the distance from the query to every record of the node. */
        double bound(int node) {
            double b = 0;
            int base = node * nNum;
            for (int c = 0; c < nNum; c++) {
                double x = q[c];
                byte f = flags[base + c];
                if (Double.isNaN(x)) {
                    if ((f & HAS_MISSING) == 0) {
                        b += 1;
                    }
                } else if ((f & HAS_VALUE) == 0) {
                    b += 1;
                } else {
                    double l = lo[base + c];
                    double h = hi[base + c];
                    if (x < l) {
                        b += l - x;
                    } else if (x > h) {
                        b += x - h;
                    }
                }
            }
            int cbase = node * nCat;
            for (int c = 0; c < nCat; c++) {
                if (!contains(sets[cbase + c], qslot[c])) {
                    b += 1;
                }
            }
            return b;
        }
    }

    private static boolean contains(Object set, int slot) {
        if (set == null) {
            return true;
        }
        if (set instanceof int[] small) {
            for (int s : small) {
                if (s == slot) {
                    return true;
                }
            }
            return false;
        }
        long[] bits = (long[]) set;
        return (bits[slot >>> 6] & (1L << (slot & 63))) != 0;
    }

    /** Builds the tree by recursive splitting of perm[start, end). */
    private final class Builder {
        final int[] perm;
        final double[][] v;
        final int[][] codes;
        final ProgressMonitor monitor;
        final int[] tmp;
        final int[] counts;
        long placed;

        Builder(int[] perm, double[][] v, int[][] codes, ProgressMonitor monitor) {
            this.perm = perm;
            this.v = v;
            this.codes = codes;
            this.monitor = monitor;
            this.tmp = new int[perm.length];
            int maxSlots = 1;
            for (int s : slots) {
                maxSlots = Math.max(maxSlots, s);
            }
            this.counts = new int[maxSlots + 1];
        }

        int build(int s, int e) {
            int node = newNode(s, e);
            describe(node, s, e);
            if (e - s <= LEAF) {
                leaf(node, e - s);
                return node;
            }
            // choose the split
            double bestScore = 0;
            int bestCol = -1;
            boolean bestIsCat = false;
            for (int c = 0; c < nCat; c++) {
                double score = categoricalBalance(c, s, e);
                if (score > bestScore) {
                    bestScore = score;
                    bestCol = c;
                    bestIsCat = true;
                }
            }
            int base = node * nNum;
            for (int c = 0; c < nNum; c++) {
                double spread = (flags[base + c] & HAS_VALUE) != 0 ? hi[base + c] - lo[base + c] : 0;
                if ((flags[base + c] & HAS_MISSING) != 0 && (flags[base + c] & HAS_VALUE) != 0) {
                    spread = 1; // missing against present: a full unit
                }
                if (spread > bestScore) {
                    bestScore = spread;
                    bestCol = c;
                    bestIsCat = false;
                }
            }
            int mid;
            if (bestCol < 0) {
                // identical records: split by row so that ties still prune by their lowest row
                Arrays.sort(perm, s, e);
                mid = (s + e) >>> 1;
            } else if (bestIsCat) {
                mid = splitCategorical(bestCol, s, e);
            } else {
                mid = splitNumeric(bestCol, s, e);
            }
            int l = build(s, mid);
            int r = build(mid, e);
            left[node] = l;
            right[node] = r;
            return node;
        }

        private void leaf(int node, int size) {
            left[node] = -1;
            right[node] = -1;
            placed += size;
            if ((placed & 0xFFF) < size) {
                monitor.checkCancelled();
                monitor.update("evaluation.progress.neighbourIndex", placed, perm.length);
            }
        }

        /** 2 × the share of the smaller side of the most balanced cut between codes; 0 if one code. */
        private double categoricalBalance(int c, int s, int e) {
            int[] col = codes[c];
            int n = slots[c];
            Arrays.fill(counts, 0, n, 0);
            int distinct = 0;
            for (int p = s; p < e; p++) {
                int slot = col[perm[p]] + 1;
                if (counts[slot]++ == 0) {
                    distinct++;
                }
            }
            if (distinct < 2) {
                return 0;
            }
            int half = (e - s) / 2;
            int acc = 0;
            int bestSmaller = 0;
            for (int slot = 0; slot < n; slot++) {
                if (counts[slot] == 0) {
                    continue;
                }
                acc += counts[slot];
                int smaller = Math.min(acc, (e - s) - acc);
                if (smaller > bestSmaller) {
                    bestSmaller = smaller;
                }
                if (acc >= half) {
                    break;
                }
            }
            return 2.0 * bestSmaller / (e - s);
        }

        /** Counting sort of the range by code, cut at the code boundary nearest to the middle. */
        private int splitCategorical(int c, int s, int e) {
            int[] col = codes[c];
            int n = slots[c];
            Arrays.fill(counts, 0, n + 1, 0);
            for (int p = s; p < e; p++) {
                counts[col[perm[p]] + 2]++;
            }
            for (int i = 1; i <= n; i++) {
                counts[i] += counts[i - 1];
            }
            // counts[slot] is now the start offset of slot within the range
            int size = e - s;
            int half = size / 2;
            int cut = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int slot = 1; slot <= n; slot++) {
                int boundary = counts[slot];
                if (boundary <= 0 || boundary >= size) {
                    continue;
                }
                int gap = Math.abs(boundary - half);
                if (gap < bestGap) {
                    bestGap = gap;
                    cut = boundary;
                }
            }
            for (int p = s; p < e; p++) {
                int r = perm[p];
                tmp[s + counts[col[r] + 1]++] = r;
            }
            System.arraycopy(tmp, s, perm, s, size);
            return s + cut;
        }

        /** Orders the range by value (missing last, ties by row) and cuts at the median. */
        private int splitNumeric(int c, int s, int e) {
            double[] col = v[c];
            int size = e - s;
            int[] part = Arrays.copyOfRange(perm, s, e);
            int present = 0;
            for (int r : part) {
                if (!Double.isNaN(col[r])) {
                    part[present++] = r;
                }
            }
            int q = present;
            for (int p = s; p < e; p++) {
                if (Double.isNaN(col[perm[p]])) {
                    part[q++] = perm[p];
                }
            }
            int[] sorted = PredicateCounter.sortByValue(Arrays.copyOf(part, present), col);
            System.arraycopy(sorted, 0, perm, s, present);
            System.arraycopy(part, present, perm, s + present, size - present);
            if (present == size) {
                // cut at the boundary between two different values nearest to the median
                int mid = s + size / 2;
                int below = mid;
                while (below > s + 1 && col[perm[below - 1]] == col[perm[below]]) {
                    below--;
                }
                int above = mid;
                while (above < e - 1 && col[perm[above - 1]] == col[perm[above]]) {
                    above++;
                }
                boolean belowOk = col[perm[below - 1]] != col[perm[below]];
                boolean aboveOk = col[perm[above - 1]] != col[perm[above]];
                if (belowOk && (!aboveOk || mid - below <= above - mid)) {
                    return below;
                }
                return aboveOk ? above : mid;
            }
            if (present == 0) {
                return s + size / 2;
            }
            return s + present; // values | missing
        }

        private int newNode(int s, int e) {
            int id = nodes++;
            if (id >= start.length) {
                int cap = start.length * 2;
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                minRow = Arrays.copyOf(minRow, cap);
            }
            if ((long) (id + 1) * nNum > lo.length) {
                int cap = Math.max(64, start.length) * Math.max(1, nNum);
                lo = Arrays.copyOf(lo, cap);
                hi = Arrays.copyOf(hi, cap);
                flags = Arrays.copyOf(flags, cap);
            }
            if ((long) (id + 1) * nCat > sets.length) {
                sets = Arrays.copyOf(sets, Math.max(64, start.length) * Math.max(1, nCat));
            }
            start[id] = s;
            end[id] = e;
            return id;
        }

        /** Boxes, code sets and the lowest row of perm[s, e). */
        private void describe(int node, int s, int e) {
            int min = Integer.MAX_VALUE;
            for (int p = s; p < e; p++) {
                min = Math.min(min, perm[p]);
            }
            minRow[node] = min;
            int base = node * nNum;
            for (int c = 0; c < nNum; c++) {
                double l = Double.POSITIVE_INFINITY;
                double h = Double.NEGATIVE_INFINITY;
                byte f = 0;
                double[] col = v[c];
                for (int p = s; p < e; p++) {
                    double x = col[perm[p]];
                    if (Double.isNaN(x)) {
                        f |= HAS_MISSING;
                    } else {
                        f |= HAS_VALUE;
                        if (x < l) {
                            l = x;
                        }
                        if (x > h) {
                            h = x;
                        }
                    }
                }
                lo[base + c] = l;
                hi[base + c] = h;
                flags[base + c] = f;
            }
            int cbase = node * nCat;
            for (int c = 0; c < nCat; c++) {
                sets[cbase + c] = codeSet(c, s, e);
            }
        }

        private Object codeSet(int c, int s, int e) {
            int[] col = codes[c];
            int n = slots[c];
            int[] small = new int[SMALL_SET];
            int count = 0;
            for (int p = s; p < e && count <= SMALL_SET; p++) {
                int slot = col[perm[p]] + 1;
                boolean known = false;
                for (int i = 0; i < Math.min(count, SMALL_SET); i++) {
                    if (small[i] == slot) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    if (count < SMALL_SET) {
                        small[count] = slot;
                    }
                    count++;
                }
            }
            if (count <= SMALL_SET) {
                return Arrays.copyOf(small, count);
            }
            if (n > MAX_BITSET_SLOTS) {
                return null; // any code: no bound from this column
            }
            long[] bits = new long[(n + 63) >>> 6];
            for (int p = s; p < e; p++) {
                int slot = col[perm[p]] + 1;
                bits[slot >>> 6] |= 1L << (slot & 63);
            }
            return bits;
        }
    }
}
