package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code release-auditor verify}: not implemented yet. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "(not implemented yet)")
public final class VerifyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("verify: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
