package org.releaseauditor.service.microdata;

import java.util.List;
import org.releaseauditor.core.risk.IndividualRiskResult;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.QiContribution;
import org.releaseauditor.core.risk.SudaResult;

/**
 * Receives the parts of a microdata analysis as soon as each is known, for a progressive display
 * (issue 15): the summary (cards, class-size histogram) first, then the population-uniqueness
 * curve, the QI contribution, the individual risk (with a weight column) and SUDA2 (when on).
 * Called on the computing thread, in that order; a part that is not computed is not reported. The
 * complete analysis is still what {@link MicrodataLane#analyze} returns; an analysis served from
 * the cache reports no parts. Implementations must be quick and must not throw.
 */
public interface MicrodataProgress {

    /** Reports nothing. */
    MicrodataProgress NONE = new MicrodataProgress() {
    };

    /** Classes, k, risks, uniqueness, histogram, l-diversity, t-closeness. */
    default void summary(MicrodataResult summary) {
    }

    /** Population uniqueness at several sampling fractions. */
    default void populationCurve(List<MicrodataResult.PopulationUniqueness> curve) {
    }

    /** Distinction and separation of the QI subsets. */
    default void qiContribution(List<QiContribution> contribution) {
    }

    /** Benedetti–Franconi individual risk (only with a weight column). */
    default void individualRisk(IndividualRiskResult risk) {
    }

    /** SUDA2 scores (only when SUDA2 is on). */
    default void suda(SudaResult suda) {
    }
}
