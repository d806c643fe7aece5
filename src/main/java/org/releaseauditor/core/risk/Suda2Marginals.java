package org.releaseauditor.core.risk;

import java.util.concurrent.atomic.AtomicInteger;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * SUDA2's minimal sample uniques read off the dense count tables of the QI power set
 * ({@link MarginalLattice}), when that lattice counts every subset of up to the MSU size limit in a
 * dense table: the same tables then serve both measures, and SUDA2 needs no search of its own.
 *
 * <p>A cell of the table of a variable subset S is an itemset: one value per variable of S. The
 * lattice adds {@code (row << 32) + weight} for every class row, so a cell holds its support in
 * records (low 32 bits) and, when the support is 1, the class row of its only record (high 32
 * bits). An itemset I on S is an MSU of that record exactly when
 * <ul>
 *   <li>every value of I is an item (not missing or suppressed; see {@link Suda2}),</li>
 *   <li>its support is 1, and</li>
 *   <li>for every variable v of S (when |S| &gt; 1), the itemset I without v has a support of at
 *       least 2.</li>
 * </ul>
 * The last condition suffices for minimality: a unique proper subset of I would make the itemsets
 * between it and I, among them some I without v, unique too. This is the definition the recursive
 * search ({@link Suda2Search}) implements, so both give the same MSUs, and the same scores, which
 * are sums of exact integers.
 *
 * <p>Use: the caller creates one with the key variables' count and the MSU size limit and hands it
 * to the QI contribution; the lattice {@link #prepare prepares} it, passes it every table of up to
 * {@link #maxSize} variables ({@link #accept}), or {@link #abandon abandons} it when it cannot
 * (a table too large to be dense, the prefix tree instead of the lattice). {@link Suda2} then uses
 * it when it is {@link #complete}, and otherwise searches. Memory: one bit a cell of the tables
 * below the size limit, and two ints for each unique itemset.
 */
final class Suda2Marginals {

    /** Largest MSU size. */
    final int maxSize;
    private final int m;
    private final QiContributionLattice.SubsetIndex index;
    /** Per subset (below the size limit): a bit per cell, set when the itemset's support is at least 2. */
    private final long[][] shared;
    /** Per subset: the cell and class row of each unique itemset of items, interleaved. */
    private final int[][] unique;
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean usable = true;
    /** Per column: renumbered codes that occur. */
    private long[] card;
    /** Per column: whether a renumbered code is an item (a value, not missing or suppressed). */
    private boolean[][] item;
    /** The first record of each class row of the lattice's table. */
    private int[] firstRow;

    /**
     * @param m       number of key variables (the columns of the lattice, in the same order)
     * @param maxSize largest MSU size (1 .. m)
     */
    Suda2Marginals(int m, int maxSize) {
        this.m = m;
        this.maxSize = maxSize;
        this.index = new QiContributionLattice.SubsetIndex(m, maxSize);
        this.shared = new long[index.size()][];
        this.unique = new int[index.size()][];
    }

    /** Whether the lattice should pass the table of {@code mask} (and keep it dense). */
    boolean wants(int mask) {
        return usable && Integer.bitCount(mask) <= maxSize;
    }

    /** The lattice cannot provide every table: SUDA2 will search instead. */
    void abandon() {
        usable = false;
    }

    /**
     * The lattice's coding of the table: per column the renumbered code of each shifted code (−1
     * when it does not occur) and the count of renumbered codes, and each class row's first record.
     */
    void prepare(int[][] remap, long[] card, int[] firstRow) {
        this.card = card.clone();
        this.firstRow = firstRow;
        item = new boolean[m][];
        for (int c = 0; c < m; c++) {
            item[c] = new boolean[(int) card[c]];
            for (int shifted = 2; shifted < remap[c].length; shifted++) { // 0 suppressed, 1 missing
                if (remap[c][shifted] >= 0) {
                    item[c][remap[c][shifted]] = true;
                }
            }
        }
    }

    /**
     * Records the unique itemsets of the dense table of {@code mask} (its first {@code n} cells, in
     * the lattice's order: the first column most significant) and, below the size limit, which
     * itemsets are shared. The table is not kept.
     */
    void accept(int mask, long[] cells, int n, ProgressMonitor monitor) {
        int k = index.indexOf(mask);
        int[] cols = SubsetLattice.indices(mask);
        long[] bits = Integer.bitCount(mask) < maxSize ? new long[(n + 63) >>> 6] : null;
        int[] found = new int[64];
        int count = 0;
        for (int c = 0; c < n; c++) {
            int support = (int) cells[c];
            if (support >= 2) {
                if (bits != null) {
                    bits[c >>> 6] |= 1L << c;
                }
            } else if (support == 1 && allItems(c, cols)) {
                if (count + 2 > found.length) {
                    found = java.util.Arrays.copyOf(found, found.length * 2);
                }
                found[count++] = c;
                found[count++] = (int) (cells[c] >>> 32);
            }
            if ((c & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
        }
        shared[k] = bits;
        unique[k] = java.util.Arrays.copyOf(found, count);
        accepted.incrementAndGet();
    }

    private boolean allItems(int cell, int[] cols) {
        int rest = cell;
        for (int i = cols.length - 1; i >= 0; i--) {
            int d = (int) card[cols[i]];
            if (!item[cols[i]][rest % d]) {
                return false;
            }
            rest /= d;
        }
        return true;
    }

    /** Whether every table of up to {@link #maxSize} variables has arrived. */
    boolean complete() {
        return usable && accepted.get() == index.size();
    }

    /**
     * Fills the tallies of {@code out} (whose arrays are allocated) and returns the records with an
     * MSU and their scores, the sums of their MSUs' weights. Releases the tables.
     */
    Suda2.Positive apply(Suda2.Tallies out, ProgressMonitor monitor) {
        double[] weightOfSize = new double[maxSize + 1];
        for (int s = 1; s <= maxSize; s++) {
            weightOfSize[s] = Suda2.factorial(m - s);
        }
        long msus = 0;
        // per MSU: its record (high 32 bits) and size (low bits), summed per record at the end
        long[] found = new long[1024];
        int[] digit = new int[maxSize];
        for (int k = 0; k < index.size(); k++) {
            monitor.checkCancelled();
            int mask = index.mask(k);
            int[] cols = SubsetLattice.indices(mask);
            int size = cols.length;
            // per variable of S: the table of S without it, and the radix of each remaining column there
            long[][] without = new long[size][];
            for (int i = 0; i < size && size > 1; i++) {
                without[i] = shared[index.indexOf(mask & ~(1 << cols[i]))];
            }
            int[] u = unique[k];
            for (int e = 0; e < u.length; e += 2) {
                int rest = u[e];
                for (int i = size - 1; i >= 0; i--) {
                    int d = (int) card[cols[i]];
                    digit[i] = rest % d;
                    rest /= d;
                }
                boolean minimal = true;
                for (int i = 0; i < size && size > 1 && minimal; i++) {
                    int cell = 0;
                    for (int j = 0; j < size; j++) {
                        if (j != i) {
                            cell = cell * (int) card[cols[j]] + digit[j];
                        }
                    }
                    minimal = (without[i][cell >>> 6] & (1L << cell)) != 0;
                }
                if (!minimal) {
                    continue;
                }
                double weight = weightOfSize[size];
                out.msusBySize[size - 1]++;
                for (int c : cols) {
                    out.msusWithVariable[c]++;
                    out.weightWithVariable[c] += weight;
                }
                if (msus == found.length) {
                    found = java.util.Arrays.copyOf(found, found.length * 2);
                }
                found[(int) msus++] = (long) firstRow[u[e + 1]] << 32 | size;
            }
        }
        java.util.Arrays.fill(shared, null);
        java.util.Arrays.fill(unique, null);
        usable = false;
        out.msus = msus;
        // the scores are sums of whole numbers (exact in a double), so the order of adding is free
        java.util.Arrays.sort(found, 0, (int) msus);
        int[] records = new int[(int) msus];
        double[] scores = new double[(int) msus];
        int n = 0;
        for (int i = 0; i < msus; i++) {
            int record = (int) (found[i] >>> 32);
            double weight = weightOfSize[(int) found[i] & 0xFF];
            if (n > 0 && records[n - 1] == record) {
                scores[n - 1] += weight;
            } else {
                records[n] = record;
                scores[n++] = weight;
            }
        }
        return new Suda2.Positive(java.util.Arrays.copyOf(records, n), java.util.Arrays.copyOf(scores, n));
    }
}
