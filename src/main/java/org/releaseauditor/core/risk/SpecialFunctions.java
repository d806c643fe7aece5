package org.releaseauditor.core.risk;

/**
 * Log-gamma, digamma and trigamma in pure Java (core may not use commons-math). Positive arguments
 * are shifted upwards by the recurrences Γ(x+1) = xΓ(x), ψ(x+1) = ψ(x) + 1/x and
 * ψ'(x+1) = ψ'(x) − 1/x² until x ≥ 12, where the asymptotic (Stirling / de Moivre) series with
 * Bernoulli numbers up to B14 is accurate to below 1e-16 relative; negative arguments use the
 * reflection formulas. Accuracy is about 1e-15 relative (absolute near the roots of lnΓ).
 *
 * <p>Unlike ARX's {@code Gamma.trigamma}, the asymptotic series is always applied after the
 * shift (ARX skips it for shifted arguments in [8, 12), which gives a wrong Jacobian in its
 * Pitman solver; see {@code src/docs/metrics-microdata.md}).
 */
final class SpecialFunctions {

    private static final double HALF_LN_2PI = 0.91893853320467274178032973640562;
    private static final double LARGE = 12.0;

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x &gt; 0. */
    static double lnGamma(double x) {
        if (Double.isNaN(x) || x <= 0) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        double shift = 0.0;
        if (x < LARGE) {
            // ln Γ(x) = ln Γ(x + k) − ln(x (x+1) … (x+k−1)); keep the product in range
            double product = 1.0;
            while (x < LARGE) {
                product *= x;
                x += 1.0;
            }
            shift = Math.log(product);
        }
        double r = 1.0 / x;
        double r2 = r * r;
        // Stirling series: 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹)
        //                  − 691/(360360x¹¹) + 1/(156x¹³)
        double series = r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680
                + r2 * (1.0 / 1188 + r2 * (-691.0 / 360360 + r2 * (1.0 / 156)))))));
        return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series - shift;
    }

    /** NaN, ±∞ and the poles 0, −1, −2, … of ψ and ψ'. */
    private static boolean isPoleOrInvalid(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) || (x <= 0 && x == Math.rint(x));
    }

    /** ψ(x), the digamma function; NaN at the poles 0, −1, −2, … */
    static double digamma(double x) {
        if (isPoleOrInvalid(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            // ψ(1 − x) − ψ(x) = π cot(πx)
            return digamma(1.0 - x) - Math.PI / Math.tan(Math.PI * x);
        }
        double result = 0.0;
        while (x < LARGE) {
            result -= 1.0 / x;
            x += 1.0;
        }
        double r = 1.0 / x;
        double r2 = r * r;
        // ln x − 1/(2x) − Σ B_2k / (2k x^2k)
        double series = r2 * (1.0 / 12 + r2 * (-1.0 / 120 + r2 * (1.0 / 252 + r2 * (-1.0 / 240
                + r2 * (1.0 / 132 + r2 * (-691.0 / 32760 + r2 * (1.0 / 12)))))));
        return result + Math.log(x) - 0.5 * r - series;
    }

    /** ψ'(x), the trigamma function; NaN at the poles 0, −1, −2, … */
    static double trigamma(double x) {
        if (isPoleOrInvalid(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            // ψ'(1 − x) + ψ'(x) = π² / sin²(πx)
            double s = Math.PI / Math.sin(Math.PI * x);
            return -trigamma(1.0 - x) + s * s;
        }
        double result = 0.0;
        while (x < LARGE) {
            result += 1.0 / (x * x);
            x += 1.0;
        }
        double r = 1.0 / x;
        double r2 = r * r;
        // 1/x + 1/(2x²) + Σ B_2k / x^(2k+1)
        double series = r * r2 * (1.0 / 6 + r2 * (-1.0 / 30 + r2 * (1.0 / 42 + r2 * (-1.0 / 30
                + r2 * (5.0 / 66 + r2 * (-691.0 / 2730 + r2 * (7.0 / 6)))))));
        return result + r + 0.5 * r2 + series;
    }
}
