package org.releaseauditor.core.risk;

import org.releaseauditor.core.progress.ProgressMonitor;

/** Public entry to the population-uniqueness models (Pitman, Zayatz, SNB, Dankar rule). */
public final class PopulationModels {
    private PopulationModels() {
    }

    /**
     * Estimates population uniqueness from a sample class-size histogram for a population size
     * N (the sampling fraction is n/N).
     */
    public static MicrodataResult.PopulationUniqueness estimate(ClassSizeHistogram histogram, long populationSize,
            ProgressMonitor monitor) {
        return estimate(histogram, populationSize, SnbVariant.ARX, monitor);
    }

    /** As {@link #estimate(ClassSizeHistogram, long, ProgressMonitor)} with the given SNB equations. */
    public static MicrodataResult.PopulationUniqueness estimate(ClassSizeHistogram histogram, long populationSize,
            SnbVariant snbVariant, ProgressMonitor monitor) {
        return new PopulationUniquenessEstimator(histogram, populationSize, snbVariant, monitor).estimate();
    }
}
