package org.releaseauditor.core.risk;

import java.util.Arrays;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The equivalence classes of one QI subset in the form the subset-lattice walk needs: only the
 * rows of classes with two or more records are kept, grouped class by class; records in classes
 * of size 1 (sample uniques) are only counted, because a refinement can never merge them with
 * anyone again. Deep in the lattice most records are unique, so each refinement touches fewer
 * rows than the last.
 *
 * <p>Refinement by one column splits every class with a per-class counting sort on the column's
 * codes (codes are small dense ints), so it needs no hash map and reads the rows of a class in
 * ascending order. {@link LegacyPartition#refine} is the general-purpose tool (one id per row, all rows
 * kept); this class exists because the walk visits up to 2^m subsets (see METRICS.md §1 and the
 * benchmark in {@code src/docs/metrics-microdata-extra.md}). MISSING and SUPPRESSED codes are
 * ordinary values here.
 */
// Release 0.1 implementation, kept unchanged (but renamed) as the test oracle of the new one.
final class LegacyRowGroups {

    /** Scratch arrays shared by all refinements of one walk; not thread-safe. */
    static final class Scratch {
        final int[] stamp;
        final int[] count;
        final int[] pos;
        final int[] distinct;
        /** Rows that became unique in the last refinement (valid until the next one). */
        final int[] newUniques;
        int newUniqueCount;
        /** The shifted code of {@code order[i]} at index i, read once per refinement. */
        final int[] codeOf;
        private int block;
        private int sinceCheck;

        Scratch(int rows, int maxSpan) {
            stamp = new int[maxSpan];
            count = new int[maxSpan];
            pos = new int[maxSpan];
            distinct = new int[maxSpan];
            newUniques = new int[Math.max(1, rows)];
            codeOf = new int[Math.max(1, rows)];
            Arrays.fill(stamp, -1);
        }
    }

    /** n: all rows, unique or not. */
    final int rows;
    /** Rows of classes of size ≥ 2, class by class, ascending within a class. */
    private final int[] order;
    /** Class k holds {@code order[start[k]] .. order[start[k+1]-1]}. */
    private final int[] start;
    /** Number of classes of size ≥ 2. */
    final int sharedClasses;
    /** Number of rows in classes of size 1. */
    final long uniques;
    /** Σ C(f,2) over all classes. */
    final long samePairs;

    private LegacyRowGroups(int rows, int[] order, int[] start, int sharedClasses, long uniques, long samePairs) {
        this.rows = rows;
        this.order = order;
        this.start = start;
        this.sharedClasses = sharedClasses;
        this.uniques = uniques;
        this.samePairs = samePairs;
    }

    /**
     * All rows in one class (the empty QI set). A single row is kept as a class too: the empty set
     * is never a subset of interest, so its row must become unique at the first column.
     */
    static LegacyRowGroups all(int rows) {
        if (rows == 0) {
            return new LegacyRowGroups(0, new int[0], new int[] {0}, 0, 0, 0);
        }
        int[] order = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = r;
        }
        return new LegacyRowGroups(rows, order, new int[] {0, rows}, 1, 0, LegacyQiContributionAnalysis.pairs(rows));
    }

    /** Number of equivalence classes J (unique records are classes of their own). */
    long classes() {
        return sharedClasses + uniques;
    }

    /**
     * Splits every class by the codes of {@code column}.
     *
     * @param keepRows       whether the result will be refined further; when not, it holds only
     *                       the counts (a leaf of the walk)
     * @param collectUniques whether to leave the rows that become unique in
     *                       {@code scratch.newUniques[0 .. scratch.newUniqueCount)}
     */
    LegacyRowGroups refine(Column column, Scratch scratch, boolean keepRows, boolean collectUniques,
            ProgressMonitor monitor) {
        int[] codes = column.codes();
        int length = start[sharedClasses];
        int[] newOrder = keepRows ? new int[length] : null;
        int[] newStart = keepRows ? new int[length / 2 + 1] : null;
        int out = 0;
        int classes = 0;
        long newUniques = 0;
        long pairs = 0;
        scratch.newUniqueCount = 0;
        int[] stamp = scratch.stamp;
        int[] count = scratch.count;
        int[] pos = scratch.pos;
        int[] distinct = scratch.distinct;
        int[] codeOf = scratch.codeOf;
        for (int k = 0; k < sharedClasses; k++) {
            int from = start[k];
            int to = start[k + 1];
            scratch.sinceCheck += to - from;
            if (scratch.sinceCheck >= ProgressMonitor.CHECK_INTERVAL) {
                scratch.sinceCheck = 0;
                monitor.checkCancelled();
            }
            int block = ++scratch.block;
            int d = 0;
            for (int i = from; i < to; i++) {
                int c = codes[order[i]] + 2;
                codeOf[i] = c;
                if (stamp[c] != block) {
                    stamp[c] = block;
                    count[c] = 0;
                    distinct[d++] = c;
                }
                count[c]++;
            }
            for (int j = 0; j < d; j++) {
                int c = distinct[j];
                int f = count[c];
                if (f == 1) {
                    newUniques++;
                    pos[c] = -1;
                } else {
                    if (keepRows) {
                        newStart[classes] = out;
                    }
                    classes++;
                    pos[c] = out;
                    out += f;
                    pairs += LegacyQiContributionAnalysis.pairs(f);
                }
            }
            if (d == to - from) { // every row of the class becomes unique
                if (collectUniques) {
                    System.arraycopy(order, from, scratch.newUniques, scratch.newUniqueCount, d);
                    scratch.newUniqueCount += d;
                }
                continue;
            }
            if (!keepRows && !collectUniques) {
                continue;
            }
            for (int i = from; i < to; i++) {
                int row = order[i];
                int c = codeOf[i];
                int p = pos[c];
                if (p < 0) {
                    if (collectUniques) {
                        scratch.newUniques[scratch.newUniqueCount++] = row;
                    }
                } else if (keepRows) {
                    newOrder[p] = row;
                    pos[c] = p + 1;
                }
            }
        }
        if (!keepRows) {
            return new LegacyRowGroups(rows, new int[0], new int[] {0}, classes, uniques + newUniques, pairs);
        }
        newStart[classes] = out;
        if (out < length / 2) {
            newOrder = Arrays.copyOf(newOrder, out);
        }
        if (classes + 1 < newStart.length / 2) {
            newStart = Arrays.copyOf(newStart, classes + 1);
        }
        return new LegacyRowGroups(rows, newOrder, newStart, classes, uniques + newUniques, pairs);
    }
}
