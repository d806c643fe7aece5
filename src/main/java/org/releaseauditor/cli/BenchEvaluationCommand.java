package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.bench.EvaluationBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release-auditor bench evaluation}: fixed-seed timings of the four attacks of the evaluation lane. */
@Command(name = "evaluation", mixinStandardHelpOptions = true,
        description = {"Generate an original, a control set and a release (N rows each, 10 mixed columns, "
                + "5 %% copied records) in memory and time singling out, linkability and inference."},
        footer = {"", "Example: java -jar target/release-auditor.jar bench evaluation --rows 100000 --attacks 10000"})
public final class BenchEvaluationCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", split = ",", defaultValue = "100000", description = "Rows of each file (default: ${DEFAULT-VALUE}).")
    List<Integer> rows;

    @Option(names = "--attacks", defaultValue = "10000", description = "Attacks per attack type (default: ${DEFAULT-VALUE}).")
    int attacks;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws AuditException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("bench evaluation: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, seed " + seed);
        for (int n : rows) {
            out.print(new EvaluationBenchmark().run(n, attacks, seed).text());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
