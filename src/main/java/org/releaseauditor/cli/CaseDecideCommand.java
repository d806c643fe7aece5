package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.cases.CaseRecords.Decided;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.DecisionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code case decide CASE --rationale R --auditor A [--outcome O] [--output ID=APPROVE|REJECT[:COMMENT]]...
 * [--conditions C] [--condition-json JSON]... [--override-justification T] [--purpose P]
 * [--legal-basis B]... [--legal-basis-text T] [--recipients R] [--retention R] [--controller C]
 * [--run ID]... [--policy P] [--expect-head HASH]}.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Record a decision; it supersedes earlier ones. Data files are re-hashed first.")
public final class CaseDecideCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    Path caseFile;

    @Option(names = "--outcome",
            description = "APPROVE, APPROVE_WITH_CONDITIONS or REJECT (default: derived from --output).")
    DecisionOutcome outcome;

    @Option(names = "--output", paramLabel = "ID=APPROVE|REJECT[:COMMENT]",
            description = "Decision on one output (dataset id), with an optional comment (repeatable). "
                    + "The release outcome follows: none approved REJECT, all approved APPROVE, else "
                    + "APPROVE_WITH_CONDITIONS.")
    List<String> outputs = List.of();

    @Option(names = "--rationale", required = true, description = "The written rationale (required).")
    String rationale;

    @Option(names = "--auditor", required = true, description = "The decider's name (required).")
    String auditor;

    @Option(names = "--conditions", description = "The conditions, for APPROVE_WITH_CONDITIONS.")
    String conditions;

    @Option(names = "--condition-json", paramLabel = "JSON",
            description = "A condition naming a file, e.g. {\"text\":\"release the coarsened table\","
                    + "\"output\":{\"sha256\":\"...\",\"replaces\":1}} (repeatable; the file must be a dataset "
                    + "of the case).")
    List<String> conditionJson = List.of();

    @Option(names = "--override-justification", paramLabel = "TEXT",
            description = "Why an output is approved although a recorded finding FAILs (required then).")
    String override;

    @Option(names = "--purpose", description = "GDPR record: purpose of the release.")
    String purpose;

    @Option(names = "--legal-basis", paramLabel = "BASIS",
            description = "GDPR legal basis: 6(1)(a) ... 6(1)(f) (or a ... f) and/or 89 (repeatable).")
    List<String> legalBasis = List.of();

    @Option(names = "--legal-basis-text", description = "GDPR record: the legal basis in words (e.g. national law).")
    String legalBasisText;

    @Option(names = "--recipients", description = "GDPR record: who receives the release.")
    String recipients;

    @Option(names = "--retention", description = "GDPR record: how long the recipients keep it.")
    String retention;

    @Option(names = "--controller", description = "GDPR record: the controller (default: the case's controller).")
    String controller;

    @Option(names = "--run", description = "Run ids the decision rests on (default: all runs).")
    List<Long> runs;

    @Option(names = "--policy", paramLabel = "P",
            description = "Policy to record (default: the one of the latest evaluation of the runs).")
    String policy;

    @Option(names = "--expect-head", paramLabel = "HASH",
            description = "Refuse unless the case still ends at this head (the state you looked at).")
    String expectHead;

    @Mixin
    BusyWaitOption busyWait;

    @Override
    public Integer call() throws Exception {
        DecisionRequest.Builder b = DecisionRequest.builder().outcome(outcome).conditions(conditions)
                .rationale(rationale).auditor(auditor).runs(CaseCli.ids(runs)).policy(policy).purpose(purpose)
                .legalBasisText(legalBasisText).recipients(recipients).retention(retention).controller(controller)
                .overrideJustification(override).expectedHead(expectHead);
        for (String lb : legalBasis) {
            b.legalBasis(lb);
        }
        for (String o : outputs) {
            b.output(o);
        }
        for (String j : conditionJson) {
            b.conditionJson(j);
        }
        try (CaseService cs = CaseCli.openForWriting(caseFile, spec, busyWait)) {
            cs.setActor(auditor);
            Decided d = cs.decide(b.build(), ProgressMonitor.none());
            PrintWriter out = spec.commandLine().getOut();
            out.println(Messages.get("casecli.decided", d.details().decision().id(), d.details().decision().outcome(),
                    d.details().decision().supersedes() == null ? "-" : d.details().decision().supersedes(),
                    d.receipt().headHash()));
            out.println(CaseCli.receipt(d.receipt()));
            out.println(CaseCli.status(cs.status()));
        }
        return ExitCodes.OK;
    }
}
