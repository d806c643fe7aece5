package org.releaseauditor.core.evaluation;

/**
 * Brings a singling-out success count measured on a control set to the size of the original.
 * How many predicates single out exactly one record depends on the number of records, so a
 * control set of another size would bias the residual risk.
 *
 * <p>For every predicate, m is the number of control records it matches. If a random subset of s
 * of the n_c control records were taken, the predicate would single out exactly one of them with
 * the hypergeometric probability h(m, s) = m · C(n_c − m, s − 1) / C(n_c, s); the expected number
 * of successes at size s is Σ h(m, s) over the predicates, exactly and without random draws.
 * <ul>
 * <li><b>Control at least as large as the original</b>: the expected count at the original's size
 * n_o, Σ h(m, n_o), replaces the count (exact down-sampling, no model).</li>
 * <li><b>Control smaller than the original</b>: the count must be extrapolated. As in Anonymeter
 * ({@code fit_correction_term}), the curve y(s) is modelled as norm · F(s, w_eff) with
 * F(n, w) = (1 − (n·w + 1)(1 − w)^n) / (n + 1), the singling-out probability n·w·(1 − w)^(n−1)
 * (Cohen &amp; Nissim 2020) integrated over predicate weights spread evenly on [0, w_eff]. The model
 * is fitted by least squares to y at 20 sizes from min(1000, n_c) to n_c (from n_c / 10 when
 * n_c ≤ 1000), and the count is multiplied by F(n_o, w_eff) / F(n_c, w_eff). Anonymeter fits the
 * same model to random subsets (10 sizes × 5 draws) with SciPy; the exact expectations here remove
 * the subsampling noise, and for n_c ≤ 1000 Anonymeter's subsets would all have the full size,
 * so that its fit returns its starting guess.</li>
 * </ul>
 */
final class ControlSizeCorrection {
    static final int SIZES = 20;

    /** How the control count was brought to the original's size. */
    enum Method {
        /** Same size: the count is used as it is. */
        NONE,
        /** Larger control: exact expectation at the original's size. */
        DOWNSAMPLED,
        /** Smaller control: Anonymeter's model, extrapolated. */
        EXTRAPOLATED
    }

    /** The corrected count and how it was obtained. */
    record Outcome(double successes, Method method) {
    }

    private ControlSizeCorrection() {
    }

    /**
     * @param matches per predicate, the number of control records it matches (capped at any value
     *                above n_c − min(n_o, n_c) + 1, where h vanishes)
     * @param nc      control rows
     * @param no      original rows
     */
    static Outcome correct(int[] matches, int nc, int no) {
        int raw = 0;
        for (int m : matches) {
            if (m == 1) {
                raw++;
            }
        }
        if (nc == no || matches.length == 0) {
            return new Outcome(raw, Method.NONE);
        }
        double[] logFactorial = logFactorials(nc);
        if (nc > no) {
            return new Outcome(expected(matches, nc, no, logFactorial), Method.DOWNSAMPLED);
        }
        int minRows = nc > 1000 ? 1000 : Math.max(1, nc / 10);
        double[] sizes = new double[SIZES];
        double[] y = new double[SIZES];
        for (int i = 0; i < SIZES; i++) {
            int s = (int) (minRows + (double) (nc - minRows) * i / (SIZES - 1));
            sizes[i] = s;
            y[i] = expected(matches, nc, s, logFactorial);
        }
        double w = fitWeight(sizes, y);
        if (Double.isNaN(w) || raw == 0) {
            return new Outcome(raw, Method.EXTRAPOLATED);
        }
        double denominator = integral(nc, w);
        double factor = denominator > 0 ? integral(no, w) / denominator : 1.0;
        return new Outcome(raw * factor, Method.EXTRAPOLATED);
    }

    /** Σ over predicates of the probability to single out one record of a random s-subset of n_c. */
    static double expected(int[] matches, int nc, int s, double[] logFactorial) {
        double sum = 0;
        for (int m : matches) {
            sum += singleOut(m, nc, s, logFactorial);
        }
        return sum;
    }

    /** h(m, s) = m · C(n_c − m, s − 1) / C(n_c, s). */
    static double singleOut(int m, int nc, int s, double[] lf) {
        if (m < 1 || s < 1 || nc - m < s - 1) {
            return 0;
        }
        double log = Math.log(m) + logChoose(nc - m, s - 1, lf) - logChoose(nc, s, lf);
        return Math.exp(log);
    }

    private static double logChoose(int a, int b, double[] lf) {
        return lf[a] - lf[b] - lf[a - b];
    }

    static double[] logFactorials(int n) {
        double[] lf = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            lf[i] = lf[i - 1] + Math.log(i);
        }
        return lf;
    }

    /** F(n, w): the integral of the singling-out probability over weights in [0, w]. */
    static double integral(double n, double w) {
        // 1 − (n·w + 1)(1 − w)^n, computed without cancellation for small w
        double logTerm = Math.log1p(n * w) + n * Math.log1p(-w);
        return -Math.expm1(logTerm) / (n + 1.0);
    }

    /** The w_eff of the least-squares fit y ≈ norm·F(n, w_eff); NaN when every y is 0 or all n are equal. */
    static double fitWeight(double[] n, double[] y) {
        boolean any = false;
        boolean spread = false;
        for (int i = 0; i < y.length; i++) {
            any |= y[i] > 0;
            spread |= n[i] != n[0];
        }
        if (!any || !spread) {
            return Double.NaN;
        }
        // logarithmic grid over (1e-12, 1], then golden-section search around the best point
        int steps = 241;
        double bestX = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < steps; i++) {
            double x = -12.0 + 12.0 * i / (steps - 1);
            double c = cost(n, y, Math.pow(10, x));
            if (c < bestCost) {
                bestCost = c;
                bestX = x;
            }
        }
        double lo = Math.max(-12.0, bestX - 0.05);
        double hi = Math.min(0.0, bestX + 0.05);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = cost(n, y, Math.pow(10, a));
        double fb = cost(n, y, Math.pow(10, b));
        for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = cost(n, y, Math.pow(10, a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = cost(n, y, Math.pow(10, b));
            }
        }
        return Math.pow(10, (lo + hi) / 2);
    }

    /** Residual sum of squares with the best norm for this w. */
    private static double cost(double[] n, double[] y, double w) {
        double fy = 0;
        double ff = 0;
        double yy = 0;
        for (int i = 0; i < n.length; i++) {
            double f = integral(n[i], w);
            fy += f * y[i];
            ff += f * f;
            yy += y[i] * y[i];
        }
        return ff > 0 ? yy - fy * fy / ff : yy;
    }
}
