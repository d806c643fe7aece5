package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.audit.CanonicalJson;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditStoreException;

class JdbcAuditStoreTest {

    @TempDir
    Path dir;

    @Test
    void freshCaseVerifiesAndChainsEveryEvent() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "test-1")) {
            List<AuditEvent> ev = s.events();
            assertEquals(8, ev.size());
            assertEquals(CanonicalJson.GENESIS, ev.get(0).prevHash());
            for (int i = 1; i < ev.size(); i++) {
                assertEquals(ev.get(i - 1).hash(), ev.get(i).prevHash());
            }
            assertEquals(List.of("CASE_CREATED", "DATASET_ADDED", "ROLE_ASSIGNED", "ATTACKER_MODEL_RECORDED",
                    "RUN_RECORDED", "POLICY_EVALUATED", "DECISION_RECORDED", "NOTE"),
                    ev.stream().map(AuditEvent::action).toList());
            List<VerificationItem> items = s.verifyChain();
            assertTrue(items.stream().allMatch(VerificationItem::ok), items.toString());
            assertEquals(ev.get(7).hash(), s.headHash());
            assertEquals(1, s.schemaVersion());
        }
    }

    @Test
    void durabilitySettingsAreOn() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "test-1")) {
            assertEquals("wal", s.pragma("journal_mode"));
            assertEquals("2", s.pragma("synchronous"), "FULL");
            assertEquals("1", s.pragma("foreign_keys"));
            assertEquals(Integer.toString(JdbcAuditStore.APPLICATION_ID), s.pragma("application_id"));
        }
    }

    @Test
    void hashIsSha256OfPrevHashAndCanonicalJson() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "test-1")) {
            AuditEvent e = s.events().get(0);
            // written out by hand: keys sorted, no whitespace, nulls explicit
            String canonical = "{\"action\":\"CASE_CREATED\",\"actor\":\"dana\",\"app_version\":\"test-1\","
                    + "\"dataset_sha256\":null,\"id\":1,\"occurred_at\":\"" + e.occurredAt() + "\","
                    + "\"policy_json\":null,\"rationale\":null,\"result_json\":"
                    + CanonicalJsonTest.quote(e.resultJson()) + "}";
            assertEquals(CanonicalJson.sha256(CanonicalJson.GENESIS + canonical), e.hash());
        }
    }

    @Test
    void triggersRefuseUpdateAndDeleteOfEventsRunsAndDecisions() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        for (String sql : List.of("UPDATE audit_event SET actor = 'eve'", "DELETE FROM audit_event",
                "UPDATE analysis_run SET result_json = '{}'", "DELETE FROM analysis_run",
                "UPDATE decision SET outcome = 'REJECT'", "DELETE FROM decision")) {
            SQLException e = assertThrows(SQLException.class, () -> CaseFixture.sql(f, sql), sql);
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }

    @Test
    void secondInstanceOpensReadOnlyAndSaysSo() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore first = JdbcAuditStore.open(f, false, "test-1")) {
            assertEquals(CaseAccess.READ_WRITE, first.access());
            try (JdbcAuditStore second = JdbcAuditStore.open(f, false, "test-1")) {
                assertEquals(CaseAccess.READ_ONLY_LOCKED, second.access());
                assertFalse(second.lockHolder().isBlank());
                assertEquals(8, second.events().size());
                AuditStoreException e = assertThrows(AuditStoreException.class,
                        () -> second.appendEvent("x", "NOTE", null, null, null, null));
                assertEquals("audit.error.readOnly", e.messageKey());
            }
            first.appendEvent("dana", "NOTE", null, null, null, null);
        }
        try (JdbcAuditStore again = JdbcAuditStore.open(f, false, "test-1")) {
            assertEquals(CaseAccess.READ_WRITE, again.access());
            assertEquals(9, again.events().size());
        }
    }

    @Test
    void regulatorCanOpenExplicitlyReadOnly() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "test-1")) {
            assertEquals(CaseAccess.READ_ONLY_REQUESTED, s.access());
            assertThrows(AuditStoreException.class, () -> s.appendEvent("x", "NOTE", null, null, null, null));
        }
        assertNotEquals(0, Files.size(f));
    }

    @Test
    void newerSchemaIsRefused() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFixture.sql(f, "PRAGMA user_version = 7");
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.open(f, false, "t"));
        assertEquals("audit.error.newerSchema", e.messageKey());
        assertTrue(e.getMessage().contains("version 7"), e.getMessage());
    }

    @Test
    void nonSqliteFileIsRefusedClearly() throws Exception {
        Path f = dir.resolve("notes.rcase");
        Files.writeString(f, "age,zip\n34,10115\n", StandardCharsets.UTF_8);
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.open(f, false, "t"));
        assertEquals("audit.error.notSqlite", e.messageKey());
        assertEquals("age,zip\n34,10115\n", Files.readString(f), "the file must not be modified");
    }

    @Test
    void otherSqliteDatabaseIsNotACase() throws Exception {
        Path f = dir.resolve("other.db");
        CaseFixture.sql(f, "CREATE TABLE t (x INTEGER)");
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.open(f, false, "t"));
        assertEquals("audit.error.notACase", e.messageKey());
    }

    @Test
    void truncatedFileIsRefusedClearly() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.open(f, false, "t"));
        assertTrue(List.of("audit.error.truncated", "audit.error.corrupt").contains(e.messageKey()), e.messageKey());
    }

    @Test
    void fileWithGarbagePagesIsReportedCorrupt() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        byte[] all = Files.readAllBytes(f);
        for (int i = 4096; i < all.length; i++) {
            all[i] = (byte) (i * 31);
        }
        Files.write(f, all);
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> {
            try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "t")) {
                s.events();
            }
        });
        assertTrue(List.of("audit.error.corrupt", "audit.error.sql").contains(e.messageKey()), e.messageKey());
    }

    @Test
    void createRefusesExistingFile() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.create(f,
                new org.releaseauditor.core.casefile.CaseInfo("x", "", "", "", null), "a", "t"));
        assertEquals("audit.error.exists", e.messageKey());
    }
}
