package org.releaseauditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.verdict.RunVerdict;
import org.releaseauditor.core.verdict.VerdictFinding;
import org.releaseauditor.core.verdict.VerdictStatus;

/** Builds a {@link ReportModel} from the content of a case. */
public final class ReportModelBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportModelBuilder() {
    }

    /** Input of the builder: the case content as read from the store. */
    public record CaseContent(String caseFileName, CaseInfo info, List<DatasetEntry> datasets,
            List<RoleAssignment> roles, List<AttackerModel> attackerModels, List<RunEntry> runs,
            Map<Long, List<FindingEntry>> findings, List<DecisionEntry> decisions, List<AuditEvent> events,
            VerificationReport verification, VerdictView verdict) {
    }

    /** Tables longer than this go to a CSV attachment; the body names the file. */
    static final int MAX_TABLE_ROWS = 12;
    /** Lists of more values than this go to a CSV attachment. */
    static final int MAX_LIST_VALUES = 24;

    public static ReportModel build(CaseContent c, Locale locale, boolean includeRecords, String appVersion,
            String dataDir) {
        List<ReportModel.RunSection> runs = new ArrayList<>();
        List<ReportModel.Attachment> attachments = new ArrayList<>();
        for (RunEntry r : c.runs()) {
            JsonNode resultJson = parse(r.resultJson());
            // an evaluation run's attacks get their own section; the generic list shows the rest
            EvaluationReportSection.Model evaluation = EvaluationReportSection.of(resultJson, locale);
            ResultJsonRenderer result = new ResultJsonRenderer(locale, includeRecords).render(evaluation == null
                    ? resultJson : EvaluationReportSection.withoutAttacks(resultJson));
            List<ReportModel.MetricRow> params = new ArrayList<>();
            ResultJsonRenderer p = new ResultJsonRenderer(locale, true).render(parse(r.paramsJson()));
            for (ReportModel.MetricRow m : p.rows()) {
                params.add(new ReportModel.MetricRow(m.path(), m.value(), ""));
            }
            for (ReportModel.MetricTable t : p.tables()) {
                params.add(new ReportModel.MetricRow(t.path(), t.rows().toString(), ""));
            }
            Optional<RunVerdict> rv = c.verdict() == null ? Optional.empty() : c.verdict().run(r.id());
            List<ReportModel.MetricRow> metrics = new ArrayList<>();
            for (ReportModel.MetricRow m : result.rows()) {
                VerdictStatus st = rv.map(v -> v.statusOf(m.path())).orElse(VerdictStatus.NOT_JUDGED);
                if (m.value().startsWith("[") && m.value().split(",").length > MAX_LIST_VALUES) {
                    String file = fileName(r.id(), m.path());
                    attachments.add(new ReportModel.Attachment(file, m.label(), listCsv(m.value())));
                    metrics.add(new ReportModel.MetricRow(m.path(), m.label(),
                            Messages.get(locale, "vpage.inAttachment", file, m.value().split(",").length),
                            m.explanation(), st));
                } else {
                    metrics.add(new ReportModel.MetricRow(m.path(), m.label(), m.value(), m.explanation(), st));
                }
            }
            List<ReportModel.MetricTable> tables = new ArrayList<>();
            for (ReportModel.MetricTable t : result.tables()) {
                if (t.rows().size() > MAX_TABLE_ROWS) {
                    String file = fileName(r.id(), t.path());
                    attachments.add(new ReportModel.Attachment(file, t.label(), csv(t.columns(), t.rows())));
                    tables.add(new ReportModel.MetricTable(t.path(), t.label(), t.explanation(), t.columns(),
                            List.of(), file, t.rows().size()));
                } else {
                    tables.add(t);
                }
            }
            List<ReportModel.FindingRow> fr = new ArrayList<>();
            if (rv.isPresent() && !rv.get().verdicts().isEmpty()) {
                for (var v : rv.get().verdicts()) {
                    for (VerdictFinding f : v.findings()) {
                        fr.add(new ReportModel.FindingRow(f.policyId() + " " + f.policyVersion(), f.label() + ": "
                                + f.requirement(locale), f.measuredText(locale), f.status().name(),
                                f.sentence() + (f.why().isEmpty() ? "" : " " + f.why())));
                    }
                }
            } else {
                for (FindingEntry f : c.findings().getOrDefault(r.id(), List.of())) {
                    fr.add(new ReportModel.FindingRow(f.policyId() + " " + f.policyVersion(),
                            f.metric() + " " + f.operator() + " " + PolicyEvaluator.format(f.threshold()),
                            f.measured() == null ? Messages.get(locale, "report.notMeasured")
                                    : PolicyEvaluator.format(f.measured()),
                            f.status(), f.explanation()));
                }
            }
            runs.add(new ReportModel.RunSection(r.id(), r.lane(), r.engineVersion(), r.at(), r.datasetIds(), params,
                    metrics, tables, result.charts(), result.hiddenNotes(), fr, evaluation));
        }
        String cmd = "release-auditor verify " + quote(c.caseFileName())
                + (dataDir == null ? "" : " --data-dir " + quote(dataDir));
        return new ReportModel(locale, Instant.now(), appVersion, c.caseFileName(), c.info(), c.datasets(), c.roles(),
                c.attackerModels(), runs, c.decisions(), c.events(), c.verification(), cmd, includeRecords, c.verdict(),
                attachments);
    }

    /** {@code run3-audit.csv}: the run and the path, safe as a file name. */
    static String fileName(long runId, String path) {
        return "run" + runId + "-" + path.replaceAll("[^A-Za-z0-9._-]+", "_") + ".csv";
    }

    /** RFC 4180 CSV of a table. */
    static String csv(List<String> columns, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, columns);
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    private static String listCsv(String bracketed) {
        String inner = bracketed.substring(1, bracketed.length() - 1);
        StringBuilder b = new StringBuilder("value\r\n");
        for (String v : inner.split(",\\s*")) {
            line(b, List.of(v.strip()));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) {
                b.append(',');
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append("\r\n");
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9._/:-]+") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // stored JSON was validated on insert; show it as text if it is not parseable any more
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
