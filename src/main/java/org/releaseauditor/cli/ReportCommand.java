package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.cases.ReportFormat;
import org.releaseauditor.service.cases.ReportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code release-auditor report CASE --format html|pdf --out FILE [--lang de] [--include-records]}.
 * The language follows the global {@code --lang} option.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the audit report of a case as one self-contained HTML file or as PDF.")
public class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file (opened read-only).")
    Path caseFile;

    @Option(names = "--format", defaultValue = "html", description = "html or pdf (default: html).")
    ReportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report file to write.")
    Path out;

    @Option(names = "--include-records",
            description = "Include record values (riskiest-class tables). Off by default: the report then holds no record values.")
    boolean includeRecords;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the data files are now (for the verification part).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        new ReportService().export(caseFile, format, out, Messages.locale(), includeRecords, dataDir,
                ProgressMonitor.none());
        spec.commandLine().getOut().println(Messages.get("casecli.reportWritten", out.toAbsolutePath(), format));
        return ExitCodes.OK;
    }
}
