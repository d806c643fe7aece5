package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.aggregate.AggregateRemediation;
import org.releaseauditor.io.RemediationJson;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.policy.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates remediation end to end: checks, the audit as submitted (LP audit on), primary and
 * secondary suppression proven by the audit, one copy per table with its SHA-256 and the re-audit
 * of the copies through the aggregates lane.
 */
public final class AggregateRemediationService {

    private static final Logger LOGGER = LoggerFactory.getLogger(AggregateRemediationService.class);
    private static final Pattern MIN_COUNT = Pattern.compile(
            "tables\\.(\\*|\\d+)\\.minCount|aggregates\\.minCount\\.(\\*|[^.]+)");
    private static final List<String> ZERO_RULES = List.of("aggregates.unsafeCells", "aggregates.exposedCells",
            "aggregates.recoverableCells");
    static final List<String> SUMMARY = List.of("aggregates.cells", "aggregates.suppressedCells",
            "aggregates.unsafeCells", "aggregates.exposedCells", "aggregates.recoverableCells");

    private final Lane<AggregatesRequest, AggregatesOutput> lane;
    private final DatasetService datasets;
    private final IntervalSolver solver;
    private final PolicyService policies = new PolicyService();

    public AggregateRemediationService() {
        this(registered(), new DatasetService(), new OjAlgoIntervalSolver());
    }

    /** With the LP solver the lane uses (the GUI's what-if panel). */
    public AggregateRemediationService(Lane<AggregatesRequest, AggregatesOutput> lane, DatasetService datasets) {
        this(lane, datasets, new OjAlgoIntervalSolver());
    }

    public AggregateRemediationService(Lane<AggregatesRequest, AggregatesOutput> lane, DatasetService datasets,
            IntervalSolver solver) {
        this.lane = lane;
        this.datasets = datasets;
        this.solver = solver;
    }

    private static AggregatesLane registered() {
        try {
            return LaneRegistry.global().require(AggregatesRequest.LANE, AggregatesLane.class);
        } catch (ConfigurationException e) {
            throw new IllegalStateException("the aggregates lane is always registered", e);
        }
    }

    /** A call checked against its files. */
    public record Checked(LaneInputs inputs, PolicyProfile policy, Map<String, Path> copies) {
    }

    /**
     * Checks before any work: the lane request against the tables, the policy (every FAIL rule must
     * be one the suppression can meet: {@code tables.*.minCount} or {@code aggregates.minCount.*} at most the threshold rule's
     * bound, {@code aggregates.unsafeCells|exposedCells|recoverableCells} at 0), and the copies.
     */
    public Checked check(RemediationCall<AggregateRemediationRequest> call) throws AuditException {
        AggregateRemediationRequest r = call.request();
        LaneInputs.Builder b = LaneInputs.builder();
        call.inputs().forEach((role, location) -> b.put(role, Path.of(location)));
        LaneInputs inputs = b.build();
        lane.validate(r.analysis(), inputs);
        PolicyProfile policy = policies.load(r.policy());
        checkPolicy(policy, r.analysis(), r.warnAsFail());
        Map<String, Path> copies = new LinkedHashMap<>();
        for (AggregatesRequest.Table t : r.analysis().tables()) {
            String role = RemediationCall.COPY_OF + t.name();
            DatasetRef in = inputs.require(AggregatesRequest.TABLE + t.name(), AggregatesRequest.LANE,
                    "--table " + t.name() + "=FILE");
            String out = call.outputs().get(role);
            Path p = out != null ? Path.of(out).toAbsolutePath().normalize() : Remediations.defaultCopy(in.path());
            Remediations.checkOutput(p, inputs.roles().values());
            if (copies.containsValue(p)) {
                throw new ConfigurationException("remediation.error.copyTwice", p.toString());
            }
            copies.put(role, p);
        }
        return new Checked(inputs, policy, copies);
    }

    /** Every FAIL rule (and WARN rule with {@code warnAsFail}) must be one the suppression can meet. */
    static void checkPolicy(PolicyProfile policy, AggregatesRequest a, boolean warnAsFail)
            throws ConfigurationException {
        List<String> unsupported = new ArrayList<>();
        for (PolicyRule rule : policy.rules()) {
            if (rule.severity() != Severity.FAIL && !warnAsFail) {
                continue;
            }
            if (MIN_COUNT.matcher(rule.metric()).matches()
                    && (rule.operator() == Operator.GE || rule.operator() == Operator.GT)) {
                double need = rule.operator() == Operator.GE ? rule.threshold() : Math.floor(rule.threshold()) + 1;
                ThresholdRule t = a.thresholdRule();
                double published = t == null ? Double.NaN : t.operator() == ThresholdRule.Operator.LT ? t.threshold()
                        : Math.floor(t.threshold()) + 1;
                if (t == null || published < need) {
                    throw new ConfigurationException("remediation.aggregate.threshold", policy.id(), rule.describe(),
                            t == null ? "-" : t.operator().symbol() + " " + Assembly.num(t.threshold()),
                            Assembly.num(Math.ceil(need)));
                }
            } else if (ZERO_RULES.contains(rule.metric()) && rule.threshold() == 0
                    && (rule.operator() == Operator.EQ || rule.operator() == Operator.LE)) {
                continue;
            } else {
                unsupported.add(rule.describe());
            }
        }
        if (!unsupported.isEmpty()) {
            throw new ConfigurationException("remediation.policy.unsupported", policy.id(),
                    String.join("; ", unsupported), "tables.*.minCount, aggregates.minCount.*, "
                            + "aggregates.unsafeCells, "
                            + "aggregates.exposedCells, aggregates.recoverableCells");
        }
    }

    /** Audits a release through the lane and judges it by the policy. */
    public Reaudit<AggregatesRequest, AggregatesOutput> audit(AggregatesRequest request, LaneInputs inputs,
            PolicyProfile policy, ProgressMonitor monitor) throws AuditException {
        LaneResult<AggregatesRequest, AggregatesOutput> r = lane.analyze(request, inputs, monitor);
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }

    /**
     * A what-if session on a release the aggregates lane has analysed (the dashboard's latest
     * result, which must include the LP audit): its tables as read, with the remediation options
     * of {@code base}.
     */
    public AggregateWhatIf prepare(LaneResult<AggregatesRequest, AggregatesOutput> result,
            AggregateRemediationRequest.Builder base, PolicyProfile policy) throws AuditException {
        AggregateRemediationRequest r = base.analysis(result.request()).build();
        checkPolicy(policy, r.analysis(), r.warnAsFail());
        return prepare(r, result, policy);
    }

    /** A what-if session on the tables of an audit (its release set and hashed inputs). */
    public AggregateWhatIf prepare(AggregateRemediationRequest r, LaneResult<AggregatesRequest, AggregatesOutput> audit,
            PolicyProfile policy) {
        return new AggregateWhatIf(r, audit.output().release(), policy, audit.inputs(), lane, solver, datasets);
    }

    /** Runs the whole remediation; nothing is written when the suppression cannot be proven safe. */
    public RemediationOutcome run(RemediationCall<AggregateRemediationRequest> call, ProgressMonitor monitor)
            throws AuditException {
        Checked c = check(call);
        AggregateRemediationRequest r = call.request();
        if (r.method().equals("round")) { // refuse a release with withheld cells before the (long) audit
            org.releaseauditor.core.remediation.aggregate.AggregateAlternatives.requireEveryCount(
                    new org.releaseauditor.service.aggregates.AggregateAnalysisService(datasets, solver)
                            .load(r.analysis(), c.inputs(), monitor.slice(0, 0.05)));
        }
        Reaudit<AggregatesRequest, AggregatesOutput> before = audit(r.analysis(), c.inputs(), c.policy(),
                monitor.slice(0, 0.3));
        AggregateWhatIf w = prepare(r, before.result(), c.policy());
        if (!r.method().equals("suppress")) {
            AggregateWhatIf.Ran ran = w.run(r.method(), r.roundingBase(), r.analysis(), c.copies(),
                    monitor.slice(0.3, 1));
            RemediationOutcome o = w.outcome(r, before, ran.preview(), ran.copies());
            LOGGER.info("Aggregate remediation ({}): found={}, re-audit passed={}", r.method(), o.found(), o.passed());
            return o;
        }
        AggregateRemediation.Result result = w.evaluate(monitor.slice(0.3, 0.7));
        AggregateWhatIf.Copies copies = null;
        Reaudit<AggregatesRequest, AggregatesOutput> after = null;
        if (result.safe()) {
            copies = w.write(result, r.objective(), c.copies(), monitor.slice(0.7, 0.8));
            after = w.reaudit(copies, monitor.slice(0.8, 1));
        }
        ObjectNode root = RemediationJson.aggregates(result);
        root.put("method", "suppress");
        root.put("objective", r.objective());
        root.put("token", r.token());
        Assembly.common(root, r, c.policy(), w.inputs(), before, SUMMARY);
        Assembly.outcome(root, copies == null ? null : copies.transformation(),
                copies == null ? Map.of() : copies.refs(), copies == null ? List.of() : copies.conditions(), after,
                SUMMARY);
        root.put("found", copies != null);
        LOGGER.info("Aggregate remediation: safe={}, {} cells withheld, re-audit passed={}", result.safe(),
                result.suppressedCells(), after != null && after.passed());
        return new RemediationOutcome(AggregatesRequest.LANE, r, w.inputs(), before, copies != null,
                copies == null ? null : copies.transformation(), copies == null ? Map.of() : copies.refs(),
                copies == null ? List.of() : copies.conditions(), after, Remediations.write(root),
                text(r, w, result, before, copies, after));
    }

    static String text(AggregateRemediationRequest r, AggregateWhatIf w, AggregateRemediation.Result result,
            Reaudit<?, ?> before, AggregateWhatIf.Copies copies, Reaudit<?, ?> after) {
        StringBuilder sb = new StringBuilder();
        String files = String.join(", ", w.inputs().roles().entrySet().stream()
                .filter(e -> e.getKey().startsWith(AggregatesRequest.TABLE)).map(e -> e.getValue().fileName())
                .toList());
        sb.append(Messages.get("remediation.text.header", files, AggregatesRequest.LANE, w.policy().id(),
                w.policy().version())).append('\n');
        Assembly.textAudit(sb, "remediation.text.before", before);
        sb.append(Messages.get("remediation.text.aggregate", result.primary().size(), result.secondary().size(),
                String.format(Locale.ROOT, "%,.0f", result.suppressedTotal()), r.objective(), result.rounds(),
                result.audits(), result.alreadyWithheld())).append('\n');
        sb.append(Messages.get(result.safe() ? "remediation.text.safe" : "remediation.text.unsafe",
                result.exposed().size())).append('\n');
        for (AggregateRemediation.Coarsening co : result.coarsenings()) {
            sb.append("  ").append(Messages.get("remediation.text.coarser", co.table(), co.dimension(), co.level(),
                    co.cellsBefore(), co.cellsAfter(), co.unsafeBefore(), co.unsafeAfter())).append('\n');
        }
        if (copies != null) {
            Assembly.textCopies(sb, copies.refs());
        }
        if (after != null) {
            Assembly.textAudit(sb, "remediation.text.after", after);
        }
        return sb.toString();
    }

    static String alternativeText(AggregateRemediationRequest r, AggregateWhatIf w, AggregateWhatIf.AlternativePreview p,
            Reaudit<?, ?> before, AggregateWhatIf.Copies copies) {
        StringBuilder sb = new StringBuilder();
        String files = String.join(", ", w.inputs().roles().entrySet().stream()
                .filter(e -> e.getKey().startsWith(AggregatesRequest.TABLE)).map(e -> e.getValue().fileName())
                .toList());
        sb.append(Messages.get("remediation.text.header", files, AggregatesRequest.LANE, w.policy().id(),
                w.policy().version())).append('\n');
        Assembly.textAudit(sb, "remediation.text.before", before);
        if (p.coarsen() != null) {
            var c = p.coarsen();
            sb.append(Messages.get(c.found() ? "remediation.text.coarsen" : "remediation.text.coarsenNone",
                    c.cellsBefore(), c.cellsAfter(), c.unsafeBefore(), c.unsafeAfter(), c.evaluated(),
                    c.combinations())).append('\n');
            for (var l : c.found() ? c.changed() : c.levels()) {
                sb.append("  ").append(Messages.get("remediation.text.coarsenLevel", l.table(), l.dimension(), l.from(),
                        l.to())).append('\n');
            }
        } else {
            var rr = p.round();
            for (var t : rr.tried()) {
                sb.append(Messages.get("remediation.text.roundBase", t.base(), t.roundedCells(), t.recomputedCells(),
                        t.unsafeOnRounded(), t.intervals().size(), t.exposed(),
                        Messages.get(t.passes() ? "remediation.text.roundPasses" : "remediation.text.roundFails")))
                        .append('\n');
            }
            sb.append(Messages.get(rr.found() ? "remediation.text.round" : "remediation.text.roundNone",
                    rr.chosen().base())).append('\n');
        }
        if (copies != null) {
            Assembly.textCopies(sb, copies.refs());
        }
        if (p.after() != null) {
            Assembly.textAudit(sb, "remediation.text.after", p.after());
        }
        return sb.toString();
    }
}
