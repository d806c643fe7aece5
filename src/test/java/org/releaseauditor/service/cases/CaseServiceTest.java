package org.releaseauditor.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.FakeMicrodataLane;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.RequestJson;

class CaseServiceTest {

    static final String CSV = FakeMicrodataLane.SAMPLE_CSV;

    @TempDir
    Path dir;

    LaneRegistry lanes;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        lanes = new LaneRegistry().register(new FakeMicrodataLane());
        data = dir.resolve("release.csv");
        Files.writeString(data, CSV, StandardCharsets.UTF_8);
        Messages.setLocale(Locale.ENGLISH);
    }

    private CaseService newCase() throws AuditException {
        return CaseService.create(dir.resolve("audit.rcase"), new CaseInfo("Footfall", "Smart Steps", "Telco",
                "Dana", null), lanes);
    }

    @Test
    void wholeAuditIsRecordedAndVerifies() throws Exception {
        try (CaseService cs = newCase()) {
            DatasetEntry d = cs.addDataset(data, null, ProgressMonitor.none());
            assertTrue(d.schemaJson().contains("\"district\""), d.schemaJson());
            cs.assignRole(d.id(), "age", "QUASI_IDENTIFIER");
            cs.recordAttackerModel("neighbour", "{\"model\":\"prosecutor\",\"known\":[\"age\",\"district\"]}");
            RunEntry run = cs.run(new FakeMicrodataLane.Request("age,district"), Map.of("data",
                    Long.toString(d.id())), ProgressMonitor.none());
            assertTrue(run.resultJson().contains("\"k\":2"), run.resultJson());
            PolicyEvaluation ev = cs.evaluatePolicy(run.id(), "min-group-5");
            assertEquals(FindingStatus.FAIL, ev.overall());
            assertEquals(1, cs.findings(run.id()).size());
            DecisionEntry first = cs.decide(DecisionOutcome.REJECT, null, "k is 2, below 5", "Dana DPO", List.of(),
                    null, ProgressMonitor.none());
            assertNull(first.supersedes());
            assertTrue(first.policyJson().contains("min-group-5"), "the exact policy copy of the evaluation");
            assertEquals(List.of(run.id()), first.runIds());
            assertTrue(first.datasetSha256s().contains(d.sha256()));
            String headBefore = cs.headHash();
            DecisionEntry second = cs.decide(DecisionRequest.builder()
                    .outcome(DecisionOutcome.APPROVE_WITH_CONDITIONS).conditions("only to the research partner")
                    .rationale("partner contract forbids linkage").auditor("Dana DPO").runs(List.of(run.id()))
                    .policy("arx-defaults").overrideJustification("k = 2 is acceptable under the partner contract")
                    .build(), ProgressMonitor.none()).details().decision();
            assertEquals(first.id(), second.supersedes());
            assertEquals(headBefore, second.chainHead());
            assertEquals(second, cs.currentDecision().orElseThrow());
            assertEquals(2, cs.decisions().size(), "nothing is rewritten");
            VerificationReport r = cs.verify(null, ProgressMonitor.none());
            assertTrue(r.allOk(), r.toString());
            assertEquals(cs.headHash(), r.headHash());
        }
    }

    /** A policy imported from a file can be evaluated again by its id once the file is gone: the case holds its copy. */
    @Test
    void aPolicyRecordedInTheCaseIsFoundByItsIdWithoutItsFile() throws Exception {
        org.releaseauditor.service.policy.PolicyService policies = new org.releaseauditor.service.policy.PolicyService();
        Path policyFile = dir.resolve("local.json");
        Files.writeString(policyFile, policies.toJson(policies.load("min-group-5")).replace("min-group-5",
                "local-k"), StandardCharsets.UTF_8);
        try (CaseService cs = newCase()) {
            DatasetEntry d = cs.addDataset(data, null, ProgressMonitor.none());
            RunEntry run = cs.run(new FakeMicrodataLane.Request("age,district"), Map.of("data",
                    Long.toString(d.id())), ProgressMonitor.none());
            assertTrue(cs.recordedPolicy(run.id()).isEmpty(), "not evaluated yet");
            cs.evaluatePolicy(run.id(), policyFile.toString());
            Files.delete(policyFile);
            assertEquals("local-k", cs.recordedPolicy(run.id()).orElseThrow().id());
            assertEquals(FindingStatus.FAIL, cs.evaluatePolicy(run.id(), "local-k").overall());
            assertEquals(2, cs.findings(run.id()).size());
            assertTrue(cs.findings(run.id()).stream().allMatch(f -> f.policyId().equals("local-k")));
            DecisionEntry dec = cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.REJECT)
                    .rationale("k is 2").auditor("Dana DPO").runs(List.of(run.id())).policy("local-k").build(),
                    ProgressMonitor.none()).details().decision();
            assertTrue(dec.policyJson().contains("\"local-k\""), dec.policyJson());
            org.releaseauditor.core.error.PolicyException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                    org.releaseauditor.core.error.PolicyException.class, () -> cs.evaluatePolicy(run.id(), "nope"));
            assertTrue(unknown.getLocalizedMessage().contains("\"nope\"") && unknown.getLocalizedMessage().contains(
                    "min-group-5") && unknown.getLocalizedMessage().contains("already evaluated"),
                    unknown.getLocalizedMessage());
        }
    }

    @Test
    void decisionIsRefusedWhenTheFileChangedSinceItsAnalysis() throws Exception {
        try (CaseService cs = newCase()) {
            RunEntry run = cs.run(new FakeMicrodataLane.Request("age"), Map.of("data", data.toString()),
                    ProgressMonitor.none());
            Files.writeString(data, CSV + "60-69,Mitte,Asthma\n", StandardCharsets.UTF_8);
            AuditException e = assertThrows(AuditException.class, () -> cs.decide(DecisionOutcome.APPROVE, null,
                    "fine", "Dana", List.of(run.id()), null, ProgressMonitor.none()));
            assertEquals("case.error.datasetChanged", e.messageKey());
            assertTrue(e.getMessage().contains("changed since it was analysed"), e.getMessage());
            assertTrue(cs.decisions().isEmpty());
            VerificationReport r = cs.verify(null, ProgressMonitor.none());
            assertFalse(r.allOk());
            assertTrue(r.items().stream().anyMatch(i -> !i.ok() && i.detail().startsWith("file changed")));
        }
    }

    @Test
    void decisionNeedsRationaleAuditorAndConditions() throws Exception {
        try (CaseService cs = newCase()) {
            cs.run(new FakeMicrodataLane.Request("age"), Map.of("data", data.toString()), ProgressMonitor.none());
            assertEquals("case.error.rationaleRequired", assertThrows(ConfigurationException.class,
                    () -> cs.decide(DecisionOutcome.APPROVE, null, "  ", "Dana", List.of(), null,
                            ProgressMonitor.none())).messageKey());
            assertEquals("case.error.auditorRequired", assertThrows(ConfigurationException.class,
                    () -> cs.decide(DecisionOutcome.APPROVE, null, "ok", "", List.of(), null,
                            ProgressMonitor.none())).messageKey());
            assertEquals("case.error.conditionsRequired", assertThrows(ConfigurationException.class,
                    () -> cs.decide(DecisionOutcome.APPROVE_WITH_CONDITIONS, " ", "ok", "Dana", List.of(), null,
                            ProgressMonitor.none())).messageKey());
            assertTrue(cs.decisions().isEmpty());
        }
    }

    @Test
    void decisionWithoutRunsIsRefused() throws Exception {
        try (CaseService cs = newCase()) {
            assertEquals("case.error.noRuns", assertThrows(ConfigurationException.class,
                    () -> cs.decide(DecisionOutcome.APPROVE, null, "ok", "Dana", List.of(), null,
                            ProgressMonitor.none())).messageKey());
        }
    }

    @Test
    void verifyFindsMovedFilesWithDataDir() throws Exception {
        Path caseFile;
        try (CaseService cs = newCase()) {
            cs.addDataset(data, null, ProgressMonitor.none());
            caseFile = cs.file();
        }
        Path moved = Files.createDirectory(dir.resolve("moved"));
        Files.move(data, moved.resolve("release.csv"));
        try (CaseService cs = CaseService.open(caseFile, true, lanes)) {
            assertEquals(CaseAccess.READ_ONLY_REQUESTED, cs.access());
            assertFalse(cs.verify(null, ProgressMonitor.none()).allOk());
            assertTrue(cs.verify(moved, ProgressMonitor.none()).allOk());
        }
    }

    @Test
    void twoOpenInstancesBothWriteOneAfterTheOtherAndTheChainVerifies() throws Exception {
        try (CaseService first = newCase()) {
            try (CaseService second = CaseService.open(first.file(), false, lanes)) {
                assertFalse(second.readOnly(), "a second writer is serialised, not made read-only");
                DatasetEntry a = first.addDataset(data, null, ProgressMonitor.none());
                DatasetEntry b = second.addDataset(data, null, ProgressMonitor.none());
                assertEquals(a.id() + 1, b.id(), "row ids are assigned inside each write transaction");
                assertEquals(first.headHash(), second.headHash());
                assertEquals(3, second.history().size());
                assertTrue(second.verify(null, ProgressMonitor.none()).allOk());
            }
        }
    }

    @Test
    void unknownLaneIsAUsageError() throws Exception {
        try (CaseService cs = newCase()) {
            LaneRequest nope = new LaneRequest() {
                @Override
                public String lane() {
                    return "nope";
                }

                @Override
                public com.fasterxml.jackson.databind.node.ObjectNode toJsonTree() {
                    return RequestJson.root("nope");
                }
            };
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> cs.run(nope, Map.of("data", data.toString()), ProgressMonitor.none()));
            assertTrue(e.getMessage().contains(FakeMicrodataLane.LANE), e.getMessage());
        }
    }
}
