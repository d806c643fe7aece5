package org.releaseauditor.core.evaluation;

/** The normal quantile for a two-sided confidence level. */
public final class Confidence {

    private Confidence() {
    }

    /**
     * The quantile z with P(|Z| ≤ z) = {@code level} for a standard normal Z, e.g. 1.959964 for
     * 0.95. Uses Acklam's rational approximation (relative error below 1.2e-9, so 1.959963985 for 0.95,
     * against the exact 1.9599639845).
     */
    public static double z(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level);
        }
        // exact quantiles of the usual levels, so that results match scipy's norm.ppf to the last digit
        if (level == 0.95) {
            return 1.959963984540054;
        }
        if (level == 0.99) {
            return 2.5758293035489004;
        }
        if (level == 0.9) {
            return 1.6448536269514722;
        }
        double p = 0.5 * (1.0 + level);
        return inverseNormal(p);
    }

    static double inverseNormal(double p) {
        // coefficients of P. J. Acklam's algorithm (public domain description)
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double x;
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - low) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        return x;
    }
}
