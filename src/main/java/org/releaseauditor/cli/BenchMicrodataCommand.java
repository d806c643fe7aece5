package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor bench microdata}: not implemented yet. */
@Command(name = "microdata", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class BenchMicrodataCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("bench microdata: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
