package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code case attacker CASE --name N --model JSON}. */
@Command(name = "attacker", mixinStandardHelpOptions = true, description = "Record an attacker model.")
public final class CaseAttackerCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    Path caseFile;

    @Option(names = "--name", required = true, description = "Short name, e.g. neighbour.")
    String name;

    @Option(names = "--model", required = true,
            description = "The model as JSON, e.g. {\"model\":\"prosecutor\",\"known\":[\"age\",\"sex\"]}.")
    String model;

    @Option(names = "--actor", description = "Who is recorded as actor (default: OS user).")
    String actor;

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = CaseCli.openForWriting(caseFile, spec)) {
            cs.setActor(actor);
            AttackerModel a = cs.recordAttackerModel(name, model);
            spec.commandLine().getOut().println(Messages.get("casecli.attackerAdded", a.id(), a.name()));
        }
        return ExitCodes.OK;
    }
}
