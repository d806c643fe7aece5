package org.releaseauditor.service.remediation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.core.remediation.aggregate.AggregateRemediation;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.io.RemediatedCsvWriter;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.policy.PolicyService;

/**
 * An aggregate release prepared for what-if remediation: the tables as the lane read them (from
 * the audit as submitted). {@link #evaluate} runs primary and secondary suppression for one choice
 * of objective and protection (the GUI's suppression choices), {@link #write} writes the copies
 * (the withheld counts replaced by the token) and {@link #reaudit} analyses them through the
 * aggregates lane. Thread-safe.
 */
public final class AggregateWhatIf {

    /** Tokens are recognised by the aggregate reader itself, so the importer keeps them raw (as the lane). */
    static final ImportOptions RAW = new ImportOptions(null, null, null, null, Set.of(), Set.of(), null);

    private final AggregateRemediationRequest request;
    private final ReleaseSet release;
    private final PolicyProfile policy;
    private final LaneInputs inputs;
    private final Lane<AggregatesRequest, AggregatesOutput> lane;
    private final IntervalSolver solver;
    private final DatasetService datasets;
    private final PolicyService policies = new PolicyService();

    AggregateWhatIf(AggregateRemediationRequest request, ReleaseSet release, PolicyProfile policy, LaneInputs inputs,
            Lane<AggregatesRequest, AggregatesOutput> lane, IntervalSolver solver, DatasetService datasets) {
        this.request = request;
        this.release = release;
        this.policy = policy;
        this.inputs = inputs;
        this.lane = lane;
        this.solver = solver;
        this.datasets = datasets;
    }

    /**
     * The written copies.
     *
     * @param refs           output role ({@code copy:NAME}) → the copy
     * @param transformation every withheld cell
     * @param conditions     one condition per copy
     * @param inputs         the lane inputs of the re-audit (each table replaced by its copy)
     */
    public record Copies(Map<String, DatasetRef> refs, Transformation.Aggregates transformation,
            List<RemediationCondition> conditions, LaneInputs inputs) {
    }

    public AggregateRemediationRequest request() {
        return request;
    }

    public PolicyProfile policy() {
        return policy;
    }

    /** The inputs as read (hashed). */
    public LaneInputs inputs() {
        return inputs;
    }

    /** The tables as read. */
    public ReleaseSet release() {
        return release;
    }

    /** The protection the request asks of withheld cells. */
    public ProtectionRequirement protection() {
        return request.analysis().protection();
    }

    /**
     * Primary and secondary suppression for an objective ({@code total} or {@code cells}) and a
     * protection (width of a withheld cell's interval: in counts and in percent of its upper bound).
     */
    public AggregateRemediation.Result evaluate(String objective, double absolute, double percent,
            ProgressMonitor monitor) throws AuditException {
        AggregatesRequest a = request.analysis();
        // every primary rule of the analysis request, with the dominance boundary, pq and the all-zero convention
        PrimaryRuleConfig rules = a.primaryRules();
        AggregateRemediation.Options o = new AggregateRemediation.Options(rules,
                new ProtectionRequirement(absolute, percent), objective(objective), request.maxRounds(),
                request.cleanupBudget());
        return AggregateRemediation.run(release, o, solver, monitor);
    }

    /** With the request's objective and protection. */
    public AggregateRemediation.Result evaluate(ProgressMonitor monitor) throws AuditException {
        ProtectionRequirement p = protection();
        return evaluate(request.objective(), p.absolute(), p.percent(), monitor);
    }

    static AggregateRemediation.Objective objective(String o) {
        return "cells".equals(o) ? AggregateRemediation.Objective.CELLS : AggregateRemediation.Objective.TOTAL;
    }

    /**
     * Writes one copy per table with the count of every withheld cell replaced by the token; every
     * other value as it was read. {@code outputs}: {@code copy:NAME} → file (default names in the
     * working folder for tables without one).
     */
    public Copies write(AggregateRemediation.Result result, String objective, Map<String, Path> outputs,
            ProgressMonitor monitor) throws AuditException {
        Transformation.Aggregates t = AggregateRemediation.transformation(result, objective(objective),
                request.token());
        Map<String, DatasetRef> refs = new LinkedHashMap<>();
        List<RemediationCondition> conditions = new ArrayList<>();
        LaneInputs.Builder reaudit = LaneInputs.builder();
        Map<String, DatasetRef> replaced = new LinkedHashMap<>();
        List<AggregatesRequest.Table> tables = request.analysis().tables();
        for (int i = 0; i < tables.size(); i++) {
            AggregatesRequest.Table table = tables.get(i);
            String role = AggregatesRequest.TABLE + table.name();
            DatasetRef in = inputs.roles().get(role);
            Path out = outputs.getOrDefault(RemediationCall.COPY_OF + table.name(), Remediations.defaultCopy(in.path()));
            Remediations.checkOutput(out, inputs.roles().values());
            CountTable remediated = result.remediated().tables().stream().filter(c -> c.name().equals(table.name()))
                    .findFirst().orElseThrow();
            ProgressMonitor m = monitor.slice((double) i / tables.size(), (double) (i + 1) / tables.size());
            Dataset original = datasets.loadInput(in, RAW, m.slice(0, 0.5)).data();
            Dataset copy = AggregateRemediation.withheldCopy(original, table.count(), remediated, request.token());
            char delimiter = datasets.sniff(in.path(), RAW).delimiter();
            DatasetFingerprint fp = RemediatedCsvWriter.write(copy, out, delimiter, m.slice(0.5, 1));
            DatasetRef ref = new DatasetRef(fp.path(), fp.sha256(), fp.sizeBytes());
            refs.put(RemediationCall.COPY_OF + table.name(), ref);
            conditions.add(new RemediationCondition(in.fileName(), in.sha256(), t, ref.fileName(), ref.sha256(),
                    ref.sizeBytes()));
            replaced.put(role, DatasetRef.expecting(ref.path(), ref.sha256()));
        }
        for (Map.Entry<String, DatasetRef> e : inputs.roles().entrySet()) {
            DatasetRef r = replaced.getOrDefault(e.getKey(), e.getValue());
            reaudit.put(e.getKey(), DatasetRef.expecting(r.path(), r.sha256()));
        }
        return new Copies(refs, t, conditions, reaudit.build());
    }

    /** The audit of the release as submitted (the dashboard's latest result), judged by the policy. */
    public Reaudit<AggregatesRequest, AggregatesOutput> judge(LaneResult<AggregatesRequest, AggregatesOutput> r) {
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }

    /**
     * One choice of objective and protection, and the re-audit of its copies (written to temporary
     * files, then deleted); no re-audit when the suppression cannot be proven safe.
     */
    public record Preview(AggregateRemediation.Result result, Reaudit<AggregatesRequest, AggregatesOutput> after) {
    }

    /** Suppresses for one choice and re-audits the copies through the lane (the GUI's live comparison). */
    public Preview preview(String objective, double absolute, double percent, ProgressMonitor monitor)
            throws AuditException {
        AggregateRemediation.Result r = evaluate(objective, absolute, percent, monitor.slice(0, 0.6));
        if (!r.safe()) {
            return new Preview(r, null);
        }
        Map<String, Path> outputs = new LinkedHashMap<>();
        List<Path> temps = new ArrayList<>();
        try {
            for (AggregatesRequest.Table t : request.analysis().tables()) {
                Path tmp = Remediations.tempCopy(inputs.roles().get(AggregatesRequest.TABLE + t.name()).fileName());
                temps.add(tmp);
                outputs.put(RemediationCall.COPY_OF + t.name(), tmp);
            }
            Copies copies = write(r, objective, outputs, monitor.slice(0.6, 0.7));
            return new Preview(r, reaudit(copies, analysis(absolute, percent), monitor.slice(0.7, 1)));
        } finally {
            temps.forEach(Remediations::deleteTemp);
        }
    }

    /** The analysis request with another protection (the re-audit asks the same of the copies). */
    AggregatesRequest analysis(double absolute, double percent) throws org.releaseauditor.core.error.ConfigurationException {
        return request.analysis().toBuilder().protection(absolute, percent).build();
    }

    /** Writes the copies of one choice, re-audits them and describes them as an outcome a case can record. */
    public RemediationOutcome save(Reaudit<AggregatesRequest, AggregatesOutput> before, String objective,
            double absolute, double percent, Map<String, Path> outputs, ProgressMonitor monitor)
            throws AuditException {
        AggregateRemediation.Result r = evaluate(objective, absolute, percent, monitor.slice(0, 0.5));
        AggregateRemediationRequest req = request.toBuilder().objective(objective)
                .analysis(analysis(absolute, percent)).build();
        Copies copies = r.safe() ? write(r, objective, outputs, monitor.slice(0.5, 0.6)) : null;
        Reaudit<AggregatesRequest, AggregatesOutput> after = copies == null ? null
                : reaudit(copies, req.analysis(), monitor.slice(0.6, 1));
        com.fasterxml.jackson.databind.node.ObjectNode root = org.releaseauditor.io.RemediationJson.aggregates(r);
        root.put("objective", objective);
        root.put("token", request.token());
        Assembly.common(root, req, policy, inputs, before, AggregateRemediationService.SUMMARY);
        Assembly.outcome(root, copies == null ? null : copies.transformation(), copies == null ? Map.of()
                : copies.refs(), copies == null ? List.of() : copies.conditions(), after,
                AggregateRemediationService.SUMMARY);
        root.put("found", copies != null);
        return new RemediationOutcome(AggregatesRequest.LANE, req, inputs, before, copies != null,
                copies == null ? null : copies.transformation(), copies == null ? Map.of() : copies.refs(),
                copies == null ? List.of() : copies.conditions(), after, Remediations.write(root),
                AggregateRemediationService.text(req, this, r, before, copies, after));
    }

    /** Analyses the copies through the aggregates lane (bound to their SHA-256) and the policy. */
    public Reaudit<AggregatesRequest, AggregatesOutput> reaudit(Copies copies, ProgressMonitor monitor)
            throws AuditException {
        return reaudit(copies, request.analysis(), monitor);
    }

    /** Analyses the copies through the aggregates lane with a given request (another protection). */
    public Reaudit<AggregatesRequest, AggregatesOutput> reaudit(Copies copies, AggregatesRequest analysis,
            ProgressMonitor monitor) throws AuditException {
        LaneResult<AggregatesRequest, AggregatesOutput> r = lane.analyze(analysis, copies.inputs(), monitor);
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }
}
