package org.releaseauditor.service.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.FakeMicrodataLane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneResult;

/** Recording binds a run to the bytes it read; a rerun recomputes it from the stored request. */
class RecordAndRerunTest {
    static final String CSV = FakeMicrodataLane.SAMPLE_CSV;

    @TempDir
    Path dir;
    LaneRegistry lanes;
    FakeMicrodataLane lane;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        lane = new FakeMicrodataLane();
        lanes = new LaneRegistry().register(lane);
        data = dir.resolve("release.csv");
        Files.writeString(data, CSV, StandardCharsets.UTF_8);
        Messages.setLocale(Locale.ENGLISH);
        DatasetService.clearCache();
    }

    private CaseService newCase() throws AuditException {
        return CaseService.create(dir.resolve("audit.rcase"), new CaseInfo("t", "", "", "Dana", null), lanes);
    }

    private LaneResult<FakeMicrodataLane.Request, String> analyse(String qis) throws AuditException {
        return lane.analyze(new FakeMicrodataLane.Request(qis), LaneInputs.of("data", data), ProgressMonitor.none());
    }

    @Test
    void aResultIsRecordedWithItsRequestItsBytesRolesAndAttacker() throws Exception {
        LaneResult<FakeMicrodataLane.Request, String> r = analyse("age,district");
        try (CaseService cs = newCase()) {
            RunEntry run = cs.record(r, RecordOptions.none().withRoles("data", Map.of("age", "QUASI_IDENTIFIER"))
                    .withAttacker("Prosecutor", "{\"model\":\"prosecutor\"}"), ProgressMonitor.none());
            assertEquals(r.requestJson(), run.paramsJson(), "the request's canonical JSON is the run's parameters");
            assertEquals(r.json(), run.resultJson());
            DatasetEntry ds = cs.datasets().get(0);
            assertEquals(List.of(ds.id()), run.datasetIds());
            assertEquals(r.inputs().roles().get("data").sha256(), ds.sha256());
            assertEquals("age", cs.roleAssignments().get(0).column());
            assertEquals("Prosecutor", cs.attackerModels().get(0).name());
            // recording the same file again reuses its dataset
            cs.record(analyse("age"), ProgressMonitor.none());
            assertEquals(1, cs.datasets().size());
        }
    }

    @Test
    void aResultOfAFileThatChangedSinceItWasReadIsRefused() throws Exception {
        LaneResult<FakeMicrodataLane.Request, String> r = analyse("age");
        Files.writeString(data, CSV + "60-69,Mitte,Asthma\n", StandardCharsets.UTF_8);
        try (CaseService cs = newCase()) {
            AuditStoreException e = assertThrows(AuditStoreException.class, () -> cs.record(r, ProgressMonitor.none()));
            assertEquals("case.error.resultStale", e.messageKey());
            assertTrue(e.getMessage().contains("changed since it was analysed"), e.getMessage());
            assertTrue(cs.runs().isEmpty() && cs.datasets().isEmpty(), "nothing is recorded");
        }
    }

    @Test
    void aCaseRunReadsTheRegisteredBytesOnly() throws Exception {
        try (CaseService cs = newCase()) {
            DatasetEntry d = cs.addDataset(data, null, ProgressMonitor.none());
            Files.writeString(data, CSV.replace("Asthma", "Gout"), StandardCharsets.UTF_8);
            AuditStoreException e = assertThrows(AuditStoreException.class, () -> cs.run(
                    new FakeMicrodataLane.Request("age"), Map.of("data", Long.toString(d.id())), ProgressMonitor.none()));
            assertEquals("input.error.hashMismatch", e.messageKey());
            assertTrue(cs.runs().isEmpty());
        }
    }

    @Test
    void aRerunIsIdenticalAndFindsMovedFilesWithDataDir() throws Exception {
        Path caseFile;
        try (CaseService cs = newCase()) {
            cs.record(analyse("age,district"), ProgressMonitor.none());
            caseFile = cs.file();
            List<RerunReport> reports = cs.rerun(List.of(), null, ProgressMonitor.none());
            assertEquals(1, reports.size());
            assertEquals(RerunReport.Status.IDENTICAL, reports.get(0).status(), reports.get(0).toString());
        }
        Path moved = Files.createDirectory(dir.resolve("moved"));
        Files.move(data, moved.resolve("release.csv"));
        try (CaseService cs = CaseService.open(caseFile, true, lanes)) {
            assertEquals(RerunReport.Status.INPUT_CHANGED, cs.rerun(List.of(), null, ProgressMonitor.none()).get(0)
                    .status(), "the file is gone from its recorded place");
            RerunReport r = cs.rerun(List.of(), moved, ProgressMonitor.none()).get(0);
            assertEquals(RerunReport.Status.IDENTICAL, r.status(), r.toString());
        }
    }

    @Test
    void aRerunNamesEveryValueThatDiffersWithBothValues() throws Exception {
        try (CaseService cs = newCase()) {
            LaneResult<FakeMicrodataLane.Request, String> r = analyse("age,district");
            RunEntry good = cs.record(r, ProgressMonitor.none());
            // the same request and input, but a result that says k = 3 and has an extra field
            String tampered = r.json().replace("\"k\":2", "\"k\":3").replaceFirst("\\{", "{\"extra\":true,");
            RunEntry bad = cs.recordRun(good.lane(), good.paramsJson(), tampered, good.datasetIds());
            RerunReport rep = cs.rerun(List.of(bad.id()), null, ProgressMonitor.none()).get(0);
            assertEquals(RerunReport.Status.DIFFERENT, rep.status());
            assertEquals(2, rep.totalDifferences());
            assertEquals(List.of(new RerunReport.Difference("extra", "true", "(absent)"),
                    new RerunReport.Difference("k", "3", "2")), rep.differences());
        }
    }

    @Test
    void aChangedInputIsNotRerunAndARunWithoutARequestCannotBe() throws Exception {
        try (CaseService cs = newCase()) {
            RunEntry run = cs.record(analyse("age"), ProgressMonitor.none());
            RunEntry legacy = cs.recordRun(FakeMicrodataLane.LANE, "{\"qis\":\"age\"}", "{\"k\":1}",
                    run.datasetIds());
            Files.writeString(data, CSV.replace("Kreuzberg", "Mitte"), StandardCharsets.UTF_8);
            List<RerunReport> reports = cs.rerun(List.of(), null, ProgressMonitor.none());
            assertEquals(RerunReport.Status.INPUT_CHANGED, reports.get(0).status());
            assertTrue(reports.get(0).detail().contains("recorded SHA-256"), reports.get(0).detail());
            assertEquals(RerunReport.Status.NOT_RERUNNABLE, reports.get(1).status());
            assertEquals(legacy.id(), reports.get(1).runId());
        }
    }

    @Test
    void volatileFieldsAreNotCompared() {
        var a = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        a.put("k", 2).put("elapsedMs", 10).putObject("inputs").putObject("data").put("path", "/a").put("sha256", "x");
        var b = a.deepCopy();
        b.put("elapsedMs", 99);
        ((com.fasterxml.jackson.databind.node.ObjectNode) b.get("inputs").get("data")).put("path", "/b");
        assertEquals(0, Rerun.diff("", a, b, new java.util.ArrayList<>()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) b.get("inputs").get("data")).put("sha256", "y");
        assertEquals(1, Rerun.diff("", a, b, new java.util.ArrayList<>()), "the inputs' hashes are compared");
    }

    @Test
    void fieldsALaterVersionAddsAreNotDifferencesButLostOnesAre() {
        var recorded = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        recorded.put("k", 2).putObject("aggregates").put("exposedCells", 3);
        var fresh = recorded.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) fresh.get("aggregates")).put("zeroCells", 0);
        fresh.putArray("releases").add(1);
        assertEquals(0, Rerun.diff("", recorded, fresh, new java.util.ArrayList<>()),
                "new fields of a later version are not differences");
        ((com.fasterxml.jackson.databind.node.ObjectNode) fresh.get("aggregates")).remove("exposedCells");
        java.util.List<RerunReport.Difference> d = new java.util.ArrayList<>();
        assertEquals(1, Rerun.diff("", recorded, fresh, d), "a recorded field that is gone is a difference");
        assertEquals("aggregates.exposedCells", d.get(0).path());
    }
}
