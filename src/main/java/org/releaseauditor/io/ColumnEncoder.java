package org.releaseauditor.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;

/**
 * Dictionary-encodes the fields of split records into one {@code int[]} per column. A String is
 * created only when a column sees a byte sequence for the first time; that String then decides
 * whether the bytes mean a missing value, a suppression marker or a new dictionary entry.
 */
final class ColumnEncoder {
    private final String file;
    private final List<String> names;
    private final int n;
    private final TextDecoder decoder;
    private final Set<String> missing;
    private final Set<String> suppressed;
    private final ByteDictionary[] dicts;
    private final List<List<String>> values;
    private int[][] codes;
    private int capacity;
    private int rows;
    private byte[] scratch = new byte[256];

    ColumnEncoder(String file, List<String> names, TextDecoder decoder, Set<String> missing, Set<String> suppressed,
            int expectedRows) {
        this.file = file;
        this.names = names;
        this.n = names.size();
        this.decoder = decoder;
        this.missing = missing;
        this.suppressed = suppressed;
        this.dicts = new ByteDictionary[n];
        this.values = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            dicts[c] = new ByteDictionary();
            values.add(new ArrayList<>());
        }
        this.capacity = Math.max(16, expectedRows);
        this.codes = new int[n][capacity];
    }

    int rows() {
        return rows;
    }

    /** Appends the current record of {@code rr} as a row. */
    void add(RecordReader rr) throws DatasetFormatException {
        rr.requireFields(n);
        if (rows == capacity) {
            grow(rr.recordLine);
        }
        final byte[] b = rr.buffer();
        final int[] starts = rr.starts;
        final int[] ends = rr.ends;
        final boolean[] escaped = rr.escaped;
        final int row = rows;
        for (int c = 0; c < n; c++) {
            int s = starts[c];
            int len = ends[c] - s;
            int code;
            if (escaped[c]) {
                if (scratch.length < len) {
                    scratch = new byte[Math.max(len, scratch.length * 2)];
                }
                len = rr.unescape(c, scratch);
                code = lookup(c, scratch, 0, len, rr.recordLine);
            } else {
                code = dicts[c].find(b, s, len);
                if (code == ByteDictionary.NOT_FOUND) {
                    code = newValue(c, b, s, len, rr.recordLine);
                }
            }
            codes[c][row] = code;
        }
        rows = row + 1;
    }

    private int lookup(int c, byte[] src, int s, int len, long line) throws DatasetFormatException {
        int code = dicts[c].find(src, s, len);
        return code != ByteDictionary.NOT_FOUND ? code : newValue(c, src, s, len, line);
    }

    private int newValue(int c, byte[] src, int s, int len, long line) throws DatasetFormatException {
        String v = decoder.decode(src, s, len);
        if (v == null) {
            throw new DatasetFormatException(file, line, c + 1, "io.error.invalidUtf8", file, line, c + 1,
                    names.get(c));
        }
        int code;
        if (suppressed.contains(v)) {
            code = Column.SUPPRESSED;
        } else if (missing.contains(v)) {
            code = Column.MISSING;
        } else {
            code = values.get(c).size();
            values.get(c).add(v);
        }
        dicts[c].add(src, s, len, code);
        return code;
    }

    private void grow(long line) throws DatasetFormatException {
        final int max = Integer.MAX_VALUE - 16;
        if (capacity >= max) {
            throw new DatasetFormatException(file, line, 0, "io.error.tooManyRows", file, max);
        }
        capacity = (int) Math.min(max, capacity + (long) (capacity >> 1));
        for (int c = 0; c < n; c++) {
            codes[c] = Arrays.copyOf(codes[c], capacity);
        }
    }

    /** The distinct values of column {@code c}, in code order. */
    String[] dictionary(int c) {
        return values.get(c).toArray(new String[0]);
    }

    /** Hands over the code array of column {@code c} (the encoder must not be used afterwards). */
    int[] takeCodes(int c) {
        int[] out = codes[c];
        codes[c] = null;
        return out;
    }
}
