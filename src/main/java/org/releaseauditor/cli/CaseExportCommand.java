package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.cases.CaseExport;
import org.releaseauditor.service.cases.CaseRecords.ExportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code case export CASE --to DIR [--data-dir DIR]}: the approved outputs, report.html, report.pdf,
 * the case file, manifest.json and SHA256SUMS. Exit 1, writing nothing, when nothing is approved.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export exactly the approved outputs with the report, the case file and SHA256SUMS "
                + "(exit 1, writing nothing, when nothing is approved).")
public final class CaseExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file (opened read-only).")
    Path caseFile;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "A new (or empty) folder.")
    Path to;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the data files are now (by file name), instead of their recorded paths.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        try {
            ExportResult r = new CaseExport().export(caseFile, to, dataDir, Messages.locale(), ProgressMonitor.none());
            spec.commandLine().getOut().println(Messages.get("casecli.exported", r.decisionId(), r.dir(),
                    r.outputs().size(), r.headHash()));
            return ExitCodes.OK;
        } catch (CaseExport.NothingApprovedException e) {
            spec.commandLine().getErr().println(Messages.get("cli.error.prefix") + " " + e.getLocalizedMessage());
            return ExitCodes.POLICY_FAILED;
        }
    }
}
