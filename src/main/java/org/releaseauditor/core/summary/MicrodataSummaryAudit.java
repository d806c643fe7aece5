package org.releaseauditor.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.ClassSizeHistogram;
import org.releaseauditor.core.risk.IndividualRisk;
import org.releaseauditor.core.risk.SensitiveExtremes;
import org.releaseauditor.core.risk.IndividualRiskResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataAnalyzer;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.PopulationModels;
import org.releaseauditor.core.risk.QiContribution;
import org.releaseauditor.core.risk.RiskThreshold;
import org.releaseauditor.core.risk.ScoreSummary;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microdata audit from a {@link MicrodataSummary} alone. Every measure a summary supports is
 * computed with the raw-data path's formulas and in its order of floating-point operations (class
 * order, cell order), so the numbers are the same bit for bit; the tests compare the JSON of both
 * paths. Not available without records: SUDA2 (needs the records' QI values), the riskiest classes
 * with their values, household risk (needs which records share a household) and the wildcard
 * option (needs the QI values of the classes).
 */
public final class MicrodataSummaryAudit {
    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataSummaryAudit.class);

    private MicrodataSummaryAudit() {
    }

    /**
     * Audits a summary.
     *
     * @param summary        the summary (checked with {@link MicrodataSummary#validate()})
     * @param cfg            the analysis options; its QIs must be the summary's (same order), its
     *                       sensitive attributes and weight must be in the summary; wildcards are
     *                       not supported
     * @param curveFractions sampling fractions of the population-uniqueness curve (the service's)
     * @param monitor        progress and cancellation
     * @throws ConfigurationException when the options do not match the summary or are invalid
     */
    public static SummaryMicrodataAnalysis analyze(MicrodataSummary summary, MicrodataConfig cfg,
            List<Double> curveFractions, ProgressMonitor monitor) throws ConfigurationException {
        summary.validate();
        check(summary.options(), cfg);
        MicrodataSummary.Options o = summary.options();
        List<Unavailable> unavailable = new ArrayList<>();
        unavailable.add(new Unavailable("suda", "summary.unavailable.suda"));
        unavailable.add(new Unavailable("riskiestClasses", "summary.unavailable.riskiestClasses"));
        if (cfg.householdColumn() != null) {
            unavailable.add(new Unavailable("individualRisk.household", "summary.unavailable.household"));
        }
        monitor.update(Messages.get("progress.risk.measures"), 0, 1);
        MicrodataResult result = result(summary, cfg, monitor);
        int q = o.quasiIdentifiers().size();
        List<QiContribution> contribution = contribution(summary, Math.min(cfg.maxQiSubset(), q));
        // as the raw path: always (without weights the data are the population and r = 1/f_k)
        IndividualRiskResult individual = individualRisk(summary, cfg, IndividualRisk.DEFAULT_THRESHOLDS, monitor);
        List<MicrodataResult.PopulationUniqueness> curve = new ArrayList<>();
        if (result.records() > 0) {
            List<Double> fractions = new ArrayList<>(curveFractions);
            if (result.populationUniqueness() != null) {
                fractions.add(result.populationUniqueness().samplingFraction());
            }
            fractions.sort(Double::compare);
            for (double f : fractions) {
                monitor.checkCancelled();
                long n = Math.max(result.records(), Math.round(result.records() / f));
                curve.add(PopulationModels.estimate(result.histogram(), n, cfg.snbVariant(), monitor));
            }
        }
        LOGGER.info("Microdata audit from a summary: input={}, records={}, classes={}", summary.input().name(),
                result.records(), result.classes());
        MicrodataAnalysis analysis = new MicrodataAnalysis(datasetName(summary.input().name()), cfg, result,
                contribution, individual, null, curve);
        return new SummaryMicrodataAnalysis(analysis, unavailable, summary.input(), summary.producer());
    }

    /** The file name part of a path or URI (the raw-data path names datasets by file name). */
    static String datasetName(String name) {
        String n = name;
        while (n.endsWith("/") && n.length() > 1) {
            n = n.substring(0, n.length() - 1);
        }
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return slash >= 0 ? n.substring(slash + 1) : n;
    }

    /**
     * Checks analysis options against a summary's options before any work (the checks of
     * {@link #analyze}): the same QIs in the same order, sensitive attributes and weight in the
     * summary, no wildcards, valid values, and the QI subsets the analysis needs.
     *
     * @throws ConfigurationException naming the option and the summary's value
     */
    public static void check(MicrodataSummary.Options o, MicrodataConfig cfg) throws ConfigurationException {
        if (!cfg.quasiIdentifiers().equals(o.quasiIdentifiers())) {
            throw new ConfigurationException("summary.error.qisDiffer", String.join(",", cfg.quasiIdentifiers()),
                    String.join(",", o.quasiIdentifiers()));
        }
        for (SensitiveAttribute a : cfg.sensitive()) {
            if (!o.sensitive().contains(a)) {
                throw new ConfigurationException("summary.error.sensitiveMissing", a.column() + (a.ordered()
                        ? ":ordered" : ""), describe(o.sensitive()));
            }
        }
        if (cfg.weightColumn() != null && !cfg.weightColumn().equals(o.weight())) {
            throw new ConfigurationException("summary.error.weightMissing", cfg.weightColumn(),
                    o.weight() == null ? "-" : o.weight());
        }
        if (cfg.wildcards()) {
            throw new ConfigurationException("summary.error.wildcards");
        }
        if (!(cfg.threshold() > 0 && cfg.threshold() <= 1)) {
            throw new ConfigurationException("risk.config.invalidParameter", "threshold", cfg.threshold(),
                    "a number in (0, 1]");
        }
        if (!(cfg.recursiveC() > 0) || Double.isInfinite(cfg.recursiveC())) {
            throw new ConfigurationException("risk.config.invalidParameter", "recursive c", cfg.recursiveC(),
                    "a positive number");
        }
        if (cfg.maxQiSubset() < 1) {
            throw new ConfigurationException("risk.config.invalidParameter", "maximum QI subset size",
                    cfg.maxQiSubset(), "at least 1");
        }
        int needed = Math.min(cfg.maxQiSubset(), o.quasiIdentifiers().size());
        int have = MicrodataSummaries.subsetLimit(o);
        if (needed > have) {
            throw new ConfigurationException("summary.error.subsetsMissing", needed, have);
        }
        if (cfg.populationSize() != null && cfg.populationSize() < 1) {
            throw new ConfigurationException("risk.config.invalidParameter", "population size",
                    cfg.populationSize(), "a positive whole number");
        }
        Double f = cfg.samplingFraction();
        if (f != null && !(f > 0 && f <= 1)) {
            throw new ConfigurationException("risk.config.invalidParameter", "sampling fraction", f,
                    "a number in (0, 1]");
        }
    }

    private static String describe(List<SensitiveAttribute> list) {
        if (list.isEmpty()) {
            return "-";
        }
        List<String> out = new ArrayList<>();
        for (SensitiveAttribute a : list) {
            out.add(a.column() + (a.ordered() ? ":ordered" : ""));
        }
        return String.join(",", out);
    }

    // --------------------------------------------------------------------------- risk summary

    private static MicrodataResult result(MicrodataSummary s, MicrodataConfig cfg, ProgressMonitor m)
            throws ConfigurationException {
        long[] sizes = s.classSizesArray();
        int classes = sizes.length;
        long n = s.records();
        // histogram: ascending distinct sizes with class and record counts
        long[] sorted = sizes.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int j = 0; j < classes; j++) {
            if (j == 0 || sorted[j] != sorted[j - 1]) {
                distinct++;
            }
        }
        long[] effSizes = new long[distinct];
        long[] effClasses = new long[distinct];
        long[] effRecords = new long[distinct];
        int d = -1;
        for (int j = 0; j < classes; j++) {
            if (j == 0 || sorted[j] != sorted[j - 1]) {
                effSizes[++d] = sorted[j];
            }
            effClasses[d]++;
            effRecords[d] += sorted[j];
        }
        ClassSizeHistogram histogram = new ClassSizeHistogram(effSizes, effClasses);
        double t = cfg.threshold();
        long minSize = RiskThreshold.minimumClassSize(t);
        double applied = 1.0 / minSize;
        int k = distinct == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, effSizes[0]);
        Map<Integer, MicrodataResult.BelowK> belowK = new LinkedHashMap<>();
        for (int kk : MicrodataAnalyzer.BELOW_K) {
            long recs = 0;
            long cls = 0;
            for (int i = 0; i < distinct && effSizes[i] < kk; i++) {
                recs += effRecords[i];
                cls += effClasses[i];
            }
            belowK.put(kk, new MicrodataResult.BelowK(recs, cls, fraction(recs, n)));
        }
        MicrodataResult.AttackerRisk prosecutor;
        if (distinct == 0 || n == 0) {
            prosecutor = new MicrodataResult.AttackerRisk(0, 0, 0, 0, applied);
        } else {
            long atRisk = 0;
            for (int i = 0; i < distinct; i++) {
                if (effSizes[i] < minSize) {
                    atRisk += effRecords[i];
                }
            }
            prosecutor = new MicrodataResult.AttackerRisk(fraction(atRisk, n), 1.0 / effSizes[0],
                    1.0 / effSizes[distinct - 1], (double) classes / n, applied);
        }
        long uniques = 0;
        for (int i = 0; i < distinct && effSizes[i] == 1; i++) {
            uniques += effRecords[i];
        }
        List<MicrodataResult.RiskBin> distribution = riskDistribution(effSizes, effRecords, n);
        MicrodataResult.PopulationUniqueness pu = null;
        Long bigN = populationSize(cfg, n);
        if (bigN != null && n > 0) {
            pu = PopulationModels.estimate(histogram, bigN, cfg.snbVariant(), m.slice(0.0, 0.3));
        }
        List<MicrodataResult.LDiversityResult> lDiversity = new ArrayList<>();
        List<MicrodataResult.TClosenessResult> tCloseness = new ArrayList<>();
        for (SensitiveAttribute a : cfg.sensitive()) {
            MicrodataSummary.SensitiveCells cells = s.sensitive().get(s.options().sensitive().indexOf(a));
            m.update(Messages.get("progress.risk.sensitive", a.column()), 0, 1);
            sensitive(cells, sizes, n, cfg.recursiveC(), lDiversity, tCloseness, m);
        }
        MicrodataResult.PairUniqueness pairs = pairUniqueness(s);
        return new MicrodataResult(n, classes, s.suppressedRecords(), histogram, k, belowK, t, prosecutor,
                prosecutor, prosecutor.successRate(), false, fraction(uniques, n), pu, distribution, lDiversity,
                tCloseness, List.of(), pairs, false);
    }

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static Long populationSize(MicrodataConfig cfg, long n) throws ConfigurationException {
        Long bigN = null;
        if (cfg.populationSize() != null) {
            bigN = cfg.populationSize();
        } else if (cfg.region() != null) {
            bigN = cfg.region().populationSize();
        } else if (cfg.samplingFraction() != null) {
            bigN = Math.round(n / cfg.samplingFraction());
        }
        if (bigN != null && bigN < n) {
            throw new ConfigurationException("risk.config.populationTooSmall", bigN, n);
        }
        return bigN;
    }

    private static List<MicrodataResult.RiskBin> riskDistribution(long[] effSizes, long[] effRecords, long n) {
        double[] bounds = MicrodataAnalyzer.RISK_BINS;
        long[] binRecords = new long[bounds.length];
        for (int i = 0; i < effSizes.length; i++) {
            double risk = 1.0 / effSizes[i];
            int b = 0;
            while (b < bounds.length - 1 && risk > bounds[b]) {
                b++;
            }
            binRecords[b] += effRecords[i];
        }
        List<MicrodataResult.RiskBin> bins = new ArrayList<>(bounds.length);
        long cumulative = 0;
        for (int b = 0; b < bounds.length; b++) {
            cumulative += binRecords[b];
            bins.add(new MicrodataResult.RiskBin(bounds[b], binRecords[b], fraction(binRecords[b], n),
                    fraction(cumulative, n)));
        }
        return bins;
    }

    /** l-diversity and t-closeness of one attribute, class by class in the raw path's order of operations. */
    private static void sensitive(MicrodataSummary.SensitiveCells cells, long[] sizes, long n, double c,
            List<MicrodataResult.LDiversityResult> lOut, List<MicrodataResult.TClosenessResult> tOut,
            ProgressMonitor monitor) {
        int classes = sizes.length;
        boolean ordered = cells.ordered();
        String name = cells.column();
        if (classes == 0) {
            lOut.add(new MicrodataResult.LDiversityResult(name, 0, 0.0, c, 0, null));
            tOut.add(new MicrodataResult.TClosenessResult(name, 0.0, ordered ? "ordered" : "equal", null));
            return;
        }
        int[] perClass = cells.cellsPerClassArray();
        int[] value = cells.valueArray();
        long[] count = cells.countArray();
        int m = cells.values();
        long[] global = new long[m];
        for (int i = 0; i < value.length; i++) {
            global[value[i]] += count[i];
        }
        double[] qCum = new double[0];
        double[] qPrefix = new double[0];
        if (ordered) {
            qCum = new double[m];
            qPrefix = new double[m + 1];
            double acc = 0;
            for (int i = 0; i < m; i++) {
                acc += (double) global[i] / n;
                qCum[i] = acc;
                qPrefix[i + 1] = qPrefix[i] + acc;
            }
        }
        SensitiveExtremes x = new SensitiveExtremes();
        long[] scratch = new long[16];
        long[] packed = new long[16];
        int from = 0;
        for (int j = 0; j < classes; j++) {
            if ((j & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int d = perClass[j];
            double f = sizes[j];
            if (scratch.length < d) {
                scratch = new long[Math.max(d, scratch.length * 2)];
                packed = new long[scratch.length];
            }
            double entropy = 0;
            double equal = 0;
            double qInClass = 0;
            for (int i = 0; i < d; i++) {
                long cnt = count[from + i];
                int v = value[from + i];
                double p = cnt / f;
                entropy -= p * Math.log(p);
                double qv = (double) global[v] / n;
                equal += Math.abs(p - qv);
                qInClass += qv;
                scratch[i] = cnt;
                if (ordered) {
                    packed[i] = ((long) v << 32) | cnt;
                }
            }
            double expH = Math.exp(entropy);
            Arrays.sort(scratch, 0, d);
            long r1 = scratch[d - 1];
            int lj = 0;
            long tail = 0;
            for (int l = d; l >= 1; l--) {
                tail += scratch[d - l];
                if (r1 < c * tail) {
                    lj = l;
                    break;
                }
            }
            double distance;
            if (ordered) {
                distance = m <= 1 ? 0.0 : orderedDistance(packed, d, f, qCum, qPrefix, m) / (m - 1);
            } else {
                distance = 0.5 * (equal + Math.max(0.0, 1.0 - qInClass));
            }
            x.add(j, d, expH, lj, distance);
            from += d;
        }
        lOut.add(new MicrodataResult.LDiversityResult(name, x.minDistinct(), x.minEntropy(), c, x.minRecursive(),
                new MicrodataResult.ClassSummary(sizes[x.worstDistinctClass()], -1)));
        tOut.add(new MicrodataResult.TClosenessResult(name, Math.min(1.0, x.maxDistance()),
                ordered ? "ordered" : "equal", new MicrodataResult.ClassSummary(sizes[x.worstDistanceClass()], -1)));
    }

    /** Σ_k |P_k − Q_k| over all m ranks (P the class's cumulative distribution, Q the table's). */
    private static double orderedDistance(long[] packed, int d, double f, double[] qCum, double[] qPrefix, int m) {
        Arrays.sort(packed, 0, d);
        double sum = 0;
        double pCum = 0;
        int lo = 0;
        for (int i = 0; i <= d; i++) {
            int hi = i < d ? (int) (packed[i] >>> 32) - 1 : m - 1;
            if (hi >= lo) {
                sum += runDistance(pCum, lo, hi, qCum, qPrefix);
            }
            if (i < d) {
                pCum += (packed[i] & 0xFFFFFFFFL) / f;
                lo = hi + 1;
            }
        }
        return sum;
    }

    /** Σ_{k=lo}^{hi} |p − Q_k| for non-decreasing Q. */
    private static double runDistance(double p, int lo, int hi, double[] qCum, double[] qPrefix) {
        int a = lo;
        int b = hi + 1;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (qCum[mid] <= p) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        int split = a;
        double below = p * (split - lo) - (qPrefix[split] - qPrefix[lo]);
        double above = (qPrefix[hi + 1] - qPrefix[split]) - p * (hi + 1 - split);
        return below + above;
    }

    private static MicrodataResult.PairUniqueness pairUniqueness(MicrodataSummary s) {
        List<String> names = s.options().quasiIdentifiers();
        int q = names.size();
        List<List<Double>> matrix = new ArrayList<>(q);
        for (int i = 0; i < q; i++) {
            List<Double> row = new ArrayList<>(q);
            for (int j = 0; j < q; j++) {
                List<Integer> key = i == j ? List.of(i) : List.of(Math.min(i, j), Math.max(i, j));
                MicrodataSummary.SubsetStats st = s.subset(key);
                row.add(fraction(st.uniqueRows(), s.rows()));
            }
            matrix.add(row);
        }
        return new MicrodataResult.PairUniqueness(names, matrix);
    }

    // ------------------------------------------------------------------------- QI contribution

    private static List<QiContribution> contribution(MicrodataSummary s, int maxSize) {
        List<QiContribution> out = new ArrayList<>();
        List<String> names = s.options().quasiIdentifiers();
        for (MicrodataSummary.SubsetStats st : s.qiSubsets()) {
            if (st.qis().size() > maxSize) {
                continue;
            }
            List<String> qis = new ArrayList<>();
            for (int i : st.qis()) {
                qis.add(names.get(i));
            }
            long records = st.records();
            double distinction = records == 0 ? 0.0 : (double) st.classes() / records;
            double separation;
            if (records == 0) {
                separation = 0.0;
            } else {
                long all = MicrodataSummaries.pairs(records);
                separation = all == 0 ? 1.0 : (double) (all - st.samePairs()) / all;
            }
            out.add(new QiContribution(qis, distinction, separation));
        }
        return out;
    }

    // ------------------------------------------------------------------------- individual risk

    /**
     * Benedetti–Franconi risk per class from its size and weight sum; the per-record summary is
     * computed from (risk, records) pairs exactly as from the expanded per-record array.
     */
    static IndividualRiskResult individualRisk(MicrodataSummary s, MicrodataConfig cfg, List<Double> thresholds,
            ProgressMonitor monitor) {
        // the same options as the raw path (IndividualRisk): method, qual, and survey (automatic: a
        // sample when weights are given); without a survey the risk is 1/f_k as in sdcMicro
        boolean survey = cfg.survey() == null ? cfg.weightColumn() != null : cfg.survey();
        long[] sizes = s.classSizesArray();
        double[] sums = s.weightSumsArray();
        if (sums == null || cfg.weightColumn() == null) {
            // no weights: F_k = f_k (every weight 1), as the raw path
            sums = new double[sizes.length];
            for (int c = 0; c < sizes.length; c++) {
                sums[c] = sizes[c];
            }
        }
        int classes = sizes.length;
        double[] risk = new double[classes];
        double er = 0;
        for (int c = 0; c < classes; c++) {
            if ((c & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            risk[c] = survey ? IndividualRisk.risk(sizes[c], sums[c], cfg.individualRiskMethod()) * cfg.qual()
                    : 1.0 / sizes[c];
            er += sizes[c] * risk[c];
        }
        long n = s.records();
        ScoreSummary distribution = WeightedScores.summary(risk, sizes, riskBins());
        List<IndividualRiskResult.ThresholdCount> above = new ArrayList<>();
        for (double t : thresholds) {
            long cnt = 0;
            for (int c = 0; c < classes; c++) {
                if (risk[c] > t) {
                    cnt += sizes[c];
                }
            }
            above.add(new IndividualRiskResult.ThresholdCount(t, cnt, n == 0 ? 0.0 : (double) cnt / n));
        }
        return new IndividualRiskResult(n, s.suppressedRecords(), er, n == 0 ? 0.0 : er / n, distribution.max(),
                distribution, above, null, cfg.individualRiskMethod(), cfg.qual(), survey, false);
    }

    private static double[] riskBins() {
        double[] b = new double[IndividualRisk.RISK_BIN_UPPER_BOUNDS.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = IndividualRisk.RISK_BIN_UPPER_BOUNDS.get(i);
        }
        return b;
    }
}
