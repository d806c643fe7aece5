package org.releaseauditor.audit.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.releaseauditor.audit.CanonicalJson;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The writes of a case: each inserts its rows and the one event that binds them, in one transaction. */
final class CaseRecorder {

    private static final Logger LOGGER = LoggerFactory.getLogger(CaseRecorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventChain chain;
    private final CaseQueries queries;
    private final Path file;

    CaseRecorder(EventChain chain, CaseQueries queries, Path file) {
        this.chain = chain;
        this.queries = queries;
        this.file = file;
    }

    void insertCaseMeta(CaseInfo info, String actor, CaseFileLock.Held held) throws AuditStoreException {
        chain.inTransactionHeld(at -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", 1L);
            v.put("title", info.title());
            v.put("data_product", info.dataProduct());
            v.put("controller", info.controller());
            v.put("auditor", info.auditor());
            v.put("created_at", at);
            chain.insert("case_meta", v);
            chain.writeEvent(at, actor, "CASE_CREATED", null, null,
                    EventChain.payload(List.of(chain.rowRef("case_meta", 1))), null);
            return null;
        }, held);
    }

    DatasetEntry addDataset(NewDataset d, String actor) throws AuditStoreException {
        return chain.inTransaction(at -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("path", d.path());
            v.put("sha256", d.sha256());
            v.put("size_bytes", d.sizeBytes());
            v.put("last_modified", DateTimeFormatter.ISO_INSTANT.format(d.lastModified()));
            v.put("schema_json", d.schemaJson() == null ? "{}" : d.schemaJson());
            v.put("added_at", at);
            long id = chain.insert("dataset", v);
            chain.writeEvent(at, actor, "DATASET_ADDED", d.sha256(), null,
                    EventChain.payload(List.of(chain.rowRef("dataset", id))), null);
            LOGGER.info("Case {}: dataset {} added (sha256 {}, {} bytes)", file.getFileName(), id, d.sha256(),
                    d.sizeBytes());
            return queries.dataset(id).orElseThrow();
        });
    }

    RoleAssignment addRoleAssignment(long datasetId, String column, String role, String actor)
            throws AuditStoreException {
        return chain.inTransaction(at -> {
            DatasetEntry ds = queries.dataset(datasetId).orElseThrow(
                    () -> new AuditStoreException("audit.error.noDataset", datasetId, file.toString()));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("dataset_id", datasetId);
            v.put("column_name", column);
            v.put("role", role);
            v.put("actor", actor);
            v.put("assigned_at", at);
            long id = chain.insert("role_assignment", v);
            chain.writeEvent(at, actor, "ROLE_ASSIGNED", ds.sha256(), null,
                    EventChain.payload(List.of(chain.rowRef("role_assignment", id))), null);
            return new RoleAssignment(id, datasetId, column, role, actor, Instant.parse(at));
        });
    }

    AttackerModel addAttackerModel(String name, String modelJson, String actor) throws AuditStoreException {
        return chain.inTransaction(at -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", name);
            v.put("model_json", modelJson);
            v.put("actor", actor);
            v.put("recorded_at", at);
            long id = chain.insert("attacker_model", v);
            chain.writeEvent(at, actor, "ATTACKER_MODEL_RECORDED", null, null,
                    EventChain.payload(List.of(chain.rowRef("attacker_model", id))), null);
            return new AttackerModel(id, name, modelJson, actor, Instant.parse(at));
        });
    }

    RunEntry addRun(NewRun run, String actor) throws AuditStoreException {
        return chain.inTransaction(at -> {
            List<String> shas = new ArrayList<>();
            for (long dsId : run.datasetIds()) {
                shas.add(queries.dataset(dsId).orElseThrow(
                        () -> new AuditStoreException("audit.error.noDataset", dsId, file.toString())).sha256());
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lane", run.lane());
            v.put("engine_version", run.engineVersion());
            v.put("params_json", run.paramsJson());
            v.put("result_json", run.resultJson());
            v.put("dataset_ids", CaseQueries.idsJson(run.datasetIds()));
            v.put("actor", actor);
            v.put("run_at", at);
            long id = chain.insert("analysis_run", v);
            chain.writeEvent(at, actor, "RUN_RECORDED", shas.isEmpty() ? null : String.join(",", shas), null,
                    EventChain.payload(List.of(chain.rowRef("analysis_run", id))), null);
            LOGGER.info("Case {}: run {} recorded (lane {}, datasets {})", file.getFileName(), id, run.lane(),
                    run.datasetIds());
            return queries.run(id).orElseThrow();
        });
    }

    List<FindingEntry> addFindings(long runId, NewFindings nf, String actor) throws AuditStoreException {
        return chain.inTransaction(at -> {
            RunEntry run = queries.run(runId).orElseThrow(() -> new AuditStoreException("audit.error.noRun", runId,
                    file.toString()));
            List<Map<String, Object>> refs = new ArrayList<>();
            for (NewFindings.Item f : nf.findings()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("run_id", runId);
                v.put("policy_id", nf.policyId());
                v.put("policy_version", nf.policyVersion());
                v.put("policy_json", nf.policyJson());
                v.put("metric", f.metric());
                v.put("operator", f.operator());
                v.put("threshold", Double.toString(f.threshold()));
                v.put("measured", f.measured() == null ? null : Double.toString(f.measured()));
                v.put("status", f.status());
                v.put("explanation", f.explanation());
                v.put("evaluated_at", at);
                long id = chain.insert("finding", v);
                refs.add(chain.rowRef("finding", id));
            }
            chain.writeEvent(at, actor, "POLICY_EVALUATED", datasetShas(run.datasetIds()), nf.policyJson(),
                    EventChain.payload(refs), null);
            return queries.findings(runId).stream().filter(f -> f.at().equals(Instant.parse(at))).toList();
        });
    }

    private String datasetShas(List<Long> ids) throws AuditStoreException {
        List<String> shas = new ArrayList<>();
        for (long id : ids) {
            queries.dataset(id).ifPresent(d -> shas.add(d.sha256()));
        }
        return shas.isEmpty() ? null : String.join(",", shas);
    }

    /**
     * The seal of a decision: canonical JSON of the chain head before it, the SHA-256 of the
     * result JSON of every run it rests on, and the SHA-256 of every output.
     */
    static String seal(String head, List<RunEntry> runs, Map<String, String> outputs) {
        Map<String, Object> seal = new TreeMap<>();
        seal.put("head", head);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (RunEntry r : runs) {
            Map<String, Object> one = new TreeMap<>();
            one.put("id", r.id());
            one.put("result_sha256", CanonicalJson.sha256(r.resultJson()));
            rs.add(one);
        }
        seal.put("runs", rs);
        seal.put("outputs", new TreeMap<>(outputs));
        return CanonicalJson.write(seal);
    }

    DecisionEntry addDecision(NewDecision d) throws AuditStoreException {
        return chain.inTransaction(at -> {
            String head = chain.head();
            if (d.expectedHead() != null && !d.expectedHead().equals(head)) {
                throw new AuditStoreException("audit.error.headMoved", file.toString(), d.expectedHead(), head);
            }
            List<RunEntry> runs = new ArrayList<>();
            for (long runId : d.runIds()) {
                runs.add(queries.run(runId).orElseThrow(() -> new AuditStoreException("audit.error.noRun", runId,
                        file.toString())));
            }
            Long supersedes = queries.query("SELECT MAX(id) FROM decision", rs -> {
                long m = rs.getLong(1);
                return rs.wasNull() ? null : m;
            }).get(0);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("outcome", d.outcome().name());
            v.put("conditions", d.conditions());
            v.put("rationale", d.rationale());
            v.put("auditor", d.auditor());
            v.put("dataset_sha256s", d.datasetSha256s());
            v.put("policy_json", d.policyJson());
            v.put("run_ids", CaseQueries.idsJson(d.runIds()));
            v.put("chain_head", head);
            v.put("supersedes", supersedes);
            v.put("decided_at", at);
            long id = chain.insert("decision", v);
            List<Map<String, Object>> refs = new ArrayList<>();
            refs.add(chain.rowRef("decision", id));
            Map<String, String> shaById = new TreeMap<>();
            try {
                JsonNode shaNode = JSON.readTree(d.datasetSha256s());
                shaNode.fields().forEachRemaining(e -> shaById.put(e.getKey(), e.getValue().asText()));
            } catch (IOException e) {
                throw new SQLException("malformed dataset hash map", e);
            }
            if (d.record() != null) {
                refs.addAll(insertRecord(id, d, head, runs, shaById, at));
            }
            chain.writeEvent(at, d.auditor(), "DECISION_RECORDED",
                    shaById.isEmpty() ? null : String.join(",", shaById.values()), d.policyJson(),
                    EventChain.payload(refs), d.rationale());
            LOGGER.info("Case {}: decision {} recorded ({}), supersedes {}", file.getFileName(), id, d.outcome(),
                    supersedes);
            return queries.decisions().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    private List<Map<String, Object>> insertRecord(long decisionId, NewDecision d, String head, List<RunEntry> runs,
            Map<String, String> shaById, String at) throws SQLException, AuditStoreException {
        if (queries.schemaVersion() < 2) {
            throw new AuditStoreException("audit.error.olderSchemaReadOnly", file.toString(), queries.schemaVersion(),
                    CaseSchema.CURRENT_VERSION);
        }
        NewDecision.NewDecisionRecord r = d.record();
        List<Map<String, Object>> refs = new ArrayList<>();
        Map<String, String> outputs = new TreeMap<>();
        for (NewDecision.NewOutput o : r.outputs()) {
            DatasetEntry ds = queries.dataset(o.datasetId()).orElseThrow(
                    () -> new AuditStoreException("audit.error.noDataset", o.datasetId(), file.toString()));
            outputs.put(Long.toString(ds.id()), ds.sha256());
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("decision_id", decisionId);
        v.put("purpose", r.purpose());
        v.put("legal_basis", CanonicalJson.writeArray(r.legalBasis()));
        v.put("legal_basis_text", r.legalBasisText());
        v.put("recipients", r.recipients());
        v.put("retention", r.retention());
        v.put("controller", r.controller());
        v.put("override_justification", r.overrideJustification());
        v.put("overridden_findings", r.overriddenFindings());
        v.put("conditions_json", r.conditionsJson());
        v.put("review_required", r.reviewRequired() ? 1L : 0L);
        v.put("seal", seal(head, runs, outputs));
        v.put("recorded_at", at);
        refs.add(chain.rowRef("decision_record", chain.insert("decision_record", v)));
        for (NewDecision.NewOutput o : r.outputs()) {
            Map<String, Object> ov = new LinkedHashMap<>();
            ov.put("decision_id", decisionId);
            ov.put("dataset_id", o.datasetId());
            ov.put("sha256", outputs.get(Long.toString(o.datasetId())));
            ov.put("outcome", o.approved() ? "APPROVE" : "REJECT");
            ov.put("comment", o.comment());
            refs.add(chain.rowRef("output_decision", chain.insert("output_decision", ov)));
        }
        return refs;
    }

    Review addReview(long decisionId, String reviewer, String comment) throws AuditStoreException {
        return chain.inTransaction(at -> {
            if (queries.schemaVersion() < 2) {
                throw new AuditStoreException("audit.error.olderSchemaReadOnly", file.toString(),
                        queries.schemaVersion(), CaseSchema.CURRENT_VERSION);
            }
            List<DecisionEntry> all = queries.decisions();
            DecisionEntry d = all.stream().filter(x -> x.id() == decisionId).findFirst().orElseThrow(
                    () -> new AuditStoreException("audit.error.noDecision", decisionId, file.toString()));
            long current = all.get(all.size() - 1).id();
            if (current != decisionId) {
                throw new AuditStoreException("audit.error.reviewSuperseded", decisionId, current);
            }
            String head = chain.head();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("decision_id", decisionId);
            v.put("reviewer", reviewer);
            v.put("comment", comment == null ? "" : comment);
            v.put("chain_head", head);
            v.put("reviewed_at", at);
            long id = chain.insert("review", v);
            chain.writeEvent(at, reviewer, "REVIEW_RECORDED", shas(d), d.policyJson(),
                    EventChain.payload(List.of(chain.rowRef("review", id))),
                    comment == null || comment.isBlank() ? null : comment);
            LOGGER.info("Case {}: review {} of decision {} recorded", file.getFileName(), id, decisionId);
            return new Review(id, decisionId, reviewer, comment == null ? "" : comment, head, Instant.parse(at));
        });
    }

    private static String shas(DecisionEntry d) throws SQLException {
        List<String> l = new ArrayList<>();
        try {
            JSON.readTree(d.datasetSha256s()).forEach(n -> l.add(n.asText()));
        } catch (IOException e) {
            throw new SQLException("malformed dataset hash map", e);
        }
        return l.isEmpty() ? null : String.join(",", l);
    }

    AuditEvent appendEvent(String actor, String action, String datasetSha256, String policyJson, String resultJson,
            String rationale) throws AuditStoreException {
        return chain.inTransaction(at -> chain.writeEvent(at, actor, action, datasetSha256, policyJson, resultJson,
                rationale));
    }
}
