package org.releaseauditor.core.risk;

import java.util.List;

/**
 * Receives the parts of a microdata analysis as soon as each is known, so that a view can show
 * the summary cards and the class-size histogram while the QI power set and SUDA2 are still being
 * computed. {@link MicrodataPipeline} calls the methods in this order, each at most once: {@link
 * #summary}, {@link #populationCurve}, {@link #qiContribution}, {@link #individualRisk},
 * {@link #suda} (when SUDA2 is on). The complete
 * {@link MicrodataAnalysis} is returned by the pipeline afterwards.
 *
 * <p>Calls come from the computing thread; a GUI must hand them to its UI thread (and drop them
 * when the run was superseded). A listener must not block, and exceptions it throws abort the run.
 */
public interface MicrodataListener {

    /** Classes, k, attacker risks, uniqueness, the class-size histogram, l-diversity, t-closeness, pairs. */
    default void summary(MicrodataResult result) {
    }

    /** Population uniqueness at the curve's sampling fractions. */
    default void populationCurve(List<MicrodataResult.PopulationUniqueness> curve) {
    }

    /** Benedetti–Franconi individual risk (r = 1/f_k without a weight column, as sdcMicro). */
    default void individualRisk(IndividualRiskResult result) {
    }

    /** Distinction and separation of every QI subset up to the size limit. */
    default void qiContribution(List<QiContribution> contributions) {
    }

    /** SUDA2 scores (only when SUDA2 is on). */
    default void suda(SudaResult result) {
    }

    /** A listener that ignores everything. */
    static MicrodataListener none() {
        return new MicrodataListener() {
        };
    }
}
