package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor case}: not implemented yet. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class CaseCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("case: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
