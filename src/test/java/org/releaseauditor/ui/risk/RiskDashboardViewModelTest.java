package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.ui.decision.CaseViewModel;
import org.releaseauditor.ui.decision.RecordAction;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.ManualTaskRunner;
import org.releaseauditor.ui.fx.ResultState;
import org.releaseauditor.ui.main.LoadedDataset;

/**
 * The microdata dashboard's run state, stale marking, progressive results and what it records,
 * without the toolkit: jobs run when the test says so (ManualTaskRunner).
 */
class RiskDashboardViewModelTest {
    @TempDir
    Path dir;
    private ManualTaskRunner runner;
    private RiskDashboardViewModel vm;
    private LoadedDataset patients;

    @BeforeEach
    void setUp() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        runner = ManualTaskRunner.manual();
        vm = new RiskDashboardViewModel(new MicrodataLane(), runner, Debouncer.immediate(),
                new AttackerModelViewModel());
        patients = load(patientsCsv());
    }

    /**
     * age,sex,zip,diagnosis. On (age, sex) the classes are {30,m}×3, {30,f}×2, {40,m}×1: k = 1 and
     * 3 classes. With zip as well: {30,m,10115}×2, {30,m,10117}×1, {30,f,10115}×2, {40,m,10117}×1:
     * 4 classes (counted by hand).
     */
    private Path patientsCsv() throws IOException {
        Path f = dir.resolve("patients.csv");
        Files.writeString(f, String.join("\n", "age,sex,zip,diagnosis", "30,m,10115,flu", "30,m,10115,cold",
                "30,m,10117,flu", "30,f,10115,asthma", "30,f,10115,flu", "40,m,10117,cold") + "\n",
                StandardCharsets.UTF_8);
        return f;
    }

    private static LoadedDataset load(Path f) throws Exception {
        var data = new DatasetService().loadInput(DatasetRef.of(f), ImportOptions.defaults(), ProgressMonitor.none())
                .data();
        return new LoadedDataset(f, data, Map.of("age", AttributeRole.QUASI_IDENTIFIER, "sex",
                AttributeRole.QUASI_IDENTIFIER, "zip", AttributeRole.INSENSITIVE, "diagnosis",
                AttributeRole.SENSITIVE));
    }

    private void tick(String column, boolean on) {
        vm.attackerModel().qis().stream().filter(c -> c.name().equals(column))
                .forEach(c -> c.selectedProperty().set(on));
    }

    private long classes() {
        return vm.analysisProperty().get().result().classes();
    }

    private AttackerPreset preset(String id) {
        return AttackerPreset.builtIn().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private CaseViewModel openCase() {
        CaseViewModel cases = new CaseViewModel(ManualTaskRunner.direct());
        cases.create(dir.resolve("audit.rcase"), "Patients", "extract", "Clinic", "Dana DPO");
        assertTrue(cases.writableProperty().get());
        return cases;
    }

    @Test
    void runningAgainWithNothingChangedSaysSo() {
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        assertEquals("", vm.noticeProperty().get(), "a first run is no repeat");
        vm.runNow();
        runner.last().runToEnd();
        assertEquals(Messages.get("risk.run.unchanged", "patients.csv"), vm.noticeProperty().get());
        tick("zip", true);
        runner.last().runToEnd();
        assertEquals("", vm.noticeProperty().get(), "a changed setting gives a new result");
    }

    @Test
    void aFinishedRunIsCurrentAndRecordsThePresetAndTheRolesAsAnalysed() {
        vm.attackerModel().presetProperty().set(preset("prosecutor"));
        vm.datasetProperty().set(patients);
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        runner.last().runToEnd();
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        assertEquals(3, classes());
        assertSame(vm.resultProperty().get().output(), vm.analysisProperty().get());
        RecordOptions o = vm.recordOptions(vm.resultProperty().get());
        assertEquals("Prosecutor (ARX default)", o.attackerName());
        assertTrue(o.attackerJson().contains("\"preset\":\"prosecutor\""), o.attackerJson());
        assertTrue(o.attackerJson().contains("\"model\":\"prosecutor\""), o.attackerJson());
        assertEquals(Map.of("age", "QUASI_IDENTIFIER", "sex", "QUASI_IDENTIFIER", "zip", "INSENSITIVE",
                "diagnosis", "SENSITIVE"), o.columnRoles().get("data"));
    }

    @Test
    void theRecordedPresetIsTheOneTheResultWasComputedWithNotTheOneChosenSince() {
        vm.attackerModel().presetProperty().set(preset("journalist"));
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        var journalist = vm.resultProperty().get();
        vm.attackerModel().presetProperty().set(preset("marketer"));
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get(), "the journalist result is not current");
        assertEquals("Journalist", vm.recordOptions(journalist).attackerName());
        assertTrue(vm.recordOptions(journalist).attackerJson().contains("\"model\":\"journalist\""));
        runner.last().runToEnd();
        assertEquals("marketer", vm.resultProperty().get().request().attackerPreset());
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
    }

    @Test
    void aColumnTickedAtImportButNotAnalysedIsRecordedAsInsensitive() {
        vm.datasetProperty().set(patients);
        tick("sex", false);
        runner.last().runToEnd();
        assertEquals(List.of("age"), vm.resultProperty().get().request().quasiIdentifiers());
        assertEquals("INSENSITIVE", vm.recordOptions(vm.resultProperty().get()).columnRoles().get("data").get("sex"));
    }

    @Test
    void cancelAfterASettingsChangeKeepsTheOldResultMarkedAndNothingCanBeRecorded() {
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        CaseViewModel cases = openCase();
        RecordAction action = new RecordAction(cases);
        action.targetProperty().set(vm);
        action.targetNameProperty().set("Microdata");
        assertFalse(action.disabledProperty().get(), action.reasonProperty().get());

        tick("zip", true);
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        assertEquals(3, classes(), "the (age, sex) result stays on screen while zip is added");
        assertTrue(action.disabledProperty().get());
        assertEquals(Messages.get("record.reason.computing"), action.reasonProperty().get());

        vm.cancel();
        assertEquals(ResultState.OUTDATED, vm.resultStateProperty().get());
        assertEquals(3, classes(), "the last complete result stays visible");
        assertTrue(action.disabledProperty().get());
        assertEquals("The shown result is from earlier settings; run the analysis again to record it.",
                action.reasonProperty().get());
        assertFalse(action.record(), "cancel-then-record is refused");
        assertTrue(runsOf(cases).isEmpty());
        assertEquals(action.reasonProperty().get(), cases.messageProperty().get());

        vm.runNow();
        runner.last().runToEnd();
        assertEquals(4, classes());
        assertTrue(action.record());
        var runs = runsOf(cases);
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).paramsJson().contains("\"zip\""), "the recorded run is the current (zip) one");
    }

    private static List<org.releaseauditor.core.casefile.RunEntry> runsOf(CaseViewModel cases) {
        try {
            return cases.openCaseProperty().get().runs();
        } catch (org.releaseauditor.core.error.AuditStoreException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSupersededRunsLateResultNeverReachesTheDashboard() {
        runner.ignoringCancel();
        vm.datasetProperty().set(patients);
        var ageSex = runner.last();
        tick("zip", true);
        var withZip = runner.last();
        ageSex.runToEnd();
        assertNull(vm.analysisProperty().get(), "the (age, sex) run was superseded: its result is dropped");
        assertNull(vm.resultProperty().get());
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        withZip.runToEnd();
        assertEquals(4, classes());
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
    }

    @Test
    void aFailedRunKeepsThePreviousResultMarkedAndReportsTheFailure() {
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        tick("zip", true);
        runner.last().fail(new IllegalStateException("boom"));
        assertEquals(ResultState.OUTDATED, vm.resultStateProperty().get());
        assertEquals(3, classes());
        assertEquals(1, runner.reported().size());
    }

    @Test
    void partialResultsShowTheSummaryFirstAndMarkSudaAndTheQiPowerSetAsComputing() {
        MicrodataLane lane = new MicrodataLane();
        List<String> seen = new ArrayList<>();
        RiskDashboardViewModel[] self = new RiskDashboardViewModel[1];
        ProgressiveMicrodata progressive = (request, inputs, publish, monitor) -> {
            var full = lane.analyze(request, inputs, monitor);
            publish.accept(MicrodataParts.none().withSummary(full.output().result()));
            RiskDashboardViewModel v = self[0];
            seen.add(v.resultStateProperty().get() + " " + v.pendingProperty().get() + " classes="
                    + v.analysisProperty().get().result().classes() + " qi=" + v.analysisProperty().get()
                            .qiContribution().size() + " suda=" + (v.analysisProperty().get().suda() != null)
                    + " cards=" + v.cards().size());
            publish.accept(MicrodataParts.none().withSummary(full.output().result())
                    .withPopulationCurve(full.output().populationCurve())
                    .withQiContribution(full.output().qiContribution()));
            seen.add(v.resultStateProperty().get() + " " + v.pendingProperty().get());
            return full;
        };
        vm = new RiskDashboardViewModel(progressive, runner, Debouncer.immediate(), new AttackerModelViewModel());
        self[0] = vm;
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        // the individual risk is part of every analysis (r = 1/f_k without weights): pending until published
        assertEquals(List.of("PARTIAL [POPULATION_CURVE, INDIVIDUAL_RISK, QI_CONTRIBUTION, SUDA] classes=3 qi=0 "
                + "suda=false cards=" + vm.cards().size(), "PARTIAL [INDIVIDUAL_RISK, SUDA]"), seen);
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        assertEquals(Set.of(), vm.pendingProperty().get());
        assertTrue(vm.analysisProperty().get().suda() != null);
        assertFalse(vm.analysisProperty().get().qiContribution().isEmpty());
    }

    @Test
    void aPartialResultIsNotRecordableAndACancelBringsBackTheLastCompleteResult() throws Exception {
        MicrodataLane lane = new MicrodataLane();
        RiskDashboardViewModel[] self = new RiskDashboardViewModel[1];
        CaseViewModel cases = openCase();
        RecordAction action = new RecordAction(cases);
        List<String> seen = new ArrayList<>();
        ProgressiveMicrodata progressive = (request, inputs, publish, monitor) -> {
            var full = lane.analyze(request, inputs, monitor);
            publish.accept(MicrodataParts.none().withSummary(full.output().result()));
            if (request.quasiIdentifiers().contains("zip")) {
                RiskDashboardViewModel v = self[0];
                seen.add(v.resultStateProperty().get() + " classes=" + v.analysisProperty().get().result().classes()
                        + " " + action.disabledProperty().get() + " " + action.reasonProperty().get());
                v.cancel();
            }
            return full;
        };
        vm = new RiskDashboardViewModel(progressive, runner, Debouncer.immediate(), new AttackerModelViewModel());
        self[0] = vm;
        action.targetProperty().set(vm);
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        tick("zip", true);
        runner.last().runToEnd();
        assertEquals(List.of("PARTIAL classes=4 true " + Messages.get("record.reason.partial")), seen,
                "the zip run's summary was shown, not recordable");
        assertEquals(ResultState.OUTDATED, vm.resultStateProperty().get());
        assertEquals(3, classes(), "after the cancel the last complete (age, sex) result is shown again");
        assertEquals(Set.of(), vm.pendingProperty().get());
        assertFalse(action.record());
        assertTrue(runsOf(cases).isEmpty());
    }

    @Test
    void theAppsLaneShowsTheSummaryFirstAndTheTabsStillComputingAreMarked() {
        List<String> seen = new ArrayList<>();
        vm.pendingProperty().addListener((o, a, b) -> seen.add(vm.resultStateProperty().get() + " " + b
                + " classes=" + vm.analysisProperty().get().result().classes()));
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        // summary, then the population curve, the QI power set, the individual risk; SUDA2 (on by default) last
        assertEquals(List.of("PARTIAL [POPULATION_CURVE, INDIVIDUAL_RISK, QI_CONTRIBUTION, SUDA] classes=3",
                "PARTIAL [INDIVIDUAL_RISK, QI_CONTRIBUTION, SUDA] classes=3", "PARTIAL [INDIVIDUAL_RISK, SUDA] classes=3",
                "PARTIAL [SUDA] classes=3", "PARTIAL [] classes=3"), seen);
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        assertSame(vm.resultProperty().get().output(), vm.analysisProperty().get(), "the complete result is shown");
    }

    @Test
    void whileTheIndividualRiskComputesItsRowSaysSoInsteadOfAskingForAWeight() throws Exception {
        Path f = dir.resolve("weighted.csv");
        Files.writeString(f, "age,sex,w\n30,m,10\n30,m,12\n40,f,5\n", StandardCharsets.UTF_8);
        var b = org.releaseauditor.service.microdata.MicrodataRequest.builder().quasiIdentifiers(List.of("age", "sex"))
                .weight("w").suda(false);
        b.importing().options(ImportOptions.defaults());
        var request = b.build();
        var full = new MicrodataLane().analyze(request, org.releaseauditor.service.LaneInputs.of(
                org.releaseauditor.service.microdata.MicrodataRequest.DATA, f), ProgressMonitor.none()).output();
        var partial = MicrodataParts.none().withSummary(full.result()).toAnalysis("weighted", request);
        MetricRow row = RiskDashboardViewModel.individualRows(partial).get(0);
        assertEquals(Messages.get("ind.computing.explain"), row.explanation());
        assertEquals("\u2026", row.value());
        assertEquals(Messages.get("ind.er"), RiskDashboardViewModel.individualRows(full).get(0).metric());
        // without a weight column the complete result has the individual risk too (r = 1/f_k, as sdcMicro)
        assertEquals(Messages.get("ind.er"),
                RiskDashboardViewModel.individualRows(vmAnalysisWithoutWeight()).get(0).metric());
    }

    private org.releaseauditor.core.risk.MicrodataAnalysis vmAnalysisWithoutWeight() {
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        return vm.analysisProperty().get();
    }

    @Test
    void whileANewFileIsImportedTheShownResultIsMarkedAndAFailedImportLeavesItFromEarlierSettings()
            throws Exception {
        vm.datasetProperty().set(patients);
        runner.last().runToEnd();
        CaseViewModel cases = openCase();
        RecordAction action = new RecordAction(cases);
        action.targetProperty().set(vm);
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());

        vm.importing(true);
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        assertEquals(3, classes(), "the previous file's cards stay visible, marked");
        assertFalse(action.record(), "nothing is recorded while another file is read");
        vm.importing(false); // the import failed or was cancelled
        assertEquals(ResultState.OUTDATED, vm.resultStateProperty().get());
        assertFalse(action.record());
        assertTrue(runsOf(cases).isEmpty());

        // a successful import: the new file's analysis follows, and only its result is recorded
        vm.importing(true);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "age,sex,zip,diagnosis\n30,m,1,flu\n30,m,1,flu\n", StandardCharsets.UTF_8);
        vm.datasetProperty().set(load(other));
        vm.importing(false);
        assertEquals(ResultState.COMPUTING, vm.resultStateProperty().get());
        runner.last().runToEnd();
        assertEquals(ResultState.CURRENT, vm.resultStateProperty().get());
        assertEquals(1, classes(), "{30, m} x 2");
        assertTrue(action.record());
        assertEquals(1, runsOf(cases).size());
    }
}
