package org.releaseauditor.cli;

import picocli.CommandLine.Command;

/** {@code release-auditor remediate microdata|trajectories|aggregates}: the least change that passes, re-audited. */
// its subcommands are listed in ReleaseAuditorCli.TREE
@Command(name = "remediate", mixinStandardHelpOptions = true,
        description = {"What-if remediation: search the least change that makes a failing release pass the policy, "
                + "write it to a copy (with its SHA-256) and re-audit the copy through the same lane and request.",
            "Exit code 0 only when a passing change was found and the re-audit of its copy passes; 1 otherwise."})
public final class RemediateCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
