package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor report}: not implemented yet. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("report: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
