package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianTest {

    @Test
    void solvesAHandWorkedThreeByThree() {
        double[][] c = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        int[] a = Hungarian.solve(c);
        // optimum: row0→1 (1), row1→0 (2), row2→2 (2) = 5
        assertArrayEquals(new int[] {1, 0, 2}, a);
        assertEquals(5, Hungarian.total(c, a));
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        Random r = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + r.nextInt(6);
            double[][] c = new double[n][n];
            for (double[] row : c) {
                for (int j = 0; j < n; j++) {
                    row[j] = r.nextInt(20);
                }
            }
            assertEquals(brute(c, 0, new boolean[n]), Hungarian.total(c, Hungarian.solve(c)), 1e-9);
        }
    }

    @Test
    void rectangularAssignsEveryRowToADistinctColumn() {
        double[][] c = {{5, 1, 9, 9}, {5, 1, 0, 9}};
        assertArrayEquals(new int[] {1, 2}, Hungarian.solve(c));
    }

    private static double brute(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + brute(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @org.junit.jupiter.api.Test
    void dualPotentialsProveTheOptimum() {
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(7);
            int m = n + rnd.nextInt(3);
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = rnd.nextInt(5) - 1; // small integers: many ties and a negative cost
                }
            }
            Hungarian.Solution s = Hungarian.solveWithDuals(c);
            double dual = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    org.junit.jupiter.api.Assertions.assertTrue(s.reduced(c, i, j) >= -1e-9, "reduced cost");
                }
                org.junit.jupiter.api.Assertions.assertEquals(0, s.reduced(c, i, s.assignment()[i]), 1e-9);
                dual += s.u()[i] + s.v()[s.assignment()[i]];
            }
            org.junit.jupiter.api.Assertions.assertEquals(Hungarian.total(c, s.assignment()), dual, 1e-9);
            org.junit.jupiter.api.Assertions.assertArrayEquals(Hungarian.solve(c), s.assignment());
        }
        org.junit.jupiter.api.Assertions.assertEquals(0, Hungarian.solveWithDuals(new double[0][0]).assignment().length);
    }
}
