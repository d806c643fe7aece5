package org.releaseauditor.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.ui.fx.ManualTaskRunner;
import org.releaseauditor.ui.fx.ResultState;

/** The case view model and the record action without the toolkit (every case job runs at once). */
class CaseViewModelTest {
    @TempDir
    Path dir;
    private ManualTaskRunner writer;
    private CaseViewModel cases;
    private Path data;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        writer = ManualTaskRunner.direct();
        cases = new CaseViewModel(writer);
        data = dir.resolve("people.csv");
        Files.writeString(data, "age,sex\n30,m\n30,m\n40,f\n", StandardCharsets.UTF_8);
        file = dir.resolve("audit.rcase");
        cases.create(file, "People", "extract", "Controller", "Dana DPO");
    }

    @AfterEach
    void close() {
        cases.close();
    }

    private LaneResult<MicrodataRequest, MicrodataAnalysis> analysis() throws AuditException {
        MicrodataRequest.Builder b = MicrodataRequest.builder().quasiIdentifiers(List.of("age", "sex"));
        b.importing().options(ImportOptions.defaults());
        return new MicrodataLane().analyze(b.build(), LaneInputs.of(MicrodataRequest.DATA, data),
                ProgressMonitor.none());
    }

    /** A dashboard whose result and state the test sets. */
    private static final class FakeDashboard implements RecordableDashboard {
        final ReadOnlyObjectWrapper<LaneResult<?, ?>> result = new ReadOnlyObjectWrapper<>();
        final ReadOnlyObjectWrapper<ResultState> state = new ReadOnlyObjectWrapper<>(ResultState.NONE);

        @Override
        public ReadOnlyObjectProperty<? extends LaneResult<?, ?>> resultProperty() {
            return result.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyObjectProperty<ResultState> resultStateProperty() {
            return state.getReadOnlyProperty();
        }

        @Override
        public RecordOptions recordOptions(LaneResult<?, ?> r) {
            return RecordOptions.none().withAttacker("Prosecutor (ARX default)", "{\"preset\":\"prosecutor\"}");
        }
    }

    @Test
    void openingTheOpenCaseAgainKeepsTheSameWritableInstance() {
        CaseService first = cases.openCaseProperty().get();
        assertEquals(CaseAccess.READ_WRITE, first.access());
        cases.open(file, false, null);
        assertSame(first, cases.openCaseProperty().get(), "no second instance of the app's own case");
        assertTrue(cases.writableProperty().get());
        // through another name of the same file (a relative path)
        cases.open(dir.resolve(".").resolve("audit.rcase"), false, null);
        assertSame(first, cases.openCaseProperty().get());
    }

    @Test
    void aRegulatorsReadOnlyOpenRefusesToRecord() throws Exception {
        CaseService writable = cases.openCaseProperty().get();
        cases.open(file, true, null);
        assertNotSame(writable, cases.openCaseProperty().get());
        assertFalse(cases.writableProperty().get());
        cases.record(analysis(), RecordOptions.none());
        assertEquals(Messages.get("case.readOnly"), cases.messageProperty().get());
        assertTrue(cases.openCaseProperty().get().runs().isEmpty());
    }

    @Test
    void aRecordedRunCarriesTheInputHashAndTheAttackerAndTheMessageGivesTheReceipt() throws Exception {
        var result = analysis();
        cases.record(result, RecordOptions.none().withAttacker("Journalist", "{\"preset\":\"journalist\"}"));
        CaseService cs = cases.openCaseProperty().get();
        assertEquals(1, cs.runs().size());
        assertEquals("microdata", cs.runs().get(0).lane());
        String sha = result.inputs().get(MicrodataRequest.DATA).orElseThrow().sha256();
        assertEquals(sha, cs.datasets().get(0).sha256());
        assertEquals(List.of(cs.datasets().get(0).id()), cs.runs().get(0).datasetIds());
        assertEquals("Journalist", cs.attackerModels().get(0).name());
        String head = cs.headHash();
        assertEquals(Messages.get("case.recorded.receipt", cs.runs().get(0).id(), CaseViewModel.shortHash(head)),
                cases.messageProperty().get());
        assertEquals(1, cases.snapshotProperty().get().runs().size(), "the lists are refreshed after the write");
    }

    @Test
    void aResultWhoseInputChangedSinceTheAnalysisIsRefused() throws Exception {
        var result = analysis();
        Files.writeString(data, "age,sex\n30,m\n30,m\n41,f\n", StandardCharsets.UTF_8);
        cases.record(result, RecordOptions.none());
        assertEquals(1, writer.reported().size());
        assertEquals("case.error.resultStale", ((AuditException) writer.reported().get(0)).messageKey());
        assertTrue(cases.openCaseProperty().get().runs().isEmpty());
    }

    @Test
    void theRecordActionSaysWhyItIsDisabledInEveryState() throws Exception {
        RecordAction action = new RecordAction(cases);
        assertTrue(action.disabledProperty().get());
        assertEquals(Messages.get("record.reason.noDashboard"), action.reasonProperty().get());
        FakeDashboard d = new FakeDashboard();
        action.targetProperty().set(d);
        action.targetNameProperty().set("Microdata");
        assertEquals("Record current analysis (Microdata)", action.textProperty().get());
        assertEquals(Messages.get("record.reason.none"), action.reasonProperty().get());
        d.state.set(ResultState.COMPUTING);
        assertEquals(Messages.get("record.reason.computing"), action.reasonProperty().get());
        d.result.set(analysis());
        d.state.set(ResultState.PARTIAL);
        assertEquals(Messages.get("record.reason.partial"), action.reasonProperty().get());
        d.state.set(ResultState.OUTDATED);
        assertEquals(Messages.get("record.reason.outdated"), action.reasonProperty().get());
        assertFalse(action.record());
        assertTrue(cases.openCaseProperty().get().runs().isEmpty());
        d.state.set(ResultState.CURRENT);
        assertFalse(action.disabledProperty().get());
        assertTrue(action.reasonProperty().get().contains("audit.rcase"), action.reasonProperty().get());
        assertTrue(action.record());
        assertEquals("Prosecutor (ARX default)", cases.openCaseProperty().get().attackerModels().get(0).name());
        // another dashboard: the action follows it
        FakeDashboard other = new FakeDashboard();
        action.targetProperty().set(other);
        assertTrue(action.disabledProperty().get());
        d.state.set(ResultState.OUTDATED);
        other.state.set(ResultState.COMPUTING);
        assertEquals(Messages.get("record.reason.computing"), action.reasonProperty().get());
        // read-only and no case
        cases.open(file, true, null);
        other.result.set(analysis());
        other.state.set(ResultState.CURRENT);
        assertEquals(Messages.get("case.readOnly"), action.reasonProperty().get());
        cases.close();
        CaseViewModel none = new CaseViewModel(ManualTaskRunner.direct());
        RecordAction noCase = new RecordAction(none);
        noCase.targetProperty().set(other);
        assertEquals(Messages.get("record.reason.noCase"), noCase.reasonProperty().get());
    }
}
