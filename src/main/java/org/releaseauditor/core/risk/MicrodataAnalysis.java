package org.releaseauditor.core.risk;

import java.util.List;

/**
 * Everything the microdata lane computes for one dataset and configuration: the core result and
 * the population-uniqueness curve over sampling fractions (for the dashboard chart).
 *
 * @param datasetName     display name of the dataset
 * @param config          the configuration used
 * @param result          the core result (incl. QI contribution, individual risk and SUDA)
 * @param populationCurve population-uniqueness estimates at several sampling fractions (may be empty)
 */
public record MicrodataAnalysis(String datasetName, MicrodataConfig config, MicrodataResult result,
        List<MicrodataResult.PopulationUniqueness> populationCurve) {

    public MicrodataAnalysis {
        populationCurve = List.copyOf(populationCurve);
    }
}
