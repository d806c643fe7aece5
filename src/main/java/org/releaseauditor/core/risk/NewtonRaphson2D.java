package org.releaseauditor.core.risk;

import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Two-dimensional Newton–Raphson with the search strategy of the solver ARX 3.9 uses for its
 * population models ({@code de.linearbits.newtonraphson.NewtonRaphson2D} configured by
 * {@code ARXSolverConfiguration.create()}, which is deterministic by default):
 *
 * <ol>
 *   <li>The first try starts from the model's initial estimate; each later try starts from the
 *       next of 16 fixed start values (d₁, d₂) with d₁, d₂ ∈ {0, 0.33, 0.66, 0.99} (d₁ outer).</li>
 *   <li>Each step evaluates F and the Jacobian J at x. The root is x if |F₁| ≤ 1e-6 and
 *       |F₂| ≤ 1e-6; otherwise x ← x − J⁻¹F.</li>
 *   <li>A try ends when the new x violates the constraint, is NaN, or after 1,000 steps. The
 *       whole search ends without a root as soon as the last start value has been used for one
 *       step, or after (16 + 1)·1,000 evaluations.</li>
 * </ol>
 *
 * <p>ARX also stops a try after 100 ms and the search after 1 s of wall-clock time. We do not:
 * results must not depend on the machine's load, so only the iteration limits apply. On a quiet
 * machine the two agree (checked on 6,888 histograms, see {@code src/docs/metrics-microdata.md}).
 */
final class NewtonRaphson2D {

    /** Residual accuracy (ARX default). */
    static final double ACCURACY = 1e-6;
    /** Steps per try (ARX default). */
    static final int ITERATIONS_PER_TRY = 1000;
    /** The fixed start values of ARX's deterministic configuration. */
    static final double[][] START_VALUES = startValues();
    /** ARX sets the total to (start values + 1) × steps per try when start values are given. */
    static final int ITERATIONS_TOTAL = (START_VALUES.length + 1) * ITERATIONS_PER_TRY;

    /** F and J at x: out = {F₁, F₂, J₁₁, J₁₂, J₂₁, J₂₂}. */
    @FunctionalInterface
    interface EquationSystem {
        void evaluate(double x, double y, double[] out);
    }

    /** A constraint on the iterate; a violated one ends the current try. */
    @FunctionalInterface
    interface Constraint {
        boolean holds(double x, double y);
    }

    /**
     * The outcome of a search.
     *
     * @param x          first coordinate of the root, NaN without one
     * @param y          second coordinate of the root, NaN without one
     * @param converged  whether |F| ≤ accuracy was reached
     * @param iterations evaluations of F and J over all tries
     * @param tries      start values used (1 = the initial estimate only)
     */
    record Solution(double x, double y, boolean converged, int iterations, int tries) {
    }

    private NewtonRaphson2D() {
    }

    /** d₁, d₂ from 0 in steps of 0.33 while below 1, accumulated as ARX does (0.99 is 0.9900000000000001). */
    private static double[][] startValues() {
        double[][] values = new double[16][];
        int i = 0;
        for (double d1 = 0d; d1 < 1d; d1 += 0.33d) {
            for (double d2 = 0d; d2 < 1d; d2 += 0.33d) {
                values[i++] = new double[] {d1, d2};
            }
        }
        return values;
    }

    /**
     * Searches a root of the system from (x0, y0), then from the fixed start values.
     *
     * @param constraint may be null
     */
    static Solution solve(double x0, double y0, EquationSystem system, Constraint constraint,
            ProgressMonitor monitor) {
        double[] out = new double[6];
        int total = 0;
        int nextStart = 0;
        int tries = 0;
        while (total <= ITERATIONS_TOTAL) {
            double x;
            double y;
            if (tries == 0) {
                x = x0;
                y = y0;
            } else {
                x = START_VALUES[nextStart][0];
                y = START_VALUES[nextStart][1];
                nextStart++;
            }
            tries++;
            int steps = 0;
            while (true) {
                total++;
                monitor.checkCancelled();
                system.evaluate(x, y, out);
                if (Math.abs(out[0]) <= ACCURACY && Math.abs(out[1]) <= ACCURACY) {
                    return new Solution(x, y, true, total, tries);
                }
                double scale = 1.0 / (out[2] * out[5] - out[3] * out[4]);
                double i11 = out[5] * scale;
                double i12 = -out[3] * scale;
                double i21 = -out[4] * scale;
                double i22 = out[2] * scale;
                x -= i11 * out[0] + i12 * out[1];
                y -= i21 * out[0] + i22 * out[1];
                if (nextStart == START_VALUES.length) {
                    return new Solution(Double.NaN, Double.NaN, false, total, tries);
                }
                if (constraint != null && !constraint.holds(x, y)) {
                    break;
                }
                if (Double.isNaN(x) || Double.isNaN(y) || steps++ >= ITERATIONS_PER_TRY) {
                    break;
                }
            }
        }
        return new Solution(Double.NaN, Double.NaN, false, total, tries);
    }
}
