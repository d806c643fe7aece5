package org.releaseauditor.core.aggregate;

import java.util.List;

/** Small hand-made tables for the aggregate tests. */
final class Tables {
    static final double X = Double.NaN;

    private Tables() {
    }

    /** Rows of {@code dim values..., count}; a count of {@link #X} is suppressed. */
    static CountTable table(String name, List<String> dims, Object[]... rows) {
        String[][] keys = new String[rows.length][];
        double[] counts = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            keys[r] = new String[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                keys[r][d] = (String) rows[r][d];
            }
            counts[r] = ((Number) rows[r][dims.size()]).doubleValue();
        }
        return CountTable.of(name, dims, keys, counts);
    }

    static Object[] row(Object... v) {
        return v;
    }

    /**
     * The τ-ARGUS manual's 3×2 example: x11, x12, x21, x22 suppressed (true values 4, 3, 2, 1),
     * third row (3, 3) and all margins published.
     */
    static CountTable tauArgus() {
        return table("T", List.of("row", "col"),
                row("r1", "c1", X), row("r1", "c2", X), row("r1", "Total", 7),
                row("r2", "c1", X), row("r2", "c2", X), row("r2", "Total", 3),
                row("r3", "c1", 3), row("r3", "c2", 3), row("r3", "Total", 6),
                row("Total", "c1", 9), row("Total", "c2", 7), row("Total", "Total", 16));
    }
}
