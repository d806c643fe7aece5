package org.releaseauditor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.bench.RemediationBenchmark;
import org.releaseauditor.service.remediation.MicrodataRemediationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release-auditor bench remediation}: the microdata remediation search on adult.csv and N rows resampled from it. */
@Command(name = "remediation", mixinStandardHelpOptions = true,
        description = {"Fixed-seed benchmark of the microdata remediation search (k = 5, at most 5 %% suppressed, "
                + "8 quasi-identifiers): adult.csv with ARX's standard hierarchy files, and N rows resampled from adult.csv "
                + "(one in five quasi-identifier values swapped with another row's) with the same hierarchies. Prints "
                + "wall and CPU time of the preparation and of each search, the evaluated nodes and the optimum."},
        footer = {"", "Examples:",
            "  java -jar target/release-auditor.jar bench remediation",
            "  java -Xmx4g -jar target/release-auditor.jar bench remediation --rows 1000000 --measures loss,entropy"})
public final class BenchRemediationCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--adult", paramLabel = "FILE", defaultValue = "sample-datasets/microdata/adult.csv",
            description = "adult.csv (default: ${DEFAULT-VALUE}).")
    Path adult;

    @Option(names = "--hierarchies", paramLabel = "DIR", defaultValue = "sample-datasets/microdata/hierarchies",
            description = "Folder of the hierarchy files adult_<qi>.csv (default: ${DEFAULT-VALUE}).")
    Path hierarchies;

    @Option(names = "--no-adult", description = "Skip adult.csv itself (the resampled rows still come from it).")
    boolean noAdult;

    @Option(names = "--rows", split = ",", defaultValue = "1000000",
            description = "Resampled row counts; 0 skips them (default: ${DEFAULT-VALUE}).")
    List<Long> rows;

    @Option(names = "--seed", defaultValue = "42",
            description = "Random seed of the resampled rows (default: ${DEFAULT-VALUE}, as RemediationBenchmarkTest).")
    long seed;

    @Option(names = "--measures", split = ",", defaultValue = "loss",
            description = "Loss measures to search under: loss, discernibility, entropy, precision (default: ${DEFAULT-VALUE}).")
    List<String> measures;

    @Option(names = "--dir", description = "Folder for the temporary CSV (default: system temp).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (rows.stream().anyMatch(r -> r < 0)) {
            err.println("bench remediation: --rows must be 0 or more");
            return ExitCodes.USAGE;
        }
        for (String m : measures) {
            if (!MicrodataRemediationService.measures().contains(m)) {
                err.println("bench remediation: unknown measure '" + m + "'; use "
                        + String.join(", ", MicrodataRemediationService.measures()));
                return ExitCodes.USAGE;
            }
        }
        if (!Files.isRegularFile(adult) || !Files.isDirectory(hierarchies)) {
            err.println("bench remediation: " + (Files.isRegularFile(adult) ? hierarchies + " is not a folder"
                    : adult + " does not exist") + "; give --adult FILE --hierarchies DIR");
            return ExitCodes.USAGE;
        }
        RemediationBenchmark bench = new RemediationBenchmark();
        out.println("bench remediation: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        if (!noAdult) {
            out.print(bench.adult(adult, hierarchies, measures, ProgressMonitor.none()).text());
            out.flush();
        }
        Path tmp = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        for (long n : rows) {
            if (n > 0) {
                out.print(bench.resampled(adult, hierarchies, n, seed, tmp, measures, ProgressMonitor.none()).text());
                out.flush();
            }
        }
        return ExitCodes.OK;
    }
}
