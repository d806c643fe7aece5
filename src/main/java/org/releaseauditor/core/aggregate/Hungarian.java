package org.releaseauditor.core.aggregate;

import java.util.Arrays;

/**
 * Minimum-cost assignment (Hungarian algorithm, Kuhn–Munkres with row/column potentials and
 * shortest augmenting paths, O(n²·m)). Rows are assigned to distinct columns; there must be no
 * more rows than columns.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /**
     * An optimal assignment with the dual potentials that prove it: {@code cost[i][j] − u[i] − v[j]}
     * is never negative and is 0 on every assigned pair. Every other optimal assignment uses only
     * pairs whose reduced cost is 0 (complementary slackness), which is how ties are found.
     *
     * @param assignment for every row the column assigned to it
     * @param u          row potentials
     * @param v          column potentials
     */
    public record Solution(int[] assignment, double[] u, double[] v) {
        /** {@code cost[i][j] − u[i] − v[j]}. */
        public double reduced(double[][] cost, int i, int j) {
            return cost[i][j] - u[i] - v[j];
        }
    }

    /**
     * @param cost {@code cost[i][j]}, n rows × m columns, n ≤ m, finite values
     * @return for every row the column assigned to it
     */
    public static int[] solve(double[][] cost) {
        return solveWithDuals(cost).assignment();
    }

    /** {@link #solve} with the dual potentials of the optimum. */
    public static Solution solveWithDuals(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new Solution(new int[0], new double[0], new double[0]);
        }
        int m = cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException("more rows than columns: " + n + " > " + m);
        }
        // 1-based arrays; column 0 is a virtual start column
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfCol = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfCol[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfCol[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfCol[j0] = rowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfCol[j] != 0) {
                colOfRow[rowOfCol[j] - 1] = j - 1;
            }
        }
        return new Solution(colOfRow, Arrays.copyOfRange(u, 1, n + 1), Arrays.copyOfRange(v, 1, m + 1));
    }

    /** The total cost of an assignment. */
    public static double total(double[][] cost, int[] assignment) {
        double s = 0;
        for (int i = 0; i < assignment.length; i++) {
            s += cost[i][assignment[i]];
        }
        return s;
    }
}
