package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;

/** Small column builders for the QI-contribution, individual-risk and SUDA2 tests. */
final class RiskTables {

    private RiskTables() {
    }

    /** A column from tokens: {@code "*"} is suppressed, {@code ""} missing, anything else a value. */
    static Column column(String name, String... values) {
        return PartitionTest.col(name, values);
    }

    /**
     * Columns from a row-major table of small ints: a negative cell is {@link Column#MISSING} (−1)
     * or {@link Column#SUPPRESSED} (−2), any other value is the token of that number.
     */
    static List<Column> columns(int[][] rows, int columnCount) {
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            ColumnBuilder b = new ColumnBuilder("q" + c);
            for (int[] row : rows) {
                int v = row[c];
                if (v == Column.MISSING) {
                    b.addMissing();
                } else if (v == Column.SUPPRESSED) {
                    b.addSuppressed();
                } else {
                    b.add(Integer.toString(v));
                }
            }
            out.add(b.build(ColumnType.CATEGORICAL));
        }
        return out;
    }

    /** A random permutation of 0..n−1. */
    static List<Integer> shuffledOrder(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        return order;
    }

    /** The rows in the order given by {@code order}. */
    static int[][] permute(int[][] rows, List<Integer> order) {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[order.get(i)];
        }
        return out;
    }
}
