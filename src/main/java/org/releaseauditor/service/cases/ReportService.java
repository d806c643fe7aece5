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
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.HtmlReportWriter;
import org.releaseauditor.report.PdfReportWriter;
import org.releaseauditor.report.ReportModel;
import org.releaseauditor.report.ReportModelBuilder;
import org.releaseauditor.report.VerdictView;
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
        ReportModel model = model(cs, locale, includeRecords, dataDir, monitor);
        String xhtml;
        try {
            xhtml = HtmlReportWriter.toXhtml(model, format == ReportFormat.PDF);
        } catch (IOException e) {
            throw new AuditStoreException(e, "report.error.chart", String.valueOf(e.getMessage()));
        }
        Path abs = out.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            if (format == ReportFormat.HTML) {
                Files.writeString(tmp, xhtml, StandardCharsets.UTF_8);
            } else {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    PdfReportWriter.write(xhtml, model.attachments(), os);
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

    /**
     * The verdict page's content: the verdict on the release of the decision in force (every run
     * while nothing is decided), recomputed from the stored results and policy copies, and the
     * decision in force with its record, per-output decisions and reviews.
     */
    static VerdictView verdict(CaseService cs, List<RunEntry> runs, Map<Long, List<FindingEntry>> findings,
            List<AuditEvent> events, Locale locale) throws AuditException {
        CaseVerdictService.CaseVerdict v = new CaseVerdictService().verdict(cs, runs, findings, events, locale);
        VerdictView.DecisionView dv = v.decision().map(d -> new VerdictView.DecisionView(d.decision(), d.record(),
                d.outputs(), d.reviews(), d.reviewRequired())).orElse(null);
        return new VerdictView(v.release(), dv, v.allRuns());
    }

    static ReportModel model(CaseService cs, Locale locale, boolean includeRecords, Path dataDir,
            ProgressMonitor monitor) throws AuditException {
        List<RunEntry> runs = cs.runs();
        Map<Long, List<FindingEntry>> findings = new LinkedHashMap<>();
        for (RunEntry r : runs) {
            findings.put(r.id(), cs.findings(r.id()));
        }
        List<AuditEvent> events = cs.history();
        ReportModelBuilder.CaseContent content = new ReportModelBuilder.CaseContent(
                cs.file().getFileName().toString(), cs.info(), cs.datasets(), cs.roleAssignments(),
                cs.attackerModels(), runs, findings, cs.decisions(), events, cs.verify(dataDir, monitor),
                verdict(cs, runs, findings, events, locale));
        return ReportModelBuilder.build(content, locale, includeRecords, AppVersion.get(),
                dataDir == null ? null : dataDir.toString());
    }
}
