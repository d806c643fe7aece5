package org.releaseauditor.report;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.i18n.Messages;

/**
 * Writes a {@link ReportModel} as one self-contained XHTML document: inline CSS, charts as
 * base64 PNG data URIs. The same XHTML feeds {@link PdfReportWriter}.
 */
public final class HtmlReportWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String CSS = """
            @page { size: A4; margin: 18mm 14mm; }
            body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt; color: #222; }
            h1 { font-size: 18pt; margin-bottom: 2pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999;
            margin-top: 18pt; } h3 { font-size: 11.5pt; margin-top: 12pt; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; }
            th, td { border: 1px solid #ccc; padding: 2pt 4pt; text-align: left; vertical-align: top; }
            th { background: #eef2f7; } td.num { text-align: right; font-family: 'DejaVu Sans Mono', monospace; }
            .mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; word-wrap: break-word; }
            .ok { color: #1a7f37; font-weight: bold; } .broken, .FAIL { color: #b42318; font-weight: bold; }
            .WARN { color: #9a6700; font-weight: bold; } .PASS { color: #1a7f37; font-weight: bold; }
            .expl { color: #555; font-size: 8.5pt; } .note { background: #fff8e1; padding: 4pt; }
            .superseded { color: #777; } img { max-width: 100%; }
            .verdict-page { page-break-after: always; }
            .verdict-page h1 { font-size: 17pt; margin: 0 0 2pt 0; }
            .verdict-page h2 { font-size: 11.5pt; margin: 9pt 0 3pt 0; }
            .verdict-page table { margin: 2pt 0 4pt 0; font-size: 9pt; }
            .verdict-page td.k { width: 28%; color: #444; }
            .banner { font-size: 15pt; font-weight: bold; padding: 4pt 8pt; margin: 4pt 0; border-radius: 3pt; }
            .banner.FAIL { background: #fde8e6; color: #8f1c12; border: 1.5pt solid #b42318; }
            .banner.PASS { background: #e6f4ea; color: #14602a; border: 1.5pt solid #1a7f37; }
            .banner.WARN { background: #fff4d6; color: #6d4c00; border: 1.5pt solid #9a6700; }
            .banner.NOT_JUDGED { background: #f0f0f0; color: #333; border: 1.5pt solid #888; }
            ul.findings { margin: 2pt 0 4pt 0; padding-left: 14pt; } ul.findings li { margin-bottom: 2pt; }
            .tag { white-space: nowrap; font-weight: bold; font-size: 8pt; padding: 0 3pt; border-radius: 2pt; color: #fff; }
            .tag.FAIL { background: #b42318; color: #fff; } .tag.WARN { background: #9a6700; color: #fff; }
            .tag.PASS { background: #1a7f37; color: #fff; } .tag.NOT_JUDGED { background: #777; color: #fff; }
            .override { background: #fff1c2; border: 2pt solid #b42318; padding: 4pt 6pt; margin: 4pt 0; }
            .sha { font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; word-wrap: break-word; }
            .cmd { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; background: #f4f4f4;
            padding: 3pt; word-wrap: break-word; }
            td.st-FAIL { background: #fde8e6; } td.st-WARN { background: #fff4d6; } td.st-PASS { background: #eef8f0; }
            .path { color: #888; font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; }
            table.metrics, table.events { table-layout: fixed; }
            table.metrics td { font-size: 8.5pt; } table.metrics td.expl { font-size: 7.5pt; }
            table.events td { font-size: 7.5pt; word-wrap: break-word; }
            .verdict-page { font-size: 9pt; line-height: 1.2; }
            .verdict-page td, .verdict-page th { padding: 1pt 3pt; }
            .banner .sub { font-size: 9.5pt; font-weight: normal; margin-top: 2pt; }
            """;

    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final Locale locale;
    private final boolean forPdf;

    private HtmlReportWriter(Locale locale, boolean forPdf) {
        this.locale = locale;
        this.forPdf = forPdf;
    }

    /** The report as an XHTML string (attachments embedded as data links). */
    public static String toXhtml(ReportModel m) throws IOException {
        return toXhtml(m, false);
    }

    /**
     * The report as an XHTML string; {@code forPdf}: attachments are named, not embedded (the PDF
     * writer attaches them to the document).
     */
    public static String toXhtml(ReportModel m, boolean forPdf) throws IOException {
        return new HtmlReportWriter(m.locale(), forPdf).write(m);
    }

    private String t(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private void row(String... cells) {
        sb.append("<tr>");
        for (String c : cells) {
            sb.append("<td>").append(esc(c)).append("</td>");
        }
        sb.append("</tr>\n");
    }

    private void head(String... cells) {
        sb.append("<tr>");
        for (String c : cells) {
            sb.append("<th>").append(esc(c)).append("</th>");
        }
        sb.append("</tr>\n");
    }

    private String write(ReportModel m) throws IOException {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(locale.getLanguage())
                .append("\">\n<head><meta charset=\"UTF-8\"/><title>").append(esc(t("report.title", m.info().title())))
                .append("</title>\n<style>").append(CSS).append("</style></head>\n<body>\n");
        if (m.verdict() != null) {
            VerdictPageWriter.write(sb, m, locale, TIME);
        }
        sb.append("<h1>").append(esc(t(m.verdict() != null ? "vpage.appendix" : "report.title", m.info().title())))
                .append("</h1>\n<p class=\"expl\">")
                .append(esc(t("report.generated", TIME.format(m.generatedAt()), m.appVersion(), m.caseFileName())))
                .append("</p>\n");
        caseSection(m);
        datasets(m.datasets());
        roles(m.roles(), m.attackerModels());
        for (ReportModel.RunSection r : m.runs()) {
            run(r);
        }
        if (m.runs().isEmpty()) {
            sb.append("<h2>").append(esc(t("report.runs"))).append("</h2><p>").append(esc(t("report.none")))
                    .append("</p>\n");
        }
        decisions(m.decisions());
        integrity(m);
        events(m.events());
        attachments(m.attachments());
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private void caseSection(ReportModel m) {
        sb.append("<h2>").append(esc(t("report.case"))).append("</h2>\n<table>\n");
        row(t("report.case.title"), m.info().title());
        row(t("report.case.dataProduct"), m.info().dataProduct());
        row(t("report.case.controller"), m.info().controller());
        row(t("report.case.auditor"), m.info().auditor());
        row(t("report.case.created"), m.info().createdAt() == null ? "" : TIME.format(m.info().createdAt()));
        sb.append("</table>\n");
        if (!m.includeRecords()) {
            sb.append("<p class=\"expl\">").append(esc(t("report.noRecordValues"))).append("</p>\n");
        } else {
            sb.append("<p class=\"note\">").append(esc(t("report.withRecordValues"))).append("</p>\n");
        }
    }

    private void datasets(List<DatasetEntry> ds) {
        sb.append("<h2>").append(esc(t("report.datasets"))).append("</h2>\n<p class=\"expl\">")
                .append(esc(t("report.datasets.expl"))).append("</p>\n<table>\n");
        head("id", t("report.path"), "SHA-256", t("report.size"), t("report.modified"), t("report.schema"));
        for (DatasetEntry d : ds) {
            sb.append("<tr><td>").append(d.id()).append("</td><td>").append(esc(d.path()))
                    .append("</td><td class=\"mono\">").append(esc(d.sha256())).append("</td><td class=\"num\">")
                    .append(d.sizeBytes()).append("</td><td>").append(esc(TIME.format(d.lastModified())))
                    .append("</td><td>").append(esc(Sentences.schema(d.schemaJson()))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private void roles(List<RoleAssignment> roles, List<AttackerModel> models) {
        sb.append("<h2>").append(esc(t("report.roles"))).append("</h2>\n");
        if (roles.isEmpty()) {
            sb.append("<p>").append(esc(t("report.none"))).append("</p>\n");
        } else {
            sb.append("<table>\n");
            head(t("report.dataset"), t("report.column"), t("report.role"), t("report.actor"), t("report.time"));
            for (RoleAssignment r : roles) {
                row(Long.toString(r.datasetId()), r.column(), r.role(), r.actor(), TIME.format(r.at()));
            }
            sb.append("</table>\n");
        }
        sb.append("<h3>").append(esc(t("report.attackerModels"))).append("</h3>\n");
        if (models.isEmpty()) {
            sb.append("<p>").append(esc(t("report.none"))).append("</p>\n");
        } else {
            sb.append("<table class=\"metrics\">\n<col style=\"width:16%\"/><col style=\"width:50%\"/>")
                    .append("<col style=\"width:14%\"/><col style=\"width:20%\"/>\n");
            head(t("report.name"), t("report.model"), t("report.actor"), t("report.time"));
            for (AttackerModel a : models) {
                sb.append("<tr><td>").append(esc(a.name())).append("</td><td>")
                        .append(esc(Sentences.attacker(a.modelJson(), locale))).append("</td><td>")
                        .append(esc(a.actor())).append("</td><td>")
                        .append(esc(TIME.format(a.at()))).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
    }

    private void run(ReportModel.RunSection r) throws IOException {
        sb.append("<h2>").append(esc(t("report.run", r.id(), org.releaseauditor.core.i18n.Messages.laneName(locale, r.lane())))).append("</h2>\n<p class=\"expl\">")
                .append(esc(t("report.run.meta", TIME.format(r.at()), r.engineVersion(), r.datasetIds().toString())))
                .append("</p>\n");
        sb.append("<h3>").append(esc(t("report.parameters"))).append("</h3>\n<table>\n");
        head(t("report.parameter"), t("report.value"));
        for (ReportModel.MetricRow p : r.parameters()) {
            if (!"-".equals(p.value()) && !"[]".equals(p.value())) {
                row(p.path(), p.value());
            }
        }
        sb.append("</table>\n");
        if (r.evaluation() != null) {
            EvaluationReportSection.write(sb, r.evaluation(), locale);
        }
        sb.append("<h3>").append(esc(t("report.results"))).append("</h3>\n<table class=\"metrics\">\n")
                .append("<col style=\"width:30%\"/><col style=\"width:17%\"/><col style=\"width:53%\"/>\n");
        head(t("report.metric"), t("report.value"), t("report.explanation"));
        List<String> unset = new java.util.ArrayList<>();
        for (ReportModel.MetricRow mr : r.metrics()) {
            if ("-".equals(mr.value())) {
                unset.add(mr.label());
                continue;
            }
            String st = mr.status() == null || !mr.status().judged() ? "" : " st-" + mr.status().name();
            sb.append("<tr><td>").append(esc(mr.label()));
            if (!mr.label().equals(mr.path())) {
                sb.append("<br/><span class=\"path\">").append(esc(mr.path())).append("</span>");
            }
            sb.append("</td><td class=\"num").append(st).append("\">").append(esc(mr.value()));
            if (!st.isEmpty()) {
                sb.append(" <span class=\"tag ").append(mr.status().name()).append("\">")
                        .append(esc(t(mr.status().messageKey()))).append("</span>");
            }
            sb.append("</td><td class=\"expl\">").append(esc(mr.explanation())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (!unset.isEmpty()) {
            sb.append("<p class=\"expl\">").append(esc(t("vpage.unset", String.join("; ", unset)))).append("</p>\n");
        }
        for (String note : r.hiddenNotes()) {
            sb.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        for (ReportModel.ChartSpec c : r.charts()) {
            sb.append("<p><img alt=\"").append(esc(c.title())).append("\" src=\"data:image/png;base64,")
                    .append(ChartRenderer.pngBase64(c)).append("\"/></p>\n");
        }
        for (ReportModel.MetricTable mt : r.tables()) {
            sb.append("<h3>").append(esc(mt.label())).append(" <span class=\"path\">").append(esc(mt.path()))
                    .append("</span></h3>\n<p class=\"expl\">").append(esc(mt.explanation())).append("</p>\n");
            if (mt.attachment() != null) {
                sb.append("<p class=\"note\">").append(esc(t("vpage.tableInAttachment", mt.rowCount(),
                        String.join(", ", mt.columns())))).append(' ');
                attachmentLink(mt.attachment());
                sb.append("</p>\n");
                continue;
            }
            sb.append("<table>\n");
            head(mt.columns().toArray(String[]::new));
            for (List<String> cells : mt.rows()) {
                sb.append("<tr>");
                for (String c : cells) {
                    sb.append("<td class=\"num\">").append(esc(c)).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<h3>").append(esc(t("report.findings"))).append("</h3>\n");
        if (r.findings().isEmpty()) {
            sb.append("<p>").append(esc(t("report.noFindings"))).append("</p>\n");
            return;
        }
        sb.append("<table>\n");
        head(t("report.policy"), t("report.rule"), t("report.measured"), t("report.status"), t("report.explanation"));
        for (ReportModel.FindingRow f : r.findings()) {
            sb.append("<tr><td>").append(esc(f.policy())).append("</td><td class=\"mono\">").append(esc(f.rule()))
                    .append("</td><td class=\"num\">").append(esc(f.measured())).append("</td><td class=\"")
                    .append(esc(f.status())).append("\">")
                    .append(esc(Messages.has("verdict.status." + f.status()) ? t("verdict.status." + f.status())
                            : f.status()))
                    .append("</td><td class=\"expl\">")
                    .append(esc(f.explanation())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private void decisions(List<DecisionEntry> ds) {
        sb.append("<h2>").append(esc(t("report.decisions"))).append("</h2>\n");
        if (ds.isEmpty()) {
            sb.append("<p>").append(esc(t("report.noDecision"))).append("</p>\n");
            return;
        }
        for (int i = ds.size() - 1; i >= 0; i--) {
            DecisionEntry d = ds.get(i);
            boolean current = i == ds.size() - 1;
            sb.append("<h3").append(current ? "" : " class=\"superseded\"").append(">")
                    .append(esc(t(current ? "report.decision.current" : "report.decision.superseded", d.id(),
                            t("decision." + d.outcome().name()))))
                    .append("</h3>\n<table>\n");
            row(t("report.decision.auditor"), d.auditor());
            row(t("report.time"), TIME.format(d.at()));
            row(t("report.decision.rationale"), d.rationale());
            if (!d.conditions().isEmpty()) {
                row(t("report.decision.conditions"), d.conditions());
            }
            row(t("report.decision.runs"), d.runIds().toString());
            sb.append("<tr><td>").append(esc(t("report.decision.datasets"))).append("</td><td class=\"mono\">")
                    .append(esc(d.datasetSha256s())).append("</td></tr>\n");
            sb.append("<tr><td>").append(esc(t("report.decision.chainHead"))).append("</td><td class=\"mono\">")
                    .append(esc(d.chainHead())).append("</td></tr>\n");
            if (d.supersedes() != null) {
                row(t("report.decision.supersedes"), Long.toString(d.supersedes()));
            }
            sb.append("<tr><td>").append(esc(t("report.policy"))).append("</td><td>")
                    .append(esc(d.policyJson() == null ? t("report.none") : Sentences.policyTitle(d.policyJson())))
                    .append("</td></tr>\n");
            sb.append("</table>\n");
            if (d.policyJson() != null) {
                List<List<String>> rules = Sentences.policyRules(d.policyJson(), locale);
                if (!rules.isEmpty()) {
                    sb.append("<table>\n");
                    head(t("vpage.rule.metric"), t("vpage.rule.requirement"), t("vpage.rule.severity"),
                            t("report.explanation"));
                    rules.forEach(rr -> row(rr.toArray(String[]::new)));
                    sb.append("</table>\n");
                }
            }
        }
    }

    private void integrity(ReportModel m) {
        sb.append("<h2>").append(esc(t("report.integrity"))).append("</h2>\n<p>")
                .append(esc(t("report.integrity.head"))).append("</p>\n<p class=\"mono\">").append(esc(m.headHash()))
                .append("</p>\n<p>").append(esc(t("report.integrity.how"))).append("</p>\n<p class=\"mono\">")
                .append(esc(m.verifyCommand())).append("</p>\n<p class=\"expl\">")
                .append(esc(t("report.integrity.definition"))).append("</p>\n<table>\n");
        head(t("report.check"), t("report.status"), t("report.detail"));
        for (VerificationItem v : m.verification().items()) {
            sb.append("<tr><td>").append(esc(v.subject())).append("</td><td class=\"")
                    .append(v.ok() ? "ok" : "broken").append("\">").append(v.ok() ? "OK" : "BROKEN")
                    .append("</td><td class=\"mono\">").append(esc(v.detail())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    /** A link to an attachment: the CSV embedded as a data URI in HTML, named in the PDF. */
    private void attachmentLink(String file) {
        if (forPdf) {
            sb.append("<b>").append(esc(file)).append("</b> ").append(esc(t("vpage.attachedToPdf")));
        } else {
            sb.append("<a download=\"").append(esc(file)).append("\" href=\"#att-").append(esc(file))
                    .append("\">").append(esc(file)).append("</a>");
        }
    }

    /** The list of attachments; in HTML each is embedded as a downloadable data URI. */
    private void attachments(List<ReportModel.Attachment> atts) {
        if (atts.isEmpty()) {
            return;
        }
        sb.append("<h2>").append(esc(t("vpage.attachments"))).append("</h2>\n<p class=\"expl\">")
                .append(esc(t(forPdf ? "vpage.attachments.pdf" : "vpage.attachments.html"))).append("</p>\n<table>\n");
        head(t("vpage.attachment.file"), t("vpage.attachment.content"), t("report.size"));
        for (ReportModel.Attachment a : atts) {
            byte[] bytes = a.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            sb.append("<tr><td id=\"att-").append(esc(a.fileName())).append("\">");
            if (forPdf) {
                sb.append(esc(a.fileName()));
            } else {
                sb.append("<a download=\"").append(esc(a.fileName())).append("\" href=\"data:text/csv;charset=utf-8;base64,")
                        .append(java.util.Base64.getEncoder().encodeToString(bytes)).append("\">")
                        .append(esc(a.fileName())).append("</a>");
            }
            sb.append("</td><td>").append(esc(a.description())).append("</td><td class=\"num\">")
                    .append(bytes.length).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private void events(List<AuditEvent> events) {
        sb.append("<h2>").append(esc(t("report.events"))).append("</h2>\n<table class=\"events\">\n")
                .append("<col style=\"width:5%\"/><col style=\"width:14%\"/><col style=\"width:12%\"/>")
                .append("<col style=\"width:19%\"/><col style=\"width:25%\"/><col style=\"width:25%\"/>\n");
        head("id", t("report.time"), t("report.actor"), t("report.action"), "SHA-256 (" + t("report.dataset") + ")",
                "hash");
        for (AuditEvent e : events) {
            sb.append("<tr><td class=\"num\">").append(e.id()).append("</td><td>").append(esc(e.occurredAt()))
                    .append("</td><td>").append(esc(e.actor())).append("</td><td>").append(esc(e.action()))
                    .append("</td><td class=\"mono\">").append(esc(e.datasetSha256() == null ? "" : e.datasetSha256()))
                    .append("</td><td class=\"mono\">").append(esc(e.hash())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }
}
