package org.releaseauditor.audit.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.releaseauditor.audit.CanonicalJson;

/**
 * A forger who knows the format: after editing rows, recomputes every row reference and every
 * event hash, so that the chain and the row digests hold again. What is left for verify to find
 * is only what the semantic checks (decision chain_head, seals, reviews, receipts) catch: each of
 * them can be tested on its own.
 */
final class Forgery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Forgery() {
    }

    static void rechain(Path file, String... edits) throws Exception {
        rechain(file, false, edits);
    }

    /**
     * With {@code fixHeads}, the forger also rewrites the chain heads that decisions, their seals
     * and reviews record, so that they match the recomputed chain.
     */
    static void rechain(Path file, boolean fixHeads, String... edits) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            List<String> triggers = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                st.execute("DROP TRIGGER " + t);
            }
            st.execute("PRAGMA foreign_keys = OFF");
            for (String e : edits) {
                st.execute(e);
            }
            List<long[]> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT id FROM audit_event ORDER BY id")) {
                while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1)});
                }
            }
            String prev = CanonicalJson.GENESIS;
            for (long[] idBox : ids) {
                long id = idBox[0];
                Map<String, Object> ev = EventChain.rowValues(c, "audit_event", id);
                String payload = (String) ev.get("result_json");
                if (payload != null && payload.startsWith("{\"rows\":")) {
                    List<Map<String, Object>> refs = new ArrayList<>();
                    for (JsonNode ref : JSON.readTree(payload).path("rows")) {
                        String table = ref.path("table").asText();
                        long rowId = ref.path("id").asLong();
                        if (fixHeads && ("decision".equals(table) || "review".equals(table))) {
                            String old = (String) EventChain.rowValues(c, table, rowId).get("chain_head");
                            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                                    + " SET chain_head = ? WHERE id = ?")) {
                                ps.setString(1, prev);
                                ps.setLong(2, rowId);
                                ps.executeUpdate();
                            }
                            if ("decision".equals(table)) {
                                try (PreparedStatement ps = c.prepareStatement("UPDATE decision_record SET seal = "
                                        + "replace(seal, ?, ?) WHERE decision_id = ?")) {
                                    ps.setString(1, old);
                                    ps.setString(2, prev);
                                    ps.setLong(3, rowId);
                                    ps.executeUpdate();
                                }
                            }
                        }
                        Map<String, Object> row = EventChain.rowValues(c, table, rowId);
                        Map<String, Object> cols = new TreeMap<>();
                        row.forEach((k, v) -> cols.put(k, EventChain.columnDigest(v)));
                        Map<String, Object> r = new TreeMap<>();
                        r.put("table", table);
                        r.put("id", rowId);
                        r.put("digest", CanonicalJson.sha256(CanonicalJson.write(row)));
                        r.put("columns", cols);
                        refs.add(r);
                    }
                    payload = EventChain.payload(refs);
                }
                String canonical = EventChain.canonicalEvent(id, (String) ev.get("occurred_at"),
                        (String) ev.get("actor"), (String) ev.get("action"), (String) ev.get("dataset_sha256"),
                        (String) ev.get("policy_json"), payload, (String) ev.get("rationale"),
                        (String) ev.get("app_version"));
                String hash = EventChain.eventHash(prev, canonical);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_event SET result_json = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
                    ps.setString(1, payload);
                    ps.setString(2, prev);
                    ps.setString(3, hash);
                    ps.setLong(4, id);
                    ps.executeUpdate();
                }
                prev = hash;
            }
        }
    }
}
