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
        // ARX's name when no model applies (RiskModelPopulationUniqueness: DANKAR)
        assertEquals(MicrodataResult.UniquenessModel.DANKAR, pu.dankarModel());
        assertEquals(MicrodataResult.EstimateStatus.NO_SAMPLE_UNIQUES, pu.dankarStatus().status());
        assertEquals(MicrodataResult.EstimateStatus.NO_SAMPLE_UNIQUES, pu.pitmanStatus().status());
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
    void adultAtFractionOneFifthPicksZayatzAsArxDoes() throws ConfigurationException {
        MicrodataResult.PopulationUniqueness pu = adult(0.2);
        // ARX's TestRiskMetrics expects Dankar = 0.3577099234829125 (its Zayatz value): ARX's SNB
        // finds no root here, and by default we solve ARX's SNB equations
        assertEquals(0.3577099234829125, pu.zayatz(), 0.3577099234829125 * 1e-12);
        assertNull(pu.snb());
        assertEquals(MicrodataResult.EstimateStatus.NOT_CONVERGED, pu.snbStatus().status());
        assertEquals(MicrodataResult.UniquenessModel.ZAYATZ, pu.dankarModel());
        assertEquals(pu.zayatz(), pu.dankar());
        assertEquals(SnbVariant.ARX, pu.snbVariant());
    }

    @Test
    void theCorrectedSnbVariantConvergesOnAdultAndWinsDankarsRule() throws ConfigurationException {
        Dataset adult = TestTables.readSemicolon(TestTables.ADULT);
        MicrodataResult.PopulationUniqueness pu = MicrodataAnalyzer.analyze(adult, MicrodataConfig
                .defaults(TestTables.ADULT_QIS).withSamplingFraction(0.2).withSnbVariant(SnbVariant.CORRECTED), null,
                ProgressMonitor.none()).populationUniqueness();
        // Chen's equations (second equation divided by (1-(1-pi)(1-beta))^(alpha+2)) converge to
        // 0.319459..., below Zayatz, so Dankar's rule picks SNB; the variant is recorded
        assertEquals(0.31945937539897784, pu.snb(), 1e-9);
        assertEquals(MicrodataResult.UniquenessModel.SNB, pu.dankarModel());
        assertEquals(pu.snb(), pu.dankar());
        assertEquals(SnbVariant.CORRECTED, pu.snbVariant());
        assertEquals(0.3577099234829125, pu.zayatz(), 0.3577099234829125 * 1e-12);
    }

    private static MicrodataResult.PopulationUniqueness histogram(String spec, long bigN) {
        String[] entries = spec.split(",");
        long[] sizes = new long[entries.length];
        long[] counts = new long[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String[] sc = entries[i].split(":");
            sizes[i] = Long.parseLong(sc[0]);
            counts[i] = Long.parseLong(sc[1]);
        }
        return PopulationModels.estimate(new ClassSizeHistogram(sizes, counts), bigN, ProgressMonitor.none());
    }

    @Test
    void pitmanConvergesOnAdultSexAgeRaceAsArxDoes() throws ConfigurationException {
        // issue 12: the old fit returned nothing here. ARX 3.9 (ModelPitman) gives 95.5157941360764
        // population uniques at ARX's USA population and 92.65921249384856 at pi = 0.1
        Dataset adult = TestTables.readSemicolon(TestTables.ADULT);
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("sex", "age", "race"));
        MicrodataResult.PopulationUniqueness usa = MicrodataAnalyzer.analyze(adult,
                cfg.withRegion(PopulationRegion.USA), null, ProgressMonitor.none()).populationUniqueness();
        assertEquals(95.5157941360764, usa.pitmanCount(), 95.5157941360764 * 1e-9);
        assertEquals(95.5157941360764 / 317_238_626L, usa.pitman(), 1e-15);
        assertEquals(MicrodataResult.UniquenessModel.PITMAN, usa.dankarModel());
        assertEquals(89.4299993556247, usa.pitmanFit().theta(), 1e-6);
        assertEquals(0.004363636414041811, usa.pitmanFit().alpha(), 1e-9);
        MicrodataResult.PopulationUniqueness tenth = MicrodataAnalyzer.analyze(adult, cfg.withSamplingFraction(0.1),
                null, ProgressMonitor.none()).populationUniqueness();
        assertEquals(92.65921249384856, tenth.pitmanCount(), 92.65921249384856 * 1e-9);
    }

    @Test
    void pitmanStopsAtArxsRootNotAtAnotherOne() {
        // the old search (random restarts) stopped at a different root here: 5523.68 uniques;
        // ARX's deterministic start values give theta 361.74, alpha 0.747 -> 4983.805996149117
        MicrodataResult.PopulationUniqueness pu = histogram(
                "1:1956,2:302,3:82,4:37,5:16,6:10,7:8,8:4,9:1,10:2,11:2,13:1,15:1,17:1,18:1,33:1,44:1,70:1,188:1",
                12103);
        assertEquals(4983.805996149117, pu.pitmanCount(), 4983.805996149117 * 1e-9);
        assertEquals(361.7418876992008, pu.pitmanFit().theta(), 1e-6);
        assertEquals(false, pu.pitmanFit().iterative());
        assertEquals(MicrodataResult.UniquenessModel.ZAYATZ, pu.dankarModel()); // pi = 0.3 > 0.1: min(Zayatz, SNB)
        assertEquals(4921.960579190063, pu.dankarCount(), 4921.960579190063 * 1e-9);
    }

    @Test
    void pitmanFallsBackToTheExactSumsWhereTheClosedFormFindsNoRoot() {
        // ARX: the closed form (with its psi' approximation) gives no accepted root here; the
        // iterative fallback does: ARX 489.39309688163627 uniques (theta 43.56, alpha 0.757).
        // Negating the fallback condition would mark the closed-form fits above as iterative.
        MicrodataResult.PopulationUniqueness pu = histogram("1:79,2:5,3:3,4:2", 1060);
        assertEquals(true, pu.pitmanFit().iterative());
        assertEquals(489.39309688163627, pu.pitmanCount(), 489.39309688163627 * 1e-9);
        assertEquals(MicrodataResult.EstimateStatus.OK, pu.pitmanStatus().status());
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
        assertEquals(false, pu.pitmanStatus().available());
        assertEquals(false, pu.pitmanStatus().reason().isEmpty());
        assertEquals(MicrodataResult.UniquenessModel.ZAYATZ, pu.dankarModel());
        assertEquals(pu.zayatz(), pu.dankar());
        assertEquals(400.0, pu.zayatzCount(), 1e-9); // all sample uniques are population uniques
    }
}
