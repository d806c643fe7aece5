package org.releaseauditor.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
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
import org.releaseauditor.core.summary.SummaryInput;
import org.releaseauditor.core.summary.TrajectorySummary;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.core.trajectory.TimestampParser;
import org.releaseauditor.core.trajectory.Unicity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The trajectory summary on Spark: users and locations numbered by first appearance (as the
 * desktop importer does), each user's distinct (area, time bin) points, the raw-data path's user
 * sample and point draws ({@link Unicity}), and for each draw the number of users whose points
 * contain it. Only the sampled users' draws and the match counts reach the driver.
 */
final class TrajectoryJob {
    private static final Logger LOGGER = LoggerFactory.getLogger(TrajectoryJob.class);

    private TrajectoryJob() {
    }

    static TrajectorySummary run(SparkSession spark, JobOptions o) throws AuditException, IOException {
        Dataset<Row> df = SparkInput.read(spark, o);
        List<String> columns = SparkInput.columns(df);
        require(columns, o.user, "user", o);
        require(columns, o.time, "time", o);
        if (o.location != null) {
            require(columns, o.location, "location", o);
        }
        if (o.lat != null) {
            require(columns, o.lat, "lat", o);
            require(columns, o.lng, "lng", o);
        }
        for (String a : o.attributes) {
            require(columns, a, "attributes", o);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(o.zone);
        } catch (RuntimeException e) {
            throw new ConfigurationException("trajectory.error.badZone", o.zone);
        }
        // resolutions, checked before any work
        SpatialResolution spatial = spatial(o.spatial);
        TemporalResolution temporal = TemporalResolution.parse(o.temporal);
        List<SpatialResolution> sweepSpatial = new ArrayList<>();
        for (String s : o.sweepSpatial) {
            sweepSpatial.add(spatial(s));
        }
        List<TemporalResolution> sweepTemporal = new ArrayList<>();
        for (String t : o.sweepTemporal) {
            sweepTemporal.add(TemporalResolution.parse(t));
        }
        if (!sweepSpatial.isEmpty() || !sweepTemporal.isEmpty()) {
            if (sweepSpatial.isEmpty()) {
                sweepSpatial.add(spatial);
            }
            if (sweepTemporal.isEmpty()) {
                sweepTemporal.add(temporal);
            }
        }
        TimeFormat format = TimeFormat.of(o.timeFormat, zone);

        List<Column> select = new ArrayList<>();
        select.add(SparkInput.token(o.user, o).as("u"));
        select.add(SparkInput.token(o.time, o).as("t"));
        if (o.location != null) {
            select.add(SparkInput.token(o.location, o).as("l"));
        }
        if (o.lat != null) {
            select.add(SparkInput.token(o.lat, o).as("la"));
            select.add(SparkInput.token(o.lng, o).as("ln"));
        }
        List<Column> attrs = new ArrayList<>();
        for (int i = 0; i < o.attributes.size(); i++) {
            select.add(SparkInput.token(o.attributes.get(i), o).as("a" + i));
            attrs.add(col("a" + i));
        }
        select.add(col(SparkInput.RK_FILE));
        select.add(col(SparkInput.RK_ID));
        Dataset<Row> base = df.select(select.toArray(new Column[0])).persist(StorageLevel.MEMORY_AND_DISK());
        long events = base.count();
        if (events == 0) {
            throw new DatasetFormatException(o.data, 0, 0, "trajectory.error.noEvents", o.data);
        }
        present(base, "u", "pseudonym", o.user, o);
        present(base, "t", "timestamp", o.time, o);
        if (o.location != null) {
            present(base, "l", "location", o.location, o);
        }
        if (o.lat != null) {
            present(base, "la", "latitude", o.lat, o);
            present(base, "ln", "longitude", o.lng, o);
        }
        Column first = min(struct(col(SparkInput.RK_FILE), col(SparkInput.RK_ID))).as("first");

        // timestamps: the format of the first event's timestamp when auto, then every value parsed
        if (format.auto) {
            Row firstTime = base.orderBy(col(SparkInput.RK_FILE), col(SparkInput.RK_ID)).select(col("t")).first();
            format = format.detected(firstTime.getString(0), o);
        }
        UserDefinedFunction local = udf(format, DataTypes.LongType);
        Dataset<Row> timed = base.withColumn("ts", local.apply(col("t")));
        Dataset<Row> badTimes = timed.filter(col("ts").isNull());
        long bad = badTimes.count();
        if (bad > 0) {
            throw new DatasetFormatException(o.data, 0, 0, "summary.error.timestamps", o.data, bad, o.time,
                    format.label(), badTimes.select(col("t")).first().getString(0));
        }

        // locations: ids, or distinct coordinate token pairs, in order of first appearance
        Column locKey = o.location != null ? col("l") : concat_ws("\u0001", col("la"), col("ln"));
        timed = timed.withColumn("lk", locKey);
        List<Row> locRows = timed.groupBy(col("lk")).agg(first).orderBy(col("first")).collectAsList();
        int locations = locRows.size();
        Map<String, Integer> locIndex = new HashMap<>();
        String[] locNames = o.location != null ? new String[locations] : null;
        for (int i = 0; i < locations; i++) {
            String k = locRows.get(i).getString(0);
            locIndex.put(k, i);
            if (locNames != null) {
                locNames[i] = k;
            }
        }
        double[] lat = null;
        double[] lng = null;
        if (o.lat != null) {
            double[][] c = coordinates(timed, locIndex, o);
            lat = c[0];
            lng = c[1];
        }
        EventTable places = EventTable.of(new String[0], new int[0], new long[0], new int[0], locNames, lat, lng,
                null, 0, zone);
        Broadcast<Map<String, Integer>> locB = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
                .broadcast(locIndex);

        // users in order of first appearance, with the attacker-known attributes of their first event
        List<Column> userFirst = new ArrayList<>(List.of(col(SparkInput.RK_FILE), col(SparkInput.RK_ID)));
        userFirst.addAll(attrs);
        Dataset<Row> firstOfUser = timed.groupBy(col("u")).agg(min(struct(userFirst.toArray(new Column[0])))
                .as("first")).orderBy(col("first"));
        StructType userSchema = new StructType().add("u", DataTypes.StringType).add("uidx", DataTypes.IntegerType)
                .add("acls", DataTypes.StringType);
        int attrCount = attrs.size();
        Dataset<Row> users = spark.createDataFrame(firstOfUser.javaRDD().zipWithIndex().map(t -> {
            Row f = t._1().getStruct(1);
            StringBuilder cls = new StringBuilder();
            for (int i = 0; i < attrCount; i++) {
                cls.append(f.getString(2 + i)).append('\u0001');
            }
            return RowFactory.create(t._1().getString(0), (int) (long) t._2(), cls.toString());
        }), userSchema).persist(StorageLevel.MEMORY_AND_DISK());
        int userCount = (int) users.count();
        LOGGER.info("Trajectory summary on Spark: events={}, users={}, locations={}", events, userCount, locations);

        // events as (user, location, local second)
        UserDefinedFunction locOf = udf((org.apache.spark.sql.api.java.UDF1<String, Integer>) k -> locB.value().get(k),
                DataTypes.IntegerType);
        UserDefinedFunction localSecond = udf(new LocalSecond(o.zone), DataTypes.LongType);
        Dataset<Row> ev = timed.join(users, "u").select(col("uidx"), col("acls"),
                locOf.apply(col("lk")).as("lidx"), localSecond.apply(col("ts")).as("local"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Row range = ev.agg(min(col("local")), max(col("local"))).first();
        long minLocal = range.getLong(0);
        long maxLocal = range.getLong(1);
        Dataset<Row> userAttrs = users.select(col("uidx"), col("acls"));

        int[] sampled = Unicity.sampleUsers(userCount, o.sampleUsers, o.seed);
        boolean withAttrs = attrCount > 0;
        TrajectorySummary.Resolution main = resolution(spark, ev, userAttrs, places, spatial, temporal, minLocal,
                maxLocal, sampled, 1, o.maxPoints, o.seed, withAttrs);
        List<TrajectorySummary.Resolution> sweep = new ArrayList<>();
        for (SpatialResolution s : sweepSpatial) {
            for (TemporalResolution t : sweepTemporal) {
                sweep.add(resolution(spark, ev, userAttrs, places, s, t, minLocal, maxLocal, sampled, o.sweepPoints,
                        o.sweepPoints, o.seed, withAttrs));
            }
        }
        SummaryInput input = SparkInput.fingerprint(spark, o, events);
        TrajectorySummary.Options options = new TrajectorySummary.Options(o.user, o.time, o.location, o.lat, o.lng,
                o.attributes, o.timeFormat, zone.getId(), spatial.label(), temporal.label(), o.maxPoints, o.sampleUsers,
                o.seed, sweepSpatial.stream().map(SpatialResolution::label).toList(),
                sweepTemporal.stream().map(TemporalResolution::label).toList(), o.sweepPoints, o.importOptions());
        base.unpersist();
        users.unpersist();
        ev.unpersist();
        TrajectorySummary summary = new TrajectorySummary(input, options, "spark", userCount, (int) events, locations,
                main, sweep);
        summary.validate();
        return summary;
    }

    private static SpatialResolution spatial(String spec) throws ConfigurationException {
        if (spec.trim().toLowerCase(Locale.ROOT).startsWith("map:")) {
            throw new ConfigurationException("summary.error.mapSpatial", spec);
        }
        return SpatialResolution.parse(spec);
    }

    private static void require(List<String> columns, String name, String option, JobOptions o)
            throws ConfigurationException {
        if (!columns.contains(name)) {
            throw new ConfigurationException("trajectory.error.unknownColumn", name, o.data, String.join(", ", columns),
                    option);
        }
    }

    private static void present(Dataset<Row> base, String c, String what, String column, JobOptions o)
            throws DatasetFormatException {
        long missing = base.filter(col(c).equalTo(SparkInput.MISSING).or(col(c).equalTo(SparkInput.SUPPRESSED)))
                .count();
        if (missing > 0) {
            throw new DatasetFormatException(o.data, 0, 0, "summary.error.missingValues", o.data, missing, what,
                    column);
        }
    }

    /**
     * Coordinates per location: the token's value for coordinate pairs; for location ids, the mean
     * of the events' values added in input order (as the desktop importer does).
     */
    private static double[][] coordinates(Dataset<Row> timed, Map<String, Integer> locIndex, JobOptions o)
            throws DatasetFormatException {
        long badLat = timed.filter((org.apache.spark.api.java.function.FilterFunction<Row>)
                r -> !inRange(r.getAs("la"), 90)).count();
        long badLng = timed.filter((org.apache.spark.api.java.function.FilterFunction<Row>)
                r -> !inRange(r.getAs("ln"), 180)).count();
        if (badLat + badLng > 0) {
            String column = badLat > 0 ? o.lat : o.lng;
            throw new DatasetFormatException(o.data, 0, 0, "summary.error.coordinates", o.data, badLat + badLng,
                    column);
        }
        int n = locIndex.size();
        double[] lat = new double[n];
        double[] lng = new double[n];
        Dataset<Row> ordered = timed.select(col("lk"), col(SparkInput.RK_FILE), col(SparkInput.RK_ID), col("la"),
                col("ln")).repartition(col("lk")).sortWithinPartitions(col("lk"), col(SparkInput.RK_FILE),
                col(SparkInput.RK_ID));
        Dataset<Row> sums = ordered.mapPartitions((MapPartitionsFunction<Row, Row>) TrajectoryJob::sequentialMeans,
                org.apache.spark.sql.Encoders.row(new StructType().add("lk", DataTypes.StringType)
                        .add("lat", DataTypes.DoubleType).add("lng", DataTypes.DoubleType)));
        for (Row r : sums.collectAsList()) {
            int i = locIndex.get(r.getString(0));
            lat[i] = r.getDouble(1);
            lng[i] = r.getDouble(2);
        }
        return new double[][] {lat, lng};
    }

    private static boolean inRange(String token, double limit) {
        if (token == null || SparkInput.MISSING.equals(token) || SparkInput.SUPPRESSED.equals(token)) {
            return false;
        }
        double d = MicrodataJob.parseNumber(token);
        return !Double.isNaN(d) && d >= -limit && d <= limit;
    }

    private static Iterator<Row> sequentialMeans(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>();
        String current = null;
        double sumLat = 0;
        double sumLng = 0;
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            String k = r.getString(0);
            if (!k.equals(current)) {
                if (current != null) {
                    out.add(RowFactory.create(current, sumLat / n, sumLng / n));
                }
                current = k;
                sumLat = 0;
                sumLng = 0;
                n = 0;
            }
            sumLat += MicrodataJob.parseNumber(r.getString(3));
            sumLng += MicrodataJob.parseNumber(r.getString(4));
            n++;
        }
        if (current != null) {
            out.add(RowFactory.create(current, sumLat / n, sumLng / n));
        }
        return out.iterator();
    }

    // ---------------------------------------------------------------------------- resolution

    private static TrajectorySummary.Resolution resolution(SparkSession spark, Dataset<Row> ev,
            Dataset<Row> userAttrs, EventTable places, SpatialResolution spatial, TemporalResolution temporal,
            long minLocal, long maxLocal, int[] sampled, int fromP, int toP, long seed, boolean withAttrs)
            throws ConfigurationException {
        SpatialResolution.AreaAssignment areas = spatial.assign(places);
        long[] range = temporal.binRange(minLocal, maxLocal);
        long bins = range[1] - range[0] + 1;
        if (bins > Integer.MAX_VALUE) {
            throw new ConfigurationException("trajectory.error.badTemporal", temporal.label());
        }
        org.apache.spark.api.java.JavaSparkContext jsc = new org.apache.spark.api.java.JavaSparkContext(
                spark.sparkContext());
        Broadcast<int[]> areaB = jsc.broadcast(areas.areaOfLocation());
        UserDefinedFunction key = udf(new PointKey(areaB, temporal.label(), bins, range[0]), DataTypes.LongType);
        Dataset<Row> points = ev.select(col("uidx"), key.apply(col("lidx"), col("local")).as("k")).distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        long pointCount = points.select(col("k")).distinct().count();
        Dataset<Row> perUser = points.groupBy(col("uidx")).agg(array_sort(collect_list(col("k"))).as("keys"))
                .join(userAttrs, "uidx").persist(StorageLevel.MEMORY_AND_DISK());

        // the draws of the sampled users (the raw-data path's positions in each user's ascending points)
        Broadcast<int[]> sampledB = jsc.broadcast(sampled);
        List<Row> draws = perUser.filter((org.apache.spark.api.java.function.FilterFunction<Row>)
                r -> Arrays.binarySearch(sampledB.value(), r.getInt(0)) >= 0)
                .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> {
                    int u = r.getInt(0);
                    List<Long> ks = r.getList(1);
                    int[] idx = Unicity.drawPositions(ks.size(), toP, Unicity.pointSeed(seed, u));
                    long[] drawn = new long[idx.length];
                    for (int i = 0; i < idx.length; i++) {
                        drawn[i] = ks.get(idx[i]);
                    }
                    return RowFactory.create(u, drawn, r.getString(2));
                }, Encoders.row(new StructType().add("uidx", DataTypes.IntegerType)
                        .add("drawn", DataTypes.createArrayType(DataTypes.LongType))
                        .add("acls", DataTypes.StringType)))
                .collectAsList();
        Map<Integer, Row> byUser = new HashMap<>();
        for (Row r : draws) {
            byUser.put(r.getInt(0), r);
        }
        int span = toP - fromP + 1;
        int[] drawnCount = new int[sampled.length];
        List<Query> queries = new ArrayList<>();
        Set<Long> queryKeys = new HashSet<>();
        for (int s = 0; s < sampled.length; s++) {
            Row r = byUser.get(sampled[s]);
            List<Long> d = r.getList(1);
            drawnCount[s] = d.size();
            for (int p = fromP; p <= toP; p++) {
                int k = Math.min(p, d.size());
                long[] q = new long[k];
                for (int i = 0; i < k; i++) {
                    q[i] = d.get(i);
                    queryKeys.add(q[i]);
                }
                queries.add(new Query(s * span + (p - fromP), q, withAttrs ? r.getString(2) : null));
            }
        }
        // anchor each query at its rarest point
        Broadcast<Set<Long>> keysB = jsc.broadcast(queryKeys);
        Map<Long, Long> users = new HashMap<>();
        for (Row r : points.filter((org.apache.spark.api.java.function.FilterFunction<Row>)
                row -> keysB.value().contains(row.getLong(1))).groupBy(col("k")).agg(count(lit(1))).collectAsList()) {
            users.put(r.getLong(0), r.getLong(1));
        }
        Map<Long, List<Query>> anchored = new HashMap<>();
        for (Query q : queries) {
            long best = q.keys[0];
            for (long k : q.keys) {
                if (users.get(k) < users.get(best)) {
                    best = k;
                }
            }
            anchored.computeIfAbsent(best, x -> new ArrayList<>()).add(q);
        }
        Broadcast<Map<Long, List<Query>>> anchoredB = jsc.broadcast(anchored);
        Dataset<Integer> hits = perUser.flatMap((FlatMapFunction<Row, Integer>) r -> {
            List<Long> ks = r.getList(1);
            long[] mine = new long[ks.size()];
            for (int i = 0; i < mine.length; i++) {
                mine[i] = ks.get(i);
            }
            String cls = r.getString(2);
            List<Integer> out = new ArrayList<>();
            Map<Long, List<Query>> a = anchoredB.value();
            for (long k : mine) {
                List<Query> qs = a.get(k);
                if (qs == null) {
                    continue;
                }
                for (Query q : qs) {
                    if (q.attributes != null && !q.attributes.equals(cls)) {
                        continue;
                    }
                    boolean all = true;
                    for (int i = 0; i < q.keys.length && all; i++) {
                        all = Arrays.binarySearch(mine, q.keys[i]) >= 0;
                    }
                    if (all) {
                        out.add(q.id);
                    }
                }
            }
            return out.iterator();
        }, Encoders.INT());
        int[] matches = new int[sampled.length * span];
        for (Row r : hits.groupBy(col("value")).agg(count(lit(1))).collectAsList()) {
            matches[r.getInt(0)] = (int) r.getLong(1);
        }
        points.unpersist();
        perUser.unpersist();
        return new TrajectorySummary.Resolution(spatial.label(), temporal.label(), areas.areaCount(), (int) pointCount,
                fromP, toP, drawnCount, matches);
    }

    /** One unicity query: the first p drawn points of a sampled user (and its attributes, when known). */
    record Query(int id, long[] keys, String attributes) implements Serializable {
    }

    /** (location, local second) → point key area · bins + (bin − first bin), as the raw-data path's trace set. */
    static final class PointKey implements org.apache.spark.sql.api.java.UDF2<Integer, Long, Long> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<int[]> areas;
        private final String temporal;
        private final long bins;
        private final long minBin;
        private transient TemporalResolution resolution;

        PointKey(Broadcast<int[]> areas, String temporal, long bins, long minBin) {
            this.areas = areas;
            this.temporal = temporal;
            this.bins = bins;
            this.minBin = minBin;
        }

        @Override
        public Long call(Integer location, Long local) throws Exception {
            if (resolution == null) {
                resolution = TemporalResolution.parse(temporal);
            }
            return areas.value()[location] * bins + (resolution.bin(local) - minBin);
        }
    }

    /** Epoch second → local wall-clock second (epoch second + the zone's offset at that instant). */
    static final class LocalSecond implements org.apache.spark.sql.api.java.UDF1<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final String zone;
        private transient java.time.zone.ZoneRules rules;

        LocalSecond(String zone) {
            this.zone = zone;
        }

        @Override
        public Long call(Long t) {
            if (rules == null) {
                rules = ZoneId.of(zone).getRules();
            }
            return t + rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
        }
    }

    /** Timestamp token → epoch second (null when it cannot be read), as the desktop importer parses. */
    static final class TimeFormat implements org.apache.spark.sql.api.java.UDF1<String, Long> {
        private static final long serialVersionUID = 1L;
        final boolean auto;
        private final String spec;
        private final String zone;
        private final TimestampParser.Kind kind;
        private transient TimestampParser parser;

        private TimeFormat(boolean auto, String spec, String zone, TimestampParser.Kind kind) {
            this.auto = auto;
            this.spec = spec;
            this.zone = zone;
            this.kind = kind;
        }

        static TimeFormat of(String spec, ZoneId zone) throws ConfigurationException {
            String fmt = spec == null ? "auto" : spec.trim();
            switch (fmt.toLowerCase(Locale.ROOT)) {
                case "auto":
                    return new TimeFormat(true, fmt, zone.getId(), null);
                case "iso":
                    return new TimeFormat(false, fmt, zone.getId(), TimestampParser.Kind.ISO);
                case "epoch":
                case "epoch-s":
                    return new TimeFormat(false, fmt, zone.getId(), TimestampParser.Kind.EPOCH_SECONDS);
                case "epoch-ms":
                    return new TimeFormat(false, fmt, zone.getId(), TimestampParser.Kind.EPOCH_MILLIS);
                default:
                    try {
                        TimestampParser.ofPattern(fmt, zone);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigurationException("trajectory.error.badPattern", fmt,
                                String.valueOf(e.getMessage()));
                    }
                    return new TimeFormat(false, fmt, zone.getId(), TimestampParser.Kind.PATTERN);
            }
        }

        /** The format detected from the first event's timestamp. */
        TimeFormat detected(String first, JobOptions o) throws DatasetFormatException {
            TimestampParser.Kind k = TimestampParser.detect(first);
            if (k == null) {
                throw new DatasetFormatException(o.data, 0, 0, "summary.error.timestamps", o.data, 1, o.time,
                        "ISO 8601 / epoch", first);
            }
            return new TimeFormat(true, spec, zone, k);
        }

        String label() {
            return kind == null ? "auto" : kind.label();
        }

        @Override
        public Long call(String value) {
            if (parser == null) {
                parser = kind == TimestampParser.Kind.PATTERN ? TimestampParser.ofPattern(spec, ZoneId.of(zone))
                        : TimestampParser.of(kind, ZoneId.of(zone));
            }
            long t = parser.parse(value);
            if (t == TimestampParser.INVALID) {
                return null;
            }
            if (auto && kind != TimestampParser.Kind.ISO && TimestampParser.detect(value) != kind) {
                return null; // mixed formats
            }
            return t;
        }
    }
}
