package org.releaseauditor.core.model;

import java.util.Arrays;

/**
 * Appends codes row by row into the narrowest storage that holds them, widening from one byte to
 * two and then four bytes a row when a larger code arrives. Importers use it so that a column never
 * needs four bytes a row unless its cardinality does.
 */
public final class ColumnCodesBuilder {
    private byte[] b;
    private short[] s;
    private int[] i;
    private int size;
    private ColumnCodes built;

    /** @param expectedRows initial capacity (grows as needed) */
    public ColumnCodesBuilder(int expectedRows) {
        b = new byte[Math.max(16, expectedRows)];
    }

    /** Appends a code (-2, -1 or a dictionary index). */
    public void add(int code) {
        if (built != null) {
            throw new IllegalStateException("already built");
        }
        int v = code + 2;
        if (b != null) {
            if (v <= 0xFF && v >= 0) {
                if (size == b.length) {
                    b = Arrays.copyOf(b, grown(b.length));
                }
                b[size++] = (byte) v;
                return;
            }
            widen(v);
        }
        if (s != null) {
            if (v <= 0xFFFF && v >= 0) {
                if (size == s.length) {
                    s = Arrays.copyOf(s, grown(s.length));
                }
                s[size++] = (short) v;
                return;
            }
            widen(v);
        }
        if (size == i.length) {
            i = Arrays.copyOf(i, grown(i.length));
        }
        i[size++] = code;
    }

    private void widen(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("code below -2: " + (v - 2));
        }
        if (b != null && v <= 0xFFFF) {
            short[] n = new short[b.length];
            for (int k = 0; k < size; k++) {
                n[k] = (short) (b[k] & 0xFF);
            }
            s = n;
            b = null;
            return;
        }
        int[] n = new int[b != null ? b.length : s.length];
        for (int k = 0; k < size; k++) {
            n[k] = (b != null ? b[k] & 0xFF : s[k] & 0xFFFF) - 2;
        }
        i = n;
        b = null;
        s = null;
    }

    private int grown(int length) {
        long g = Math.min((long) Integer.MAX_VALUE - 16, length + (long) (length >> 1) + 16);
        if (g <= size) {
            throw new IllegalStateException("column too large");
        }
        return (int) g;
    }

    private boolean spare(int length) {
        return length - size > (size >> 4) + 64;
    }

    /** Rows added so far. */
    public int size() {
        return size;
    }

    /** Bytes per row of the current storage. */
    public int width() {
        return b != null ? 1 : s != null ? 2 : 4;
    }

    /** The code of row {@code row} added so far. */
    public int get(int row) {
        if (b != null) {
            return (b[row] & 0xFF) - 2;
        }
        if (s != null) {
            return (s[row] & 0xFFFF) - 2;
        }
        return i[row];
    }

    /**
     * The finished codes; the builder must not be used afterwards. Spare capacity is trimmed only
     * when it exceeds 1/16 of the rows (a copy would briefly double the column).
     */
    public ColumnCodes build() {
        if (built != null) {
            return built;
        }
        ColumnCodes c;
        if (b != null) {
            c = new ColumnCodes(spare(b.length) ? Arrays.copyOf(b, size) : b, null, null, size);
        } else if (s != null) {
            c = new ColumnCodes(null, spare(s.length) ? Arrays.copyOf(s, size) : s, null, size);
        } else {
            c = new ColumnCodes(null, null, spare(i.length) ? Arrays.copyOf(i, size) : i, size);
        }
        b = null;
        s = null;
        i = null;
        built = c;
        return c;
    }
}
