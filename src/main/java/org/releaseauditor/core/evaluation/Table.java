package org.releaseauditor.core.evaluation;

/**
 * One of the three inputs, encoded on the shared columns: numeric columns as doubles (NaN for a
 * missing value), categorical columns as codes of a dictionary shared by all three files (−1 for
 * a missing value). Arrays are indexed [column][row]; the array of the other kind is null.
 */
final class Table {
    final int rows;
    final double[][] num;
    final int[][] cat;

    Table(int rows, double[][] num, int[][] cat) {
        this.rows = rows;
        this.num = num;
        this.cat = cat;
    }

    /** The rows {@code picked} (in that order) as a new table. */
    Table subset(int[] picked) {
        double[][] n = new double[num.length][];
        int[][] c = new int[cat.length][];
        for (int j = 0; j < num.length; j++) {
            if (num[j] != null) {
                double[] src = num[j];
                double[] dst = new double[picked.length];
                for (int i = 0; i < picked.length; i++) {
                    dst[i] = src[picked[i]];
                }
                n[j] = dst;
            }
            if (cat[j] != null) {
                int[] src = cat[j];
                int[] dst = new int[picked.length];
                for (int i = 0; i < picked.length; i++) {
                    dst[i] = src[picked[i]];
                }
                c[j] = dst;
            }
        }
        return new Table(picked.length, n, c);
    }

    boolean isMissing(int column, int row) {
        return num[column] != null ? Double.isNaN(num[column][row]) : cat[column][row] < 0;
    }
}
