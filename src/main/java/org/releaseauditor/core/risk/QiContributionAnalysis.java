package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.parallel.MemoryBudget;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distinction and separation (Motwani &amp; Xu) of every non-empty subset of the quasi-identifiers
 * up to a size limit, as in ARX's quasi-identifier analysis.
 *
 * <p>For a subset S with n records in J equivalence classes of sizes f_j:
 * <ul>
 *   <li>distinction = J/n;</li>
 *   <li>separation = 1 − Σ_j C(f_j,2) / C(n,2), the share of the C(n,2) record pairs whose
 *       values differ on at least one QI of S.</li>
 * </ul>
 * Records whose QIs in S are <em>all</em> suppressed ({@code *}) are not an equivalence class
 * (ARX issue #259): they are left out of n, J and the pairs for that subset. Edge cases: with
 * n = 0 both values are 0; with n = 1 both are 1 (the only record is distinct, and no pair is
 * left unseparated).
 *
 * <p>Computation: the records are grouped once on all QIs ({@link Partition}, shared with the
 * rest of the analysis), and every subset's classes are rolled up from those classes
 * ({@link ClassTable}): when the subsets' value combinations are few, from dense count tables
 * that coarser subsets sum from finer ones ({@link MarginalLattice}), otherwise along a prefix
 * tree of the columns ({@link QiContributionLattice}). The work grows with the number of classes,
 * not the number of records, reads compact columns in sequence, and runs on every core. The
 * result is exact and does not depend on the number of threads or the path.
 * Pair counts use {@code long} arithmetic (C(n,2) overflows {@code int} from n ≈ 65,536).
 */
public final class QiContributionAnalysis {

    /** ARX analyses at most 10 QIs; this is the default size limit. */
    public static final int DEFAULT_MAX_SUBSET_SIZE = 10;
    /** Size limits up to this are counted subset by subset over the records (no class table). */
    static final int DIRECT_MAX_SIZE = 2;

    private static final Logger LOGGER = LoggerFactory.getLogger(QiContributionAnalysis.class);

    private QiContributionAnalysis() {
    }

    /**
     * Computes distinction and separation for every non-empty subset of {@code qis} with at most
     * {@code maxSubsetSize} members.
     *
     * @param qis           the quasi-identifier columns (at most 30), all of the same length
     * @param maxSubsetSize largest subset size to analyse (≥ 1; values above {@code qis.size()}
     *                      are capped); {@link #DEFAULT_MAX_SUBSET_SIZE} by default
     * @param monitor       progress (one unit per subset) and cancellation
     * @return one entry per subset, ordered by subset size, then by the QIs' positions in
     *         {@code qis} (lexicographically)
     * @throws ConfigurationException when no QI is given, the size limit is below 1, or the
     *                                number of subsets exceeds {@link SubsetLattice#MAX_SUBSETS}
     */
    public static List<QiContribution> compute(List<Column> qis, int maxSubsetSize, ProgressMonitor monitor)
            throws ConfigurationException {
        return compute(qis, maxSubsetSize, monitor, Workers.defaults());
    }

    /** {@link #compute(List, int, ProgressMonitor)} on the given workers. */
    public static List<QiContribution> compute(List<Column> qis, int maxSubsetSize, ProgressMonitor monitor,
            Workers workers) throws ConfigurationException {
        return compute(qis, maxSubsetSize, monitor, workers, null);
    }

    /**
     * As above, and hands SUDA2 the dense tables of its subsets when the lattice counts them
     * ({@code msus} is abandoned otherwise, and may be null).
     */
    static List<QiContribution> compute(List<Column> qis, int maxSubsetSize, ProgressMonitor monitor,
            Workers workers, Suda2Marginals msus) throws ConfigurationException {
        return compute(qis, maxSubsetSize, monitor, workers, QiContributionLattice.FORK_MIN,
                QiContributionLattice.PARALLEL_SCATTER_MIN, DIRECT_MAX_SIZE, MarginalLattice.DENSE_CELLS,
                MarginalLattice.BUCKET_BITS, msus);
    }

    /**
     * As above, with the prefix tree's parallel thresholds and the largest size limit counted
     * directly over the records, and no dense tables (tests force every path of the tree).
     */
    static List<QiContribution> compute(List<Column> qis, int maxSubsetSize, ProgressMonitor monitor,
            Workers workers, int forkMin, int scatterMin, int directMaxSize) throws ConfigurationException {
        return compute(qis, maxSubsetSize, monitor, workers, forkMin, scatterMin, directMaxSize, 0, 0, null);
    }

    /**
     * As above, with the largest dense count table and the bits counted per bucket of
     * {@link MarginalLattice} ({@code denseCells} 0: the prefix tree only).
     */
    static List<QiContribution> compute(List<Column> qis, int maxSubsetSize, ProgressMonitor monitor,
            Workers workers, int forkMin, int scatterMin, int directMaxSize, long denseCells, int bucketBits,
            Suda2Marginals msus) throws ConfigurationException {
        if (qis.isEmpty()) {
            throw new ConfigurationException("risk.error.noQuasiIdentifiers");
        }
        if (maxSubsetSize < 1) {
            throw new ConfigurationException("risk.error.subsetSize", maxSubsetSize);
        }
        int m = qis.size();
        int maxSize = Math.min(maxSubsetSize, m);
        SubsetLattice.checkSize(Messages.get("risk.analysis.qiContribution"), qis, maxSize);
        int rows = qis.get(0).size();
        long started = System.nanoTime();
        String phase = Messages.get("risk.progress.qiContribution");
        monitor.update(phase, 0, 1);
        QiContributionLattice.Counts counts;
        SuppressionMasks suppressed;
        long classRows;
        if (msus != null && (maxSize <= directMaxSize || denseCells <= 0)) {
            msus.abandon();
        }
        if (maxSize <= directMaxSize) {
            // few small subsets: count each over the records, no grouping on all QIs
            counts = DirectCounts.count(qis, maxSize, workers, new SharedProgress(monitor, phase,
                    DirectCounts.subsets(m, maxSize) + 1));
            suppressed = SuppressionMasks.of(qis, workers, monitor);
            classRows = 0;
        } else {
            Partition all = Partition.group(qis, monitor, workers);
            // the class table, the top-level split and the levels below it
            MemoryBudget.require(Messages.get("error.memory.qiContribution"),
                    3 * (all.classCount() + 1L) * ClassTable.bytesPerRow(qis), rows, m);
            ClassTable table = ClassTable.of(qis, all, true, workers, monitor);
            suppressed = SuppressionMasks.of(table);
            counts = denseCells <= 0 ? null
                    : MarginalLattice.count(table, maxSize, workers, monitor, phase, denseCells, bucketBits, msus);
            if (counts == null) {
                SharedProgress progress = new SharedProgress(monitor, phase, (long) table.rows * m);
                counts = QiContributionLattice.count(table, maxSize, workers, progress, forkMin, scatterMin);
            }
            classRows = table.rows;
        }
        List<Integer> masks = new ArrayList<>();
        for (int k = 0; k < counts.index().size(); k++) {
            masks.add(counts.index().mask(k));
        }
        masks.sort(SubsetLattice::compareBySizeThenIndices);
        List<QiContribution> result = new ArrayList<>(masks.size());
        for (int mask : masks) {
            int k = counts.index().indexOf(mask);
            double[] v = measure(rows, counts.groups()[k], counts.pairs()[k], suppressed.allSuppressed(mask));
            List<String> names = new ArrayList<>();
            for (int i : SubsetLattice.indices(mask)) {
                names.add(qis.get(i).name());
            }
            result.add(new QiContribution(names, v[0], v[1]));
        }
        monitor.update(phase, 1, 1);
        LOGGER.debug("QI contribution: {} QIs, {} subsets, {} rows, {} class rows in {} ms", m, result.size(), rows,
                classRows, (System.nanoTime() - started) / 1_000_000);
        return List.copyOf(result);
    }

    /**
     * Distinction and separation of one subset with {@code classes} groups (the group of records
     * suppressed on every QI of the subset included) and {@code samePairs} agreeing pairs among
     * {@code rows} records, leaving out the {@code excluded} all-suppressed records (0 when there
     * are none).
     */
    static double[] measure(long rows, long classes, long samePairs, long excluded) {
        long n = rows;
        if (excluded > 0) {
            n -= excluded;
            classes -= 1;
            samePairs -= pairs(excluded);
        }
        return new double[] {distinction(classes, n), separation(samePairs, n)};
    }

    /** J/n; 0 when n = 0. */
    static double distinction(long classes, long records) {
        return records == 0 ? 0.0 : (double) classes / records;
    }

    /** 1 − samePairs/C(n,2); 0 when n = 0 and 1 when n = 1. */
    static double separation(long samePairs, long records) {
        if (records == 0) {
            return 0.0;
        }
        long all = pairs(records);
        return all == 0 ? 1.0 : (double) (all - samePairs) / all;
    }

    /** C(k,2) in {@code long}. */
    static long pairs(long k) {
        return k * (k - 1) / 2;
    }

    /**
     * Per class row, the bit mask of the QIs that are suppressed in it, counted in records; answers
     * "how many records are suppressed on every QI of S" from the few distinct masks.
     */
    static final class SuppressionMasks {
        private final int[] distinctMasks;
        private final long[] counts;

        private SuppressionMasks(int[] distinctMasks, long[] counts) {
            this.distinctMasks = distinctMasks;
            this.counts = counts;
        }

        /** From the records themselves (no class table). */
        static SuppressionMasks of(List<Column> columns, Workers workers, ProgressMonitor monitor) {
            int rows = columns.get(0).size();
            int chunks = workers.tasks(rows, 1 << 16);
            List<Map<Integer, long[]>> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                parts.add(new HashMap<>());
            }
            workers.forEach(chunks, c -> {
                int from = (int) ((long) rows * c / chunks);
                int to = (int) ((long) rows * (c + 1) / chunks);
                int[] block = new int[ProgressMonitor.CHECK_INTERVAL];
                int[] mask = new int[ProgressMonitor.CHECK_INTERVAL];
                Map<Integer, long[]> counts = parts.get(c);
                for (int f = from; f < to; f += block.length) {
                    monitor.checkCancelled();
                    int t = Math.min(to, f + block.length);
                    java.util.Arrays.fill(mask, 0);
                    for (int i = 0; i < columns.size(); i++) {
                        columns.get(i).compactCodes().shifted(f, t, block, 0);
                        for (int k = 0; k < t - f; k++) {
                            if (block[k] == 0) { // shifted code of SUPPRESSED
                                mask[k] |= 1 << i;
                            }
                        }
                    }
                    for (int k = 0; k < t - f; k++) {
                        if (mask[k] != 0) {
                            counts.computeIfAbsent(mask[k], x -> new long[1])[0]++;
                        }
                    }
                }
            });
            Map<Integer, long[]> counts = new HashMap<>();
            for (Map<Integer, long[]> part : parts) {
                part.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
            }
            return of(counts);
        }

        private static SuppressionMasks of(Map<Integer, long[]> counts) {
            int[] masks = new int[counts.size()];
            long[] cnt = new long[counts.size()];
            int k = 0;
            for (var e : counts.entrySet()) {
                masks[k] = e.getKey();
                cnt[k++] = e.getValue()[0];
            }
            return new SuppressionMasks(masks, cnt);
        }

        static SuppressionMasks of(ClassTable table) {
            Map<Integer, long[]> counts = new HashMap<>();
            int m = table.cols.length;
            for (int j = 0; j < table.rows; j++) {
                int mask = 0;
                for (int i = 0; i < m; i++) {
                    if (table.cols[i].get(j) == 0) { // shifted code of SUPPRESSED
                        mask |= 1 << i;
                    }
                }
                if (mask != 0) {
                    counts.computeIfAbsent(mask, k -> new long[1])[0] += table.weights[j];
                }
            }
            int[] masks = new int[counts.size()];
            long[] cnt = new long[counts.size()];
            int k = 0;
            for (var e : counts.entrySet()) {
                masks[k] = e.getKey();
                cnt[k++] = e.getValue()[0];
            }
            return new SuppressionMasks(masks, cnt);
        }

        /** Number of records whose values in every column of {@code subset} are suppressed. */
        long allSuppressed(int subset) {
            long n = 0;
            for (int i = 0; i < distinctMasks.length; i++) {
                if ((distinctMasks[i] & subset) == subset) {
                    n += counts[i];
                }
            }
            return n;
        }
    }
}
