package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Hand-worked wildcard example: rows (x,1), (x,*), (y,1), (x,2), (missing,2). Compatible records:
 * r0 {r0,r1} = 2; r1 {r0,r1,r3,r4} = 4; r2 {r2} = 1; r3 {r1,r3,r4} = 3; r4 {r1,r3,r4} = 3.
 */
class WildcardMatcherTest {

    private static final double EPS = 1e-12;

    static Dataset table() {
        return TestTables.rows("a,b", "x,1", "x,*", "y,1", "x,2", ",2");
    }

    static MicrodataResult run(boolean wildcards, double t) throws ConfigurationException {
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("a", "b")).withWildcards(wildcards).withThreshold(t);
        return MicrodataAnalyzer.analyze(table(), cfg, null, ProgressMonitor.none());
    }

    @Test
    void withoutWildcardsEveryRowIsUnique() throws ConfigurationException {
        MicrodataResult r = run(false, 0.2);
        assertEquals(1.0, r.sampleUniqueness(), EPS);
        assertEquals(1.0, r.prosecutor().successRate(), EPS);
        assertTrue(!r.wildcards());
    }

    @Test
    void wildcardsMatchAnyValue() throws ConfigurationException {
        MicrodataResult r = run(true, 0.5);
        assertTrue(r.wildcards());
        assertEquals(1, r.k());
        assertEquals(0.2, r.sampleUniqueness(), EPS);
        assertEquals(1.0, r.prosecutor().highest(), EPS);
        assertEquals(0.25, r.prosecutor().lowest(), EPS);
        assertEquals((0.5 + 0.25 + 1 + 1.0 / 3 + 1.0 / 3) / 5, r.prosecutor().successRate(), EPS);
        assertEquals(0.2, r.prosecutor().recordsAtRisk(), EPS); // only r2 is below size 2
        assertEquals(new MicrodataResult.BelowK(2, 2, 0.4), r.belowK().get(3));
        assertEquals(new MicrodataResult.BelowK(5, 5, 1.0), r.belowK().get(5));
        assertEquals(new MicrodataResult.ClassSummary(1, 2), r.riskiestClasses().get(0));
        assertEquals(new MicrodataResult.ClassSummary(4, 1), r.riskiestClasses().get(4));
        // exact classes are unchanged
        assertEquals(5, r.classes());
    }

    @Test
    void compatibleSizesAreComputedPerClass() {
        Dataset d = table();
        Partition p = Partition.group(List.of(d.column("a").orElseThrow(), d.column("b").orElseThrow()),
                ProgressMonitor.none());
        int[] first = {0, 1, 2, 3, 4};
        long[] sizes = WildcardMatcher.compatibleSizes(
                List.of(d.column("a").orElseThrow(), d.column("b").orElseThrow()), p.sizes(), first,
                ProgressMonitor.none());
        assertEquals(List.of(2L, 4L, 1L, 3L, 3L), java.util.Arrays.stream(sizes).boxed().toList());
    }
}
