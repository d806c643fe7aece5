package org.releaseauditor.core.trajectory;

import java.util.List;

/**
 * Unicity at a fixed number of points over a grid of spatial × temporal resolutions: heatmap data.
 * {@code fraction[i][j]} belongs to {@code spatial.get(i)} and {@code temporal.get(j)}.
 */
public record SweepResult(List<String> spatial, List<String> temporal, int points, int sampledUsers,
        double[][] fraction, int[][] uniqueUsers) {

    public SweepResult {
        spatial = List.copyOf(spatial);
        temporal = List.copyOf(temporal);
        fraction = deepCopy(fraction);
        uniqueUsers = deepCopy(uniqueUsers);
    }

    @Override
    public double[][] fraction() {
        return deepCopy(fraction);
    }

    @Override
    public int[][] uniqueUsers() {
        return deepCopy(uniqueUsers);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
