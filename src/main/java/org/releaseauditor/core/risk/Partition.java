package org.releaseauditor.core.risk;

import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnCodes;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The equivalence classes of a dataset on a set of quasi-identifiers: every row gets a dense class
 * id (classes numbered in order of their first row), and every class its size and first row.
 * Memory: one {@code int} per row plus two per class.
 *
 * <p>{@link #group} packs each row's codes into a 63-bit key (several rounds when the columns'
 * combined code space is larger: the class ids of one round become a digit of the next) and groups
 * the keys with {@link Grouping}: in parallel by hash partitions, merged so that the result is the
 * same as on one thread. The last partition of a column list is kept (softly) and returned again
 * for the same columns, so the analyses of one run group once.
 *
 * <p>Rows whose QI values are <em>all</em> suppressed ({@code *}) are not an equivalence class
 * (ARX issue #259): {@link #group} gives them class id {@code -1} and counts them in
 * {@link #suppressedRecords()}.
 */
public final class Partition {
    /** Largest key space (product of the columns' code spans) packed into one round. */
    static final long KEY_LIMIT = 1L << 62;

    private static volatile CacheEntry last;

    private final int[] classOf;
    private final int[] sizes;
    private final int[] firstRow;
    private final int suppressedRecords;

    private Partition(int[] classOf, int[] sizes, int[] firstRow, int suppressedRecords) {
        this.classOf = classOf;
        this.sizes = sizes;
        this.firstRow = firstRow;
        this.suppressedRecords = suppressedRecords;
    }

    private Partition(Grouping.Result g, int suppressedRecords) {
        this(g.classOf(), g.sizes(), g.firstRow(), suppressedRecords);
    }

    /** Number of rows (including all-suppressed ones). */
    public int rowCount() {
        return classOf.length;
    }

    /** Number of equivalence classes J (all-suppressed rows excluded). */
    public int classCount() {
        return sizes.length;
    }

    /** Class id of a row, or -1 for an all-suppressed row. */
    public int classOf(int row) {
        return classOf[row];
    }

    /** The backing per-row class-id array; do not modify. */
    public int[] classIds() {
        return classOf;
    }

    /** Size f_j of class j. */
    public int size(int classId) {
        return sizes[classId];
    }

    /** The backing class-size array; do not modify. */
    public int[] sizes() {
        return sizes;
    }

    /** The first row of each class (ascending, as classes are numbered by first row); do not modify. */
    public int[] firstRows() {
        return firstRow;
    }

    /** Records whose quasi-identifiers are all suppressed; they belong to no class. */
    public int suppressedRecords() {
        return suppressedRecords;
    }

    /** Records in classes: n = Σ f_j. */
    public int classifiedRecords() {
        return classOf.length - suppressedRecords;
    }

    /** The partition of all rows into one class (no quasi-identifiers). */
    public static Partition single(int rows) {
        return new Partition(new int[rows], rows == 0 ? new int[0] : new int[] {rows},
                rows == 0 ? new int[0] : new int[] {0}, 0);
    }

    /**
     * Groups the rows by the given quasi-identifier columns with every core. MISSING and
     * SUPPRESSED codes are ordinary values here (the wildcard option is handled by the risk
     * engine).
     */
    public static Partition group(List<Column> qis, ProgressMonitor monitor) {
        return group(qis, monitor, Workers.defaults());
    }

    /** {@link #group(List, ProgressMonitor)} on the given workers. */
    public static Partition group(List<Column> qis, ProgressMonitor monitor, Workers workers) {
        if (qis.isEmpty()) {
            throw new IllegalArgumentException("at least one quasi-identifier is required");
        }
        CacheEntry cached = last;
        if (cached != null) {
            Partition hit = cached.get(qis);
            if (hit != null) {
                return hit;
            }
        }
        int rows = qis.get(0).size();
        for (Column c : qis) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("columns differ in length");
            }
        }
        monitor.update(Messages.get("progress.grouping"), 0, qis.size());
        Partition p = groupUncached(qis, rows, monitor, workers, KEY_LIMIT, Grouping.PARALLEL_MIN_ROWS,
                Grouping.DENSE_LIMIT, 0);
        last = new CacheEntry(qis, p);
        return p;
    }

    /** Grouping without the cache, with the thresholds of every path (tests force each one). */
    static Partition groupUncached(List<Column> qis, int rows, ProgressMonitor monitor, Workers workers,
            long keyLimit, int parallelMinRows, long denseLimit, long batchBytes) {
        int[] prev = null;
        long prevSpan = 1;
        int zeroClass = 0; // class of the rows suppressed in every column so far (-1: none); 0 before round 1
        int next = 0;
        while (true) {
            int from = next;
            long space = prevSpan;
            while (next < qis.size() && (next == from || space <= keyLimit / (qis.get(next).cardinality() + 2L))) {
                space *= qis.get(next).cardinality() + 2L;
                next++;
            }
            boolean lastRound = next == qis.size();
            // rows suppressed in every column so far: previous all-suppressed class, then zeros
            long zeroKey = zeroClass < 0 ? -2 : (long) zeroClass * (space / prevSpan);
            RowKeys keys = new RowKeys(qis.subList(from, next), prev, zeroKey, lastRound);
            Grouping.Result g = Grouping.group(rows, keys, space, workers, monitor, parallelMinRows, denseLimit,
                    batchBytes);
            monitor.update(Messages.get("progress.grouping"), next, qis.size());
            if (lastRound) {
                return new Partition(g, rows - sum(g.sizes()));
            }
            int zeroRow = keys.zeroRow();
            zeroClass = zeroRow < rows ? g.classOf()[zeroRow] : -1;
            prev = g.classOf();
            prevSpan = g.sizes().length;
        }
    }

    private static int sum(int[] a) {
        long s = 0;
        for (int v : a) {
            s += v;
        }
        return (int) s;
    }

    /** The partition by one column (codes of their own, missing and suppressed included). */
    public static Partition ofColumn(Column column, ProgressMonitor monitor) {
        return ofColumn(column, monitor, Workers.defaults());
    }

    static Partition ofColumn(Column column, ProgressMonitor monitor, Workers workers) {
        RowKeys keys = new RowKeys(List.of(column), null, -2, false);
        return new Partition(Grouping.group(column.size(), keys, column.cardinality() + 2L, workers, monitor), 0);
    }

    /**
     * Refines this partition by one more column: rows stay together only if they share their class
     * and their code in {@code column}. Rows with class -1 stay at -1. New class ids are numbered
     * in order of each class's first row, as in {@link #group}.
     */
    public Partition refine(Column column, ProgressMonitor monitor) {
        return refine(column, monitor, Workers.defaults());
    }

    /** {@link #refine(Column, ProgressMonitor)} on the given workers. */
    public Partition refine(Column column, ProgressMonitor monitor, Workers workers) {
        int[] ids = classOf;
        ColumnCodes codes = column.compactCodes();
        long span = column.cardinality() + 2L;
        Grouping.Keys keys = (from, to, dst) -> {
            int[] buf = new int[to - from];
            codes.shifted(from, to, buf, 0);
            for (int r = from; r < to; r++) {
                int c = ids[r];
                dst[r - from] = c < 0 ? Grouping.EXCLUDED : c * span + buf[r - from];
            }
        };
        Grouping.Result g = Grouping.group(ids.length, keys, Math.max(1, sizes.length) * span, workers, monitor);
        return new Partition(g, suppressedRecords);
    }

    /**
     * Row keys of one grouping round: the previous round's class id (if any) followed by the
     * shifted codes of the columns, as digits of a mixed-radix number. Remembers the first row
     * whose key is {@code zeroKey} (suppressed in every column so far) and, in the last round,
     * excludes those rows.
     */
    private static final class RowKeys implements Grouping.Keys {
        private final ColumnCodes[] codes;
        private final long[] spans;
        private final int[] prev;
        private final long zeroKey;
        private final boolean excludeZero;
        private final java.util.concurrent.atomic.AtomicInteger zeroRow =
                new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);

        RowKeys(List<Column> columns, int[] prev, long zeroKey, boolean excludeZero) {
            this.codes = new ColumnCodes[columns.size()];
            this.spans = new long[columns.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = columns.get(i).compactCodes();
                spans[i] = columns.get(i).cardinality() + 2L;
            }
            this.prev = prev;
            this.zeroKey = zeroKey;
            this.excludeZero = excludeZero;
        }

        @Override
        public void keys(int from, int to, long[] dst) {
            int len = to - from;
            int[] buf = new int[len];
            if (prev == null) {
                Arrays.fill(dst, 0, len, 0L);
            } else {
                for (int k = 0; k < len; k++) {
                    dst[k] = prev[from + k];
                }
            }
            for (int i = 0; i < codes.length; i++) {
                codes[i].shifted(from, to, buf, 0);
                long span = spans[i];
                for (int k = 0; k < len; k++) {
                    dst[k] = dst[k] * span + buf[k];
                }
            }
            if (zeroKey < 0) {
                return;
            }
            for (int k = 0; k < len; k++) {
                if (dst[k] == zeroKey) {
                    int r = from + k;
                    if (r < zeroRow.get()) {
                        zeroRow.accumulateAndGet(r, Math::min);
                    }
                    if (excludeZero) {
                        dst[k] = Grouping.EXCLUDED;
                    }
                }
            }
        }

        /** The first row suppressed in every column so far, or {@link Integer#MAX_VALUE}. */
        int zeroRow() {
            return zeroRow.get();
        }
    }

    /** The last grouping, softly held, with weak references to its columns. */
    private static final class CacheEntry {
        private final List<WeakReference<Column>> columns;
        private final SoftReference<Partition> partition;

        CacheEntry(List<Column> qis, Partition p) {
            List<WeakReference<Column>> refs = new ArrayList<>(qis.size());
            for (Column c : qis) {
                refs.add(new WeakReference<>(c));
            }
            this.columns = refs;
            this.partition = new SoftReference<>(p);
        }

        Partition get(List<Column> qis) {
            if (qis.size() != columns.size()) {
                return null;
            }
            for (int i = 0; i < qis.size(); i++) {
                if (columns.get(i).get() != qis.get(i)) {
                    return null;
                }
            }
            return partition.get();
        }
    }

    /**
     * The class-size histogram: ascending class sizes with the number of classes of each size.
     */
    public ClassSizeHistogram histogram() {
        return ClassSizeHistogram.of(sizes);
    }
}
