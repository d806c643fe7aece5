package org.releaseauditor.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.VerificationReport;

/**
 * Everything a report shows, already computed: the writers only lay it out. Pure data.
 *
 * @param locale         report language
 * @param generatedAt    when the report was made
 * @param appVersion     application version that made it
 * @param caseFileName   file name of the case
 * @param info           case metadata
 * @param datasets       datasets with fingerprints
 * @param roles          role assignments
 * @param attackerModels attacker models
 * @param runs           every run with its numbers, charts and findings
 * @param decisions      decision history, oldest first
 * @param events         the event log, oldest first
 * @param verification   verification result at report time
 * @param verifyCommand  the exact command that verifies the case
 * @param includeRecords whether record values (riskiest-class tables) are included
 * @param verdict        the verdict page: the release's verdict and the decision in force
 * @param attachments    long per-cell and per-class lists, as CSV files (embedded in the HTML,
 *                       attached to the PDF); the tables in the body name them
 */
public record ReportModel(Locale locale, Instant generatedAt, String appVersion, String caseFileName, CaseInfo info,
        List<DatasetEntry> datasets, List<RoleAssignment> roles, List<AttackerModel> attackerModels,
        List<RunSection> runs, List<DecisionEntry> decisions, List<AuditEvent> events,
        VerificationReport verification, String verifyCommand, boolean includeRecords, VerdictView verdict,
        List<Attachment> attachments) {

    public ReportModel {
        attachments = List.copyOf(attachments);
        datasets = List.copyOf(datasets);
        roles = List.copyOf(roles);
        attackerModels = List.copyOf(attackerModels);
        runs = List.copyOf(runs);
        decisions = List.copyOf(decisions);
        events = List.copyOf(events);
    }

    /** The head hash of the chain at report time. */
    public String headHash() {
        return verification.headHash();
    }

    /**
     * One analysis run.
     *
     * @param id            run id
     * @param lane          lane
     * @param engineVersion engine version
     * @param at            when
     * @param datasetIds    datasets analysed
     * @param parameters    parameter rows
     * @param metrics       every number of the result (scalar rows)
     * @param tables        array-valued results as tables
     * @param charts        charts to draw
     * @param hiddenNotes   notes on hidden record-value sections
     * @param findings      stored findings (latest evaluation per policy)
     * @param evaluation    the attacks of an evaluation-lane run, or null for other lanes
     */
    public record RunSection(long id, String lane, String engineVersion, Instant at, List<Long> datasetIds,
            List<MetricRow> parameters, List<MetricRow> metrics, List<MetricTable> tables, List<ChartSpec> charts,
            List<String> hiddenNotes, List<FindingRow> findings, EvaluationReportSection.Model evaluation) {

        /** A run without a lane-specific section. */
        public RunSection(long id, String lane, String engineVersion, Instant at, List<Long> datasetIds,
                List<MetricRow> parameters, List<MetricRow> metrics, List<MetricTable> tables, List<ChartSpec> charts,
                List<String> hiddenNotes, List<FindingRow> findings) {
            this(id, lane, engineVersion, at, datasetIds, parameters, metrics, tables, charts, hiddenNotes, findings,
                    null);
        }

        public RunSection {
            datasetIds = List.copyOf(datasetIds);
            parameters = List.copyOf(parameters);
            metrics = List.copyOf(metrics);
            tables = List.copyOf(tables);
            charts = List.copyOf(charts);
            hiddenNotes = List.copyOf(hiddenNotes);
            findings = List.copyOf(findings);
        }
    }

    /**
     * One number (or value) with its metric path, its label from the metric catalogue, a one-line
     * explanation and its state under the policy (NOT_JUDGED when no rule reads it).
     */
    public record MetricRow(String path, String label, String value, String explanation,
            org.releaseauditor.core.verdict.VerdictStatus status) {
        public MetricRow(String path, String value, String explanation) {
            this(path, path, value, explanation, org.releaseauditor.core.verdict.VerdictStatus.NOT_JUDGED);
        }
    }

    /**
     * An array of the result rendered as a table; {@code explanation} says what the table is.
     * {@code attachment} names the CSV file that holds the rows when the table is too long for
     * the body (then {@code rows} is empty and {@code rowCount} says how many the file holds).
     */
    public record MetricTable(String path, String label, String explanation, List<String> columns,
            List<List<String>> rows, String attachment, int rowCount) {
        public MetricTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        public MetricTable(String path, String explanation, List<String> columns, List<List<String>> rows) {
            this(path, path, explanation, columns, rows, null, rows.size());
        }
    }

    /** A CSV file that belongs to the report (a long table), with a short description. */
    public record Attachment(String fileName, String description, String csv) {
    }

    /** A chart: bar or line, points (x label, y value). */
    public record ChartSpec(String path, String title, String xLabel, String yLabel, boolean line,
            List<String> xs, List<Double> ys) {
        public ChartSpec {
            xs = List.copyOf(xs);
            ys = List.copyOf(ys);
        }
    }

    /** A policy finding as shown. */
    public record FindingRow(String policy, String rule, String measured, String status, String explanation) {
    }
}
