package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class PopulationUniquenessEstimatorTest {

    private static long choose(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    @ParameterizedTest
    @CsvSource({"20,5,1", "20,5,3", "20,5,16", "20,5,17", "30,10,7", "12,12,1", "12,12,2"})
    void hypergeometricProbabilityOfExactlyOneMatchesTheDefinition(int bigN, int n, int s) {
        // histogram with n records: one class of size n (only n and N matter here)
        PopulationUniquenessEstimator e = new PopulationUniquenessEstimator(ClassSizeHistogram.ofSizes(n), bigN,
                ProgressMonitor.none());
        double expected = (double) s * choose(bigN - s, n - 1) / choose(bigN, n);
        assertEquals(expected, e.hypergeometricOne(s), 1e-14);
    }

    @Test
    void withoutSampleUniquesEveryEstimateIsZero() {
        MicrodataResult.PopulationUniqueness pu = new PopulationUniquenessEstimator(
                ClassSizeHistogram.ofSizes(2, 2, 3), 70, ProgressMonitor.none()).estimate();
        assertEquals(0.0, pu.pitman());
        assertEquals(0.0, pu.zayatz());
        assertEquals(0.0, pu.snb());
        assertEquals(0.0, pu.dankar());
        assertEquals(MicrodataResult.UniquenessModel.NONE, pu.dankarModel());
    }

    @Test
    void zayatzEqualsSampleUniquesWhenTheSampleIsThePopulation() {
        MicrodataResult.PopulationUniqueness pu = new PopulationUniquenessEstimator(
                ClassSizeHistogram.ofSizes(1, 1, 2, 3, 3), 10, ProgressMonitor.none()).estimate();
        assertEquals(2.0, pu.zayatzCount(), 1e-12);
        assertEquals(0.2, pu.zayatz(), 1e-12);
    }

    private static MicrodataResult.PopulationUniqueness adult(double fraction) throws ConfigurationException {
        Dataset adult = TestTables.readSemicolon(TestTables.ADULT);
        return MicrodataAnalyzer.analyze(adult, MicrodataConfig.defaults(TestTables.ADULT_QIS)
                .withSamplingFraction(fraction), null, ProgressMonitor.none()).populationUniqueness();
    }

    @Test
    void adultAtFractionOneEqualsSampleUniquenessAsInArx() throws ConfigurationException {
        MicrodataResult.PopulationUniqueness pu = adult(1.0);
        assertEquals(0.5142895033485844, pu.dankar(), 1e-15);
        assertEquals(MicrodataResult.UniquenessModel.ZAYATZ, pu.dankarModel());
    }

    @Test
    void adultAtFractionOneFifthZayatzMatchesArxAndSnbIsLower() throws ConfigurationException {
        MicrodataResult.PopulationUniqueness pu = adult(0.2);
        // ARX's test expects Dankar = 0.3577099234829125, i.e. its Zayatz value, because ARX's SNB
        // objective is defective (see metrics-microdata.md); our SNB converges and is smaller.
        assertEquals(0.3577099234829125, pu.zayatz(), 0.3577099234829125 * 1e-12);
        assertNotNull(pu.snb());
        assertEquals(MicrodataResult.UniquenessModel.SNB, pu.dankarModel());
        assertEquals(pu.snb(), pu.dankar());
        assertEquals(0.31945937539897784, pu.snb(), 1e-9);
    }

    @Test
    void fallsBackToZayatzWhenPitmanHasNoEstimate() throws ConfigurationException {
        // every record unique: the Pitman fit diverges, Dankar uses Zayatz
        Dataset d = TestTables.rows("q", "a", "b", "c", "d");
        MicrodataResult.PopulationUniqueness pu = MicrodataAnalyzer.analyze(d,
                MicrodataConfig.defaults(List.of("q")).withPopulationSize(400L), null, ProgressMonitor.none())
                .populationUniqueness();
        assertNull(pu.pitman());
        assertNull(pu.pitmanCount());
        assertEquals(MicrodataResult.UniquenessModel.ZAYATZ, pu.dankarModel());
        assertEquals(pu.zayatz(), pu.dankar());
        assertEquals(400.0, pu.zayatzCount(), 1e-9); // all sample uniques are population uniques
    }
}
