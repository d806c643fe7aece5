package org.releaseauditor.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Import throughput on synthetic microdata (8 quasi-identifier-like columns). Not part of the
 * normal build: run {@link #main} with {@code rows [repeats]}; prints timings, asserts nothing.
 */
@Tag("benchmark")
@Disabled("benchmark; run main() by hand")
class CsvImportBenchmark {

    static Path generate(Path file, int rows) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        String[] sex = {"Male", "Female", "Diverse"};
        String[] edu = {"Bachelors", "HS-grad", "11th", "Masters", "Doctorate", "Some-college", "Assoc-acdm"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("age,sex,zip,education,district,year_of_birth,nationality,income\n");
            StringBuilder sb = new StringBuilder(64);
            for (int r = 0; r < rows; r++) {
                sb.setLength(0);
                sb.append(17 + rnd.nextInt(80)).append(',')
                        .append(sex[rnd.nextInt(3)]).append(',')
                        .append(10000 + rnd.nextInt(90000)).append(',')
                        .append(edu[rnd.nextInt(edu.length)]).append(',')
                        .append("D").append(rnd.nextInt(400)).append(',')
                        .append(1930 + rnd.nextInt(80)).append(',')
                        .append(rnd.nextInt(10) == 0 ? "\"Other, non-EU\"" : "DE").append(',')
                        .append(rnd.nextInt(200) * 500).append('\n');
                w.write(sb.toString());
            }
        }
        return file;
    }

    @Test
    void runsTheBenchmark() throws Exception {
        main(new String[] {"100000", "1"});
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("csvbench");
        Path file = generate(dir.resolve("bench.csv"), rows);
        long size = Files.size(file);
        CsvImporter importer = new CsvImporter();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            Dataset ds = importer.read(file, ImportOptions.defaults(), ProgressMonitor.none());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (mx.getCurrentThreadCpuTime() - c0) / 1_000_000;
            System.out.printf("rows=%d bytes=%d run=%d wall=%d ms thread-cpu=%d ms (%.0f MB/s by cpu) columns=%d%n",
                    ds.rowCount(), size, i + 1, ms, cpu, size / 1e6 / (Math.max(1, cpu) / 1000.0),
                    ds.columns().size());
        }
        Files.delete(file);
        Files.delete(dir);
    }
}
