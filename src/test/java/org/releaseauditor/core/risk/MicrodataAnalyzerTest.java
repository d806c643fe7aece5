package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

class MicrodataAnalyzerTest {

    private static final double EPS = 1e-12;

    /** Class sizes {1,1,2,3,3} on one QI (METRICS.md golden). */
    static Dataset sizes11233() {
        return TestTables.rows("q", "a", "b", "c", "c", "d", "d", "d", "e", "e", "e");
    }

    static MicrodataResult run(Dataset d, MicrodataConfig cfg) throws ConfigurationException {
        return MicrodataAnalyzer.analyze(d, cfg, null, ProgressMonitor.none());
    }

    @Test
    void goldenClassSizes11233() throws ConfigurationException {
        MicrodataResult r = run(sizes11233(), MicrodataConfig.defaults(List.of("q")));
        assertEquals(10, r.records());
        assertEquals(5, r.classes());
        assertEquals(0.2, r.sampleUniqueness(), EPS);
        assertEquals(1.0, r.prosecutor().highest(), EPS);
        assertEquals(1.0 / 3, r.prosecutor().lowest(), EPS);
        assertEquals(0.5, r.prosecutor().successRate(), EPS);
        assertEquals(1.0, r.prosecutor().recordsAtRisk(), EPS);
        assertEquals(0.2, r.prosecutor().appliedThreshold(), EPS);
        assertEquals(1, r.k());
        assertEquals(ClassSizeHistogram.ofSizes(1, 1, 2, 3, 3), r.histogram());
    }

    @Test
    void kIsSizeOfSmallestClassAndBelowKCountsRecordsAndClasses() throws ConfigurationException {
        MicrodataResult r = run(sizes11233(), MicrodataConfig.defaults(List.of("q")));
        assertEquals(List.of(2, 3, 5, 10, 11, 20), List.copyOf(r.belowK().keySet()));
        assertEquals(new MicrodataResult.BelowK(2, 2, 0.2), r.belowK().get(2));
        assertEquals(new MicrodataResult.BelowK(4, 3, 0.4), r.belowK().get(3));
        assertEquals(new MicrodataResult.BelowK(10, 5, 1.0), r.belowK().get(5));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # t,    minimum class size, records at risk for sizes {1,1,2,3,3}
            0.2,    5,  1.0
            0.09,   12, 1.0
            0.05,   20, 1.0
            0.1,    10, 1.0
            0.33,   4,  1.0
            0.34,   3,  0.4
            0.5,    2,  0.2
            1.0,    1,  0.0
            """)
    void appliedThresholdFollowsArx(double t, long size, double atRisk) throws ConfigurationException {
        assertEquals(size, RiskThreshold.minimumClassSize(t));
        MicrodataResult r = run(sizes11233(), MicrodataConfig.defaults(List.of("q")).withThreshold(t));
        assertEquals(1.0 / size, r.prosecutor().appliedThreshold(), EPS);
        assertEquals(atRisk, r.prosecutor().recordsAtRisk(), EPS);
    }

    @Test
    void aClassOfSizeFiveIsNotAtRiskAtThresholdOneFifth() throws ConfigurationException {
        Dataset d = TestTables.rows("q", "a", "a", "a", "a", "a", "b", "b", "b", "b");
        MicrodataResult r = run(d, MicrodataConfig.defaults(List.of("q")));
        assertEquals(4.0 / 9, r.prosecutor().recordsAtRisk(), EPS);
    }

    @Test
    void riskDistributionBinsRecordsByOneOverClassSize() throws ConfigurationException {
        MicrodataResult r = run(sizes11233(), MicrodataConfig.defaults(List.of("q")));
        List<MicrodataResult.RiskBin> bins = r.riskDistribution();
        assertEquals(MicrodataAnalyzer.RISK_BINS.length, bins.size());
        MicrodataResult.RiskBin third = bins.get(21);
        assertEquals(0.334, third.upTo());
        assertEquals(6, third.records());
        assertEquals(0.6, third.cumulative(), EPS);
        assertEquals(2, bins.get(22).records());
        assertEquals(2, bins.get(23).records());
        assertEquals(1.0, bins.get(23).cumulative(), EPS);
        assertEquals(0, bins.get(20).cumulative(), EPS);
    }

    @Test
    void riskiestClassesAreTheSmallestWithTheirFirstRow() throws ConfigurationException {
        MicrodataResult r = run(sizes11233(), MicrodataConfig.defaults(List.of("q")));
        assertEquals(List.of(new MicrodataResult.ClassSummary(1, 0), new MicrodataResult.ClassSummary(1, 1),
                new MicrodataResult.ClassSummary(2, 2), new MicrodataResult.ClassSummary(3, 4),
                new MicrodataResult.ClassSummary(3, 7)), r.riskiestClasses());
        assertEquals(2, r.riskiestClasses(2).size());
    }

    @Test
    void allSuppressedRecordsAreReportedSeparately() throws ConfigurationException {
        Dataset d = TestTables.rows("a,b", "*,*", "x,1", "x,1", "*,*", "y,*");
        MicrodataResult r = run(d, MicrodataConfig.defaults(List.of("a", "b")));
        assertEquals(2, r.suppressedRecords());
        assertEquals(3, r.records());
        assertEquals(2, r.classes());
        assertEquals(1.0 / 3, r.sampleUniqueness(), EPS);
    }

    @Test
    void pairUniquenessIsTheShareOfRowsUniqueOnEachPair() throws ConfigurationException {
        Dataset d = TestTables.rows("a,b,c", "x,1,p", "x,2,p", "y,1,p", "y,1,q");
        MicrodataResult r = run(d, MicrodataConfig.defaults(List.of("a", "b", "c")));
        MicrodataResult.PairUniqueness p = r.pairUniqueness();
        assertEquals(List.of("a", "b", "c"), p.attributes());
        assertEquals(0.0, p.share(0, 0), EPS);   // x,x,y,y
        assertEquals(0.25, p.share(1, 1), EPS);  // b=2 once
        assertEquals(0.25, p.share(2, 2), EPS);  // c=q once
        assertEquals(0.5, p.share(0, 1), EPS);   // (x,1) and (x,2) unique
        assertEquals(p.share(0, 1), p.share(1, 0), EPS);
        assertEquals(0.5, p.share(0, 2), EPS);   // (y,p) and (y,q)
    }

    @Test
    void journalistAndMarketerUseSupersetClassSizes() throws ConfigurationException {
        Dataset sample = TestTables.rows("q,other", "a,1", "b,2", "b,3");
        Dataset superset = TestTables.rows("q", "c", "a", "b", "a", "b", "b", "a", "c", "b", "a", "b", "c");
        MicrodataResult r = MicrodataAnalyzer.analyze(sample, MicrodataConfig.defaults(List.of("q")), superset,
                ProgressMonitor.none());
        assertTrue(r.populationInformation());
        // F_a = 4, F_b = 5
        assertEquals(0.25, r.journalist().highest(), EPS);
        assertEquals(0.2, r.journalist().lowest(), EPS);
        double marketer = (1.0 / 4 + 2.0 / 5) / 3;
        assertEquals(marketer, r.marketerSuccessRate(), EPS);
        assertEquals(Math.max(2.0 / 9, marketer), r.journalist().successRate(), EPS);
        assertEquals(1.0 / 3, r.journalist().recordsAtRisk(), EPS);
        assertEquals(2.0 / 3, r.prosecutor().successRate(), EPS);
    }

    @Test
    void withoutPopulationInformationJournalistAndMarketerEqualProsecutor() throws ConfigurationException {
        MicrodataResult r = run(sizes11233(), MicrodataConfig.defaults(List.of("q")).withSamplingFraction(0.5));
        assertFalse(r.populationInformation());
        assertEquals(r.prosecutor(), r.journalist());
        assertEquals(r.prosecutor().successRate(), r.marketerSuccessRate(), EPS);
    }

    @Test
    void supersetWithoutASampleClassIsAnError() {
        Dataset sample = TestTables.rows("q", "a", "z");
        Dataset superset = TestTables.rows("q", "a", "a", "b");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MicrodataAnalyzer.analyze(
                sample, MicrodataConfig.defaults(List.of("q")), superset, ProgressMonitor.none()));
        assertEquals("risk.superset.noMatch", e.messageKey());
    }

    @Test
    void unknownColumnListsTheAvailableColumns() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> run(sizes11233(), MicrodataConfig.defaults(List.of("q", "nope"))));
        assertEquals("risk.config.unknownColumn", e.messageKey());
        assertTrue(e.getMessage().contains("nope"));
        assertTrue(e.getMessage().contains("Available columns: q"), e.getMessage());
    }

    @Test
    void invalidParametersAreConfigurationErrors() {
        MicrodataConfig base = MicrodataConfig.defaults(List.of("q"));
        assertThrows(ConfigurationException.class, () -> run(sizes11233(), base.withThreshold(0)));
        assertThrows(ConfigurationException.class, () -> run(sizes11233(), base.withSamplingFraction(1.5)));
        assertThrows(ConfigurationException.class, () -> run(sizes11233(), base.withPopulationSize(5L)));
        assertThrows(ConfigurationException.class, () -> run(sizes11233(), base.withRecursiveC(0)));
        assertThrows(ConfigurationException.class, () -> run(sizes11233(), MicrodataConfig.defaults(List.of())));
        assertThrows(ConfigurationException.class, () -> run(sizes11233(),
                MicrodataConfig.defaults(List.of("q", "q"))));
    }

    @Test
    void populationSizeComesFromSizeRegionOrFraction() throws ConfigurationException {
        MicrodataConfig base = MicrodataConfig.defaults(List.of("q"));
        assertNull(run(sizes11233(), base).populationUniqueness());
        assertEquals(40, run(sizes11233(), base.withPopulationSize(40L)).populationUniqueness().populationSize());
        assertEquals(0.25, run(sizes11233(), base.withPopulationSize(40L)).populationUniqueness().samplingFraction());
        assertEquals(PopulationRegion.GERMANY.populationSize(),
                run(sizes11233(), base.withRegion(PopulationRegion.GERMANY)).populationUniqueness().populationSize());
        assertEquals(33, run(sizes11233(), base.withSamplingFraction(0.3)).populationUniqueness().populationSize());
    }

    @Test
    void aCancelledMonitorThrowsCancelledException() {
        CancellationFlag flag = new CancellationFlag();
        flag.cancel();
        assertThrows(CancelledException.class, () -> MicrodataAnalyzer.analyze(sizes11233(),
                MicrodataConfig.defaults(List.of("q")), null, flag));
    }

    @Test
    void cancellingDuringTheAnalysisStopsIt() {
        Dataset adult = TestTables.readSemicolon(TestTables.ADULT);
        AtomicInteger updates = new AtomicInteger();
        CancellationFlag flag = new CancellationFlag() {
            @Override
            public void update(String phase, long done, long total) {
                if (updates.incrementAndGet() == 5) {
                    cancel();
                }
            }
        };
        assertThrows(CancelledException.class, () -> MicrodataAnalyzer.analyze(adult,
                MicrodataConfig.defaults(TestTables.ADULT_QIS).withSamplingFraction(0.1), null, flag));
        assertTrue(updates.get() >= 5);
    }

    @Test
    void progressReportsNamedPhases() throws ConfigurationException {
        List<String> phases = new java.util.ArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void update(String phase, long done, long total) {
                if (!phases.contains(phase)) {
                    phases.add(phase);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        MicrodataAnalyzer.analyze(sizes11233(), MicrodataConfig.defaults(List.of("q")).withSamplingFraction(0.5),
                null, monitor);
        assertTrue(phases.contains(org.releaseauditor.core.i18n.Messages.get("progress.risk.grouping")),
                phases.toString());
        assertTrue(phases.contains(org.releaseauditor.core.i18n.Messages.get("progress.risk.population")),
                phases.toString());
        assertTrue(phases.size() >= 4, phases.toString());
    }

    @Test
    void aTableWhoseRowsAreAllSuppressedHasNoClassesAndZeroRisk() throws ConfigurationException {
        Dataset d = TestTables.rows("a,b,s", "*,*,x", "*,*,y");
        MicrodataResult r = MicrodataAnalyzer.analyze(d, MicrodataConfig.defaults(List.of("a", "b"))
                .withSensitive(List.of(new SensitiveAttribute("s", true))).withSamplingFraction(0.1)
                .withWildcards(true), null, ProgressMonitor.none());
        assertEquals(0, r.records());
        assertEquals(2, r.suppressedRecords());
        assertEquals(0, r.classes());
        assertEquals(0.0, r.prosecutor().highest());
        assertEquals(0.0, r.sampleUniqueness());
        assertNull(r.populationUniqueness());
        assertEquals(0, r.lDiversity().get(0).distinct());
        assertTrue(r.riskiestClasses().isEmpty());
    }

    @Test
    void anEmptyTableGivesAnEmptyResult() throws ConfigurationException {
        MicrodataResult r = run(TestTables.rows("q"), MicrodataConfig.defaults(List.of("q")).withPopulationSize(10L));
        assertEquals(0, r.records());
        assertEquals(0, r.k());
        assertNull(r.populationUniqueness());
        assertEquals(0.0, r.pairUniqueness().share(0, 0));
    }
}
