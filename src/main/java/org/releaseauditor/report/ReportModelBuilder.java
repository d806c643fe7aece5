package org.releaseauditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** Builds a {@link ReportModel} from the content of a case. */
public final class ReportModelBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportModelBuilder() {
    }

    /** Input of the builder: the case content as read from the store. */
    public record CaseContent(String caseFileName, CaseInfo info, List<DatasetEntry> datasets,
            List<RoleAssignment> roles, List<AttackerModel> attackerModels, List<RunEntry> runs,
            Map<Long, List<FindingEntry>> findings, List<DecisionEntry> decisions, List<AuditEvent> events,
            VerificationReport verification) {
    }

    public static ReportModel build(CaseContent c, Locale locale, boolean includeRecords, String appVersion,
            String dataDir) {
        List<ReportModel.RunSection> runs = new ArrayList<>();
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
            List<ReportModel.FindingRow> fr = new ArrayList<>();
            for (FindingEntry f : c.findings().getOrDefault(r.id(), List.of())) {
                fr.add(new ReportModel.FindingRow(f.policyId() + " " + f.policyVersion(),
                        f.metric() + " " + f.operator() + " " + PolicyEvaluator.format(f.threshold()),
                        f.measured() == null ? Messages.get(locale, "report.notMeasured")
                                : PolicyEvaluator.format(f.measured()),
                        f.status(), f.explanation()));
            }
            runs.add(new ReportModel.RunSection(r.id(), r.lane(), r.engineVersion(), r.at(), r.datasetIds(), params,
                    result.rows(), result.tables(), result.charts(), result.hiddenNotes(), fr, evaluation));
        }
        String cmd = "release-auditor verify " + quote(c.caseFileName())
                + (dataDir == null ? "" : " --data-dir " + quote(dataDir));
        return new ReportModel(locale, Instant.now(), appVersion, c.caseFileName(), c.info(), c.datasets(), c.roles(),
                c.attackerModels(), runs, c.decisions(), c.events(), c.verification(), cmd, includeRecords);
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
