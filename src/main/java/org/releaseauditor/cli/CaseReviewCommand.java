package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.cases.CaseRecords.Reviewed;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code case review CASE --reviewer NAME [--comment TEXT]}: the second reviewer signs the decision in force. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Sign the decision in force as the second reviewer (four eyes); exit 2 if you made the decision.")
public final class CaseReviewCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    Path caseFile;

    @Option(names = "--reviewer", required = true, description = "The second reviewer's name (not the decider).")
    String reviewer;

    @Option(names = "--comment", description = "A comment on the decision.")
    String comment;

    @Mixin
    BusyWaitOption busyWait;

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = CaseCli.openForWriting(caseFile, spec, busyWait)) {
            cs.setActor(reviewer);
            Reviewed r = cs.review(reviewer, comment);
            PrintWriter out = spec.commandLine().getOut();
            out.println(Messages.get("casecli.reviewed", r.review().id(), r.review().reviewer(),
                    r.review().decisionId()));
            out.println(CaseCli.receipt(r.receipt()));
            out.println(CaseCli.status(cs.status()));
        }
        return ExitCodes.OK;
    }
}
