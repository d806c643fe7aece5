package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor bench}: not implemented yet. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("bench: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
