package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The parallel grouping gives bit-identical partitions to the column-by-column refinement of
 * release 0.1 ({@link LegacyPartition}): the same class of every row (classes numbered by first
 * row), the same sizes and the same all-suppressed rows, on every path: direct-address tables,
 * the sequential hash table, the hash-partitioned parallel path, and several packing rounds when
 * the columns' code space exceeds 63 bits.
 */
class PartitionProperties {

    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterContainer
    static void shutdown() {
        POOL.shutdown();
    }

    /** Table spec: rows, per-column cardinality, share of missing / suppressed cells. */
    record Spec(int rows, int[] cardinalities, int missingPercent, int suppressedPercent, long seed) {
    }

    @Provide
    Arbitrary<Spec> specs() {
        Arbitrary<int[]> cards = Arbitraries.integers().between(1, 6).flatMap(m -> Arbitraries.oneOf(
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 300),
                Arbitraries.integers().between(1, 70_000)).array(int[].class).ofSize(m));
        return Combinators.combine(Arbitraries.integers().between(0, 3000), cards,
                Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 60),
                Arbitraries.longs()).as(Spec::new);
    }

    static List<Column> table(Spec s) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        List<ColumnBuilder> bs = new ArrayList<>();
        for (int c = 0; c < s.cardinalities().length; c++) {
            bs.add(new ColumnBuilder("q" + c));
        }
        for (int r = 0; r < s.rows(); r++) {
            // rows suppressed everywhere now and then
            boolean allSuppressed = rnd.nextInt(100) < s.suppressedPercent() / 4;
            for (int c = 0; c < bs.size(); c++) {
                int p = rnd.nextInt(100);
                if (allSuppressed || p < s.suppressedPercent() / 2) {
                    bs.get(c).addSuppressed();
                } else if (p < s.suppressedPercent() / 2 + s.missingPercent()) {
                    bs.get(c).addMissing();
                } else {
                    double u = rnd.nextDouble();
                    bs.get(c).add("v" + (int) (s.cardinalities()[c] * u * u));
                }
            }
        }
        List<Column> cols = new ArrayList<>();
        for (ColumnBuilder b : bs) {
            cols.add(b.build(ColumnType.CATEGORICAL));
        }
        return cols;
    }

    @Property(tries = 300)
    void groupingEqualsTheLegacyRefinementOnEveryPath(@ForAll("specs") Spec spec) {
        List<Column> qis = table(spec);
        LegacyPartition expected = LegacyPartition.group(qis, ProgressMonitor.none());
        int rows = spec.rows();
        Workers parallel = Workers.of(POOL);
        // default thresholds, sequential and parallel
        check(expected, Partition.groupUncached(qis, rows, ProgressMonitor.none(), Workers.sequential(),
                Partition.KEY_LIMIT, Grouping.PARALLEL_MIN_ROWS, Grouping.DENSE_LIMIT, 0));
        // forced hash tables (no direct addressing), sequential and hash-partitioned parallel
        check(expected, Partition.groupUncached(qis, rows, ProgressMonitor.none(), Workers.sequential(),
                Partition.KEY_LIMIT, Grouping.PARALLEL_MIN_ROWS, 0, 0));
        check(expected, Partition.groupUncached(qis, rows, ProgressMonitor.none(), parallel, Partition.KEY_LIMIT,
                1, 0, 0));
        // partitions grouped in several batches (as when the heap is short)
        check(expected, Partition.groupUncached(qis, rows, ProgressMonitor.none(), parallel, Partition.KEY_LIMIT,
                1, 0, 1 + rows * 3L));
        // one column per packing round (class ids of the previous round become a digit)
        check(expected, Partition.groupUncached(qis, rows, ProgressMonitor.none(), parallel, 1, 1, 0, 0));
        check(expected, Partition.groupUncached(qis, rows, ProgressMonitor.none(), Workers.sequential(), 1, 1,
                Grouping.DENSE_LIMIT, 0));
    }

    @Property(tries = 150)
    void refineEqualsTheLegacyRefine(@ForAll("specs") Spec spec) {
        List<Column> qis = table(spec);
        if (qis.size() < 2) {
            return;
        }
        LegacyPartition expected = LegacyPartition.group(qis.subList(0, qis.size() - 1), ProgressMonitor.none())
                .refine(qis.get(qis.size() - 1), ProgressMonitor.none());
        Partition base = Partition.groupUncached(qis.subList(0, qis.size() - 1), spec.rows(), ProgressMonitor.none(),
                Workers.sequential(), Partition.KEY_LIMIT, Grouping.PARALLEL_MIN_ROWS, Grouping.DENSE_LIMIT, 0);
        check(expected, base.refine(qis.get(qis.size() - 1), ProgressMonitor.none(), Workers.of(POOL)));
    }

    private static void check(LegacyPartition expected, Partition actual) {
        assertArrayEquals(expected.classIds(), actual.classIds());
        assertArrayEquals(expected.sizes(), actual.sizes());
        assertEquals(expected.suppressedRecords(), actual.suppressedRecords());
        int[] first = actual.firstRows();
        for (int j = 0; j < first.length; j++) {
            assertEquals(j, actual.classOf(first[j]));
            if (j > 0) {
                org.junit.jupiter.api.Assertions.assertTrue(first[j] > first[j - 1]);
            }
        }
    }

    @Test
    void largeTableTakesTheParallelPathAndMatches() {
        Spec spec = new Spec(300_000, new int[] {2, 90, 7, 16, 42, 9, 15, 5}, 1, 2, 11);
        List<Column> qis = table(spec);
        LegacyPartition expected = LegacyPartition.group(qis, ProgressMonitor.none());
        check(expected, Partition.group(qis, ProgressMonitor.none(), Workers.of(POOL)));
    }

    @Test
    void theSameColumnsAreGroupedOnce() {
        List<Column> qis = table(new Spec(1000, new int[] {3, 4}, 0, 0, 1));
        Partition a = Partition.group(qis, ProgressMonitor.none());
        assertSame(a, Partition.group(new ArrayList<>(qis), ProgressMonitor.none()));
    }
}
