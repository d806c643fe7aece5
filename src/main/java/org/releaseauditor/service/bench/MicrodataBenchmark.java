package org.releaseauditor.service.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.ColumnLookup;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalyzer;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.QiContributionAnalysis;
import org.releaseauditor.service.DatasetService;

/**
 * {@code release-auditor bench microdata}: writes a fixed-seed synthetic CSV (N rows × 8 skewed
 * quasi-identifiers + 1 sensitive attribute), then times import + full summary (without the
 * QI-subset analysis) and the QI contribution of all 255 subsets, and reports heap use.
 */
public final class MicrodataBenchmark {
    /** Cardinalities of the 8 synthetic QIs (sex, age, …) and the sensitive attribute. */
    static final int[] CARDINALITIES = {2, 90, 7, 16, 42, 9, 15, 5, 12};

    /** One benchmark result. */
    public record Result(long rows, long fileBytes, double writeSeconds, double importSeconds, double summarySeconds,
            double qiContributionSeconds, long classes, long peakHeapBytes) {

        public String text() {
            return String.format(Locale.ROOT, "rows %,d (%.1f MB CSV, written in %.2f s)%n"
                    + "  import CSV                      %.3f s%n"
                    + "  full summary (no QI subsets)    %.3f s%n"
                    + "  import + summary                %.3f s%n"
                    + "  QI contribution, 255 subsets    %.3f s%n"
                    + "  equivalence classes             %,d%n"
                    + "  peak heap                       %.0f MB (%.0f MB per million rows)%n",
                    rows, fileBytes / 1e6, writeSeconds, importSeconds, summarySeconds, importSeconds + summarySeconds,
                    qiContributionSeconds, classes, peakHeapBytes / 1e6, peakHeapBytes / 1e6 / (rows / 1e6));
        }
    }

    /** Writes the synthetic CSV. */
    public static void write(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = {"sex", "age", "race", "education", "country", "workclass", "occupation", "marital", "income"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", names));
            w.write('\n');
            StringBuilder sb = new StringBuilder(64);
            for (long r = 0; r < rows; r++) {
                sb.setLength(0);
                for (int c = 0; c < CARDINALITIES.length; c++) {
                    double u = random.nextDouble();
                    int code = (int) (CARDINALITIES[c] * u * u);
                    if (c > 0) {
                        sb.append(',');
                    }
                    sb.append(names[c].charAt(0)).append(code);
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    /** Runs the benchmark on a temporary file (deleted afterwards). */
    public Result run(long rows, long seed, Path dir, ProgressMonitor monitor) throws AuditException, IOException {
        Path file = Files.createTempFile(dir, "bench-microdata-", ".csv");
        try {
            long t0 = System.nanoTime();
            write(file, rows, seed);
            long t1 = System.nanoTime();
            resetPeaks();
            System.gc();
            long t2 = System.nanoTime();
            Dataset ds = new DatasetService().load(file, ImportOptions.defaults(), monitor);
            long t3 = System.nanoTime();
            List<String> qis = List.of("sex", "age", "race", "education", "country", "workclass", "occupation",
                    "marital");
            MicrodataConfig cfg = MicrodataConfig.defaults(qis)
                    .withSensitive(List.of(new org.releaseauditor.core.risk.SensitiveAttribute("income", false)))
                    .withSamplingFraction(0.01);
            var result = MicrodataAnalyzer.analyze(ds, cfg, null, monitor);
            long t4 = System.nanoTime();
            QiContributionAnalysis.compute(new ArrayList<>(ColumnLookup.require(ds, qis, "--qi")), 8, monitor);
            long t5 = System.nanoTime();
            return new Result(rows, Files.size(file), (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9,
                    (t5 - t4) / 1e9, result.classes(), peakHeap());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
