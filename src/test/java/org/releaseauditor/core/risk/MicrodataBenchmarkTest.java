package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throwaway benchmark of the full microdata summary (no QI contribution). Run with
 * {@code mvn -o -q test -Dtest=MicrodataBenchmarkTest -Dbench.rows=1000000 -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true",
        disabledReason = "benchmark: runs only with -Dbench=true (timings are not unit tests)")
class MicrodataBenchmarkTest {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataBenchmarkTest.class);

    /** Synthetic census-like table: 8 QIs with 2 … 100 values, skewed, plus one sensitive column. */
    static Dataset synthetic(int rows, long seed) {
        int[] cards = {2, 100, 7, 16, 42, 9, 15, 5, 12};
        String[] names = {"sex", "age", "race", "education", "country", "workclass", "occupation", "marital",
            "diagnosis"};
        SplittableRandom random = new SplittableRandom(seed);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < cards.length; c++) {
            String[] dict = new String[cards[c]];
            for (int v = 0; v < dict.length; v++) {
                dict[v] = Integer.toString(v);
            }
            int[] codes = new int[rows];
            for (int r = 0; r < rows; r++) {
                double u = random.nextDouble();
                codes[r] = (int) (cards[c] * u * u); // skewed towards small codes
            }
            columns.add(new Column(names[c], ColumnType.INTEGER, dict, codes, rows));
        }
        return new Dataset("synthetic", columns);
    }

    @Test
    void fullSummaryTiming() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Dataset data = synthetic(rows, 42);
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("sex", "age", "race", "education", "country",
                "workclass", "occupation", "marital"))
                .withSensitive(List.of(new SensitiveAttribute("diagnosis", false)))
                .withSamplingFraction(0.01);
        MicrodataAnalyzer.analyze(data, cfg, null, ProgressMonitor.none()); // warm-up
        long best = Long.MAX_VALUE;
        MicrodataResult r = null;
        for (int i = 0; i < 5; i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            r = MicrodataAnalyzer.analyze(data, cfg, null, ProgressMonitor.none());
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - t0);
        }
        LOGGER.warn("BENCH rows={} qis=8 classes={} bestCpuMillis={}", rows, r.classes(), best / 1_000_000);
        long[] last = {CPU.getCurrentThreadCpuTime()};
        String[] phase = {"start"};
        MicrodataAnalyzer.analyze(data, cfg, null, new ProgressMonitor() {
            @Override
            public void update(String name, long done, long total) {
                if (!name.equals(phase[0])) {
                    long now = CPU.getCurrentThreadCpuTime();
                    LOGGER.warn("BENCH phase {} took {} ms", phase[0], (now - last[0]) / 1_000_000);
                    phase[0] = name;
                    last[0] = now;
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        LOGGER.warn("BENCH phase {} took {} ms", phase[0], (CPU.getCurrentThreadCpuTime() - last[0]) / 1_000_000);
        assertTrue(r.records() == rows);
    }
}
