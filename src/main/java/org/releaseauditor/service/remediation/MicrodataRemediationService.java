package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.microdata.GeneralizationHierarchy;
import org.releaseauditor.core.remediation.microdata.HierarchyBuilder;
import org.releaseauditor.core.remediation.microdata.HierarchySpec;
import org.releaseauditor.core.remediation.microdata.HistogramPolicy;
import org.releaseauditor.core.remediation.microdata.LossMeasure;
import org.releaseauditor.core.remediation.microdata.MicrodataRemediation;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchResult;
import org.releaseauditor.core.remediation.microdata.NodeResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.io.HierarchyCsv;
import org.releaseauditor.io.RemediationJson;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneChecks;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.policy.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microdata remediation end to end: checks the request against the files and the policy before
 * any work, audits the release as submitted through the microdata lane, searches the least
 * generalisation and suppression that passes (or applies given levels), writes the copy with its
 * SHA-256, re-audits the copy through the same lane with the same request, and describes it all
 * as one JSON document.
 */
public final class MicrodataRemediationService {

    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataRemediationService.class);
    /** The result paths shown as the before and after summaries. */
    static final List<String> SUMMARY = List.of("records", "suppressedRecords", "classes", "k", "sampleUniqueness",
            "prosecutor.recordsAtRisk", "prosecutor.highest", "prosecutor.successRate", "marketer.successRate");

    private final Lane<MicrodataRequest, MicrodataAnalysis> lane;
    private final DatasetService datasets;
    private final PolicyService policies = new PolicyService();

    /** With the globally registered microdata lane. */
    public MicrodataRemediationService() {
        this(registered(), new DatasetService());
    }

    public MicrodataRemediationService(Lane<MicrodataRequest, MicrodataAnalysis> lane, DatasetService datasets) {
        this.lane = lane;
        this.datasets = datasets;
    }

    private static MicrodataLane registered() {
        try {
            return LaneRegistry.global().require(MicrodataRequest.LANE, MicrodataLane.class);
        } catch (ConfigurationException e) {
            throw new IllegalStateException("the microdata lane is always registered", e);
        }
    }

    /** A call checked against its files: the inputs (unread), the policy and where the copy goes. */
    public record Checked(LaneInputs inputs, PolicyProfile policy, Path copy) {
    }

    /**
     * Checks a call before any work: the inputs (roles {@code data} and {@code hierarchy:COL}), the
     * lane request against the file's header, the drop columns, every hierarchy file, the policy
     * (a FAIL rule the search cannot compute is an error) and the copy's path (never over an input).
     */
    public Checked check(RemediationCall<MicrodataRemediationRequest> call) throws AuditException {
        MicrodataRemediationRequest r = call.request();
        LaneInputs.Builder b = LaneInputs.builder();
        for (Map.Entry<String, String> e : call.inputs().entrySet()) {
            String role = e.getKey();
            if (!role.equals(MicrodataRequest.DATA) && !role.startsWith(MicrodataRemediationRequest.HIERARCHY)) {
                throw new ConfigurationException("remediation.error.input", role, MicrodataRequest.LANE,
                        "data, hierarchy:COLUMN");
            }
            b.put(role, Path.of(e.getValue()));
        }
        LaneInputs inputs = b.build();
        DatasetRef data = inputs.require(MicrodataRequest.DATA, MicrodataRequest.LANE, "--data FILE");
        lane.validate(r.analysis(), LaneInputs.builder().put(MicrodataRequest.DATA, data).build());
        DatasetService.Header h = datasets.header(data.path(), r.analysis().importOptions());
        LaneChecks.columns(h, r.dropColumns(), "--drop");
        for (Map.Entry<String, String> e : r.hierarchies().entrySet()) {
            String role = MicrodataRemediationRequest.HIERARCHY + e.getKey();
            if (MicrodataRemediationRequest.FILE.equals(e.getValue())) {
                DatasetRef f = inputs.require(role, MicrodataRequest.LANE, "--hierarchy " + e.getKey() + "=FILE");
                if (!java.nio.file.Files.isRegularFile(f.path())) {
                    throw new DatasetFormatException(f.path().toString(), 0, 0, "io.error.notFound",
                            f.path().toString());
                }
            } else if (inputs.get(role).isPresent()) {
                throw new ConfigurationException("remediation.error.input", role, MicrodataRequest.LANE,
                        "hierarchy:COLUMN for a hierarchy file");
            }
        }
        PolicyProfile policy = policies.load(r.policy());
        HistogramPolicy.compile(policy, r.analysis().threshold(), r.warnAsFail());
        r.searchOptions(policy).validate();
        String out = call.outputs().get(RemediationCall.COPY);
        Path copy = out != null ? Path.of(out).toAbsolutePath().normalize() : Remediations.defaultCopy(data.path());
        Remediations.checkOutput(copy, inputs.roles().values());
        return new Checked(inputs, policy, copy);
    }

    /** Audits a microdata release through the lane and judges it by the policy. */
    public Reaudit<MicrodataRequest, MicrodataAnalysis> audit(MicrodataRequest request, DatasetRef data,
            PolicyProfile policy, ProgressMonitor monitor) throws AuditException {
        LaneResult<MicrodataRequest, MicrodataAnalysis> r = lane.analyze(request,
                LaneInputs.builder().put(MicrodataRequest.DATA, data).build(), monitor);
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }

    /**
     * Reads the data and the hierarchies (files bound to their bytes, built ones from the column)
     * and groups the records once. {@code inputs}: {@code data} and the {@code hierarchy:COL} files.
     */
    public MicrodataWhatIf prepare(MicrodataRemediationRequest r, LaneInputs inputs, PolicyProfile policy,
            ProgressMonitor monitor) throws AuditException {
        DatasetRef dataRef = inputs.require(MicrodataRequest.DATA, MicrodataRequest.LANE, "--data FILE");
        DatasetService.LoadedInput loaded = datasets.loadInput(dataRef, r.analysis().importOptions(),
                monitor.slice(0, 0.4));
        Dataset data = loaded.data();
        LaneInputs.Builder read = LaneInputs.builder().put(MicrodataRequest.DATA, loaded.ref());
        List<GeneralizationHierarchy> hs = new ArrayList<>();
        for (String q : r.analysis().quasiIdentifiers()) {
            String spec = r.hierarchies().get(q);
            if (MicrodataRemediationRequest.FILE.equals(spec)) {
                String role = MicrodataRemediationRequest.HIERARCHY + q;
                DatasetService.Bound<GeneralizationHierarchy> f = datasets.readFile(inputs.require(role,
                        MicrodataRequest.LANE, "--hierarchy " + q + "=FILE"), p -> HierarchyCsv.read(p, q),
                        monitor.slice(0.4, 0.45));
                read.put(role, f.ref());
                hs.add(f.value());
            } else {
                Column c = data.column(q).orElseThrow(() -> new ConfigurationException("risk.config.unknownColumn", q,
                        "quasi-identifier", data.name(), String.join(", ", data.columnNames())));
                hs.add(HierarchyBuilder.build(c, HierarchySpec.parse(spec)));
            }
        }
        MicrodataRemediation engine = MicrodataRemediation.prepare(data, hs, monitor.slice(0.45, 1));
        char delimiter = ',';
        if (!datasets.isSqlite(loaded.ref().path()) && r.analysis().importOptions().sqliteTable() == null
                && r.analysis().importOptions().sqliteQuery() == null) {
            delimiter = datasets.sniff(loaded.ref().path(), r.analysis().importOptions()).delimiter();
        }
        return new MicrodataWhatIf(r, engine, policy, read.build(), delimiter, lane);
    }

    /**
     * A what-if session on a release the microdata lane has analysed (the dashboard's latest
     * result): the remediation request is that result's request with the remediation options of
     * {@code base} (policy, measure, limits, hierarchies), and the data is read bound to the SHA-256
     * the result recorded (a file changed since is refused).
     *
     * @param base remediation options; its analysis is replaced by the result's request
     */
    public MicrodataWhatIf prepare(LaneResult<MicrodataRequest, MicrodataAnalysis> result,
            MicrodataRemediationRequest.Builder base, ProgressMonitor monitor) throws AuditException {
        MicrodataRemediationRequest r = base.analysis(result.request()).build();
        DatasetRef data = result.inputs().roles().get(MicrodataRequest.DATA);
        PolicyProfile policy = policies.load(r.policy());
        HistogramPolicy.compile(policy, r.analysis().threshold(), r.warnAsFail());
        LaneInputs inputs = LaneInputs.builder().put(MicrodataRequest.DATA, DatasetRef.expecting(data.path(),
                data.sha256())).build();
        return prepare(r, inputs, policy, monitor);
    }

    /**
     * Runs the whole remediation: check, audit before, prepare, search (or the given levels), write
     * the copy, re-audit it. Nothing is written when no passing change is found.
     */
    public RemediationOutcome run(RemediationCall<MicrodataRemediationRequest> call, ProgressMonitor monitor)
            throws AuditException {
        Checked c = check(call);
        MicrodataRemediationRequest r = call.request();
        DatasetRef data = c.inputs().roles().get(MicrodataRequest.DATA);
        Reaudit<MicrodataRequest, MicrodataAnalysis> before = audit(r.analysis(), data, c.policy(),
                monitor.slice(0, 0.2));
        MicrodataWhatIf w = prepare(r, c.inputs(), c.policy(), monitor.slice(0.2, 0.3));
        MicrodataSearchResult search;
        NodeResult node;
        if (r.fixedLevels()) {
            MicrodataWhatIf.Evaluation ev = w.evaluate(r.levelArray());
            node = ev.node();
            search = w.given(ev);
        } else {
            search = w.search(monitor.slice(0.3, 0.75));
            node = search.optimum();
        }
        MicrodataWhatIf.Copy copy = null;
        Reaudit<MicrodataRequest, MicrodataAnalysis> after = null;
        if (node != null) {
            copy = w.write(node, c.copy(), monitor.slice(0.75, 0.8));
            after = w.reaudit(copy, monitor.slice(0.8, 1));
        }
        ObjectNode json = json(r, w, search, before, copy, after);
        LOGGER.info("Microdata remediation: found={}, copy sha256 {}, re-audit passed={}", node != null,
                copy == null ? "-" : copy.ref().sha256(), after != null && after.passed());
        return new RemediationOutcome(MicrodataRequest.LANE, r, w.inputs(), before, node != null,
                copy == null ? null : copy.transformation(),
                copy == null ? Map.of() : Map.of(RemediationCall.COPY, copy.ref()),
                copy == null ? List.of() : List.of(copy.condition()), after, Remediations.write(json),
                text(r, w, search, before, copy, after));
    }

    /** The result document (schema remediation-v1, lane microdata). */
    static ObjectNode json(MicrodataRemediationRequest r, MicrodataWhatIf w, MicrodataSearchResult search,
            Reaudit<?, ?> before, MicrodataWhatIf.Copy copy, Reaudit<?, ?> after) {
        ObjectNode root = RemediationJson.microdata(search);
        if (r.fixedLevels()) {
            root.putNull("search");
        }
        ObjectNode examples = JsonNodeFactory.instance.objectNode();
        for (int d = 0; d < w.quasiIdentifiers().size(); d++) {
            examples.set(w.quasiIdentifiers().get(d), JsonNodeFactory.instance.arrayNode().addAll(
                    w.exampleLabels(d).stream().map(JsonNodeFactory.instance::textNode).toList()));
        }
        ObjectNode hierarchies = (ObjectNode) root.get("hierarchies");
        examples.fields().forEachRemaining(e -> ((ObjectNode) hierarchies.get(e.getKey())).set("example", e.getValue()));
        Assembly.common(root, r, w.policy(), w.inputs(), before, SUMMARY);
        Assembly.outcome(root, copy == null ? null : copy.transformation(), copy == null ? Map.of()
                : Map.of(RemediationCall.COPY, copy.ref()), copy == null ? List.of() : List.of(copy.condition()),
                after, SUMMARY);
        root.put("found", copy != null);
        return root;
    }

    /** The readable summary for the terminal. */
    static String text(MicrodataRemediationRequest r, MicrodataWhatIf w, MicrodataSearchResult search,
            Reaudit<?, ?> before, MicrodataWhatIf.Copy copy, Reaudit<?, ?> after) {
        StringBuilder sb = new StringBuilder();
        DatasetRef data = w.inputs().roles().get(MicrodataRequest.DATA);
        sb.append(Messages.get("remediation.text.header", data.fileName(), MicrodataRequest.LANE, w.policy().id(),
                w.policy().version())).append('\n');
        Assembly.textAudit(sb, "remediation.text.before", before);
        NodeResult node = search.optimum();
        if (node == null) {
            sb.append(Messages.get("remediation.text.notFound", pct(r.maxSuppression()), search.suppressionLimit()))
                    .append('\n');
        } else {
            sb.append(Messages.get(r.fixedLevels() ? "remediation.text.given" : "remediation.text.optimum",
                    r.measure().id(), pct(r.maxSuppression()), count(search.suppressionLimit()))).append('\n');
            for (int d = 0; d < w.quasiIdentifiers().size(); d++) {
                int level = node.levels().get(d);
                sb.append("  ").append(Messages.get("remediation.text.level", w.quasiIdentifiers().get(d), level,
                        w.heights()[d], w.exampleLabels(d).get(level))).append('\n');
            }
            sb.append("  ").append(Messages.get("remediation.text.suppression", count(node.suppressedRecords()),
                    node.suppressBelow(), fmt(node.loss(r.measure())), r.measure().id())).append('\n');
            if (!r.dropColumns().isEmpty()) {
                sb.append("  ").append(Messages.get("remediation.text.dropped", String.join(", ", r.dropColumns()))).append('\n');
            }
        }
        Assembly.textCopies(sb, copy == null ? Map.of() : Map.of(RemediationCall.COPY, copy.ref()));
        if (after != null) {
            Assembly.textAudit(sb, "remediation.text.after", after);
        }
        if (!r.fixedLevels()) {
            sb.append(Messages.get("remediation.text.search", count(search.latticeSize()),
                    count(search.evaluatedNodes()), String.format(Locale.ROOT, "%.1f", search.runtimeMillis() / 1000.0),
                    search.paretoFront().size())).append('\n');
            if (!search.ignoredRules().isEmpty()) {
                sb.append(Messages.get("remediation.text.ignored", String.join("; ", search.ignoredRules())))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.4g %%", share * 100).replaceAll("\\.?0+ %", " %");
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** The loss measures, for front ends that offer a choice. */
    public static List<String> measures() {
        List<String> out = new ArrayList<>();
        for (LossMeasure m : LossMeasure.values()) {
            out.add(m.id());
        }
        return out;
    }
}
