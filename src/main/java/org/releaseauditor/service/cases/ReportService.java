package org.releaseauditor.service.cases;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.HtmlReportWriter;
import org.releaseauditor.report.PdfReportWriter;
import org.releaseauditor.report.ReportModel;
import org.releaseauditor.report.ReportModelBuilder;
import org.releaseauditor.service.AppVersion;
import org.releaseauditor.service.LaneRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the report of a case (HTML, or PDF from the same XHTML), for the CLI and the GUI. The
 * case is verified at report time and the result is part of the report.
 */
public final class ReportService {

    private static final Logger LOGGER = LoggerFactory.getLogger(ReportService.class);

    /** Opens the case read-only and writes its report to {@code out}. */
    public void export(Path caseFile, ReportFormat format, Path out, Locale locale, boolean includeRecords,
            Path dataDir, ProgressMonitor monitor) throws AuditException {
        try (CaseService cs = CaseService.open(caseFile, true, LaneRegistry.global())) {
            export(cs, format, out, locale, includeRecords, dataDir, monitor);
        }
    }

    /** Writes the report of an open case to {@code out} (written to a temp file, then moved). */
    public void export(CaseService cs, ReportFormat format, Path out, Locale locale, boolean includeRecords,
            Path dataDir, ProgressMonitor monitor) throws AuditException {
        String xhtml = html(cs, locale, includeRecords, dataDir, monitor);
        Path abs = out.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            if (format == ReportFormat.HTML) {
                Files.writeString(tmp, xhtml, StandardCharsets.UTF_8);
            } else {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    PdfReportWriter.write(xhtml, os);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                LOGGER.debug("could not delete {}", tmp);
            }
            throw new AuditStoreException(e, "report.error.write", abs.toString(), String.valueOf(e.getMessage()));
        }
        LOGGER.info("Report of case {} written as {} ({} runs, records included: {})", cs.file().getFileName(),
                format, cs.runs().size(), includeRecords);
    }

    /** The report as one self-contained XHTML document. */
    public String html(CaseService cs, Locale locale, boolean includeRecords, Path dataDir, ProgressMonitor monitor)
            throws AuditException {
        try {
            return HtmlReportWriter.toXhtml(model(cs, locale, includeRecords, dataDir, monitor));
        } catch (IOException e) {
            throw new AuditStoreException(e, "report.error.chart", String.valueOf(e.getMessage()));
        }
    }

    static ReportModel model(CaseService cs, Locale locale, boolean includeRecords, Path dataDir,
            ProgressMonitor monitor) throws AuditException {
        List<RunEntry> runs = cs.runs();
        Map<Long, List<FindingEntry>> findings = new LinkedHashMap<>();
        for (RunEntry r : runs) {
            findings.put(r.id(), cs.findings(r.id()));
        }
        ReportModelBuilder.CaseContent content = new ReportModelBuilder.CaseContent(
                cs.file().getFileName().toString(), cs.info(), cs.datasets(), cs.roleAssignments(),
                cs.attackerModels(), runs, findings, cs.decisions(), cs.history(), cs.verify(dataDir, monitor));
        return ReportModelBuilder.build(content, locale, includeRecords, AppVersion.get(),
                dataDir == null ? null : dataDir.toString());
    }
}
