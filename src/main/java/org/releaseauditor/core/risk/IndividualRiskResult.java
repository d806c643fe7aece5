package org.releaseauditor.core.risk;

import java.util.List;

/**
 * Individual re-identification risk with sampling weights (Benedetti–Franconi, as in sdcMicro
 * {@code measure_risk} and µ-ARGUS); see {@link IndividualRisk} for the formulas.
 *
 * @param records                   n: records in equivalence classes (all-suppressed rows excluded)
 * @param suppressedRecords         rows whose quasi-identifiers are all suppressed; no risk computed
 * @param expectedReidentifications ER = Σ_i r_i (sdcMicro {@code global_risk_ER})
 * @param globalRisk                ER/n (sdcMicro {@code global_risk}); 0 when n = 0
 * @param maxRisk                   max_i r_i
 * @param riskDistribution          per-record risk: quantiles and a histogram with the upper bounds
 *                                  {@link IndividualRisk#RISK_BIN_UPPER_BOUNDS}
 * @param recordsAboveThresholds    for each threshold t, the records with r_i &gt; t (strict)
 * @param household                 household-level risk, or {@code null} without a household column
 * @param method                    the formula for f ≥ 3 (sdcMicro {@code method})
 * @param qual                      sdcMicro's final correction factor the survey risks were multiplied by
 * @param survey                    whether the data were treated as a weighted sample (false: the
 *                                  population, r = 1/f_k, as sdcMicro without weights)
 * @param wildcards                 whether f_k and F_k counted MISSING/SUPPRESSED as matching any value
 */
public record IndividualRiskResult(long records, long suppressedRecords, double expectedReidentifications,
        double globalRisk, double maxRisk, ScoreSummary riskDistribution, List<ThresholdCount> recordsAboveThresholds,
        HouseholdRisk household, IndividualRiskMethod method, double qual, boolean survey, boolean wildcards) {

    public IndividualRiskResult {
        recordsAboveThresholds = List.copyOf(recordsAboveThresholds);
        method = method == null ? IndividualRiskMethod.APPROX : method;
    }

    /**
     * Units (records or households) whose risk is strictly above a threshold.
     *
     * @param threshold the threshold t
     * @param count     number of units with risk &gt; t
     * @param share     count divided by the number of units (0 when there are none)
     */
    public record ThresholdCount(double threshold, long count, double share) {
    }

    /**
     * Household (cluster) risk: the risk that at least one member is re-identified,
     * r_h = 1 − Π_{i∈h}(1 − r_i), assuming members are re-identified independently.
     *
     * @param households                  number of households (a record without household id
     *                                    counts as a household of its own)
     * @param recordsWithoutHousehold     records whose household id is missing or suppressed
     * @param expectedReidentifications   Σ_h r_h: expected number of households re-identified
     * @param recordExpectedReidentifications Σ_i r_h(i) over records, each carrying its household's
     *                                    risk (sdcMicro {@code hier_risk_ER})
     * @param globalRisk                  recordExpectedReidentifications / n (sdcMicro
     *                                    {@code hier_risk})
     * @param maxRisk                     max_h r_h
     * @param riskDistribution            per-household risk summary (same bins as for records)
     * @param householdsAboveThresholds   for each threshold t, the households with r_h &gt; t
     */
    public record HouseholdRisk(long households, long recordsWithoutHousehold, double expectedReidentifications,
            double recordExpectedReidentifications, double globalRisk, double maxRisk,
            ScoreSummary riskDistribution, List<ThresholdCount> householdsAboveThresholds) {

        public HouseholdRisk {
            householdsAboveThresholds = List.copyOf(householdsAboveThresholds);
        }
    }
}
