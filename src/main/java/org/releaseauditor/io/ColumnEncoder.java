package org.releaseauditor.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnCodes;
import org.releaseauditor.core.model.ColumnCodesBuilder;

/**
 * Dictionary-encodes the fields of split records into compact per-column codes
 * ({@link ColumnCodesBuilder}: one byte a row while a column has at most 253 distinct values). A
 * String is created only when a column sees a byte sequence for the first time; that String then
 * decides whether the bytes mean a missing value, a suppression marker or a new dictionary entry.
 *
 * <p>An encoder for one chunk of a file read in parallel also keeps the bytes of each new value
 * ({@code keepValueBytes}), so that {@link #merge} can give the chunks' values global codes keyed
 * by their bytes, in order of first appearance in the file: exactly the dictionary a sequential
 * read builds.
 */
final class ColumnEncoder {
    /** Largest number of rows a dataset may have. */
    static final int MAX_ROWS = Integer.MAX_VALUE - 16;

    private final String file;
    private final List<String> names;
    private final int n;
    private final TextDecoder decoder;
    private final Set<String> missing;
    private final Set<String> suppressed;
    private final ByteDictionary[] dicts;
    private final List<List<String>> values;
    private final ColumnCodesBuilder[] codes;
    private final ValueBytes[] valueBytes;
    private int rows;
    private byte[] scratch = new byte[256];

    ColumnEncoder(String file, List<String> names, TextDecoder decoder, Set<String> missing, Set<String> suppressed,
            int expectedRows, boolean keepValueBytes) {
        this.file = file;
        this.names = names;
        this.n = names.size();
        this.decoder = decoder;
        this.missing = missing;
        this.suppressed = suppressed;
        this.dicts = new ByteDictionary[n];
        this.values = new ArrayList<>(n);
        this.codes = new ColumnCodesBuilder[n];
        this.valueBytes = keepValueBytes ? new ValueBytes[n] : null;
        int capacity = Math.max(16, expectedRows);
        for (int c = 0; c < n; c++) {
            dicts[c] = new ByteDictionary();
            values.add(new ArrayList<>());
            codes[c] = new ColumnCodesBuilder(capacity);
            if (keepValueBytes) {
                valueBytes[c] = new ValueBytes();
            }
        }
    }

    int rows() {
        return rows;
    }

    /** Appends the current record of {@code rr} as a row. */
    void add(RecordReader rr) throws DatasetFormatException {
        rr.requireFields(n);
        if (rows >= MAX_ROWS) {
            throw new DatasetFormatException(file, rr.recordLine, 0, "io.error.tooManyRows", file, MAX_ROWS);
        }
        final byte[] b = rr.buffer();
        final int[] starts = rr.starts;
        final int[] ends = rr.ends;
        final boolean[] escaped = rr.escaped;
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
            codes[c].add(code);
        }
        rows++;
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
            if (valueBytes != null) {
                valueBytes[c].add(src, s, len);
            }
        }
        dicts[c].add(src, s, len, code);
        return code;
    }

    /** The distinct values of column {@code c}, in code order. */
    String[] dictionary(int c) {
        return values.get(c).toArray(new String[0]);
    }

    /** The codes of column {@code c} (the encoder must not add rows afterwards). */
    ColumnCodes codes(int c) {
        return codes[c].build();
    }

    /** Drops the codes of column {@code c} once they have been copied. */
    void release(int c) {
        codes[c] = null;
    }

    /**
     * Global dictionaries for the chunks' columns, in order of first appearance across the chunks
     * (chunk 0 first), and per chunk the translation of its local codes. Chunk 0's dictionary
     * becomes the global one. Only for encoders that kept their value bytes.
     *
     * @return {@code remap[chunk][column]} (null for chunk 0, whose codes are already global)
     */
    static int[][][] merge(ColumnEncoder[] chunks) {
        ColumnEncoder first = chunks[0];
        int n = first.n;
        int[][][] remap = new int[chunks.length][][];
        for (int k = 1; k < chunks.length; k++) {
            ColumnEncoder e = chunks[k];
            remap[k] = new int[n][];
            for (int c = 0; c < n; c++) {
                List<String> local = e.values.get(c);
                int[] map = new int[local.size()];
                ValueBytes vb = e.valueBytes[c];
                ByteDictionary global = first.dicts[c];
                List<String> globalValues = first.values.get(c);
                for (int l = 0; l < map.length; l++) {
                    int off = vb.offsets[l];
                    int len = vb.offsets[l + 1] - off;
                    int g = global.find(vb.pool, off, len);
                    if (g == ByteDictionary.NOT_FOUND) {
                        g = globalValues.size();
                        globalValues.add(local.get(l));
                        global.add(vb.pool, off, len, g);
                    }
                    map[l] = g;
                }
                remap[k][c] = map;
                e.valueBytes[c] = null;
            }
        }
        return remap;
    }

    /** The bytes of a column's values in code order (one pool, one offset a value). */
    private static final class ValueBytes {
        byte[] pool = new byte[256];
        int size;
        int[] offsets = new int[17];
        int count;

        void add(byte[] src, int s, int len) {
            if (size + len > pool.length) {
                long grown = Math.max((long) pool.length * 2, (long) size + len);
                if (grown > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("too many distinct values in one column");
                }
                pool = Arrays.copyOf(pool, (int) grown);
            }
            System.arraycopy(src, s, pool, size, len);
            size += len;
            if (count + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[++count] = size;
        }
    }
}
