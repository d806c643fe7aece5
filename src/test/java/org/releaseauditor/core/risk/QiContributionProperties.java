package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The roll-up lattice gives exactly (bit for bit) the distinction and separation of the row-based
 * walk of release 0.1 ({@link LegacyQiContributionAnalysis}) for every subset, on random tables
 * with missing and suppressed values, any size limit, one thread or several, and with the parallel
 * paths forced down to tiny nodes.
 */
class QiContributionProperties {

    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterContainer
    static void shutdown() {
        POOL.shutdown();
    }

    @Property(tries = 250)
    void rollUpEqualsTheLegacyWalk(@ForAll("specs") PartitionProperties.Spec spec,
            @ForAll @IntRange(min = 1, max = 7) int maxSize) throws Exception {
        List<Column> qis = PartitionProperties.table(spec);
        List<QiContribution> expected = LegacyQiContributionAnalysis.compute(qis, maxSize, ProgressMonitor.none());
        assertEquals(expected, QiContributionAnalysis.compute(qis, maxSize, ProgressMonitor.none(),
                Workers.sequential()));
        assertEquals(expected, QiContributionAnalysis.compute(qis, maxSize, ProgressMonitor.none(),
                Workers.of(POOL), 2, 2, 0));
        // counted subset by subset over the records (3 columns of at most 70,002 codes fit 63 bits)
        int small = Math.min(3, maxSize);
        assertEquals(LegacyQiContributionAnalysis.compute(qis, small, ProgressMonitor.none()),
                QiContributionAnalysis.compute(qis, small, ProgressMonitor.none(), Workers.of(POOL), 2, 2, 3));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<PartitionProperties.Spec> specs() {
        return new PartitionProperties().specs();
    }

    @Test
    void largeTableMatchesWithDefaultThresholds() throws Exception {
        List<Column> qis = PartitionProperties.table(new PartitionProperties.Spec(200_000,
                new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 1, 2, 5));
        assertEquals(LegacyQiContributionAnalysis.compute(qis, 10, ProgressMonitor.none()),
                QiContributionAnalysis.compute(qis, 10, ProgressMonitor.none(), Workers.of(POOL)));
    }
}
