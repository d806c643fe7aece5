package org.releaseauditor.audit.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.releaseauditor.audit.CanonicalJson;
import org.releaseauditor.audit.LockWait;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.Receipt;
import org.releaseauditor.core.error.AuditStoreException;

/**
 * Appends to the hash chain. Every write runs in {@link #inTransaction}: it takes the case's
 * write lock ({@link CaseFileLock}), opens {@code BEGIN IMMEDIATE}, and only then reads the
 * chain position (next id, previous hash) and the next row ids, so two writers can never be
 * given the same position. The transaction inserts its rows and exactly one event that binds
 * them ({@link #writeEvent}), and commits; the new head becomes the calling thread's
 * {@link Receipt}.
 */
final class EventChain {

    @FunctionalInterface
    interface TxBody<T> {
        T run(String at) throws SQLException, AuditStoreException;
    }

    private final Connection conn;
    private final Path file;
    private final CaseFileLock.Identity identity;
    private final String appVersion;
    private final ThreadLocal<Receipt> lastReceipt = new ThreadLocal<>();
    private volatile LockWait lockWait = LockWait.defaults();
    private Receipt pending;

    EventChain(Connection conn, Path file, CaseFileLock.Identity identity, String appVersion) {
        this.conn = conn;
        this.file = file;
        this.identity = identity;
        this.appVersion = appVersion;
    }

    void setLockWait(LockWait wait) {
        this.lockWait = wait == null ? LockWait.defaults() : wait;
    }

    LockWait lockWait() {
        return lockWait;
    }

    /** The receipt of the calling thread's last committed write through this chain, or null. */
    Receipt lastReceipt() {
        return lastReceipt.get();
    }

    static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Runs {@code body} in one write transaction under the case's write lock. */
    <T> T inTransaction(TxBody<T> body) throws AuditStoreException {
        try (CaseFileLock.Held held = CaseFileLock.acquire(identity, lockWait)) {
            return inTransactionHeld(body, held);
        }
    }

    /** Runs {@code body} in one write transaction; the caller holds the write lock already. */
    <T> T inTransactionHeld(TxBody<T> body, CaseFileLock.Held held) throws AuditStoreException {
        java.util.Objects.requireNonNull(held, "held");
        pending = null;
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            T result;
            try {
                result = body.run(now());
                st.execute("COMMIT");
            } catch (SQLException | AuditStoreException | RuntimeException e) {
                rollbackQuietly(st);
                throw e;
            }
            if (pending != null) {
                lastReceipt.set(pending);
            }
            return result;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        } finally {
            pending = null;
        }
    }

    private static void rollbackQuietly(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // the transaction is gone already (e.g. the connection failed); nothing was committed
        }
    }

    private long nextId(String table) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts a row; its id is the next free one unless {@code values} has one. */
    long insert(String table, Map<String, Object> values) throws SQLException {
        long id = values.containsKey("id") ? ((Number) values.get("id")).longValue() : nextId(table);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", id);
        all.putAll(values);
        String cols = String.join(", ", all.keySet());
        String qs = String.join(", ", java.util.Collections.nCopies(all.size(), "?"));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + qs
                + ")")) {
            int i = 1;
            for (Object v : all.values()) {
                ps.setObject(i++, v);
            }
            ps.executeUpdate();
        }
        return id;
    }

    /** A stored row as canonical values: column name → INTEGER as number, NULL as null, else text. */
    static Map<String, Object> rowValues(Connection conn, String table, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object o = rs.getObject(i);
                    if (o == null) {
                        row.put(md.getColumnName(i), null);
                    } else if (o instanceof Integer || o instanceof Long) {
                        row.put(md.getColumnName(i), ((Number) o).longValue());
                    } else {
                        row.put(md.getColumnName(i), rs.getString(i));
                    }
                }
                return row;
            }
        }
    }

    /** SHA-256 of the canonical JSON {@code {"v": value}}: the digest of one column. */
    static String columnDigest(Object value) {
        Map<String, Object> one = new TreeMap<>();
        one.put("v", value);
        return CanonicalJson.sha256(CanonicalJson.write(one));
    }

    /** The event payload entry for one row: table, id, digest of the row and of each column. */
    Map<String, Object> rowRef(String table, long id) throws SQLException {
        Map<String, Object> row = rowValues(conn, table, id);
        Map<String, Object> cols = new TreeMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            cols.put(e.getKey(), columnDigest(e.getValue()));
        }
        Map<String, Object> ref = new TreeMap<>();
        ref.put("table", table);
        ref.put("id", id);
        ref.put("digest", CanonicalJson.sha256(CanonicalJson.write(row)));
        ref.put("columns", cols);
        return ref;
    }

    static String payload(List<Map<String, Object>> refs) {
        Map<String, Object> p = new TreeMap<>();
        p.put("rows", refs);
        return CanonicalJson.write(p);
    }

    /** The canonical JSON of an event (everything except prev_hash and hash). */
    static String canonicalEvent(long id, String occurredAt, String actor, String action, String datasetSha256,
            String policyJson, String resultJson, String rationale, String appVersion) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", id);
        m.put("occurred_at", occurredAt);
        m.put("actor", actor);
        m.put("action", action);
        m.put("dataset_sha256", datasetSha256);
        m.put("policy_json", policyJson);
        m.put("result_json", resultJson);
        m.put("rationale", rationale);
        m.put("app_version", appVersion);
        return CanonicalJson.write(m);
    }

    /** hash = SHA-256(prev_hash ‖ canonical JSON), over UTF-8 bytes, lower-case hex. */
    static String eventHash(String prevHash, String canonicalJson) {
        return CanonicalJson.sha256(prevHash + canonicalJson);
    }

    /** The head hash read on this connection (inside a transaction: the position we append at). */
    String head() throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : CanonicalJson.GENESIS;
        }
    }

    /** Appends one event at the chain position read inside the current transaction. */
    AuditEvent writeEvent(String at, String actor, String action, String datasetSha256, String policyJson,
            String resultJson, String rationale) throws SQLException {
        long id;
        String prev;
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
                id = rs.getLong(1) + 1;
                prev = rs.getString(2);
            } else {
                id = 1;
                prev = CanonicalJson.GENESIS;
            }
        }
        String canonical = canonicalEvent(id, at, actor, action, datasetSha256, policyJson, resultJson, rationale,
                appVersion);
        String hash = eventHash(prev, canonical);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("occurred_at", at);
        v.put("actor", actor);
        v.put("action", action);
        v.put("dataset_sha256", datasetSha256);
        v.put("policy_json", policyJson);
        v.put("result_json", resultJson);
        v.put("rationale", rationale);
        v.put("app_version", appVersion);
        v.put("prev_hash", prev);
        v.put("hash", hash);
        insert("audit_event", v);
        pending = new Receipt(id, action, hash, at);
        return new AuditEvent(id, at, actor, action, datasetSha256, policyJson, resultJson, rationale, appVersion,
                prev, hash);
    }
}
