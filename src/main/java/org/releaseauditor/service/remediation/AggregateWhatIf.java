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
import org.releaseauditor.core.remediation.aggregate.AggregateAlternatives;
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
    public record Copies(Map<String, DatasetRef> refs, Transformation transformation,
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

    // ------------------------------------------------------------------ coarsening and rounding

    /** The least coarsening of table dimensions along their hierarchies that passes the rules. */
    public AggregateAlternatives.CoarsenResult coarsen(ProtectionRequirement p, ProgressMonitor monitor)
            throws AuditException {
        return AggregateAlternatives.coarsen(release, request.analysis().primaryRules(), p, solver, monitor);
    }

    /** Rounding to {@code base}, or (null) to the smallest of 3, 5, 10 that passes. */
    public AggregateAlternatives.RoundResult round(Integer base, ProtectionRequirement p, ProgressMonitor monitor)
            throws AuditException {
        return AggregateAlternatives.round(release, base, request.analysis().primaryRules(), p, monitor);
    }

    /**
     * Writes the coarsened tables: per table its dimensions and count (a margin as the request's
     * first margin token, {@code Total} by default), one row per coarse cell.
     */
    public Copies writeCoarsened(AggregateAlternatives.CoarsenResult result, Map<String, Path> outputs,
            ProgressMonitor monitor) throws AuditException {
        List<Transformation.AggregatesCoarsened.Level> levels = new ArrayList<>();
        for (AggregateAlternatives.DimensionLevel l : result.changed()) {
            levels.add(new Transformation.AggregatesCoarsened.Level(l.table(), l.dimension(), l.from(), l.to()));
        }
        Transformation t = new Transformation.AggregatesCoarsened(levels);
        String margin = request.analysis().marginTokens().contains(CountTable.TOTAL_LABEL) ? CountTable.TOTAL_LABEL
                : request.analysis().marginTokens().get(0);
        return writeEach(t, outputs, monitor, (table, in, m) -> {
            CountTable coarse = result.coarsened().tables().stream().filter(c -> c.name().equals(table.name()))
                    .findFirst().orElseThrow();
            return tableDataset(in.fileName(), coarse, table.count(), margin);
        });
    }

    /** Writes the rounded tables: the count of every row replaced by its rounded value, every other value kept. */
    public Copies writeRounded(AggregateAlternatives.RoundResult result, Map<String, Path> outputs,
            ProgressMonitor monitor) throws AuditException {
        Transformation t = new Transformation.AggregatesRounded(result.chosen().base(),
                request.analysis().tables().stream().map(AggregatesRequest.Table::name).toList());
        return writeEach(t, outputs, monitor, (table, in, m) -> {
            CountTable rounded = result.chosen().rounded().tables().stream()
                    .filter(c -> c.name().equals(table.name())).findFirst().orElseThrow();
            Dataset original = datasets.loadInput(in, RAW, m).data();
            return withCounts(original, table.count(), rounded);
        });
    }

    /** The dataset of one table's copy. */
    @FunctionalInterface
    private interface CopyMaker {
        Dataset make(AggregatesRequest.Table table, DatasetRef in, ProgressMonitor monitor) throws AuditException;
    }

    private Copies writeEach(Transformation t, Map<String, Path> outputs, ProgressMonitor monitor, CopyMaker maker)
            throws AuditException {
        Map<String, DatasetRef> refs = new LinkedHashMap<>();
        List<RemediationCondition> conditions = new ArrayList<>();
        Map<String, DatasetRef> replaced = new LinkedHashMap<>();
        List<AggregatesRequest.Table> tables = request.analysis().tables();
        for (int i = 0; i < tables.size(); i++) {
            AggregatesRequest.Table table = tables.get(i);
            String role = AggregatesRequest.TABLE + table.name();
            DatasetRef in = inputs.roles().get(role);
            Path out = outputs.getOrDefault(RemediationCall.COPY_OF + table.name(), Remediations.defaultCopy(in.path()));
            Remediations.checkOutput(out, inputs.roles().values());
            ProgressMonitor m = monitor.slice((double) i / tables.size(), (double) (i + 1) / tables.size());
            Dataset copy = maker.make(table, in, m.slice(0, 0.5));
            char delimiter = datasets.sniff(in.path(), RAW).delimiter();
            DatasetFingerprint fp = RemediatedCsvWriter.write(copy, out, delimiter, m.slice(0.5, 1));
            DatasetRef ref = new DatasetRef(fp.path(), fp.sha256(), fp.sizeBytes());
            refs.put(RemediationCall.COPY_OF + table.name(), ref);
            conditions.add(new RemediationCondition(in.fileName(), in.sha256(), t, ref.fileName(), ref.sha256(),
                    ref.sizeBytes()));
            replaced.put(role, ref);
        }
        LaneInputs.Builder reaudit = LaneInputs.builder();
        for (Map.Entry<String, DatasetRef> e : inputs.roles().entrySet()) {
            DatasetRef r = replaced.getOrDefault(e.getKey(), e.getValue());
            reaudit.put(e.getKey(), DatasetRef.expecting(r.path(), r.sha256()));
        }
        return new Copies(refs, t, conditions, reaudit.build());
    }

    /** A table as a dataset of its dimensions and count, one row per cell. */
    static Dataset tableDataset(String name, CountTable t, String countColumn, String margin) {
        int n = t.cellCount();
        List<org.releaseauditor.core.model.Column> cols = new ArrayList<>();
        for (int d = 0; d < t.dimensions().size(); d++) {
            String[] v = new String[n];
            for (int c = 0; c < n; c++) {
                int code = t.code(d, c);
                v[c] = code == CountTable.TOTAL ? margin : t.value(d, code);
            }
            cols.add(column(t.dimensions().get(d), org.releaseauditor.core.model.ColumnType.CATEGORICAL, v));
        }
        String[] counts = new String[n];
        for (int c = 0; c < n; c++) {
            counts[c] = Assembly.num(t.raw(c));
        }
        cols.add(column(countColumn, org.releaseauditor.core.model.ColumnType.INTEGER, counts));
        return new Dataset(name, cols);
    }

    /** The original dataset with its count column replaced, row c by cell c of {@code t}. */
    static Dataset withCounts(Dataset original, String countColumn, CountTable t)
            throws org.releaseauditor.core.error.ConfigurationException {
        int idx = original.indexOf(countColumn);
        if (idx < 0) {
            throw new org.releaseauditor.core.error.ConfigurationException("risk.config.unknownColumn", countColumn,
                    "count", original.name(), String.join(", ", original.columnNames()));
        }
        String[] counts = new String[original.rowCount()];
        for (int r = 0; r < counts.length; r++) {
            counts[r] = Assembly.num(t.raw(r));
        }
        org.releaseauditor.core.model.Column c = original.columns().get(idx);
        return original.withColumn(idx, column(c.name(), c.type(), counts));
    }

    private static org.releaseauditor.core.model.Column column(String name, org.releaseauditor.core.model.ColumnType type,
            String[] values) {
        Map<String, Integer> dict = new LinkedHashMap<>();
        int[] codes = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            codes[r] = dict.computeIfAbsent(values[r], k -> dict.size());
        }
        return new org.releaseauditor.core.model.Column(name, type, dict.keySet().toArray(new String[0]), codes,
                codes.length);
    }

    /**
     * One alternative (coarsen or round) and the re-audit of its copies (temporary files, then
     * deleted); no re-audit when it does not pass.
     *
     * @param method  {@code coarsen} or {@code round}
     * @param coarsen the coarsening (method coarsen)
     * @param round   the rounding (method round)
     * @param after   the re-audit of the copies, or null
     */
    public record AlternativePreview(String method, AggregateAlternatives.CoarsenResult coarsen,
            AggregateAlternatives.RoundResult round, Reaudit<AggregatesRequest, AggregatesOutput> after) {

        /** Whether the alternative passes its own check (and so was re-audited). */
        public boolean found() {
            return coarsen != null ? coarsen.found() : round.found();
        }
    }

    /** An alternative with the copies it wrote (null when it does not pass). */
    record Ran(AlternativePreview preview, Copies copies) {
    }

    /** Runs an alternative, writes its copies to {@code outputs} and re-audits them; nothing written when it fails. */
    public AlternativePreview alternative(String method, Integer base, double absolute, double percent,
            Map<String, Path> outputs, ProgressMonitor monitor) throws AuditException {
        return run(method, base, analysis(absolute, percent), outputs, monitor).preview();
    }

    Ran run(String method, Integer base, AggregatesRequest analysis, Map<String, Path> outputs,
            ProgressMonitor monitor) throws AuditException {
        AggregateRemediationRequest.Builder.countsOnly(request.analysis(), method);
        ProtectionRequirement p = analysis.protection();
        AggregateAlternatives.CoarsenResult c = null;
        AggregateAlternatives.RoundResult r = null;
        Copies copies;
        if ("coarsen".equals(method)) {
            c = coarsen(p, monitor.slice(0, 0.6));
            copies = c.found() ? writeCoarsened(c, outputs, monitor.slice(0.6, 0.7)) : null;
        } else if ("round".equals(method)) {
            r = round(base, p, monitor.slice(0, 0.6));
            copies = r.found() ? writeRounded(r, outputs, monitor.slice(0.6, 0.7)) : null;
        } else {
            throw new IllegalArgumentException("not an alternative: " + method);
        }
        Reaudit<AggregatesRequest, AggregatesOutput> after = copies == null ? null
                : reaudit(copies, analysis, monitor.slice(0.7, 1));
        return new Ran(new AlternativePreview(method, c, r, after), copies);
    }

    /** An alternative on temporary copies (the GUI's live comparison). */
    public AlternativePreview previewAlternative(String method, Integer base, double absolute, double percent,
            ProgressMonitor monitor) throws AuditException {
        Map<String, Path> outputs = new LinkedHashMap<>();
        List<Path> temps = new ArrayList<>();
        try {
            for (AggregatesRequest.Table t : request.analysis().tables()) {
                Path tmp = Remediations.tempCopy(inputs.roles().get(AggregatesRequest.TABLE + t.name()).fileName());
                temps.add(tmp);
                outputs.put(RemediationCall.COPY_OF + t.name(), tmp);
            }
            return alternative(method, base, absolute, percent, outputs, monitor);
        } finally {
            temps.forEach(Remediations::deleteTemp);
        }
    }

    /** Writes the copies of an alternative, re-audits them and describes them as an outcome a case can record. */
    public RemediationOutcome saveAlternative(Reaudit<AggregatesRequest, AggregatesOutput> before, String method,
            Integer base, double absolute, double percent, Map<String, Path> outputs, ProgressMonitor monitor)
            throws AuditException {
        AggregateRemediationRequest req = request.toBuilder().method(method)
                .roundingBase("round".equals(method) ? base : null).analysis(analysis(absolute, percent)).build();
        Ran ran = run(method, base, req.analysis(), outputs, monitor);
        return outcome(req, before, ran.preview(), ran.copies());
    }

    /** The outcome of an alternative (shared by the command and the GUI's save). */
    RemediationOutcome outcome(AggregateRemediationRequest req, Reaudit<AggregatesRequest, AggregatesOutput> before,
            AlternativePreview p, Copies copies) {
        com.fasterxml.jackson.databind.node.ObjectNode root = p.coarsen() != null
                ? org.releaseauditor.io.RemediationJson.aggregatesCoarsen(p.coarsen())
                : org.releaseauditor.io.RemediationJson.aggregatesRound(p.round());
        Assembly.common(root, req, policy, inputs, before, AggregateRemediationService.SUMMARY);
        Assembly.outcome(root, copies == null ? null : copies.transformation(), copies == null ? Map.of()
                : copies.refs(), copies == null ? List.of() : copies.conditions(), p.after(),
                AggregateRemediationService.SUMMARY);
        root.put("found", copies != null);
        return new RemediationOutcome(AggregatesRequest.LANE, req, inputs, before, copies != null,
                copies == null ? null : copies.transformation(), copies == null ? Map.of() : copies.refs(),
                copies == null ? List.of() : copies.conditions(), p.after(), Remediations.write(root),
                AggregateRemediationService.alternativeText(req, this, p, before, copies));
    }
}
