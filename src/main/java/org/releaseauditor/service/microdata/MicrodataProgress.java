package org.releaseauditor.service.microdata;

import org.releaseauditor.core.risk.MicrodataListener;

/**
 * Receives the parts of a microdata analysis as soon as each is known, for a progressive display
 * (issue 15): the summary (cards, class-size histogram) first, then the population-uniqueness
 * curve, the QI contribution, the individual risk and SUDA2 (when on), in the order of
 * {@link MicrodataListener}. Called on the computing thread; a part that is not computed is not
 * reported. The complete analysis is still what {@link MicrodataLane#analyze} returns; an analysis
 * served from the cache reports no parts. Implementations must be quick and must not throw.
 */
public interface MicrodataProgress extends MicrodataListener {

    /** Reports nothing. */
    MicrodataProgress NONE = new MicrodataProgress() {
    };
}
