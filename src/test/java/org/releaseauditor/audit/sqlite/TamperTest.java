package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.casefile.VerificationItem;

/** Any change of any column of the event, run or decision tables is reported by verify. */
class TamperTest {

    @TempDir
    Path dir;

    private List<VerificationItem> verify(Path f) throws Exception {
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "test-1")) {
            return s.verifyChain();
        }
    }

    private static String broken(List<VerificationItem> items) {
        return items.stream().filter(i -> !i.ok()).map(i -> i.subject() + ": " + i.detail())
                .collect(Collectors.joining(" | "));
    }

    /** Event 7 is the decision event (all columns non-null); event 8 follows it. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            id             ; id = 70                                                   ; position 7: id column is 8, expected 7
            occurred_at    ; occurred_at = '2020-01-01T00:00:00Z'                      ; event 7: stored hash
            actor          ; actor = 'mallory'                                         ; event 7: stored hash
            action         ; action = 'NOTE'                                           ; event 7: stored hash
            dataset_sha256 ; dataset_sha256 = replace(dataset_sha256, 'a', 'b')        ; event 7: stored hash
            policy_json    ; policy_json = '{"id":"lenient"}'                          ; event 7: stored hash
            result_json    ; result_json = replace(result_json, 'decision', 'decisiom') ; event 7: stored hash
            rationale      ; rationale = rationale || ' not'                           ; event 7: stored hash
            app_version    ; app_version = '9.9'                                       ; event 7: stored hash
            prev_hash      ; prev_hash = replace(prev_hash, substr(prev_hash, 1, 1), 'x') ; event 7: prev_hash column does not equal the hash of event 6
            hash           ; hash = replace(hash, substr(hash, 1, 1), 'x')             ; event 7: the hash column was changed
            """)
    void everyEventColumnChangeIsDetected(String column, String set, String expected) throws Exception {
        Path f = CaseFixture.fullCase(dir);
        assertTrue(verify(f).stream().allMatch(VerificationItem::ok));
        CaseFixture.sql(f, "DROP TRIGGER audit_event_no_update", "UPDATE audit_event SET " + set + " WHERE id = 7");
        List<VerificationItem> items = verify(f);
        String b = broken(items);
        assertFalse(b.isEmpty(), column);
        assertTrue(b.contains(expected), column + " -> " + b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"outcome = 'REJECT'", "conditions = 'none'", "rationale = 'x'", "auditor = 'Eve'",
        "dataset_sha256s = '{}'", "policy_json = NULL", "run_ids = '[]'", "chain_head = 'x'", "supersedes = 1",
        "decided_at = '2020-01-01T00:00:00Z'"})
    void everyDecisionColumnChangeIsDetected(String set) throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFixture.sql(f, "PRAGMA foreign_keys = OFF", "DROP TRIGGER decision_no_update",
                "UPDATE decision SET " + set + " WHERE id = 1");
        String b = broken(verify(f));
        String column = set.substring(0, set.indexOf(' '));
        assertTrue(b.contains("decision 1: column(s) " + column), set + " -> " + b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lane = 'aggregates'", "engine_version = '0'", "params_json = '{}'",
        "result_json = '{\"k\":50,\"records\":10}'", "dataset_ids = '[]'", "actor = 'eve'",
        "run_at = '2020-01-01T00:00:00Z'"})
    void everyRunColumnChangeIsDetected(String set) throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFixture.sql(f, "DROP TRIGGER analysis_run_no_update", "UPDATE analysis_run SET " + set + " WHERE id = 1");
        String b = broken(verify(f));
        String column = set.substring(0, set.indexOf(' '));
        assertTrue(b.contains("analysis_run 1: column(s) " + column), set + " -> " + b);
    }

    @Test
    void deletedAndInsertedRowsAreDetected() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFixture.sql(f, "PRAGMA foreign_keys = OFF", "DROP TRIGGER decision_no_delete", "DELETE FROM decision",
                "INSERT INTO dataset VALUES (2, '/x.csv', 'c', 1, '2020-01-01T00:00:00Z', '{}', '2020-01-01T00:00:00Z')");
        String b = broken(verify(f));
        assertTrue(b.contains("decision 1: row was deleted"), b);
        assertTrue(b.contains("dataset 2: row is not recorded"), b);
    }

    @Test
    void deletedEventIsDetected() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFixture.sql(f, "DROP TRIGGER audit_event_no_delete", "DELETE FROM audit_event WHERE id = 4");
        String b = broken(verify(f));
        assertTrue(b.contains("event at position 4: id column is 5, expected 4"), b);
    }

    @Test
    void flippedByteInTheFileIsDetected() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        byte[] all = Files.readAllBytes(f);
        byte[] marker = CaseFixture.RATIONALE.getBytes(StandardCharsets.UTF_8);
        int hits = 0;
        for (int i = 0; i + marker.length <= all.length; i++) {
            if (java.util.Arrays.equals(all, i, i + marker.length, marker, 0, marker.length)) {
                all[i + marker.length - 1] ^= 0x01; // "records" -> "recordr"
                hits++;
            }
        }
        assertTrue(hits >= 2, "rationale is stored in the decision row and in its event");
        Files.write(f, all);
        String b = broken(verify(f));
        assertTrue(b.contains("event 7"), b);
        assertTrue(b.contains("decision 1: column(s) rationale"), b);
    }
}
