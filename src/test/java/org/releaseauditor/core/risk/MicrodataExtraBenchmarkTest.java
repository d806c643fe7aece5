package org.releaseauditor.core.risk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Timing of QI contribution and SUDA2 on synthetic data; no timed assertions. Run with
 * {@code mvn -o -q -B test -Dtest=MicrodataExtraBenchmarkTest -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true",
        disabledReason = "benchmark: runs only with -Dbench=true (timings are not unit tests)")
class MicrodataExtraBenchmarkTest {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Cardinalities like a census extract: age, sex, marital status, region, ... */
    private static final int[] CARDINALITIES = {90, 2, 6, 400, 16, 9, 40, 12};

    static List<Column> synthetic(int rows, int[] cardinalities, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < cardinalities.length; c++) {
            ColumnBuilder b = new ColumnBuilder("q" + c, rows);
            String[] tokens = new String[cardinalities[c]];
            for (int v = 0; v < tokens.length; v++) {
                tokens[v] = Integer.toString(v);
            }
            for (int r = 0; r < rows; r++) {
                // skewed: squares of uniforms favour small codes
                double u = random.nextDouble();
                b.add(tokens[(int) (u * u * tokens.length)]);
            }
            out.add(b.build(ColumnType.CATEGORICAL));
        }
        return out;
    }

    @Test
    void qiContributionOnOneMillionRowsAndEightQuasiIdentifiers() throws Exception {
        List<Column> qis = synthetic(1_000_000, CARDINALITIES, 42);
        for (int run = 0; run < 3; run++) {
            time("qiContribution rows=1000000 qis=8 run=" + run,
                    () -> "subsets=" + QiContributionAnalysis.compute(qis, 10, ProgressMonitor.none()).size());
        }
    }

    @Test
    void suda2OnOneHundredThousandRowsAndEightKeyVariables() throws Exception {
        List<Column> keys = synthetic(100_000, CARDINALITIES, 7);
        for (int run = 0; run < 2; run++) {
            time("suda2 rows=100000 keys=8 run=" + run,
                    () -> "msus=" + Suda2.compute(keys, 0, 0.01, ProgressMonitor.none()).totalMsus());
        }
    }

    @Test
    void suda2OnAdultWithNineKeyVariables() throws Exception {
        List<Column> keys = AdultQiContributionTest.adult();
        for (int run = 0; run < 2; run++) {
            time("suda2 adult keys=9 run=" + run, () -> {
                SudaResult r = Suda2.compute(keys, 0, 0.01, ProgressMonitor.none());
                return "rows=" + r.records() + " msus=" + r.totalMsus() + " withMsu=" + r.recordsWithMsu();
            });
        }
    }

    private static void time(String label, java.util.concurrent.Callable<String> work) throws Exception {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        String info = work.call();
        System.out.printf("BENCH %s %s wallMs=%d cpuMs=%d%n", label, info, (System.nanoTime() - t0) / 1_000_000,
                (CPU.getCurrentThreadCpuTime() - c0) / 1_000_000);
    }
}
