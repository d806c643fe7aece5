package org.releaseauditor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.summary.MicrodataSummaries;
import org.releaseauditor.core.summary.MicrodataSummary;
import org.releaseauditor.core.summary.SummaryInput;
import org.releaseauditor.io.CsvImporter;
import org.releaseauditor.io.summary.SummaryJson;

/**
 * The Spark job's microdata summary is the in-process summary, byte for byte (the {@code producer}
 * field aside), on the bundled samples, on hard small inputs and on a generated million-row file.
 * One local[2] session for the class, two shuffle partitions.
 */
class MicrodataJobTest {
    static SparkSession spark;
    static final Path BASE = Path.of(System.getProperty("releaseauditor.basedir", "."));

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("MicrodataJobTest")
                .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static JobOptions options(Path data, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("--lane", "microdata", "--data", data.toString(), "--out",
                dir.resolve("out.json").toString()));
        a.addAll(List.of(args));
        return JobOptions.parse(a.toArray(new String[0]));
    }

    /** The in-process summary of the same file, with the job's options and input record. */
    static String inProcess(JobOptions o, MicrodataSummary fromSpark) throws Exception {
        ImportOptions io = new ImportOptions("UTF-8", o.delimiter, o.quote, o.header, o.missing, o.suppressed,
                o.types);
        Dataset ds = new CsvImporter().read(Path.of(o.data), io, ProgressMonitor.none());
        MicrodataSummary.Options opts = new MicrodataSummary.Options(o.qis, o.sensitive, o.weight, o.household,
                o.maxQiSubset, o.importOptions());
        SummaryInput in = fromSpark.input();
        return SummaryJson.toJson(MicrodataSummaries.build(ds, opts, in, ProgressMonitor.none()));
    }

    static void assertSameSummary(JobOptions o) throws Exception {
        MicrodataSummary s = MicrodataJob.run(spark, o);
        String fromSpark = SummaryJson.toJson(s).replace("\"producer\" : \"spark\"", "\"producer\" : \"in-process\"");
        assertEquals(inProcess(o, s), fromSpark);
    }

    @Test
    void adultSummaryIsTheInProcessSummary() throws Exception {
        JobOptions o = options(BASE.resolve("sample-datasets/microdata/adult.csv"), "--delimiter", ";", "--qi",
                "sex,age,race,marital-status,education,native-country", "--sensitive",
                "salary-class,occupation,workclass:ordered,age:ordered");
        MicrodataSummary s = MicrodataJob.run(spark, o);
        assertEquals(64, s.input().sha256().length());
        assertSameSummary(o);
    }

    @Test
    void customersSummaryIsTheInProcessSummary() throws Exception {
        assertSameSummary(options(BASE.resolve("sample-datasets/microdata/customers.csv"), "--qi",
                "age,gender,postcode_area,tariff,device", "--sensitive", "segment,tariff:ordered",
                "--max-qi-subset", "3"));
    }

    @Test
    void missingSuppressedWeightsAndNumericTiesGiveTheInProcessSummary() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Path file = dir.resolve("hard-" + seed + ".csv");
            TestFiles.microdata(file, 300 * seed, 3, seed, 0.3);
            assertSameSummary(options(file, "--qi", "q0,q1,q2", "--sensitive", "diag,score:ordered", "--weight",
                    "weight", "--household", "household"));
        }
    }

    @Test
    void aMillionRowFileGivesTheInProcessSummary() throws Exception {
        Path file = dir.resolve("million.csv");
        TestFiles.microdata(file, 1_000_000, 8, 42, 0.02);
        assertSameSummary(options(file, "--qi", "q0,q1,q2,q3", "--sensitive", "diag,score:ordered",
                "--weight", "weight"));
    }

    @Test
    void anInvalidWeightStopsTheJobWithTheColumnAndTheValue() throws Exception {
        Path file = dir.resolve("bad-weight.csv");
        Files.writeString(file, "a,w\nx,1\ny,abc\nz,-2\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MicrodataJob.run(spark, options(file, "--qi", "a", "--weight", "w")));
        assertEquals("summary.error.invalidWeights", e.messageKey());
        assertEquals(2L, e.args()[1]);
    }

    @Test
    void theJobWritesTheSummaryFileAndItHoldsNoRecordValues() throws Exception {
        Path file = BASE.resolve("sample-datasets/microdata/customers.csv");
        Path out = dir.resolve("customers-summary.json");
        JobOptions o = JobOptions.parse(new String[] {"--lane", "microdata", "--data", file.toString(), "--out",
            out.toString(), "--qi", "age,gender,postcode_area", "--sensitive", "segment"});
        String line = SummaryJob.run(spark, o);
        assertTrue(line.contains("20000 rows"), line);
        String json = Files.readString(out);
        assertEquals(SummaryJson.toJson(SummaryJson.readMicrodata(out)), json);
        for (String value : List.of("U0000001", "31901", "business", "standard", "Samsung Galaxy")) {
            assertFalse(json.contains("\"" + value + "\""), value);
        }
    }
}
