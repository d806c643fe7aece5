package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
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
 * <p>Computation: the subset lattice is walked depth first and each subset's classes are one
 * refinement of its parent's (see {@link LegacySubsetLattice} and {@link LegacyRowGroups}), so 2^m − 1 subsets
 * cost 2^m − 1 single-column passes over the rows that are not yet unique, with at most
 * {@code maxSubsetSize} groupings alive at a time.
 * Pair counts use {@code long} arithmetic (C(n,2) overflows {@code int} from n ≈ 65,536).
 */
// Release 0.1 implementation, kept unchanged (but renamed) as the test oracle of the new one.
final class LegacyQiContributionAnalysis {

    /** ARX analyses at most 10 QIs; this is the default size limit. */
    public static final int DEFAULT_MAX_SUBSET_SIZE = 10;

    private static final Logger LOGGER = LoggerFactory.getLogger(LegacyQiContributionAnalysis.class);

    private LegacyQiContributionAnalysis() {
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
     *                                number of subsets exceeds {@link LegacySubsetLattice#MAX_SUBSETS}
     */
    public static List<QiContribution> compute(List<Column> qis, int maxSubsetSize, ProgressMonitor monitor)
            throws ConfigurationException {
        if (qis.isEmpty()) {
            throw new ConfigurationException("risk.error.noQuasiIdentifiers");
        }
        if (maxSubsetSize < 1) {
            throw new ConfigurationException("risk.error.subsetSize", maxSubsetSize);
        }
        int m = qis.size();
        int maxSize = Math.min(maxSubsetSize, m);
        LegacySubsetLattice.checkSize(Messages.get("risk.analysis.qiContribution"), qis, maxSize);
        int rows = qis.get(0).size();
        long started = System.nanoTime();
        SuppressionMasks suppressed = SuppressionMasks.of(qis, monitor);
        List<Integer> masks = new ArrayList<>();
        Map<Integer, double[]> byMask = new HashMap<>();
        LegacySubsetLattice.walk(qis, maxSize, monitor, Messages.get("risk.progress.qiContribution"), false,
                (mask, size, groups, scratch) -> {
                    byMask.put(mask, measure(groups, suppressed.allSuppressed(mask)));
                    masks.add(mask);
                    return true;
                });
        masks.sort(LegacySubsetLattice::compareBySizeThenIndices);
        List<QiContribution> result = new ArrayList<>(masks.size());
        for (int mask : masks) {
            double[] v = byMask.get(mask);
            List<String> names = new ArrayList<>();
            for (int i : LegacySubsetLattice.indices(mask)) {
                names.add(qis.get(i).name());
            }
            result.add(new QiContribution(names, v[0], v[1]));
        }
        LOGGER.debug("QI contribution: {} QIs, {} subsets, {} rows in {} ms", m, result.size(), rows,
                (System.nanoTime() - started) / 1_000_000);
        return List.copyOf(result);
    }

    /**
     * Distinction and separation of one subset's classes, leaving out the class of
     * {@code excluded} all-suppressed records (0 when there is none).
     */
    static double[] measure(LegacyRowGroups groups, long excluded) {
        long samePairs = groups.samePairs;
        long n = groups.rows;
        long classes = groups.classes();
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
     * For each row, the bit mask of the QIs that are suppressed in it; answers "how many rows are
     * suppressed on every QI of S" from the few distinct masks, without another pass over the rows.
     */
    static final class SuppressionMasks {
        private final int[] distinctMasks;
        private final long[] counts;

        private SuppressionMasks(int[] distinctMasks, long[] counts) {
            this.distinctMasks = distinctMasks;
            this.counts = counts;
        }

        static SuppressionMasks of(List<Column> columns, ProgressMonitor monitor) {
            int rows = columns.get(0).size();
            Map<Integer, long[]> counts = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                    monitor.checkCancelled();
                }
                int mask = 0;
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).code(r) == Column.SUPPRESSED) {
                        mask |= 1 << i;
                    }
                }
                if (mask != 0) {
                    counts.computeIfAbsent(mask, k -> new long[1])[0]++;
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

        /** Number of rows whose values in every column of {@code subset} are suppressed. */
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
