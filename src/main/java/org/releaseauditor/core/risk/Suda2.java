package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.parallel.MemoryBudget;
import org.releaseauditor.core.parallel.Workers;
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
 * <p><b>DIS-SUDA score</b> (sdcMicro's C++ {@code Suda2}, after Skinner &amp; Elliot 2002). With
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
 * <p><b>Algorithm</b> (SUDA2, Manning, Haglin &amp; Keane 2008). An item is a (variable, value)
 * pair; missing and suppressed values are no items. The table is first reduced to its equivalence
 * classes on all key variables ({@link ClassTable}: one row per class, weighted by its size), since
 * records of one class share every itemset. The search is recursive: the MSUs of a (sub)table T are
 * its unique items (support 1) and, for every item i that is neither unique nor in all rows of T,
 * the sets {i} ∪ I where I is an MSU of the subtable T_i (the rows that contain i, restricted to
 * the variables after i's) and I is not unique in T, the "special row" condition: some row of T
 * outside T_i contains I. Variables are ordered by their number of values, most first. The
 * pruning of the paper bounds the MSU size searched in T_i by the size limit minus one, by the
 * variables left, and by the support of i minus one (an MSU of size k needs k + 1 rows), so small
 * subtables are searched only for short MSUs and no subset of variables is re-grouped as a
 * whole. An MSU found at depth k − 1 is checked, for each item dropped on the way up, against the
 * support of the remaining (k − 1)-itemset in the whole table; these supports come from small
 * saturating counters per variable subset (dense when the values' product is small, otherwise a
 * pass over the table for the itemsets concerned). Subtables are materialised as compact column
 * blocks, and the top-level items are searched in parallel; per-thread tallies are added at the
 * end, so the result does not depend on the number of threads. Memory: the class table, one block per level of the search,
 * the support counters, and one score per record.
 *
 * <p>The MSUs and scores are those of the lattice walk of release 0.1, which is kept in the tests
 * as the oracle; scores are sums of (M − s)! and exact while they stay below 2^53 (M ≤ 18).
 */
public final class Suda2 {

    /** sdcMicro's default sampling fraction for DIS-SUDA. */
    public static final double DEFAULT_DIS_FRACTION = 0.01;
    /** Upper bounds of the DIS-score histogram (sdcMicro's print method). */
    static final double[] DIS_BINS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0};

    private static final Logger LOGGER = LoggerFactory.getLogger(Suda2.class);

    private Suda2() {
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
        return compute(keyVariables, maxMsuSize, disFraction, monitor, Workers.defaults());
    }

    /** {@link #compute(List, int, double, ProgressMonitor)} on the given workers. */
    public static SudaResult compute(List<Column> keyVariables, int maxMsuSize, double disFraction,
            ProgressMonitor monitor, Workers workers) throws ConfigurationException {
        return compute(keyVariables, maxMsuSize, disFraction, monitor, workers, null);
    }

    /**
     * As above, reading the MSUs off the QI power set's tables when {@code msus} holds all of them
     * ({@link Suda2Marginals#complete}); otherwise, or with null, by the recursive search.
     */
    static SudaResult compute(List<Column> keyVariables, int maxMsuSize, double disFraction,
            ProgressMonitor monitor, Workers workers, Suda2Marginals msus) throws ConfigurationException {
        int maxSize = validate(keyVariables, maxMsuSize, disFraction);
        int m = keyVariables.size();
        int rows = keyVariables.get(0).size();
        Tallies t;
        Positive positive;
        Partition full;
        if (msus != null && msus.maxSize == maxSize && msus.complete()) {
            // no per-record arrays: only the records with an MSU have a score above 0
            long started = System.nanoTime();
            String phase = Messages.get("risk.progress.suda");
            monitor.update(phase, 0, 1);
            full = Partition.group(keyVariables, monitor, workers);
            t = new Tallies(maxSize, m);
            positive = msus.apply(t, monitor);
            monitor.update(phase, 1, 1);
            LOGGER.debug("SUDA2: {} key variables, max MSU size {}, {} rows, {} classes, {} MSUs (from the QI power"
                    + " set's tables) in {} ms", m, maxSize, rows, full.classCount(), t.msus,
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            Scores s = scores(keyVariables, maxMsuSize, disFraction, monitor, workers, Suda2Search.DENSE_CELLS);
            t = s;
            positive = Positive.of(s.score);
            full = Partition.group(keyVariables, monitor, workers);
        }
        Dis dis = Dis.of(positive, full, m, disFraction);
        double[] scoreBins = new double[Math.max(2, m)];
        for (int k = 1; k < scoreBins.length; k++) {
            scoreBins[k] = factorial(k); // 0, then 1! (= 0!), 2!, ..., (M-1)!
        }
        long others = rows - positive.records.length;
        ScoreSummary scoreSummary = summary(positive.scores, others, scoreBins);
        ScoreSummary disSummary = summary(dis.values, others, DIS_BINS);
        double totalScore = 0;
        for (double v : positive.scores) {
            totalScore += v; // in record order, as over every record
        }
        List<VariableContribution> contributions = new ArrayList<>(m);
        for (int v = 0; v < m; v++) {
            contributions.add(new VariableContribution(keyVariables.get(v).name(), t.msusWithVariable[v],
                    totalScore == 0 ? 0.0 : t.weightWithVariable[v] / totalScore));
        }
        List<Long> bySize = new ArrayList<>();
        long total = 0;
        for (long c : t.msusBySize) {
            bySize.add(c);
            total += c;
        }
        List<String> names = new ArrayList<>(m);
        for (Column c : keyVariables) {
            names.add(c.name());
        }
        return new SudaResult(names, t.msusBySize.length, disFraction, rows, positive.records.length, total, bySize,
                dis.uniques, dis.pairs, dis.probability, scoreSummary, disSummary, contributions);
    }

    /**
     * The summary of {@code rows} scores: {@code zeros} of them 0, the others {@code values} (not
     * negative); the same as {@link ScoreSummary#of} over all of them, from the distinct values.
     */
    static ScoreSummary summary(double[] values, long zeros, double[] bins) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double[] distinct = new double[sorted.length + 1];
        long[] counts = new long[sorted.length + 1];
        int d = 0;
        if (zeros > 0) {
            distinct[0] = 0.0;
            counts[0] = zeros;
            d = 1;
        }
        for (double v : sorted) {
            if (d > 0 && Double.compare(distinct[d - 1], v) == 0) {
                counts[d - 1]++;
            } else {
                distinct[d] = v;
                counts[d++] = 1;
            }
        }
        return ScoreSummary.ofSorted(java.util.Arrays.copyOf(distinct, d), java.util.Arrays.copyOf(counts, d), bins);
    }

    /** The MSU tallies of a run: by size, by variable, and in all. */
    static class Tallies {
        long[] msusBySize;
        long[] msusWithVariable;
        double[] weightWithVariable;
        long msus;

        Tallies() {
        }

        Tallies(int maxSize, int m) {
            msusBySize = new long[maxSize];
            msusWithVariable = new long[m];
            weightWithVariable = new double[m];
        }
    }

    /** The records with a score above 0, ascending, and their scores. */
    record Positive(int[] records, double[] scores) {
        static Positive of(double[] score) {
            int n = 0;
            for (double v : score) {
                if (v > 0) {
                    n++;
                }
            }
            int[] records = new int[n];
            double[] scores = new double[n];
            for (int r = 0, k = 0; r < score.length; r++) {
                if (score[r] > 0) {
                    records[k] = r;
                    scores[k++] = score[r];
                }
            }
            return new Positive(records, scores);
        }
    }

    /** Per-record results; package-private for tests that compare with a brute-force search. */
    static final class Scores extends Tallies {
        double[] score;
        double[] disScore;
        long sampleUniques;
        long pairRecords;
        double disProbability;
    }

    static Scores scores(List<Column> keyVariables, int maxMsuSize, double disFraction, ProgressMonitor monitor)
            throws ConfigurationException {
        return scores(keyVariables, maxMsuSize, disFraction, monitor, Workers.defaults(), Suda2Search.DENSE_CELLS,
                null);
    }

    /** As above, on the given workers and with the largest dense support table (tests force the hash tables). */
    static Scores scores(List<Column> keyVariables, int maxMsuSize, double disFraction, ProgressMonitor monitor,
            Workers workers, long denseCells) throws ConfigurationException {
        return scores(keyVariables, maxMsuSize, disFraction, monitor, workers, denseCells, null);
    }

    /**
     * As above, with the MSUs read off the QI power set's tables when {@code msus} holds all of
     * them (tests compare the records' scores of both ways).
     */
    static Scores scores(List<Column> keyVariables, int maxMsuSize, double disFraction, ProgressMonitor monitor,
            Workers workers, long denseCells, Suda2Marginals msus) throws ConfigurationException {
        int maxSize = validate(keyVariables, maxMsuSize, disFraction);
        int m = keyVariables.size();
        int rows = keyVariables.get(0).size();
        long started = System.nanoTime();
        String phase = Messages.get("risk.progress.suda");
        monitor.update(phase, 0, 1);
        Partition full = Partition.group(keyVariables, monitor, workers);
        boolean fromTables = msus != null && msus.maxSize == maxSize && msus.complete();
        // scores (two doubles a record, one long while searching), the class table and the search levels
        MemoryBudget.require(Messages.get("error.memory.suda"), fromTables ? 16L * rows
                : 24L * rows + 3L * full.classCount() * (ClassTable.bytesPerRow(keyVariables) + 4), rows, m);
        Scores out = new Scores();
        out.score = new double[rows];
        out.msusBySize = new long[maxSize];
        out.msusWithVariable = new long[m];
        out.weightWithVariable = new double[m];
        Positive positive;
        if (fromTables) {
            positive = msus.apply(out, monitor);
            for (int i = 0; i < positive.records().length; i++) {
                out.score[positive.records()[i]] = positive.scores()[i];
            }
        } else {
            out.msus = Suda2Search.run(ClassTable.of(keyVariables, full, false, workers, monitor), m, maxSize, out,
                    workers, denseCells, monitor, phase);
            positive = Positive.of(out.score);
        }
        monitor.update(phase, 1, 1);
        Dis dis = Dis.of(positive, full, m, disFraction);
        out.sampleUniques = dis.uniques;
        out.pairRecords = dis.pairs;
        out.disProbability = dis.probability;
        out.disScore = new double[rows];
        for (int i = 0; i < dis.values.length; i++) {
            out.disScore[positive.records()[i]] = dis.values[i];
        }
        LOGGER.debug("SUDA2: {} key variables, max MSU size {}, {} rows, {} classes, {} MSUs ({}) in {} ms", m,
                maxSize, rows, full.classCount(), out.msus, fromTables ? "from the QI power set's tables" : "searched",
                (System.nanoTime() - started) / 1_000_000);
        return out;
    }

    /** Checks the key variables, the size limit and π; returns the MSU size limit (1 .. M). */
    private static int validate(List<Column> keyVariables, int maxMsuSize, double disFraction)
            throws ConfigurationException {
        int m = keyVariables.size();
        if (m == 0) {
            throw new ConfigurationException("risk.error.noKeyVariables");
        }
        if (!(disFraction > 0 && disFraction < 1)) {
            throw new ConfigurationException("risk.error.disFraction", disFraction);
        }
        int maxSize = maxMsuSize <= 0 ? m : Math.min(maxMsuSize, m);
        SubsetLattice.checkSize(Messages.get("risk.analysis.suda"), keyVariables, maxSize);
        return maxSize;
    }

    /**
     * U and P from the classes on all key variables (records suppressed in every key variable form
     * a class of their own here), DIS, and the DIS score of each record with a score above 0 (the
     * others have 0).
     */
    record Dis(long uniques, long pairs, double probability, double[] values) {
        static Dis of(Positive positive, Partition full, int keys, double pi) {
            long uniques = 0;
            long pairs = 0;
            for (int f : full.sizes()) {
                if (f == 1) {
                    uniques++;
                } else if (f == 2) {
                    pairs += 2;
                }
            }
            if (full.suppressedRecords() == 1) {
                uniques++;
            } else if (full.suppressedRecords() == 2) {
                pairs += 2;
            }
            double[] scores = positive.scores();
            double[] values = new double[scores.length];
            if (uniques == 0) {
                return new Dis(uniques, pairs, 0, values); // no sample unique on all keys: no MSU, every score 0
            }
            double dis = uniques * pi / (uniques * pi + pairs * (1 - pi));
            double q = 1 + (8.0 - keys) / 20.0;
            double adj = 0;
            for (double s : scores) {
                adj += Math.pow(s, -q); // in record order
            }
            double excess = uniques / dis - uniques;
            for (int i = 0; i < scores.length; i++) {
                values[i] = 1 / (1 + excess / (Math.pow(scores[i], q) * adj));
            }
            return new Dis(uniques, pairs, dis, values);
        }
    }

    static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

}
