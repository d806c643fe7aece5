package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code case decide CASE --outcome O --rationale R --auditor A [--conditions C] [--run ID]... [--policy P]}. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Record a decision; it supersedes earlier ones. Data files are re-hashed first.")
public final class CaseDecideCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    Path caseFile;

    @Option(names = "--outcome", required = true,
            description = "APPROVE, APPROVE_WITH_CONDITIONS or REJECT.")
    DecisionOutcome outcome;

    @Option(names = "--rationale", required = true, description = "The written rationale (required).")
    String rationale;

    @Option(names = "--auditor", required = true, description = "The auditor's name (required).")
    String auditor;

    @Option(names = "--conditions", description = "The conditions, for APPROVE_WITH_CONDITIONS.")
    String conditions;

    @Option(names = "--run", description = "Run ids the decision rests on (default: all runs).")
    List<Long> runs;

    @Option(names = "--policy", paramLabel = "P",
            description = "Policy to record (default: the one of the latest evaluation of the runs).")
    String policy;

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = CaseCli.openForWriting(caseFile, spec)) {
            cs.setActor(auditor);
            DecisionEntry d = cs.decide(outcome, conditions, rationale, auditor, CaseCli.ids(runs), policy,
                    ProgressMonitor.none());
            spec.commandLine().getOut().println(Messages.get("casecli.decided", d.id(), d.outcome(),
                    d.supersedes() == null ? "-" : d.supersedes(), cs.headHash()));
        }
        return ExitCodes.OK;
    }
}
