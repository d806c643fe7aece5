package org.releaseauditor.ui.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.cli.ReleaseAuditorCli;
import org.releaseauditor.core.aggregate.CellStatus;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.FxmlViews;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The aggregates dashboard in a real stage: the sample run shows the CLI's numbers. */
@ExtendWith(ApplicationExtension.class)
class AggregateDashboardFxTest {
    static final Path SAMPLE = Path.of("sample-datasets", "aggregates");
    private AppContext ctx;
    private AggregateDashboardController controller;

    /** The dashboard shown in a 1600×1000 stage with the app's stylesheet. */
    record Shown(AppContext ctx, AggregateDashboardController controller, Scene scene) {
    }

    static Shown show(Stage stage, Locale locale, String prefsNode) throws Exception {
        Messages.setLocale(locale);
        Preferences node = Preferences.userRoot().node(prefsNode);
        node.clear();
        AppContext ctx = new AppContext(new UiPreferences(node));
        FxmlViews.View<AggregateDashboardController> view = ctx.views().load("/fxml/aggregate/AggregateDashboard.fxml");
        Scene scene = new Scene(view.root(), 1600, 1000);
        scene.getStylesheets().add(AggregateDashboardFxTest.class.getResource("/fxml/css/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return new Shown(ctx, view.controller(), scene);
    }

    @Start
    void start(Stage stage) throws Exception {
        Shown s = show(stage, Locale.ENGLISH, "/org/releaseauditor-test/aggregates");
        ctx = s.ctx();
        controller = s.controller();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    /** Runs the sample and waits until the exposed-cells card shows a number. */
    static Label runSample(FxRobot robot, AggregateDashboardController controller) throws Exception {
        robot.interact(() -> assertTrue(controller.loadSample(SAMPLE)));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> robot.lookup("#cardAggExposedValue").tryQuery().isPresent());
        return robot.lookup("#cardAggExposedValue").queryAs(Label.class);
    }

    @Test
    void sampleRunShowsTheSameCountsAsTheCli(FxRobot robot) throws Exception {
        Label exposed = runSample(robot, controller);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), "analyze", "aggregates",
                "--table", "footfall=" + SAMPLE.resolve(AggregateDashboardController.SAMPLE_TABLE),
                "--threshold", "10", "--operator", "lt",
                "--audit", "--format", "json", "-q");
        assertEquals(0, rc, err.toString());
        JsonNode summary = new ObjectMapper().readTree(out.toString()).get("aggregates");
        long cliExposed = summary.get("exposedCells").asLong();
        assertTrue(cliExposed > 0, "the sample has exposed cells");
        assertEquals(AggregateDashboardViewModel.count(cliExposed), exposed.getText());
        assertEquals(AggregateDashboardViewModel.count(summary.get("unsafeCells").asLong()),
                robot.lookup("#cardAggUnsafeValue").queryAs(Label.class).getText());
        assertEquals(AggregateDashboardViewModel.count(summary.get("recoverableCells").asLong()),
                robot.lookup("#cardAggRecoverableValue").queryAs(Label.class).getText());
        // the grid's exposed + recovered rows agree with the view model's statuses; clicking one explains it
        TableView<?> grid = robot.lookup("#grid-footfall_hourly_withheld").queryAs(TableView.class);
        assertFalse(grid.getItems().isEmpty());
        robot.interact(() -> grid.getSelectionModel().select(0));
        AggregateDisplay.CellRow first = (AggregateDisplay.CellRow) grid.getItems().get(0);
        assertTrue(first.status() != CellStatus.SAFE && first.status() != CellStatus.SUPPRESSED);
        String why = robot.lookup("#cellDetail").queryAs(TextArea.class).getText();
        assertTrue(why.contains(AggregateDisplay.label(first.status())), why);
    }

    @Test
    void aNewerRunReplacesTheOlderOneAndItsResultIsNeverShown(FxRobot robot) throws Exception {
        robot.interact(() -> {
            assertTrue(controller.loadSample(SAMPLE));
            controller.viewModel().settings().thresholdProperty().set("20");
            controller.viewModel().settings().auditProperty().set(false);
            assertTrue(controller.viewModel().run());
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> controller.viewModel().viewProperty().get() != null
                && !ctx.tasks().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        var report = controller.viewModel().viewProperty().get().report();
        assertEquals(20, report.threshold().threshold());
        assertEquals(null, report.audit());
        assertEquals("\u2013", robot.lookup("#cardAggExposedValue").queryAs(Label.class).getText());
    }

    @Test
    void theAcroButtonTheBoundaryChoiceTheTieSpinnerAndTheReleaseSelector(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        AggregateSettingsViewModel s = controller.viewModel().settings();
        robot.interact(() -> s.tables().clear());
        robot.clickOn("#acroPreset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ge", robot.lookup("#dominanceOperator").queryAs(javafx.scene.control.ComboBox.class)
                .getValue());
        assertEquals("Preset ACRO; changed fields override it",
                robot.lookup("#rulesPreset").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#zeroMagnitudeUnsafe").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.clickOn("#clearPreset");
        assertEquals(null, s.rulesPresetProperty().get());
        robot.interact(() -> s.tieSamplesProperty().set(40));
        assertEquals(40, robot.lookup("#tieSamples").queryAs(javafx.scene.control.Spinner.class).getValue());

        java.nio.file.Files.writeString(dir.resolve("week1.csv"), "area,count\na,12\nb,15\nTotal,27\n");
        java.nio.file.Files.writeString(dir.resolve("week2.csv"), "area,count\na,16\nb,19\nTotal,35\n");
        robot.interact(() -> {
            s.dominanceProperty().set(false);
            s.pRuleProperty().set(false);
            s.zeroMagnitudeUnsafeProperty().set(false);
            s.thresholdProperty().set("10");
            s.auditProperty().set(false);
            s.addTable(dir.resolve("week1.csv"), java.util.List.of("area", "count")).dimensions()
                    .setAll(java.util.List.of("area"));
            s.series().add(dir.resolve("week2.csv"));
            assertTrue(controller.viewModel().run(), controller.viewModel().problemsProperty().get());
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> controller.viewModel().viewProperty().get() != null
                && !ctx.tasks().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> releases = robot.lookup("#releaseSelector")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(releases.isVisible());
        assertEquals(3, releases.getItems().size());
        robot.interact(() -> releases.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("week2.csv", controller.viewModel().viewProperty().get().report().release());
        String summary = robot.lookup("#configSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("week2.csv") && summary.contains("count < 10"), summary);
    }

    @Test
    void invalidSettingsSayWhatToFixAndDoNotRun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            controller.viewModel().settings().tables().clear();
            assertFalse(controller.viewModel().run());
        });
        assertEquals("Add at least one count table (Add table\u2026).",
                controller.viewModel().problemsProperty().get());
        assertFalse(ctx.tasks().runningProperty().get());
    }
}
