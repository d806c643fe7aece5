package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The recursive SUDA2 search finds exactly the MSUs of the lattice walk of release 0.1
 * ({@link LegacySuda2}): the same score of every record, MSUs by size and by variable, U, P and
 * DIS-SUDA scores, bit for bit, on random tables with missing and suppressed values, on one
 * thread or several, with dense support counters or with the scans that replace them.
 */
class Suda2Properties {

    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterContainer
    static void shutdown() {
        POOL.shutdown();
    }

    @Provide
    net.jqwik.api.Arbitrary<PartitionProperties.Spec> specs() {
        return new PartitionProperties().specs();
    }

    @Property(tries = 300)
    void recursiveSearchEqualsTheLegacyWalk(@ForAll("specs") PartitionProperties.Spec spec,
            @ForAll @IntRange(min = 0, max = 6) int maxK) throws Exception {
        List<Column> keys = PartitionProperties.table(spec);
        LegacySuda2.Scores expected = LegacySuda2.scores(keys, maxK, 0.01, ProgressMonitor.none());
        check(expected, Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none(), Workers.sequential(),
                Suda2Search.DENSE_CELLS, null));
        check(expected, Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none(), Workers.of(POOL), 0, null));
    }

    /**
     * Without missing or suppressed values every support table of fewer positions is summed from
     * one of more positions; the MSUs stay those of the legacy walk.
     */
    @Property(tries = 200)
    void supportTablesSummedFromFinerOnesGiveTheSameMsus(@ForAll("specs") PartitionProperties.Spec spec,
            @ForAll @IntRange(min = 0, max = 6) int maxK) throws Exception {
        List<Column> keys = PartitionProperties.table(new PartitionProperties.Spec(spec.rows(),
                spec.cardinalities(), 0, 0, spec.seed()));
        LegacySuda2.Scores expected = LegacySuda2.scores(keys, maxK, 0.01, ProgressMonitor.none());
        check(expected, Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none(), Workers.of(POOL),
                Suda2Search.DENSE_CELLS, null));
        check(expected, Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none(), Workers.sequential(), 4096, null));
    }

    static void check(LegacySuda2.Scores e, Suda2.Scores a) {
        assertArrayEquals(e.score, a.score, 0.0);
        assertArrayEquals(e.msusBySize, a.msusBySize);
        assertArrayEquals(e.msusWithVariable, a.msusWithVariable);
        assertArrayEquals(e.weightWithVariable, a.weightWithVariable, 0.0);
        assertEquals(e.sampleUniques, a.sampleUniques);
        assertEquals(e.pairRecords, a.pairRecords);
        assertEquals(e.disProbability, a.disProbability, 0.0);
        assertArrayEquals(e.disScore, a.disScore, 0.0);
    }

    @Test
    void largeTableWithoutMissingValuesMatchesTheLegacyWalk() throws Exception {
        List<Column> keys = PartitionProperties.table(new PartitionProperties.Spec(60_000,
                new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 0, 0, 11));
        check(LegacySuda2.scores(keys, 0, 0.01, ProgressMonitor.none()),
                Suda2.scores(keys, 0, 0.01, ProgressMonitor.none(), Workers.of(POOL), Suda2Search.DENSE_CELLS, null));
    }

    @Test
    void largeTableMatchesTheLegacyWalk() throws Exception {
        List<Column> keys = PartitionProperties.table(new PartitionProperties.Spec(60_000,
                new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 1, 2, 9));
        check(LegacySuda2.scores(keys, 4, 0.01, ProgressMonitor.none()),
                Suda2.scores(keys, 4, 0.01, ProgressMonitor.none(), Workers.of(POOL), Suda2Search.DENSE_CELLS, null));
    }

    /**
     * The MSUs read off the QI power set's dense tables are the legacy walk's, with missing and
     * suppressed values, every MSU size limit, and dense limits small enough that SUDA2 has to
     * search instead (then the search's result is used).
     */
    @Property(tries = 300)
    void msusFromTheQiPowerSetsTablesEqualTheLegacyWalk(@ForAll("specs") PartitionProperties.Spec spec,
            @ForAll @IntRange(min = 0, max = 6) int maxK, @ForAll @IntRange(min = 0, max = 3) int sizes)
            throws Exception {
        List<Column> keys = PartitionProperties.table(spec);
        int maxSize = maxK <= 0 ? keys.size() : Math.min(maxK, keys.size());
        long[] dense = {MarginalLattice.DENSE_CELLS, 1, 64, 4096};
        int[] bits = {MarginalLattice.BUCKET_BITS, 1, 3, 8};
        Suda2Marginals msus = new Suda2Marginals(keys.size(), maxSize);
        QiContributionAnalysis.compute(keys, 10, ProgressMonitor.none(), Workers.of(POOL), 2, 2, 0, dense[sizes],
                bits[sizes], msus);
        net.jqwik.api.statistics.Statistics.collect(msus.complete() ? "from the tables" : "searched");
        check(LegacySuda2.scores(keys, maxK, 0.01, ProgressMonitor.none()),
                Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none(), Workers.of(POOL), Suda2Search.DENSE_CELLS, msus));
        // the summaries, which the tables' path computes without per-record arrays
        Suda2Marginals again = new Suda2Marginals(keys.size(), maxSize);
        QiContributionAnalysis.compute(keys, 10, ProgressMonitor.none(), Workers.of(POOL), 2, 2, 0, dense[sizes],
                bits[sizes], again);
        assertEquals(Suda2.compute(keys, maxK, 0.01, ProgressMonitor.none(), Workers.sequential()),
                Suda2.compute(keys, maxK, 0.01, ProgressMonitor.none(), Workers.of(POOL), again));
    }

    /** The benchmark's shape with missing and suppressed values: the tables serve SUDA2, with the legacy walk's MSUs. */
    @Test
    void largeTableFromTheQiPowerSetsTablesMatchesTheLegacyWalk() throws Exception {
        List<Column> keys = PartitionProperties.table(new PartitionProperties.Spec(200_000,
                new int[] {2, 20, 7, 16, 12, 9, 15, 5}, 1, 2, 9));
        // one worker: the lattice's memory check asks for one set of dense tables, which fits the
        // test heap even while other tests' soft caches hold much of it
        Suda2Marginals msus = marginals(keys, 8, 4, Workers.sequential());
        assertTrue(msus.complete(), "every subset of up to 4 keys has a dense table");
        Suda2.Scores fromTables = Suda2.scores(keys, 4, 0.01, ProgressMonitor.none(), Workers.of(POOL),
                Suda2Search.DENSE_CELLS, msus);
        assertFalse(msus.complete(), "the tables are released once used");
        check(LegacySuda2.scores(keys, 4, 0.01, ProgressMonitor.none()), fromTables);
        Suda2Marginals again = marginals(keys, 8, 4, Workers.sequential());
        assertTrue(again.complete());
        assertEquals(Suda2.compute(keys, 4, 0.01, ProgressMonitor.none(), Workers.of(POOL)),
                Suda2.compute(keys, 4, 0.01, ProgressMonitor.none(), Workers.of(POOL), again));
    }

    /** A QI power set limited below the MSU size, or counted without the lattice, leaves SUDA2 to search. */
    @Test
    void withoutEveryTableSuda2Searches() throws Exception {
        List<Column> keys = PartitionProperties.table(new PartitionProperties.Spec(5_000,
                new int[] {2, 30, 7, 16, 5}, 1, 2, 5));
        Suda2Marginals limited = marginals(keys, 3, 4, Workers.of(POOL));
        assertFalse(limited.complete());
        Suda2Marginals direct = marginals(keys, 2, 2, Workers.of(POOL));
        assertFalse(direct.complete());
        check(LegacySuda2.scores(keys, 4, 0.01, ProgressMonitor.none()),
                Suda2.scores(keys, 4, 0.01, ProgressMonitor.none(), Workers.of(POOL), Suda2Search.DENSE_CELLS, limited));
    }

    /**
     * The benchmark's shape with 1 % missing values in every key variable needs 41 counting passes
     * (one per subset without a dense parent); the lattice still takes it, so SUDA2 reads its MSUs
     * off the tables instead of searching (at 40 passes this fell to the prefix tree and the search).
     */
    @Test
    void missingValuesInTheBenchmarksShapeStillUseTheTables() throws Exception {
        List<Column> keys = PartitionProperties.table(new PartitionProperties.Spec(400_000,
                new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 1, 0, 9));
        Suda2Marginals msus = marginals(keys, 8, 4, Workers.sequential());
        assertTrue(msus.complete());
    }

    /** SUDA2's tables as the QI contribution of up to {@code maxQi} QIs hands them over (or abandons them). */
    private static Suda2Marginals marginals(List<Column> keys, int maxQi, int maxMsu, Workers workers)
            throws Exception {
        Suda2Marginals msus = new Suda2Marginals(keys.size(), maxMsu);
        QiContributionAnalysis.compute(keys, maxQi, ProgressMonitor.none(), workers, msus);
        return msus;
    }
}
