package org.releaseauditor.audit.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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

    static List<VerificationItem> verify(CaseQueries store, int version) throws SQLException {
        List<VerificationItem> items = new ArrayList<>();
        List<String> integrity = store.integrityCheck();
        boolean sqliteOk = integrity.size() == 1 && "ok".equals(integrity.get(0));
        items.add(new VerificationItem("sqlite", Messages.get("verify.subject.sqlite"), sqliteOk,
                sqliteOk ? "ok" : String.join("; ", integrity.subList(0, Math.min(3, integrity.size())))));

        List<Map<String, Object>> events = store.rawEvents();
        items.add(chainItem(events));
        List<String> tables = CaseSchema.rowTables(version);
        items.addAll(rowItems(store, events, tables));
        if (version >= 2) {
            items.add(sealItem(store, events));
        }
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
            String canonical = EventChain.canonicalEvent(id, str(e.get("occurred_at")), str(e.get("actor")),
                    str(e.get("action")), str(e.get("dataset_sha256")), str(e.get("policy_json")),
                    str(e.get("result_json")), str(e.get("rationale")), str(e.get("app_version")));
            String recomputed = EventChain.eventHash(prev, canonical);
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

    /**
     * A decision's (or review's) {@code chain_head} must be the {@code prev_hash} of the event
     * that records it: the state it was made on is exactly the chain before it.
     */
    static boolean headMatches(Map<String, Object> row, Map<String, Object> event) {
        Object head = row.get("chain_head");
        return head != null && head.equals(str(event.get("prev_hash")));
    }

    /**
     * The seals of decisions and reviews: a decision record's seal names the head the decision
     * was made on, and the result hash of each run and the hash of each output it rests on; they
     * must still hold. A review must sign the decision in force at the time of the review.
     */
    private static VerificationItem sealItem(CaseQueries store, List<Map<String, Object>> events) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, Long> eventOfRow = new HashMap<>();
        for (Map<String, Object> e : events) {
            String payload = str(e.get("result_json"));
            if (payload == null || !payload.startsWith("{\"rows\":") || !(e.get("id") instanceof Long eid)) {
                continue;
            }
            try {
                for (JsonNode ref : JSON.readTree(payload).path("rows")) {
                    eventOfRow.put(ref.path("table").asText() + "#" + ref.path("id").asLong(), eid);
                }
            } catch (IOException ex) {
                // reported by the chain check
            }
        }
        int sealed = 0;
        for (long id : store.rowIds("decision_record")) {
            Map<String, Object> rec = store.row("decision_record", id);
            Object decisionId = rec.get("decision_id");
            Map<String, Object> decision = decisionId instanceof Long d ? store.row("decision", d) : null;
            JsonNode seal;
            try {
                seal = JSON.readTree(str(rec.get("seal")));
            } catch (IOException | IllegalArgumentException ex) {
                problems.add(Messages.get("verify.seal.malformed", decisionId));
                continue;
            }
            if (seal == null || !seal.isObject()) {
                problems.add(Messages.get("verify.seal.malformed", decisionId));
                continue;
            }
            sealed++;
            if (decision == null || !seal.path("head").asText().equals(str(decision.get("chain_head")))) {
                problems.add(Messages.get("verify.seal.head", decisionId));
            }
            for (JsonNode r : seal.path("runs")) {
                Map<String, Object> run = store.row("analysis_run", r.path("id").asLong());
                String now = run == null ? null : CanonicalJson.sha256(str(run.get("result_json")));
                if (!r.path("result_sha256").asText().equals(now)) {
                    problems.add(Messages.get("verify.seal.run", decisionId, r.path("id").asLong()));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = seal.path("outputs").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> o = it.next();
                Map<String, Object> ds = o.getKey().matches("\\d{1,18}") ? store.row("dataset", Long.parseLong(o.getKey()))
                        : null;
                if (ds == null || !o.getValue().asText().equals(str(ds.get("sha256")))) {
                    problems.add(Messages.get("verify.seal.output", decisionId, o.getKey()));
                }
            }
        }
        for (long id : store.rowIds("review")) {
            Map<String, Object> rev = store.row("review", id);
            Long reviewEvent = eventOfRow.get("review#" + id);
            Object decisionId = rev.get("decision_id");
            for (long did : store.rowIds("decision")) {
                Long decisionEvent = eventOfRow.get("decision#" + did);
                if (decisionId instanceof Long d && did > d && decisionEvent != null && reviewEvent != null
                        && decisionEvent < reviewEvent) {
                    problems.add(Messages.get("verify.seal.reviewSuperseded", id, d, did));
                }
            }
        }
        return new VerificationItem("seal", Messages.get("verify.subject.seals"), problems.isEmpty(),
                problems.isEmpty() ? Messages.get("verify.seal.ok", sealed, store.rowIds("review").size())
                        : String.join("; ", problems));
    }

    private static VerificationItem broken(String subject, String detail) {
        return new VerificationItem("chain", subject, false, detail);
    }

    private static List<VerificationItem> rowItems(CaseQueries store, List<Map<String, Object>> events,
            List<String> tables) throws SQLException {
        Map<String, List<String>> problems = new TreeMap<>();
        Map<String, Set<Long>> referenced = new HashMap<>();
        for (String t : tables) {
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
                if (("decision".equals(table) || "review".equals(table)) && !headMatches(row, e)) {
                    problems.get(table).add(Messages.get("decision".equals(table) ? "verify.row.chainHead"
                            : "verify.row.reviewHead", id, eventId));
                }
            }
        }
        List<VerificationItem> items = new ArrayList<>();
        for (String table : tables) {
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
