package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference values from mpmath (30 digits). */
class SpecialFunctionsTest {

    private static void assertRelative(double expected, double actual, double tol) {
        assertEquals(expected, actual, Math.max(4e-15, Math.abs(expected) * tol), // absolute near roots
                () -> "expected " + expected + " got " + actual);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # x,    ln Γ(x)
            0.5,    0.5723649429247001
            1.5,    -0.12078223763524522
            3,      0.6931471805599453
            10,     12.801827480081469
            12.5,   18.734347511936445
            100,    359.1342053695754
            1e-3,   6.907178885383853
            1e6,    12815504.569147611
            """)
    void lnGammaMatchesKnownValues(double x, double expected) {
        assertRelative(expected, SpecialFunctions.lnGamma(x), 1e-14);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # x,    ψ(x)
            1,      -0.5772156649015329
            0.5,    -1.9635100260214235
            2,      0.42278433509846713
            10,     2.251752589066721
            -0.5,   0.03648997397857652
            1e-4,   -10000.577051183514
            1000,   6.907255195648812
            """)
    void digammaMatchesKnownValues(double x, double expected) {
        assertRelative(expected, SpecialFunctions.digamma(x), 1e-14);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # x,    ψ'(x)
            1,      1.6449340668482264
            0.5,    4.934802200544679
            2,      0.6449340668482264
            9,      0.11751201469403143
            -0.5,   8.934802200544679
            1000,   0.0010005001666666333
            """)
    void trigammaMatchesKnownValues(double x, double expected) {
        assertRelative(expected, SpecialFunctions.trigamma(x), 1e-14);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-2"})
    void polesGiveNaN(double x) {
        assertTrue(Double.isNaN(SpecialFunctions.digamma(x)));
        assertTrue(Double.isNaN(SpecialFunctions.trigamma(x)));
    }
}
