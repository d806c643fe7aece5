package org.releaseauditor.cli;

import picocli.CommandLine.Command;

/** {@code release-auditor bench microdata|trajectories|aggregates|evaluation|remediation}: fixed-seed benchmarks. */
// its subcommands are listed in ReleaseAuditorCli.TREE
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a fixed-seed performance benchmark on synthetic data and print timings.")
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
