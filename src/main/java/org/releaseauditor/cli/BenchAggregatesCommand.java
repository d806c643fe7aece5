package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor bench aggregates}: not implemented yet. */
@Command(name = "aggregates", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class BenchAggregatesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("bench aggregates: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
