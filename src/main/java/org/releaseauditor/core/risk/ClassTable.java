package org.releaseauditor.core.risk;

import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnCodes;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The equivalence classes of all quasi-identifiers as a small table: one row per class, with the
 * class's code in every column and its size as weight. Coarser groupings (fewer columns) are sums
 * over these rows, so the QI-contribution lattice and SUDA2 work on J class rows instead of n
 * records, reading compact columns sequentially. Codes are stored shifted by 2 (0 = suppressed,
 * 1 = missing, 2.. = values), one or two bytes a cell where the column allows.
 *
 * <p>Optionally the rows that are suppressed in every column (not a class of the partition, ARX
 * issue #259) are added as one more row whose codes are all 0; the lattice counts them and then
 * leaves them out per subset, exactly as for the records themselves.
 */
final class ClassTable {

    /** Number of rows (classes, plus the all-suppressed row when included). */
    final int rows;
    /** Codes per column, in the columns' given order. */
    final Codes[] cols;
    /** Code span (cardinality + 2) per column. */
    final int[] spans;
    /** Records per row. */
    final int[] weights;
    /** The first record of each row's class; -1 for the all-suppressed row. */
    final int[] firstRow;

    private ClassTable(int rows, Codes[] cols, int[] spans, int[] weights, int[] firstRow) {
        this.rows = rows;
        this.cols = cols;
        this.spans = spans;
        this.weights = weights;
        this.firstRow = firstRow;
    }

    /** Bytes of one row of a class table of these columns (codes, weight, first record). */
    static long bytesPerRow(List<Column> qis) {
        long bytes = 8;
        for (Column c : qis) {
            int span = c.cardinality() + 2;
            bytes += span <= 256 ? 1 : span <= 65536 ? 2 : 4;
        }
        return bytes;
    }

    /**
     * The class table of a partition of the records by {@code qis}.
     *
     * @param includeSuppressed whether to add the all-suppressed records as a row
     */
    static ClassTable of(List<Column> qis, Partition p, boolean includeSuppressed, Workers workers,
            ProgressMonitor monitor) {
        int classes = p.classCount();
        boolean extra = includeSuppressed && p.suppressedRecords() > 0;
        int rows = classes + (extra ? 1 : 0);
        int[] first = p.firstRows();
        int[] weights = new int[rows];
        int[] firstRow = new int[rows];
        System.arraycopy(p.sizes(), 0, weights, 0, classes);
        System.arraycopy(first, 0, firstRow, 0, classes);
        if (extra) {
            weights[classes] = p.suppressedRecords();
            firstRow[classes] = -1;
        }
        int m = qis.size();
        Codes[] cols = new Codes[m];
        int[] spans = new int[m];
        for (int c = 0; c < m; c++) {
            spans[c] = qis.get(c).cardinality() + 2;
            cols[c] = Codes.allocate(rows, spans[c]);
        }
        int chunks = workers.tasks((long) classes * m, 1 << 16);
        workers.forEach(chunks, t -> {
            int from = (int) ((long) classes * t / chunks);
            int to = (int) ((long) classes * (t + 1) / chunks);
            for (int c = 0; c < m; c++) {
                monitor.checkCancelled();
                ColumnCodes codes = qis.get(c).compactCodes();
                Codes out = cols[c];
                for (int j = from; j < to; j++) {
                    out.set(j, codes.shifted(first[j]));
                }
            }
        });
        // the all-suppressed row: codes 0 (allocated zeroed)
        return new ClassTable(rows, cols, spans, weights, firstRow);
    }

    /**
     * A column of shifted codes in the narrowest array its span allows. Read and written by index;
     * {@link #scatter} copies rows into a new order.
     */
    static final class Codes {
        final byte[] b;
        final short[] s;
        final int[] i;

        private Codes(byte[] b, short[] s, int[] i) {
            this.b = b;
            this.s = s;
            this.i = i;
        }

        static Codes allocate(int n, int span) {
            if (span <= 256) {
                return new Codes(new byte[n], null, null);
            }
            if (span <= 65536) {
                return new Codes(null, new short[n], null);
            }
            return new Codes(null, null, new int[n]);
        }

        /** A new column of the same width. */
        Codes like(int n) {
            return b != null ? new Codes(new byte[n], null, null)
                    : s != null ? new Codes(null, new short[n], null) : new Codes(null, null, new int[n]);
        }

        int get(int k) {
            if (b != null) {
                return b[k] & 0xFF;
            }
            if (s != null) {
                return s[k] & 0xFFFF;
            }
            return i[k];
        }

        void set(int k, int v) {
            if (b != null) {
                b[k] = (byte) v;
            } else if (s != null) {
                s[k] = (short) v;
            } else {
                i[k] = v;
            }
        }

        /** Reads rows [from, to) into {@code dst[0 ..]}. */
        void read(int from, int to, int[] dst) {
            if (b != null) {
                for (int k = from; k < to; k++) {
                    dst[k - from] = b[k] & 0xFF;
                }
            } else if (s != null) {
                for (int k = from; k < to; k++) {
                    dst[k - from] = s[k] & 0xFFFF;
                }
            } else {
                System.arraycopy(i, from, dst, 0, to - from);
            }
        }

        /** {@code dst[pos[k]] = this[from + k]} for k in [0, to - from). */
        void scatter(int from, int to, int[] pos, Codes dst, int dstOffset) {
            if (b != null) {
                byte[] out = dst.b;
                for (int k = from; k < to; k++) {
                    out[dstOffset + pos[k - from]] = b[k];
                }
            } else if (s != null) {
                short[] out = dst.s;
                for (int k = from; k < to; k++) {
                    out[dstOffset + pos[k - from]] = s[k];
                }
            } else {
                int[] out = dst.i;
                for (int k = from; k < to; k++) {
                    out[dstOffset + pos[k - from]] = i[k];
                }
            }
        }
        /**
         * Copies the rows {@code from..to-1} (through {@code ix} when not null) of the columns
         * {@code first..src.length-1} into {@code dst}: row i goes to {@code target[i - base]},
         * unless that is negative (the row is dropped).
         */
        static void copyKept(Codes[] src, Codes[] dst, int first, int[] ix, int[] target, int base, int from,
                int to) {
            for (int p = first; p < src.length; p++) {
                Codes in = src[p];
                Codes out = dst[p];
                if (ix == null && in.b != null) {
                    byte[] sb = in.b;
                    byte[] db = out.b;
                    for (int i = from; i < to; i++) {
                        int t = target[i - base];
                        if (t >= 0) {
                            db[t] = sb[i];
                        }
                    }
                    continue;
                }
                for (int i = from; i < to; i++) {
                    int t = target[i - base];
                    if (t >= 0) {
                        out.set(t, in.get(ix == null ? i : ix[i]));
                    }
                }
            }
        }
    }
}
