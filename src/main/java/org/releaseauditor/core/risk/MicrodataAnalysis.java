package org.releaseauditor.core.risk;

import java.util.List;

/**
 * Everything the microdata lane computes for one dataset and configuration.
 *
 * @param datasetName     display name of the dataset
 * @param config          the configuration used
 * @param result          classes, k, attacker risks, uniqueness, l-diversity, t-closeness
 * @param qiContribution  distinction and separation of every QI subset up to the size limit
 * @param individualRisk  Benedetti–Franconi risk, or null without a weight column
 * @param suda            SUDA2 scores, or null when not computed
 * @param populationCurve population-uniqueness estimates at several sampling fractions (may be empty)
 */
public record MicrodataAnalysis(String datasetName, MicrodataConfig config, MicrodataResult result,
        List<QiContribution> qiContribution, IndividualRiskResult individualRisk, SudaResult suda,
        List<MicrodataResult.PopulationUniqueness> populationCurve) {

    public MicrodataAnalysis {
        qiContribution = List.copyOf(qiContribution);
        populationCurve = List.copyOf(populationCurve);
    }
}
