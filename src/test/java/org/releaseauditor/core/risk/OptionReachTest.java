package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Issue 12: every analysis option reaches every measure whose inputs it changes. Each option is
 * switched on a table where it changes those inputs (missing values, so wildcards change f_k;
 * weights, so F_k ≠ f_k; households; classes of three or more, so the exact method differs), and
 * every measure is computed with and without it. A measure listed as affected must change; every
 * other measure must stay exactly the same. The independent ones are documented in
 * {@code src/docs/metrics-microdata.md} ("Which option reaches which measure").
 */
class OptionReachTest {

    /** The measures, each reduced to a comparable value. */
    enum Measure {
        K, BELOW_K, PROSECUTOR, JOURNALIST_MARKETER, SAMPLE_UNIQUENESS, RISK_DISTRIBUTION, RISKIEST_CLASSES,
        HISTOGRAM, POPULATION_UNIQUENESS, L_DIVERSITY, T_CLOSENESS, PAIR_UNIQUENESS, QI_CONTRIBUTION, SUDA,
        INDIVIDUAL_RISK, HOUSEHOLD_RISK, RECORD_FK, RECORD_POPULATION_FK, RECORD_RISK
    }

    /** q1, q2 with missing values; class sizes up to 4; weights; households of two; a sensitive s. */
    private static Dataset table() {
        return TestTables.rows("q1,q2,w,hh,s",
                "a,x,10,1,p", "a,x,20,1,q", "a,x,30,2,p", "a,x,15,2,r",
                "a,y,12,3,p", "a,y,40,3,p", "a,y,25,4,q",
                "b,y,50,4,q", "b,y,70,5,r", "b,,35,5,p",
                ",x,22,6,p", "b,z,90,6,q", "c,z,60,7,r", "c,,18,7,p");
    }

    private static final MicrodataConfig BASE = MicrodataConfig.defaults(List.of("q1", "q2"))
            .withSensitive(List.of(new SensitiveAttribute("s", false))).withPopulationSize(140L);

    private static Map<Measure, Object> measure(MicrodataConfig cfg) throws Exception {
        Dataset d = table();
        Map<Measure, Object> out = new LinkedHashMap<>();
        MicrodataResult r = MicrodataAnalyzer.analyze(d, cfg, null, ProgressMonitor.none());
        out.put(Measure.K, r.k());
        out.put(Measure.BELOW_K, r.belowK());
        out.put(Measure.PROSECUTOR, r.prosecutor());
        out.put(Measure.JOURNALIST_MARKETER, List.of(r.journalist(), r.marketerSuccessRate()));
        out.put(Measure.SAMPLE_UNIQUENESS, r.sampleUniqueness());
        out.put(Measure.RISK_DISTRIBUTION, r.riskDistribution());
        out.put(Measure.RISKIEST_CLASSES, r.riskiestClasses());
        out.put(Measure.HISTOGRAM, List.of(r.histogram(), r.classes(), r.records()));
        out.put(Measure.POPULATION_UNIQUENESS, r.populationUniqueness());
        out.put(Measure.L_DIVERSITY, r.lDiversity());
        out.put(Measure.T_CLOSENESS, r.tCloseness());
        out.put(Measure.PAIR_UNIQUENESS, r.pairUniqueness());
        List<Column> qis = List.of(d.column("q1").orElseThrow(), d.column("q2").orElseThrow());
        out.put(Measure.QI_CONTRIBUTION, QiContributionAnalysis.compute(qis, 2, ProgressMonitor.none()));
        out.put(Measure.SUDA, Suda2.compute(qis, 2, Suda2.DEFAULT_DIS_FRACTION, ProgressMonitor.none()));
        IndividualRiskResult ir = IndividualRisk.compute(d, cfg, ProgressMonitor.none());
        out.put(Measure.INDIVIDUAL_RISK, List.of(ir.expectedReidentifications(), ir.globalRisk(), ir.maxRisk(),
                ir.riskDistribution(), ir.recordsAboveThresholds()));
        out.put(Measure.HOUSEHOLD_RISK, Objects.requireNonNullElse(ir.household(), "none"));
        PerRecordRisk p = PerRecordRisk.compute(d, cfg, false, 0, 0.01, ProgressMonitor.none());
        List<Long> fk = new ArrayList<>();
        List<Double> bigFk = new ArrayList<>();
        List<Double> risk = new ArrayList<>();
        for (int i = 0; i < p.rows(); i++) {
            fk.add(p.sampleFrequency(i));
            bigFk.add(p.populationFrequency(i));
            risk.add(p.risk(i));
        }
        out.put(Measure.RECORD_FK, fk);
        out.put(Measure.RECORD_POPULATION_FK, bigFk);
        out.put(Measure.RECORD_RISK, risk);
        return out;
    }

    private static void assertReach(String option, MicrodataConfig without, UnaryOperator<MicrodataConfig> switchOn,
            Set<Measure> affected) throws Exception {
        Map<Measure, Object> off = measure(without);
        Map<Measure, Object> on = measure(switchOn.apply(without));
        List<String> problems = new ArrayList<>();
        for (Measure m : Measure.values()) {
            boolean changed = !Objects.equals(off.get(m), on.get(m));
            if (affected.contains(m) && !changed) {
                problems.add(m + " ignores " + option);
            } else if (!affected.contains(m) && changed) {
                problems.add(m + " changes with " + option + " but is documented as independent of it");
            }
        }
        assertTrue(problems.isEmpty(), String.join("; ", problems));
    }

    @Test
    void wildcardsReachEveryFrequencyBasedMeasure() throws Exception {
        MicrodataConfig weighted = BASE.withWeights("w", "hh");
        assertReach("wildcards", weighted, c -> c.withWildcards(true), EnumSet.of(Measure.K, Measure.BELOW_K,
                Measure.PROSECUTOR, Measure.JOURNALIST_MARKETER, Measure.SAMPLE_UNIQUENESS, Measure.RISK_DISTRIBUTION,
                Measure.RISKIEST_CLASSES, Measure.INDIVIDUAL_RISK, Measure.HOUSEHOLD_RISK, Measure.RECORD_FK,
                Measure.RECORD_POPULATION_FK, Measure.RECORD_RISK));
    }

    @Test
    void weightsReachEveryMeasureThatUsesPopulationFrequencies() throws Exception {
        assertReach("weights", BASE.withWildcards(true).withWeights(null, "hh"), c -> c.withWeights("w", "hh"),
                EnumSet.of(Measure.INDIVIDUAL_RISK, Measure.HOUSEHOLD_RISK, Measure.RECORD_POPULATION_FK,
                        Measure.RECORD_RISK));
    }

    @Test
    void householdsReachHouseholdRiskOnly() throws Exception {
        assertReach("households", BASE.withWeights("w", null), c -> c.withWeights("w", "hh"),
                EnumSet.of(Measure.HOUSEHOLD_RISK));
    }

    @Test
    void theExactMethodQualAndSurveyReachIndividualAndHouseholdRisk() throws Exception {
        MicrodataConfig weighted = BASE.withWeights("w", "hh");
        Set<Measure> risk = EnumSet.of(Measure.INDIVIDUAL_RISK, Measure.HOUSEHOLD_RISK, Measure.RECORD_RISK);
        assertReach("method", weighted, c -> c.withIndividualRiskMethod(IndividualRiskMethod.EXACT), risk);
        assertReach("qual", weighted, c -> c.withQual(0.5), risk);
        assertReach("survey", weighted, c -> c.withSurvey(false), risk);
    }

    @Test
    void theThresholdReachesTheMeasuresThatCompareWithIt() throws Exception {
        assertReach("threshold", BASE.withWeights("w", "hh"), c -> c.withThreshold(0.34),
                EnumSet.of(Measure.PROSECUTOR, Measure.JOURNALIST_MARKETER));
    }

    @Test
    void thePopulationSizeReachesPopulationUniquenessOnly() throws Exception {
        assertReach("population size", BASE.withWeights("w", "hh"), c -> c.withPopulationSize(14_000L),
                EnumSet.of(Measure.POPULATION_UNIQUENESS));
    }

    @Test
    void recursiveCReachesLDiversityOnly() throws Exception {
        assertReach("recursive c", BASE, c -> c.withRecursiveC(0.5), EnumSet.of(Measure.L_DIVERSITY));
    }

    @Test
    void theSnbVariantIsRecordedInPopulationUniqueness() throws Exception {
        assertReach("SNB variant", BASE, c -> c.withSnbVariant(SnbVariant.CORRECTED),
                EnumSet.of(Measure.POPULATION_UNIQUENESS));
        assertEquals(SnbVariant.CORRECTED, MicrodataAnalyzer.analyze(table(), BASE.withSnbVariant(
                SnbVariant.CORRECTED), null, ProgressMonitor.none()).populationUniqueness().snbVariant());
    }
}
