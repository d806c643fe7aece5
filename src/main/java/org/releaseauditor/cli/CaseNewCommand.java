package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code case new FILE --title T [--data-product P] [--controller C] [--auditor A]}. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a new case file (.rcase).")
public final class CaseNewCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file to create (must not exist).")
    Path file;

    @Option(names = "--title", required = true, description = "Title of the audit.")
    String title;

    @Option(names = "--data-product", defaultValue = "", description = "The data product audited.")
    String dataProduct;

    @Option(names = "--controller", defaultValue = "", description = "The data controller (organisation).")
    String controller;

    @Option(names = "--auditor", defaultValue = "", description = "The responsible auditor.")
    String auditor;

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = CaseService.create(file, new CaseInfo(title, dataProduct, controller, auditor, null),
                LaneRegistry.global())) {
            spec.commandLine().getOut().println(Messages.get("casecli.created", cs.file(), cs.headHash()));
            CaseCli.printReceipt(spec.commandLine().getOut(), cs);
        }
        return ExitCodes.OK;
    }
}
