package org.releaseauditor.service.cases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.io.RemediationJson;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.RequestJson;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a remediation into a case: the run on the release as submitted (before) with its policy
 * findings, every copy as a dataset derived from its original (the schema's {@code derivedFrom}
 * holds the original's id and SHA-256 and the condition), and the re-audit of the copy (after)
 * with its policy findings. Both runs store their lane request, so {@code case rerun} reproduces
 * them. The condition itself goes into the decision ({@code case decide --outcome
 * APPROVE_WITH_CONDITIONS}): {@link Recorded#conditionText()} is its text.
 */
public final class RemediationRecorder {

    private static final Logger LOGGER = LoggerFactory.getLogger(RemediationRecorder.class);

    private final DatasetService datasets = new DatasetService();

    /**
     * What was recorded.
     *
     * @param beforeRun    the run on the release as submitted
     * @param afterRun     the re-audit of the copy, or null when no change was found
     * @param copyDatasets output role → the copy's dataset
     * @param conditions   the conditions (one per copy) as compact JSON
     */
    public record Recorded(RunEntry beforeRun, RunEntry afterRun, Map<String, DatasetEntry> copyDatasets,
            List<String> conditions) {

        public Recorded {
            copyDatasets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(copyDatasets));
            conditions = List.copyOf(conditions);
        }

        /**
         * The text of an approval's conditions: release only the copy (by SHA-256) instead of the
         * original, followed by the machine-readable condition(s) as JSON.
         */
        public String conditionText() {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, DatasetEntry> e : copyDatasets.entrySet()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(org.releaseauditor.core.i18n.Messages.get("remediation.condition.text",
                        java.nio.file.Path.of(e.getValue().path()).getFileName(), e.getValue().sha256(),
                        e.getValue().id()));
            }
            if (conditions.size() == 1) {
                sb.append(' ').append(conditions.get(0));
            } else if (!conditions.isEmpty()) {
                sb.append(" [").append(String.join(",", conditions)).append(']');
            }
            return sb.toString();
        }
    }

    /**
     * Records an outcome. {@code policyRef} is the policy the remediation used (built-in id or
     * file): its exact copy is stored with the findings of both runs.
     */
    public Recorded record(CaseService cs, RemediationOutcome o, ProgressMonitor monitor) throws AuditException {
        String policyRef = o.request().policy();
        if (policyRef == null) {
            throw new ConfigurationException("remediation.request.noPolicy", o.lane());
        }
        RunEntry before = cs.record(o.before().result(), RecordOptions.none(), monitor);
        cs.evaluatePolicy(before.id(), policyRef);
        Map<String, DatasetEntry> copies = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, DatasetRef> e : o.copies().entrySet()) {
            RemediationCondition c = o.conditions().get(i++);
            DatasetEntry original = datasetOf(cs, c.inputSha256());
            String condition = RequestJson.canonical(RemediationJson.condition(c));
            DatasetEntry copy = findOrAdd(cs, e.getValue(), schema(e.getValue(), original, condition), monitor);
            copies.put(e.getKey(), copy);
            conditions.add(condition);
        }
        RunEntry after = null;
        if (o.after() != null) {
            after = cs.record(o.after().result(), RecordOptions.none(), monitor);
            cs.evaluatePolicy(after.id(), policyRef);
        }
        LOGGER.info("Remediation recorded in case {}: before run {}, after run {}, copies {}", cs.file().getFileName(),
                before.id(), after == null ? "-" : after.id(), copies.keySet());
        return new Recorded(before, after, copies, conditions);
    }

    private static DatasetEntry datasetOf(CaseService cs, String sha256) throws AuditException {
        DatasetEntry found = null;
        for (DatasetEntry d : cs.datasets()) {
            if (d.sha256().equals(sha256)) {
                found = d;
            }
        }
        return found;
    }

    private DatasetEntry findOrAdd(CaseService cs, DatasetRef ref, String schema, ProgressMonitor monitor)
            throws AuditException {
        for (DatasetEntry d : cs.datasets()) {
            if (d.path().equals(ref.path().toString()) && d.sha256().equals(ref.sha256())) {
                return d;
            }
        }
        DatasetEntry d = cs.addDataset(ref.path(), schema, monitor);
        if (!d.sha256().equals(ref.sha256())) {
            throw new org.releaseauditor.core.error.AuditStoreException("case.error.resultStale", "copy",
                    ref.path().toString(), ref.sha256(), d.sha256());
        }
        return d;
    }

    /** The copy's schema: its columns, and {@code derivedFrom} with the original and the condition. */
    private String schema(DatasetRef copy, DatasetEntry original, String condition) throws AuditException {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ArrayNode cols = n.putArray("columns");
        datasets.header(copy.path(), ImportOptions.defaults()).names().forEach(cols::add);
        ObjectNode d = n.putObject("derivedFrom");
        if (original != null) {
            d.put("datasetId", original.id());
            d.put("file", original.path());
            d.put("sha256", original.sha256());
        }
        d.put("transformation", "remediation");
        d.set("condition", CaseService.parse(condition, "condition"));
        return n.toString();
    }
}
