package org.releaseauditor.spark;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.summary.MicrodataSummary;
import org.releaseauditor.core.summary.TrajectorySummary;
import org.releaseauditor.io.summary.SummaryJson;

/**
 * {@code spark-submit --class org.releaseauditor.spark.SummaryJob release-auditor-spark.jar --lane
 * microdata|trajectories --data URI --out URI …}: computes the lane's summary where the data lives
 * and writes the summary JSON (no record values) to {@code --out} (any Hadoop file system:
 * {@code hdfs://}, {@code s3a://}, {@code file://}). Exit codes as the desktop CLI: 0 done, 2 usage
 * error, 3 input or data error, 4 internal error.
 */
public final class SummaryJob {

    private SummaryJob() {
    }

    public static void main(String[] args) {
        JobOptions o;
        try {
            o = JobOptions.parse(args);
        } catch (JobOptions.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.println(JobOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        SparkSession.Builder b = SparkSession.builder().appName("release-auditor summary (" + o.lane + ")");
        if (o.master != null) {
            b = b.master(o.master);
        }
        int code;
        SparkSession spark = b.getOrCreate();
        try {
            String done = run(spark, o);
            System.out.println(done);
            code = 0;
        } catch (AuditException e) {
            System.err.println("error: " + Messages.get(e.messageKey(), e.args()));
            code = e instanceof org.releaseauditor.core.error.ConfigurationException ? 2 : 3;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            code = 3;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Computes and writes the summary; returns a one-line report (counts only). */
    static String run(SparkSession spark, JobOptions o) throws AuditException, IOException {
        if (o.lane.equals("microdata")) {
            MicrodataSummary s = MicrodataJob.run(spark, o);
            try (OutputStream out = create(spark, o.out)) {
                SummaryJson.write(s, out);
            }
            return "microdata summary written to " + o.out + ": " + s.rows() + " rows, " + s.records()
                    + " records in " + s.classes() + " classes, " + s.suppressedRecords() + " fully suppressed";
        }
        TrajectorySummary s = TrajectoryJob.run(spark, o);
        try (OutputStream out = create(spark, o.out)) {
            SummaryJson.write(s, out);
        }
        return "trajectory summary written to " + o.out + ": " + s.events() + " events, " + s.users() + " users, "
                + s.main().sampled() + " sampled, unicity draws for p = 1.." + s.options().maxPoints()
                + (s.sweep().isEmpty() ? "" : ", " + s.sweep().size() + " sweep cells");
    }

    static OutputStream create(SparkSession spark, String uri) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs instanceof LocalFileSystem local) {
            fs = local.getRaw(); // no .crc file next to a local summary
        }
        return fs.create(path, true);
    }
}
