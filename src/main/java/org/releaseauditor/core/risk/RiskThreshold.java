package org.releaseauditor.core.risk;

/**
 * ARX's translation of a risk threshold t into a minimum class size s
 * ({@code ParameterTranslation}): s = ⌊1/t⌋, plus 1 if 1/⌊1/t⌋ − t ≥ 0.01·t. The threshold actually
 * applied is 1/s, and a record is at risk iff its class is smaller than s (1/f &gt; 1/s).
 */
public final class RiskThreshold {

    /** ARX's relative threshold precision. */
    public static final double RELATIVE_PRECISION = 0.01;

    private RiskThreshold() {
    }

    /** The minimum class size s for threshold t in (0, 1]. */
    public static long minimumClassSize(double t) {
        if (!(t > 0 && t <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        double size = 1.0 / t;
        double floor = Math.floor(size);
        if ((1.0 / floor) - (1.0 / size) >= RELATIVE_PRECISION * t) {
            floor += 1.0;
        }
        return (long) floor;
    }

    /** The applied threshold 1/s. */
    public static double applied(double t) {
        return 1.0 / minimumClassSize(t);
    }
}
