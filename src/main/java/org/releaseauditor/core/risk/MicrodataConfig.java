package org.releaseauditor.core.risk;

import java.util.List;
import java.util.Objects;

/**
 * What to analyse in a microdata release (METRICS.md §1).
 *
 * @param quasiIdentifiers columns an attacker may know (at least one)
 * @param sensitive        sensitive attributes for l-diversity and t-closeness (may be empty)
 * @param weightColumn     sampling weights for individual risk (nullable)
 * @param householdColumn  household id for household risk (nullable)
 * @param populationSize   population size N (nullable); wins over region and fraction
 * @param region           a region whose population size is used (nullable); wins over fraction
 * @param samplingFraction sampling fraction π (nullable); N = round(n/π)
 * @param threshold        acceptable highest re-identification risk per record, in (0, 1]
 * @param maxQiSubset      largest QI subset size for the QI contribution analysis (ARX: 10)
 * @param wildcards        whether MISSING and SUPPRESSED match any value (sdcMicro alpha)
 * @param recursiveC       c of recursive (c,l)-diversity
 * @param snbVariant       equations of the SNB population model; {@link SnbVariant#ARX} (default)
 *                         reproduces ARX 3.9.x, {@link SnbVariant#CORRECTED} is Chen's published model
 * @param individualRiskMethod individual-risk formula for f ≥ 3 (sdcMicro {@code method});
 *                         default {@link IndividualRiskMethod#APPROX}
 * @param qual             sdcMicro's final correction factor: every survey risk is multiplied by it;
 *                         default 1, must be a finite number &gt; 0
 * @param survey           whether individual risk treats the data as a sample with weights (true) or
 *                         as the population (false: r = 1/f_k); null (default) = a sample iff a weight
 *                         column is given, as sdcMicro's {@code measure_risk}
 */
public record MicrodataConfig(List<String> quasiIdentifiers,
                              List<SensitiveAttribute> sensitive,
                              String weightColumn,
                              String householdColumn,
                              Long populationSize,
                              PopulationRegion region,
                              Double samplingFraction,
                              double threshold,
                              int maxQiSubset,
                              boolean wildcards,
                              double recursiveC,
                              SnbVariant snbVariant,
                              IndividualRiskMethod individualRiskMethod,
                              double qual,
                              Boolean survey) {

    /** ARX GUI default highest risk. */
    public static final double DEFAULT_THRESHOLD = 0.2;
    /** ARX's cap on QI subsets. */
    public static final int DEFAULT_MAX_QI_SUBSET = 10;
    /** Default c of recursive (c,l)-diversity. */
    public static final double DEFAULT_RECURSIVE_C = 2.0;
    /** sdcMicro's default final correction factor of individual risk. */
    public static final double DEFAULT_QUAL = 1.0;

    public MicrodataConfig {
        quasiIdentifiers = List.copyOf(Objects.requireNonNull(quasiIdentifiers, "quasiIdentifiers"));
        sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
        snbVariant = snbVariant == null ? SnbVariant.ARX : snbVariant;
        individualRiskMethod = individualRiskMethod == null ? IndividualRiskMethod.APPROX : individualRiskMethod;
    }

    /**
     * The configuration without the options added for reference-tool parity (SNB variant,
     * individual-risk method, qual, survey), which take their defaults.
     */
    public MicrodataConfig(List<String> quasiIdentifiers, List<SensitiveAttribute> sensitive, String weightColumn,
            String householdColumn, Long populationSize, PopulationRegion region, Double samplingFraction,
            double threshold, int maxQiSubset, boolean wildcards, double recursiveC) {
        this(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region, samplingFraction,
                threshold, maxQiSubset, wildcards, recursiveC, SnbVariant.ARX, IndividualRiskMethod.APPROX,
                DEFAULT_QUAL, null);
    }

    /** Whether individual risk treats the data as a weighted sample (see {@link #survey()}). */
    public boolean surveyData() {
        return survey != null ? survey : weightColumn != null;
    }

    /** Defaults: no sensitive attributes, no population information, t = 0.2, c = 2. */
    public static MicrodataConfig defaults(List<String> qis) {
        return new MicrodataConfig(qis, List.of(), null, null, null, null, null,
                DEFAULT_THRESHOLD, DEFAULT_MAX_QI_SUBSET, false, DEFAULT_RECURSIVE_C);
    }

    public MicrodataConfig withSensitive(List<SensitiveAttribute> s) {
        return new MicrodataConfig(quasiIdentifiers, s, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant,
                individualRiskMethod, qual, survey);
    }

    public MicrodataConfig withWeights(String weight, String household) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weight, household, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant,
                individualRiskMethod, qual, survey);
    }

    public MicrodataConfig withPopulationSize(Long n) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, n, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant,
                individualRiskMethod, qual, survey);
    }

    public MicrodataConfig withRegion(PopulationRegion r) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, r,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant,
                individualRiskMethod, qual, survey);
    }

    public MicrodataConfig withSamplingFraction(Double fraction) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                fraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant,
                individualRiskMethod, qual, survey);
    }

    public MicrodataConfig withThreshold(double t) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, t, maxQiSubset, wildcards, recursiveC, snbVariant,
                individualRiskMethod, qual, survey);
    }

    public MicrodataConfig withMaxQiSubset(int max) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, max, wildcards, recursiveC, snbVariant, individualRiskMethod, qual,
                survey);
    }

    public MicrodataConfig withWildcards(boolean w) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, maxQiSubset, w, recursiveC, snbVariant, individualRiskMethod, qual,
                survey);
    }

    public MicrodataConfig withRecursiveC(double c) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, c, snbVariant, individualRiskMethod, qual,
                survey);
    }

    public MicrodataConfig withSnbVariant(SnbVariant v) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, v, individualRiskMethod, qual,
                survey);
    }

    public MicrodataConfig withIndividualRiskMethod(IndividualRiskMethod m) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant, m, qual, survey);
    }

    public MicrodataConfig withQual(double q) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant, individualRiskMethod, q,
                survey);
    }

    public MicrodataConfig withSurvey(Boolean s) {
        return new MicrodataConfig(quasiIdentifiers, sensitive, weightColumn, householdColumn, populationSize, region,
                samplingFraction, threshold, maxQiSubset, wildcards, recursiveC, snbVariant, individualRiskMethod, qual,
                s);
    }
}
