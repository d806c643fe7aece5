package org.releaseauditor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.summary.TrajectorySummaries;
import org.releaseauditor.core.summary.TrajectorySummary;
import org.releaseauditor.core.trajectory.EventColumns;
import org.releaseauditor.core.trajectory.EventImport;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.io.CsvImporter;
import org.releaseauditor.io.summary.SummaryJson;

/**
 * The Spark job's trajectory summary is the in-process summary, byte for byte (the producer field
 * aside), on the bundled events: same users, same draws, same match counts.
 */
class TrajectoryJobTest {
    static SparkSession spark;
    static final Path EVENTS = Path.of(System.getProperty("releaseauditor.basedir", "."))
            .resolve("sample-datasets/trajectories/events_pseudonymised.csv");

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("TrajectoryJobTest")
                .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static JobOptions options(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("--lane", "trajectories", "--data", EVENTS.toString(), "--out",
                dir.resolve("out.json").toString()));
        a.addAll(List.of(args));
        return JobOptions.parse(a.toArray(new String[0]));
    }

    static String inProcess(JobOptions o, TrajectorySummary fromSpark) throws Exception {
        Dataset ds = new CsvImporter().read(EVENTS, new ImportOptions("UTF-8", o.delimiter, o.quote, o.header,
                o.missing, o.suppressed, o.types), ProgressMonitor.none());
        ZoneId zone = ZoneId.of(o.zone);
        EventTable table = EventImport.fromDataset(ds, new EventColumns(o.user, o.time, o.location, o.lat, o.lng,
                o.attributes, o.timeFormat, zone), EVENTS.toString(), ProgressMonitor.none());
        TrajectorySummary.Options opts = fromSpark.options();
        List<SpatialResolution> ss = new ArrayList<>();
        for (String s : opts.sweepSpatial()) {
            ss.add(SpatialResolution.parse(s));
        }
        List<TemporalResolution> st = new ArrayList<>();
        for (String t : opts.sweepTemporal()) {
            st.add(TemporalResolution.parse(t));
        }
        return SummaryJson.toJson(TrajectorySummaries.build(table, opts, SpatialResolution.parse(o.spatial),
                TemporalResolution.parse(o.temporal), ss, st, fromSpark.input(), ProgressMonitor.none()));
    }

    static void assertSameSummary(JobOptions o) throws Exception {
        TrajectorySummary s = TrajectoryJob.run(spark, o);
        String fromSpark = SummaryJson.toJson(s).replace("\"producer\" : \"spark\"", "\"producer\" : \"in-process\"");
        assertEquals(inProcess(o, s), fromSpark);
    }

    @Test
    void allUsersAtCellTimesHourGiveTheInProcessSummary() throws Exception {
        assertSameSummary(options("--user", "pseudonym", "--time", "timestamp", "--location", "cell",
                "--temporal", "1h", "--points", "1..5"));
    }

    @Test
    void aSampleWithAttributesCoordinatesAndASweepGivesTheInProcessSummary() throws Exception {
        assertSameSummary(options("--user", "pseudonym", "--time", "timestamp", "--location", "cell", "--lat", "lat",
                "--lng", "lon", "--attributes", "age_band,gender", "--zone", "Europe/Berlin", "--points", "1..4",
                "--sample-users", "300", "--seed", "7", "--sweep", "spatial=none,grid:2km;temporal=1h,1d",
                "--sweep-points", "3"));
    }

    @Test
    void coordinatePairsOnGeohashCellsGiveTheInProcessSummary() throws Exception {
        assertSameSummary(options("--user", "pseudonym", "--time", "timestamp", "--lat", "lat", "--lng", "lon",
                "--spatial", "geohash:6", "--temporal", "tod:4h", "--points", "1..3", "--sample-users", "500",
                "--seed", "11"));
    }

    @Test
    void theJobWritesATrajectorySummaryWithoutPseudonymsPlacesOrTimes() throws Exception {
        Path out = dir.resolve("events-summary.json");
        JobOptions o = JobOptions.parse(new String[] {"--lane", "trajectories", "--data", EVENTS.toString(), "--out",
            out.toString(), "--user", "pseudonym", "--time", "timestamp", "--location", "cell"});
        String line = SummaryJob.run(spark, o);
        assertTrue(line.contains("42692 events"), line);
        String json = Files.readString(out);
        assertEquals(SummaryJson.toJson(SummaryJson.readTrajectories(out)), json);
        for (String value : List.of("941d26e46da3", "C00014", "2025-03-03", "51.994154")) {
            assertFalse(json.contains(value), value);
        }
    }
}
