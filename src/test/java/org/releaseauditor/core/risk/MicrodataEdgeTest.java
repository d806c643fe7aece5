package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Edges of the microdata summary: the 100 riskiest classes cut inside a tie, journalist risk with a
 * population class exactly on the minimum class size, each option validated on its own (with the
 * offending parameter named), the population size exactly equal to the sample, the hashed path of
 * pair uniqueness, and ties between l-diversity and t-closeness classes.
 */
class MicrodataEdgeTest {

    private static final double EPS = 1e-12;

    private static MicrodataResult run(Dataset d, MicrodataConfig cfg) throws ConfigurationException {
        return MicrodataAnalyzer.analyze(d, cfg, null, ProgressMonitor.none());
    }

    private static Dataset column(String header, List<String> values) {
        return TestTables.rows(header, values.toArray(String[]::new));
    }

    @Test
    void riskiestClassesStopAtOneHundredAndCutATieByFirstRow() throws Exception {
        // 99 unique records (rows 0..98), then 3 classes of size 2 (rows 99..104): the list holds the 99
        // uniques and the first pair class (first row 99), i.e. exactly 100 classes
        List<String> v = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            v.add("u" + i);
        }
        for (String p : new String[] {"p", "q", "r"}) {
            v.add(p);
            v.add(p);
        }
        MicrodataResult r = run(column("q", v), MicrodataConfig.defaults(List.of("q")));
        List<MicrodataResult.ClassSummary> top = r.riskiestClasses();
        assertEquals(100, top.size());
        assertEquals(new MicrodataResult.ClassSummary(1, 0), top.get(0));
        assertEquals(new MicrodataResult.ClassSummary(1, 98), top.get(98));
        assertEquals(new MicrodataResult.ClassSummary(2, 99), top.get(99));
        assertEquals(5, r.riskiestClasses(5).size());
        assertEquals(100, r.riskiestClasses(1000).size());
    }

    @Test
    void exactlyOneHundredUniquesFillTheListWithoutLargerClasses() throws Exception {
        List<String> v = new ArrayList<>();
        v.add("big");
        v.add("big");
        for (int i = 0; i < 100; i++) {
            v.add("u" + i);
        }
        MicrodataResult r = run(column("q", v), MicrodataConfig.defaults(List.of("q")));
        assertEquals(100, r.riskiestClasses().size());
        assertEquals(1, r.riskiestClasses().get(99).size());
        assertEquals(101, r.riskiestClasses().get(99).representativeRow());
    }

    @Test
    void fewerThanOneHundredClassesAreAllListedSmallestFirst() throws Exception {
        // classes: x (rows 0, 2, 3), y (row 1), z (rows 4, 5)
        MicrodataResult r = run(TestTables.rows("q", "x", "y", "x", "x", "z", "z"),
                MicrodataConfig.defaults(List.of("q")));
        assertEquals(List.of(new MicrodataResult.ClassSummary(1, 1), new MicrodataResult.ClassSummary(2, 4),
                new MicrodataResult.ClassSummary(3, 0)), r.riskiestClasses());
    }

    @Test
    void journalistRecordsAtRiskExcludeAPopulationClassExactlyOnTheMinimumSize() throws Exception {
        // t = 0.5 -> s = 2. Sample classes a (1 record) and b (1 record); superset F_a = 2 (on s: not at risk),
        // F_b = 1 (at risk) -> 1 of 2 records at risk. Highest 1/F_b = 1, lowest 1/F_a = 1/2.
        Dataset sample = TestTables.rows("q", "a", "b");
        Dataset superset = TestTables.rows("q", "a", "a", "b");
        MicrodataResult r = MicrodataAnalyzer.analyze(sample, MicrodataConfig.defaults(List.of("q")).withThreshold(0.5),
                superset, ProgressMonitor.none());
        assertEquals(0.5, r.journalist().recordsAtRisk(), EPS);
        assertEquals(1.0, r.journalist().highest(), EPS);
        assertEquals(0.5, r.journalist().lowest(), EPS);
        assertEquals(0.5, r.journalist().appliedThreshold(), EPS);
        // marketer: (1/2 + 1/1) / 2 = 3/4; journalist success max(J/ΣF = 2/3, 3/4) = 3/4
        assertEquals(0.75, r.marketerSuccessRate(), EPS);
        assertEquals(0.75, r.journalist().successRate(), EPS);
        // the prosecutor sees two sample uniques: both at risk, success rate J/n = 1
        assertEquals(1.0, r.prosecutor().recordsAtRisk(), EPS);
        assertEquals(1.0, r.prosecutor().successRate(), EPS);
    }

    @Test
    void supersetValuesUnknownToTheSampleAndSampleValuesUnknownToTheSupersetAreHandled() throws Exception {
        // the superset has a value c the sample lacks (ignored); F_a = 3 and F_b = 2
        Dataset sample = TestTables.rows("q,r", "a,1", "b,2", "a,3");
        Dataset superset = TestTables.rows("q", "c", "a", "b", "a", "b", "a");
        MicrodataResult r = MicrodataAnalyzer.analyze(sample, MicrodataConfig.defaults(List.of("q")), superset,
                ProgressMonitor.none());
        assertEquals(1.0 / 2, r.journalist().highest(), EPS);
        assertEquals(1.0 / 3, r.journalist().lowest(), EPS);
        // s = 5: every record at risk
        assertEquals(1.0, r.journalist().recordsAtRisk(), EPS);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MicrodataAnalyzer.analyze(
                TestTables.rows("q", "a", "z", "y"), MicrodataConfig.defaults(List.of("q")), superset,
                ProgressMonitor.none()));
        assertEquals("risk.superset.noMatch", e.messageKey());
        // two sample classes (z, y) are missing; the first of them is on data row 2
        assertEquals(2, e.args()[0]);
        assertEquals(2, e.args()[2]);
        // the first missing class is on data row 1 (1-based) here: z at row 0, a at row 1, y at row 2
        ConfigurationException first = assertThrows(ConfigurationException.class, () -> MicrodataAnalyzer.analyze(
                TestTables.rows("q", "z", "a", "y"), MicrodataConfig.defaults(List.of("q")), superset,
                ProgressMonitor.none()));
        assertEquals(2, first.args()[0]);
        assertEquals(1, first.args()[2]);
        ConfigurationException col = assertThrows(ConfigurationException.class, () -> MicrodataAnalyzer.analyze(
                sample, MicrodataConfig.defaults(List.of("q", "r")), superset, ProgressMonitor.none()));
        assertEquals("risk.config.unknownColumn", col.messageKey());
    }

    private static ConfigurationException invalid(MicrodataConfig cfg) {
        return assertThrows(ConfigurationException.class, () -> run(TestTables.rows("q,w,h,s", "a,1,h1,x",
                "b,2,h2,y"), cfg));
    }

    @Test
    void eachOptionIsValidatedOnItsOwnAndNamed() {
        MicrodataConfig base = MicrodataConfig.defaults(List.of("q"));
        assertEquals("threshold", invalid(base.withThreshold(1.0000001)).args()[0]);
        assertEquals("threshold", invalid(base.withThreshold(Double.NaN)).args()[0]);
        assertEquals("recursive c", invalid(base.withRecursiveC(Double.POSITIVE_INFINITY)).args()[0]);
        assertEquals("recursive c", invalid(base.withRecursiveC(-1)).args()[0]);
        assertEquals("qual", invalid(base.withQual(0)).args()[0]);
        assertEquals("qual", invalid(base.withQual(Double.POSITIVE_INFINITY)).args()[0]);
        assertEquals("maximum QI subset size", invalid(base.withMaxQiSubset(0)).args()[0]);
        assertEquals("population size", invalid(base.withPopulationSize(0L)).args()[0]);
        assertEquals("sampling fraction", invalid(base.withSamplingFraction(0.0)).args()[0]);
        assertEquals("risk.config.duplicateColumn", invalid(base.withSensitive(List.of(
                new SensitiveAttribute("s", false), new SensitiveAttribute("s", true)))).messageKey());
        assertEquals("sensitive attribute", invalid(base.withSensitive(List.of(
                new SensitiveAttribute("nope", false)))).args()[1]);
        assertEquals("weight", invalid(base.withWeights("nope", null)).args()[1]);
        assertEquals("household", invalid(base.withWeights(null, "nope")).args()[1]);
        assertEquals("risk.config.noQuasiIdentifiers", invalid(MicrodataConfig.defaults(List.of())).messageKey());
    }

    @Test
    void optionsOnTheEdgeOfTheirRangesAreAccepted() throws Exception {
        Dataset d = TestTables.rows("q,w,h,s", "a,1,h1,x", "b,2,h2,y");
        MicrodataConfig base = MicrodataConfig.defaults(List.of("q"));
        assertEquals(1.0, run(d, base.withThreshold(1.0)).prosecutor().appliedThreshold(), EPS);
        assertEquals(1, run(d, base.withMaxQiSubset(1)).k());
        assertEquals(2, run(d, base.withSamplingFraction(1.0)).populationUniqueness().populationSize());
        // N = n is allowed, N < n is not
        assertEquals(2, run(d, base.withPopulationSize(2L)).populationUniqueness().populationSize());
        ConfigurationException small = assertThrows(ConfigurationException.class,
                () -> run(d, base.withPopulationSize(1L)));
        assertEquals("risk.config.populationTooSmall", small.messageKey());
        assertNotNull(run(d, base.withWeights("w", "h").withSensitive(List.of(new SensitiveAttribute("s", false)))));
    }

    @Test
    void sixtyThreeQuasiIdentifiersAreTheLimit() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            names.add("c" + i);
        }
        String header = String.join(",", names);
        String row = String.join(",", Collections.nCopies(64, "1"));
        Dataset d = TestTables.rows(header, row);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> run(d, MicrodataConfig.defaults(names)));
        assertEquals("risk.config.tooManyQuasiIdentifiers", e.messageKey());
        assertEquals(64, e.args()[0]);
    }

    @Test
    void highestAndLowestProsecutorRiskComeFromTheSmallestAndLargestClass() throws Exception {
        // classes of 2, 2 and 4 records: highest 1/2, lowest 1/4, success J/n = 3/8
        MicrodataResult r = run(TestTables.rows("q", "a", "a", "b", "b", "c", "c", "c", "c"),
                MicrodataConfig.defaults(List.of("q")));
        assertEquals(0.5, r.prosecutor().highest(), EPS);
        assertEquals(0.25, r.prosecutor().lowest(), EPS);
        assertEquals(3.0 / 8, r.prosecutor().successRate(), EPS);
        assertEquals(2, r.k());
    }

    @Test
    void pairUniquenessOnManyDistinctValuesCountsPairsNotSingleValues() throws Exception {
        // 2,100 values in a and b, hashed pairs. Rows (a_i, b_i) for i < 2100 and (a_0, b_1): every (a, b) pair
        // is unique (2,101 of 2,101), while b_1 and a_0 each occur twice (2,099 uniques each)
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2100; i++) {
            rows.add("a" + i + ",b" + i);
        }
        rows.add("a0,b1");
        MicrodataResult r = run(TestTables.rows("a,b", rows.toArray(String[]::new)),
                MicrodataConfig.defaults(List.of("a", "b")));
        assertEquals(1.0, r.pairUniqueness().share(0, 1), EPS);
        assertEquals(2099.0 / 2101, r.pairUniqueness().share(0, 0), EPS);
        assertEquals(2099.0 / 2101, r.pairUniqueness().share(1, 1), EPS);
    }

    @Test
    void pairUniquenessOnManyDistinctValuesUsesTheSameCounts() throws Exception {
        // 2,100 distinct values in each of a and b: (2,102)² pair codes exceed the dense table, so the pairs are
        // hashed. Rows: (a_i, b_i) for i < 2100, plus row (a_0, b_0) again -> 2,099 unique pairs out of 2,101
        // rows; a alone: a_0 twice -> 2,099 uniques; (a, a): the same 2,099.
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 2100; i++) {
            rows.add("a" + i + ",b" + i);
        }
        rows.add("a0,b0");
        MicrodataResult r = run(TestTables.rows("a,b", rows.toArray(String[]::new)),
                MicrodataConfig.defaults(List.of("a", "b")));
        assertEquals(2099.0 / 2101, r.pairUniqueness().share(0, 1), EPS);
        assertEquals(2099.0 / 2101, r.pairUniqueness().share(1, 0), EPS);
        assertEquals(2099.0 / 2101, r.pairUniqueness().share(0, 0), EPS);
        assertEquals(2099.0 / 2101, r.sampleUniqueness(), EPS);
    }

    @Test
    void theFirstOfEquallyDiverseClassesIsTheWorst() throws Exception {
        // classes g=1 (rows 0-1: x, y) and g=2 (rows 2-3: x, y): equal distinct count, entropy and distance;
        // the worst class is the first one (row 0) for both l-diversity and t-closeness
        Dataset d = TestTables.rows("g,s", "1,x", "1,y", "2,y", "2,x");
        MicrodataResult r = run(d, MicrodataConfig.defaults(List.of("g"))
                .withSensitive(List.of(new SensitiveAttribute("s", false))));
        assertEquals(new MicrodataResult.ClassSummary(2, 0), r.lDiversity().get(0).worstClass());
        assertEquals(new MicrodataResult.ClassSummary(2, 0), r.tCloseness().get(0).worstClass());
        assertEquals(0.0, r.tCloseness().get(0).t(), EPS);
        assertEquals(2, r.lDiversity().get(0).distinct());
        assertEquals(2.0, r.lDiversity().get(0).entropy(), EPS);
    }

    @Test
    void fewerDistinctValuesOutrankHigherEntropyWhenChoosingTheWorstClass() throws Exception {
        // g=1: x x x y (2 values, exp H = 4/3^(3/4)·… < 2); g=2: x y (2 values, exp H = 2); g=3: x x (1 value)
        // -> worst l class is g=3 (first row 6), whatever the entropies
        Dataset d = TestTables.rows("g,s", "1,x", "1,x", "1,x", "1,y", "2,x", "2,y", "3,x", "3,x");
        MicrodataResult r = run(d, MicrodataConfig.defaults(List.of("g"))
                .withSensitive(List.of(new SensitiveAttribute("s", false))));
        assertEquals(1, r.lDiversity().get(0).distinct());
        assertEquals(new MicrodataResult.ClassSummary(2, 6), r.lDiversity().get(0).worstClass());
        assertEquals(1.0, r.lDiversity().get(0).entropy(), EPS);
        // among classes with 2 values the less even one has the lower entropy: drop g=3 and g=1 is the worst
        Dataset e = TestTables.rows("g,s", "2,x", "2,y", "1,x", "1,x", "1,x", "1,y");
        MicrodataResult s = run(e, MicrodataConfig.defaults(List.of("g"))
                .withSensitive(List.of(new SensitiveAttribute("s", false))));
        assertEquals(new MicrodataResult.ClassSummary(4, 2), s.lDiversity().get(0).worstClass());
        // exp H of (3/4, 1/4) = exp(−(3/4 ln 3/4 + 1/4 ln 1/4)) = 4 / 3^(3/4)
        assertEquals(4 / Math.pow(3, 0.75), s.lDiversity().get(0).entropy(), EPS);
    }
}
