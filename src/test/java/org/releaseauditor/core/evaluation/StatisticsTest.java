package org.releaseauditor.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.trajectory.Wilson;

class StatisticsTest {

    private static final double Z = Confidence.z(0.95);

    /**
     * METRICS.md §4 golden values: n = 500, 50 attack and 25 control successes → attack
     * 0.10305 ± 0.02637, control 0.05343 ± 0.01934, residual 0.05242 with CI (0.0185, 0.0863).
     * These are Anonymeter's definitions (Wilson centre as the estimate, first-order error
     * propagation for the residual).
     */
    @Test
    void goldenValuesOfMetricsSection4HoldExactly() {
        Rate attack = Rate.wilson(500, 50, Z);
        Rate control = Rate.wilson(500, 25, Z);
        assertEquals(0.10305, attack.value(), 5e-6);
        assertEquals(0.02637, attack.error(), 5e-6);
        assertEquals(0.05343, control.value(), 5e-6);
        assertEquals(0.01934, control.error(), 5e-6);
        ResidualRisk r = ResidualRisk.of(attack, control);
        assertEquals(0.05242, r.value(), 5e-6);
        assertEquals(0.0185, r.low(), 5e-5);
        assertEquals(0.0863, r.high(), 5e-5);
        assertTrue(r.significant());
        // the same numbers, worked out by hand to 10 digits with z = 1.959963984540054:
        // centre (50 + z²/2) / (500 + z²) = 0.1030497362, error z/(500+z²)·√(45 + z²/4) = 0.0263721734
        assertEquals(0.1030497362, attack.value(), 1e-10);
        assertEquals(0.0263721734, attack.error(), 1e-10);
        assertEquals(0.0524196129, r.raw(), 1e-10);
        assertEquals(0.0339256746, r.error(), 1e-10);
    }

    @Test
    void wilsonBoundsAgreeWithTheTrajectoryLanesIndependentImplementation() {
        for (int n : new int[] {1, 5, 37, 500, 10_000}) {
            for (int s : new int[] {0, 1, n / 3, n - 1, n}) {
                if (s < 0 || s > n) {
                    continue;
                }
                Rate r = Rate.wilson(n, s, Wilson.Z95);
                double[] ci = Wilson.interval95(s, n);
                assertEquals(ci[0], r.low(), 1e-12, n + "/" + s);
                assertEquals(ci[1], r.high(), 1e-12, n + "/" + s);
                assertEquals(s / (double) n, r.share(), 1e-15);
            }
        }
    }

    @Test
    void noTrialsGiveTheUninformativeInterval() {
        Rate r = Rate.wilson(0, 0, Z);
        assertEquals(0.0, r.low());
        assertEquals(1.0, r.high());
        assertThrows(IllegalArgumentException.class, () -> Rate.wilson(5, 6, Z));
    }

    /**
     * Residual risk when the control set does better than the attack: the raw value is negative
     * and the reported value and interval are clamped at 0 (Anonymeter's {@code bind_value}).
     */
    @Test
    void negativeResidualIsClampedButKeptRaw() {
        Rate attack = Rate.wilson(500, 25, Z);
        Rate control = Rate.wilson(500, 50, Z);
        ResidualRisk r = ResidualRisk.of(attack, control);
        assertTrue(r.raw() < 0);
        assertEquals(0.0, r.value());
        assertEquals(0.0, r.low());
        // raw (0.05343 − 0.10305) / (1 − 0.10305) = −0.05532, error 0.03778: the whole interval is below 0
        assertEquals(-0.05532, r.raw(), 5e-6);
        assertEquals(0.0, r.high());
        assertFalse(r.significant());
    }

    @Test
    void residualIsUndefinedWhenTheControlAlwaysSucceeds() {
        // c = 1 only in the limit; a Wilson centre below 1 still gives a value
        Rate control = new Rate(10, 10, 1.0, 1.0, 1.0, 0.0);
        assertNull(ResidualRisk.of(Rate.wilson(10, 10, Z), control));
    }

    /** Normal quantiles: exact for the usual levels, Acklam's approximation (≤ 1.2e-9) otherwise; values from scipy.stats.norm.ppf. */
    @ParameterizedTest
    @CsvSource({"0.95, 1.959963984540054", "0.99, 2.5758293035489004", "0.9, 1.6448536269514722",
        "0.975, 2.241402727604947", "0.8, 1.2815515655446004", "0.5, 0.6744897501960817",
        "0.999, 3.2905267314918945"})
    void normalQuantiles(double level, double expected) {
        assertEquals(expected, Confidence.z(level), 5e-9 * expected);
    }
}
