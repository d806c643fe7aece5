package org.releaseauditor.service.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.evaluation.AttackResult;
import org.releaseauditor.core.evaluation.EvaluationConfig;
import org.releaseauditor.core.evaluation.EvaluationData;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.evaluation.NeighbourSearchCheck;
import org.releaseauditor.core.evaluation.ReleaseEvaluator;
import org.releaseauditor.core.generate.EvaluationSample;
import org.releaseauditor.core.generate.EvaluationSampleParameters;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * {@code release-auditor bench evaluation}: generates an original, a control set and a release of
 * the same size in memory ({@link EvaluationSample}, 10 mixed columns, 5 % copied records), then
 * times all four attacks with N attacks each: singling out (univariate and multivariate, 3
 * columns, at most 100·N attempts), linkability (two 5-column sources sharing age) and inference
 * of the monthly spend from the other 9 columns. Reports wall time, the CPU time of the
 * evaluating thread (the evaluation is single-threaded), the time per phase and the heap.
 */
public final class EvaluationBenchmark {

    /** One benchmark result. */
    public record Result(int rows, int attacks, double generateSeconds, double alignSeconds, double wallSeconds,
            double cpuSeconds, Map<String, Double> phaseSeconds, Map<String, Double> phaseCpuSeconds,
            long peakHeapBytes, EvaluationResult result, NeighbourSearchCheck scan) {

        public String text() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "original %,d rows, release %,d, control %,d, 10 columns; %,d attacks"
                    + " per attack type%n", rows, rows, rows, attacks));
            sb.append(String.format(Locale.ROOT, "  generate (in memory)           %8.2f s%n", generateSeconds));
            sb.append(String.format(Locale.ROOT, "  datasets, align and encode     %8.2f s%n", alignSeconds));
            sb.append(String.format(Locale.ROOT, "  evaluate, wall                 %8.2f s%n", wallSeconds));
            sb.append(String.format(Locale.ROOT, "  evaluate, CPU of the thread    %8.2f s%n", cpuSeconds));
            sb.append(String.format(Locale.ROOT, "    phase                          wall s    CPU s%n"));
            for (Map.Entry<String, Double> e : phaseSeconds.entrySet()) {
                sb.append(String.format(Locale.ROOT, "    %-30s %8.2f %8.2f%n", e.getKey(), e.getValue(),
                        phaseCpuSeconds.getOrDefault(e.getKey(), 0.0)));
            }
            sb.append(String.format(Locale.ROOT, "  peak heap                      %8.0f MB%n", peakHeapBytes / 1e6));
            sb.append(String.format(Locale.ROOT, "  1-NN on the 5 columns of source A, %d queries: index %.3f s (with"
                    + " building it), full scan %.3f s (%.0f ms per query); same neighbour for %d of %d%n",
                    scan.queries(), scan.indexSeconds(), scan.scanSeconds(), 1000 * scan.scanSeconds() / scan.queries(),
                    scan.identical(), scan.queries()));
            for (AttackResult a : result.attacks()) {
                sb.append(String.format(Locale.ROOT, "  %-26s attack %.4f control %.4f baseline %.4f residual %.4f"
                        + " [%.4f, %.4f]%n", a.type().path(), a.attackRate().value(), a.controlRate().value(),
                        a.baselineRate().value(), a.residualRisk().value(), a.residualRisk().low(),
                        a.residualRisk().high()));
            }
            return sb.toString();
        }
    }

    /** The attack configuration of the benchmark. */
    public static EvaluationConfig config(int attacks, long seed) {
        return new EvaluationConfig(List.of(), attacks, seed, 0.95,
                new EvaluationConfig.SinglingOutOptions(true, true, 3, 100L * attacks),
                new EvaluationConfig.LinkabilityOptions(List.of("age", "gender", "home_area", "device", "monthly_spend"),
                        List.of("age", "tariff", "data_gb", "calls_per_month", "tenure_months"), 1),
                new EvaluationConfig.InferenceOptions(List.of(), "monthly_spend", 0.05));
    }

    /** Runs the benchmark once. */
    public Result run(int rows, int attacks, long seed) throws AuditException {
        long t0 = System.nanoTime();
        EvaluationSample sample = EvaluationSample.generate(
                new EvaluationSampleParameters(rows, rows, rows, 0.05, 100, seed).validate(), ProgressMonitor.none());
        long t1 = System.nanoTime();
        EvaluationData data = EvaluationData.align(sample.dataset(EvaluationSample.Part.ORIGINAL),
                sample.dataset(EvaluationSample.Part.RELEASE), sample.dataset(EvaluationSample.Part.CONTROL),
                List.of());
        long t2 = System.nanoTime();
        System.gc();
        resetPeaks();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PhaseClock clock = new PhaseClock();
        long c0 = threads.getCurrentThreadCpuTime();
        long t3 = System.nanoTime();
        EvaluationResult result = ReleaseEvaluator.evaluate(data, config(attacks, seed), clock);
        long t4 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        clock.update("end", 0, 0);
        NeighbourSearchCheck scan = NeighbourSearchCheck.run(data, config(attacks, seed).linkability().auxA(), 200,
                seed);
        return new Result(rows, attacks, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t4 - t3) / 1e9, (c1 - c0) / 1e9,
                clock.seconds, clock.cpu, peakHeap(), result, scan);
    }

    /** Wall and CPU time (of the evaluating thread) spent per progress phase: "wall s / CPU s". */
    private static final class PhaseClock implements ProgressMonitor {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        final Map<String, Double> cpu = new LinkedHashMap<>();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String phase;
        long since = System.nanoTime();
        long cpuSince = threads.getCurrentThreadCpuTime();

        @Override
        public void update(String p, long done, long total) {
            if (!p.equals(phase)) {
                long now = System.nanoTime();
                long cpuNow = threads.getCurrentThreadCpuTime();
                if (phase != null) {
                    String name = phase.replace("evaluation.progress.", "");
                    seconds.merge(name, (now - since) / 1e9, Double::sum);
                    cpu.merge(name, (cpuNow - cpuSince) / 1e9, Double::sum);
                }
                phase = p;
                since = now;
                cpuSince = cpuNow;
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
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
