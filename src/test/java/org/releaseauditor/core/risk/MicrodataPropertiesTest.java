package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class MicrodataPropertiesTest {

    private static final String[] A = {"x", "y", "z", "*", ""};
    private static final String[] B = {"1", "2", "3", "4", "*"};
    private static final String[] S = {"10", "9", "100", "p", ""};

    @Provide
    Arbitrary<List<int[]>> tables() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofSize(3).list().ofMinSize(1).ofMaxSize(40);
    }

    private static Dataset build(List<int[]> rows) {
        List<String[]> parsed = new ArrayList<>();
        for (int[] r : rows) {
            parsed.add(new String[] {A[r[0]], B[r[1]], S[r[2]]});
        }
        return TestTables.table("prop", new String[] {"a", "b", "s"}, parsed);
    }

    private static MicrodataResult analyze(List<int[]> rows, boolean wildcards) throws ConfigurationException {
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("a", "b"))
                .withSensitive(List.of(new SensitiveAttribute("s", true), new SensitiveAttribute("a", false)))
                .withWildcards(wildcards).withPopulationSize(1000L);
        return MicrodataAnalyzer.analyze(build(rows), cfg, null, ProgressMonitor.none());
    }

    @Property(tries = 200)
    void resultsDoNotDependOnRowOrder(@ForAll("tables") List<int[]> rows, @ForAll long seed, @ForAll boolean wildcards)
            throws ConfigurationException {
        List<int[]> permuted = new ArrayList<>(rows);
        Collections.shuffle(permuted, new Random(seed));
        MicrodataResult a = analyze(rows, wildcards);
        MicrodataResult b = analyze(permuted, wildcards);
        assertEquals(a.records(), b.records());
        assertEquals(a.classes(), b.classes());
        assertEquals(a.suppressedRecords(), b.suppressedRecords());
        assertEquals(a.histogram(), b.histogram());
        assertEquals(a.k(), b.k());
        assertEquals(a.belowK(), b.belowK());
        assertEquals(a.prosecutor(), b.prosecutor());
        assertEquals(a.journalist(), b.journalist());
        assertEquals(a.sampleUniqueness(), b.sampleUniqueness());
        assertEquals(a.riskDistribution(), b.riskDistribution());
        assertEquals(a.pairUniqueness(), b.pairUniqueness());
        assertEquals(a.populationUniqueness() == null, b.populationUniqueness() == null);
        if (a.populationUniqueness() != null) {
            assertEquals(a.populationUniqueness().zayatz(), b.populationUniqueness().zayatz());
            assertEquals(a.populationUniqueness().dankarModel(), b.populationUniqueness().dankarModel());
        }
        for (int i = 0; i < a.lDiversity().size(); i++) {
            MicrodataResult.LDiversityResult la = a.lDiversity().get(i);
            MicrodataResult.LDiversityResult lb = b.lDiversity().get(i);
            assertEquals(la.distinct(), lb.distinct());
            assertEquals(la.entropy(), lb.entropy(), 1e-12);
            assertEquals(la.recursiveL(), lb.recursiveL());
            assertEquals(a.tCloseness().get(i).t(), b.tCloseness().get(i).t(), 1e-12);
        }
        List<Long> sizesA = a.riskiestClasses().stream().map(MicrodataResult.ClassSummary::size).toList();
        List<Long> sizesB = b.riskiestClasses().stream().map(MicrodataResult.ClassSummary::size).toList();
        assertEquals(sizesA, sizesB);
    }

    @Property(tries = 300)
    void fractionsAreInTheUnitIntervalAndRisksAreOrdered(@ForAll("tables") List<int[]> rows,
                                                         @ForAll boolean wildcards) throws ConfigurationException {
        MicrodataResult r = analyze(rows, wildcards);
        List<Double> fractions = new ArrayList<>(List.of(r.sampleUniqueness(), r.marketerSuccessRate(),
                r.prosecutor().recordsAtRisk(), r.prosecutor().highest(), r.prosecutor().lowest(),
                r.prosecutor().successRate(), r.journalist().successRate()));
        r.belowK().values().forEach(v -> fractions.add(v.recordsFraction()));
        r.riskDistribution().forEach(bin -> {
            fractions.add(bin.fraction());
            fractions.add(bin.cumulative());
        });
        r.tCloseness().forEach(t -> fractions.add(t.t()));
        r.pairUniqueness().shares().forEach(fractions::addAll);
        if (r.populationUniqueness() != null) {
            for (Double d : new Double[] {r.populationUniqueness().pitman(), r.populationUniqueness().zayatz(),
                r.populationUniqueness().snb(), r.populationUniqueness().dankar()}) {
                if (d != null) {
                    fractions.add(d);
                }
            }
        }
        for (double f : fractions) {
            assertTrue(f >= 0 && f <= 1 + 1e-12, "fraction out of range: " + f);
        }
        if (r.records() > 0) {
            assertTrue(r.prosecutor().highest() >= r.prosecutor().lowest());
            assertEquals(1.0, r.riskDistribution().get(r.riskDistribution().size() - 1).cumulative(), 1e-12);
            if (!wildcards) { // with wildcards k is over compatible sizes, which are >= exact sizes
                for (long size : r.histogram().classSizes()) {
                    assertTrue(r.k() <= size, "k " + r.k() + " > class size " + size);
                }
                assertEquals(r.k(), r.histogram().classSizes()[0]);
            }
            for (MicrodataResult.ClassSummary c : r.riskiestClasses()) {
                assertTrue(r.k() <= c.size());
            }
            assertEquals(r.records() + r.suppressedRecords(), rows.size());
        }
    }

    @Property(tries = 300)
    void wildcardSizesEqualABruteForceCount(@ForAll("tables") List<int[]> rows) throws ConfigurationException {
        Dataset d = build(rows);
        List<org.releaseauditor.core.model.Column> qis = List.of(d.column("a").orElseThrow(),
                d.column("b").orElseThrow(), d.column("s").orElseThrow());
        Partition p = Partition.group(qis, ProgressMonitor.none());
        int[] first = new int[p.classCount()];
        java.util.Arrays.fill(first, -1);
        for (int r = 0; r < d.rowCount(); r++) {
            if (p.classOf(r) >= 0 && first[p.classOf(r)] < 0) {
                first[p.classOf(r)] = r;
            }
        }
        long[] sizes = WildcardMatcher.compatibleSizes(qis, p.sizes(), first, ProgressMonitor.none());
        for (int j = 0; j < first.length; j++) {
            long expected = 0;
            for (int r = 0; r < d.rowCount(); r++) {
                if (p.classOf(r) < 0) {
                    continue;
                }
                boolean compatible = true;
                for (org.releaseauditor.core.model.Column c : qis) {
                    int x = c.code(first[j]);
                    int y = c.code(r);
                    compatible &= x < 0 || y < 0 || x == y;
                }
                if (compatible) {
                    expected++;
                }
            }
            assertEquals(expected, sizes[j]);
        }
    }
}
