package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.SudaResult.VariableContribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Special uniques detection (SUDA; Elliot et al.; Manning, Haglin &amp; Keane 2008) with the
 * scores of sdcMicro's {@code suda2} (default {@code original_scores = TRUE}).
 *
 * <p><b>MSU.</b> A minimal sample unique of a record is a set S of key variables on which the
 * record's value combination occurs in no other record, while no proper subset of S has that
 * property. A variable whose value is missing or suppressed in the record never belongs to one of
 * its MSUs (sdcMicro ignores items with the missing code); in other records such a value simply
 * does not match.
 *
 * <p><b>SUDA score.</b> With M key variables, every MSU of size s adds (M − s)! to its record's
 * score (Elliot et al., "SUDA: a program for detecting special uniques"). Smaller MSUs weigh more.
 *
 * <p><b>DIS-SUDA score</b> (sdcMicro's C++ {@code LegacySuda2}, after Skinner &amp; Elliot 2002). With
 * the sampling fraction π ({@code disFraction}, default 0.01), U the records unique on all M key
 * variables and P the records in classes of exactly two on all M key variables:
 * <pre>
 *   Dis   = U·π / (U·π + P·(1−π))          estimated P(population unique | sample unique)
 *   Q     = 1 + (8 − M)/20
 *   A     = Σ_{records k with score_k &gt; 0} score_k^(−Q)
 *   DIS_i = 1 / (1 + (U/Dis − U) / (score_i^Q · A))   if score_i &gt; 0, else 0
 * </pre>
 * (U/Dis − U equals P·(1−π)/π.) The DIS scores spread the expected number of population uniques
 * among the records with MSUs in proportion to score^Q.
 *
 * <p><b>Variable contribution</b> (sdcMicro {@code attribute_contributions}/100): for variable v,
 * Σ over all MSUs containing v of (M − size)!, divided by the total SUDA score.
 *
 * <p><b>Deviations from sdcMicro</b>: sdcMicro counts U only for records alone in a 16-bit hash
 * bucket, so collisions lower U; it cancels out of DIS_i except when it wrongly becomes 0. We count
 * U exactly. sdcMicro adds constant dummy variables when there are fewer than 3 key variables,
 * which changes M and so the weights; we do not. {@code maxMsuSize} &lt; M finds only MSUs up to
 * that size (sdcMicro always searches all sizes).
 *
 * <p><b>Algorithm.</b> The subsets of the key variables are walked in increasing mask order
 * ({@link LegacySubsetLattice}), each grouping refined from its parent's (S without its first variable),
 * so every proper subset of S is seen before S. Only records that become unique at S (they were
 * not unique on the parent) can have S as an MSU: a record already unique on the parent either has
 * an MSU inside it or is missing a value there. Such a record has S as an MSU exactly when it has
 * no missing value on S and none of its MSUs found so far is a subset of S, because uniqueness is
 * inherited by supersets. Unique records are dropped from further refinements, and a subtree
 * ends when every record is unique. Memory: one grouping per subset size on the path plus the
 * MSU masks found.
 */
// Release 0.1 implementation, kept unchanged (but renamed) as the test oracle of the new one.
final class LegacySuda2 {

    /** sdcMicro's default sampling fraction for DIS-SUDA. */
    public static final double DEFAULT_DIS_FRACTION = 0.01;
    /** Upper bounds of the DIS-score histogram (sdcMicro's print method). */
    static final double[] DIS_BINS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0};

    private static final Logger LOGGER = LoggerFactory.getLogger(LegacySuda2.class);

    private LegacySuda2() {
    }

    /**
     * Finds the MSUs of every record and summarises SUDA and DIS-SUDA scores.
     *
     * @param keyVariables the key variables (1 to 30), all of the same length
     * @param maxMsuSize   largest MSU size to search; values ≤ 0 or above M mean M
     * @param disFraction  sampling fraction π in (0, 1), {@link #DEFAULT_DIS_FRACTION} by default
     * @param monitor      progress (one unit per subset) and cancellation
     * @throws ConfigurationException for no or too many key variables, too many subsets, or π
     *                                outside (0, 1)
     */
    public static SudaResult compute(List<Column> keyVariables, int maxMsuSize, double disFraction,
            ProgressMonitor monitor) throws ConfigurationException {
        Scores s = scores(keyVariables, maxMsuSize, disFraction, monitor);
        int m = keyVariables.size();
        double[] scoreBins = new double[Math.max(2, m)];
        for (int k = 1; k < scoreBins.length; k++) {
            scoreBins[k] = factorial(k); // 0, then 1! (= 0!), 2!, ..., (M-1)!
        }
        ScoreSummary scoreSummary = ScoreSummary.of(s.score, scoreBins);
        ScoreSummary disSummary = ScoreSummary.of(s.disScore, DIS_BINS);
        long withMsu = 0;
        double totalScore = 0;
        for (double v : s.score) {
            if (v > 0) {
                withMsu++;
                totalScore += v;
            }
        }
        List<VariableContribution> contributions = new ArrayList<>(m);
        for (int v = 0; v < m; v++) {
            contributions.add(new VariableContribution(keyVariables.get(v).name(), s.msusWithVariable[v],
                    totalScore == 0 ? 0.0 : s.weightWithVariable[v] / totalScore));
        }
        List<Long> bySize = new ArrayList<>();
        long total = 0;
        for (long c : s.msusBySize) {
            bySize.add(c);
            total += c;
        }
        List<String> names = new ArrayList<>(m);
        for (Column c : keyVariables) {
            names.add(c.name());
        }
        return new SudaResult(names, s.msusBySize.length, disFraction, s.score.length, withMsu, total, bySize,
                s.sampleUniques, s.pairRecords, s.disProbability, scoreSummary, disSummary, contributions);
    }

    /** Per-record results; package-private for tests that compare with a brute-force search. */
    static final class Scores {
        double[] score;
        double[] disScore;
        long[] msusBySize;
        long[] msusWithVariable;
        double[] weightWithVariable;
        long sampleUniques;
        long pairRecords;
        double disProbability;
    }

    static Scores scores(List<Column> keyVariables, int maxMsuSize, double disFraction, ProgressMonitor monitor)
            throws ConfigurationException {
        int m = keyVariables.size();
        if (m == 0) {
            throw new ConfigurationException("risk.error.noKeyVariables");
        }
        if (!(disFraction > 0 && disFraction < 1)) {
            throw new ConfigurationException("risk.error.disFraction", disFraction);
        }
        int maxSize = maxMsuSize <= 0 ? m : Math.min(maxMsuSize, m);
        LegacySubsetLattice.checkSize(Messages.get("risk.analysis.suda"), keyVariables, maxSize);
        int rows = keyVariables.get(0).size();
        long started = System.nanoTime();
        double[] weightOfSize = new double[m + 1];
        for (int s = 1; s <= m; s++) {
            weightOfSize[s] = factorial(m - s);
        }
        int[] missing = missingMasks(keyVariables, monitor);
        MsuStore store = new MsuStore(rows);
        Scores out = new Scores();
        out.score = new double[rows];
        out.msusBySize = new long[maxSize];
        out.msusWithVariable = new long[m];
        out.weightWithVariable = new double[m];
        LegacySubsetLattice.walk(keyVariables, maxSize, monitor, Messages.get("risk.progress.suda"), true,
                (mask, size, groups, scratch) -> {
                    double weight = weightOfSize[size];
                    for (int i = 0; i < scratch.newUniqueCount; i++) {
                        int r = scratch.newUniques[i];
                        if ((missing[r] & mask) == 0 && !store.hasSubsetOf(r, mask)) {
                            store.add(r, mask);
                            out.score[r] += weight;
                            out.msusBySize[size - 1]++;
                            for (int b = mask; b != 0; b &= b - 1) {
                                int v = Integer.numberOfTrailingZeros(b);
                                out.msusWithVariable[v]++;
                                out.weightWithVariable[v] += weight;
                            }
                        }
                    }
                    // once every record is unique, no superset can hold a new minimal unique
                    return groups.sharedClasses > 0;
                });
        disScores(out, keyVariables, disFraction, monitor);
        LOGGER.debug("SUDA2: {} key variables, max MSU size {}, {} rows, {} MSUs in {} ms", m, maxSize, rows,
                store.size(), (System.nanoTime() - started) / 1_000_000);
        return out;
    }

    private static void disScores(Scores out, List<Column> keyVariables, double pi, ProgressMonitor monitor) {
        LegacyPartition full = LegacyPartition.ofColumn(keyVariables.get(0), monitor);
        for (int i = 1; i < keyVariables.size(); i++) {
            full = full.refine(keyVariables.get(i), monitor);
        }
        long uniques = 0;
        long pairs = 0;
        for (int f : full.sizes()) {
            if (f == 1) {
                uniques++;
            } else if (f == 2) {
                pairs += 2;
            }
        }
        out.sampleUniques = uniques;
        out.pairRecords = pairs;
        int rows = out.score.length;
        out.disScore = new double[rows];
        if (uniques == 0) {
            out.disProbability = 0;
            return; // no sample unique on all keys, hence no MSU and every score is 0
        }
        double dis = uniques * pi / (uniques * pi + pairs * (1 - pi));
        out.disProbability = dis;
        double q = 1 + (8.0 - keyVariables.size()) / 20.0;
        double adj = 0;
        for (double s : out.score) {
            if (s > 0) {
                adj += Math.pow(s, -q);
            }
        }
        double excess = uniques / dis - uniques;
        for (int r = 0; r < rows; r++) {
            double s = out.score[r];
            out.disScore[r] = s > 0 ? 1 / (1 + excess / (Math.pow(s, q) * adj)) : 0;
        }
    }

    private static int[] missingMasks(List<Column> columns, ProgressMonitor monitor) {
        int rows = columns.get(0).size();
        int[] masks = new int[rows];
        for (int i = 0; i < columns.size(); i++) {
            int[] codes = columns.get(i).codes();
            monitor.checkCancelled();
            for (int r = 0; r < rows; r++) {
                if (codes[r] < 0) {
                    masks[r] |= 1 << i;
                }
            }
        }
        return masks;
    }

    static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /**
     * The MSU masks found so far, per record, as singly linked lists in growable arrays (no
     * object per MSU).
     */
    private static final class MsuStore {
        private final int[] head;
        private int[] masks = new int[1024];
        private int[] next = new int[1024];
        private int size;

        MsuStore(int rows) {
            head = new int[rows];
            Arrays.fill(head, -1);
        }

        boolean hasSubsetOf(int row, int mask) {
            for (int i = head[row]; i >= 0; i = next[i]) {
                if ((masks[i] & ~mask) == 0) {
                    return true;
                }
            }
            return false;
        }

        void add(int row, int mask) {
            if (size == masks.length) {
                masks = Arrays.copyOf(masks, size * 2);
                next = Arrays.copyOf(next, size * 2);
            }
            masks[size] = mask;
            next[size] = head[row];
            head[row] = size++;
        }

        int size() {
            return size;
        }
    }
}
