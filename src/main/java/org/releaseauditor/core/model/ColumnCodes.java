package org.releaseauditor.core.model;

/**
 * The per-row codes of one {@link Column}, stored as compactly as the column's cardinality allows:
 * one byte a row for up to 253 distinct values, two bytes for up to 65,533, four bytes beyond.
 * Narrow widths store {@code code + 2} unsigned (so {@link Column#SUPPRESSED} = -2 becomes 0 and
 * {@link Column#MISSING} = -1 becomes 1); the int width stores the code itself. At 8 typical
 * quasi-identifiers this is 8 bytes a row instead of 32.
 *
 * <p>Hot loops read blocks with {@link #shifted(int, int, int[], int)}, which decodes a range of
 * rows into an {@code int[]} of {@code code + 2} values in [0, cardinality + 2). Immutable once
 * built.
 */
public final class ColumnCodes {

    /** Largest cardinality stored in one byte a row (codes + 2 must fit in 0..255). */
    public static final int MAX_BYTE_CARDINALITY = 254;
    /** Largest cardinality stored in two bytes a row. */
    public static final int MAX_SHORT_CARDINALITY = 65534;

    private final byte[] bytes;
    private final short[] shorts;
    private final int[] ints;
    private final int size;

    ColumnCodes(byte[] bytes, short[] shorts, int[] ints, int size) {
        this.bytes = bytes;
        this.shorts = shorts;
        this.ints = ints;
        this.size = size;
    }

    /**
     * Compacts the first {@code size} codes of {@code codes} for a column of the given cardinality.
     *
     * @throws IllegalArgumentException when a code is below -2 or not below the cardinality
     */
    public static ColumnCodes of(int[] codes, int size, int cardinality) {
        if (size > codes.length) {
            throw new IllegalArgumentException("size exceeds codes");
        }
        for (int r = 0; r < size; r++) {
            int c = codes[r];
            if (c < Column.SUPPRESSED || c >= cardinality) {
                throw new IllegalArgumentException("code " + c + " out of range at row " + r);
            }
        }
        if (cardinality <= MAX_BYTE_CARDINALITY) {
            byte[] b = new byte[size];
            for (int r = 0; r < size; r++) {
                b[r] = (byte) (codes[r] + 2);
            }
            return new ColumnCodes(b, null, null, size);
        }
        if (cardinality <= MAX_SHORT_CARDINALITY) {
            short[] s = new short[size];
            for (int r = 0; r < size; r++) {
                s[r] = (short) (codes[r] + 2);
            }
            return new ColumnCodes(null, s, null, size);
        }
        return new ColumnCodes(null, null, codes, size);
    }

    /** Number of rows. */
    public int size() {
        return size;
    }

    /** Bytes per row: 1, 2 or 4. */
    public int width() {
        return bytes != null ? 1 : shorts != null ? 2 : 4;
    }

    /** Heap bytes of the code storage (arrays only). */
    public long heapBytes() {
        return bytes != null ? 16L + bytes.length : shorts != null ? 16L + 2L * shorts.length : 16L + 4L * ints.length;
    }

    /** The code of a row (-2 suppressed, -1 missing, else a dictionary index). */
    public int get(int row) {
        if (bytes != null) {
            return (bytes[row] & 0xFF) - 2;
        }
        if (shorts != null) {
            return (shorts[row] & 0xFFFF) - 2;
        }
        return ints[row];
    }

    /** The code of a row plus 2, in [0, cardinality + 2). */
    public int shifted(int row) {
        if (bytes != null) {
            return bytes[row] & 0xFF;
        }
        if (shorts != null) {
            return shorts[row] & 0xFFFF;
        }
        return ints[row] + 2;
    }

    /** Decodes rows [from, to) as {@code code + 2} into {@code dst[off ..]}. */
    public void shifted(int from, int to, int[] dst, int off) {
        if (bytes != null) {
            byte[] b = bytes;
            for (int r = from, k = off; r < to; r++, k++) {
                dst[k] = b[r] & 0xFF;
            }
        } else if (shorts != null) {
            short[] s = shorts;
            for (int r = from, k = off; r < to; r++, k++) {
                dst[k] = s[r] & 0xFFFF;
            }
        } else {
            int[] a = ints;
            for (int r = from, k = off; r < to; r++, k++) {
                dst[k] = a[r] + 2;
            }
        }
    }

    /**
     * The codes as an {@code int[]}: the backing array for the int width (its length may exceed
     * {@link #size()}; do not modify it), a new array of {@link #size()} codes otherwise.
     */
    public int[] toIntArray() {
        if (ints != null) {
            return ints;
        }
        int[] out = new int[size];
        for (int r = 0; r < size; r++) {
            out[r] = get(r);
        }
        return out;
    }

    /**
     * The raw one-byte storage ({@code code + 2} unsigned), or null for wider columns; its length
     * may exceed {@link #size()}. Do not modify.
     */
    public byte[] rawBytes() {
        return bytes;
    }

    /** The raw two-byte storage ({@code code + 2} unsigned), or null; do not modify. */
    public short[] rawShorts() {
        return shorts;
    }

    /** The raw four-byte storage (the codes themselves), or null; do not modify. */
    public int[] rawInts() {
        return ints;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnCodes other) || other.size != size) {
            return false;
        }
        for (int r = 0; r < size; r++) {
            if (get(r) != other.get(r)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int r = 0; r < Math.min(size, 64); r++) {
            h = 31 * h + get(r);
        }
        return h;
    }

    @Override
    public String toString() {
        return "ColumnCodes[rows=" + size + ", width=" + width() + "]";
    }

    /**
     * Copies the rows of {@code src}, translated by {@code remap} (null: unchanged), into whichever
     * of the target arrays is not null, starting at row {@code at}.
     */
    static void copyInto(ColumnCodes src, int count, byte[] b, short[] s, int[] i, int at, int[] remap) {
        int[] block = new int[Math.min(count, 4096)];
        for (int from = 0; from < count; from += block.length) {
            int to = Math.min(count, from + block.length);
            src.shifted(from, to, block, 0);
            int n = to - from;
            if (remap != null) {
                for (int k = 0; k < n; k++) {
                    int v = block[k];
                    block[k] = v < 2 ? v : remap[v - 2] + 2;
                }
            }
            int base = at + from;
            if (b != null) {
                for (int k = 0; k < n; k++) {
                    b[base + k] = (byte) block[k];
                }
            } else if (s != null) {
                for (int k = 0; k < n; k++) {
                    s[base + k] = (short) block[k];
                }
            } else {
                for (int k = 0; k < n; k++) {
                    i[base + k] = block[k] - 2;
                }
            }
        }
    }

    /** A builder for the rows [at, at + count) of a concatenation, filled part by part in parallel. */
    public static final class Target {
        final byte[] b;
        final short[] s;
        final int[] i;
        final int size;

        /** Storage for {@code size} rows of a column with the given cardinality. */
        public Target(int size, int cardinality) {
            this.size = size;
            this.b = cardinality <= MAX_BYTE_CARDINALITY ? new byte[size] : null;
            this.s = b == null && cardinality <= MAX_SHORT_CARDINALITY ? new short[size] : null;
            this.i = b == null && s == null ? new int[size] : null;
        }

        /** Writes a part's codes, translated by {@code remap}, at row {@code at}; thread-safe for disjoint ranges. */
        public void put(ColumnCodes part, int at, int[] remap) {
            copyInto(part, part.size, b, s, i, at, remap);
        }

        /** The finished codes. */
        public ColumnCodes build() {
            return new ColumnCodes(b, s, i, size);
        }
    }

}
