package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Formula edges of the microdata risk measures: ARX's threshold-to-class-size rule on both sides
 * of its 0.01·t correction, the Benedetti–Franconi individual risk at f = 1, 2, 3 and F = f, the
 * exact method on both of its evaluation paths, and the type-7 quantiles and inclusive bins of the
 * score summaries. Expected values are derived in the comments.
 */
class RiskFormulaBoundaryTest {

    // ------------------------------------------------------------------ threshold -> class size

    @ParameterizedTest
    @CsvSource(textBlock = """
            # t, s = ⌊1/t⌋, plus 1 when 1/⌊1/t⌋ − t ≥ 0.01·t
            # 1/1 − 1 = 0 < 0.01
            1.0,    1
            # ⌊1.005⌋ = 1; 1 − 0.995 = 0.005 < 0.00995
            0.995,  1
            # ⌊1.0101⌋ = 1; 1 − 0.99 = 0.01 ≥ 0.0099: one more
            0.99,   2
            # exact: 0 < 0.005
            0.5,    2
            # ⌊3.0294⌋ = 3; 1/3 − 0.3301 = 0.003233 < 0.003301
            0.3301, 3
            # ⌊3.0303⌋ = 3; 1/3 − 0.33 = 0.003333 ≥ 0.0033: one more
            0.33,   4
            # 1/3 − 0.3 = 0.0333 ≥ 0.003
            0.3,    4
            0.25,   4
            # 1/0.2 = 5 exactly in binary floating point
            0.2,    5
            # ⌊10.01⌋ = 10; 0.1 − 0.0999 = 0.0001 < 0.000999
            0.0999, 10
            # ⌊10.101⌋ = 10; 0.1 − 0.099 = 0.001 ≥ 0.00099: one more
            0.099,  11
            0.01,   100
            """)
    void minimumClassSizeFollowsArxOnBothSidesOfTheCorrection(double t, long s) {
        assertEquals(s, RiskThreshold.minimumClassSize(t));
        assertEquals(1.0 / s, RiskThreshold.applied(t), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 1.0000001, 2, Double.NaN})
    void thresholdOutsideTheUnitIntervalIsRefused(double t) {
        assertThrows(IllegalArgumentException.class, () -> RiskThreshold.minimumClassSize(t));
    }

    @Test
    void theSmallestThresholdsGiveLargeClasses() {
        // 1/0.001 = 1000 exactly? 0.001 is not exact in binary: 1/0.001 = 1000.0000000000001 -> ⌊⌋ = 1000,
        // 1/1000 − 0.001 ≈ 0 < 0.00001 -> 1000
        assertEquals(1000, RiskThreshold.minimumClassSize(0.001));
        assertEquals(0.001, RiskThreshold.applied(0.001), 1e-18);
    }

    // ------------------------------------------------------------- Benedetti–Franconi risk

    @ParameterizedTest
    @CsvSource(textBlock = """
            # f, F,   r
            # f = 1: r = (p/(1−p))·ln(1/p). p = 1/2: 1·ln 2
            1,   2,   0.6931471805599453
            # p = 1/4: (1/3)·ln 4
            1,   4,   0.46209812037329684
            # f = 2: r = p/(1−p) − (p/(1−p))²·ln(1/p). p = 1/2: 1 − ln 2
            2,   4,   0.3068528194400547
            # p = 2/2.1 (1 − p = 0.0476 < 0.05, the series path): 0.48393433222719877 (50-digit closed form)
            2,   2.1, 0.48393433222719877
            # f ≥ 3: r = p/(f − (1 − p)). p = 1/2: 0.5/2.5
            3,   6,   0.2
            # f = 4, p = 1/2: 0.5/3.5
            4,   8,   0.14285714285714285
            # F = f, a census: 1/f
            1,   1,   1.0
            2,   2,   0.5
            3,   3,   0.3333333333333333
            # F < f (weights below 1): F is raised to f
            3,   2.5, 0.3333333333333333
            # F within a relative 1e-12 of f counts as F = f
            2,   2.000000000001, 0.5
            """)
    void individualRiskAtTheEdgesOfEachFormula(int f, double bigF, double expected) {
        assertEquals(expected, IndividualRisk.risk(f, bigF), 1e-12);
        assertEquals(expected, IndividualRisk.risk((long) f, bigF, IndividualRiskMethod.APPROX), 1e-12);
    }

    @Test
    void individualRiskJustAboveTheCensusToleranceUsesTheFormula() {
        // F = 2·(1 + 1e-9): p = 1/(1+1e-9), q ≈ 1e-9: the series gives p − p²·(1/2 + q/3 + …) ≈ 0.5 − 1e-9·…,
        // no longer exactly 1/2
        double r = IndividualRisk.risk(2, 2 * (1 + 1e-9));
        assertEquals(0.5, r, 1e-8);
        org.junit.jupiter.api.Assertions.assertTrue(r < 0.5);
    }

    @Test
    void aClassMustHoldARecord() {
        assertThrows(IllegalArgumentException.class, () -> IndividualRisk.risk(0, 5));
        assertThrows(IllegalArgumentException.class, () -> IndividualRisk.exactRisk(0, 5));
        assertThrows(IllegalArgumentException.class,
                () -> IndividualRisk.risk(Integer.MAX_VALUE + 1L, 1e12, IndividualRiskMethod.APPROX));
    }

    @Test
    void exactRiskOnTheRecurrencePathForPAtMostOneHalf() {
        // f = 3, F = 6, p = q = 1/2: p·∫₀¹ u²/(p + q·u) du = ∫₀¹ u²/(1 + u) du = 1/2 − 1 + ln 2
        assertEquals(Math.log(2) - 0.5, IndividualRisk.exactRisk(3, 6), 1e-12);
        assertEquals(Math.log(2) - 0.5, IndividualRisk.risk(3, 6, IndividualRiskMethod.EXACT), 1e-12);
        // f = 5, F = 20, p = 1/4: 0.25·∫₀¹ u⁴/(0.25 + 0.75u) du = 0.0581740508 (numerical quadrature)
        assertEquals(0.0581740508, IndividualRisk.exactRisk(5, 20), 1e-9);
    }

    @Test
    void exactRiskOnTheSeriesPathForPAboveOneHalf() {
        // f = 3, F = 4, p = 3/4: 0.75·∫₀¹ u²/(0.75 + 0.25u) du = 3·∫₀¹ u²/(3 + u) du
        // = 3·(1/2 − 3 + 9·ln(4/3)) = 0.2674159562
        assertEquals(3 * (0.5 - 3 + 9 * Math.log(4.0 / 3)), IndividualRisk.exactRisk(3, 4), 1e-12);
    }

    @Test
    void exactRiskEqualsTheApproximationForOneAndTwoAndOneOverFForACensus() {
        assertEquals(Math.log(2), IndividualRisk.exactRisk(1, 2), 1e-15);
        assertEquals(1 - Math.log(2), IndividualRisk.exactRisk(2, 4), 1e-15);
        assertEquals(0.25, IndividualRisk.exactRisk(4, 4), 1e-15);
        assertEquals(0.25, IndividualRisk.exactRisk(4, 3.5), 1e-15);
    }

    // ------------------------------------------------------------------- score summaries

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        // n = 4: h = 3q. q = 0.5 -> h = 1.5 -> 2 + 0.5·(3 − 2) = 2.5; q = 0.9 -> h = 2.7 -> 3 + 0.7 = 3.7;
        // q = 0.95 -> h = 2.85 -> 3.85; q = 0.99 -> 3.97
        ScoreSummary s = ScoreSummary.of(new double[] {4, 1, 3, 2}, new double[] {10});
        assertEquals(4, s.count());
        assertEquals(1, s.min());
        assertEquals(4, s.max());
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(2.5, s.median(), 1e-12);
        assertEquals(3.7, s.p90(), 1e-12);
        assertEquals(3.85, s.p95(), 1e-12);
        assertEquals(3.97, s.p99(), 1e-12);
        // odd n = 3: median is the middle value; q = 1 stays on the last value
        ScoreSummary odd = ScoreSummary.of(new double[] {5, 1, 2}, new double[] {10});
        assertEquals(2, odd.median(), 1e-12);
        assertEquals(5, ScoreSummary.quantile(new double[] {1, 2, 5}, 1.0), 1e-12);
        assertEquals(1, ScoreSummary.quantile(new double[] {1, 2, 5}, 0.0), 1e-12);
        assertEquals(7, ScoreSummary.quantile(new double[] {7}, 0.5), 1e-12);
    }

    @Test
    void binsIncludeTheirUpperBoundAndAnOverflowBinEndsAtTheMaximum() {
        // bounds 1, 2: 0.5 and 1 -> bin 1 (≤ 1 inclusive); 1.5 and 2 -> bin 2; 3 and 4 -> overflow bin up to 4
        ScoreSummary s = ScoreSummary.of(new double[] {2, 0.5, 4, 1, 1.5, 3}, new double[] {1, 2});
        assertEquals(List.of(new ScoreSummary.Bin(1, 2), new ScoreSummary.Bin(2, 2), new ScoreSummary.Bin(4, 2)),
                s.histogram());
        // no value beyond the last bound: no overflow bin; empty bins are kept
        ScoreSummary t = ScoreSummary.of(new double[] {0.1, 3}, new double[] {1, 2, 3});
        assertEquals(List.of(new ScoreSummary.Bin(1, 1), new ScoreSummary.Bin(2, 0), new ScoreSummary.Bin(3, 1)),
                t.histogram());
    }

    @Test
    void anEmptySummaryIsAllZeroWithEmptyBins() {
        ScoreSummary s = ScoreSummary.of(new double[0], new double[] {1, 2});
        assertEquals(new ScoreSummary(0, 0, 0, 0, 0, 0, 0, 0,
                List.of(new ScoreSummary.Bin(1, 0), new ScoreSummary.Bin(2, 0))), s);
    }

    @Test
    void summarisingDoesNotReorderTheCallersValues() {
        double[] v = {3, 1, 2};
        ScoreSummary.of(v, new double[] {5});
        assertEquals(List.of(3.0, 1.0, 2.0), List.of(v[0], v[1], v[2]));
    }
}
