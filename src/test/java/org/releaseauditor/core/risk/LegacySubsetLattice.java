package org.releaseauditor.core.risk;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Depth-first walk over the non-empty subsets of a list of columns, up to a size limit, that
 * builds each subset's equivalence classes ({@link LegacyRowGroups}) with one refinement of its
 * parent's.
 *
 * <p>Subsets are bit masks (bit i = column i). The tree is: the children of S are S ∪ {v} for
 * every v below the smallest index in S, so a subset's parent is the subset without its smallest
 * column. Visiting children in increasing v gives the subsets in increasing numeric mask order
 * (of the internal column order, see below). Two consequences the callers rely on:
 * <ul>
 *   <li>every proper subset of S is visited before S (its mask is numerically smaller), which
 *       SUDA2 needs for its minimality test;</li>
 *   <li>only the groupings on the current root-to-node path are alive: at most
 *       {@code maxSize} of them, each at most one {@code int} per non-unique row.</li>
 * </ul>
 * MISSING and SUPPRESSED codes are ordinary values here; callers correct for them.
 *
 * <p>Internally the columns are walked in ascending order of cardinality, so that the largest
 * subtree (all subsets containing the last column) refines the most selective column first and
 * keeps few non-unique rows. Visitors always see masks in the callers' column order.
 */
// Release 0.1 implementation, kept unchanged (but renamed) as the test oracle of the new one.
final class LegacySubsetLattice {

    /** Largest number of columns (masks are {@code int}). */
    static final int MAX_COLUMNS = 30;
    /** Largest number of subsets one analysis may visit (keeps run time bounded). */
    static final long MAX_SUBSETS = 1L << 20;

    /** Receives each subset once, after all of its proper subsets. */
    interface Visitor {
        /**
         * @param mask      the subset (bit i = column i)
         * @param size      number of columns in the subset
         * @param groups    the rows grouped by the subset's columns; valid only during the call
         * @param scratch   holds the rows that became unique with this subset (not unique on its
         *                  parent, the subset without its first column); valid only during the call
         * @return whether to visit the subset's descendants in the walk tree
         */
        boolean visit(int mask, int size, LegacyRowGroups groups, LegacyRowGroups.Scratch scratch);
    }

    private final List<Column> columns;
    /** Internal column position → caller's column index. */
    private final int[] original;
    private final int maxSize;
    private final ProgressMonitor monitor;
    private final String phase;
    private final Visitor visitor;
    private final long total;
    private final LegacyRowGroups.Scratch scratch;
    private long done;

    private final boolean collectUniques;

    private LegacySubsetLattice(List<Column> columns, int maxSize, ProgressMonitor monitor, String phase,
            boolean collectUniques, Visitor visitor) {
        this.collectUniques = collectUniques;
        Integer[] byCardinality = new Integer[columns.size()];
        for (int i = 0; i < byCardinality.length; i++) {
            byCardinality[i] = i;
        }
        java.util.Arrays.sort(byCardinality,
                (a, b) -> Integer.compare(columns.get(a).cardinality(), columns.get(b).cardinality()));
        this.original = new int[byCardinality.length];
        List<Column> sorted = new java.util.ArrayList<>(byCardinality.length);
        for (int i = 0; i < byCardinality.length; i++) {
            original[i] = byCardinality[i];
            sorted.add(columns.get(byCardinality[i]));
        }
        this.columns = sorted;
        this.maxSize = maxSize;
        this.monitor = monitor;
        this.phase = phase;
        this.visitor = visitor;
        this.total = subsetCount(columns.size(), maxSize);
        int maxSpan = 2;
        for (Column c : columns) {
            maxSpan = Math.max(maxSpan, c.cardinality() + 2);
        }
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        this.scratch = new LegacyRowGroups.Scratch(rows, maxSpan);
    }

    /**
     * Visits every non-empty subset of {@code columns} with at most {@code maxSize} members.
     * Progress is reported once per subset; cancellation is checked per subset and inside each
     * refinement.
     *
     * @param collectUniques whether the visitor needs the rows that became unique
     */
    static void walk(List<Column> columns, int maxSize, ProgressMonitor monitor, String phase,
            boolean collectUniques, Visitor visitor) {
        LegacySubsetLattice walk = new LegacySubsetLattice(columns, maxSize, monitor, phase, collectUniques, visitor);
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        walk.children(0, columns.size(), LegacyRowGroups.all(rows), 0);
        monitor.update(phase, walk.total, walk.total);
    }

    private void children(int parentMask, int parentMin, LegacyRowGroups parent, int parentSize) {
        for (int v = 0; v < parentMin; v++) {
            monitor.checkCancelled();
            int mask = parentMask | (1 << v);
            int size = parentSize + 1;
            boolean hasChildren = v > 0 && size < maxSize;
            LegacyRowGroups p = parent.refine(columns.get(v), scratch, hasChildren, collectUniques, monitor);
            boolean descend = visitor.visit(toOriginal(mask), size, p, scratch);
            monitor.update(phase, ++done, total);
            if (descend && hasChildren) {
                children(mask, v, p, size);
            }
        }
    }

    private int toOriginal(int internalMask) {
        int mask = 0;
        for (int m = internalMask; m != 0; m &= m - 1) {
            mask |= 1 << original[Integer.numberOfTrailingZeros(m)];
        }
        return mask;
    }

    /** Σ_{s=1..maxSize} C(m, s), saturating at {@link Long#MAX_VALUE}. */
    static long subsetCount(int m, int maxSize) {
        long sum = 0;
        long c = 1; // C(m, 0)
        for (int s = 1; s <= Math.min(m, maxSize); s++) {
            c = c * (m - s + 1) / s; // exact: C(m,s) = C(m,s-1)·(m-s+1)/s, small m
            sum += c;
        }
        return sum;
    }

    /**
     * Checks the size of a subset analysis and throws a user-facing error when it is too large;
     * columns of different lengths are a programming error.
     *
     * @param what message argument naming the analysis
     */
    static void checkSize(String what, List<Column> columns, int maxSize) throws ConfigurationException {
        int columnCount = columns.size();
        if (columnCount > MAX_COLUMNS) {
            throw new ConfigurationException("risk.error.tooManyColumns", what, columnCount, MAX_COLUMNS);
        }
        for (Column c : columns) {
            if (c.size() != columns.get(0).size()) {
                throw new IllegalArgumentException("columns differ in length");
            }
        }
        long subsets = subsetCount(columnCount, maxSize);
        if (subsets > MAX_SUBSETS) {
            throw new ConfigurationException("risk.error.tooManySubsets", what, subsets, MAX_SUBSETS);
        }
    }

    /** The column indices of a mask, ascending. */
    static int[] indices(int mask) {
        int[] idx = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int m = mask; m != 0; m &= m - 1) {
            idx[k++] = Integer.numberOfTrailingZeros(m);
        }
        return idx;
    }

    /** Orders masks by size, then lexicographically by their ascending column indices. */
    static int compareBySizeThenIndices(int a, int b) {
        int c = Integer.compare(Integer.bitCount(a), Integer.bitCount(b));
        if (c != 0) {
            return c;
        }
        int x = a;
        int y = b;
        while (x != 0 && y != 0) {
            int i = Integer.numberOfTrailingZeros(x);
            int j = Integer.numberOfTrailingZeros(y);
            if (i != j) {
                return Integer.compare(i, j);
            }
            x &= x - 1;
            y &= y - 1;
        }
        return 0;
    }
}
