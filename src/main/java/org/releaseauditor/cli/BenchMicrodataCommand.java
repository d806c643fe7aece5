package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.service.bench.MicrodataBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release-auditor bench microdata}: import + summary and QI-contribution timings. */
@Command(name = "microdata", mixinStandardHelpOptions = true,
        description = {"Fixed-seed microdata benchmark: writes N synthetic rows (8 QIs + 1 sensitive) to a",
            "temporary CSV, then times import + full risk summary and the QI contribution of all 255 subsets."},
        footer = {"", "Example: java -Xmx8g -jar target/release-auditor.jar bench microdata --rows 1000000,10000000"})
public final class BenchMicrodataCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", split = ",", defaultValue = "1000000", description = "Row counts (default: ${DEFAULT-VALUE}).")
    List<Long> rows;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeat", defaultValue = "2", description = "Runs per size; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--dir", description = "Folder for the temporary CSV (default: system temp).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path tmp = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        MicrodataBenchmark bench = new MicrodataBenchmark();
        var out = spec.commandLine().getOut();
        out.println("bench microdata: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, seed " + seed);
        for (long n : rows) {
            MicrodataBenchmark.Result best = null;
            for (int i = 0; i < Math.max(1, repeat); i++) {
                MicrodataBenchmark.Result r = bench.run(n, seed, tmp, org.releaseauditor.core.progress.ProgressMonitor.none());
                if (best == null || r.importSeconds() + r.summarySeconds() < best.importSeconds() + best.summarySeconds()) {
                    best = r;
                }
            }
            out.print(best.text());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
