package org.releaseauditor.core.remediation.microdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalyzer;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.MicrodataResult;

class MicrodataRemediationTest {

    static Column column(String name, ColumnType type, String... values) {
        List<String> dict = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                codes[i] = Column.MISSING;
            } else if ("*".equals(v)) {
                codes[i] = Column.SUPPRESSED;
            } else {
                int c = dict.indexOf(v);
                if (c < 0) {
                    c = dict.size();
                    dict.add(v);
                }
                codes[i] = c;
            }
        }
        return new Column(name, type, dict.toArray(new String[0]), codes, values.length);
    }

    static PolicyProfile policy(PolicyRule... rules) {
        return new PolicyProfile("test", "1", null, null, null, List.of(rules));
    }

    static PolicyRule rule(String metric, Operator op, double t) {
        return new PolicyRule(metric, op, t, Severity.FAIL, "");
    }

    /** The 8-row example worked out by hand below. */
    static MicrodataRemediation small() throws ConfigurationException {
        Dataset d = new Dataset("small", List.of(
                column("age", ColumnType.INTEGER, "21", "22", "23", "24", "31", "35", "36", "60"),
                column("zip", ColumnType.CATEGORICAL, "1234", "1234", "1235", "1235", "1234", "1299", "1298", "9999")));
        GeneralizationHierarchy age = GeneralizationHierarchy.of("age", "test", List.of(
                new String[] {"21", "20-29", "*"}, new String[] {"22", "20-29", "*"},
                new String[] {"23", "20-29", "*"}, new String[] {"24", "20-29", "*"},
                new String[] {"31", "30-39", "*"}, new String[] {"35", "30-39", "*"},
                new String[] {"36", "30-39", "*"}, new String[] {"60", "60-69", "*"}));
        GeneralizationHierarchy zip = GeneralizationHierarchy.of("zip", "test", List.of(
                new String[] {"1234", "123*", "*"}, new String[] {"1235", "123*", "*"},
                new String[] {"1298", "129*", "*"}, new String[] {"1299", "129*", "*"},
                new String[] {"9999", "999*", "*"}));
        return MicrodataRemediation.prepare(d, List.of(age, zip), ProgressMonitor.none());
    }

    @Test
    void lossesOfOneNodeMatchTheHandComputation() throws Exception {
        // Node (age 1, zip 1): classes (20-29,123*) 4, (30-39,129*) 2, (30-39,123*) 1, (60-69,999*) 1.
        // k >= 2 with at most floor(0.25·8) = 2 suppressed records: the two singletons go, S = 2.
        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 2)))
                .withMaxSuppression(0.25);
        NodeResult r = small().evaluate(new int[] {1, 1}, o);
        assertTrue(r.feasible());
        assertEquals(2, r.suppressedRecords());
        assertEquals(2, r.suppressBelow());
        assertEquals(2, r.classes());
        assertEquals(2, r.k());
        assertEquals(0.5, r.highestRisk());
        assertEquals(2.0 / 6, r.averageRisk(), 1e-15);
        // Loss: age Σ = 4·4/8 + 2·3/8 + 2 = 4.75, normalised (4.75 − 8/8)/(8 − 8/8) = 3.75/7;
        //       zip Σ = 4·2/5 + 2·2/5 + 2 = 4.4, normalised (4.4 − 8/5)/(8 − 8/5) = 2.8/6.4;
        //       geometric mean of the two: sqrt((1 + v_age)(1 + v_zip)) − 1
        assertEquals(Math.sqrt((1 + 3.75 / 7) * (1 + 2.8 / 6.4)) - 1, r.loss(LossMeasure.LOSS), 1e-15);
        // Discernibility: 4² + 2² + 2 suppressed · N = 16 + 4 + 16
        assertEquals(36.0, r.loss(LossMeasure.DISCERNIBILITY));
        // Precision: level/height = 1/2 for both, ((8 − 2)·0.5 + 2)/8 = 0.625 each
        assertEquals(0.625, r.loss(LossMeasure.PRECISION), 1e-15);
        // Entropy: age 4·log2 4 + 3·log2 3 (each value once; groups of 4, 3, 1) = 12.7548875…
        //          zip 3·log2(5/3) + 2·log2(5/2) + 1 + 1 (1234 ×3, 1235 ×2 in 123* of 5; 1298, 1299 in 129* of 2)
        //          suppressed records (30-39,123*) and (60-69,999*): two distinct values per QI → 2 + 2
        double log2 = Math.log(2);
        double ageGen = 4 * 2 + 3 * Math.log(3) / log2;
        double zipGen = 3 * Math.log(5.0 / 3) / log2 + 2 * Math.log(5.0 / 2) / log2 + 2;
        assertEquals(ageGen + zipGen + 4, r.loss(LossMeasure.ENTROPY), 1e-12);
    }

    @Test
    void bottomNodeIsInfeasibleWhenEveryRecordIsUnique() throws Exception {
        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 2)))
                .withMaxSuppression(0.25);
        NodeResult r = small().evaluate(new int[] {0, 0}, o);
        assertFalse(r.feasible());
        assertTrue(r.losses().isEmpty());
        assertEquals(1, r.k());
    }

    @Test
    void searchFindsTheCheapestNodeOfTheSmallExample() throws Exception {
        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 2)))
                .withMaxSuppression(0.25).withMeasure(LossMeasure.PRECISION);
        MicrodataSearchResult r = small().search(o, ProgressMonitor.none());
        // precision of (1,0): age at 1/2, zip original: classes (20-29,1234) 2, (20-29,1235) 2, others
        // singletons (30-39,1234), (30-39,1299), (30-39,1298), (60-69,9999): 4 > 2 suppressed → infeasible.
        // (0,1): (21..24 unique) → infeasible. (1,1): 0.625 as above. (2,0): classes by zip: 1234 ×3,
        // 1235 ×2, 3 singletons → 3 > 2. (0,2): by age, all unique. So (1,1) wins with 0.625;
        // (2,1) gives ((8 − 1)·(1 + 0.5) + 2·1)/8/2 = 0.78125 (only 999* alone); (1,2) likewise.
        assertEquals(List.of(1, 1), r.optimum().levels());
        assertEquals(0.625, r.optimum().loss(LossMeasure.PRECISION), 1e-15);
        assertEquals(9, r.latticeSize());
    }

    @Test
    void noFeasibleNodeGivesNoOptimum() throws Exception {
        // k >= 9 needs more records than the file has, and nothing may be suppressed
        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 9)))
                .withMaxSuppression(0);
        MicrodataSearchResult r = small().search(o, ProgressMonitor.none());
        assertNull(r.optimum());
        assertFalse(r.found());
        assertTrue(r.paretoFront().isEmpty());
    }

    @Test
    void unsupportedFailRuleIsAnErrorAndWarnRuleIsIgnored() throws Exception {
        MicrodataSearchOptions bad = MicrodataSearchOptions.defaults(policy(rule("lDiversity.disease.distinct",
                Operator.GE, 2)));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> small().search(bad, ProgressMonitor.none()));
        assertEquals("remediation.policy.unsupported", e.messageKey());
        PolicyProfile warn = policy(rule("k", Operator.GE, 2),
                new PolicyRule("lDiversity.disease.distinct", Operator.GE, 2, Severity.WARN, ""));
        MicrodataSearchResult r = small().search(MicrodataSearchOptions.defaults(warn).withMaxSuppression(0.25),
                ProgressMonitor.none());
        assertEquals(List.of("lDiversity.disease.distinct >= 2"), r.ignoredRules());
        assertNotNull(r.optimum());
    }

    @Test
    void optionsAndLevelsAreValidatedBeforeWork() throws Exception {
        MicrodataRemediation m = small();
        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 2)));
        assertThrows(ConfigurationException.class, () -> m.search(o.withMaxSuppression(1.5), ProgressMonitor.none()));
        assertThrows(ConfigurationException.class, () -> m.search(o.withRiskThreshold(0), ProgressMonitor.none()));
        assertEquals("remediation.levels.range",
                assertThrows(ConfigurationException.class, () -> m.evaluate(new int[] {3, 0}, o)).messageKey());
        assertEquals("remediation.levels.count",
                assertThrows(ConfigurationException.class, () -> m.evaluate(new int[] {1}, o)).messageKey());
    }

    @Test
    void valueMissingFromHierarchyNamesColumnAndRow() throws Exception {
        Dataset d = new Dataset("d", List.of(column("zip", ColumnType.CATEGORICAL, "1", "2", "3")));
        GeneralizationHierarchy h = GeneralizationHierarchy.of("zip", "zip.csv", List.of(new String[] {"1", "*"},
                new String[] {"2", "*"}));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MicrodataRemediation.prepare(d, List.of(h), ProgressMonitor.none()));
        assertEquals("remediation.hierarchy.valueMissing", e.messageKey());
        assertEquals(List.of("zip", "zip.csv", 1, 3), List.of(e.args()));
    }

    @Test
    void missingValuesAndStarsGetLeavesOfTheirOwn() throws Exception {
        // two missing ages and one '*' age; a missing value stays missing until the single top '*'
        Dataset d = new Dataset("d", List.of(
                column("age", ColumnType.INTEGER, "21", "22", null, null, "*", "35", "36"),
                column("sex", ColumnType.CATEGORICAL, "m", "m", "m", "m", "m", "m", "m")));
        List<GeneralizationHierarchy> hs = List.of(
                HierarchyBuilder.build(d.columns().get(0), HierarchySpec.parse("interval:10")),
                HierarchyBuilder.build(d.columns().get(1), HierarchySpec.auto()));
        MicrodataRemediation m = MicrodataRemediation.prepare(d, hs, ProgressMonitor.none());
        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 2)))
                .withMaxSuppression(0);
        // level 1: 20-29 ×2, 30-39 ×2, missing ×2, '*' ×1 → the '*' record alone is a class of 1
        assertFalse(m.evaluate(new int[] {1, 0}, o).feasible());
        // level 2 ('*' for everything, the missing values too) with sex kept: one class of 7
        NodeResult top = m.evaluate(new int[] {2, 0}, o);
        assertTrue(top.feasible());
        assertEquals(7, top.k());
        MicrodataRemediation.Applied a = m.apply(new int[] {1, 0}, 0, ProgressMonitor.none());
        Column age = a.dataset().column("age").orElseThrow();
        assertEquals("20-29", age.valueAt(0));
        assertNull(age.valueAt(2));
        assertEquals("*", age.valueAt(4));
    }

    /** Exhaustive reference: the best feasible node by (loss, suppressed, total level, levels). */
    static NodeResult bruteForce(MicrodataRemediation m, MicrodataSearchOptions o) throws Exception {
        int[] h = m.heights();
        int[] lv = new int[h.length];
        NodeResult best = null;
        while (true) {
            NodeResult r = m.evaluate(lv, o);
            if (r.feasible() && (best == null || lessThan(r, best, o.measure()))) {
                best = r;
            }
            int d = h.length - 1;
            while (d >= 0 && lv[d] == h[d]) {
                lv[d] = 0;
                d--;
            }
            if (d < 0) {
                return best;
            }
            lv[d]++;
        }
    }

    static boolean lessThan(NodeResult a, NodeResult b, LossMeasure measure) {
        if (a.loss(measure) != b.loss(measure)) {
            return a.loss(measure) < b.loss(measure);
        }
        if (a.suppressedRecords() != b.suppressedRecords()) {
            return a.suppressedRecords() < b.suppressedRecords();
        }
        int sa = a.levels().stream().mapToInt(Integer::intValue).sum();
        int sb = b.levels().stream().mapToInt(Integer::intValue).sum();
        if (sa != sb) {
            return sa < sb;
        }
        for (int i = 0; i < a.levels().size(); i++) {
            if (!a.levels().get(i).equals(b.levels().get(i))) {
                return a.levels().get(i) < b.levels().get(i);
            }
        }
        return false;
    }

    static Dataset random(long seed, int rows) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] age = new String[rows];
        String[] zip = new String[rows];
        String[] sex = new String[rows];
        String[] day = new String[rows];
        for (int r = 0; r < rows; r++) {
            double u = rnd.nextDouble();
            age[r] = Integer.toString(18 + (int) (70 * u * u));
            zip[r] = "1" + rnd.nextInt(3) + rnd.nextInt(10) + rnd.nextInt(4);
            sex[r] = rnd.nextInt(10) == 0 ? null : rnd.nextBoolean() ? "f" : "m";
            day[r] = String.format("2024-%02d-%02d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        }
        return new Dataset("random" + seed, List.of(column("age", ColumnType.INTEGER, age),
                column("zip", ColumnType.CATEGORICAL, zip), column("sex", ColumnType.CATEGORICAL, sex),
                column("day", ColumnType.DATE_TIME, day)));
    }

    @Test
    void searchEqualsExhaustiveEnumerationOnRandomData() throws Exception {
        List<PolicyProfile> policies = List.of(
                policy(rule("k", Operator.GE, 3)),
                policy(rule("prosecutor.highest", Operator.LE, 0.2)),
                policy(rule("prosecutor.recordsAtRisk", Operator.LE, 0.1)),
                policy(rule("prosecutor.successRate", Operator.LE, 0.25)),
                policy(rule("k", Operator.GE, 2), rule("sampleUniqueness", Operator.EQ, 0),
                        rule("belowK.5.recordsFraction", Operator.LE, 0.2)));
        int checked = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Dataset d = random(seed, 150 + 50 * (int) seed);
            List<GeneralizationHierarchy> hs = new ArrayList<>();
            for (Column c : d.columns()) {
                hs.add(HierarchyBuilder.build(c, HierarchySpec.auto()));
            }
            MicrodataRemediation m = MicrodataRemediation.prepare(d, hs, ProgressMonitor.none());
            for (PolicyProfile p : policies) {
                for (double limit : new double[] {0, 0.04, 0.2}) {
                    for (LossMeasure measure : LossMeasure.values()) {
                        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(p).withMeasure(measure)
                                .withMaxSuppression(limit).withParetoBudget(0);
                        NodeResult expected = bruteForce(m, o);
                        MicrodataSearchResult r = m.search(o, ProgressMonitor.none());
                        String what = "seed " + seed + ", " + p.rules().get(0).describe() + ", limit " + limit + ", "
                                + measure;
                        if (expected == null) {
                            assertNull(r.optimum(), what);
                        } else {
                            assertNotNull(r.optimum(), what);
                            assertEquals(expected.levels(), r.optimum().levels(), what);
                            assertEquals(expected.loss(measure), r.optimum().loss(measure), 0, what);
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(3 * 5 * 3 * 4, checked);
    }

    @Test
    void monotonicPruningOnlyForMinimumClassSizeRulesOrWithoutSuppression() throws Exception {
        MicrodataRemediation m = small();
        assertTrue(m.search(MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 2))),
                ProgressMonitor.none()).monotonicPruning());
        assertFalse(m.search(MicrodataSearchOptions.defaults(policy(rule("prosecutor.successRate", Operator.LE, 0.5)))
                .withMaxSuppression(0.25), ProgressMonitor.none()).monotonicPruning());
        assertTrue(m.search(MicrodataSearchOptions.defaults(policy(rule("prosecutor.successRate", Operator.LE, 0.5)))
                .withMaxSuppression(0), ProgressMonitor.none()).monotonicPruning());
        assertFalse(m.search(MicrodataSearchOptions.defaults(policy(rule("k", Operator.LE, 2))),
                ProgressMonitor.none()).monotonicPruning());
    }

    @Test
    void appliedCopyReauditsToThePredictedMetrics() throws Exception {
        Dataset d = random(7, 400);
        List<GeneralizationHierarchy> hs = new ArrayList<>();
        for (Column c : d.columns()) {
            hs.add(HierarchyBuilder.build(c, HierarchySpec.auto()));
        }
        MicrodataRemediation m = MicrodataRemediation.prepare(d, hs, ProgressMonitor.none());
        PolicyProfile p = policy(rule("k", Operator.GE, 4), rule("prosecutor.recordsAtRisk", Operator.LE, 0.05));
        MicrodataSearchResult r = m.search(MicrodataSearchOptions.defaults(p).withMaxSuppression(0.1),
                ProgressMonitor.none());
        NodeResult opt = r.optimum();
        assertNotNull(opt);
        MicrodataRemediation.Applied a = m.apply(opt.levelArray(), opt.suppressBelow(), ProgressMonitor.none());
        assertEquals(opt.suppressedRecords(), a.suppressedRecords());
        MicrodataResult audit = MicrodataAnalyzer.analyze(a.dataset(),
                MicrodataConfig.defaults(List.of("age", "zip", "sex", "day")), null, ProgressMonitor.none());
        assertEquals(opt.k(), audit.k());
        assertEquals(opt.classes(), audit.classes());
        assertEquals(opt.suppressedRecords() + opt.alreadySuppressed(), audit.suppressedRecords());
        assertEquals(opt.highestRisk(), audit.prosecutor().highest());
        assertEquals(opt.recordsAtRisk(), audit.prosecutor().recordsAtRisk());
        assertEquals(opt.averageRisk(), audit.prosecutor().successRate());
        assertTrue(audit.k() >= 4);
        // the non-QI-free copy keeps row count and column order
        assertEquals(d.rowCount(), a.dataset().rowCount());
        assertEquals(d.columnNames(), a.dataset().columnNames());
        assertTrue(r.predictedFindings().stream().allMatch(f -> f.status().name().equals("PASS")));
    }

    @Test
    void paretoFrontIsSortedByLossWithFallingRisk() throws Exception {
        Dataset d = random(3, 300);
        List<GeneralizationHierarchy> hs = new ArrayList<>();
        for (Column c : d.columns()) {
            hs.add(HierarchyBuilder.build(c, HierarchySpec.auto()));
        }
        MicrodataRemediation m = MicrodataRemediation.prepare(d, hs, ProgressMonitor.none());
        MicrodataSearchResult r = m.search(MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 3)))
                .withExhaustive(true), ProgressMonitor.none());
        assertTrue(r.paretoComplete());
        List<NodeResult> front = r.paretoFront();
        assertTrue(front.size() >= 2, "more loss buys less risk here");
        assertEquals(r.optimum().levels(), front.get(0).levels());
        for (int i = 1; i < front.size(); i++) {
            assertTrue(front.get(i).loss(LossMeasure.LOSS) >= front.get(i - 1).loss(LossMeasure.LOSS));
            assertTrue(front.get(i).averageRisk() < front.get(i - 1).averageRisk());
        }
        assertArrayEquals(new int[] {r.optimum().levels().get(0), r.optimum().levels().get(1),
            r.optimum().levels().get(2), r.optimum().levels().get(3)}, r.optimum().levelArray());
    }

    @Test
    void paretoBudgetEvaluatesNodesBeyondTheProofWithoutChangingTheOptimum() throws Exception {
        Dataset d = random(5, 400);
        List<GeneralizationHierarchy> hs = new ArrayList<>();
        for (Column c : d.columns()) {
            hs.add(HierarchyBuilder.build(c, HierarchySpec.auto()));
        }
        MicrodataRemediation m = MicrodataRemediation.prepare(d, hs, ProgressMonitor.none());
        MicrodataSearchOptions o = MicrodataSearchOptions.defaults(policy(rule("k", Operator.GE, 3)));
        MicrodataSearchResult proofOnly = m.search(o.withParetoBudget(0), ProgressMonitor.none());
        MicrodataSearchResult more = m.search(o.withParetoBudget(300), ProgressMonitor.none());
        MicrodataSearchResult all = m.search(o.withExhaustive(true), ProgressMonitor.none());
        assertEquals(proofOnly.optimum().levels(), more.optimum().levels());
        assertEquals(all.optimum().levels(), more.optimum().levels());
        assertTrue(more.evaluatedNodes() > proofOnly.evaluatedNodes());
        assertTrue(more.paretoFront().size() >= proofOnly.paretoFront().size());
        assertFalse(proofOnly.paretoComplete());
        assertTrue(all.paretoComplete());
        assertTrue(all.evaluatedNodes() + all.taggedInfeasible() >= all.latticeSize() - 1);
    }
}
