package org.releaseauditor.core.trajectory;

/**
 * Histogram of per-user risks in [0, 1]: {@code counts[i]} counts risks in
 * [edges[i], edges[i+1]), the last bin including 1.
 */
public record RiskHistogram(double[] edges, int[] counts) {

    public RiskHistogram {
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Ten equal bins over [0, 1]; NaN entries (users not evaluated) are skipped. */
    public static RiskHistogram of(double[] risks) {
        int bins = 10;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i / (double) bins;
        }
        int[] counts = new int[bins];
        for (double r : risks) {
            if (Double.isNaN(r)) {
                continue;
            }
            int b = (int) Math.floor(r * bins + 1e-9);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return new RiskHistogram(edges, counts);
    }
}
