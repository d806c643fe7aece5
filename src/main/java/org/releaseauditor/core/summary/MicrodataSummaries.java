package org.releaseauditor.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.Partition;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.core.util.LongIntHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link MicrodataSummary} from a loaded dataset, in process (no cluster needed). The
 * Spark job computes the same summary, value for value, on data that does not fit one machine.
 */
public final class MicrodataSummaries {
    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataSummaries.class);

    /** Largest number of QIs (subset masks are {@code int}, as in the QI contribution). */
    public static final int MAX_QUASI_IDENTIFIERS = 30;
    /** Largest number of QI subsets a summary may hold (as the QI contribution analysis). */
    public static final long MAX_SUBSETS = 1L << 20;

    private MicrodataSummaries() {
    }

    /**
     * Summarises a dataset.
     *
     * @param data    the loaded records
     * @param options QIs, sensitive attributes, weight, household, subset size limit, import options
     * @param input   the input's name and fingerprint
     * @param monitor progress and cancellation
     * @throws ConfigurationException for unknown columns or invalid options (checked before any work)
     * @throws DatasetFormatException for a missing or invalid weight (file, row, value)
     */
    public static MicrodataSummary build(Dataset data, MicrodataSummary.Options options, SummaryInput input,
            ProgressMonitor monitor) throws AuditException {
        validate(data.columnNames(), options, data.name());
        List<Column> qis = new ArrayList<>();
        for (String q : options.quasiIdentifiers()) {
            qis.add(data.column(q).orElseThrow());
        }
        int rows = data.rowCount();
        LOGGER.info("Microdata summary: dataset={}, rows={}, qis={}, sensitive={}", data.name(), rows, qis.size(),
                options.sensitive().size());
        monitor.update(Messages.get("progress.risk.grouping"), 0, 1);
        Partition p = Partition.group(qis, monitor.slice(0, 0.3));
        int[] sizes = p.sizes();
        long[] classSizes = new long[sizes.length];
        for (int j = 0; j < sizes.length; j++) {
            classSizes[j] = sizes[j];
        }
        double[] weightSums = null;
        if (options.weight() != null) {
            weightSums = weightSums(p, data.column(options.weight()).orElseThrow(), input.name(), monitor);
        }
        List<MicrodataSummary.SensitiveCells> sensitive = new ArrayList<>();
        for (SensitiveAttribute a : options.sensitive()) {
            monitor.checkCancelled();
            sensitive.add(cells(p, data.column(a.column()).orElseThrow(), a.ordered(), monitor));
        }
        List<MicrodataSummary.SubsetStats> subsets = subsets(qis, subsetLimit(options), monitor.slice(0.5, 1));
        monitor.update(Messages.get("progress.risk.measures"), 1, 1);
        return new MicrodataSummary(input, options, "in-process", rows, p.suppressedRecords(), classSizes,
                weightSums, sensitive, subsets);
    }

    /** The largest subset size stored: the option, at least 2 (pair uniqueness), at most the QI count. */
    public static int subsetLimit(MicrodataSummary.Options options) {
        return Math.min(options.quasiIdentifiers().size(), Math.max(2, options.maxQiSubset()));
    }

    /**
     * Checks the options against the input's columns before any work (shared with the Spark job).
     *
     * @param columns the input's column names
     * @param file    the input's name for messages
     */
    public static void validate(List<String> columns, MicrodataSummary.Options o, String file)
            throws ConfigurationException {
        List<String> qis = o.quasiIdentifiers();
        if (qis.isEmpty()) {
            throw new ConfigurationException("risk.config.noQuasiIdentifiers");
        }
        if (qis.size() > MAX_QUASI_IDENTIFIERS) {
            throw new ConfigurationException("risk.config.tooManyQuasiIdentifiers", qis.size(), MAX_QUASI_IDENTIFIERS);
        }
        Set<String> seen = new HashSet<>();
        for (String q : qis) {
            require(columns, q, "quasi-identifier", file);
            if (!seen.add(q)) {
                throw new ConfigurationException("risk.config.duplicateColumn", q, "quasi-identifier");
            }
        }
        Set<String> seenSensitive = new HashSet<>();
        for (SensitiveAttribute s : o.sensitive()) {
            require(columns, s.column(), "sensitive attribute", file);
            if (!seenSensitive.add(s.column())) {
                throw new ConfigurationException("risk.config.duplicateColumn", s.column(), "sensitive attribute");
            }
        }
        if (o.weight() != null) {
            require(columns, o.weight(), "weight", file);
        }
        if (o.household() != null) {
            require(columns, o.household(), "household", file);
        }
        if (o.maxQiSubset() < 1) {
            throw new ConfigurationException("risk.config.invalidParameter", "maximum QI subset size",
                    o.maxQiSubset(), "at least 1");
        }
        long count = 0;
        int q = qis.size();
        for (int s = 1; s <= subsetLimit(o); s++) {
            count += binomial(q, s);
        }
        if (count > MAX_SUBSETS) {
            throw new ConfigurationException("summary.error.tooManySubsets", count, MAX_SUBSETS);
        }
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    private static void require(List<String> columns, String name, String role, String file)
            throws ConfigurationException {
        if (!columns.contains(name)) {
            throw new ConfigurationException("risk.config.unknownColumn", name, role, file,
                    String.join(", ", columns));
        }
    }

    /**
     * Per class, the sum of the weights of its records, added in row order (as the raw-data path's
     * individual risk does). Every row needs a finite weight above 0.
     */
    static double[] weightSums(Partition p, Column weight, String file, ProgressMonitor monitor)
            throws DatasetFormatException {
        int rows = p.rowCount();
        double[] byCode = new double[weight.cardinality()];
        boolean[] valid = new boolean[byCode.length];
        for (int code = 0; code < byCode.length; code++) {
            byCode[code] = weight.numeric(code);
            valid[code] = Double.isFinite(byCode[code]) && byCode[code] > 0;
        }
        double[] sums = new double[p.classCount()];
        int[] codes = weight.codes();
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int code = codes[r];
            if (code < 0) {
                throw new DatasetFormatException(file, r + 1L, 0, "risk.error.weightMissing", weight.name(), r + 1L);
            }
            if (!valid[code]) {
                throw new DatasetFormatException(file, r + 1L, 0, "risk.error.weightInvalid", weight.name(), r + 1L,
                        weight.value(code));
            }
            int c = p.classOf(r);
            if (c >= 0) {
                sums[c] += byCode[code];
            }
        }
        return sums;
    }

    /** The (class, value) cells of one sensitive attribute; see {@link MicrodataSummary.SensitiveCells}. */
    static MicrodataSummary.SensitiveCells cells(Partition p, Column column, boolean ordered, ProgressMonitor monitor) {
        int rows = p.rowCount();
        int classes = p.classCount();
        int[] classOf = p.classIds();
        int[] codes = column.codes();
        int card = column.cardinality();
        long span = card + 2L;
        LongIntHashMap ids = new LongIntHashMap(Math.max(16, Math.min(rows, 1 << 20)));
        int[] cellClass = new int[1024];
        int[] cellCode = new int[1024];
        long[] cellCount = new long[1024];
        int cells = 0;
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int c = classOf[r];
            if (c < 0) {
                continue;
            }
            int code = codes[r] + 2;
            int id = ids.getOrPut(c * span + code, cells);
            if (id == cells) {
                if (cells == cellClass.length) {
                    int grown = cells * 2;
                    cellClass = Arrays.copyOf(cellClass, grown);
                    cellCode = Arrays.copyOf(cellCode, grown);
                    cellCount = Arrays.copyOf(cellCount, grown);
                }
                cellClass[cells] = c;
                cellCode[cells] = code;
                cells++;
            }
            cellCount[id]++;
        }
        // value ids
        int[] idOfCode = new int[card + 2];
        Arrays.fill(idOfCode, -1);
        int values = 0;
        if (ordered) {
            boolean[] present = new boolean[card + 2];
            for (int i = 0; i < cells; i++) {
                present[cellCode[i]] = true;
            }
            int[] dictRanks = column.ranks();
            long[] packed = new long[card + 2];
            for (int code = 0; code < card + 2; code++) {
                if (present[code]) {
                    // real values by rank; MISSING (code 1), then SUPPRESSED (code 0) last
                    long rank = code >= 2 ? dictRanks[code - 2] : (long) card + (code == 1 ? 0 : 1);
                    packed[values++] = (rank << 32) | code;
                }
            }
            Arrays.sort(packed, 0, values);
            for (int i = 0; i < values; i++) {
                idOfCode[(int) (packed[i] & 0xFFFFFFFFL)] = i;
            }
        } else {
            for (int i = 0; i < cells; i++) {
                if (idOfCode[cellCode[i]] < 0) {
                    idOfCode[cellCode[i]] = values++;
                }
            }
        }
        // cells grouped by class, keeping their order of first appearance (stable counting sort)
        int[] perClass = new int[classes];
        for (int i = 0; i < cells; i++) {
            perClass[cellClass[i]]++;
        }
        int[] start = new int[classes + 1];
        for (int j = 0; j < classes; j++) {
            start[j + 1] = start[j] + perClass[j];
        }
        int[] fill = Arrays.copyOf(start, classes);
        int[] value = new int[cells];
        long[] count = new long[cells];
        for (int i = 0; i < cells; i++) {
            int pos = fill[cellClass[i]]++;
            value[pos] = idOfCode[cellCode[i]];
            count[pos] = cellCount[i];
        }
        return new MicrodataSummary.SensitiveCells(column.name(), ordered, values, perClass, value, count);
    }

    /** Class counts of every QI subset up to {@code maxSize}, by size, then by QI positions. */
    static List<MicrodataSummary.SubsetStats> subsets(List<Column> qis, int maxSize, ProgressMonitor monitor) {
        int q = qis.size();
        int rows = qis.get(0).size();
        // rows suppressed on every QI of a subset, from the distinct per-row suppression masks
        java.util.Map<Integer, long[]> maskCounts = new java.util.HashMap<>();
        for (int r = 0; r < rows; r++) {
            if ((r & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int mask = 0;
            for (int i = 0; i < q; i++) {
                if (qis.get(i).code(r) == Column.SUPPRESSED) {
                    mask |= 1 << i;
                }
            }
            if (mask != 0) {
                maskCounts.computeIfAbsent(mask, k -> new long[1])[0]++;
            }
        }
        long total = 0;
        for (int s = 1; s <= maxSize; s++) {
            total += binomial(q, s);
        }
        List<MicrodataSummary.SubsetStats> out = new ArrayList<>();
        long[] done = {0};
        for (int i = 0; i < q; i++) {
            Partition first = Partition.ofColumn(qis.get(i), monitor);
            walk(qis, maxSize, new int[] {i}, first, maskCounts, out, monitor, done, total);
        }
        out.sort((a, b) -> {
            if (a.qis().size() != b.qis().size()) {
                return Integer.compare(a.qis().size(), b.qis().size());
            }
            for (int k = 0; k < a.qis().size(); k++) {
                int c = Integer.compare(a.qis().get(k), b.qis().get(k));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return out;
    }

    private static void walk(List<Column> qis, int maxSize, int[] subset, Partition p,
            java.util.Map<Integer, long[]> maskCounts, List<MicrodataSummary.SubsetStats> out,
            ProgressMonitor monitor, long[] done, long total) {
        monitor.checkCancelled();
        monitor.update(Messages.get("risk.progress.qiContribution"), done[0]++, total);
        out.add(stats(subset, p, maskCounts));
        if (subset.length == maxSize) {
            return;
        }
        for (int j = subset[subset.length - 1] + 1; j < qis.size(); j++) {
            int[] child = Arrays.copyOf(subset, subset.length + 1);
            child[subset.length] = j;
            walk(qis, maxSize, child, p.refine(qis.get(j), monitor), maskCounts, out, monitor, done, total);
        }
    }

    private static MicrodataSummary.SubsetStats stats(int[] subset, Partition p,
            java.util.Map<Integer, long[]> maskCounts) {
        int mask = 0;
        List<Integer> qis = new ArrayList<>(subset.length);
        for (int i : subset) {
            mask |= 1 << i;
            qis.add(i);
        }
        long excluded = 0;
        for (var e : maskCounts.entrySet()) {
            if ((e.getKey() & mask) == mask) {
                excluded += e.getValue()[0];
            }
        }
        long same = 0;
        long uniques = 0;
        for (int f : p.sizes()) {
            same += pairs(f);
            if (f == 1) {
                uniques++;
            }
        }
        long classes = p.classCount();
        long records = p.rowCount();
        if (excluded > 0) {
            records -= excluded;
            classes -= 1;
            same -= pairs(excluded);
        }
        return new MicrodataSummary.SubsetStats(qis, records, classes, same, uniques);
    }

    static long pairs(long k) {
        return k * (k - 1) / 2;
    }
}
