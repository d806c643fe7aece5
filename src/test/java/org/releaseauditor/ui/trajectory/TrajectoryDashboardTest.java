package org.releaseauditor.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.cli.ReleaseAuditorCli;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.HeatmapGrid;
import org.releaseauditor.ui.fx.FxmlViews;
import org.releaseauditor.ui.fx.TableCsv;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The trajectory dashboard in a real stage: the bundled sample runs and matches the CLI. */
@ExtendWith(ApplicationExtension.class)
class TrajectoryDashboardTest {
    static final Path SAMPLE = Path.of("sample-datasets", "trajectories", "events_pseudonymised.csv");
    private AppContext ctx;
    private TrajectoryDashboardController controller;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/trajectory");
        ctx = new AppContext(new UiPreferences(node));
        controller = show(ctx, stage);
    }

    /** Loads the dashboard the way the main window does and shows it at 1600×1000. */
    static TrajectoryDashboardController show(AppContext ctx, Stage stage) {
        FxmlViews.View<TrajectoryDashboardController> view = ctx.views().load("/fxml/trajectory/TrajectoryDashboard.fxml");
        stage.setScene(new Scene(view.root(), 1600, 1000));
        stage.show();
        return view.controller();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    /** Loads the sample and waits for its report; returns the seconds it took. */
    static double runSample(FxRobot robot, TrajectoryDashboardController c) throws Exception {
        long t0 = System.nanoTime();
        robot.interact(() -> c.loadSample(SAMPLE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> c.viewModel().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static JsonNode cliJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), "analyze", "trajectories",
                "--data", SAMPLE.toString(), "--user", "pseudonym", "--time", "timestamp", "--location", "cell",
                "--temporal", "1h", "--points", "1..5", "--attacks", "location:2,home-work",
                "--sweep", "spatial=none,map:" + SAMPLE.resolveSibling("cell_to_district.csv") + ";temporal=1h,4h",
                "--format", "json", "-q");
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void sampleRunsFastAndShowsTheSameUnicityAsTheCli(FxRobot robot) throws Exception {
        double seconds = runSample(robot, controller);
        assertTrue(seconds < 15, "sample took " + seconds + " s");
        TrajectoryReport r = controller.viewModel().reportProperty().get();
        assertEquals(800, r.users());
        TableView<UnicityResult.Row> table = robot.lookup("#unicityTable").queryAs(TableView.class);
        TableColumn<UnicityResult.Row, ?> eps = table.getColumns().stream()
                .filter(c -> "unicityFractionColumn".equals(c.getId())).findFirst().orElseThrow();
        UnicityResult.Row p2 = table.getItems().stream().filter(x -> x.points() == 2).findFirst().orElseThrow();
        String shown = String.valueOf(eps.getCellObservableValue(p2).getValue());
        JsonNode json = cliJson();
        JsonNode cliP2 = null;
        for (JsonNode row : json.get("unicity")) {
            if (row.get("points").asInt() == 2) {
                cliP2 = row;
            }
        }
        assertNotNull(cliP2);
        assertEquals(TrajectoryDashboardViewModel.fraction(cliP2.get("fraction").asDouble()), shown);
        assertEquals(cliP2.get("uniqueUsers").asInt(), p2.uniqueUsers());
        // the CSV copy holds what is displayed
        assertTrue(TableCsv.toCsv(table).contains(shown));
        // cards: users, events, ε at p = 4, risk 1 of the location attack, median home/work set
        assertEquals("800", robot.lookup("#trajCardUsersValue").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#trajCardUnicity").tryQuery().isPresent());
        assertTrue(robot.lookup("#trajCardAttack").tryQuery().isPresent());
        assertTrue(robot.lookup("#trajCardHomeWork").tryQuery().isPresent());
        // the 2 × 2 sweep matches the CLI cell by cell
        JsonNode sweep = json.get("sweep").get("fraction");
        double[][] f = r.sweep().fraction();
        assertEquals(2, f.length);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(sweep.get(i).get(j).asDouble(), f[i][j], 1e-12);
            }
        }
        HeatmapGrid grid = robot.lookup("#sweepHeatmap").queryAs(HeatmapGrid.class);
        assertFalse(grid.getChildren().isEmpty());
        assertEquals(json.get("attacks").get(0).get("fractionRisk1").asDouble(), r.attacks().get(0).fractionRisk1(),
                1e-12);
    }

    @Test
    void aSettingChangeRerunsAndTheLatestRunWins(FxRobot robot) throws Exception {
        runSample(robot, controller);
        TrajectorySettingsViewModel s = controller.viewModel().settings();
        robot.interact(() -> {
            s.temporalProperty().set("1d");
            s.temporalProperty().set("4h");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            TrajectoryReport r = controller.viewModel().reportProperty().get();
            return r != null && r.temporal().equals("4h") && !ctx.tasks().runningProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4h", controller.viewModel().reportProperty().get().temporal());
        // coordinates give the area map
        robot.interact(() -> s.locationModeProperty().set(TrajectorySettingsViewModel.LocationMode.COORDINATES));
        // a location-id mapping cannot map coordinates: the request's builder says so before any run,
        // and no result replaces the last one
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !s.validationProperty().get().isEmpty());
        assertTrue(s.validationProperty().get().contains("location ids"), s.validationProperty().get());
        assertEquals("4h", controller.viewModel().reportProperty().get().temporal());
        robot.interact(() -> s.sweepSpatialProperty().set("none, grid:1km"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            TrajectoryReport r = controller.viewModel().reportProperty().get();
            return r != null && !r.areaMap().isEmpty() && !ctx.tasks().runningProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapGrid map = robot.lookup("#areaMap").queryAs(HeatmapGrid.class);
        assertFalse(map.getChildren().isEmpty());
    }

    @Test
    void invalidSettingsShowAMessageAndDoNotRun(FxRobot robot) throws Exception {
        runSample(robot, controller);
        TrajectorySettingsViewModel s = controller.viewModel().settings();
        // location ids without coordinate columns cannot be put on a grid (with the sample's lat/lon they can)
        robot.interact(() -> {
            s.latProperty().set(null);
            s.spatialKindProperty().set(TrajectorySettingsViewModel.SpatialKind.GRID);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !s.validationProperty().get().isEmpty());
        assertTrue(s.validationProperty().get().contains("coordinates"), s.validationProperty().get());
    }
}
