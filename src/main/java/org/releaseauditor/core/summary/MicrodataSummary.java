package org.releaseauditor.core.summary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.risk.SensitiveAttribute;

/**
 * The microdata lane's summary: the equivalence classes on the quasi-identifiers, each only as
 * its size, its weight sum and its sensitive-value counts, plus per-subset class counts for the
 * QI contribution and pair uniqueness. Holds no record values: classes are positions, sensitive
 * values are ids (see {@link SensitiveCells}).
 *
 * <p>Order matters for bit-identical results: classes are in order of their first record in the
 * input, and inside a class the sensitive cells are in order of their first record; floating-point
 * sums of the raw-data path run in that order, and so do the sums of
 * {@link MicrodataSummaryAudit}.
 *
 * @param input             what the summary was made from
 * @param options           the column options it was made with
 * @param producer          "in-process" or "spark" (informative; results do not depend on it)
 * @param rows              all data rows read
 * @param suppressedRecords rows whose quasi-identifiers are all suppressed (no class; ARX #259)
 * @param classSizes        f_j of each class, in order of first appearance
 * @param weightSums        per class, the sum of its records' sampling weights in input order, or
 *                          null without a weight column
 * @param sensitive         one entry per sensitive attribute, in option order
 * @param qiSubsets         class counts of every QI subset up to {@link Options#maxQiSubset()} (and
 *                          at least every subset of size 1 and 2), ordered by size, then by QI positions
 */
public record MicrodataSummary(SummaryInput input, Options options, String producer, long rows,
        long suppressedRecords, long[] classSizes, double[] weightSums, List<SensitiveCells> sensitive,
        List<SubsetStats> qiSubsets) {

    /** The format version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public MicrodataSummary {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        classSizes = classSizes.clone();
        weightSums = weightSums == null ? null : weightSums.clone();
        sensitive = List.copyOf(sensitive);
        qiSubsets = List.copyOf(qiSubsets);
    }

    /**
     * What the summary was made with.
     *
     * @param quasiIdentifiers QI columns, in order
     * @param sensitive        sensitive attributes (ordered or nominal)
     * @param weight           weight column or null
     * @param household        household column or null (named for the record; household risk needs records)
     * @param maxQiSubset      largest QI subset size with class counts
     * @param importOptions    how the input was read (delimiter, header, encoding, ...), for the record
     */
    public record Options(List<String> quasiIdentifiers, List<SensitiveAttribute> sensitive, String weight,
            String household, int maxQiSubset, Map<String, String> importOptions) {
        public Options {
            quasiIdentifiers = List.copyOf(quasiIdentifiers);
            sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
            importOptions = importOptions == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(importOptions));
        }
    }

    /**
     * The (class, sensitive value) counts of one attribute. Value ids are dense, 0..values−1. For
     * an ordered attribute the ids follow the values' order (numeric for numeric columns, else
     * lexicographic; missing, then suppressed values last), which ordered t-closeness needs; for a
     * nominal attribute they follow first appearance. Only values of records in classes get an id.
     *
     * @param column        attribute name
     * @param ordered       whether t-closeness uses the ordered distance
     * @param values        number of distinct values (ids)
     * @param cellsPerClass per class (in class order), how many distinct values it has
     * @param value         value id of each cell, class by class, in order of first appearance
     * @param count         records of each cell
     */
    public record SensitiveCells(String column, boolean ordered, int values, int[] cellsPerClass, int[] value,
            long[] count) {
        public SensitiveCells {
            cellsPerClass = cellsPerClass.clone();
            value = value.clone();
            count = count.clone();
        }

        @Override
        public int[] cellsPerClass() {
            return cellsPerClass.clone();
        }

        @Override
        public int[] value() {
            return value.clone();
        }

        @Override
        public long[] count() {
            return count.clone();
        }

        int[] cellsPerClassArray() {
            return cellsPerClass;
        }

        int[] valueArray() {
            return value;
        }

        long[] countArray() {
            return count;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SensitiveCells s && column.equals(s.column) && ordered == s.ordered
                    && values == s.values && Arrays.equals(cellsPerClass, s.cellsPerClass)
                    && Arrays.equals(value, s.value) && Arrays.equals(count, s.count);
        }

        @Override
        public int hashCode() {
            return Objects.hash(column, ordered, values) + 31 * Arrays.hashCode(count);
        }

        @Override
        public String toString() {
            return "SensitiveCells[" + column + ", values=" + values + ", cells=" + value.length + "]";
        }
    }

    /**
     * Class counts of one QI subset. MISSING and SUPPRESSED are values here; records suppressed on
     * every QI of the subset are left out of {@code records}, {@code classes} and {@code samePairs}
     * (as the QI contribution does), but not out of {@code uniqueRows} (as pair uniqueness does).
     *
     * @param qis        positions of the subset's QIs in {@link Options#quasiIdentifiers()}, ascending
     * @param records    n_S
     * @param classes    J_S
     * @param samePairs  Σ_j C(f_j, 2) over the subset's classes
     * @param uniqueRows rows whose values on the subset occur once (all rows)
     */
    public record SubsetStats(List<Integer> qis, long records, long classes, long samePairs, long uniqueRows) {
        public SubsetStats {
            qis = List.copyOf(qis);
        }
    }

    /** n: records in classes. */
    public long records() {
        long n = 0;
        for (long f : classSizes) {
            n += f;
        }
        return n;
    }

    /** J: number of classes. */
    public int classes() {
        return classSizes.length;
    }

    @Override
    public long[] classSizes() {
        return classSizes.clone();
    }

    @Override
    public double[] weightSums() {
        return weightSums == null ? null : weightSums.clone();
    }

    long[] classSizesArray() {
        return classSizes;
    }

    double[] weightSumsArray() {
        return weightSums;
    }

    /** The counts of a subset, or null when the summary does not have it. */
    public SubsetStats subset(List<Integer> qis) {
        for (SubsetStats s : qiSubsets) {
            if (s.qis().equals(qis)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Checks that the parts agree (sizes, sums, cells, subsets); a summary read from a file is
     * checked before it is audited.
     *
     * @throws ConfigurationException naming the first inconsistency
     */
    public void validate() throws ConfigurationException {
        int q = options.quasiIdentifiers().size();
        if (q == 0) {
            throw new ConfigurationException("summary.error.inconsistent", "quasiIdentifiers", "empty");
        }
        long n = 0;
        for (long f : classSizes) {
            if (f < 1) {
                throw new ConfigurationException("summary.error.inconsistent", "classes.size", "a class size below 1");
            }
            n += f;
        }
        if (n + suppressedRecords != rows || suppressedRecords < 0) {
            throw new ConfigurationException("summary.error.inconsistent", "counts",
                    "records + suppressedRecords != rows");
        }
        if ((weightSums == null) != (options.weight() == null)
                || (weightSums != null && weightSums.length != classSizes.length)) {
            throw new ConfigurationException("summary.error.inconsistent", "classes.weightSum",
                    "one weight sum per class with a weight column");
        }
        if (sensitive.size() != options.sensitive().size()) {
            throw new ConfigurationException("summary.error.inconsistent", "sensitive", "one entry per attribute");
        }
        for (int i = 0; i < sensitive.size(); i++) {
            SensitiveCells s = sensitive.get(i);
            SensitiveAttribute a = options.sensitive().get(i);
            if (!s.column().equals(a.column()) || s.ordered() != a.ordered()
                    || s.cellsPerClass.length != classSizes.length || s.value.length != s.count.length) {
                throw new ConfigurationException("summary.error.inconsistent", "sensitive." + s.column(),
                        "cells do not match the classes");
            }
            int pos = 0;
            for (int j = 0; j < classSizes.length; j++) {
                long sum = 0;
                int d = s.cellsPerClass[j];
                if (d < 1 || pos + d > s.value.length) {
                    throw new ConfigurationException("summary.error.inconsistent", "sensitive." + s.column(),
                            "cells do not match the classes");
                }
                for (int c = pos; c < pos + d; c++) {
                    if (s.value[c] < 0 || s.value[c] >= s.values || s.count[c] < 1) {
                        throw new ConfigurationException("summary.error.inconsistent", "sensitive." + s.column(),
                                "a value id or count out of range");
                    }
                    sum += s.count[c];
                }
                if (sum != classSizes[j]) {
                    throw new ConfigurationException("summary.error.inconsistent", "sensitive." + s.column(),
                            "cell counts do not add up to the class size");
                }
                pos += d;
            }
            if (pos != s.value.length) {
                throw new ConfigurationException("summary.error.inconsistent", "sensitive." + s.column(),
                        "cells do not match the classes");
            }
        }
        for (SubsetStats s : qiSubsets) {
            int prev = -1;
            for (int i : s.qis()) {
                if (i <= prev || i >= q) {
                    throw new ConfigurationException("summary.error.inconsistent", "qiSubsets", "bad QI positions");
                }
                prev = i;
            }
            if (s.records() > rows || s.classes() > s.records() || s.uniqueRows() > rows) {
                throw new ConfigurationException("summary.error.inconsistent", "qiSubsets", "counts out of range");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MicrodataSummary s && input.equals(s.input) && options.equals(s.options)
                && Objects.equals(producer, s.producer) && rows == s.rows && suppressedRecords == s.suppressedRecords
                && Arrays.equals(classSizes, s.classSizes) && Arrays.equals(weightSums, s.weightSums)
                && sensitive.equals(s.sensitive) && qiSubsets.equals(s.qiSubsets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, options, rows, suppressedRecords, sensitive, qiSubsets)
                + 31 * Arrays.hashCode(classSizes);
    }

    @Override
    public String toString() {
        return "MicrodataSummary[" + input.name() + ", rows=" + rows + ", classes=" + classSizes.length + "]";
    }
}
