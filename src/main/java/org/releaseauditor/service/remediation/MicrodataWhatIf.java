package org.releaseauditor.service.remediation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.core.remediation.microdata.GeneralizationHierarchy;
import org.releaseauditor.core.remediation.microdata.MicrodataRemediation;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchOptions;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchResult;
import org.releaseauditor.core.remediation.microdata.NodeResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.io.RemediatedCsvWriter;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.policy.PolicyService;

/**
 * A microdata release prepared for what-if remediation (the GUI's <i>What if</i> panel and the
 * command line): the dataset, its hierarchies and the bottom node's classes, computed once.
 * {@link #evaluate} scores the levels a user set with sliders (no pass over the rows),
 * {@link #search} finds the least change, {@link #write} writes a copy with its SHA-256, and
 * {@link #reaudit} analyses the copy through the normal microdata lane and the policy. Every call
 * is thread-safe and may run off the UI thread.
 */
public final class MicrodataWhatIf {

    private final MicrodataRemediationRequest request;
    private final MicrodataRemediation engine;
    private final PolicyProfile policy;
    private final MicrodataSearchOptions options;
    private final LaneInputs inputs;
    private final DatasetRef data;
    private final char delimiter;
    private final Lane<MicrodataRequest, MicrodataAnalysis> lane;
    private final PolicyService policies = new PolicyService();

    MicrodataWhatIf(MicrodataRemediationRequest request, MicrodataRemediation engine, PolicyProfile policy,
            LaneInputs inputs, char delimiter, Lane<MicrodataRequest, MicrodataAnalysis> lane) {
        this.request = request;
        this.engine = engine;
        this.policy = policy;
        this.options = request.searchOptions(policy);
        this.inputs = inputs;
        this.data = inputs.roles().get(MicrodataRequest.DATA);
        this.delimiter = delimiter;
        this.lane = lane;
    }

    /** One transformation scored from the class sizes, with the findings the policy would give. */
    public record Evaluation(NodeResult node, List<Finding> findings) {
        /** Whether the policy passes with at most the allowed suppression. */
        public boolean passes() {
            return node.feasible();
        }
    }

    /**
     * A written copy.
     *
     * @param ref            the copy's path, SHA-256 and size
     * @param node           the transformation's node
     * @param transformation the transformation as a decision's condition records it
     * @param condition      input, transformation and copy by hash
     * @param request        the microdata request the copy is re-audited with
     */
    public record Copy(DatasetRef ref, NodeResult node, Transformation.Microdata transformation,
            RemediationCondition condition, MicrodataRequest request) {
    }

    public MicrodataRemediationRequest request() {
        return request;
    }

    public PolicyProfile policy() {
        return policy;
    }

    /** The inputs as read: {@code data} and the hierarchy files, each with its SHA-256. */
    public LaneInputs inputs() {
        return inputs;
    }

    public List<String> quasiIdentifiers() {
        return engine.quasiIdentifiers();
    }

    /** The highest level of each QI. */
    public int[] heights() {
        return engine.heights();
    }

    /** Records of the input. */
    public long records() {
        return engine.records();
    }

    /** The most records that may be suppressed (⌊share · N⌋). */
    public long suppressionLimit() {
        return engine.suppressionLimit(request.maxSuppression());
    }

    /** The hierarchy source of each QI (file and SHA-256, or the builder). */
    public List<String> hierarchySources() {
        List<String> out = new ArrayList<>();
        engine.hierarchies().forEach(h -> out.add(h.source()));
        return out;
    }

    /**
     * What one level of a QI looks like: the label of a value from the middle of the hierarchy at
     * that level ({@code 45} → {@code 45-49} → {@code 40-49} → … → {@code *}). A value of the
     * domain, not of a record.
     */
    public List<String> exampleLabels(int qi) {
        GeneralizationHierarchy h = engine.hierarchies().get(qi);
        int row = h.leafCount() / 2;
        List<String> out = new ArrayList<>();
        for (int level = 0; level <= h.height(); level++) {
            out.add(h.value(row, level));
        }
        return out;
    }

    /** Scores one transformation (sliders): one roll-up from the bottom classes, no pass over the rows. */
    public Evaluation evaluate(int[] levels) throws ConfigurationException {
        NodeResult node = engine.evaluate(levels, options);
        return new Evaluation(node, engine.predictedFindings(levels, options));
    }

    /** Searches the least change that passes (progress and cancellation through {@code monitor}). */
    public MicrodataSearchResult search(ProgressMonitor monitor) throws ConfigurationException {
        return engine.search(options, monitor);
    }

    /**
     * Applies a passing node to a copy of the data, leaves out the dropped columns and writes it
     * (atomically, UTF-8, the input's delimiter) with its SHA-256.
     */
    public Copy write(NodeResult node, Path out, ProgressMonitor monitor) throws AuditException {
        Remediations.checkOutput(out, inputs.roles().values());
        MicrodataRemediation.Applied applied = engine.apply(node.levelArray(), node.suppressBelow(),
                monitor.slice(0, 0.5));
        Dataset copy = applied.dataset();
        if (!request.dropColumns().isEmpty()) {
            List<Column> kept = new ArrayList<>();
            for (Column c : copy.columns()) {
                if (!request.dropColumns().contains(c.name())) {
                    kept.add(c);
                }
            }
            copy = new Dataset(copy.name(), kept);
        }
        DatasetFingerprint fp = RemediatedCsvWriter.write(copy, out, delimiter, monitor.slice(0.5, 1));
        DatasetRef ref = new DatasetRef(fp.path(), fp.sha256(), fp.sizeBytes());
        Transformation.Microdata t = engine.transformation(node).withDropped(request.dropColumns());
        RemediationCondition c = new RemediationCondition(data.fileName(), data.sha256(), t, ref.fileName(),
                ref.sha256(), ref.sizeBytes());
        List<String> relabelled = new ArrayList<>();
        for (int d = 0; d < engine.quasiIdentifiers().size(); d++) {
            if (node.levels().get(d) > 0 || node.suppressedRecords() > 0) {
                relabelled.add(engine.quasiIdentifiers().get(d));
            }
        }
        MicrodataRequest.Builder b = request.analysis().toBuilder();
        b.importing().options(Remediations.copyImportOptions(request.analysis().importOptions(), delimiter,
                relabelled));
        return new Copy(ref, node, t, c, b.build());
    }

    /** Analyses a copy through the normal microdata lane (bound to the copy's SHA-256) and the policy. */
    public Reaudit<MicrodataRequest, MicrodataAnalysis> reaudit(Copy copy, ProgressMonitor monitor)
            throws AuditException {
        LaneResult<MicrodataRequest, MicrodataAnalysis> r = lane.analyze(copy.request(),
                LaneInputs.builder().put(MicrodataRequest.DATA, DatasetRef.expecting(copy.ref().path(),
                        copy.ref().sha256())).build(), monitor);
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }

    /** The audit of the release as submitted (for example the dashboard's latest result), judged by the policy. */
    public Reaudit<MicrodataRequest, MicrodataAnalysis> judge(LaneResult<MicrodataRequest, MicrodataAnalysis> result) {
        return new Reaudit<>(result, policies.evaluate(policy, Remediations.tree(result.json())).evaluation());
    }

    /** A transformation scored and its copy re-audited (the copy was written to a temporary file, then deleted). */
    public record Preview(Evaluation evaluation, Reaudit<MicrodataRequest, MicrodataAnalysis> after) {
    }

    /**
     * Scores a transformation and re-audits its copy through the lane (the GUI's live comparison):
     * the copy goes to a temporary file that is deleted afterwards.
     */
    public Preview preview(int[] levels, ProgressMonitor monitor) throws AuditException {
        Evaluation ev = evaluate(levels);
        Path tmp = Remediations.tempCopy(data.fileName());
        try {
            Copy copy = write(ev.node(), tmp, monitor.slice(0, 0.3));
            return new Preview(ev, reaudit(copy, monitor.slice(0.3, 1)));
        } finally {
            Remediations.deleteTemp(tmp);
        }
    }

    /** The search result of one given transformation (no search), for the result document. */
    MicrodataSearchResult given(Evaluation ev) {
        List<Integer> heights = new ArrayList<>();
        for (int h : heights()) {
            heights.add(h);
        }
        return new MicrodataSearchResult(quasiIdentifiers(), heights, hierarchySources(), request.measure(), records(),
                suppressionLimit(), ev.node(), ev.findings(), List.of(), 1, 1, 0, 0, false, false, List.of(), 0);
    }

    /**
     * Writes the copy of a transformation (the levels the user chose) to {@code out}, re-audits it
     * and describes it as an outcome that a case can record ({@code before}: the audit as
     * submitted).
     */
    public RemediationOutcome save(Reaudit<MicrodataRequest, MicrodataAnalysis> before, int[] levels, Path out,
            ProgressMonitor monitor) throws AuditException {
        Evaluation ev = evaluate(levels);
        Copy copy = write(ev.node(), out, monitor.slice(0, 0.4));
        Reaudit<MicrodataRequest, MicrodataAnalysis> after = reaudit(copy, monitor.slice(0.4, 1));
        MicrodataRemediationRequest r = request.toBuilder().levels(levelMap(ev.node().levels())).build();
        MicrodataSearchResult result = given(ev);
        return new RemediationOutcome(MicrodataRequest.LANE, r, inputs, before, true, copy.transformation(),
                Map.of(RemediationCall.COPY, copy.ref()), List.of(copy.condition()), after,
                Remediations.write(MicrodataRemediationService.json(r, this, result, before, copy, after)),
                MicrodataRemediationService.text(r, this, result, before, copy, after));
    }

    /** The levels as a map QI → level, in QI order. */
    public Map<String, Integer> levelMap(List<Integer> levels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int d = 0; d < levels.size(); d++) {
            m.put(engine.quasiIdentifiers().get(d), levels.get(d));
        }
        return m;
    }
}
