package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.audit.CanonicalJson;
import org.releaseauditor.audit.LockWait;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.Condition;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.i18n.Messages;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Every write of the store returns and stores exactly what was given; every read maps every column. */
class StoreApiTest {

    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);

    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void writesReturnWhatTheyStoredAndReadsMapEveryColumn() throws Exception {
        Path f = dir.resolve("api.rcase");
        try (JdbcAuditStore s = JdbcAuditStore.create(f, new CaseInfo("Title", "Product", "Telco", "Dana", null), "d",
                "v9")) {
            assertEquals(new CaseInfo("Title", "Product", "Telco", "Dana", s.caseInfo().createdAt()), s.caseInfo());
            var ds1 = s.addDataset(new NewDataset("/d/one.csv", A, 11, Instant.parse("2026-01-02T03:04:05Z"), null), "d");
            var ds2 = s.addDataset(new NewDataset("/d/two.csv", B, 22, Instant.EPOCH, "{\"x\":1}"), "d");
            assertEquals("{}", ds1.schemaJson(), "no schema is stored as {}");
            assertEquals(List.of(ds1, ds2), s.datasets());
            assertEquals(ds2, s.dataset(2).orElseThrow());
            assertTrue(s.dataset(3).isEmpty());
            assertEquals(Instant.parse("2026-01-02T03:04:05Z"), ds1.lastModified());

            RoleAssignment role = s.addRoleAssignment(2, "age", "QUASI_IDENTIFIER", "rita");
            assertEquals(2, role.datasetId());
            assertEquals("age", role.column());
            assertEquals("QUASI_IDENTIFIER", role.role());
            assertEquals("rita", role.actor());
            assertEquals(List.of(role), s.roleAssignments());
            assertEquals(s.headHash(), s.lastReceipt().orElseThrow().headHash());
            assertEquals("ROLE_ASSIGNED", s.lastReceipt().orElseThrow().action());
            assertEquals(B, s.events().get(s.events().size() - 1).datasetSha256(), "the role event names the dataset");

            AttackerModel am = s.addAttackerModel("neighbour", "{\"m\":1}", "rita");
            assertEquals("neighbour", am.name());
            assertEquals("{\"m\":1}", am.modelJson());
            assertEquals(List.of(am), s.attackerModels());

            RunEntry run = s.addRun(new NewRun("microdata", "v9", "{\"q\":1}", "{\"k\":3}", List.of(1L, 2L)), "rita");
            assertEquals(List.of(1L, 2L), run.datasetIds());
            assertEquals(List.of(run), s.runs());
            assertEquals(run, s.run(1).orElseThrow());
            assertEquals(A + "," + B, s.events().get(s.events().size() - 1).datasetSha256());
            RunEntry bare = s.addRun(new NewRun("aggregates", "v9", "{}", "{}", List.of()), "rita");
            assertNull(s.events().get(s.events().size() - 1).datasetSha256(), "a run without datasets names none");

            List<FindingEntry> fs = s.addFindings(1, new NewFindings("p", "2.0", "{\"id\":\"p\"}", List.of(
                    new NewFindings.Item("k", ">=", 5, 3.0, "FAIL", "too small"),
                    new NewFindings.Item("x", "<=", 0.5, null, "WARN", "not measured"))), "rita");
            assertEquals(2, fs.size());
            assertEquals(3.0, fs.get(0).measured());
            assertNull(fs.get(1).measured());
            assertEquals(0.5, fs.get(1).threshold());
            assertEquals("p", fs.get(0).policyId());
            assertEquals("2.0", fs.get(0).policyVersion());
            assertEquals(fs, s.findings(1));
            assertTrue(s.findings(bare.id()).isEmpty());
            assertEquals("{\"id\":\"p\"}", s.latestPolicyJson(1).orElseThrow());
            assertTrue(s.latestPolicyJson(bare.id()).isEmpty());
            assertEquals(A + "," + B, s.events().get(s.events().size() - 1).datasetSha256());
            assertEquals("{\"id\":\"p\"}", s.events().get(s.events().size() - 1).policyJson());

            DecisionEntry d1 = s.addDecision(new NewDecision(DecisionOutcome.REJECT, null, "no", "Dana",
                    "{\"1\":\"" + A + "\"}", null, List.of(1L)));
            assertEquals("", d1.conditions());
            assertNull(d1.supersedes());
            assertTrue(s.decisionRecord(d1.id()).isEmpty());
            assertTrue(s.outputDecisions(d1.id()).isEmpty());
            String head = s.headHash();
            DecisionEntry d2 = s.addDecision(new NewDecision(DecisionOutcome.APPROVE_WITH_CONDITIONS, "partner",
                    "ok", "Dana", "{\"1\":\"" + A + "\",\"2\":\"" + B + "\"}", "{\"id\":\"p\"}", List.of(1L),
                    new NewDecision.NewDecisionRecord("research", List.of("ART89", "ART6_1_E"), "law", "uni",
                            "1 year", "Telco", "accepted", "[{\"metric\":\"k\"}]",
                            "[{\"text\":\"partner\"},{\"text\":\"swap\",\"output\":{\"sha256\":\"" + B
                                    + "\",\"datasetId\":2,\"replaces\":1}}]",
                            true, List.of(new NewDecision.NewOutput(1, false, "k"), new NewDecision.NewOutput(2, true,
                                    null))), null));
            assertEquals(1L, d2.supersedes());
            assertEquals(head, d2.chainHead());
            assertEquals(List.of(d1, d2), s.decisions());
            DecisionRecord rec = s.decisionRecord(d2.id()).orElseThrow();
            assertEquals("research", rec.purpose());
            assertEquals(List.of(LegalBasis.ART89, LegalBasis.ART6_1_E), rec.legalBasis());
            assertEquals("law", rec.legalBasisText());
            assertEquals("uni", rec.recipients());
            assertEquals("1 year", rec.retention());
            assertEquals("Telco", rec.controller());
            assertTrue(rec.overridden());
            assertEquals("[{\"metric\":\"k\"}]", rec.overriddenFindings());
            assertTrue(rec.reviewRequired());
            assertEquals(List.of(new Condition("partner", null, null, null), new Condition("swap", B, 2L, 1L)),
                    rec.conditions());
            assertEquals("{\"head\":\"" + head + "\",\"outputs\":{\"1\":\"" + A + "\",\"2\":\"" + B + "\"},"
                    + "\"runs\":[{\"id\":1,\"result_sha256\":\"" + CanonicalJson.sha256("{\"k\":3}") + "\"}]}",
                    rec.seal());
            List<OutputDecision> outs = s.outputDecisions(d2.id());
            assertEquals(2, outs.size());
            assertFalse(outs.get(0).approved());
            assertEquals("k", outs.get(0).comment());
            assertTrue(outs.get(1).approved());
            assertEquals("", outs.get(1).comment());
            assertEquals(B, outs.get(1).sha256());
            AuditEvent dev = s.events().get(s.events().size() - 1);
            assertEquals("DECISION_RECORDED", dev.action());
            assertEquals(A + "," + B, dev.datasetSha256());
            assertEquals("ok", dev.rationale());
            assertEquals(4, dev.resultJson().split("\"table\"").length - 1, "decision, record and two outputs");

            assertEquals("audit.error.noDecision",
                    assertThrows(AuditStoreException.class, () -> s.addReview(9, "Rita", "")).messageKey());
            Review r = s.addReview(2, "Rita", null);
            assertEquals("", r.comment());
            assertEquals(2, r.decisionId());
            assertEquals(s.events().get(s.events().size() - 2).hash(), r.chainHead());
            AuditEvent rev = s.events().get(s.events().size() - 1);
            assertEquals("REVIEW_RECORDED", rev.action());
            assertEquals("Rita", rev.actor());
            assertNull(rev.rationale(), "an empty comment is no rationale");
            assertEquals(A + "," + B, rev.datasetSha256());
            assertEquals("{\"id\":\"p\"}", rev.policyJson());
            Review r2 = s.addReview(2, "Tom", "fine");
            assertEquals("fine", s.events().get(s.events().size() - 1).rationale());
            assertEquals(List.of(r.id(), r2.id()), s.reviews().stream().map(Review::id).toList());
            assertEquals("Tom", s.reviews().get(1).reviewer());
            assertEquals(r2.chainHead(), s.reviews().get(1).chainHead());
            assertTrue(s.verifyChain().stream().allMatch(VerificationItem::ok));
            assertEquals("v9", s.events().get(0).appVersion());
            assertEquals(JdbcAuditStore.eventHash(s.events().get(0).prevHash(), JdbcAuditStore.canonicalEvent(1,
                    s.events().get(0).occurredAt(), "d", "CASE_CREATED", null, null, s.events().get(0).resultJson(),
                    null, "v9")), s.events().get(0).hash());
        }
    }

    @Test
    void schemaOneFileHasNoRecordsOutputsOrReviews() throws Exception {
        Path f = dir.resolve("v1.rcase");
        try (InputStream in = getClass().getResourceAsStream("/org/releaseauditor/audit/fixtures/case-v1.rcase")) {
            Files.copy(in, f);
        }
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            assertEquals(1, s.schemaVersion());
            assertEquals(2, s.decisions().size());
            assertTrue(s.decisionRecord(2).isEmpty());
            assertTrue(s.outputDecisions(2).isEmpty());
            assertTrue(s.reviews().isEmpty());
            List<VerificationItem> items = s.verifyChain();
            assertTrue(items.stream().allMatch(VerificationItem::ok), items.toString());
            assertFalse(items.stream().anyMatch(i -> i.subject().contains("review")), "no schema-2 tables checked");
        }
    }

    @Test
    void backupIsAVerifiableCopyWithTheSameHead() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        Path copy = dir.resolve("copy.rcase");
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            s.backupTo(copy);
            assertEquals("audit.error.exists", assertThrows(AuditStoreException.class, () -> s.backupTo(copy))
                    .messageKey());
            try (JdbcAuditStore c = JdbcAuditStore.open(copy, true, "t")) {
                assertEquals(s.headHash(), c.headHash());
                assertTrue(c.verifyChain().stream().allMatch(VerificationItem::ok));
            }
        }
    }

    @Test
    void closedAndReadOnlyStoresRefuseWrites() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        JdbcAuditStore s = JdbcAuditStore.open(f, false, "t");
        s.close();
        s.close();
        assertEquals("audit.error.closed", assertThrows(AuditStoreException.class,
                () -> s.appendEvent("a", "NOTE", null, null, null, null)).messageKey());
        // every write checks the store itself first: a closed store says "closed", not whatever
        // its closed connection would raise
        for (var write : writes(s)) {
            assertEquals("audit.error.closed", assertThrows(AuditStoreException.class, write).messageKey());
        }
        try (JdbcAuditStore ro = JdbcAuditStore.open(f, true, "t")) {
            assertTrue(ro.readOnly());
            for (var write : writes(ro)) {
                assertEquals("audit.error.readOnly", assertThrows(AuditStoreException.class, write).messageKey());
            }
            assertEquals(8, ro.events().size());
        }
    }

    private static List<org.junit.jupiter.api.function.Executable> writes(JdbcAuditStore st) {
        return List.of(
                () -> st.addDataset(new NewDataset("/x", A, 1, Instant.EPOCH, "{}"), "a"),
                () -> st.addRoleAssignment(1, "c", "r", "a"), () -> st.addAttackerModel("n", "{}", "a"),
                () -> st.addRun(new NewRun("l", "v", "{}", "{}", List.of()), "a"),
                () -> st.addFindings(1, new NewFindings("p", "1", "{}", List.of()), "a"),
                () -> st.addDecision(new NewDecision(DecisionOutcome.REJECT, "", "r", "a", "{}", null, List.of())),
                () -> st.addReview(1, "r", ""));
    }

    @Test
    void durabilityAndWaitSettingsOfTheConnection() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "t")) {
            assertEquals(Integer.toString(CaseSchema.BUSY_TIMEOUT_MS), s.pragma("busy_timeout"));
            assertEquals("1", s.pragma("foreign_keys"));
            assertEquals("2", s.pragma("synchronous"));
            assertEquals("wal", s.pragma("journal_mode"), "WAL while a writer has the case open");
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            SQLITE_NOTADB,            audit.error.notSqlite
            SQLITE_CORRUPT,           audit.error.corrupt
            SQLITE_CORRUPT_INDEX,     audit.error.corrupt
            SQLITE_CORRUPT_SEQUENCE,  audit.error.corrupt
            SQLITE_CORRUPT_VTAB,      audit.error.corrupt
            SQLITE_READONLY,          audit.error.readOnly
            SQLITE_CONSTRAINT_TRIGGER, audit.error.appendOnly
            SQLITE_BUSY,              audit.error.busy
            SQLITE_LOCKED,            audit.error.busy
            SQLITE_BUSY_SNAPSHOT,     audit.error.busy
            SQLITE_BUSY_RECOVERY,     audit.error.busy
            SQLITE_IOERR,             audit.error.sql
            """)
    void sqliteErrorsBecomeMessagesToActOn(SQLiteErrorCode code, String key) {
        AuditStoreException e = SqlErrors.translate(new SQLiteException("boom", code), Path.of("/c.rcase"));
        assertEquals(key, e.messageKey());
        assertTrue(e.getMessage().contains("/c.rcase"), e.getMessage());
    }

    @Test
    void plainSqlErrorsNameTheFileAndTheCause() {
        AuditStoreException e = SqlErrors.translate(new SQLException("disk I/O error"), Path.of("/c.rcase"));
        assertEquals("audit.error.sql", e.messageKey());
        assertTrue(e.getMessage().contains("disk I/O error"), e.getMessage());
    }

    @Test
    void headerChecksNameWhatIsWrong() throws Exception {
        Path onlyMagic = dir.resolve("magic.rcase");
        Files.write(onlyMagic, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("audit.error.corrupt", assertThrows(AuditStoreException.class,
                () -> JdbcAuditStore.open(onlyMagic, true, "t")).messageKey());
        Path fifteen = dir.resolve("short.rcase");
        Files.write(fifteen, "SQLite format 3".getBytes(StandardCharsets.US_ASCII));
        assertEquals("audit.error.notSqlite", assertThrows(AuditStoreException.class,
                () -> JdbcAuditStore.open(fifteen, true, "t")).messageKey());
        byte[] head = new byte[100];
        head[16] = 0x02; // page size 512
        head[28] = 1;
        head[29] = 2;
        head[30] = 3;
        head[31] = 4;
        assertEquals(0x01020304L * 512, CaseSchema.announcedSize(head));
        Path noApp = dir.resolve("noapp.rcase");
        CaseFixture.sql(noApp, "CREATE TABLE t (x)", "PRAGMA user_version = 1");
        assertEquals("audit.error.notACase", assertThrows(AuditStoreException.class,
                () -> JdbcAuditStore.open(noApp, true, "t")).messageKey());
        Path noVersion = dir.resolve("noversion.rcase");
        CaseFixture.sql(noVersion, "CREATE TABLE t (x)", "PRAGMA application_id = " + JdbcAuditStore.APPLICATION_ID);
        assertEquals("audit.error.notACase", assertThrows(AuditStoreException.class,
                () -> JdbcAuditStore.open(noVersion, true, "t")).messageKey());
    }

    @Test
    void busyWriterHearsAboutTheWaitAboutOnceASecondAndIsToldHowLongItWaited() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFileLock.Identity id = CaseFileLock.identify(f);
        assertEquals(f.toRealPath(), id.canonical());
        assertEquals(1, id.links());
        assertTrue(id.key().contains(f.toRealPath().toString()));
        List<Duration> heard = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (CaseFileLock.Held h = CaseFileLock.acquire(id, LockWait.defaults())) {
                held.countDown();
                release.await();
            } catch (Exception e) {
                held.countDown();
            }
        });
        holder.start();
        held.await();
        AuditStoreException e;
        try {
            e = assertThrows(AuditStoreException.class, () -> CaseFileLock.acquire(id, new LockWait(
                    Duration.ofMillis(2300), (h, waited, limit) -> heard.add(waited))));
        } finally {
            release.countDown();
            holder.join();
        }
        assertEquals("audit.error.busy", e.messageKey());
        assertTrue(e.getMessage().contains("waited 2 s"), e.getMessage());
        assertTrue(heard.size() >= 2 && heard.size() <= 4, "about once a second: " + heard);
        assertTrue(heard.get(heard.size() - 1).toMillis() >= 900, heard.toString());
        // released: the lock can be taken at once, and no lock file is left
        try (CaseFileLock.Held h = CaseFileLock.acquire(id, new LockWait(Duration.ZERO, null))) {
            assertTrue(Files.exists(CaseFileLock.lockFileOf(id.canonical())));
        }
        assertFalse(Files.exists(CaseFileLock.lockFileOf(id.canonical())));
    }

    @Test
    void canonicalArrayAndLegalBasisParsing() {
        assertEquals("[\"ART6_1_E\",\"ART89\"]", CanonicalJson.writeArray(List.of("ART6_1_E", "ART89")));
        assertEquals("[]", CanonicalJson.writeArray(List.of()));
        assertEquals(LegalBasis.ART6_1_F, LegalBasis.parse("Art. 6(1)(f)").orElseThrow());
        assertEquals(LegalBasis.ART6_1_A, LegalBasis.parse("a").orElseThrow());
        assertEquals(LegalBasis.ART89, LegalBasis.parse("89").orElseThrow());
        assertEquals(LegalBasis.ART6_1_C, LegalBasis.parse("art6_1_c").orElseThrow());
        assertTrue(LegalBasis.parse("g").isEmpty());
        assertTrue(LegalBasis.parse(null).isEmpty());
        assertTrue(LegalBasis.parse("6(2)").isEmpty());
    }
}
