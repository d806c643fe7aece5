package org.releaseauditor.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.CaseStatus;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.FakeMicrodataLane;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseRecords.Decided;
import org.releaseauditor.service.cases.CaseRecords.DecisionDetails;
import org.releaseauditor.service.cases.CaseRecords.ExportResult;
import org.releaseauditor.service.cases.CaseRecords.FailedFinding;

/**
 * Decisions fit for GDPR and four eyes (issue 13 item 4): override of failing findings,
 * per-output decisions and the derived outcome, the GDPR record, the second reviewer, the status,
 * and the export of exactly the approved outputs.
 */
class CaseDecisionTest {

    /** k = 5: passes min-group-5. */
    static final String PASSING_CSV = """
            age,district,diagnosis
            50-59,Lichtenberg,Influenza
            50-59,Lichtenberg,Diabetes
            50-59,Lichtenberg,Asthma
            50-59,Lichtenberg,Migraine
            50-59,Lichtenberg,Gastritis
            """;

    @TempDir
    Path dir;
    LaneRegistry lanes;
    Path failing;
    Path passing;

    @BeforeEach
    void setUp() throws Exception {
        lanes = new LaneRegistry().register(new FakeMicrodataLane());
        failing = dir.resolve("failing.csv");
        passing = dir.resolve("passing.csv");
        Files.writeString(failing, FakeMicrodataLane.SAMPLE_CSV, StandardCharsets.UTF_8);
        Files.writeString(passing, PASSING_CSV, StandardCharsets.UTF_8);
        Messages.setLocale(Locale.ENGLISH);
        LaneRegistry.global().register(new FakeMicrodataLane());
    }

    /** Dataset 1 (k = 2, FAILs min-group-5, run 1) and dataset 2 (k = 5, passes, run 2). */
    private CaseService twoOutputs(String policy) throws AuditException {
        CaseService cs = CaseService.create(dir.resolve("c.rcase"), new CaseInfo("Footfall", "Steps", "Telco AG",
                "Dana", null), lanes);
        for (Path p : List.of(failing, passing)) {
            RunEntry r = cs.run(new FakeMicrodataLane.Request("age,district"), Map.of("data", p.toString()),
                    ProgressMonitor.none());
            cs.evaluatePolicy(r.id(), policy);
        }
        return cs;
    }

    @Test
    void approvingOverAFailingFindingNeedsAnOverrideThatNamesTheFinding() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            List<FailedFinding> failed = cs.failingFindings(List.of());
            assertEquals(1, failed.size());
            assertEquals("run 1: k >= 5 (measured 2)", failed.get(0).describe());
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> cs.decide(DecisionRequest
                    .builder().outcome(DecisionOutcome.APPROVE).rationale("ok").auditor("Dana").build(),
                    ProgressMonitor.none()));
            assertEquals("case.error.overrideRequired", e.messageKey());
            assertTrue(e.getMessage().contains("run 1: k >= 5 (measured 2)"), e.getMessage());
            assertEquals(7, cs.history().size(), "the refused decision recorded nothing");
            // approving with conditions is an approval too
            assertThrows(ConfigurationException.class, () -> cs.decide(DecisionRequest.builder()
                    .outcome(DecisionOutcome.APPROVE_WITH_CONDITIONS).conditions("partner only").rationale("ok")
                    .auditor("Dana").build(), ProgressMonitor.none()));
            Decided d = cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.APPROVE).rationale("ok")
                    .auditor("Dana").overrideJustification("k = 2 is acceptable for this closed group").build(),
                    ProgressMonitor.none());
            DecisionRecord rec = d.details().record().orElseThrow();
            assertTrue(rec.overridden());
            assertEquals("k = 2 is acceptable for this closed group", rec.overrideJustification());
            assertTrue(rec.overriddenFindings().contains("\"metric\":\"k\""), rec.overriddenFindings());
            assertTrue(rec.overriddenFindings().contains("\"measured\":\"2.0\""), rec.overriddenFindings());
            assertEquals(d.receipt().headHash(), cs.headHash(), "the receipt is the new head");
        }
    }

    @Test
    void rejectingNeedsNoOverride() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            Decided d = cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.REJECT).rationale("k too small")
                    .auditor("Dana").build(), ProgressMonitor.none());
            assertFalse(d.details().record().orElseThrow().overridden());
            assertTrue(d.details().approvedOutputs().isEmpty());
            assertEquals(2, d.details().outputs().size(), "each output gets the release outcome");
        }
    }

    @Test
    void perOutputDecisionsDeriveTheOutcomeAndOnlyTheApprovedOutputNeedsToPass() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            Decided d = cs.decide(DecisionRequest.builder().rationale("release the passing table only")
                    .auditor("Dana").output(1, false, "k = 2").output(2, true, "k = 5").purpose("research")
                    .legalBasis(LegalBasis.ART89).legalBasis(LegalBasis.ART6_1_E).legalBasisText("BDSG § 27")
                    .recipients("university").retention("2 years").build(), ProgressMonitor.none());
            assertEquals(DecisionOutcome.APPROVE_WITH_CONDITIONS, d.details().decision().outcome());
            assertEquals("Only the approved outputs [2] are released; the other outputs are rejected.",
                    d.details().decision().conditions());
            assertEquals(List.of(2L), d.details().approvedOutputs());
            List<OutputDecision> outs = d.details().outputs();
            assertEquals("k = 2", outs.get(0).comment());
            assertFalse(outs.get(0).approved());
            DecisionRecord rec = d.details().record().orElseThrow();
            assertEquals(List.of(LegalBasis.ART6_1_E, LegalBasis.ART89), rec.legalBasis());
            assertEquals("BDSG § 27", rec.legalBasisText());
            assertEquals("Telco AG", rec.controller(), "defaults to the case's controller");
            assertFalse(rec.overridden(), "the failing output is rejected, so nothing is overridden");
            assertTrue(rec.seal().startsWith("{\"head\":\"" + d.details().decision().chainHead() + "\""), rec.seal());
            assertTrue(cs.verify(null, ProgressMonitor.none()).allOk());
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            false,false,false,REJECT
            true,true,false,APPROVE
            true,true,true,APPROVE_WITH_CONDITIONS
            true,false,false,APPROVE_WITH_CONDITIONS
            false,true,true,APPROVE_WITH_CONDITIONS
            """)
    void releaseOutcomeRule(boolean first, boolean second, boolean conditions, DecisionOutcome expected) {
        assertEquals(expected, DecisionRules.derive(List.of(first, second), conditions));
    }

    @Test
    void perOutputDecisionsMustCoverEveryOutputAndAgreeWithAGivenOutcome() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            ConfigurationException missing = assertThrows(ConfigurationException.class, () -> cs.decide(
                    DecisionRequest.builder().rationale("r").auditor("Dana").output(2, true, "").build(),
                    ProgressMonitor.none()));
            assertEquals("case.error.outputMissing", missing.messageKey());
            ConfigurationException mismatch = assertThrows(ConfigurationException.class, () -> cs.decide(
                    DecisionRequest.builder().outcome(DecisionOutcome.APPROVE).rationale("r").auditor("Dana")
                            .output(1, false, "").output(2, true, "").build(), ProgressMonitor.none()));
            assertEquals("case.error.outcomeMismatch", mismatch.messageKey());
            ConfigurationException twice = assertThrows(ConfigurationException.class, () -> cs.decide(
                    DecisionRequest.builder().rationale("r").auditor("Dana").output(1, false, "")
                            .output(1, false, "").output(2, true, "").build(), ProgressMonitor.none()));
            assertEquals("case.error.outputTwice", twice.messageKey());
            assertEquals(CaseStatus.State.OPEN, cs.status().state());
        }
    }

    @Test
    void secondReviewerSignsAndCannotBeTheDecider() throws Exception {
        Path policy = dir.resolve("four-eyes.json");
        Files.writeString(policy, """
                {"schemaVersion":1,"id":"four-eyes","version":"1","rules":[
                 {"metric":"k","operator":">=","threshold":2}],"requireSecondReviewer":true}
                """);
        try (CaseService cs = twoOutputs(policy.toString())) {
            assertThrows(ConfigurationException.class, () -> cs.review("Rita", ""), "nothing to review yet");
            cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.APPROVE).rationale("k >= 2")
                    .auditor("Dana DPO").build(), ProgressMonitor.none());
            DecisionDetails d = cs.currentDecisionDetails().orElseThrow();
            assertTrue(d.reviewRequired());
            assertTrue(d.awaitingReview());
            assertEquals(CaseStatus.State.AWAITING_REVIEW, cs.status().state());
            assertEquals(CaseStatus.State.AWAITING_REVIEW, cs.verify(null, ProgressMonitor.none()).status().state());
            ConfigurationException same = assertThrows(ConfigurationException.class,
                    () -> cs.review("  dana   dpo ", "mine"));
            assertEquals("case.error.reviewerIsDecider", same.messageKey());
            CaseRecords.Reviewed r = cs.review("Rita Reviewer", "agreed");
            assertEquals(r.receipt().headHash(), cs.headHash());
            assertEquals(r.review().chainHead(), cs.history().get(cs.history().size() - 2).hash());
            assertEquals(CaseStatus.State.DECIDED, cs.status().state());
            assertEquals(1, cs.status().reviewers());
            ConfigurationException again = assertThrows(ConfigurationException.class,
                    () -> cs.review("rita reviewer", ""));
            assertEquals("case.error.alreadyReviewed", again.messageKey());
            assertTrue(cs.verify(null, ProgressMonitor.none()).allOk());
        }
    }

    @Test
    void aRunAfterTheDecisionReopensTheCase() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            assertEquals(CaseStatus.State.OPEN, cs.status().state());
            cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.REJECT).rationale("r").auditor("Dana")
                    .build(), ProgressMonitor.none());
            assertTrue(cs.status().closed());
            cs.run(new FakeMicrodataLane.Request("age"), Map.of("data", "2"), ProgressMonitor.none());
            CaseStatus s = cs.status();
            assertEquals(CaseStatus.State.REOPENED, s.state());
            assertEquals(1, s.eventsAfterDecision());
        }
    }

    @Test
    void decisionOnAStaleViewIsRefused() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            String seen = cs.headHash();
            cs.recordAttackerModel("neighbour", "{}");
            AuditStoreException e = assertThrows(AuditStoreException.class, () -> cs.decide(DecisionRequest.builder()
                    .outcome(DecisionOutcome.REJECT).rationale("r").auditor("Dana").expectedHead(seen).build(),
                    ProgressMonitor.none()));
            assertEquals("audit.error.headMoved", e.messageKey());
        }
    }

    @Test
    void verifyHeadFindsAReceiptAndRejectsAMalformedOne() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            String head = cs.lastReceipt().orElseThrow().headHash();
            assertTrue(cs.verifyHead(head).ok());
            assertTrue(cs.verifyHead(head.toUpperCase(Locale.ROOT)).ok());
            VerificationItem missing = cs.verifyHead("ab".repeat(32));
            assertFalse(missing.ok());
            assertTrue(missing.detail().contains("cut tail"), missing.detail());
            assertThrows(ConfigurationException.class, () -> cs.verifyHead("abc"));
        }
    }

    @Test
    void exportWritesExactlyTheApprovedOutputsAndVerifies() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            cs.decide(DecisionRequest.builder().rationale("r").auditor("Dana").output(1, false, "")
                    .output(2, true, "").build(), ProgressMonitor.none());
        }
        Path out = dir.resolve("export");
        ExportResult r = new CaseExport().export(dir.resolve("c.rcase"), out, null, Locale.ENGLISH,
                ProgressMonitor.none());
        assertEquals(List.of("outputs/passing.csv"), r.outputs());
        assertEquals(List.of("outputs/passing.csv", "c.rcase", "report.html", "report.pdf", "manifest.json",
                "SHA256SUMS"), r.files());
        assertTrue(Files.exists(out.resolve("outputs/passing.csv")));
        assertFalse(Files.exists(out.resolve("outputs/failing.csv")));
        List<String> sums = Files.readAllLines(out.resolve("SHA256SUMS"));
        assertEquals(5, sums.size());
        for (String l : sums) {
            assertTrue(l.matches("[0-9a-f]{64}  [^ ].*"), l);
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"headHash\" : \"" + r.headHash() + "\""), manifest);
        assertTrue(Files.readString(out.resolve("report.html")).contains(r.headHash()), "the report carries the head");
        assertTrue(new CaseExport().verify(out, ProgressMonitor.none()).allOk());

        // a changed file and an added file are both found
        Files.writeString(out.resolve("outputs/passing.csv"), PASSING_CSV + "60-69,Mitte,Flu\n");
        Files.writeString(out.resolve("outputs/extra.csv"), "a\n1\n");
        String broken = new CaseExport().verify(out, ProgressMonitor.none()).items().stream().filter(i -> !i.ok())
                .map(VerificationItem::detail).reduce("", String::concat);
        assertTrue(broken.contains("outputs/passing.csv: SHA-256 does not match"), broken);
        assertTrue(broken.contains("outputs/extra.csv: not listed"), broken);
    }

    @Test
    void exportOfARejectionWritesNothing() throws Exception {
        try (CaseService cs = twoOutputs("min-group-5")) {
            cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.REJECT).rationale("r").auditor("Dana")
                    .build(), ProgressMonitor.none());
        }
        Path out = dir.resolve("export");
        assertThrows(CaseExport.NothingApprovedException.class, () -> new CaseExport().export(dir.resolve("c.rcase"),
                out, null, Locale.ENGLISH, ProgressMonitor.none()));
        assertFalse(Files.exists(out));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("export")), "no temporary folder left");
        }
    }

    @Test
    void exportWaitsForTheRequiredReview() throws Exception {
        Path policy = dir.resolve("four-eyes.json");
        Files.writeString(policy, "{\"id\":\"four-eyes\",\"version\":\"1\",\"rules\":[{\"metric\":\"k\","
                + "\"operator\":\">=\",\"threshold\":2}],\"requireSecondReviewer\":true}");
        try (CaseService cs = twoOutputs(policy.toString())) {
            cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.APPROVE).rationale("r").auditor("Dana")
                    .build(), ProgressMonitor.none());
        }
        Path out = dir.resolve("export");
        CaseExport.NothingApprovedException e = assertThrows(CaseExport.NothingApprovedException.class,
                () -> new CaseExport().export(dir.resolve("c.rcase"), out, null, Locale.ENGLISH,
                        ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("awaits the second reviewer"), e.getMessage());
        try (CaseService cs = CaseService.open(dir.resolve("c.rcase"), false, lanes)) {
            cs.review("Rita", "");
        }
        assertEquals(2, new CaseExport().export(dir.resolve("c.rcase"), out, null, Locale.ENGLISH,
                ProgressMonitor.none()).outputs().size());
    }

    @Test
    void conditionNamingARemediatedFileSwapsItInOnExport() throws Exception {
        Path remediated = dir.resolve("failing-coarsened.csv");
        Files.writeString(remediated, PASSING_CSV.replace("Lichtenberg", "East"), StandardCharsets.UTF_8);
        String sha;
        try (CaseService cs = twoOutputs("min-group-5")) {
            sha = cs.addDataset(remediated, null, ProgressMonitor.none()).sha256();
            ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> cs.decide(
                    DecisionRequest.builder().rationale("r").auditor("Dana").output(1, true, "").output(2, true, "")
                            .condition(new DecisionRequest.ConditionInput("x", "0".repeat(64), 1L))
                            .overrideJustification("o").build(), ProgressMonitor.none()));
            assertEquals("case.error.conditionUnknownFile", unknown.messageKey());
            Decided d = cs.decide(DecisionRequest.builder().rationale("release the coarsened version of output 1")
                    .auditor("Dana").output(1, true, "only as coarsened").output(2, true, "")
                    .condition(new DecisionRequest.ConditionInput("release the coarsened table instead of output 1",
                            sha, 1L)).overrideJustification("the released version is the coarsened one").build(),
                    ProgressMonitor.none());
            assertEquals(DecisionOutcome.APPROVE_WITH_CONDITIONS, d.details().decision().outcome());
            assertEquals(sha, d.details().record().orElseThrow().conditions().get(0).outputSha256());
            assertEquals(1L, d.details().record().orElseThrow().conditions().get(0).replaces());
        }
        ExportResult r = new CaseExport().export(dir.resolve("c.rcase"), dir.resolve("export"), null,
                Locale.ENGLISH, ProgressMonitor.none());
        assertEquals(List.of("outputs/failing-coarsened.csv", "outputs/passing.csv"), r.outputs());
        assertTrue(new CaseExport().verify(dir.resolve("export"), ProgressMonitor.none()).allOk());
    }
}
