package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One published count table: dimension codes per cell (dictionary-encoded; {@link #TOTAL} marks a
 * margin), the published count (NaN when suppressed), the raw count after inverting the declared
 * scaling factor, an optional magnitude, and optional contributions per cell (sorted descending).
 * Immutable; {@link #toString()} never shows values.
 */
public final class CountTable {

    /** Code of a margin/total position in a dimension. */
    public static final int TOTAL = -1;
    /** How a margin is shown in reports. */
    public static final String TOTAL_LABEL = "Total";

    private final String name;
    private final String file;
    private final List<String> dimensions;
    private final String[][] dictionaries;
    private final int[][] codes;
    private final double[] published;
    private final double[] scale;
    private final double[] magnitude;
    private final double[][] contributions;
    private final long[] lines;
    private final boolean extrapolated;

    CountTable(String name, String file, List<String> dimensions, String[][] dictionaries, int[][] codes,
            double[] published, double[] scale, double[] magnitude, double[][] contributions, long[] lines,
            boolean extrapolated) {
        this.name = name;
        this.file = file;
        this.dimensions = List.copyOf(dimensions);
        this.dictionaries = dictionaries;
        this.codes = codes;
        this.published = published;
        this.scale = scale;
        this.magnitude = magnitude;
        this.contributions = contributions;
        this.lines = lines;
        this.extrapolated = extrapolated;
    }

    /**
     * Builds a table directly (tests, benchmark, generators). {@code keys[c][d]} is the value of
     * dimension d in cell c ({@link #TOTAL_LABEL} for a margin); {@code counts[c]} is NaN when the
     * cell is suppressed. No scaling, magnitude or contributions.
     */
    public static CountTable of(String name, List<String> dimensions, String[][] keys, double[] counts) {
        int nd = dimensions.size();
        List<java.util.Map<String, Integer>> idx = new ArrayList<>();
        List<List<String>> dict = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            idx.add(new java.util.HashMap<>());
            dict.add(new ArrayList<>());
        }
        int[][] codes = new int[nd][keys.length];
        for (int c = 0; c < keys.length; c++) {
            for (int d = 0; d < nd; d++) {
                String v = keys[c][d];
                if (TOTAL_LABEL.equals(v)) {
                    codes[d][c] = TOTAL;
                } else {
                    List<String> dl = dict.get(d);
                    codes[d][c] = idx.get(d).computeIfAbsent(v, k -> {
                        dl.add(k);
                        return dl.size() - 1;
                    });
                }
            }
        }
        String[][] dictionaries = new String[nd][];
        for (int d = 0; d < nd; d++) {
            dictionaries[d] = dict.get(d).toArray(new String[0]);
        }
        double[] scale = new double[keys.length];
        Arrays.fill(scale, 1.0);
        long[] lines = new long[keys.length];
        for (int c = 0; c < keys.length; c++) {
            lines[c] = c + 2L;
        }
        return new CountTable(name, name, dimensions, dictionaries, codes, counts.clone(), scale, null, null, lines,
                false);
    }

    public String name() {
        return name;
    }

    /** The file the table came from (for error messages). */
    public String file() {
        return file;
    }

    public List<String> dimensions() {
        return dimensions;
    }

    public int cellCount() {
        return published.length;
    }

    /** Dimension code of a cell ({@link #TOTAL} for a margin). */
    public int code(int dim, int cell) {
        return codes[dim][cell];
    }

    /** The value of a dimension code ({@link #TOTAL_LABEL} for a margin). */
    public String value(int dim, int code) {
        return code == TOTAL ? TOTAL_LABEL : dictionaries[dim][code];
    }

    /** Number of distinct non-margin values of a dimension. */
    public int cardinality(int dim) {
        return dictionaries[dim].length;
    }

    /** The cell's key, one value per dimension. */
    public List<String> key(int cell) {
        List<String> k = new ArrayList<>(dimensions.size());
        for (int d = 0; d < dimensions.size(); d++) {
            k.add(value(d, codes[d][cell]));
        }
        return k;
    }

    /** The cell's key as {@code a|b|c}. */
    public String keyString(int cell) {
        return String.join("|", key(cell));
    }

    public boolean isSuppressed(int cell) {
        return Double.isNaN(published[cell]);
    }

    /** Whether any dimension of the cell is a margin. */
    public boolean isMargin(int cell) {
        for (int[] dim : codes) {
            if (dim[cell] == TOTAL) {
                return true;
            }
        }
        return false;
    }

    /** The count as published (NaN when suppressed). */
    public double published(int cell) {
        return published[cell];
    }

    /** The raw count: published divided by the scaling factor (NaN when suppressed). */
    public double raw(int cell) {
        return published[cell] / scale[cell];
    }

    public double scale(int cell) {
        return scale[cell];
    }

    /** Whether a scaling factor was declared (rules then apply to inverted counts). */
    public boolean extrapolated() {
        return extrapolated;
    }

    public boolean hasMagnitude() {
        return magnitude != null;
    }

    /** The magnitude (NaN when absent or suppressed). */
    public double magnitude(int cell) {
        return magnitude == null ? Double.NaN : magnitude[cell];
    }

    public boolean hasContributions() {
        return contributions != null;
    }

    /** The contributions to a cell, largest first (empty when unknown). */
    public double[] contributions(int cell) {
        if (contributions == null || contributions[cell] == null) {
            return new double[0];
        }
        return contributions[cell].clone();
    }

    /** The 1-based source line of a cell. */
    public long line(int cell) {
        return lines[cell];
    }

    /** A copy with per-cell contributions (each sorted descending here). */
    public CountTable withContributions(double[][] perCell) {
        double[][] copy = new double[perCell.length][];
        for (int c = 0; c < perCell.length; c++) {
            if (perCell[c] != null) {
                double[] v = perCell[c].clone();
                Arrays.sort(v);
                for (int i = 0, j = v.length - 1; i < j; i++, j--) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                }
                copy[c] = v;
            }
        }
        return new CountTable(name, file, dimensions, dictionaries, codes, published, scale, magnitude, copy, lines,
                extrapolated);
    }

    /** Index of a dimension, or -1. */
    public int dimensionIndex(String dim) {
        return dimensions.indexOf(dim);
    }

    /** Code of a dimension value, {@link #TOTAL} for the total label, or -2 when unknown. */
    public int codeOf(int dim, String value) {
        if (TOTAL_LABEL.equals(value)) {
            return TOTAL;
        }
        String[] dict = dictionaries[dim];
        for (int i = 0; i < dict.length; i++) {
            if (dict[i].equals(value)) {
                return i;
            }
        }
        return -2;
    }

    @Override
    public String toString() {
        return "CountTable[" + name + ", dims=" + dimensions + ", cells=" + published.length + "]";
    }
}
