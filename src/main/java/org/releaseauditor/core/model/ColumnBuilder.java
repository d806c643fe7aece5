package org.releaseauditor.core.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a dictionary-encoded {@link Column} value by value, growing a primitive array. Importers
 * decide which raw tokens are missing or suppressed and call {@link #addMissing()} /
 * {@link #addSuppressed()} for them.
 */
public final class ColumnBuilder {
    private final String name;
    private final Map<String, Integer> index = new HashMap<>();
    private String[] dictionary = new String[16];
    private final ColumnCodesBuilder codes;

    public ColumnBuilder(String name) {
        this(name, 1024);
    }

    public ColumnBuilder(String name, int expectedRows) {
        this.name = name;
        this.codes = new ColumnCodesBuilder(expectedRows);
    }

    /** Adds a present value and returns its code. */
    public int add(String value) {
        Integer code = index.get(value);
        int c;
        if (code == null) {
            c = index.size();
            if (c == dictionary.length) {
                dictionary = Arrays.copyOf(dictionary, c * 2);
            }
            dictionary[c] = value;
            index.put(value, c);
        } else {
            c = code;
        }
        push(c);
        return c;
    }

    public void addMissing() {
        push(Column.MISSING);
    }

    public void addSuppressed() {
        push(Column.SUPPRESSED);
    }

    /** Adds an already known code (for example a copy of another column's code). */
    public void addCode(int code) {
        push(code);
    }

    private void push(int code) {
        codes.add(code);
    }

    public int size() {
        return codes.size();
    }

    public int cardinality() {
        return index.size();
    }

    /** The dictionary so far (a copy). */
    public String[] dictionarySnapshot() {
        return Arrays.copyOf(dictionary, index.size());
    }

    public Column build(ColumnType type) {
        return new Column(name, type, Arrays.copyOf(dictionary, index.size()), codes.build());
    }
}
