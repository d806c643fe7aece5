package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Hand-worked l-diversity and t-closeness. Class g=1 holds sensitive values {2,1,1} (counts 2,1),
 * class g=2 holds {1,2,3,3} (counts 1,1,2); the table holds 1×3, 2×2, 3×2.
 */
class SensitiveAnalysisTest {

    private static final double EPS = 1e-12;

    static Dataset table() {
        return TestTables.rows("g,s", "1,2", "1,1", "1,1", "2,1", "2,2", "2,3", "2,3");
    }

    static MicrodataResult run(boolean ordered, double c) throws ConfigurationException {
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("g"))
                .withSensitive(List.of(new SensitiveAttribute("s", ordered))).withRecursiveC(c);
        return MicrodataAnalyzer.analyze(table(), cfg, null, ProgressMonitor.none());
    }

    @Test
    void distinctAndEntropyLDiversityAreMinimaOverClasses() throws ConfigurationException {
        MicrodataResult.LDiversityResult l = run(false, 2.0).lDiversity().get(0);
        assertEquals("s", l.attribute());
        assertEquals(2, l.distinct());
        // class 1: H = −(2/3 ln 2/3 + 1/3 ln 1/3), exp(H) = 3 / 2^(2/3); class 2: exp(H) = 2√2
        assertEquals(3 / Math.pow(2, 2.0 / 3), l.entropy(), EPS);
        assertEquals(new MicrodataResult.ClassSummary(3, 0), l.worstClass());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # c,  recursive l   (class 1: r=(2,1); class 2: r=(2,1,1))
            2.0,  1
            3.0,  2
            5.0,  2
            1.0,  1
            0.5,  0
            """)
    void recursiveLIsTheLargestLThatEveryClassSatisfies(double c, int l) throws ConfigurationException {
        MicrodataResult.LDiversityResult result = run(false, c).lDiversity().get(0);
        assertEquals(l, result.recursiveL());
        assertEquals(c, result.recursiveC());
    }

    @Test
    void equalDistanceIsHalfTheL1DistanceToTheTable() throws ConfigurationException {
        MicrodataResult.TClosenessResult t = run(false, 2.0).tCloseness().get(0);
        // class 1: p = (2/3, 1/3, 0) vs q = (3/7, 2/7, 2/7): ½(5/21 + 1/21 + 6/21) = 2/7
        // class 2: p = (1/4, 1/4, 1/2): ½(5/28 + 1/28 + 6/28) = 3/14
        assertEquals(2.0 / 7, t.t(), EPS);
        assertEquals("equal", t.distance());
        assertEquals(new MicrodataResult.ClassSummary(3, 0), t.worstClass());
    }

    @Test
    void orderedDistanceUsesCumulativeDifferencesInValueOrder() throws ConfigurationException {
        MicrodataResult.TClosenessResult t = run(true, 2.0).tCloseness().get(0);
        // class 1: cumulative p (2/3, 1, 1) vs q (3/7, 5/7, 1): (5/21 + 6/21) / 2 = 11/42
        // class 2: cumulative p (1/4, 1/2, 1): (5/28 + 6/28) / 2 = 11/56
        assertEquals(11.0 / 42, t.t(), EPS);
        assertEquals("ordered", t.distance());
    }

    @Test
    void orderedDistanceOrdersNumbersNumerically() throws ConfigurationException {
        // values 9 and 10: lexicographic order would put "10" first
        Dataset d = TestTables.rows("g,s", "1,9", "1,9", "2,10", "2,100", "2,10", "1,100");
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("g"))
                .withSensitive(List.of(new SensitiveAttribute("s", true)));
        MicrodataResult.TClosenessResult t = MicrodataAnalyzer.analyze(d, cfg, null, ProgressMonitor.none())
                .tCloseness().get(0);
        // table q = (9: 1/3, 10: 1/3, 100: 1/3); class 1 p = (2/3, 0, 1/3): cum diffs 1/3, 0 -> (1/3)/2
        assertEquals(1.0 / 6, t.t(), EPS);
    }

    @Test
    void aClassWithTheWholeTableDistributionHasDistanceZero() throws ConfigurationException {
        Dataset d = TestTables.rows("g,s", "1,a", "1,b", "2,a", "2,b");
        for (boolean ordered : new boolean[] {false, true}) {
            MicrodataConfig cfg = MicrodataConfig.defaults(List.of("g"))
                    .withSensitive(List.of(new SensitiveAttribute("s", ordered)));
            MicrodataResult r = MicrodataAnalyzer.analyze(d, cfg, null, ProgressMonitor.none());
            assertEquals(0.0, r.tCloseness().get(0).t(), EPS);
            assertEquals(2, r.lDiversity().get(0).distinct());
            assertEquals(2.0, r.lDiversity().get(0).entropy(), EPS);
        }
    }

    /** Classes in parallel chunks give the same extremes and worst classes as one pass (ties: first class). */
    @Test
    void chunkedClassesGiveTheSameOutcomeAsOnePass() {
        List<org.releaseauditor.core.model.Column> cols = PartitionProperties.table(new PartitionProperties.Spec(
                300_000, new int[] {400, 300, 4}, 2, 4, 5));
        List<org.releaseauditor.core.model.Column> qis = cols.subList(0, 2);
        org.releaseauditor.core.model.Column sensitive = cols.get(2);
        Partition p = Partition.group(qis, ProgressMonitor.none(),
                org.releaseauditor.core.parallel.Workers.sequential());
        org.junit.jupiter.api.Assertions.assertTrue(p.classCount() > 2 << 15, "classes: " + p.classCount());
        for (boolean ordered : new boolean[] {false, true}) {
            SensitiveAnalysis.Outcome one = SensitiveAnalysis.analyze(sensitive, ordered, p, p.firstRows(), 2.0,
                    ProgressMonitor.none(), org.releaseauditor.core.parallel.Workers.sequential());
            SensitiveAnalysis.Outcome many = SensitiveAnalysis.analyze(sensitive, ordered, p, p.firstRows(), 2.0,
                    ProgressMonitor.none(), org.releaseauditor.core.parallel.Workers.commonPool(8));
            assertEquals(one, many);
        }
    }

    /**
     * The list walk (narrow columns) finds the same cells, in the same first-row numbering, as the
     * hash refinement, on random tables with missing values, many classes and single-row classes.
     */
    @Test
    void bothWaysOfFindingTheCellsAgree() throws ConfigurationException {
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int rows = 1 + rnd.nextInt(trial < 20 ? 30 : 3000);
            int groups = 1 + rnd.nextInt(rows);
            int values = 1 + rnd.nextInt(14);
            String[] lines = new String[rows];
            for (int r = 0; r < rows; r++) {
                int x = rnd.nextInt(9);
                lines[r] = (rnd.nextInt(5) == 0 ? "" : "g" + rnd.nextInt(groups)) + ","
                        + (x == 0 ? "" : x == 1 ? "*" : "v" + rnd.nextInt(values));
            }
            Dataset d = TestTables.rows("g,s", lines);
            org.releaseauditor.core.model.Column g = d.column("g").orElseThrow();
            org.releaseauditor.core.model.Column sv = d.column("s").orElseThrow();
            Partition p = Partition.group(List.of(g), ProgressMonitor.none());
            SensitiveAnalysis.Cells listed = SensitiveAnalysis.Cells.listed(p.classIds(), sv.compactCodes(), p.classCount(),
                    ProgressMonitor.none());
            SensitiveAnalysis.Cells refined = SensitiveAnalysis.Cells.refined(p, sv, p.classIds(),
                    ProgressMonitor.none(), org.releaseauditor.core.parallel.Workers.sequential());
            assertEquals(refined.count, listed.count, "trial " + trial);
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(refined.cls, refined.count)),
                    java.util.Arrays.toString(java.util.Arrays.copyOf(listed.cls, listed.count)));
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(refined.code, refined.count)),
                    java.util.Arrays.toString(java.util.Arrays.copyOf(listed.code, listed.count)));
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(refined.size, refined.count)),
                    java.util.Arrays.toString(java.util.Arrays.copyOf(listed.size, listed.count)));
        }
    }
}
