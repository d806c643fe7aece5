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
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnLookup;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalyzer;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.MicrodataListener;
import org.releaseauditor.core.risk.MicrodataPipeline;
import org.releaseauditor.core.risk.Partition;
import org.releaseauditor.core.risk.QiContributionAnalysis;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.core.risk.Suda2;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.microdata.MicrodataAnalysisService;

/**
 * {@code release-auditor bench microdata}: writes a fixed-seed synthetic CSV (N rows × 8 skewed
 * quasi-identifiers + 1 sensitive attribute), then times each hot path in one process: the CSV
 * import, the grouping on all 8 QIs, the summary (no QI subsets), the QI contribution of all 255
 * subsets, SUDA2 (MSUs up to 4, as the lane's default) and the whole default analysis. Each step
 * reports wall time and the process's CPU time (all threads), so that figures taken on a busy
 * machine can still be compared; memory is the heap after a full collection.
 */
public final class MicrodataBenchmark {
    /** Cardinalities of the 8 synthetic QIs (sex, age, …) and the sensitive attribute. */
    static final int[] CARDINALITIES = {2, 90, 7, 16, 42, 9, 15, 5, 12};
    /** The 8 quasi-identifiers of the synthetic file. */
    public static final List<String> QIS = List.of("sex", "age", "race", "education", "country", "workclass",
            "occupation", "marital");

    /** One timed step: wall and process-CPU seconds. */
    public record Step(String name, double wallSeconds, double cpuSeconds, String detail) {
        public String text() {
            return String.format(Locale.ROOT, "  %-38s %8.3f s wall %8.3f s CPU   %s", name, wallSeconds, cpuSeconds,
                    detail);
        }
    }

    /** One benchmark run on N rows. */
    public record Result(long rows, long fileBytes, int threads, List<Step> steps, long classes,
            long datasetHeapBytes, long peakHeapBytes) {

        public String text() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "rows %,d (%.1f MB CSV), %d threads%n", rows, fileBytes / 1e6, threads));
            for (Step s : steps) {
                sb.append(s.text()).append(System.lineSeparator());
            }
            sb.append(String.format(Locale.ROOT, "  equivalence classes %,d%n", classes));
            sb.append(String.format(Locale.ROOT, "  dataset in the heap %.0f MB (%.1f bytes a row for 9 columns)%n",
                    datasetHeapBytes / 1e6, (double) datasetHeapBytes / rows));
            sb.append(String.format(Locale.ROOT, "  peak heap %.0f MB (%.1f bytes a row)%n", peakHeapBytes / 1e6,
                    (double) peakHeapBytes / rows));
            return sb.toString();
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

    /**
     * Runs the benchmark on a temporary file (deleted afterwards).
     *
     * @param workers the cores to use ({@link Workers#sequential()} for the one-thread baseline)
     */
    public Result run(long rows, long seed, Path dir, Workers workers, ProgressMonitor monitor)
            throws AuditException, IOException {
        Path file = Files.createTempFile(dir, "bench-microdata-", ".csv");
        try {
            write(file, rows, seed);
            return run(file, workers, monitor);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs the benchmark on an existing file written by {@link #write}. */
    public Result run(Path file, Workers workers, ProgressMonitor monitor) throws AuditException, IOException {
        String threads = System.getProperty(Workers.THREADS_PROPERTY);
        System.setProperty(Workers.THREADS_PROPERTY, Integer.toString(workers.parallelism()));
        try {
            return measure(file, workers, monitor);
        } finally {
            if (threads == null) {
                System.clearProperty(Workers.THREADS_PROPERTY);
            } else {
                System.setProperty(Workers.THREADS_PROPERTY, threads);
            }
        }
    }

    private Result measure(Path file, Workers workers, ProgressMonitor monitor) throws AuditException, IOException {
        List<Step> steps = new ArrayList<>();
        gc();
        long before = usedHeap();
        resetPeaks();
        Timer t = new Timer();
        Dataset ds = new DatasetService().load(file, ImportOptions.defaults(), monitor);
        steps.add(t.step("import CSV", ds.rowCount() + " rows"));
        gc();
        long datasetBytes = usedHeap() - before;
        List<Column> qis = new ArrayList<>(ColumnLookup.require(ds, QIS, "--qi"));
        t = new Timer();
        Partition p = Partition.group(qis, monitor, workers);
        steps.add(t.step("group on 8 QIs", p.classCount() + " classes"));
        MicrodataConfig cfg = MicrodataConfig.defaults(QIS)
                .withSensitive(List.of(new SensitiveAttribute("income", false))).withSamplingFraction(0.01);
        t = new Timer();
        var summary = MicrodataAnalyzer.analyze(ds, cfg, null, monitor);
        steps.add(t.step("summary (no QI subsets, grouped)", "k=" + summary.k()));
        t = new Timer();
        var qi = QiContributionAnalysis.compute(qis, 8, monitor, workers);
        steps.add(t.step("QI contribution, 255 subsets", qi.size() + " subsets"));
        t = new Timer();
        var suda = Suda2.compute(qis, 4, Suda2.DEFAULT_DIS_FRACTION, monitor, workers);
        steps.add(t.step("SUDA2, MSUs up to 4", suda.totalMsus() + " MSUs"));
        // the whole default analysis from a fresh grouping (a copy of the columns defeats the cache)
        List<Column> fresh = new ArrayList<>();
        for (Column c : ds.columns()) {
            fresh.add(c.withName(c.name()));
        }
        Dataset copy = new Dataset(ds.name(), fresh);
        t = new Timer();
        MicrodataPipeline.run(copy, cfg, null, MicrodataAnalysisService.options(true, workers),
                MicrodataListener.none(), monitor);
        steps.add(t.step("default analysis (all of the above)", "grouping included, import excluded"));
        long peak = peakHeap();
        return new Result(ds.rowCount(), Files.size(file), workers.parallelism(), steps, p.classCount(),
                datasetBytes, peak);
    }

    /** Wall and process-CPU time since construction. */
    static final class Timer {
        private final long wall = System.nanoTime();
        private final long cpu = processCpuNanos();

        Step step(String name, String detail) {
            return new Step(name, (System.nanoTime() - wall) / 1e9, (processCpuNanos() - cpu) / 1e9, detail);
        }
    }

    /** CPU time of all threads of this process, or 0 where the platform does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static void gc() {
        System.gc();
        System.gc();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
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
