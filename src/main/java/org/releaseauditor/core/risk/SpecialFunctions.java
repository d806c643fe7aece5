package org.releaseauditor.core.risk;

/**
 * Log-gamma, digamma and trigamma in pure Java (core may not use commons-math). Positive arguments
 * are shifted upwards by the recurrences Γ(x+1) = xΓ(x), ψ(x+1) = ψ(x) + 1/x and
 * ψ'(x+1) = ψ'(x) − 1/x² until x ≥ 12, where the asymptotic (Stirling / de Moivre) series with
 * Bernoulli numbers up to B14 is accurate to below 1e-16 relative; negative arguments use the
 * reflection formulas. Accuracy is about 1e-15 relative (absolute near the roots of lnΓ).
 *
 * <p>Unlike ARX's {@code Gamma.trigamma}, the asymptotic series is always applied after the
 * shift. ARX skips it for shifted arguments in [8, 12), which gives a wrong Jacobian in its
 * Pitman solver. The Newton–Raphson fits in {@link PopulationUniquenessEstimator} must follow
 * ARX's iteration path to stop where ARX stops, so {@link #arxDigamma} and {@link #arxTrigamma}
 * reproduce ARX's approximations (Minka's Lightspeed algorithm with ARX's cut-offs); they are used
 * for the Newton steps only, never for a reported number (see {@code src/docs/metrics-microdata.md}).
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

    // ------------------------------------------------------------- ARX-compatible approximations

    /** −ψ(1), the Euler–Mascheroni constant, negated. */
    private static final double PSI_ONE = -0.57721566490153286060651209008240243104215933593992;
    /** ψ'(1) = π²/6. */
    private static final double TRIGAMMA_ONE = StrictMath.PI * StrictMath.PI / 6.0;
    /** ψ''(1) = −2ζ(3). */
    private static final double TETRAGAMMA_ONE = -2.0 * 1.202056903159594285399738161511449990764986292;

    /**
     * ψ(x) computed the way ARX 3.9 computes it (Minka's Lightspeed port in ARX's {@code Gamma}):
     * −∞ at 0, reflection for x &lt; 0, the Taylor expansion ψ(x) ≈ ψ(1) − 1/x + ψ'(1)·x for
     * x ≤ 1e-6, otherwise the recurrence up to x ≥ 12 and de Moivre's series up to x⁻¹⁰. Used only
     * to step the Newton–Raphson fits along ARX's path.
     */
    static double arxDigamma(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x < 0.0) {
            return arxDigamma(1.0 - x) + StrictMath.PI / StrictMath.tan(-StrictMath.PI * x);
        }
        if (x <= 1e-6) {
            return PSI_ONE - 1.0 / x + TRIGAMMA_ONE * x;
        }
        double sum = 0.0;
        double y = x;
        while (y < LARGE) {
            sum -= 1.0 / y;
            y++;
        }
        double inv = 1.0 / y;
        sum += StrictMath.log(y) - 0.5 * inv;
        double inv2 = inv * inv;
        sum -= inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))));
        return sum;
    }

    /**
     * ψ'(x) computed the way ARX 3.9 computes it: −∞ at 0, reflection for x &lt; 0, the Taylor
     * expansion 1/x² + ψ'(1) + ψ''(1)·x for x ≤ 1e-4, otherwise the recurrence up to x ≥ 8 and the
     * asymptotic series only if the shifted argument is ≥ 12. For arguments below 12 the result is
     * therefore only the partial recurrence sum (0 for x in [8, 12)), which is wrong; this is kept
     * on purpose, because it only shapes ARX's Newton steps (see the class comment).
     */
    static double arxTrigamma(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x < 0.0) {
            double c = StrictMath.PI / StrictMath.sin(-StrictMath.PI * x);
            return -arxTrigamma(1.0 - x) + c * c;
        }
        if (x <= 1e-4) {
            return 1.0 / (x * x) + TRIGAMMA_ONE + TETRAGAMMA_ONE * x;
        }
        double sum = 0.0;
        double y = x;
        while (y < 8.0) {
            sum += 1.0 / (y * y);
            y++;
        }
        if (y >= LARGE) {
            double inv2 = 1.0 / (y * y);
            sum += 0.5 * inv2 + (1.0 + inv2 * (1.0 / 6 + inv2 * (-1.0 / 30 + inv2 * (1.0 / 42 + inv2 * (-1.0 / 30
                    + inv2 * (5.0 / 66)))))) / y;
        }
        return sum;
    }
}
