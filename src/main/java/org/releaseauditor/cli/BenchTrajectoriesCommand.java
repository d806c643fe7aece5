package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor bench trajectories}: not implemented yet. */
@Command(name = "trajectories", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class BenchTrajectoriesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("bench trajectories: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
