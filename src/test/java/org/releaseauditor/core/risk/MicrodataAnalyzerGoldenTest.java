package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/** ARX's published test values on adult.csv with all 9 columns as quasi-identifiers (METRICS.md §1). */
class MicrodataAnalyzerGoldenTest {

    private static Dataset adult;

    @BeforeAll
    static void load() {
        adult = TestTables.readSemicolon(TestTables.ADULT);
    }

    private static MicrodataResult analyze(Double fraction) throws ConfigurationException {
        MicrodataConfig cfg = MicrodataConfig.defaults(TestTables.ADULT_QIS).withSamplingFraction(fraction);
        return MicrodataAnalyzer.analyze(adult, cfg, null, ProgressMonitor.none());
    }

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance,
                () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void averageProsecutorRiskMatchesArx() throws ConfigurationException {
        MicrodataResult r = analyze(null);
        assertEquals(30162, r.records());
        assertEquals(0.6465751607983555, r.prosecutor().successRate(), 0.0);
        assertEquals(1.0, r.prosecutor().highest());
        assertEquals(1, r.k());
    }

    @Test
    void sampleUniquenessMatchesArx() throws ConfigurationException {
        assertEquals(0.5142895033485844, analyze(null).sampleUniqueness(), 1e-15);
    }

    @Test
    void dankarPicksPitmanAtSamplingFractionOneTenth() throws ConfigurationException {
        MicrodataResult.PopulationUniqueness pu = analyze(0.1).populationUniqueness();
        assertNotNull(pu);
        assertEquals(301620, pu.populationSize());
        assertEquals(MicrodataResult.UniquenessModel.PITMAN, pu.dankarModel());
        assertRelative(0.27684993883653597, pu.pitman(), 1e-9);
        assertRelative(0.27684993883653597, pu.dankar(), 1e-9);
        assertRelative(0.3207402393466189, pu.zayatz(), 1e-9);
    }

    @Test
    void pitmanAtSamplingFractionOneHundredth() throws ConfigurationException {
        MicrodataResult.PopulationUniqueness pu = analyze(0.01).populationUniqueness();
        assertRelative(0.1446083531167384, pu.pitman(), 1e-9);
        assertEquals(MicrodataResult.UniquenessModel.PITMAN, pu.dankarModel());
    }
}
