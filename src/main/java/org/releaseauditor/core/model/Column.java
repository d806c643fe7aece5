package org.releaseauditor.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One dictionary-encoded column: each row holds a code into {@link #dictionary()}. No
 * {@code String} per cell and no boxing. Two reserved codes mark missing values
 * ({@link #MISSING}) and suppression markers ({@link #SUPPRESSED}); they are never dictionary
 * entries. The codes are stored in one, two or four bytes a row, as the cardinality requires
 * ({@link ColumnCodes}); hot loops read them in blocks through {@link #compactCodes()}.
 * Instances are immutable.
 */
public final class Column {

    /** Code of a missing value (empty, NA, ?, NULL by default). */
    public static final int MISSING = -1;
    /** Code of a suppression marker ({@code *} by default). */
    public static final int SUPPRESSED = -2;

    private final String name;
    private final ColumnType type;
    private final String[] dictionary;
    private final ColumnCodes codes;
    private volatile double[] numericCache;
    private volatile int[] rankCache;

    /**
     * @param dictionary distinct values; code i stands for dictionary[i]
     * @param codes      per-row codes; only the first {@code size} entries are used (they are
     *                   copied into compact storage unless the column needs four bytes a row)
     */
    public Column(String name, ColumnType type, String[] dictionary, int[] codes, int size) {
        this(name, type, dictionary, ColumnCodes.of(codes, size, dictionary.length));
    }

    /**
     * @param dictionary distinct values; code i stands for dictionary[i]
     * @param codes      the per-row codes, all below {@code dictionary.length}
     */
    public Column(String name, ColumnType type, String[] dictionary, ColumnCodes codes) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.dictionary = Objects.requireNonNull(dictionary);
        this.codes = Objects.requireNonNull(codes);
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    /** Returns a copy of this column with another type (user override). */
    public Column withType(ColumnType newType) {
        return new Column(name, newType, dictionary, codes);
    }

    /** Returns a copy of this column under another name. */
    public Column withName(String newName) {
        return new Column(newName, type, dictionary, codes);
    }

    /** Number of rows. */
    public int size() {
        return codes.size();
    }

    /** Number of distinct (non-missing, non-suppressed) values. */
    public int cardinality() {
        return dictionary.length;
    }

    public int code(int row) {
        return codes.get(row);
    }

    /**
     * The codes as an {@code int[]} of at least {@link #size()} entries; do not modify. For a
     * column stored in one or two bytes a row this is a new array (four bytes a row): prefer
     * {@link #code(int)} or {@link #compactCodes()} on large data.
     */
    public int[] codes() {
        return codes.toIntArray();
    }

    /** The compact per-row codes. */
    public ColumnCodes compactCodes() {
        return codes;
    }

    /** The value of a dictionary code; {@code null} for MISSING, {@code "*"} for SUPPRESSED. */
    public String value(int code) {
        if (code == MISSING) {
            return null;
        }
        if (code == SUPPRESSED) {
            return "*";
        }
        return dictionary[code];
    }

    /** The value in a row (see {@link #value(int)}). */
    public String valueAt(int row) {
        return value(codes.get(row));
    }

    /** A copy of the dictionary. */
    public String[] dictionary() {
        return dictionary.clone();
    }

    /**
     * The numeric value of a code: parsed from the dictionary, NaN when it is not a number or the
     * code is MISSING/SUPPRESSED.
     */
    public double numeric(int code) {
        if (code < 0) {
            return Double.NaN;
        }
        double[] cache = numericCache;
        if (cache == null) {
            cache = new double[dictionary.length];
            for (int i = 0; i < dictionary.length; i++) {
                cache[i] = parseNumber(dictionary[i]);
            }
            numericCache = cache;
        }
        return cache[code];
    }

    /**
     * The rank of each code in the column's natural order: numeric order for numeric columns
     * (non-numbers last), lexicographic order otherwise. Used by ordered distances (t-closeness).
     */
    public int[] ranks() {
        int[] r = rankCache;
        if (r == null) {
            Integer[] order = new Integer[dictionary.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            if (type.isNumeric()) {
                Arrays.sort(order, (a, b) -> {
                    double x = numeric(a);
                    double y = numeric(b);
                    if (Double.isNaN(x) || Double.isNaN(y)) {
                        return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
                    }
                    return Double.compare(x, y);
                });
            } else {
                Arrays.sort(order, (a, b) -> dictionary[a].compareTo(dictionary[b]));
            }
            r = new int[dictionary.length];
            for (int i = 0; i < order.length; i++) {
                r[order[i]] = i;
            }
            rankCache = r;
        }
        return r.clone();
    }

    private static double parseNumber(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        // never print values (personal data): name, type and sizes only
        return "Column[" + name + ", " + type + ", rows=" + codes.size() + ", distinct=" + dictionary.length + "]";
    }
}
