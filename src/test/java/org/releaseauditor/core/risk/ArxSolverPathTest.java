package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The pieces that make the population-model fits stop where ARX's stop: ARX's digamma and trigamma
 * approximations (including the documented gap of its trigamma on [8, 12)) and the search strategy
 * of the two-dimensional Newton–Raphson solver (accuracy bound, step and try limits, start values,
 * constraint and NaN handling), checked on systems whose iterates are known exactly.
 */
class ArxSolverPathTest {

    private static final double PI2 = Math.PI * Math.PI;

    // --------------------------------------------------------------------- ARX digamma

    @ParameterizedTest
    @ValueSource(doubles = {2e-6, 1e-3, 0.5, 1, 7.5, 11.999, 12, 30, -0.3, -2.5})
    void arxDigammaAgreesWithTheAccurateDigammaAwayFromZero(double x) {
        // recurrence to x >= 12, then de Moivre's series to x^-10: truncation below 3e-15
        assertEquals(SpecialFunctions.digamma(x), SpecialFunctions.arxDigamma(x),
                1e-12 * Math.max(1, Math.abs(SpecialFunctions.digamma(x))));
    }

    @Test
    void arxDigammaUsesItsTaylorExpansionAtAndBelowOneMillionth() {
        // ψ(x) ≈ ψ(1) − 1/x + ψ'(1)·x: at 1e-7 that is −0.5772156649 − 1e7 + 1.6449e-7
        assertEquals(-0.57721566490153286 - 1e7 + PI2 / 6 * 1e-7, SpecialFunctions.arxDigamma(1e-7), 1e-9);
        assertEquals(-0.57721566490153286 - 1e6 + PI2 / 6 * 1e-6, SpecialFunctions.arxDigamma(1e-6), 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.arxDigamma(0.0));
        assertTrue(Double.isNaN(SpecialFunctions.arxDigamma(Double.NaN)));
        assertTrue(Double.isNaN(SpecialFunctions.arxDigamma(Double.POSITIVE_INFINITY)));
    }

    // -------------------------------------------------------------------- ARX trigamma

    @Test
    void arxTrigammaIsOnlyThePartialRecurrenceBelowTwelve() {
        // ARX sums 1/y² while y < 8 and adds the asymptotic series only when the shifted y >= 12:
        // x = 9 sums nothing (0), x = 7 sums 1/49, x = 3 sums 1/9 + 1/16 + 1/25 + 1/36 + 1/49
        assertEquals(0.0, SpecialFunctions.arxTrigamma(9), 0);
        assertEquals(0.0, SpecialFunctions.arxTrigamma(11.5), 0);
        assertEquals(0.0, SpecialFunctions.arxTrigamma(8), 0);
        assertEquals(1.0 / 49, SpecialFunctions.arxTrigamma(7), 1e-17);
        assertEquals(1.0 / 56.25, SpecialFunctions.arxTrigamma(7.5), 1e-17);
        assertEquals(0.261797052154195, SpecialFunctions.arxTrigamma(3), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(doubles = {12, 12.5, 20, 100})
    void arxTrigammaFromTwelveOnIsTheAsymptoticSeries(double x) {
        assertEquals(SpecialFunctions.trigamma(x), SpecialFunctions.arxTrigamma(x), 1e-13);
    }

    @Test
    void arxTrigammaNearZeroAndBelowZero() {
        // 1/x² + ψ'(1) + ψ''(1)·x at 1e-5: 1e10 + π²/6 − 2ζ(3)·1e-5
        assertEquals(10000000001.644909, SpecialFunctions.arxTrigamma(1e-5), 1e-5);
        assertEquals(1e8 + PI2 / 6 - 2 * 1.2020569031595942 * 1e-4, SpecialFunctions.arxTrigamma(1e-4), 1e-7);
        // reflection: ψ'(−0.5) = −ψ'(1.5) + π²/sin²(π/2), with ARX's ψ'(1.5) = Σ_{y=1.5..7.5} 1/y² = 0.80996
        assertEquals(PI2 - 0.8099640816257533, SpecialFunctions.arxTrigamma(-0.5), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.arxTrigamma(0.0));
        assertTrue(Double.isNaN(SpecialFunctions.arxTrigamma(Double.NaN)));
        assertTrue(Double.isNaN(SpecialFunctions.arxTrigamma(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void reflectionAwayFromHalfIntegers() {
        // ARX: ψ'(−0.25) = −ψ'_ARX(1.25) + (π/sin(π/4))² = −Σ_{y=1.25..7.25} 1/y² + 2π² = 18.6707339
        assertEquals(18.670733910557054, SpecialFunctions.arxTrigamma(-0.25), 1e-12);
        // accurate: ψ'(−0.25) = 2π² − ψ'(1.25), ψ'(1.25) = ψ'(0.25) − 16 = π² + 8G − 16 (G Catalan's constant)
        assertEquals(18.541879647671607, SpecialFunctions.trigamma(-0.25), 1e-12);
        // ψ'(−1.5) = π² − ψ'(2.5) = π² − (π²/2 − 4 − 4/9) = π²/2 + 4 + 4/9
        assertEquals(9.379246644989124, SpecialFunctions.trigamma(-1.5), 1e-12);
    }

    @Test
    void lnGammaOutsideItsDomain() {
        assertTrue(Double.isNaN(SpecialFunctions.lnGamma(0)));
        assertTrue(Double.isNaN(SpecialFunctions.lnGamma(-1)));
        assertTrue(Double.isNaN(SpecialFunctions.lnGamma(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.lnGamma(Double.POSITIVE_INFINITY));
        // just above 0: ln Γ(x) ≈ −ln x
        assertEquals(-Math.log(1e-10), SpecialFunctions.lnGamma(1e-10), 1e-9);
    }

    // ------------------------------------------------------------------ Newton–Raphson

    /** F = (x − a, y − b) with the identity Jacobian: one step from anywhere lands on the root. */
    private static NewtonRaphson2D.EquationSystem shifted(double a, double b) {
        return (x, y, out) -> {
            out[0] = x - a;
            out[1] = y - b;
            out[2] = 1;
            out[3] = 0;
            out[4] = 0;
            out[5] = 1;
        };
    }

    @Test
    void aLinearSystemIsSolvedInOneStep() {
        NewtonRaphson2D.Solution s = NewtonRaphson2D.solve(0, 0, shifted(2, -3), null, ProgressMonitor.none());
        assertTrue(s.converged());
        assertEquals(2, s.x(), 0);
        assertEquals(-3, s.y(), 0);
        assertEquals(2, s.iterations()); // the start, then the root
        assertEquals(1, s.tries());
    }

    @Test
    void aGeneralJacobianIsInvertedCorrectly() {
        // F = (2x + y − 5, x + 3y − 10), J = [[2, 1], [1, 3]]: root (1, 3), reached in one step from (0, 0)
        NewtonRaphson2D.Solution s = NewtonRaphson2D.solve(0, 0, (x, y, out) -> {
            out[0] = 2 * x + y - 5;
            out[1] = x + 3 * y - 10;
            out[2] = 2;
            out[3] = 1;
            out[4] = 1;
            out[5] = 3;
        }, null, ProgressMonitor.none());
        assertTrue(s.converged());
        assertEquals(1, s.x(), 1e-12);
        assertEquals(3, s.y(), 1e-12);
        assertEquals(2, s.iterations());
    }

    @Test
    void residualsExactlyOnTheAccuracyAreARoot() {
        // constant residuals (1e-6, −1e-6) are accepted at the start; 2e-6 never is
        NewtonRaphson2D.Solution on = NewtonRaphson2D.solve(4, 5, (x, y, out) -> {
            out[0] = 1e-6;
            out[1] = -1e-6;
            out[2] = 1;
            out[5] = 1;
        }, null, ProgressMonitor.none());
        assertTrue(on.converged());
        assertEquals(4, on.x(), 0);
        assertEquals(1, on.iterations());
    }

    @Test
    void withoutARootEveryStartValueIsTriedAndTheLastOneForOneStep() {
        // the first try and the 15 start values after it take 1,001 evaluations each (the step limit of
        // 1,000 is checked after each step); the 16th start value gets one evaluation: 16·1,001 + 1
        NewtonRaphson2D.Solution s = NewtonRaphson2D.solve(0, 0, (x, y, out) -> {
            out[0] = 2e-6;
            out[1] = 0;
            out[2] = 1;
            out[5] = 1;
        }, null, ProgressMonitor.none());
        assertFalse(s.converged());
        assertTrue(Double.isNaN(s.x()) && Double.isNaN(s.y()));
        assertEquals(16 * 1001 + 1, s.iterations());
        assertEquals(17, s.tries());
    }

    @Test
    void aViolatedConstraintEndsTheTryAndTheNextStartValueIsUsed() {
        // root (−1, 0.5) lies outside x ≥ 0: every try takes one step out of bounds; the 17th try ends the
        // search after its single evaluation
        NewtonRaphson2D.Solution s = NewtonRaphson2D.solve(3, 3, shifted(-1, 0.5), (x, y) -> x >= 0,
                ProgressMonitor.none());
        assertFalse(s.converged());
        assertEquals(17, s.iterations());
        assertEquals(17, s.tries());
        // inside the constraint the same system converges on the first try
        NewtonRaphson2D.Solution in = NewtonRaphson2D.solve(3, 3, shifted(1, 0.5), (x, y) -> x >= 0,
                ProgressMonitor.none());
        assertTrue(in.converged());
        assertEquals(1, in.tries());
    }

    @Test
    void aRootFoundFromAStartValueCountsItsTries() {
        // F = (x − 0.33, y − 0.66) with J = I from an initial estimate that is not a number
        NewtonRaphson2D.Solution s = NewtonRaphson2D.solve(Double.NaN, 0, shifted(0.33, 0.66), null,
                ProgressMonitor.none());
        // the NaN start cannot converge: its step is NaN and ends the try; start value (0, 0) then reaches the
        // root in one step -> 1 + 2 evaluations, 2 tries
        assertTrue(s.converged());
        assertEquals(0.33, s.x(), 1e-15);
        assertEquals(0.66, s.y(), 1e-15);
        assertEquals(3, s.iterations());
        assertEquals(2, s.tries());
    }

    @Test
    void startValuesAreArxsGridOfFour() {
        assertEquals(16, NewtonRaphson2D.START_VALUES.length);
        assertArrayEquals(new double[] {0, 0}, NewtonRaphson2D.START_VALUES[0], 0);
        assertArrayEquals(new double[] {0, 0.33}, NewtonRaphson2D.START_VALUES[1], 0);
        assertArrayEquals(new double[] {0.33, 0}, NewtonRaphson2D.START_VALUES[4], 0);
        // accumulated as ARX does: 0.33 + 0.33 + 0.33 = 0.9900000000000001
        assertEquals(0.33 + 0.33 + 0.33, NewtonRaphson2D.START_VALUES[15][0], 0);
        assertEquals(0.33 + 0.33 + 0.33, NewtonRaphson2D.START_VALUES[15][1], 0);
        assertEquals(17_000, NewtonRaphson2D.ITERATIONS_TOTAL);
    }
}
