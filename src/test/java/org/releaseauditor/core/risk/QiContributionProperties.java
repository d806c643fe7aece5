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

    /**
     * The dense roll-up of {@link MarginalLattice}, with tables and buckets forced down to a few
     * cells (so that subsets are rolled up, counted in many buckets, or left to the prefix tree).
     */
    @Property(tries = 250)
    void denseRollUpEqualsTheLegacyWalk(@ForAll("specs") PartitionProperties.Spec spec,
            @ForAll @IntRange(min = 1, max = 7) int maxSize, @ForAll @IntRange(min = 0, max = 3) int sizes)
            throws Exception {
        List<Column> qis = PartitionProperties.table(spec);
        long[] dense = {MarginalLattice.DENSE_CELLS, 1, 64, 4096};
        int[] bits = {MarginalLattice.BUCKET_BITS, 1, 3, 8};
        assertEquals(LegacyQiContributionAnalysis.compute(qis, maxSize, ProgressMonitor.none()),
                QiContributionAnalysis.compute(qis, maxSize, ProgressMonitor.none(), Workers.of(POOL), 2, 2, 0,
                        dense[sizes], bits[sizes], null));
    }

    @Property(tries = 100)
    void denseRollUpEqualsThePrefixTree(@ForAll("specs") PartitionProperties.Spec spec,
            @ForAll @IntRange(min = 1, max = 6) int maxSize) {
        List<Column> qis = PartitionProperties.table(spec);
        Partition all = Partition.group(qis, ProgressMonitor.none(), Workers.sequential());
        ClassTable table = ClassTable.of(qis, all, true, Workers.sequential(), ProgressMonitor.none());
        QiContributionLattice.Counts marginal = MarginalLattice.count(table, maxSize, Workers.of(POOL),
                ProgressMonitor.none(), "test", 256, 2, null);
        if (marginal == null) {
            return; // key spaces too large for the dense method
        }
        QiContributionLattice.Counts tree = QiContributionLattice.count(table, maxSize, Workers.sequential(),
                new org.releaseauditor.core.parallel.SharedProgress(ProgressMonitor.none(), "test", 1));
        for (int k = 0; k < tree.index().size(); k++) {
            int mask = tree.index().mask(k);
            int j = marginal.index().indexOf(mask);
            assertEquals(tree.groups()[k], marginal.groups()[j], "groups of " + mask);
            assertEquals(tree.pairs()[k], marginal.pairs()[j], "pairs of " + mask);
        }
    }

    @Test
    void theDenseMethodTakesTheBenchmarkShape() {
        List<Column> qis = PartitionProperties.table(new PartitionProperties.Spec(50_000,
                new int[] {2, 10, 7, 6, 12, 9, 5, 5}, 0, 0, 3));
        Partition all = Partition.group(qis, ProgressMonitor.none(), Workers.sequential());
        ClassTable table = ClassTable.of(qis, all, true, Workers.sequential(), ProgressMonitor.none());
        QiContributionLattice.Counts marginal = MarginalLattice.count(table, 8, Workers.of(POOL),
                ProgressMonitor.none(), "test", MarginalLattice.DENSE_CELLS, MarginalLattice.BUCKET_BITS, null);
        org.junit.jupiter.api.Assertions.assertNotNull(marginal);
        QiContributionLattice.Counts tree = QiContributionLattice.count(table, 8, Workers.sequential(),
                new org.releaseauditor.core.parallel.SharedProgress(ProgressMonitor.none(), "test", 1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(tree.groups(), marginal.groups());
        org.junit.jupiter.api.Assertions.assertArrayEquals(tree.pairs(), marginal.pairs());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<PartitionProperties.Spec> specs() {
        return new PartitionProperties().specs();
    }

    @Test
    void largeTableMatchesWithDefaultThresholdsWithoutMissingValues() throws Exception {
        List<Column> qis = PartitionProperties.table(new PartitionProperties.Spec(200_000,
                new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 0, 0, 7));
        assertEquals(LegacyQiContributionAnalysis.compute(qis, 10, ProgressMonitor.none()),
                QiContributionAnalysis.compute(qis, 10, ProgressMonitor.none(), Workers.of(POOL)));
    }

    @Test
    void largeTableMatchesWithDefaultThresholds() throws Exception {
        List<Column> qis = PartitionProperties.table(new PartitionProperties.Spec(200_000,
                new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 1, 2, 5));
        assertEquals(LegacyQiContributionAnalysis.compute(qis, 10, ProgressMonitor.none()),
                QiContributionAnalysis.compute(qis, 10, ProgressMonitor.none(), Workers.of(POOL)));
    }
}
