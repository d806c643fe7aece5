package org.releaseauditor.audit.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.releaseauditor.audit.CanonicalJson;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.i18n.Messages;

/**
 * Recomputes the hash chain of {@code audit_event} and the row digests that events record
 * (see {@code src/docs/audit-cases.md}, "Hash chain"). Reports the first broken event, and for
 * rows the table, id and column that no longer match.
 */
final class ChainVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTENT_COLUMNS = List.of("occurred_at", "actor", "action", "dataset_sha256",
            "policy_json", "result_json", "rationale", "app_version");

    private ChainVerifier() {
    }

    static List<VerificationItem> verify(JdbcAuditStore store) throws SQLException {
        List<VerificationItem> items = new ArrayList<>();
        List<String> integrity = store.integrityCheck();
        boolean sqliteOk = integrity.size() == 1 && "ok".equals(integrity.get(0));
        items.add(new VerificationItem("sqlite", Messages.get("verify.subject.sqlite"), sqliteOk,
                sqliteOk ? "ok" : String.join("; ", integrity.subList(0, Math.min(3, integrity.size())))));

        List<Map<String, Object>> events = store.rawEvents();
        items.add(chainItem(events));
        items.addAll(rowItems(store, events));
        return items;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static VerificationItem chainItem(List<Map<String, Object>> events) {
        String subject = Messages.get("verify.subject.chain");
        String prev = CanonicalJson.GENESIS;
        long expectedId = 1;
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = events.get(i);
            Object idObj = e.get("id");
            String label = String.valueOf(idObj);
            if (!(idObj instanceof Long id) || id != expectedId) {
                return broken(subject, Messages.get("verify.chain.badId", i + 1, label, expectedId));
            }
            if (!prev.equals(str(e.get("prev_hash")))) {
                return broken(subject, Messages.get("verify.chain.badPrev", label, expectedId - 1));
            }
            String canonical = JdbcAuditStore.canonicalEvent(id, str(e.get("occurred_at")), str(e.get("actor")),
                    str(e.get("action")), str(e.get("dataset_sha256")), str(e.get("policy_json")),
                    str(e.get("result_json")), str(e.get("rationale")), str(e.get("app_version")));
            String recomputed = JdbcAuditStore.eventHash(prev, canonical);
            String stored = str(e.get("hash"));
            if (!recomputed.equals(stored)) {
                boolean nextLinksToContent = i + 1 < events.size()
                        && recomputed.equals(str(events.get(i + 1).get("prev_hash")));
                // if the next event still links to the recomputed value, only the hash column was edited
                String what = nextLinksToContent ? Messages.get("verify.chain.hashColumn", label)
                        : Messages.get("verify.chain.content", label, String.join(", ", CONTENT_COLUMNS));
                return broken(subject, what);
            }
            prev = stored;
            expectedId++;
        }
        return new VerificationItem("chain", subject, true, Messages.get("verify.chain.ok", events.size(), prev));
    }

    private static VerificationItem broken(String subject, String detail) {
        return new VerificationItem("chain", subject, false, detail);
    }

    private static List<VerificationItem> rowItems(JdbcAuditStore store, List<Map<String, Object>> events)
            throws SQLException {
        Map<String, List<String>> problems = new TreeMap<>();
        Map<String, Set<Long>> referenced = new HashMap<>();
        for (String t : JdbcAuditStore.rowTables()) {
            problems.put(t, new ArrayList<>());
            referenced.put(t, new HashSet<>());
        }
        for (Map<String, Object> e : events) {
            String eventId = String.valueOf(e.get("id"));
            String payload = str(e.get("result_json"));
            if (payload == null || !payload.startsWith("{\"rows\":")) {
                continue;
            }
            JsonNode rows;
            try {
                rows = JSON.readTree(payload).path("rows");
            } catch (IOException ex) {
                continue; // the chain check reports the changed payload
            }
            for (JsonNode ref : rows) {
                String table = ref.path("table").asText();
                long id = ref.path("id").asLong();
                if (!problems.containsKey(table)) {
                    continue;
                }
                referenced.get(table).add(id);
                Map<String, Object> row = store.row(table, id);
                if (row == null) {
                    problems.get(table).add(Messages.get("verify.row.deleted", table, id, eventId));
                    continue;
                }
                String digest = CanonicalJson.sha256(CanonicalJson.write(row));
                if (!digest.equals(ref.path("digest").asText())) {
                    List<String> changed = new ArrayList<>();
                    JsonNode cols = ref.path("columns");
                    for (Map.Entry<String, Object> c : row.entrySet()) {
                        Map<String, Object> one = new TreeMap<>();
                        one.put("v", c.getValue());
                        if (!CanonicalJson.sha256(CanonicalJson.write(one)).equals(cols.path(c.getKey()).asText())) {
                            changed.add(c.getKey());
                        }
                    }
                    problems.get(table).add(Messages.get("verify.row.changed", table, id, String.join(", ", changed),
                            eventId));
                }
                if ("decision".equals(table) && row.get("chain_head") != null
                        && !row.get("chain_head").equals(str(e.get("prev_hash")))) {
                    problems.get(table).add(Messages.get("verify.row.chainHead", id, eventId));
                }
            }
        }
        List<VerificationItem> items = new ArrayList<>();
        for (String table : JdbcAuditStore.rowTables()) {
            List<Long> ids = store.rowIds(table);
            for (long id : ids) {
                if (!referenced.get(table).contains(id)) {
                    problems.get(table).add(Messages.get("verify.row.unrecorded", table, id));
                }
            }
            List<String> p = problems.get(table);
            items.add(new VerificationItem("row", Messages.get("verify.subject.table", table), p.isEmpty(),
                    p.isEmpty() ? Messages.get("verify.row.ok", ids.size()) : String.join("; ", p)));
        }
        return items;
    }
}
