package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
                Suda2Search.DENSE_CELLS));
        check(expected, Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none(), Workers.of(POOL), 0));
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
                Suda2Search.DENSE_CELLS));
        check(expected, Suda2.scores(keys, maxK, 0.01, ProgressMonitor.none(), Workers.sequential(), 4096));
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
                Suda2.scores(keys, 0, 0.01, ProgressMonitor.none(), Workers.of(POOL), Suda2Search.DENSE_CELLS));
    }

    @Test
    void largeTableMatchesTheLegacyWalk() throws Exception {
        List<Column> keys = PartitionProperties.table(new PartitionProperties.Spec(60_000,
                new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 1, 2, 9));
        check(LegacySuda2.scores(keys, 4, 0.01, ProgressMonitor.none()),
                Suda2.scores(keys, 4, 0.01, ProgressMonitor.none(), Workers.of(POOL), Suda2Search.DENSE_CELLS));
    }
}
