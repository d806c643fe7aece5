package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.IndividualRiskResult.HouseholdRisk;
import org.releaseauditor.core.risk.IndividualRiskResult.ThresholdCount;
import org.releaseauditor.core.util.LongIntHashMap;

/**
 * Individual risk of re-identification with sampling weights: the Benedetti–Franconi
 * approximation used by sdcMicro ({@code indivRisk}, method "approx", via {@code measure_risk})
 * and µ-ARGUS.
 *
 * <p>For a record in an equivalence class with sample size f and population estimate F = the sum
 * of the sampling weights of the class's records, let p = f/F. Then
 * <ul>
 *   <li>f = 1: r = (p/(1−p))·ln(1/p);</li>
 *   <li>f = 2: r = p/(1−p) − (p/(1−p))²·ln(1/p);</li>
 *   <li>f ≥ 3: r ≈ p/(f − (1−p));</li>
 *   <li>F = f (every weight 1, a census): r = 1/f.</li>
 * </ul>
 * Global: expected re-identifications ER = Σ_i r_i and global risk ER/n. Households:
 * r_h = 1 − Π_{i∈h}(1 − r_i).
 *
 * <p>{@link #compute(Dataset, MicrodataConfig, ProgressMonitor)} applies every option as sdcMicro's
 * {@code measure_risk} does: with wildcards, f_k and F_k are the wildcard-aware frequencies of
 * {@code freqCalc} (records compatible with the record, and the sum of their weights); the
 * {@link IndividualRiskMethod#EXACT exact} method replaces the approximation for f ≥ 3 by
 * E[1/F | f] = p·∫₀¹ u^(f−1)/(p + (1−p)u) du; every survey risk is multiplied by {@code qual}; and
 * without a weight column (or with {@code survey = false}) the data are the population and
 * r = 1/f_k, as sdcMicro's {@code indivRisk(survey = FALSE)}.
 *
 * <p>Deviations from sdcMicro, all documented in {@code src/docs/metrics-microdata-extra.md}:
 * <ul>
 *   <li>F &lt; f (weights below 1) would give p &gt; 1 and meaningless values; the population
 *       cannot be smaller than the sample, so F is raised to f and r = 1/f. "F = f" is tested with
 *       a relative tolerance of 1e-12 instead of exact equality.</li>
 *   <li>For f = 2 and p close to 1 the formula cancels catastrophically; for 1 − p &lt; 0.05 the
 *       equivalent series r = p − p²·Σ_{k≥2} (1−p)^(k−2)/k is used.</li>
 *   <li>Rows whose QIs are all suppressed (class −1 in the partition) get no risk and are left out
 *       of n; sdcMicro has no such rows (it treats NA as a wildcard or as a value).</li>
 *   <li>A record without a household id is a household of its own (sdcMicro drops it as NA).</li>
 * </ul>
 * A sampling weight must be a finite number &gt; 0 in every row; otherwise a
 * {@link DatasetFormatException} names the weight column, the 1-based data row and the token (a
 * weight is survey metadata, not personal data).
 */
public final class IndividualRisk {

    /** Thresholds used by {@link #compute(Partition, Column, Column, ProgressMonitor)}. */
    public static final List<Double> DEFAULT_THRESHOLDS = List.of(0.05, 0.1, 0.2);

    /** Histogram upper bounds of the risk distributions (the ARX risk-distribution bins). */
    public static final List<Double> RISK_BIN_UPPER_BOUNDS = List.of(1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 0.001, 0.01,
            0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.125, 0.143, 0.167, 0.2, 0.25, 0.334, 0.5, 1.0);

    private IndividualRisk() {
    }

    /**
     * Computes individual and (optionally) household risk with the {@link #DEFAULT_THRESHOLDS}.
     *
     * @param partition the equivalence classes on the quasi-identifiers
     *                  ({@link Partition#group}); rows with class −1 are skipped
     * @param weight    the sampling-weight column (numbers &gt; 0)
     * @param household the household id column, or {@code null}
     * @param monitor   progress and cancellation
     * @throws DatasetFormatException when a weight is missing, not a number, infinite or ≤ 0
     */
    public static IndividualRiskResult compute(Partition partition, Column weight, Column household,
            ProgressMonitor monitor) throws DatasetFormatException {
        return compute(partition, weight, household, DEFAULT_THRESHOLDS, monitor);
    }

    /**
     * As {@link #compute(Partition, Column, Column, ProgressMonitor)} with explicit thresholds t;
     * records (and households) with risk strictly above t are counted.
     */
    public static IndividualRiskResult compute(Partition partition, Column weight, Column household,
            List<Double> thresholds, ProgressMonitor monitor) throws DatasetFormatException {
        int rows = partition.rowCount();
        if (weight.size() != rows || (household != null && household.size() != rows)) {
            throw new IllegalArgumentException("columns and partition differ in length");
        }
        Frequencies freq = frequencies(List.of(), partition, weight, false, monitor);
        return summarise(records(partition, freq, IndividualRiskMethod.APPROX, DEFAULT_QUAL, true, household,
                monitor), partition, household, thresholds, IndividualRiskMethod.APPROX, DEFAULT_QUAL, true, false,
                monitor);
    }

    /** sdcMicro's default {@code qual}. */
    private static final double DEFAULT_QUAL = 1.0;

    /**
     * Individual (and household) risk with every option of the configuration, as sdcMicro's
     * {@code measure_risk}: the quasi-identifiers, the weight column (survey data; without one the
     * data are the population and r = 1/f_k), the household column, wildcards, the method, qual and
     * survey. Records above {@link #DEFAULT_THRESHOLDS} are counted.
     *
     * @throws ConfigurationException for unknown columns or an invalid qual
     * @throws DatasetFormatException when a weight is missing, not a number, infinite or ≤ 0
     */
    public static IndividualRiskResult compute(Dataset data, MicrodataConfig cfg, ProgressMonitor monitor)
            throws ConfigurationException, DatasetFormatException {
        if (cfg.householdColumn() != null) {
            Inputs in = Inputs.of(data, cfg, monitor);
            return summarise(in.records, in.partition, in.household, DEFAULT_THRESHOLDS, cfg.individualRiskMethod(),
                    cfg.qual(), cfg.surveyData(), cfg.wildcards(), monitor);
        }
        // without households every number comes from the classes: no per-record array (12 bytes a
        // row before), and without weights and wildcards no per-class array either
        Inputs.check(cfg);
        List<Column> qis = new ArrayList<>();
        for (String q : cfg.quasiIdentifiers()) {
            qis.add(Inputs.column(data, q, "quasi-identifier"));
        }
        Column weight = cfg.weightColumn() == null ? null : Inputs.column(data, cfg.weightColumn(), "weight");
        Partition partition = Partition.group(qis, monitor);
        if (weight == null && !cfg.wildcards()) {
            return bySize(partition, DEFAULT_THRESHOLDS, cfg.individualRiskMethod(), cfg.qual(), cfg.surveyData(),
                    monitor);
        }
        Frequencies freq = frequencies(qis, partition, weight, cfg.wildcards(), monitor);
        double[] classRisk = classRisks(freq, cfg.individualRiskMethod(), cfg.qual(), cfg.surveyData(), monitor);
        return byClass(partition, classRisk, DEFAULT_THRESHOLDS, cfg.individualRiskMethod(), cfg.qual(),
                cfg.surveyData(), cfg.wildcards(), monitor);
    }

    /** The per-record computation (every record's risk in an array), kept as the tests' oracle. */
    static IndividualRiskResult computePerRecord(Dataset data, MicrodataConfig cfg, ProgressMonitor monitor)
            throws ConfigurationException, DatasetFormatException {
        Inputs in = Inputs.of(data, cfg, monitor);
        return summarise(in.records, in.partition, in.household, DEFAULT_THRESHOLDS, cfg.individualRiskMethod(),
                cfg.qual(), cfg.surveyData(), cfg.wildcards(), monitor);
    }

    private static double[] classRisks(Frequencies freq, IndividualRiskMethod method, double qual, boolean survey,
            ProgressMonitor monitor) {
        int classes = freq.fk.length;
        double[] classRisk = new double[classes];
        for (int c = 0; c < classes; c++) {
            if ((c & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            classRisk[c] = survey ? risk(freq.fk[c], freq.populationFk[c], method) * qual : 1.0 / freq.fk[c];
        }
        return classRisk;
    }

    /**
     * Individual risk without weights, wildcards or households: f_k is the class size and F_k = f_k
     * (a sum of ones), so a class's risk depends on its size alone and is computed once per
     * distinct size. The same numbers, bit for bit, as the per-record path.
     */
    static IndividualRiskResult bySize(Partition partition, List<Double> thresholds, IndividualRiskMethod method,
            double qual, boolean survey, ProgressMonitor monitor) {
        ClassSizeHistogram h = partition.histogram();
        long[] distinctSizes = h.classSizes();
        long[] classesOfSize = h.classCounts();
        int d = distinctSizes.length;
        double[] riskOfSize = new double[d];
        long[] records = new long[d];
        for (int i = 0; i < d; i++) {
            long f = distinctSizes[i];
            riskOfSize[i] = survey ? risk(f, (double) f, method) * qual : 1.0 / f;
            records[i] = f * classesOfSize[i];
        }
        // ER = Σ_c f_c · r_c in class order, as the per-record path
        int[] sizes = partition.sizes();
        double[] direct = null;
        if (d > 0 && distinctSizes[d - 1] <= 1 << 16) {
            direct = new double[(int) distinctSizes[d - 1] + 1];
            for (int i = 0; i < d; i++) {
                direct[(int) distinctSizes[i]] = riskOfSize[i];
            }
        }
        double er = 0;
        for (int c = 0; c < sizes.length; c++) {
            if ((c & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int f = sizes[c];
            er += f * (direct != null ? direct[f] : riskOfSize[java.util.Arrays.binarySearch(distinctSizes, f)]);
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(riskOfSize[a], riskOfSize[b]));
        double[] sorted = new double[d];
        long[] counts = new long[d];
        for (int i = 0; i < d; i++) {
            sorted[i] = riskOfSize[order[i]];
            counts[i] = records[order[i]];
        }
        return fromDistinct(partition, er, sorted, counts, thresholds, method, qual, survey, false, monitor);
    }

    /** Individual risk from per-class risks, each counted once per record of its class. */
    static IndividualRiskResult byClass(Partition partition, double[] classRisk, List<Double> thresholds,
            IndividualRiskMethod method, double qual, boolean survey, boolean wildcards, ProgressMonitor monitor) {
        double er = 0;
        for (int c = 0; c < classRisk.length; c++) {
            er += partition.size(c) * classRisk[c];
        }
        double[] distinct = classRisk.clone();
        java.util.Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (d == 0 || Double.compare(distinct[d - 1], distinct[i]) != 0) {
                distinct[d++] = distinct[i];
            }
        }
        distinct = java.util.Arrays.copyOf(distinct, d);
        long[] counts = new long[d];
        for (int c = 0; c < classRisk.length; c++) {
            if ((c & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            counts[java.util.Arrays.binarySearch(distinct, classRisk[c])] += partition.size(c);
        }
        return fromDistinct(partition, er, distinct, counts, thresholds, method, qual, survey, wildcards, monitor);
    }

    private static IndividualRiskResult fromDistinct(Partition partition, double er, double[] sorted, long[] counts,
            List<Double> thresholds, IndividualRiskMethod method, double qual, boolean survey, boolean wildcards,
            ProgressMonitor monitor) {
        long n = partition.classifiedRecords();
        ScoreSummary distribution = ScoreSummary.ofSorted(sorted, counts, riskBins());
        List<ThresholdCount> above = new ArrayList<>(thresholds.size());
        for (double t : thresholds) {
            long c = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (sorted[i] > t) {
                    c += counts[i];
                }
            }
            above.add(new ThresholdCount(t, c, n == 0 ? 0.0 : (double) c / n));
        }
        monitor.update(Messages.get("risk.progress.individualRisk"), 1, 1);
        return new IndividualRiskResult(n, partition.suppressedRecords(), er, n == 0 ? 0.0 : er / n,
                distribution.max(), distribution, above, null, method, qual, survey, wildcards);
    }

    /** The columns, partition, frequencies and per-record risks of one configuration. */
    static final class Inputs {
        final List<Column> qis;
        final Partition partition;
        final Column household;
        final Frequencies frequencies;
        final RecordRisks records;

        private Inputs(List<Column> qis, Partition partition, Column household, Frequencies frequencies,
                RecordRisks records) {
            this.qis = qis;
            this.partition = partition;
            this.household = household;
            this.frequencies = frequencies;
            this.records = records;
        }

        static void check(MicrodataConfig cfg) throws ConfigurationException {
            if (cfg.quasiIdentifiers().isEmpty()) {
                throw new ConfigurationException("risk.config.noQuasiIdentifiers");
            }
            if (!(cfg.qual() > 0) || Double.isInfinite(cfg.qual())) {
                throw new ConfigurationException("risk.config.invalidParameter", "qual", cfg.qual(),
                        "a positive number");
            }
        }

        static Inputs of(Dataset data, MicrodataConfig cfg, ProgressMonitor monitor)
                throws ConfigurationException, DatasetFormatException {
            check(cfg);
            List<Column> qis = new ArrayList<>();
            for (String q : cfg.quasiIdentifiers()) {
                qis.add(column(data, q, "quasi-identifier"));
            }
            Column weight = cfg.weightColumn() == null ? null : column(data, cfg.weightColumn(), "weight");
            Column household = cfg.householdColumn() == null ? null
                    : column(data, cfg.householdColumn(), "household");
            Partition partition = Partition.group(qis, monitor);
            Frequencies freq = frequencies(qis, partition, weight, cfg.wildcards(), monitor);
            RecordRisks records = records(partition, freq, cfg.individualRiskMethod(), cfg.qual(), cfg.surveyData(),
                    household, monitor);
            return new Inputs(qis, partition, household, freq, records);
        }

        static Column column(Dataset data, String name, String role) throws ConfigurationException {
            return data.column(name).orElseThrow(() -> new ConfigurationException("risk.config.unknownColumn", name,
                    role, data.name(), String.join(", ", data.columnNames())));
        }
    }

    /**
     * Per equivalence class: the sample frequency f_k and the population estimate F_k (the sum of
     * the sampling weights, or f_k without weights), both wildcard-aware when asked for.
     */
    static final class Frequencies {
        final long[] fk;
        final double[] populationFk;

        Frequencies(long[] fk, double[] populationFk) {
            this.fk = fk;
            this.populationFk = populationFk;
        }
    }

    static Frequencies frequencies(List<Column> qis, Partition partition, Column weight, boolean wildcards,
            ProgressMonitor monitor) throws DatasetFormatException {
        int rows = partition.rowCount();
        int classes = partition.classCount();
        double[] weightSum = new double[classes];
        double[] weights = weight == null ? null : validWeights(weight, monitor);
        int[] firstRow = new int[classes];
        java.util.Arrays.fill(firstRow, -1);
        String phase = Messages.get("risk.progress.individualRisk");
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
                monitor.update(phase, r, 2L * rows);
            }
            int c = partition.classOf(r);
            if (c >= 0) {
                weightSum[c] += weights == null ? 1.0 : weights[weight.code(r)];
                if (firstRow[c] < 0) {
                    firstRow[c] = r;
                }
            }
        }
        long[] fk = new long[classes];
        for (int c = 0; c < classes; c++) {
            fk[c] = partition.size(c);
        }
        if (wildcards && classes > 0) {
            double[] sizes = new double[classes];
            for (int c = 0; c < classes; c++) {
                sizes[c] = fk[c];
            }
            double[] compatible = WildcardMatcher.compatibleSums(qis, sizes, firstRow, monitor);
            for (int c = 0; c < classes; c++) {
                fk[c] = Math.round(compatible[c]);
            }
            weightSum = WildcardMatcher.compatibleSums(qis, weightSum, firstRow, monitor);
        }
        return new Frequencies(fk, weightSum);
    }

    /** Risk per class and per classified record (in row order), and household risk per record. */
    static final class RecordRisks {
        final double[] classRisk;
        final double[] recordRisk;
        final int[] recordRow;
        /** Household risk per classified record, or null without households. */
        double[] householdRisk;
        /** Household id (dense) per classified record, or null. */
        int[] householdOf;
        int households;
        long recordsWithoutHousehold;

        RecordRisks(double[] classRisk, double[] recordRisk, int[] recordRow) {
            this.classRisk = classRisk;
            this.recordRisk = recordRisk;
            this.recordRow = recordRow;
        }
    }

    static RecordRisks records(Partition partition, Frequencies freq, IndividualRiskMethod method, double qual,
            boolean survey, Column household, ProgressMonitor monitor) {
        int classes = partition.classCount();
        double[] classRisk = new double[classes];
        for (int c = 0; c < classes; c++) {
            if ((c & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            classRisk[c] = survey ? risk(freq.fk[c], freq.populationFk[c], method) * qual : 1.0 / freq.fk[c];
        }
        int rows = partition.rowCount();
        int n = partition.classifiedRecords();
        double[] recordRisk = new double[n];
        int[] recordRow = new int[n];
        int k = 0;
        String phase = Messages.get("risk.progress.individualRisk");
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
                monitor.update(phase, rows + (long) r, 2L * rows);
            }
            int c = partition.classOf(r);
            if (c >= 0) {
                recordRisk[k] = classRisk[c];
                recordRow[k++] = r;
            }
        }
        RecordRisks out = new RecordRisks(classRisk, recordRisk, recordRow);
        if (household != null) {
            householdRisks(out, household, monitor);
        }
        return out;
    }

    private static IndividualRiskResult summarise(RecordRisks rr, Partition partition, Column household,
            List<Double> thresholds, IndividualRiskMethod method, double qual, boolean survey, boolean wildcards,
            ProgressMonitor monitor) {
        double[] recordRisk = rr.recordRisk;
        int n = recordRisk.length;
        // ER = Σ_i r_i, summed class by class (f_c · r_c in class order): independent of row order,
        // so an audit from a summary (core.summary) gives the same value bit for bit
        double er = 0;
        for (int c = 0; c < rr.classRisk.length; c++) {
            er += partition.size(c) * rr.classRisk[c];
        }
        ScoreSummary distribution = ScoreSummary.of(recordRisk, riskBins());
        HouseholdRisk hh = household == null ? null : householdSummary(rr, thresholds);
        monitor.update(Messages.get("risk.progress.individualRisk"), 1, 1);
        return new IndividualRiskResult(n, partition.suppressedRecords(), er, n == 0 ? 0.0 : er / n,
                distribution.max(), distribution, above(recordRisk, thresholds), hh, method, qual, survey,
                wildcards);
    }

    /**
     * The Benedetti–Franconi risk of a record in a class of sample size {@code f} whose sampling
     * weights sum to {@code populationSize}.
     */
    public static double risk(int f, double populationSize) {
        if (f <= 0) {
            throw new IllegalArgumentException("class size must be positive");
        }
        if (populationSize <= f * (1 + 1e-12)) {
            return 1.0 / f;
        }
        double p = f / populationSize;
        double q = 1 - p;
        double odds = p / q;
        double lnInvP = -Math.log(p);
        if (f == 1) {
            return odds * lnInvP;
        }
        if (f == 2) {
            if (q < 0.05) {
                // p − p²·Σ_{k≥2} q^(k−2)/k, the same value without cancellation
                double sum = 0;
                double qk = 1;
                for (int kk = 2; kk < 200 && qk > 1e-18; kk++) {
                    sum += qk / kk;
                    qk *= q;
                }
                return p - p * p * sum;
            }
            return odds - odds * odds * lnInvP;
        }
        return p / (f - q);
    }

    /** The risk of a record in a class of f sample records with population estimate F, by method. */
    public static double risk(long f, double populationSize, IndividualRiskMethod method) {
        if (method == IndividualRiskMethod.EXACT) {
            return exactRisk(f, populationSize);
        }
        if (f > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("class size too large");
        }
        return risk((int) f, populationSize);
    }

    /**
     * The exact individual risk E[1/F | f] of sdcMicro's {@code indivRisk(method = "exact")}: with
     * p = f/F and q = 1 − p it equals p^f·Σ_h C(f+h−1, h)·q^h/(f+h) = p·J_f with
     * J_f = ∫₀¹ u^(f−1)/(p + q·u) du. sdcMicro evaluates an alternating closed form that overflows
     * and cancels for large f; we use q·J_(k+1) + p·J_k = 1/k from J_1 = ln(1/p)/q when p ≤ ½
     * (errors shrink by p/q per step) and the series (p/f)·Σ_h h!·q^h/((f+1)…(f+h)) of
     * ₂F₁(1, 1; f+1; q) when p &gt; ½ (terms shrink by at least q &lt; ½). For f ≤ 2 both methods agree.
     */
    public static double exactRisk(long f, double populationSize) {
        if (f <= 0) {
            throw new IllegalArgumentException("class size must be positive");
        }
        if (f <= 2) {
            return risk((int) f, populationSize);
        }
        if (populationSize <= f * (1 + 1e-12)) {
            return 1.0 / f;
        }
        double p = f / populationSize;
        double q = 1 - p;
        if (p > 0.5) {
            double sum = 1;
            double term = 1;
            for (long h = 1; h < 10_000; h++) {
                term *= h * q / (f + h);
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            return p / f * sum;
        }
        double j = -Math.log(p) / q;
        for (long k = 1; k < f; k++) {
            j = (1.0 / k - p * j) / q;
        }
        return p * j;
    }

    private static double[] validWeights(Column weight, ProgressMonitor monitor) throws DatasetFormatException {
        int rows = weight.size();
        double[] byCode = new double[weight.cardinality()];
        boolean[] valid = new boolean[byCode.length];
        for (int code = 0; code < byCode.length; code++) {
            double w = weight.numeric(code);
            byCode[code] = w;
            valid[code] = Double.isFinite(w) && w > 0;
        }
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int code = weight.code(r);
            if (code < 0) {
                throw new DatasetFormatException("", r + 1L, 0, "risk.error.weightMissing", weight.name(), r + 1L);
            }
            if (!valid[code]) {
                throw new DatasetFormatException("", r + 1L, 0, "risk.error.weightInvalid", weight.name(), r + 1L,
                        weight.value(code));
            }
        }
        return byCode;
    }

    private static void householdRisks(RecordRisks rr, Column household, ProgressMonitor monitor) {
        double[] recordRisk = rr.recordRisk;
        int[] recordRow = rr.recordRow;
        int n = recordRisk.length;
        // household id per classified record: dictionary code, or a fresh id for a missing one
        LongIntHashMap ids = new LongIntHashMap(Math.max(16, household.cardinality()));
        int[] hhOf = new int[n];
        int next = 0;
        long without = 0;
        for (int k = 0; k < n; k++) {
            if ((k & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int code = household.code(recordRow[k]);
            long key;
            if (code < 0) {
                without++;
                key = -1L - k; // a household of its own
            } else {
                key = code;
            }
            int id = ids.getOrPut(key, next);
            if (id == next) {
                next++;
            }
            hhOf[k] = id;
        }
        double[] survive = new double[next];
        java.util.Arrays.fill(survive, 1.0);
        for (int k = 0; k < n; k++) {
            survive[hhOf[k]] *= 1 - recordRisk[k];
        }
        double[] perRecord = new double[n];
        for (int k = 0; k < n; k++) {
            perRecord[k] = 1 - survive[hhOf[k]];
        }
        rr.householdRisk = perRecord;
        rr.householdOf = hhOf;
        rr.households = next;
        rr.recordsWithoutHousehold = without;
    }

    private static HouseholdRisk householdSummary(RecordRisks rr, List<Double> thresholds) {
        int n = rr.recordRisk.length;
        double[] hhRisk = new double[rr.households];
        for (int k = 0; k < n; k++) {
            hhRisk[rr.householdOf[k]] = rr.householdRisk[k];
        }
        double er = 0;
        for (double v : hhRisk) {
            er += v;
        }
        double recordEr = 0;
        for (double v : rr.householdRisk) {
            recordEr += v;
        }
        ScoreSummary distribution = ScoreSummary.of(hhRisk, riskBins());
        return new HouseholdRisk(rr.households, rr.recordsWithoutHousehold, er, recordEr, n == 0 ? 0.0 : recordEr / n,
                distribution.max(), distribution, above(hhRisk, thresholds));
    }

    private static List<ThresholdCount> above(double[] risks, List<Double> thresholds) {
        List<ThresholdCount> out = new ArrayList<>(thresholds.size());
        for (double t : thresholds) {
            long c = 0;
            for (double r : risks) {
                if (r > t) {
                    c++;
                }
            }
            out.add(new ThresholdCount(t, c, risks.length == 0 ? 0.0 : (double) c / risks.length));
        }
        return out;
    }

    private static double[] riskBins() {
        double[] b = new double[RISK_BIN_UPPER_BOUNDS.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = RISK_BIN_UPPER_BOUNDS.get(i);
        }
        return b;
    }
}
