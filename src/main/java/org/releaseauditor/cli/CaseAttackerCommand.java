package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code case attacker CASE --name N --model JSON}. */
@Command(name = "attacker", mixinStandardHelpOptions = true, description = "Record an attacker model.")
public final class CaseAttackerCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    CaseWriteOptions target;

    @Option(names = "--name", required = true, description = "Short name, e.g. neighbour.")
    String name;

    @Option(names = "--model", required = true,
            description = "The model as JSON, e.g. {\"model\":\"prosecutor\",\"known\":[\"age\",\"sex\"]}.")
    String model;

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = target.open(spec)) {
            AttackerModel a = cs.recordAttackerModel(name, model);
            spec.commandLine().getOut().println(Messages.get("casecli.attackerAdded", a.id(), a.name()));
            CaseCli.printReceipt(spec.commandLine().getOut(), cs);
        }
        return ExitCodes.OK;
    }
}
