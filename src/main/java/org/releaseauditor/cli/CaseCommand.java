package org.releaseauditor.cli;

import picocli.CommandLine.Command;

/** {@code release-auditor case ...}: script a whole audit (new, add-dataset, run, rerun, decide, show, verify, report). */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Audit cases: one .rcase file with datasets, runs, findings, decisions and a hash-chained log.",
        subcommands = {CaseNewCommand.class, CaseAddDatasetCommand.class, CaseAttackerCommand.class,
            CaseRunCommand.class, CaseRerunCommand.class, CaseEvaluateCommand.class, CaseDecideCommand.class, CaseShowCommand.class,
            CaseVerifyCommand.class, CaseReportCommand.class})
public final class CaseCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
