package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor generate}: not implemented yet. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class GenerateCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("generate: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
