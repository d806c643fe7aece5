package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
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
        String phase = Messages.get("risk.progress.individualRisk");
        double[] weights = validWeights(weight, monitor);
        int classes = partition.classCount();
        double[] populationSize = new double[classes];
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
                monitor.update(phase, r, 2L * rows);
            }
            int c = partition.classOf(r);
            if (c >= 0) {
                populationSize[c] += weights[weight.code(r)];
            }
        }
        double[] classRisk = new double[classes];
        // ER = Σ_i r_i, summed class by class (f_c · r_c in class order): independent of row order,
        // so an audit from a summary (core.summary) gives the same value bit for bit
        double er = 0;
        for (int c = 0; c < classes; c++) {
            classRisk[c] = risk(partition.size(c), populationSize[c]);
            er += partition.size(c) * classRisk[c];
        }
        int n = partition.classifiedRecords();
        double[] recordRisk = new double[n];
        int[] recordRow = new int[n];
        int k = 0;
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
        ScoreSummary distribution = ScoreSummary.of(recordRisk, riskBins());
        HouseholdRisk hh = household == null ? null
                : householdRisk(recordRisk, recordRow, household, thresholds, monitor);
        monitor.update(phase, 2L * rows, 2L * rows);
        return new IndividualRiskResult(n, partition.suppressedRecords(), er, n == 0 ? 0.0 : er / n,
                distribution.max(), distribution, above(recordRisk, thresholds), hh);
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

    private static HouseholdRisk householdRisk(double[] recordRisk, int[] recordRow, Column household,
            List<Double> thresholds, ProgressMonitor monitor) {
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
        double[] hhRisk = new double[next];
        double er = 0;
        for (int h = 0; h < next; h++) {
            hhRisk[h] = 1 - survive[h];
            er += hhRisk[h];
        }
        double recordEr = 0;
        for (int k = 0; k < n; k++) {
            recordEr += hhRisk[hhOf[k]];
        }
        ScoreSummary distribution = ScoreSummary.of(hhRisk, riskBins());
        return new HouseholdRisk(next, without, er, recordEr, n == 0 ? 0.0 : recordEr / n, distribution.max(),
                distribution, above(hhRisk, thresholds));
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
