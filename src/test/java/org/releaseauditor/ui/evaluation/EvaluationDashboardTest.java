package org.releaseauditor.ui.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.cli.ReleaseAuditorCli;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.evaluation.EvaluationRequest;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.evaluation.EvaluationDashboardViewModel.AttackRow;
import org.releaseauditor.ui.fx.FxmlViews;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Evaluation tab in a real stage: the bundled sample opens and runs, the four attacks show the
 * residual risks the command line gives for the same request, the same seed gives the same result,
 * and Cancel stops a run without replacing the last result.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluationDashboardTest {
    static final Path DIR = Path.of("sample-datasets", "evaluation");
    private AppContext ctx;
    private EvaluationDashboardController controller;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        ctx = new AppContext(new UiPreferences(Preferences.userRoot().node("/org/releaseauditor-test/evaluation")));
        controller = show(ctx, stage);
    }

    /** Loads the dashboard the way the main window does and shows it at 1600×1000. */
    static EvaluationDashboardController show(AppContext ctx, Stage stage) {
        FxmlViews.View<EvaluationDashboardController> view = ctx.views().load("/fxml/evaluation/EvaluationDashboard.fxml");
        stage.setScene(new Scene(view.root(), 1600, 1000));
        stage.show();
        return view.controller();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    /** Opens the sample and waits for its result. */
    static LaneResult<EvaluationRequest, EvaluationResult> runSample(FxRobot robot, EvaluationDashboardController c)
            throws Exception {
        robot.interact(() -> c.loadSample(DIR));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> c.viewModel().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return c.viewModel().resultProperty().get();
    }

    /** {@code analyze evaluation} with the datasheet's options, as JSON. */
    private static JsonNode cliJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("analyze", "evaluation", "--original",
                DIR.resolve("original.csv").toString(), "--release", DIR.resolve("release.csv").toString(),
                "--control", DIR.resolve("control.csv").toString(), "--aux-a", "age,gender,home_area,device",
                "--aux-b", "tariff,monthly_spend,data_gb,calls_per_month,tenure_months", "--secret", "monthly_spend",
                "--aux", "age,gender,home_area,tariff,device", "--format", "json", "-q"));
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        Messages.setLocale(Locale.ENGLISH);
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSampleShowsTheFourAttacksWithTheResidualRisksOfTheCli(FxRobot robot) throws Exception {
        LaneResult<EvaluationRequest, EvaluationResult> r = runSample(robot, controller);
        JsonNode cli = cliJson();
        // the same request and the same bytes give the same result document as the command line
        assertEquals(cli, new ObjectMapper().readTree(r.json()));
        TableView<AttackRow> table = robot.lookup("#attackTable").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
        TableColumn<AttackRow, ?> residual = table.getColumns().stream()
                .filter(c -> "residualColumn".equals(c.getId())).findFirst().orElseThrow();
        String[] paths = {"/singlingOut/univariate", "/singlingOut/multivariate", "/linkability", "/inference"};
        for (int i = 0; i < 4; i++) {
            JsonNode rr = cli.at(paths[i] + "/residualRisk");
            String shown = String.valueOf(residual.getCellObservableValue(table.getItems().get(i)).getValue());
            assertEquals(EvaluationDashboardViewModel.interval(rr.get("value").asDouble(), rr.get("low").asDouble(),
                    rr.get("high").asDouble(), Locale.ENGLISH), shown, paths[i]);
            assertEquals(rr.get("value").asDouble(), table.getItems().get(i).residual(), 0, paths[i]);
        }
        // datasheet: 11.5 %, 10.8 % and 9.6 % for several attributes, linkability and inference
        assertEquals("10.8\u00a0%", robot.lookup("#evalCard-linkabilityValue").queryAs(Label.class).getText());
        assertEquals("11.5\u00a0%", robot.lookup("#evalCard-singlingOut-multivariateValue").queryAs(Label.class)
                .getText());
        assertTrue(robot.lookup("#reading-linkability").queryAs(Label.class).getText()
                .contains("link the two records for about 10.8 % more"));
        ChartPane chart = robot.lookup("#evaluationChart").queryAs(ChartPane.class);
        assertNotNull(chart.chart());
        assertEquals(3, chart.chart().getCategoryPlot().getDataset().getRowCount(), "original, control, baseline");
        assertEquals(4, chart.chart().getCategoryPlot().getDataset().getColumnCount());
        assertFalse(robot.lookup("#evaluationChart").queryAs(ChartPane.class).getChildren().isEmpty());
    }

    @Test
    void cancelStopsARunAndTheSameSeedGivesTheSameResult(FxRobot robot) throws Exception {
        LaneResult<EvaluationRequest, EvaluationResult> first = runSample(robot, controller);
        EvaluationDashboardViewModel vm = controller.viewModel();
        EvaluationSettingsViewModel s = vm.settings();
        // a long run: 200,000 singling-out predicates are sought in up to 5,000,000 attempts
        robot.interact(() -> {
            s.attacksProperty().set(200_000);
            s.maxAttemptsProperty().set(5_000_000);
            vm.run();
        });
        assertTrue(vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ctx.tasks().progressProperty().get() > 0.05);
        Button cancel = robot.lookup("#cancelButton").queryAs(Button.class);
        assertFalse(cancel.isDisabled());
        robot.interact(cancel::fire);
        assertFalse(vm.runningProperty().get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ctx.tasks().runningProperty().get());
        assertSame(first, vm.resultProperty().get(), "a cancelled run does not replace the result");
        // the compute thread is free again: the original settings run and give the same result
        robot.interact(() -> {
            s.attacksProperty().set(500);
            s.maxAttemptsProperty().set(1_000_000);
            vm.run();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.resultProperty().get() != first
                && !vm.runningProperty().get());
        assertEquals(first.json(), vm.resultProperty().get().json(), "deterministic for the seed");
        assertEquals(3, vm.runsStarted(), "three runs: sample, cancelled, again");
    }

    @Test
    void invalidSettingsShowAMessageAndDoNotRun(FxRobot robot) throws Exception {
        runSample(robot, controller);
        EvaluationDashboardViewModel vm = controller.viewModel();
        int before = vm.runsStarted();
        robot.interact(() -> {
            vm.settings().secretProperty().set(null);
            vm.run();
        });
        assertEquals(before, vm.runsStarted());
        assertTrue(robot.lookup("#validationLabel").queryAs(Label.class).getText().contains("secret"));
        // a column the release does not have: the lane names it before any work
        robot.interact(() -> {
            vm.settings().secretProperty().set("monthly_spend");
            vm.settings().usedColumns().get(6).selectedProperty().set(false);
            vm.run();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.errorProperty().get().isEmpty());
        assertTrue(vm.errorProperty().get().contains("monthly_spend"), vm.errorProperty().get());
    }
}
