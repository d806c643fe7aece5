package org.releaseauditor.core.risk;

// The grouping of release 0.1 (column-by-column refinement), kept as the test oracle of Partition.

import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * (Test oracle.) The equivalence classes of a dataset on a set of quasi-identifiers: every row gets a dense class
 * id, and every class its size. Built by refining column by column (class id × code → new id), so
 * a partition on QIs S ∪ {q} is one cheap {@link #refine} of the partition on S; the QI
 * contribution analysis relies on this. Memory: one {@code int} per row plus one per class.
 *
 * <p>Rows whose QI values are <em>all</em> suppressed ({@code *}) are not an equivalence class
 * (ARX issue #259): {@link #group} gives them class id {@code -1} and counts them in
 * {@link #suppressedRecords()}.
 */
final class LegacyPartition {
    private final int[] classOf;
    private final int[] sizes;
    private final int suppressedRecords;

    private LegacyPartition(int[] classOf, int[] sizes, int suppressedRecords) {
        this.classOf = classOf;
        this.sizes = sizes;
        this.suppressedRecords = suppressedRecords;
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

    /** Records whose quasi-identifiers are all suppressed; they belong to no class. */
    public int suppressedRecords() {
        return suppressedRecords;
    }

    /** Records in classes: n = Σ f_j. */
    public int classifiedRecords() {
        return classOf.length - suppressedRecords;
    }

    /** The partition of all rows into one class (no quasi-identifiers). */
    public static LegacyPartition single(int rows) {
        return new LegacyPartition(new int[rows], rows == 0 ? new int[0] : new int[] {rows}, 0);
    }

    /**
     * Groups the rows by the given quasi-identifier columns. MISSING and SUPPRESSED codes are
     * ordinary values here (the wildcard option is handled by the risk engine).
     */
    public static LegacyPartition group(List<Column> qis, ProgressMonitor monitor) {
        if (qis.isEmpty()) {
            throw new IllegalArgumentException("at least one quasi-identifier is required");
        }
        int rows = qis.get(0).size();
        LegacyPartition p = ofColumn(qis.get(0), monitor);
        for (int q = 1; q < qis.size(); q++) {
            monitor.update(org.releaseauditor.core.i18n.Messages.get("progress.grouping"), q, qis.size());
            p = p.refine(qis.get(q), monitor);
        }
        return p.excludeAllSuppressed(qis, rows);
    }

    /** The partition by one column. */
    public static LegacyPartition ofColumn(Column column, ProgressMonitor monitor) {
        int rows = column.size();
        int[] codes = column.codes();
        int[] classOf = new int[rows];
        // codes are >= -2: shift by 2 to get a dense non-negative id space
        int span = column.cardinality() + 2;
        int[] idOfCode = new int[span];
        java.util.Arrays.fill(idOfCode, -1);
        int next = 0;
        int[] counts = new int[Math.min(span, Math.max(1, rows))];
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int c = codes[r] + 2;
            int id = idOfCode[c];
            if (id < 0) {
                id = next++;
                idOfCode[c] = id;
            }
            classOf[r] = id;
            counts[id]++;
        }
        return new LegacyPartition(classOf, java.util.Arrays.copyOf(counts, next), 0);
    }

    /**
     * Refines this partition by one more column: rows stay together only if they share their class
     * and their code in {@code column}. Rows with class -1 stay at -1. New class ids are numbered
     * in order of each class's first row, as in {@link #ofColumn}.
     *
     * <p>No hashing: rows are bucketed by code (counting sort), and within each code bucket a row
     * opens a new class the first time its old class is seen there. A final pass renumbers the
     * classes by first row. O(rows + classes + codes), with sequential passes over the rows.
     */
    public LegacyPartition refine(Column column, ProgressMonitor monitor) {
        int rows = classOf.length;
        int[] codes = column.codes();
        int span = column.cardinality() + 2;
        // 1. bucket the classified rows by code
        int[] start = new int[span + 1];
        for (int r = 0; r < rows; r++) {
            if (classOf[r] >= 0) {
                start[codes[r] + 3]++;
            }
        }
        for (int b = 0; b < span; b++) {
            start[b + 1] += start[b];
        }
        int[] order = new int[start[span]];
        int[] fill = java.util.Arrays.copyOf(start, span);
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            if (classOf[r] >= 0) {
                order[fill[codes[r] + 2]++] = r;
            }
        }
        // 2. within each code bucket, one new class per old class
        int[] newClassOf = new int[rows];
        int[] lastBucket = new int[sizes.length];
        java.util.Arrays.fill(lastBucket, -1);
        int[] idOf = new int[sizes.length];
        int next = 0;
        for (int b = 0; b < span; b++) {
            for (int i = start[b], end = start[b + 1]; i < end; i++) {
                if ((i & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                    monitor.checkCancelled();
                }
                int r = order[i];
                int c = classOf[r];
                if (lastBucket[c] != b) {
                    lastBucket[c] = b;
                    idOf[c] = next++;
                }
                newClassOf[r] = idOf[c];
            }
        }
        // 3. renumber by first row and count
        int[] renumber = new int[next];
        java.util.Arrays.fill(renumber, -1);
        int[] counts = new int[next];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            if (classOf[r] < 0) {
                newClassOf[r] = -1;
                continue;
            }
            int id = newClassOf[r];
            int renumbered = renumber[id];
            if (renumbered < 0) {
                renumbered = k++;
                renumber[id] = renumbered;
            }
            newClassOf[r] = renumbered;
            counts[renumbered]++;
        }
        return new LegacyPartition(newClassOf, counts, suppressedRecords);
    }

    private LegacyPartition excludeAllSuppressed(List<Column> qis, int rows) {
        int suppressedClass = -1;
        for (int r = 0; r < rows && suppressedClass < 0; r++) {
            boolean all = true;
            for (Column c : qis) {
                if (c.code(r) != Column.SUPPRESSED) {
                    all = false;
                    break;
                }
            }
            if (all) {
                suppressedClass = classOf[r];
            }
        }
        if (suppressedClass < 0) {
            return this;
        }
        int removed = sizes[suppressedClass];
        int[] newSizes = new int[sizes.length - 1];
        for (int j = 0, k = 0; j < sizes.length; j++) {
            if (j != suppressedClass) {
                newSizes[k++] = sizes[j];
            }
        }
        int[] newClassOf = new int[rows];
        for (int r = 0; r < rows; r++) {
            int c = classOf[r];
            newClassOf[r] = c == suppressedClass ? -1 : (c > suppressedClass ? c - 1 : c);
        }
        return new LegacyPartition(newClassOf, newSizes, suppressedRecords + removed);
    }

    /**
     * The class-size histogram: ascending class sizes with the number of classes of each size.
     */
    public ClassSizeHistogram histogram() {
        return ClassSizeHistogram.of(sizes);
    }
}
