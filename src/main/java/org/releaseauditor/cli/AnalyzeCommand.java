package org.releaseauditor.cli;

import picocli.CommandLine.Command;

/** {@code release-auditor analyze microdata|trajectories|aggregates|evaluation}. */
// its subcommands are listed in ReleaseAuditorCli.TREE
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse the re-identification risk of a candidate output.")
public final class AnalyzeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
