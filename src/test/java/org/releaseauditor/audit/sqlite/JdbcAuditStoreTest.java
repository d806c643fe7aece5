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
            assertEquals(JdbcAuditStore.CURRENT_VERSION, s.schemaVersion());
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
    void secondInstanceWritesAfterTheFirstAndEachWriteGetsItsOwnPosition() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore first = JdbcAuditStore.open(f, false, "test-1")) {
            assertEquals(CaseAccess.READ_WRITE, first.access());
            try (JdbcAuditStore second = JdbcAuditStore.open(f, false, "test-1")) {
                assertEquals(CaseAccess.READ_WRITE, second.access());
                AuditEvent a = first.appendEvent("dana", "NOTE", null, null, null, null);
                AuditEvent b = second.appendEvent("eve", "NOTE", null, null, null, null);
                assertEquals(9, a.id());
                assertEquals(10, b.id());
                assertEquals(a.hash(), b.prevHash(), "the second writer chains onto the first one's event");
                assertEquals(b.hash(), first.headHash(), "the first store sees the second one's write");
                assertEquals(b.hash(), second.lastReceipt().orElseThrow().headHash());
                assertEquals(a.hash(), first.lastReceipt().orElseThrow().headHash());
            }
        }
        try (JdbcAuditStore again = JdbcAuditStore.open(f, true, "test-1")) {
            assertEquals(10, again.events().size());
            assertTrue(again.verifyChain().stream().allMatch(VerificationItem::ok));
        }
        assertFalse(Files.exists(dir.resolve("test.rcase.lock")), "no lock file stays behind");
        assertFalse(Files.exists(dir.resolve("test.rcase-wal")), "the case is one file at rest");
    }

    @Test
    void threadsSharingOneStoreAppendWithoutLosingOrDuplicatingPositions() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "test-1")) {
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            java.util.Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < 25; i++) {
                            ids.add(s.appendEvent("t", "NOTE", null, null, null, null).id());
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(null, failure.get());
            assertEquals(100, ids.size(), "every write got its own chain position");
            assertEquals(108, s.events().size());
            assertTrue(s.verifyChain().stream().allMatch(VerificationItem::ok));
        }
    }

    @Test
    void caseFileWithASecondHardLinkIsRefusedForWritingButReadable() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        Path link = dir.resolve("link.rcase");
        Files.createLink(link, f);
        for (Path p : List.of(f, link)) {
            AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.open(p, false, "t"));
            assertEquals("audit.error.hardLinks", e.messageKey());
            assertTrue(e.getMessage().contains("2 hard links"), e.getMessage());
        }
        try (JdbcAuditStore ro = JdbcAuditStore.open(link, true, "t")) {
            assertEquals(8, ro.events().size());
        }
    }

    @Test
    void hardLinkMadeWhileTheCaseIsOpenStopsTheNextWrite() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "t")) {
            s.appendEvent("a", "NOTE", null, null, null, null);
            Files.createLink(dir.resolve("late-link.rcase"), f);
            AuditStoreException e = assertThrows(AuditStoreException.class,
                    () -> s.appendEvent("a", "NOTE", null, null, null, null));
            assertEquals("audit.error.hardLinks", e.messageKey());
            assertEquals(9, s.events().size(), "the refused write recorded nothing");
        }
    }

    @Test
    void symlinkOpensTheSameFileAndItsIdentity() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        Path link = dir.resolve("sym.rcase");
        Files.createSymbolicLink(link, f);
        try (JdbcAuditStore viaLink = JdbcAuditStore.open(link, false, "t");
                JdbcAuditStore direct = JdbcAuditStore.open(f, false, "t")) {
            assertEquals(f.toRealPath(), viaLink.file(), "the store works on the canonical file");
            viaLink.appendEvent("a", "NOTE", null, null, null, null);
            direct.appendEvent("b", "NOTE", null, null, null, null);
            assertEquals(10, viaLink.events().size());
            assertTrue(direct.verifyChain().stream().allMatch(VerificationItem::ok));
        }
        assertFalse(Files.exists(dir.resolve("sym.rcase.lock")));
        assertFalse(Files.exists(dir.resolve("test.rcase.lock")));
    }

    @Test
    void writerWaitsForABusyCaseAndThenSaysBusyTryAgain() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFileLock.Identity id = CaseFileLock.identify(f);
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "t")) {
            s.setLockWait(new org.releaseauditor.audit.LockWait(java.time.Duration.ofMillis(1500),
                    (holder, waited, limit) -> heard.add(holder + " " + waited.toMillis())));
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try (CaseFileLock.Held h = CaseFileLock.acquire(id, org.releaseauditor.audit.LockWait.defaults())) {
                    held.countDown();
                    release.await();
                } catch (Exception e) {
                    held.countDown();
                }
            });
            holder.start();
            held.await();
            long t0 = System.nanoTime();
            AuditStoreException e = assertThrows(AuditStoreException.class,
                    () -> s.appendEvent("a", "NOTE", null, null, null, null));
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            release.countDown();
            holder.join();
            assertEquals("audit.error.busy", e.messageKey());
            assertTrue(e.getMessage().contains("try again"), e.getMessage());
            assertTrue(waitedMs >= 1400, "waited up to the limit: " + waitedMs);
            assertFalse(heard.isEmpty(), "progress while waiting");
            assertEquals(8, s.events().size());
            // once the other writer is done, the same write goes through
            assertEquals(9, s.appendEvent("a", "NOTE", null, null, null, null).id());
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
