package org.releaseauditor.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.TypeInference;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.core.summary.MicrodataSummaries;
import org.releaseauditor.core.summary.MicrodataSummary;
import org.releaseauditor.core.summary.SummaryInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The microdata summary on Spark: the same classes, weight sums, sensitive cells and QI-subset
 * counts as {@link MicrodataSummaries#build}, computed with group-bys and one sorted pass per
 * class for the order-dependent weight sums. Everything that leaves the executors is aggregated:
 * the driver receives one row per class, per (class, sensitive value) cell, per distinct value of
 * an ordered sensitive attribute, and per QI subset.
 */
final class MicrodataJob {
    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataJob.class);
    /** Grouping sets per Spark query for the QI subsets (bounds the expansion of each query). */
    private static final int SETS_PER_QUERY = 64;

    private MicrodataJob() {
    }

    static MicrodataSummary run(SparkSession spark, JobOptions o) throws AuditException, IOException {
        Dataset<Row> df = SparkInput.read(spark, o);
        List<String> columns = SparkInput.columns(df);
        MicrodataSummary.Options options = new MicrodataSummary.Options(o.qis, o.sensitive, o.weight, o.household,
                o.maxQiSubset, o.importOptions());
        MicrodataSummaries.validate(columns, options, o.data);
        int q = o.qis.size();
        List<Column> select = new ArrayList<>();
        String[] keys = new String[q];
        for (int i = 0; i < q; i++) {
            keys[i] = "k" + i;
            select.add(SparkInput.token(o.qis.get(i), o).as(keys[i]));
        }
        for (int i = 0; i < o.sensitive.size(); i++) {
            select.add(SparkInput.token(o.sensitive.get(i).column(), o).as("s" + i));
        }
        if (o.weight != null) {
            select.add(SparkInput.token(o.weight, o).as("w"));
        }
        select.add(col(SparkInput.RK_FILE));
        select.add(col(SparkInput.RK_ID));
        Dataset<Row> base = df.select(select.toArray(new Column[0])).persist(StorageLevel.MEMORY_AND_DISK());
        Column allSuppressed = lit(true);
        for (String k : keys) {
            allSuppressed = allSuppressed.and(col(k).equalTo(SparkInput.SUPPRESSED));
        }
        Column first = min(struct(col(SparkInput.RK_FILE), col(SparkInput.RK_ID))).as("first");
        Column[] keyCols = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);

        // 1. every QI combination with its size (all rows), and the classes in order of first appearance
        Dataset<Row> groups = base.groupBy(keyCols).agg(count(lit(1)).as("f"), first)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> sortedClasses = groups.filter(allSuppressed.unary_$bang()).orderBy(col("first"));
        StructType withIdx = sortedClasses.schema().add("idx", DataTypes.LongType, false);
        Dataset<Row> classes = spark.createDataFrame(sortedClasses.javaRDD().zipWithIndex().map(t -> {
            Object[] values = new Object[t._1().length() + 1];
            for (int i = 0; i < t._1().length(); i++) {
                values[i] = t._1().get(i);
            }
            values[values.length - 1] = t._2();
            return RowFactory.create(values);
        }), withIdx).drop("first").persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> sizeRows = classes.select(col("idx"), col("f")).orderBy(col("idx")).collectAsList();
        long[] sizes = new long[sizeRows.size()];
        for (int j = 0; j < sizes.length; j++) {
            sizes[j] = sizeRows.get(j).getLong(1);
        }
        Row total = groups.agg(sum(col("f"))).first();
        long rows = total.isNullAt(0) ? 0 : total.getLong(0);
        long records = Arrays.stream(sizes).sum();
        LOGGER.info("Microdata summary on Spark: rows={}, classes={}", rows, sizes.length);

        // 2. weight sums, in input order inside each class
        double[] weightSums = null;
        if (o.weight != null) {
            weightSums = weightSums(base, classes, keys, sizes.length, o);
        }

        // 3. sensitive cells
        List<MicrodataSummary.SensitiveCells> sensitive = new ArrayList<>();
        for (int i = 0; i < o.sensitive.size(); i++) {
            sensitive.add(cells(base, classes, keys, "s" + i, o.sensitive.get(i), sizes.length, o));
        }

        // 4. QI subsets
        List<MicrodataSummary.SubsetStats> subsets = subsets(spark, groups, keys,
                MicrodataSummaries.subsetLimit(options), rows);

        SummaryInput input = SparkInput.fingerprint(spark, o, rows);
        base.unpersist();
        groups.unpersist();
        classes.unpersist();
        MicrodataSummary s = new MicrodataSummary(input, options, "spark", rows, rows - records, sizes, weightSums,
                sensitive, subsets);
        s.validate();
        return s;
    }

    // ------------------------------------------------------------------------------- weights

    private static double[] weightSums(Dataset<Row> base, Dataset<Row> classes, String[] keys, int classCount,
            JobOptions o) throws DatasetFormatException {
        // every row needs a weight that is a finite number above 0 (as in the raw-data path)
        Dataset<Row> bad = base.select(col("w")).filter((org.apache.spark.api.java.function.FilterFunction<Row>)
                r -> !validWeight(r.getString(0)));
        long invalid = bad.count();
        if (invalid > 0) {
            String example = bad.first().getString(0);
            String shown = SparkInput.MISSING.equals(example) || SparkInput.SUPPRESSED.equals(example) ? "" : example;
            throw new DatasetFormatException(o.data, 0, 0, "summary.error.invalidWeights", o.data, invalid, o.weight,
                    shown);
        }
        Dataset<Row> joined = base.join(classes, keys).select(col("idx"), col(SparkInput.RK_FILE),
                col(SparkInput.RK_ID), col("w"));
        Dataset<Row> ordered = joined.repartition(col("idx")).sortWithinPartitions(col("idx"),
                col(SparkInput.RK_FILE), col(SparkInput.RK_ID));
        Dataset<Tuple2<Long, Double>> sums = ordered.mapPartitions(
                (MapPartitionsFunction<Row, Tuple2<Long, Double>>) MicrodataJob::sequentialSums,
                Encoders.tuple(Encoders.LONG(), Encoders.DOUBLE()));
        double[] out = new double[classCount];
        Iterator<Tuple2<Long, Double>> it = sums.toLocalIterator();
        while (it.hasNext()) {
            Tuple2<Long, Double> t = it.next();
            out[(int) (long) t._1()] = t._2();
        }
        return out;
    }

    /** The parse of the raw-data path: {@code Double.parseDouble(token.trim())}, NaN when it fails. */
    static double parseNumber(String token) {
        try {
            return Double.parseDouble(token.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean validWeight(String token) {
        if (token == null || SparkInput.MISSING.equals(token) || SparkInput.SUPPRESSED.equals(token)) {
            return false;
        }
        double w = parseNumber(token);
        return Double.isFinite(w) && w > 0;
    }

    /** Rows sorted by (class, input order): one sum per class, added row by row. */
    private static Iterator<Tuple2<Long, Double>> sequentialSums(Iterator<Row> rows) {
        List<Tuple2<Long, Double>> out = new ArrayList<>();
        long current = -1;
        double acc = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            long idx = r.getLong(0);
            if (idx != current) {
                if (current >= 0) {
                    out.add(new Tuple2<>(current, acc));
                }
                current = idx;
                acc = 0;
            }
            acc += parseNumber(r.getString(3));
        }
        if (current >= 0) {
            out.add(new Tuple2<>(current, acc));
        }
        return out.iterator();
    }

    // ------------------------------------------------------------------------------ sensitive

    private static MicrodataSummary.SensitiveCells cells(Dataset<Row> base, Dataset<Row> classes, String[] keys,
            String s, SensitiveAttribute attribute, int classCount, JobOptions o) throws ConfigurationException {
        List<Column> groupCols = new ArrayList<>();
        for (String k : keys) {
            groupCols.add(col(k));
        }
        groupCols.add(col(s));
        Column first = min(struct(col(SparkInput.RK_FILE), col(SparkInput.RK_ID))).as("first");
        Dataset<Row> cells = base.groupBy(groupCols.toArray(new Column[0])).agg(count(lit(1)).as("cnt"), first)
                .join(classes, keys).select(col("idx"), col(s).as("v"), col("cnt"), col("first"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // the distinct values (few) with their first appearance among records in classes
        List<Row> values = cells.groupBy(col("v")).agg(min(col("first")).as("first")).orderBy(col("first"))
                .collectAsList();
        Map<String, Integer> id = new HashMap<>();
        if (attribute.ordered()) {
            id = orderedIds(base, s, attribute.column(), values, o);
        } else {
            for (Row r : values) {
                id.put(r.getString(0), id.size());
            }
        }
        Map<String, Integer> ids = id;
        UserDefinedFunction idOf = udf((org.apache.spark.sql.api.java.UDF1<String, Integer>) ids::get,
                DataTypes.IntegerType);
        List<Row> rows = cells.orderBy(col("idx"), col("first")).select(col("idx"), idOf.apply(col("v")), col("cnt"))
                .collectAsList();
        cells.unpersist();
        int[] perClass = new int[classCount];
        int[] value = new int[rows.size()];
        long[] count = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            perClass[(int) r.getLong(0)]++;
            value[i] = r.getInt(1);
            count[i] = r.getLong(2);
        }
        return new MicrodataSummary.SensitiveCells(attribute.column(), attribute.ordered(), id.size(), perClass, value,
                count);
    }

    /**
     * Ids in the order of the raw-data path's ordered distance: the column's dictionary is its
     * distinct values in order of first appearance (all rows); its type is inferred from them (or
     * given with --type); real values rank numerically or lexicographically as
     * {@code core.model.Column#ranks}; missing, then suppressed values rank last.
     */
    private static Map<String, Integer> orderedIds(Dataset<Row> base, String s, String name, List<Row> cells,
            JobOptions o) throws ConfigurationException {
        List<Row> dict = base.filter(col(s).notEqual(SparkInput.MISSING).and(col(s).notEqual(SparkInput.SUPPRESSED)))
                .groupBy(col(s)).agg(min(struct(col(SparkInput.RK_FILE), col(SparkInput.RK_ID))).as("first"))
                .orderBy(col("first")).collectAsList();
        String[] dictionary = new String[dict.size()];
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < dictionary.length; i++) {
            dictionary[i] = dict.get(i).getString(0);
            code.put(dictionary[i], i);
        }
        ColumnType type = o.types.containsKey(name) ? o.types.get(name) : TypeInference.infer(dictionary);
        if (o.types.containsKey(name) && type != ColumnType.CATEGORICAL
                && TypeInference.countMismatches(dictionary, dictionary.length, type) > 0) {
            throw new ConfigurationException("io.error.typeMismatch", o.data, name, type,
                    TypeInference.countMismatches(dictionary, dictionary.length, type), dictionary.length);
        }
        int[] ranks = new org.releaseauditor.core.model.Column(name, type, dictionary, new int[0], 0).ranks();
        int card = dictionary.length;
        List<long[]> present = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Row r : cells) {
            String v = r.getString(0);
            if (seen.add(v)) {
                long c;
                long rank;
                if (SparkInput.MISSING.equals(v)) {
                    c = 1;
                    rank = card;
                } else if (SparkInput.SUPPRESSED.equals(v)) {
                    c = 0;
                    rank = card + 1L;
                } else {
                    c = code.get(v) + 2L;
                    rank = ranks[code.get(v)];
                }
                present.add(new long[] {(rank << 32) | c});
            }
        }
        present.sort((a, b) -> Long.compare(a[0], b[0]));
        Map<Integer, String> valueOfCode = new HashMap<>();
        valueOfCode.put(1, SparkInput.MISSING);
        valueOfCode.put(0, SparkInput.SUPPRESSED);
        for (int i = 0; i < card; i++) {
            valueOfCode.put(i + 2, dictionary[i]);
        }
        Map<String, Integer> id = new HashMap<>();
        for (long[] p : present) {
            id.put(valueOfCode.get((int) (p[0] & 0xFFFFFFFFL)), id.size());
        }
        return id;
    }

    // -------------------------------------------------------------------------------- subsets

    private static List<MicrodataSummary.SubsetStats> subsets(SparkSession spark, Dataset<Row> groups,
            String[] keys, int maxSize, long rows) {
        int q = keys.length;
        // rows suppressed on every QI of a subset, from the per-row suppression masks
        Column mask = lit(0);
        for (int i = 0; i < q; i++) {
            mask = mask.plus(when(col(keys[i]).equalTo(SparkInput.SUPPRESSED), lit(1 << i)).otherwise(lit(0)));
        }
        Map<Integer, Long> maskCounts = new HashMap<>();
        for (Row r : groups.groupBy(mask.as("m")).agg(sum(col("f")).as("n")).collectAsList()) {
            if (r.getInt(0) != 0) {
                maskCounts.put(r.getInt(0), r.getLong(1));
            }
        }
        List<int[]> all = new ArrayList<>();
        enumerate(q, maxSize, new int[0], all);
        String view = "ra_groups_" + Long.toHexString(System.nanoTime());
        groups.select(concatKeys(keys)).createOrReplaceTempView(view);
        List<MicrodataSummary.SubsetStats> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SETS_PER_QUERY) {
            List<int[]> batch = all.subList(from, Math.min(all.size(), from + SETS_PER_QUERY));
            StringBuilder sets = new StringBuilder();
            for (int[] subset : batch) {
                sets.append(sets.length() == 0 ? "(" : ", (");
                for (int k = 0; k < subset.length; k++) {
                    sets.append(k == 0 ? "" : ", ").append(keys[subset[k]]);
                }
                sets.append(')');
            }
            String sql = "SELECT gid, count(*) AS classes, sum(fs * (fs - 1) DIV 2) AS same, "
                    + "sum(CASE WHEN fs = 1 THEN 1 ELSE 0 END) AS uniques FROM ("
                    + "SELECT grouping_id() AS gid, sum(f) AS fs FROM " + view + " GROUP BY "
                    + String.join(", ", keys) + " GROUPING SETS (" + sets + ")) GROUP BY gid";
            Map<Long, Row> byGid = new HashMap<>();
            for (Row r : spark.sql(sql).collectAsList()) {
                byGid.put(r.getLong(0), r);
            }
            for (int[] subset : batch) {
                long gid = 0;
                int subsetMask = 0;
                for (int i = 0; i < q; i++) {
                    boolean in = false;
                    for (int k : subset) {
                        in |= k == i;
                    }
                    if (!in) {
                        gid |= 1L << (q - 1 - i); // grouping_id: a bit per column not grouped, first column highest
                    } else {
                        subsetMask |= 1 << i;
                    }
                }
                Row r = byGid.get(gid);
                long classes = r.getLong(1);
                long same = r.getLong(2);
                long uniques = r.getLong(3);
                long excluded = 0;
                for (Map.Entry<Integer, Long> e : maskCounts.entrySet()) {
                    if ((e.getKey() & subsetMask) == subsetMask) {
                        excluded += e.getValue();
                    }
                }
                long records = rows;
                if (excluded > 0) {
                    records -= excluded;
                    classes -= 1;
                    same -= excluded * (excluded - 1) / 2;
                }
                List<Integer> qis = new ArrayList<>();
                for (int k : subset) {
                    qis.add(k);
                }
                out.add(new MicrodataSummary.SubsetStats(qis, records, classes, same, uniques));
            }
        }
        spark.catalog().dropTempView(view);
        return out;
    }

    private static Column[] concatKeys(String[] keys) {
        Column[] cols = new Column[keys.length + 1];
        for (int i = 0; i < keys.length; i++) {
            cols[i] = col(keys[i]);
        }
        cols[keys.length] = col("f");
        return cols;
    }

    /** Every subset up to {@code maxSize}, ordered by size, then by QI positions. */
    private static void enumerate(int q, int maxSize, int[] prefix, List<int[]> out) {
        List<int[]> bySize = new ArrayList<>();
        collect(q, maxSize, prefix, bySize);
        bySize.sort((a, b) -> {
            if (a.length != b.length) {
                return Integer.compare(a.length, b.length);
            }
            return Arrays.compare(a, b);
        });
        out.addAll(bySize);
    }

    private static void collect(int q, int maxSize, int[] prefix, List<int[]> out) {
        int start = prefix.length == 0 ? 0 : prefix[prefix.length - 1] + 1;
        for (int i = start; i < q; i++) {
            int[] s = Arrays.copyOf(prefix, prefix.length + 1);
            s[prefix.length] = i;
            out.add(s);
            if (s.length < maxSize) {
                collect(q, maxSize, s, out);
            }
        }
    }
}
