package org.releaseauditor.io.lp;

import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.LinearSystem;

/**
 * A small dense two-phase simplex in double precision for the audit's linear programs: minimise or
 * maximise one variable subject to {@code A x = b}, {@code x ≥ 0}. The audit's systems split into
 * many small independent blocks (the bundled footfall release: 2,539 blocks of at most 21
 * variables), where a dense tableau solves a program in microseconds, while a general modelling
 * layer spends milliseconds per program on set-up and exact arithmetic.
 *
 * <p>Phase 1 finds a feasible basis once per system (artificial variables, then artificial
 * variables pivoted out; rows that stay with an artificial variable are redundant and dropped).
 * Every objective then starts from the basis the previous one ended with, which is feasible, so
 * later programs take a few pivots. Pivoting follows Bland's rule (smallest index enters and
 * leaves), which cannot cycle on the degenerate programs that tables with many zero cells give.
 * Coefficients are ±1 and right-hand sides whole counts, so double precision is exact up to the
 * tolerance used to compare reduced costs and ratios.
 */
final class DenseSimplex implements IntervalSolver.Session {

    private static final double EPS = 1e-9;

    private final int n;
    private int m;
    /** Tableau rows: n structural columns, then the right-hand side. */
    private double[][] t;
    private int[] basis;
    private boolean infeasible;

    DenseSimplex(LinearSystem system) {
        this.n = system.variables();
        List<LinearSystem.Row> rows = system.rows();
        this.m = rows.size();
        int cols = n + m + 1; // structural, artificial, rhs
        double[][] a = new double[m][cols];
        for (int i = 0; i < m; i++) {
            LinearSystem.Row row = rows.get(i);
            double sign = row.rhs() < 0 ? -1 : 1;
            for (int k = 0; k < row.vars().length; k++) {
                a[i][row.vars()[k]] += sign * row.coefs()[k];
            }
            a[i][n + i] = 1;
            a[i][cols - 1] = sign * row.rhs();
        }
        int[] b = new int[m];
        for (int i = 0; i < m; i++) {
            b[i] = n + i;
        }
        phaseOne(a, b, cols);
    }

    /** Minimises the sum of the artificial variables, then removes them. */
    private void phaseOne(double[][] a, int[] b, int cols) {
        double[] cost = new double[cols];
        // reduced costs of min Σ artificial: −(sum of rows) on structural columns
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                cost[j] -= a[i][j];
            }
            cost[cols - 1] -= a[i][cols - 1];
        }
        iterate(a, b, cost, cols, n + m);
        if (-cost[cols - 1] > EPS * Math.max(1, scale(a, cols))) {
            infeasible = true;
            return;
        }
        // drive artificial variables out of the basis; rows where none can leave are redundant
        boolean[] keep = new boolean[m];
        for (int i = 0; i < m; i++) {
            keep[i] = true;
            if (b[i] >= n) {
                int enter = -1;
                for (int j = 0; j < n; j++) {
                    if (Math.abs(a[i][j]) > EPS) {
                        enter = j;
                        break;
                    }
                }
                if (enter < 0) {
                    keep[i] = false;
                } else {
                    pivot(a, b, null, cols, i, enter);
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < m; i++) {
            if (keep[i]) {
                kept++;
            }
        }
        t = new double[kept][n + 1];
        basis = new int[kept];
        for (int i = 0, k = 0; i < m; i++) {
            if (keep[i]) {
                System.arraycopy(a[i], 0, t[k], 0, n);
                t[k][n] = a[i][cols - 1];
                basis[k++] = b[i];
            }
        }
        m = kept;
    }

    private static double scale(double[][] a, int cols) {
        double s = 0;
        for (double[] row : a) {
            s = Math.max(s, Math.abs(row[cols - 1]));
        }
        return s;
    }

    @Override
    public IntervalSolver.Result optimise(int target, boolean maximise) {
        if (infeasible) {
            return new IntervalSolver.Result(IntervalSolver.Status.INFEASIBLE, Double.NaN, new double[0]);
        }
        // minimise s·x_target with s = −1 for a maximum; reduced costs from the current basis
        double s = maximise ? -1 : 1;
        int cols = n + 1;
        double[] cost = new double[cols];
        cost[target] = s;
        for (int i = 0; i < m; i++) {
            if (basis[i] == target) {
                for (int j = 0; j < cols; j++) {
                    cost[j] -= s * t[i][j];
                }
            }
        }
        boolean bounded = iterate(t, basis, cost, cols, n);
        if (!bounded) {
            return new IntervalSolver.Result(IntervalSolver.Status.UNBOUNDED,
                    maximise ? Double.POSITIVE_INFINITY : 0, new double[0]);
        }
        double[] x = new double[n];
        for (int i = 0; i < m; i++) {
            x[basis[i]] = t[i][n];
        }
        return new IntervalSolver.Result(IntervalSolver.Status.OPTIMAL, x[target], x);
    }

    /**
     * Pivots until no reduced cost among the first {@code enterable} columns is negative (Bland's
     * rule). Returns false when the objective is unbounded below.
     */
    private boolean iterate(double[][] a, int[] b, double[] cost, int cols, int enterable) {
        int rows = b.length;
        while (true) {
            int enter = -1;
            for (int j = 0; j < enterable; j++) {
                if (cost[j] < -EPS) {
                    enter = j;
                    break;
                }
            }
            if (enter < 0) {
                return true;
            }
            int leave = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                double v = a[i][enter];
                if (v > EPS) {
                    double ratio = a[i][cols - 1] / v;
                    if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && b[i] < b[leave])) {
                        best = Math.min(best, ratio);
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return false;
            }
            pivot(a, b, cost, cols, leave, enter);
        }
    }

    private static void pivot(double[][] a, int[] b, double[] cost, int cols, int row, int col) {
        double[] p = a[row];
        double inv = 1 / p[col];
        for (int j = 0; j < cols; j++) {
            p[j] *= inv;
        }
        p[col] = 1;
        for (int i = 0; i < a.length; i++) {
            if (i != row) {
                double f = a[i][col];
                if (f != 0) {
                    double[] r = a[i];
                    for (int j = 0; j < cols; j++) {
                        r[j] -= f * p[j];
                    }
                    r[col] = 0;
                }
            }
        }
        if (cost != null) {
            double f = cost[col];
            if (f != 0) {
                for (int j = 0; j < cols; j++) {
                    cost[j] -= f * p[j];
                }
                cost[col] = 0;
            }
        }
        b[row] = col;
    }

    @Override
    public String toString() {
        return "DenseSimplex[" + n + " variables, " + m + " rows, basis " + Arrays.toString(basis) + "]";
    }
}
