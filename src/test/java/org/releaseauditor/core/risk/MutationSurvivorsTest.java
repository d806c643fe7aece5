package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Behaviour that mutation testing (issue 14, item 8) found untested: records exactly on a risk
 * threshold, and the ordering of value counts in recursive (c,l)-diversity. (The Pitman fallback
 * is pinned by {@code PopulationUniquenessEstimatorTest}.)
 */
class MutationSurvivorsTest {

    /** Classes of sizes 1, 4, 5, 10 and 20 on QI q (40 records); no weights, so r = 1/f. */
    private static Dataset classesOnThresholds() {
        List<String> rows = new ArrayList<>();
        int[] sizes = {1, 4, 5, 10, 20};
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                rows.add("v" + c + ",h" + (rows.size() / 2));
            }
        }
        return TestTables.rows("q,hh", rows.toArray(String[]::new));
    }

    @Test
    void aRecordExactlyOnAnIndividualRiskThresholdIsNotAboveIt() throws Exception {
        // risks 1, 1/4, 1/5, 1/10, 1/20; 1.0/5 == 0.2, 1.0/10 == 0.1, 1.0/20 == 0.05 in binary
        // floating point, so the classes of 5, 10 and 20 sit exactly on a threshold
        IndividualRiskResult r = IndividualRisk.compute(classesOnThresholds(),
                MicrodataConfig.defaults(List.of("q")), ProgressMonitor.none());
        assertEquals(List.of(0.05, 0.1, 0.2), r.recordsAboveThresholds().stream()
                .map(IndividualRiskResult.ThresholdCount::threshold).toList());
        assertEquals(20, r.recordsAboveThresholds().get(0).count()); // 1 + 4 + 5 + 10, not the 20 at 0.05
        assertEquals(10, r.recordsAboveThresholds().get(1).count()); // 1 + 4 + 5, not the 10 at 0.1
        assertEquals(5, r.recordsAboveThresholds().get(2).count());  // 1 + 4, not the 5 at 0.2
    }

    @Test
    void householdRiskCountsHouseholdsStrictlyAboveEachThreshold() throws Exception {
        // households are consecutive pairs of rows: (v0,v1) 1 − 0·0.75 = 1; (v1,v1) 1 − 0.75² =
        // 0.4375; (v1,v2) 1 − 0.75·0.8 = 0.4; 2 × (v2,v2) 0.36; 5 × (v3,v3) 1 − 0.9² = 0.19;
        // 10 × (v4,v4) 1 − 0.95² = 0.0975
        IndividualRiskResult r = IndividualRisk.compute(classesOnThresholds(),
                MicrodataConfig.defaults(List.of("q")).withWeights(null, "hh"), ProgressMonitor.none());
        IndividualRiskResult.HouseholdRisk h = r.household();
        assertEquals(20, h.households());
        assertEquals(20, h.householdsAboveThresholds().get(0).count());
        assertEquals(10, h.householdsAboveThresholds().get(1).count());
        assertEquals(5, h.householdsAboveThresholds().get(2).count());
        assertEquals(1.0, h.maxRisk());
        // Σ_h r_h = 1 + 0.4375 + 0.4 + 2·0.36 + 5·0.19 + 10·0.0975
        assertEquals(1 + 0.4375 + 0.4 + 0.72 + 0.95 + 0.975, h.expectedReidentifications(), 1e-12);
    }

    @Test
    void prosecutorRecordsAtRiskExcludeAClassExactlyOnTheThreshold() throws Exception {
        MicrodataResult m = MicrodataAnalyzer.analyze(classesOnThresholds(),
                MicrodataConfig.defaults(List.of("q")).withThreshold(0.2), null, ProgressMonitor.none());
        assertEquals(5.0 / 40, m.prosecutor().recordsAtRisk(), 1e-15); // classes of 1 and 4, not of 5
        MicrodataResult tenth = MicrodataAnalyzer.analyze(classesOnThresholds(),
                MicrodataConfig.defaults(List.of("q")).withThreshold(0.1), null, ProgressMonitor.none());
        assertEquals(10.0 / 40, tenth.prosecutor().recordsAtRisk(), 1e-15); // 1 + 4 + 5, not the 10
    }

    @Test
    void recursiveDiversityRanksTheValueCountsOfAClass() throws Exception {
        // one class with s = x,x,x,x,y,z: sorted counts r = (4,1,1). With c = 3: l = 2 holds
        // (4 < 3·(1+1)) but l = 3 does not (4 < 3·1 fails), so recursive l = 2. In the order the
        // values first appear, (4,1,1) read as if descending would give r1 = 1 and l = 3.
        Dataset d = TestTables.rows("g,s", "1,x", "1,x", "1,x", "1,x", "1,y", "1,z");
        MicrodataResult r = MicrodataAnalyzer.analyze(d, MicrodataConfig.defaults(List.of("g"))
                .withSensitive(List.of(new SensitiveAttribute("s", false))).withRecursiveC(3), null,
                ProgressMonitor.none());
        assertEquals(2, r.lDiversity().get(0).recursiveL());
        // the same class with the frequent value last
        Dataset e = TestTables.rows("g,s", "1,y", "1,z", "1,x", "1,x", "1,x", "1,x");
        MicrodataResult s = MicrodataAnalyzer.analyze(e, MicrodataConfig.defaults(List.of("g"))
                .withSensitive(List.of(new SensitiveAttribute("s", false))).withRecursiveC(3), null,
                ProgressMonitor.none());
        assertEquals(2, s.lDiversity().get(0).recursiveL());
    }
}
