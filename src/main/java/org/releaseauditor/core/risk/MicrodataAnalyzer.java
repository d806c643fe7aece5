package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnCodes;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.parallel.MemoryBudget;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.util.LongIntHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microdata risk summary of METRICS.md §1 (without QI contribution, individual risk and
 * SUDA2, which are separate analyses): equivalence classes, k, prosecutor / journalist /
 * marketer risk, sample and population uniqueness, risk distribution, l-diversity, t-closeness,
 * riskiest classes and pair uniqueness. Deviations from ARX are documented in
 * {@code src/docs/metrics-microdata.md}.
 */
public final class MicrodataAnalyzer {

    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataAnalyzer.class);

    /** The k values for which records and classes below k are reported. */
    public static final List<Integer> BELOW_K = List.of(2, 3, 5, 10, 11, 20);
    /** Upper bounds of the risk distribution bins (ARX). */
    public static final double[] RISK_BINS = {1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.02, 0.03, 0.04, 0.05,
        0.06, 0.07, 0.08, 0.09, 0.1, 0.125, 0.143, 0.167, 0.2, 0.25, 0.334, 0.5, 1};
    /** How many of the smallest classes the result lists. */
    public static final int RISKIEST_CLASSES = 100;
    /** Largest number of quasi-identifiers (wildcard masks are longs). */
    public static final int MAX_QUASI_IDENTIFIERS = 63;
    /** Largest pair code space counted in a plain array instead of a hash map. */
    private static final long DENSE_PAIR_LIMIT = 1L << 22;

    private MicrodataAnalyzer() {
    }

    /**
     * Analyses a microdata release.
     *
     * @param data     the released sample
     * @param cfg      quasi-identifiers, sensitive attributes, population information, options
     * @param superset a population table containing the sample (journalist/marketer), or null
     * @param m        progress and cancellation
     * @throws ConfigurationException for unknown columns or invalid parameters, or a superset that
     *                                does not contain the sample
     */
    public static MicrodataResult analyze(Dataset data, MicrodataConfig cfg, Dataset superset, ProgressMonitor m)
            throws ConfigurationException {
        validate(data, cfg, superset);
        List<Column> qis = columns(data, cfg.quasiIdentifiers());
        LOGGER.info("Microdata risk analysis: dataset={}, rows={}, qis={}, sensitive={}, wildcards={}",
                data.name(), data.rowCount(), qis.size(), cfg.sensitive().size(), cfg.wildcards());

        ProgressMonitor grouping = m.slice(0.0, 0.35);
        grouping.update(Messages.get("progress.risk.grouping"), 0, 1);
        MemoryBudget.require(Messages.get("error.memory.grouping"), MemoryBudget.GROUPING_PER_ROW * data.rowCount(),
                data.rowCount(), qis.size());
        Partition partition = Partition.group(qis, grouping);
        int[] sizes = partition.sizes();
        int classes = sizes.length;
        long n = partition.classifiedRecords();
        int[] firstRow = firstRows(partition, m);

        // without wildcards the effective sizes are the class sizes (no copy: 8 bytes a class)
        long[] effective = null;
        if (cfg.wildcards()) {
            m.update(Messages.get("progress.risk.wildcards"), 350, 1000);
            effective = WildcardMatcher.compatibleSizes(qis, sizes, firstRow, m.slice(0.35, 0.45));
        }

        long[] population = null;
        if (superset != null) {
            m.update(Messages.get("progress.risk.superset"), 450, 1000);
            population = supersetSizes(data, superset, cfg.quasiIdentifiers(), partition, firstRow,
                    m.slice(0.45, 0.55));
        }

        m.update(Messages.get("progress.risk.measures"), 550, 1000);
        ClassSizeHistogram histogram = partition.histogram();
        double t = cfg.threshold();
        long s = RiskThreshold.minimumClassSize(t);
        double applied = 1.0 / s;

        // Effective per-class sizes, as a histogram (size -> classes, records)
        long[][] eff = effectiveHistogram(effective, sizes);
        long[] effSizes = eff[0];
        long[] effClasses = eff[1];
        long[] effRecords = eff[2];

        int k = effSizes.length == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, effSizes[0]);
        Map<Integer, MicrodataResult.BelowK> belowK = new LinkedHashMap<>();
        for (int kk : BELOW_K) {
            long recs = 0;
            long cls = 0;
            for (int i = 0; i < effSizes.length && effSizes[i] < kk; i++) {
                recs += effRecords[i];
                cls += effClasses[i];
            }
            belowK.put(kk, new MicrodataResult.BelowK(recs, cls, fraction(recs, n)));
        }

        MicrodataResult.AttackerRisk prosecutor = prosecutor(effSizes, effClasses, effRecords, n, classes,
                cfg.wildcards(), s, applied);
        MicrodataResult.AttackerRisk journalist = prosecutor;
        double marketer = prosecutor.successRate();
        if (population != null) {
            double[] jm = journalist(population, sizes, n, s);
            journalist = new MicrodataResult.AttackerRisk(jm[0], jm[1], jm[2], jm[3], applied);
            marketer = jm[4];
        }

        long uniques = 0;
        for (int i = 0; i < effSizes.length && effSizes[i] == 1; i++) {
            uniques += effRecords[i];
        }
        double sampleUniqueness = fraction(uniques, n);
        List<MicrodataResult.RiskBin> distribution = riskDistribution(effSizes, effRecords, n);
        List<MicrodataResult.ClassSummary> riskiest = riskiestClasses(effective, sizes, effSizes, effClasses, firstRow);

        m.update(Messages.get("progress.risk.population"), 600, 1000);
        MicrodataResult.PopulationUniqueness populationUniqueness = null;
        Long bigN = populationSize(cfg, n);
        if (bigN != null && n > 0) {
            populationUniqueness = new PopulationUniquenessEstimator(histogram, bigN, cfg.snbVariant(),
                    m.slice(0.6, 0.7)).estimate();
        }

        List<MicrodataResult.LDiversityResult> lDiversity = new ArrayList<>();
        List<MicrodataResult.TClosenessResult> tCloseness = new ArrayList<>();
        int sensitiveCount = cfg.sensitive().size();
        for (int i = 0; i < sensitiveCount; i++) {
            SensitiveAttribute attribute = cfg.sensitive().get(i);
            ProgressMonitor slice = m.slice(0.7 + 0.15 * i / sensitiveCount, 0.7 + 0.15 * (i + 1) / sensitiveCount);
            slice.update(Messages.get("progress.risk.sensitive", attribute.column()), 0, 1);
            Column column = data.column(attribute.column()).orElseThrow();
            SensitiveAnalysis.Outcome outcome = SensitiveAnalysis.analyze(column, attribute.ordered(), partition,
                    firstRow, cfg.recursiveC(), slice);
            lDiversity.add(outcome.lDiversity());
            tCloseness.add(outcome.tCloseness());
        }

        MicrodataResult.PairUniqueness pairs = pairUniqueness(qis, cfg.quasiIdentifiers(), data.rowCount(),
                m.slice(0.85, 1.0));
        m.update(Messages.get("progress.risk.measures"), 1000, 1000);
        LOGGER.info("Microdata risk analysis done: records={}, classes={}, suppressed={}, k={}",
                n, classes, partition.suppressedRecords(), k);
        return new MicrodataResult(n, classes, partition.suppressedRecords(), histogram, k, belowK, t,
                prosecutor, journalist, marketer, population != null, sampleUniqueness, populationUniqueness,
                distribution, lDiversity, tCloseness, riskiest, pairs, cfg.wildcards());
    }

    // ------------------------------------------------------------------------------ validation

    private static void validate(Dataset data, MicrodataConfig cfg, Dataset superset) throws ConfigurationException {
        if (cfg.quasiIdentifiers().isEmpty()) {
            throw new ConfigurationException("risk.config.noQuasiIdentifiers");
        }
        if (cfg.quasiIdentifiers().size() > MAX_QUASI_IDENTIFIERS) {
            throw new ConfigurationException("risk.config.tooManyQuasiIdentifiers",
                    cfg.quasiIdentifiers().size(), MAX_QUASI_IDENTIFIERS);
        }
        Set<String> seen = new HashSet<>();
        for (String q : cfg.quasiIdentifiers()) {
            requireColumn(data, q, "quasi-identifier");
            if (!seen.add(q)) {
                throw new ConfigurationException("risk.config.duplicateColumn", q, "quasi-identifier");
            }
        }
        Set<String> seenSensitive = new HashSet<>();
        for (SensitiveAttribute sa : cfg.sensitive()) {
            requireColumn(data, sa.column(), "sensitive attribute");
            if (!seenSensitive.add(sa.column())) {
                throw new ConfigurationException("risk.config.duplicateColumn", sa.column(), "sensitive attribute");
            }
        }
        if (cfg.weightColumn() != null) {
            requireColumn(data, cfg.weightColumn(), "weight");
        }
        if (cfg.householdColumn() != null) {
            requireColumn(data, cfg.householdColumn(), "household");
        }
        if (!(cfg.threshold() > 0 && cfg.threshold() <= 1)) {
            throw new ConfigurationException("risk.config.invalidParameter", "threshold", cfg.threshold(),
                    "a number in (0, 1]");
        }
        if (!(cfg.recursiveC() > 0) || Double.isInfinite(cfg.recursiveC())) {
            throw new ConfigurationException("risk.config.invalidParameter", "recursive c", cfg.recursiveC(),
                    "a positive number");
        }
        if (!(cfg.qual() > 0) || Double.isInfinite(cfg.qual())) {
            throw new ConfigurationException("risk.config.invalidParameter", "qual", cfg.qual(),
                    "a positive number");
        }
        if (cfg.maxQiSubset() < 1) {
            throw new ConfigurationException("risk.config.invalidParameter", "maximum QI subset size",
                    cfg.maxQiSubset(), "at least 1");
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
        if (superset != null) {
            for (String q : cfg.quasiIdentifiers()) {
                requireColumn(superset, q, "quasi-identifier of the superset");
            }
        }
    }

    private static void requireColumn(Dataset data, String name, String role) throws ConfigurationException {
        if (data.indexOf(name) < 0) {
            throw new ConfigurationException("risk.config.unknownColumn", name, role, data.name(),
                    String.join(", ", data.columnNames()));
        }
    }

    private static List<Column> columns(Dataset data, List<String> names) {
        List<Column> cols = new ArrayList<>(names.size());
        for (String name : names) {
            cols.add(data.column(name).orElseThrow());
        }
        return cols;
    }

    /** N from population size, region or fraction (in this order); null without any. */
    private static Long populationSize(MicrodataConfig cfg, long n) throws ConfigurationException {
        Long bigN = null;
        if (cfg.populationSize() != null) {
            bigN = cfg.populationSize();
        } else if (cfg.region() != null) {
            bigN = cfg.region().populationSize();
        } else if (cfg.samplingFraction() != null) {
            bigN = Math.round(n / cfg.samplingFraction()); // ARXPopulationModel.create(n, π)
        }
        if (bigN != null && bigN < n) {
            throw new ConfigurationException("risk.config.populationTooSmall", bigN, n);
        }
        return bigN;
    }

    // -------------------------------------------------------------------------------- measures

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static int[] firstRows(Partition partition, ProgressMonitor m) {
        m.checkCancelled();
        return partition.firstRows(); // classes are numbered by first row
    }

    /** {distinct effective sizes ascending, classes per size, records per size}. */
    private static long[][] effectiveHistogram(long[] effective, int[] sizes) {
        if (effective == null) {
            return ClassSizeHistogram.tally(sizes, sizes);
        }
        // counted per distinct size (few), no sorted copy of one value per class
        return ClassSizeHistogram.tally(effective, sizes);
    }

    private static MicrodataResult.AttackerRisk prosecutor(long[] effSizes, long[] effClasses, long[] effRecords,
                                                           long n, int classes, boolean wildcards, long s,
                                                           double applied) {
        if (effSizes.length == 0 || n == 0) {
            return new MicrodataResult.AttackerRisk(0, 0, 0, 0, applied);
        }
        long atRisk = 0;
        double expected = 0;
        for (int i = 0; i < effSizes.length; i++) {
            if (effSizes[i] < s) {
                atRisk += effRecords[i];
            }
            expected += (double) effRecords[i] / effSizes[i];
        }
        // without wildcards Σ f_j/f_j = J exactly: use J/n as ARX does
        double success = wildcards ? expected / n : (double) classes / n;
        return new MicrodataResult.AttackerRisk(fraction(atRisk, n), 1.0 / effSizes[0],
                1.0 / effSizes[effSizes.length - 1], success, applied);
    }

    /** {recordsAtRisk, highest, lowest, successRate, marketer} from population class sizes F_j. */
    private static double[] journalist(long[] population, int[] sizes, long n, long s) {
        long atRisk = 0;
        long minF = Long.MAX_VALUE;
        long maxF = 0;
        double sumF = 0;
        double marketer = 0;
        for (int j = 0; j < sizes.length; j++) {
            long bigF = population[j];
            if (bigF < s) {
                atRisk += sizes[j];
            }
            minF = Math.min(minF, bigF);
            maxF = Math.max(maxF, bigF);
            sumF += bigF;
            marketer += (double) sizes[j] / bigF;
        }
        if (sizes.length == 0) {
            return new double[5];
        }
        marketer /= n;
        double success = Math.max(sizes.length / sumF, marketer);
        return new double[] {fraction(atRisk, n), 1.0 / minF, 1.0 / maxF, success, marketer};
    }

    private static List<MicrodataResult.RiskBin> riskDistribution(long[] effSizes, long[] effRecords, long n) {
        long[] binRecords = new long[RISK_BINS.length];
        for (int i = 0; i < effSizes.length; i++) {
            double risk = 1.0 / effSizes[i];
            int b = 0;
            while (b < RISK_BINS.length - 1 && risk > RISK_BINS[b]) {
                b++;
            }
            binRecords[b] += effRecords[i];
        }
        List<MicrodataResult.RiskBin> bins = new ArrayList<>(RISK_BINS.length);
        long cumulative = 0;
        for (int b = 0; b < RISK_BINS.length; b++) {
            cumulative += binRecords[b];
            bins.add(new MicrodataResult.RiskBin(RISK_BINS[b], binRecords[b], fraction(binRecords[b], n),
                    fraction(cumulative, n)));
        }
        return bins;
    }

    /** The {@link #RISKIEST_CLASSES} classes with the smallest sizes, ties by row. */
    private static List<MicrodataResult.ClassSummary> riskiestClasses(long[] effective, int[] sizes,
            long[] effSizes, long[] effClasses, int[] firstRow) {
        long cutoff = Long.MAX_VALUE;
        long below = 0;
        for (int i = 0; i < effSizes.length; i++) {
            if (below + effClasses[i] >= RISKIEST_CLASSES) {
                cutoff = effSizes[i];
                break;
            }
            below += effClasses[i];
        }
        long atCutoffWanted = RISKIEST_CLASSES - below;
        List<MicrodataResult.ClassSummary> list = new ArrayList<>();
        long atCutoff = 0;
        for (int j = 0; j < sizes.length; j++) {
            long e = effective == null ? sizes[j] : effective[j];
            if (e < cutoff) {
                list.add(new MicrodataResult.ClassSummary(e, firstRow[j]));
            } else if (e == cutoff && atCutoff < atCutoffWanted) {
                list.add(new MicrodataResult.ClassSummary(e, firstRow[j]));
                atCutoff++;
            }
        }
        list.sort((a, b) -> a.size() != b.size() ? Long.compare(a.size(), b.size())
                : Integer.compare(a.representativeRow(), b.representativeRow()));
        return list;
    }

    // ------------------------------------------------------------------------------- superset

    /**
     * F_j: the number of superset rows with the same QI values as sample class j. Sample codes are
     * translated into the superset's dictionaries, and both tables are grouped together.
     */
    private static long[] supersetSizes(Dataset data, Dataset superset, List<String> qiNames, Partition sample,
                                        int[] firstRow, ProgressMonitor m) throws ConfigurationException {
        int sampleRows = data.rowCount();
        int total = sampleRows + superset.rowCount();
        List<Column> combined = new ArrayList<>(qiNames.size());
        for (String name : qiNames) {
            m.checkCancelled();
            Column sc = data.column(name).orElseThrow();
            Column pc = superset.column(name).orElseThrow();
            String[] popDict = pc.dictionary();
            Map<String, Integer> index = new HashMap<>(popDict.length * 2);
            for (int i = 0; i < popDict.length; i++) {
                index.put(popDict[i], i);
            }
            String[] sampleDict = sc.dictionary();
            int[] translate = new int[sampleDict.length];
            int unknown = popDict.length; // a code no superset row has
            for (int i = 0; i < sampleDict.length; i++) {
                Integer code = index.get(sampleDict[i]);
                translate[i] = code == null ? unknown : code;
            }
            String[] dict = Arrays.copyOf(popDict, popDict.length + 1);
            dict[popDict.length] = "";
            int[] codes = new int[total];
            int[] sCodes = sc.codes();
            for (int r = 0; r < sampleRows; r++) {
                int c = sCodes[r];
                codes[r] = c < 0 ? c : translate[c];
            }
            System.arraycopy(pc.codes(), 0, codes, sampleRows, superset.rowCount());
            combined.add(new Column(name, pc.type(), dict, codes, total));
        }
        Partition joint = Partition.group(combined, m);
        long[] popCount = new long[joint.classCount()];
        int[] jointOf = joint.classIds();
        for (int r = sampleRows; r < total; r++) {
            int c = jointOf[r];
            if (c >= 0) {
                popCount[c]++;
            }
        }
        int[] sizes = sample.sizes();
        long[] bigF = new long[sizes.length];
        int bad = 0;
        int firstBad = -1;
        for (int j = 0; j < sizes.length; j++) {
            bigF[j] = popCount[jointOf[firstRow[j]]];
            if (bigF[j] < sizes[j]) {
                bad++;
                if (firstBad < 0 || firstRow[j] < firstBad) {
                    firstBad = firstRow[j];
                }
            }
        }
        if (bad > 0) {
            throw new ConfigurationException("risk.superset.noMatch", bad, superset.name(), firstBad + 1);
        }
        return bigF;
    }

    // --------------------------------------------------------------------------- pair uniqueness

    private static MicrodataResult.PairUniqueness pairUniqueness(List<Column> qis, List<String> names, int rows,
                                                                 ProgressMonitor m) {
        int q = qis.size();
        double[][] share = new double[q][q];
        int pairs = q * (q + 1) / 2;
        int[] left = new int[pairs];
        int[] right = new int[pairs];
        for (int i = 0, k = 0; i < q; i++) {
            for (int j = i; j < q; j++, k++) {
                left[k] = i;
                right[k] = j;
            }
        }
        SharedProgress progress = new SharedProgress(m, Messages.get("progress.risk.pairs"), pairs);
        Workers.defaults().forEach(pairs, k -> {
            long uniques = uniqueRows(qis.get(left[k]), qis.get(right[k]), rows, m);
            share[left[k]][right[k]] = fraction(uniques, rows);
            share[right[k]][left[k]] = share[left[k]][right[k]];
            progress.add(1);
        });
        List<List<Double>> matrix = new ArrayList<>(q);
        for (int i = 0; i < q; i++) {
            List<Double> row = new ArrayList<>(q);
            for (int j = 0; j < q; j++) {
                row.add(share[i][j]);
            }
            matrix.add(row);
        }
        return new MicrodataResult.PairUniqueness(names, matrix);
    }

    /** Rows whose (a, b) value pair occurs once; codes are read in blocks from their compact storage. */
    private static long uniqueRows(Column a, Column b, int rows, ProgressMonitor m) {
        ColumnCodes ca = a.compactCodes();
        ColumnCodes cb = b.compactCodes();
        long spanB = b.cardinality() + 2L;
        long space = (a.cardinality() + 2L) * spanB;
        int[] ba = new int[ProgressMonitor.CHECK_INTERVAL];
        int[] bb = new int[ProgressMonitor.CHECK_INTERVAL];
        long uniques = 0;
        if (space <= DENSE_PAIR_LIMIT) {
            int[] counts = new int[(int) space];
            for (int from = 0; from < rows; from += ba.length) {
                m.checkCancelled();
                int to = Math.min(rows, from + ba.length);
                ca.shifted(from, to, ba, 0);
                cb.shifted(from, to, bb, 0);
                for (int i = 0, len = to - from; i < len; i++) {
                    counts[(int) (ba[i] * spanB + bb[i])]++;
                }
            }
            for (int c : counts) {
                if (c == 1) {
                    uniques++;
                }
            }
            return uniques;
        }
        LongIntHashMap ids = new LongIntHashMap(Math.min(rows, 1 << 20));
        int[] counts = new int[1024];
        int next = 0;
        for (int from = 0; from < rows; from += ba.length) {
            m.checkCancelled();
            int to = Math.min(rows, from + ba.length);
            ca.shifted(from, to, ba, 0);
            cb.shifted(from, to, bb, 0);
            for (int i = 0, len = to - from; i < len; i++) {
                int id = ids.getOrPut(ba[i] * spanB + bb[i], next);
                if (id == next) {
                    next++;
                    if (next == counts.length) {
                        counts = Arrays.copyOf(counts, counts.length * 2);
                    }
                }
                counts[id]++;
            }
        }
        for (int i = 0; i < next; i++) {
            if (counts[i] == 1) {
                uniques++;
            }
        }
        return uniques;
    }
}
