package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.i18n.Messages;

/**
 * Each check of verify on its own: a forger who recomputes digests and hashes (see
 * {@link Forgery}) defeats the chain and row checks, so only the semantic check under test can
 * fire, and it must. Also the last event of a chain, and the truncated-file check.
 */
class SemanticChecksTest {

    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private List<VerificationItem> verify(Path f) throws Exception {
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            return s.verifyChain();
        }
    }

    private static List<VerificationItem> broken(List<VerificationItem> items) {
        return items.stream().filter(i -> !i.ok()).toList();
    }

    private static String text(List<VerificationItem> items) {
        return items.stream().map(i -> i.subject() + ": " + i.detail()).collect(Collectors.joining(" | "));
    }

    /** A schema-2 case: dataset, run, sealed decision with a record, a review. Events 1-5. */
    private Path sealedCase() throws Exception {
        Path f = dir.resolve("sealed.rcase");
        try (JdbcAuditStore s = JdbcAuditStore.create(f, new CaseInfo("t", "", "Telco", "Dana", null), "d", "t")) {
            long ds = s.addDataset(new NewDataset("/d/a.csv", "a".repeat(64), 1, Instant.EPOCH, "{}"), "d").id();
            long run = s.addRun(new NewRun("microdata", "t", "{}", "{\"k\":7}", List.of(ds)), "d").id();
            s.addDecision(new NewDecision(DecisionOutcome.APPROVE, "", "fine", "Dana",
                    "{\"" + ds + "\":\"" + "a".repeat(64) + "\"}", null, List.of(run),
                    new NewDecision.NewDecisionRecord("research", List.of("ART89"), "", "partner", "1 year", "Telco",
                            null, "[]", "[]", true, List.of(new NewDecision.NewOutput(ds, true, ""))), null));
            s.addReview(1, "Rita", "ok");
        }
        return f;
    }

    @Test
    void forgeryHelperReproducesAnUntouchedCaseExactly() throws Exception {
        Path f = sealedCase();
        String head;
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            head = s.headHash();
        }
        Forgery.rechain(f);
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            assertEquals(head, s.headHash(), "re-chaining without edits changes nothing");
        }
        assertTrue(broken(verify(f)).isEmpty(), text(verify(f)));
    }

    @Test
    void decisionChainHeadCheckFiresOnItsOwn() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        Forgery.rechain(f, "UPDATE decision SET chain_head = '" + "e".repeat(64) + "' WHERE id = 1");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertEquals("decision 1: chain_head does not equal the chain head before event 7", b.get(0).detail());
    }

    @Test
    void reviewChainHeadCheckFiresOnItsOwn() throws Exception {
        Path f = sealedCase();
        Forgery.rechain(f, "UPDATE review SET chain_head = '" + "e".repeat(64) + "' WHERE id = 1");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertEquals("review 1: chain_head does not equal the chain head before event 5", b.get(0).detail());
    }

    @Test
    void sealOfAChangedRunResultFiresOnItsOwn() throws Exception {
        Path f = sealedCase();
        Forgery.rechain(f, true, "UPDATE analysis_run SET result_json = '{\"k\":70}' WHERE id = 1");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertEquals("decision 1: run 1 is not the run it was decided on (its result hash differs from the seal, or "
                + "the run is gone)", b.get(0).detail());
    }

    @Test
    void sealOfAChangedOutputHashFiresOnItsOwn() throws Exception {
        Path f = sealedCase();
        Forgery.rechain(f, true, "UPDATE dataset SET sha256 = '" + "b".repeat(64) + "' WHERE id = 1");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertTrue(b.get(0).detail().startsWith("decision 1: output (dataset) 1 is not the file"), text(b));
    }

    @Test
    void sealHeadThatIsNotTheDecisionsHeadFiresOnItsOwn() throws Exception {
        Path f = sealedCase();
        Forgery.rechain(f, true, "UPDATE decision_record SET seal = replace(seal, substr(seal, 10, 4), 'ffff')");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertEquals("decision 1: the head hash in its seal is not the head the decision was made on",
                b.get(0).detail());
    }

    @Test
    void unreadableSealIsReported() throws Exception {
        Path f = sealedCase();
        Forgery.rechain(f, true, "UPDATE decision_record SET seal = 'not json' WHERE id = 1");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertEquals("decision 1: its seal is not readable", b.get(0).detail());
    }

    @Test
    void reviewOfASupersededDecisionFiresOnItsOwn() throws Exception {
        Path f = sealedCase();
        try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "t")) {
            s.addDecision(new NewDecision(DecisionOutcome.REJECT, "", "no", "Dana", "{}", null, List.of(1L)));
            AuditStoreException e = assertThrows(AuditStoreException.class, () -> s.addReview(1, "Rita", ""));
            assertEquals("audit.error.reviewSuperseded", e.messageKey());
            s.addReview(2, "Rita", "");
        }
        // forge: review 2 now claims to sign decision 1, which decision 2 had superseded
        Forgery.rechain(f, "UPDATE review SET decision_id = 1 WHERE id = 2");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertEquals("review 2 signs decision 1, but decision 2 had superseded it before the review",
                b.get(0).detail());
    }

    @Test
    void tamperingWithTheLastEventIsDetected() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFixture.sql(f, "DROP TRIGGER audit_event_no_update", "UPDATE audit_event SET actor = 'mallory' WHERE id = 8");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertTrue(b.get(0).detail().startsWith("event 8: stored hash does not match"), text(b));
    }

    @Test
    void replacingTheLastEventsHashIsDetectedAsAChange() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        CaseFixture.sql(f, "DROP TRIGGER audit_event_no_update",
                "UPDATE audit_event SET hash = '" + "f".repeat(64) + "' WHERE id = 8");
        List<VerificationItem> b = broken(verify(f));
        assertEquals(1, b.size(), text(b));
        assertTrue(b.get(0).detail().startsWith("event 8:"), text(b));
    }

    @Test
    void cutTailVerifiesButLosesTheReceiptHead() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        String last;
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            last = s.headHash();
        }
        CaseFixture.sql(f, "DROP TRIGGER audit_event_no_delete", "DELETE FROM audit_event WHERE id = 8");
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            assertTrue(broken(s.verifyChain()).isEmpty(), "a cut tail alone keeps the chain valid");
            assertFalse(s.events().stream().map(AuditEvent::hash).anyMatch(last::equals),
                    "but the receipt's head is gone, which verify --head reports");
        }
    }

    @Test
    void truncatedFileIsRefusedByTheHeaderCheckWithBothSizes() throws Exception {
        Path f = CaseFixture.fullCase(dir);
        byte[] all = Files.readAllBytes(f);
        int pageSize = ((all[16] & 0xff) << 8) | (all[17] & 0xff);
        assertTrue(all.length >= 3 * pageSize, "fixture has several pages");
        int keep = all.length - pageSize;
        Files.write(f, java.util.Arrays.copyOf(all, keep));
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> JdbcAuditStore.open(f, true, "t"));
        assertEquals("audit.error.truncated", e.messageKey());
        assertTrue(e.getMessage().contains(keep + " bytes, but its header announces " + all.length), e.getMessage());
    }

    @Test
    void truncationRuleComparesSizeWithTheAnnouncedSize() {
        assertTrue(CaseSchema.truncated(4095, 4096, false));
        assertFalse(CaseSchema.truncated(4096, 4096, false), "exactly the announced size is complete");
        assertFalse(CaseSchema.truncated(8192, 4096, false));
        assertFalse(CaseSchema.truncated(10, 4096, true), "with a WAL the header may be stale");
        assertFalse(CaseSchema.truncated(10, 0, false), "no page count in the header");
        byte[] head = new byte[100];
        head[16] = 0x10; // page size 4096
        head[31] = 3; // 3 pages
        assertEquals(3 * 4096, CaseSchema.announcedSize(head));
        head[16] = 0;
        head[17] = 1; // 1 means 65536
        assertEquals(3 * 65536, CaseSchema.announcedSize(head));
    }

    @Test
    void expectedHeadThatMovedRefusesTheDecisionAndRecordsNothing() throws Exception {
        Path f = sealedCase();
        try (JdbcAuditStore s = JdbcAuditStore.open(f, false, "t")) {
            int before = s.events().size();
            AuditStoreException e = assertThrows(AuditStoreException.class, () -> s.addDecision(new NewDecision(
                    DecisionOutcome.REJECT, "", "no", "Dana", "{}", null, List.of(1L), null, "0".repeat(64))));
            assertEquals("audit.error.headMoved", e.messageKey());
            assertEquals(before, s.events().size());
            String head = s.headHash();
            s.addDecision(new NewDecision(DecisionOutcome.REJECT, "", "no", "Dana", "{}", null, List.of(1L), null,
                    head));
            assertEquals(before + 1, s.events().size());
        }
    }

    @Test
    void caseAtRestIsOneFileThatAReaderOpensWithoutSideFiles() throws Exception {
        Path f = sealedCase();
        try (JdbcAuditStore s = JdbcAuditStore.open(f, true, "t")) {
            assertEquals("delete", s.pragma("journal_mode"));
        }
        assertFalse(Files.exists(dir.resolve("sealed.rcase-wal")));
        assertFalse(Files.exists(dir.resolve("sealed.rcase-shm")));
        assertFalse(Files.exists(dir.resolve("sealed.rcase.lock")));
    }
}
