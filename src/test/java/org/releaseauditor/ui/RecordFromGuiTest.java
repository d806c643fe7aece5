package org.releaseauditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.ui.aggregate.AggregateDashboardViewModel;
import org.releaseauditor.ui.aggregate.AggregateSettingsViewModel;
import org.releaseauditor.ui.fx.ResultState;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.releaseauditor.ui.trajectory.TrajectoryDashboardViewModel;
import org.releaseauditor.ui.trajectory.TrajectorySettingsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11 items 5-7 through the real main window (headless): the trajectories and the aggregates
 * tabs' results are recorded by the toolbar's "Record" button, with the request's canonical JSON,
 * the SHA-256 of the analysed bytes and the attacker; View → Language keeps the open case open and
 * writable; two quick records go through the one case writer and the chain verifies.
 */
@ExtendWith(ApplicationExtension.class)
class RecordFromGuiTest {
    private AppContext ctx;
    private MainWindow window;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/record");
        node.clear();
        ctx = new AppContext(new UiPreferences(node));
        window = new MainWindow(ctx, stage);
        window.show(false);
    }

    @AfterEach
    void stop() {
        Messages.setLocale(Locale.ENGLISH);
        ctx.close();
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
    }

    private CaseService createCase(FxRobot robot) throws Exception {
        Path file = dir.resolve("gui.rcase");
        robot.interact(() -> ctx.caseModel().create(file, "GUI record", "extract", "Controller", "Dana DPO"));
        waitUntil(() -> ctx.caseModel().snapshotProperty().get() != null);
        return ctx.caseModel().openCaseProperty().get();
    }

    private List<RunEntry> runs() {
        var s = ctx.caseModel().snapshotProperty().get();
        return s == null ? List.of() : s.runs();
    }

    /** Four users; at p = 2 without attributes u2 and u3 are unique (unicity 1/2, counted by hand). */
    private Path events() throws Exception {
        Path f = dir.resolve("events.csv");
        Files.writeString(f, String.join("\n", "pseudonym,timestamp,cell",
                "u1,2025-03-03T08:10:00,A", "u1,2025-03-03T09:10:00,B", "u2,2025-03-03T08:20:00,A",
                "u2,2025-03-03T09:20:00,C", "u3,2025-03-03T08:30:00,D", "u4,2025-03-03T08:40:00,A",
                "u4,2025-03-03T09:40:00,B") + "\n", StandardCharsets.UTF_8);
        return f;
    }

    /** Selects the trajectories tab, analyses {@code events} there and waits for the current result. */
    private TrajectoryDashboardViewModel analyseTrajectories(FxRobot robot, Path events) throws Exception {
        robot.interact(() -> window.controller().laneTabs().getSelectionModel()
                .select(window.controller().trajectoriesTab()));
        TrajectoryDashboardViewModel vm = (TrajectoryDashboardViewModel) ctx.recordAction().targetProperty().get();
        robot.interact(() -> {
            TrajectorySettingsViewModel s = vm.settings();
            s.setColumns(List.of("pseudonym", "timestamp", "cell"));
            s.fileProperty().set(events);
            s.userProperty().set("pseudonym");
            s.timeProperty().set("timestamp");
            s.locationProperty().set("cell");
            s.locationModeProperty().set(TrajectorySettingsViewModel.LocationMode.LOCATION);
            s.spatialKindProperty().set(TrajectorySettingsViewModel.SpatialKind.NONE);
            s.temporalProperty().set("1h");
            s.minPointsProperty().set(1);
            s.maxPointsProperty().set(2);
            s.sweepSpatialProperty().set("");
            s.sweepTemporalProperty().set("");
            s.attackChoices().forEach(c -> c.selectedProperty().set(false));
            s.attack(AttackType.LOCATION).kProperty().set(2);
            s.attack(AttackType.LOCATION).selectedProperty().set(true);
        });
        waitUntil(() -> vm.resultStateProperty().get() == ResultState.CURRENT
                && vm.resultProperty().get().inputs().get("events").orElseThrow().path().endsWith("events.csv"));
        return vm;
    }

    private Button toolbarRecord() {
        return (Button) window.controller().root().lookup("#recordButton");
    }

    @Test
    void trajectoriesAndAggregatesResultsAreRecordedFromTheirTabs(FxRobot robot) throws Exception {
        CaseService cs = createCase(robot);
        // nothing analysed yet: the toolbar's Record is disabled and its tooltip (on the holder,
        // since a disabled button shows none) says why
        javafx.scene.Node holder = window.controller().root().lookup("#recordHolder");
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) holder.getProperties()
                .get("javafx.scene.control.Tooltip");
        assertTrue(toolbarRecord().isDisabled());
        assertTrue(toolbarRecord().isMouseTransparent(), "the mouse reaches the holder's tooltip");
        assertEquals(Messages.get("record.reason.none"), tip.getText());
        Path events = events();
        TrajectoryDashboardViewModel traj = analyseTrajectories(robot, events);
        assertEquals(0.5, traj.resultProperty().get().output().unicity().row(2).fraction(), 1e-12);
        waitUntil(() -> !toolbarRecord().isDisabled());
        assertEquals("Record current analysis (Trajectories)", ctx.recordAction().textProperty().get());
        assertTrue(tip.getText().startsWith("Records the Trajectories result in case gui.rcase"), tip.getText());
        robot.interact(toolbarRecord()::fire);
        waitUntil(() -> runs().size() == 1);
        RunEntry t = runs().get(0);
        assertEquals("trajectories", t.lane());
        assertEquals(traj.resultProperty().get().request().toJson(), t.paramsJson());
        assertEquals(sha256(events), ctx.caseModel().snapshotProperty().get().datasets().get(0).sha256());

        // the aggregates tab: the bundled sample it preloads is replaced by a small table
        Path table = dir.resolve("small.csv");
        Files.writeString(table, String.join("\n", "area,age,count", "A,y,", "A,o,12", "A,Total,20", "B,y,3",
                "B,o,15", "B,Total,18", "Total,y,", "Total,o,27", "Total,Total,38") + "\n", StandardCharsets.UTF_8);
        robot.interact(() -> window.controller().laneTabs().getSelectionModel()
                .select(window.controller().aggregatesTab()));
        AggregateDashboardViewModel agg = (AggregateDashboardViewModel) ctx.recordAction().targetProperty().get();
        robot.interact(() -> {
            AggregateSettingsViewModel s = agg.settings();
            s.tables().clear();
            s.series().clear();
            s.areasFileProperty().set(null);
            s.addTable(table, List.of("area", "age", "count"));
            s.thresholdProperty().set("5");
            s.auditProperty().set(true);
            assertTrue(agg.run(), agg.problemsProperty().get());
        });
        waitUntil(() -> agg.resultStateProperty().get() == ResultState.CURRENT);
        assertEquals("Record current analysis (Aggregates)", ctx.recordAction().textProperty().get());
        waitUntil(() -> !toolbarRecord().isDisabled());
        robot.interact(toolbarRecord()::fire);
        waitUntil(() -> runs().size() == 2);
        RunEntry a = runs().get(1);
        assertEquals("aggregates", a.lane());
        assertEquals(agg.resultProperty().get().request().toJson(), a.paramsJson());
        assertTrue(a.paramsJson().contains("small"), a.paramsJson());
        var datasets = ctx.caseModel().snapshotProperty().get().datasets();
        assertEquals(sha256(table), datasets.get(datasets.size() - 1).sha256());
        assertEquals(List.of(datasets.get(datasets.size() - 1).id()), a.datasetIds());

        robot.interact(ctx.caseModel()::verify);
        waitUntil(() -> !ctx.caseModel().verification().isEmpty());
        assertTrue(ctx.caseModel().verification().stream().allMatch(v -> v.ok()),
                ctx.caseModel().verification().toString());
        assertSame(cs, ctx.caseModel().openCaseProperty().get());
    }

    @Test
    void viewLanguageKeepsTheOpenCaseOpenAndWritable(FxRobot robot) throws Exception {
        CaseService before = createCase(robot);
        assertEquals(CaseAccess.READ_WRITE, before.access());
        MenuBar bar = (MenuBar) window.controller().root().lookup("#menuBar");
        MenuItem german = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof Menu).flatMap(i -> ((Menu) i).getItems().stream())
                .filter(i -> "Deutsch".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(german::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Locale.GERMAN.getLanguage(), Messages.locale().getLanguage());
        assertNotEquals(bar, window.controller().root().lookup("#menuBar"), "the window was rebuilt");
        // same case, still writable; no second instance that would see our own lock
        assertSame(before, ctx.caseModel().openCaseProperty().get());
        assertTrue(ctx.caseModel().writableProperty().get());
        assertEquals("", ctx.caseModel().snapshotProperty().get().notice());
        Label caseLabel = window.controller().caseLabel();
        assertTrue(caseLabel.getText().contains("GUI record"), caseLabel.getText());
        Label title = (Label) window.controller().decisionTab().getContent().lookup("#caseTitle");
        assertTrue(title.getText().contains("GUI record"), "the rebuilt decision panel shows the open case");

        // and a result of the rebuilt window is recorded into it
        analyseTrajectories(robot, events());
        waitUntil(() -> !toolbarRecord().isDisabled());
        robot.interact(toolbarRecord()::fire);
        waitUntil(() -> runs().size() == 1);
        assertEquals(CaseAccess.READ_WRITE, ctx.caseModel().openCaseProperty().get().access());
        assertFalse(ctx.caseModel().snapshotProperty().get().readOnly());
    }

    @Test
    void twoQuickRecordsGoThroughTheOneWriterAndTheChainVerifies(FxRobot robot) throws Exception {
        createCase(robot);
        analyseTrajectories(robot, events());
        waitUntil(() -> !ctx.recordAction().disabledProperty().get());
        robot.interact(() -> {
            assertTrue(ctx.recordAction().record());
            assertTrue(ctx.recordAction().record());
        });
        waitUntil(() -> runs().size() == 2);
        List<RunEntry> runs = runs();
        assertNotEquals(runs.get(0).id(), runs.get(1).id());
        assertEquals(runs.get(0).datasetIds(), runs.get(1).datasetIds(), "the same bytes: one dataset");
        assertEquals(1, ctx.caseModel().snapshotProperty().get().datasets().size());
        robot.interact(ctx.caseModel()::verify);
        waitUntil(() -> !ctx.caseModel().verification().isEmpty());
        assertTrue(ctx.caseModel().verification().stream().allMatch(v -> v.ok()),
                ctx.caseModel().verification().toString());
    }
}
