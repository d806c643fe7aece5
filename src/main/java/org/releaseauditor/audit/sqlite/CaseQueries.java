package org.releaseauditor.audit.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.Condition;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditStoreException;

/** Reads the content of a case into the records of {@code core.casefile}. */
final class CaseQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection conn;
    private final Path file;

    CaseQueries(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    <T> List<T> read(String sql, RowMapper<T> mapper, Object... args) throws AuditStoreException {
        try {
            return query(sql, mapper, args);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    static Instant instant(String s) throws SQLException {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new SQLException("malformed timestamp", e);
        }
    }

    static List<Long> parseIds(String json) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isArray()) {
                throw new SQLException("malformed id list");
            }
            for (JsonNode x : n) {
                ids.add(x.asLong());
            }
        } catch (IOException e) {
            throw new SQLException("malformed id list", e);
        }
        return ids;
    }

    static String idsJson(List<Long> ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return sb.append(']').toString();
    }

    int schemaVersion() throws AuditStoreException {
        try {
            return CaseSchema.intPragma(conn, "user_version");
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    CaseInfo caseInfo() throws AuditStoreException {
        List<CaseInfo> l = read("SELECT title, data_product, controller, auditor, created_at FROM case_meta WHERE id = 1",
                rs -> new CaseInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getString(5))));
        if (l.isEmpty()) {
            throw new AuditStoreException("audit.error.notACase", file.toString());
        }
        return l.get(0);
    }

    private static DatasetEntry mapDataset(ResultSet rs) throws SQLException {
        return new DatasetEntry(rs.getLong("id"), rs.getString("path"), rs.getString("sha256"), rs.getLong("size_bytes"),
                instant(rs.getString("last_modified")), rs.getString("schema_json"), instant(rs.getString("added_at")));
    }

    List<DatasetEntry> datasets() throws AuditStoreException {
        return read("SELECT * FROM dataset ORDER BY id", CaseQueries::mapDataset);
    }

    Optional<DatasetEntry> dataset(long id) throws AuditStoreException {
        return read("SELECT * FROM dataset WHERE id = ?", CaseQueries::mapDataset, id).stream().findFirst();
    }

    List<RoleAssignment> roleAssignments() throws AuditStoreException {
        return read("SELECT * FROM role_assignment ORDER BY id", rs -> new RoleAssignment(rs.getLong("id"),
                rs.getLong("dataset_id"), rs.getString("column_name"), rs.getString("role"), rs.getString("actor"),
                instant(rs.getString("assigned_at"))));
    }

    List<AttackerModel> attackerModels() throws AuditStoreException {
        return read("SELECT * FROM attacker_model ORDER BY id", rs -> new AttackerModel(rs.getLong("id"),
                rs.getString("name"), rs.getString("model_json"), rs.getString("actor"),
                instant(rs.getString("recorded_at"))));
    }

    private static RunEntry mapRun(ResultSet rs) throws SQLException {
        return new RunEntry(rs.getLong("id"), rs.getString("lane"), rs.getString("engine_version"),
                rs.getString("params_json"), rs.getString("result_json"), parseIds(rs.getString("dataset_ids")),
                rs.getString("actor"), instant(rs.getString("run_at")));
    }

    List<RunEntry> runs() throws AuditStoreException {
        return read("SELECT * FROM analysis_run ORDER BY id", CaseQueries::mapRun);
    }

    Optional<RunEntry> run(long id) throws AuditStoreException {
        return read("SELECT * FROM analysis_run WHERE id = ?", CaseQueries::mapRun, id).stream().findFirst();
    }

    List<FindingEntry> findings(long runId) throws AuditStoreException {
        return read("SELECT * FROM finding WHERE run_id = ? ORDER BY id", rs -> {
            String measured = rs.getString("measured");
            try {
                return new FindingEntry(rs.getLong("id"), rs.getLong("run_id"), rs.getString("policy_id"),
                        rs.getString("policy_version"), rs.getString("metric"), rs.getString("operator"),
                        Double.parseDouble(rs.getString("threshold")),
                        measured == null ? null : Double.valueOf(measured), rs.getString("status"),
                        rs.getString("explanation"), instant(rs.getString("evaluated_at")));
            } catch (NumberFormatException | NullPointerException e) {
                throw new SQLException("malformed number in finding", e);
            }
        }, runId);
    }

    Optional<String> latestPolicyJson(long runId) throws AuditStoreException {
        return read("SELECT policy_json FROM finding WHERE run_id = ? ORDER BY id DESC LIMIT 1", rs -> rs.getString(1),
                runId).stream().findFirst();
    }

    Optional<String> latestPolicyJsonById(String policyId) throws AuditStoreException {
        return read("SELECT policy_json FROM finding WHERE policy_id = ? ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1), policyId).stream().findFirst();
    }

    List<DecisionEntry> decisions() throws AuditStoreException {
        return read("SELECT * FROM decision ORDER BY id", rs -> {
            long sup = rs.getLong("supersedes");
            Long supersedes = rs.wasNull() ? null : sup;
            DecisionOutcome outcome;
            try {
                outcome = DecisionOutcome.valueOf(rs.getString("outcome"));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new SQLException("malformed decision outcome", e);
            }
            return new DecisionEntry(rs.getLong("id"), outcome, rs.getString("conditions"), rs.getString("rationale"),
                    rs.getString("auditor"), rs.getString("dataset_sha256s"), rs.getString("policy_json"),
                    parseIds(rs.getString("run_ids")), rs.getString("chain_head"), supersedes,
                    instant(rs.getString("decided_at")));
        });
    }

    boolean hasSchema2() throws AuditStoreException {
        return schemaVersion() >= 2;
    }

    Optional<DecisionRecord> decisionRecord(long decisionId) throws AuditStoreException {
        if (!hasSchema2()) {
            return Optional.empty();
        }
        return read("SELECT * FROM decision_record WHERE decision_id = ?", rs -> {
            List<LegalBasis> bases = new ArrayList<>();
            List<Condition> conditions = new ArrayList<>();
            try {
                for (JsonNode n : JSON.readTree(rs.getString("legal_basis"))) {
                    bases.add(LegalBasis.valueOf(n.asText()));
                }
                for (JsonNode n : JSON.readTree(rs.getString("conditions_json"))) {
                    conditions.add(condition(n));
                }
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                throw new SQLException("malformed decision record", e);
            }
            return new DecisionRecord(rs.getLong("decision_id"), rs.getString("purpose"), bases,
                    rs.getString("legal_basis_text"), rs.getString("recipients"), rs.getString("retention"),
                    rs.getString("controller"), rs.getString("override_justification"),
                    rs.getString("overridden_findings"), conditions, rs.getInt("review_required") == 1,
                    rs.getString("seal"), instant(rs.getString("recorded_at")));
        }, decisionId).stream().findFirst();
    }

    /** A condition from its stored JSON: {@code {"text":…, "output":{"sha256":…,"datasetId":…,"replaces":…}}}. */
    static Condition condition(JsonNode n) {
        JsonNode o = n.path("output");
        String sha = o.isObject() && o.hasNonNull("sha256") ? o.get("sha256").asText() : null;
        Long ds = o.isObject() && o.hasNonNull("datasetId") ? o.get("datasetId").asLong() : null;
        Long replaces = o.isObject() && o.hasNonNull("replaces") ? o.get("replaces").asLong() : null;
        return new Condition(n.path("text").asText(""), sha, ds, replaces);
    }

    List<OutputDecision> outputDecisions(long decisionId) throws AuditStoreException {
        if (!hasSchema2()) {
            return List.of();
        }
        return read("SELECT * FROM output_decision WHERE decision_id = ? ORDER BY dataset_id",
                rs -> new OutputDecision(rs.getLong("id"), rs.getLong("decision_id"), rs.getLong("dataset_id"),
                        rs.getString("sha256"), "APPROVE".equals(rs.getString("outcome")), rs.getString("comment")),
                decisionId);
    }

    List<Review> reviews() throws AuditStoreException {
        if (!hasSchema2()) {
            return List.of();
        }
        return read("SELECT * FROM review ORDER BY id", rs -> new Review(rs.getLong("id"), rs.getLong("decision_id"),
                rs.getString("reviewer"), rs.getString("comment"), rs.getString("chain_head"),
                instant(rs.getString("reviewed_at"))));
    }

    private static AuditEvent mapEvent(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getString("occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("dataset_sha256"), rs.getString("policy_json"),
                rs.getString("result_json"), rs.getString("rationale"), rs.getString("app_version"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    List<AuditEvent> events() throws AuditStoreException {
        return read("SELECT * FROM audit_event ORDER BY id", CaseQueries::mapEvent);
    }

    String headHash() throws AuditStoreException {
        List<String> l = read("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1", rs -> rs.getString(1));
        return l.isEmpty() ? org.releaseauditor.audit.CanonicalJson.GENESIS : l.get(0);
    }

    /** Raw events read through plain JDBC, including rows whose types were tampered with. */
    List<Map<String, Object>> rawEvents() throws SQLException {
        List<Long> ids = query("SELECT rowid FROM audit_event ORDER BY rowid", rs -> rs.getLong(1));
        List<Map<String, Object>> out = new ArrayList<>();
        for (long rowid : ids) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM audit_event WHERE rowid = ?")) {
                ps.setLong(1, rowid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    ResultSetMetaData md = rs.getMetaData();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object o = rs.getObject(i);
                        row.put(md.getColumnName(i), o instanceof Number n && !(o instanceof Double) ? n.longValue()
                                : o == null ? null : rs.getString(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    Map<String, Object> row(String table, long id) throws SQLException {
        return EventChain.rowValues(conn, table, id);
    }

    List<Long> rowIds(String table) throws SQLException {
        return query("SELECT id FROM " + table + " ORDER BY id", rs -> rs.getLong(1));
    }

    List<String> integrityCheck() throws SQLException {
        return query("PRAGMA integrity_check", rs -> rs.getString(1));
    }

    String pragma(String name) throws SQLException {
        return query("PRAGMA " + name, rs -> rs.getString(1)).stream().findFirst().orElse("");
    }
}
