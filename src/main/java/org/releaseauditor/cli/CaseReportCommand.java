package org.releaseauditor.cli;

import picocli.CommandLine.Command;

/** {@code case report ...}: the same as {@code release-auditor report}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the audit report of a case as one self-contained HTML file or as PDF.")
public final class CaseReportCommand extends ReportCommand {
}
