package org.releaseauditor.core.evaluation;

/**
 * A success rate with its Wilson score interval.
 *
 * <p>As in Anonymeter ({@code anonymeter.stats.confidence.success_rate}), {@link #value()} is the
 * centre of the Wilson interval, (s + z²/2) / (n + z²), not the raw share s / n; the interval is
 * value ± z / (n + z²) · √(s (n − s) / n + z²/4). For n = 500 and s = 50 at 95 % this gives
 * 0.10305 ± 0.02637, while the raw share is 0.1 (METRICS.md §4).
 *
 * @param trials    number of attacks (the denominator)
 * @param successes successful attacks; fractional only for a singling-out control count that was
 *                  corrected for the control set's size
 * @param value     Wilson centre
 * @param low       lower bound of the interval (value − error, within [0, 1])
 * @param high      upper bound of the interval (value + error, within [0, 1])
 * @param error     half-width of the interval
 */
public record Rate(int trials, double successes, double value, double low, double high, double error) {

    /**
     * The Wilson estimate for {@code successes} out of {@code trials} at the quantile {@code z}.
     * With no trials the rate is unknown: value 0.5 and the interval [0, 1].
     */
    public static Rate wilson(int trials, double successes, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new Rate(0, 0, 0.5, 0, 1, 0.5);
        }
        double z2 = z * z;
        double denominator = trials + z2;
        double variance = successes * (trials - successes) / trials;
        double value = (successes + 0.5 * z2) / denominator;
        double error = z / denominator * Math.sqrt(variance + 0.25 * z2);
        return new Rate(trials, successes, value, clamp(value - error), clamp(value + error), error);
    }

    /** The raw share successes / trials (0 without trials). */
    public double share() {
        return trials == 0 ? 0 : successes / trials;
    }

    static double clamp(double v) {
        return Math.min(1.0, Math.max(0.0, v));
    }
}
