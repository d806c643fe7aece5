package org.releaseauditor.cli;

import picocli.CommandLine.Command;

/** {@code release-auditor case ...}: script a whole audit (new, add-dataset, run, rerun, decide, review, export, show, verify, report). */
// its subcommands are listed in ReleaseAuditorCli.TREE
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Audit cases: one .rcase file with datasets, runs, findings, decisions and a hash-chained log.")
public final class CaseCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
