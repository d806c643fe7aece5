package org.releaseauditor.core.trajectory;

/** Wilson score interval for a binomial proportion. */
public final class Wilson {
    /** The 97.5 % standard normal quantile (95 % two-sided interval). */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** {lower, upper} of the 95 % Wilson interval for {@code successes} out of {@code n}; {0, 1} when n = 0. */
    public static double[] interval95(long successes, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z2 = Z95 * Z95;
        double p = (double) successes / n;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
