package org.releaseauditor.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.releaseauditor.core.summary.SummaryInput;

/**
 * Reads the delimited input as the desktop app does: every cell as its exact token (no trimming),
 * the missing and suppression tokens of the options, and a row key (file path, then position in
 * the file) that restores the input order, so that "first appearance" means the same as in the
 * in-process producer.
 */
final class SparkInput {
    /** Normalised token of a missing value (never a real value: it contains NUL). */
    static final String MISSING = "\u0000M";
    /** Normalised token of a suppressed value. */
    static final String SUPPRESSED = "\u0000S";
    /** Row key columns: the input file, and the position inside it. */
    static final String RK_FILE = "__rk_file";
    static final String RK_ID = "__rk_id";

    private SparkInput() {
    }

    /** The raw table: one string column per header name, plus the two row-key columns. */
    static Dataset<Row> read(SparkSession spark, JobOptions o) {
        Dataset<Row> df = spark.read()
                .option("header", o.header)
                .option("sep", String.valueOf(o.delimiter))
                .option("quote", String.valueOf(o.quote))
                .option("escape", String.valueOf(o.quote))
                .option("encoding", o.encoding)
                .option("mode", "FAILFAST")
                .option("multiLine", o.multiLine)
                .option("inferSchema", false)
                .option("ignoreLeadingWhiteSpace", false)
                .option("ignoreTrailingWhiteSpace", false)
                .csv(o.data);
        String[] names = df.columns();
        if (names.length > 0 && names[0].startsWith("\uFEFF")) {
            df = df.withColumnRenamed(names[0], names[0].substring(1)); // UTF-8 byte order mark
        }
        return df.withColumn(RK_FILE, col("_metadata.file_path")).withColumn(RK_ID, monotonically_increasing_id());
    }

    /** The column names of the input (without the row key). */
    static List<String> columns(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (String c : df.columns()) {
            if (!c.equals(RK_FILE) && !c.equals(RK_ID)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The token of a cell with missing and suppressed values replaced by {@link #MISSING} and
     * {@link #SUPPRESSED} (suppression markers win, as in the importer). Spark reads an empty
     * field as null: that is the empty token.
     */
    static Column token(String column, JobOptions o) {
        Column raw = coalesce(col("`" + column + "`"), lit(""));
        Column out = raw;
        if (!o.missing.isEmpty()) {
            out = when(raw.isin(o.missing.toArray()), lit(MISSING)).otherwise(out);
        }
        if (!o.suppressed.isEmpty()) {
            out = when(raw.isin(o.suppressed.toArray()), lit(SUPPRESSED)).otherwise(out);
        }
        return out;
    }

    /**
     * The input's name and fingerprint: SHA-256 and size of a single file; the total size of
     * several (no hash: their concatenation order is a convention, see spark.md).
     */
    static SummaryInput fingerprint(SparkSession spark, JobOptions o, long rows) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path path = new Path(o.data);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            return new SummaryInput(o.data, null, -1, rows);
        }
        if (matches.length == 1 && matches[0].isFile()) {
            long bytes = matches[0].getLen();
            String sha = null;
            if (o.fingerprint) {
                try (InputStream in = fs.open(matches[0].getPath())) {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                    sha = HexFormat.of().formatHex(md.digest());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 is not available", e);
                }
            }
            return new SummaryInput(o.data, sha, bytes, rows);
        }
        long bytes = 0;
        for (FileStatus m : matches) {
            if (m.isFile()) {
                bytes += m.getLen();
            } else {
                for (FileStatus f : fs.listStatus(m.getPath())) {
                    if (f.isFile() && !f.getPath().getName().startsWith("_") && !f.getPath().getName().startsWith(".")) {
                        bytes += f.getLen();
                    }
                }
            }
        }
        return new SummaryInput(o.data, null, bytes, rows);
    }
}
