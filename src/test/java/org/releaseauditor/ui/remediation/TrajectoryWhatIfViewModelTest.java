package org.releaseauditor.ui.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediationResult;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.RemediationRecorder;
import org.releaseauditor.service.remediation.TrajectoryRemediationService;
import org.releaseauditor.service.remediation.TrajectoryWhatIf;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trajectories What-if panel's view model with the real services on a release small enough to
 * work out by hand (the toolkit runs headless, only for the background tasks' callbacks).
 */
@ExtendWith(ApplicationExtension.class)
class TrajectoryWhatIfViewModelTest {

    /**
     * Four people, two events each (08:10 and 09:10 on one day), every event at the same
     * coordinates but each person at a cell id of their own. Released by cell id and hour, every
     * person is alone on any single point: unicity from 1 point = 4/4 = 100 %. On a 250 m grid all
     * four share the same two (square, hour) points: nobody is unique, 0 %. Wider time bins keep
     * the cell ids, so they stay at 100 %; a cap of 1 event keeps everybody unique as well. The
     * least coarsening that meets "at most 50 % unique from 1 point" is therefore the 250 m grid at
     * the released hour.
     */
    static final String EVENTS = String.join("\n",
            "pseudonym,timestamp,cell,lat,lon",
            "u1,2025-03-03T08:10:00,A,52.000000,10.000000",
            "u1,2025-03-03T09:10:00,A,52.000000,10.000000",
            "u2,2025-03-03T08:10:00,B,52.000000,10.000000",
            "u2,2025-03-03T09:10:00,B,52.000000,10.000000",
            "u3,2025-03-03T08:10:00,C,52.000000,10.000000",
            "u3,2025-03-03T09:10:00,C,52.000000,10.000000",
            "u4,2025-03-03T08:10:00,D,52.000000,10.000000",
            "u4,2025-03-03T09:10:00,D,52.000000,10.000000") + "\n";

    @TempDir
    Path dir;
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/whatif-trajectories");
        ctx = new AppContext(new UiPreferences(node));
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private LaneResult<TrajectoriesRequest, TrajectoryReport> audited() throws Exception {
        Path events = dir.resolve("events.csv");
        Files.writeString(events, EVENTS, StandardCharsets.UTF_8);
        LaneCall<TrajectoriesRequest> call = TrajectoriesRequest.builder().user("pseudonym").time("timestamp")
                .location("cell").lat("lat").lng("lon").temporal("1h").points(1, 2).events(events.toString())
                .buildCall();
        return ctx.trajectoriesLane().analyze(call.request(), LaneInputs.builder()
                .put(TrajectoriesRequest.EVENTS, events).build(), ProgressMonitor.none());
    }

    private TrajectoryWhatIfViewModel open(FxRobot robot, LaneResult<TrajectoriesRequest, TrajectoryReport> r)
            throws Exception {
        TrajectoryWhatIfViewModel[] vm = new TrajectoryWhatIfViewModel[1];
        robot.interact(() -> {
            vm[0] = new TrajectoryWhatIfViewModel(new TrajectoryRemediationService(ctx.trajectoriesLane(),
                    ctx.datasetService()), ctx.tasks(), Debouncer.immediate());
            vm[0].targetPointsProperty().set(1);
            vm[0].targetShareProperty().set(0.5);
            vm[0].sourceProperty().set(r);
            vm[0].activeProperty().set(true);
        });
        waitFor(() -> vm[0].previewProperty().get() != null && !vm[0].busyProperty().get());
        return vm[0];
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static CompareCard card(TrajectoryWhatIfViewModel vm, String id) {
        return vm.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void inactivePanelDoesNoWork(FxRobot robot) throws Exception {
        LaneResult<TrajectoriesRequest, TrajectoryReport> r = audited();
        TrajectoryWhatIfViewModel[] vm = new TrajectoryWhatIfViewModel[1];
        robot.interact(() -> {
            vm[0] = new TrajectoryWhatIfViewModel(new TrajectoryRemediationService(ctx.trajectoriesLane(),
                    ctx.datasetService()), ctx.tasks(), Debouncer.immediate());
            vm[0].sourceProperty().set(r);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm[0].sessionProperty().get(), "nothing is prepared until the tab is shown");
        assertEquals(4, vm[0].targetPointsProperty().get(), "default target: 4 points (de Montjoye et al.)");
        assertEquals(0.1, vm[0].targetShareProperty().get(), 0, "default target: 10 %");
    }

    @Test
    void slidersStartAtTheReleaseAndTheLatestChoiceWins(FxRobot robot) throws Exception {
        TrajectoryWhatIfViewModel vm = open(robot, audited());
        assertEquals("none", vm.spatialLabels().get(0), "the released resolution first");
        assertTrue(vm.spatialLabels().contains("grid:250m"), vm.spatialLabels().toString());
        assertEquals("1h", vm.temporalLabels().get(0));
        // 2 events at most per person: the cap ladder is {1}, shown after "all"
        assertEquals(List.of("all", "1"), vm.capLabels());
        assertNull(vm.capAt(0));
        assertEquals(1, vm.capAt(1));
        assertEquals("Target: at most 50.00 % unique from 1 points", vm.targetProperty().get());
        // as submitted: 4 of 4 unique from 1 point; the unchanged copy the same
        assertEquals("FAIL", card(vm, "whatIfPolicy").before());
        assertEquals("100.00 %", card(vm, "whatIfUnicity").before());
        assertEquals(SummaryCard.Status.FAIL, card(vm, "whatIfUnicity").beforeStatus());
        assertEquals("100.00 %", card(vm, "whatIfUnicity").after());
        assertEquals("4", card(vm, "whatIfUsers").before());
        assertEquals("8", card(vm, "whatIfEvents").before());
        // two changes in a row: the second cancels the first, the shown copy is the second's
        robot.interact(() -> {
            vm.spatialProperty().set(vm.spatialLabels().indexOf("grid:250m"));
            vm.temporalProperty().set(1);
        });
        String hours = vm.temporalLabels().get(1);
        waitFor(() -> !vm.busyProperty().get() && vm.previewProperty().get() != null
                && vm.previewProperty().get().cell().temporal().equals(hours));
        TrajectoryWhatIf.Preview p = vm.previewProperty().get();
        assertEquals("grid:250m", p.cell().spatial());
        assertEquals(0.0, p.cell().row(1).fraction(), 0, "nobody is unique on the grid");
        assertEquals("0.00 %", card(vm, "whatIfUnicity").after());
        assertEquals(SummaryCard.Status.PASS, card(vm, "whatIfUnicity").afterStatus());
        assertEquals("PASS", card(vm, "whatIfPolicy").after());
        assertEquals("8", card(vm, "whatIfEvents").after(), "coarsening keeps every event");
        assertTrue(vm.statusProperty().get().startsWith("The re-audited copy passes"), vm.statusProperty().get());
        // a cap of one event per person at the released resolution: everybody still unique
        robot.interact(() -> vm.setChoice(0, 0, 1));
        waitFor(() -> !vm.busyProperty().get() && vm.previewProperty().get() != p
                && "4".equals(card(vm, "whatIfEvents").after()));
        assertEquals("100.00 %", card(vm, "whatIfUnicity").after());
        assertEquals("FAIL", card(vm, "whatIfPolicy").after());
        assertEquals(1, vm.capProperty().get());
    }

    @Test
    void findLeastChangeMovesTheSlidersToTheRecommendationAndTheCopyIsSavedAndRecorded(FxRobot robot)
            throws Exception {
        TrajectoryWhatIfViewModel vm = open(robot, audited());
        robot.interact(vm::findLeastChange);
        waitFor(() -> !vm.searchingProperty().get() && vm.searchProperty().get() != null);
        TrajectoryRemediationResult r = vm.searchProperty().get();
        assertEquals("grid:250m", r.recommended().spatial());
        assertEquals("1h", r.recommended().temporal());
        waitFor(() -> !vm.busyProperty().get() && vm.previewProperty().get().cell().spatial().equals("grid:250m"));
        assertEquals(vm.spatialLabels().indexOf("grid:250m"), vm.spatialProperty().get());
        assertEquals(0, vm.temporalProperty().get());
        assertEquals(0, vm.capProperty().get());
        assertEquals("PASS", card(vm, "whatIfPolicy").after());
        assertTrue(vm.changeProperty().get().startsWith("0.00 % unique from 1 points"), vm.changeProperty().get());
        assertTrue(vm.changeProperty().get().endsWith("at grid:250m x 1 h, events per person all"),
                vm.changeProperty().get());
        // save: the file's SHA-256 is the one shown, and the copy is recorded in a case
        Path copy = dir.resolve("events_remediated.csv");
        robot.interact(() -> vm.save(copy));
        waitFor(() -> vm.savedProperty().get() != null);
        assertTrue(vm.savedProperty().get().passed());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy))),
                vm.savedSha());
        assertEquals(9, Files.readAllLines(copy).size(), "header and every event");
        try (CaseService cs = CaseService.create(dir.resolve("c.rcase"), new CaseInfo("Trips", "", "", "A",
                Instant.now()), ctx.lanes())) {
            RemediationRecorder.Recorded[] rec = new RemediationRecorder.Recorded[1];
            robot.interact(() -> vm.record(cs, x -> rec[0] = x));
            waitFor(() -> rec[0] != null);
            assertEquals(2, cs.runs().size(), "the run as submitted and the copy's re-audit");
            assertTrue(cs.datasets().stream().anyMatch(d -> d.sha256().equals(vm.savedSha())));
        }
    }

    @Test
    void aSearchCanBeCancelled(FxRobot robot) throws Exception {
        TrajectoryWhatIfViewModel vm = open(robot, audited());
        robot.interact(() -> {
            vm.findLeastChange();
            vm.cancelSearch();
        });
        waitFor(() -> !vm.searchingProperty().get());
        assertNull(vm.searchProperty().get());
        assertFalse(vm.searchingProperty().get());
        assertEquals(0, vm.spatialProperty().get(), "the sliders stay where they were");
    }

    @Test
    void theChoiceInOneLine() {
        Messages.setLocale(Locale.ENGLISH);
        TrajectoryRemediationResult.Cell cell = new TrajectoryRemediationResult.Cell(1, 0, "grid:1km", "4h",
                List.of(new UnicityResult.Row(1, 100, 25, 0, 0.25, 0.18, 0.34),
                        new UnicityResult.Row(2, 100, 40, 0, 0.4, 0.31, 0.5)), true);
        assertEquals("40.00 % unique from 2 points (95 % upper bound 50.00 %) at grid:1km x 4 h, events per person all",
                TrajectoryWhatIfViewModel.describe(cell, 2, null));
        assertTrue(TrajectoryWhatIfViewModel.describe(cell, 2, 7).endsWith("events per person 7"));
        assertTrue(TrajectoryWhatIfViewModel.describe(cell, 3, null).startsWith("\u2013 unique from 3 points"),
                "a target beyond the rows is shown as unknown");
    }

    @Test
    void aPolicyFileSetsTheTargetAndAnOwnTargetReplacesIt(FxRobot robot) throws Exception {
        TrajectoryWhatIfViewModel vm = open(robot, audited());
        // no built-in policy has a unicity rule for a fixed number of points (trajectory-unicity-10 uses unicity.*)
        assertTrue(vm.policies().isEmpty(), vm.policies().toString());
        Path file = dir.resolve("unicity-1.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "id": "unicity-1-half", "version": "1.0", "title": "Half from one point",
                 "rules": [{"metric": "unicity.0.fraction", "operator": "<=", "threshold": 0.25, "severity": "FAIL"}]}
                """);
        PolicyChoice c = PolicyChoice.load(file.toString());
        robot.interact(() -> {
            vm.policies().add(c);
            vm.policyProperty().set(c);
        });
        waitFor(() -> vm.sessionProperty().get() != null && !vm.busyProperty().get()
                && vm.sessionProperty().get().policy().id().equals("unicity-1-half")
                && vm.previewProperty().get() != null);
        // the policy's target is shown in the fields: 1 point, 25 %
        assertEquals(1, vm.targetPointsProperty().get());
        assertEquals(0.25, vm.targetShareProperty().get());
        assertEquals("Target of policy unicity-1-half: unicity.0.fraction <= 0.25", vm.targetProperty().get());
        assertEquals("unicity-1-half", vm.beforeProperty().get().policy().profile().id());
        // editing the target goes back to an own target
        robot.interact(() -> vm.targetShareProperty().set(0.5));
        assertNull(vm.policyProperty().get());
        waitFor(() -> !vm.busyProperty().get() && vm.sessionProperty().get() != null
                && !vm.sessionProperty().get().policy().id().equals("unicity-1-half"));
    }
}
