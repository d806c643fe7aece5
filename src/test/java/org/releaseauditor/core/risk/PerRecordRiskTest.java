package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Per-record risk vectors on a hand-worked weighted table, and the individual-risk totals they add
 * up to.
 *
 * <pre>
 * row  q  w  hh   class      f  F  r
 * 0    a  2  h1   a          2  4  p = 1/2, f = 2: 1 − ln 2      = 0.3068528
 * 1    a  2  h1   a          2  4                                 0.3068528
 * 2    b  4  h2   b          1  4  p = 1/4, f = 1: (1/3)·ln 4    = 0.4620981
 * 3    *  1  h2   (all QIs suppressed: no class, no risk)
 * </pre>
 * Households: h1 = 1 − (1 − 0.3068528)² = 0.5195472; h2 = 0.4620981 (row 3 has no risk).
 */
class PerRecordRiskTest {

    private static final double R_A = 1 - Math.log(2);
    private static final double R_B = Math.log(4) / 3;
    private static final double H1 = 1 - (1 - R_A) * (1 - R_A);

    private static Dataset table() {
        return TestTables.rows("q,w,hh", "a,2,h1", "a,2,h1", "b,4,h2", "*,1,h2");
    }

    private static MicrodataConfig weighted() {
        return MicrodataConfig.defaults(List.of("q")).withWeights("w", "hh");
    }

    @Test
    void vectorsHoldTheHandWorkedFrequenciesAndRisks() throws Exception {
        PerRecordRisk p = PerRecordRisk.compute(table(), weighted(), false, 0, Suda2.DEFAULT_DIS_FRACTION,
                ProgressMonitor.none());
        assertEquals(4, p.rows());
        assertEquals(List.of("q"), p.quasiIdentifiers());
        assertTrue(p.survey());
        assertTrue(p.classified(0));
        assertFalse(p.classified(3));
        assertEquals(2, p.sampleFrequency(0));
        assertEquals(1, p.sampleFrequency(2));
        assertEquals(4.0, p.populationFrequency(1), 1e-12);
        assertEquals(4.0, p.populationFrequency(2), 1e-12);
        assertEquals(R_A, p.risk(0), 1e-12);
        assertEquals(R_A, p.risk(1), 1e-12);
        assertEquals(R_B, p.risk(2), 1e-12);
        assertTrue(p.hasHouseholdRisk());
        assertEquals(H1, p.householdRisk(0), 1e-12);
        assertEquals(H1, p.householdRisk(1), 1e-12);
        assertEquals(R_B, p.householdRisk(2), 1e-12);
        assertTrue(Double.isNaN(p.householdRisk(3)));
        assertFalse(p.hasSuda());
        assertThrows(IllegalStateException.class, () -> p.sudaScore(0));
        assertThrows(IllegalStateException.class, () -> p.disScore(0));
    }

    @Test
    void theTotalsAreTheSumsOfTheVectors() throws Exception {
        IndividualRiskResult r = IndividualRisk.compute(table(), weighted(), ProgressMonitor.none());
        assertEquals(3, r.records());
        assertEquals(1, r.suppressedRecords());
        assertEquals(2 * R_A + R_B, r.expectedReidentifications(), 1e-12);
        assertEquals((2 * R_A + R_B) / 3, r.globalRisk(), 1e-12);
        assertEquals(R_B, r.maxRisk(), 1e-12);
        // thresholds 0.05, 0.1, 0.2: every record is above all three
        assertEquals(List.of(3L, 3L, 3L), r.recordsAboveThresholds().stream()
                .map(IndividualRiskResult.ThresholdCount::count).toList());
        assertEquals(1.0, r.recordsAboveThresholds().get(0).share(), 1e-12);
        IndividualRiskResult.HouseholdRisk h = r.household();
        assertEquals(2, h.households());
        assertEquals(0, h.recordsWithoutHousehold());
        assertEquals(H1 + R_B, h.expectedReidentifications(), 1e-12);
        assertEquals(2 * H1 + R_B, h.recordExpectedReidentifications(), 1e-12);
        assertEquals((2 * H1 + R_B) / 3, h.globalRisk(), 1e-12);
        assertEquals(H1, h.maxRisk(), 1e-12);
        assertTrue(r.survey());
        assertEquals(IndividualRiskMethod.APPROX, r.method());
        assertEquals(1.0, r.qual());
    }

    @Test
    void qualMultipliesEverySurveyRisk() throws Exception {
        IndividualRiskResult r = IndividualRisk.compute(table(), weighted().withQual(0.5), ProgressMonitor.none());
        assertEquals((2 * R_A + R_B) / 2, r.expectedReidentifications(), 1e-12);
        assertEquals(0.5, r.qual());
        // 0.5 · 0.307 = 0.153 and 0.5 · 0.462 = 0.231: all above 0.1, only b above 0.2
        assertEquals(3, r.recordsAboveThresholds().get(1).count());
        assertEquals(1, r.recordsAboveThresholds().get(2).count());
    }

    @Test
    void withoutSurveyTheRiskIsOneOverTheClassSize() throws Exception {
        PerRecordRisk p = PerRecordRisk.compute(table(), weighted().withSurvey(false), false, 0,
                Suda2.DEFAULT_DIS_FRACTION, ProgressMonitor.none());
        assertFalse(p.survey());
        assertEquals(0.5, p.risk(0), 1e-12);
        assertEquals(1.0, p.risk(2), 1e-12);
        // households: h1 = 1 − (1/2)² = 3/4
        assertEquals(0.75, p.householdRisk(1), 1e-12);
        PerRecordRisk plain = PerRecordRisk.compute(table(), MicrodataConfig.defaults(List.of("q")), false, 0,
                Suda2.DEFAULT_DIS_FRACTION, ProgressMonitor.none());
        assertFalse(plain.survey());
        assertFalse(plain.hasHouseholdRisk());
        assertThrows(IllegalStateException.class, () -> plain.householdRisk(0));
        assertEquals(1.0, plain.populationFrequency(2), 1e-12);
    }

    @Test
    void sudaScoresAreAttachedToTheirRows() throws Exception {
        // one key variable (M = 1): b is a sample unique whose minimal sample unique is {q}, score (1 − 1)! = 1;
        // the a rows are not unique: score 0
        PerRecordRisk p = PerRecordRisk.compute(table(), weighted(), true, 0, Suda2.DEFAULT_DIS_FRACTION,
                ProgressMonitor.none());
        assertTrue(p.hasSuda());
        assertEquals(0.0, p.sudaScore(0), 0);
        assertEquals(1.0, p.sudaScore(2), 0);
        assertEquals(0.0, p.disScore(0), 0);
        assertTrue(p.disScore(2) > 0);
    }
}
