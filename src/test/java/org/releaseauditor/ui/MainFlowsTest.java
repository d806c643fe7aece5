package org.releaseauditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.ReleaseAuditorCli;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.ui.dataset.RoleRow;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless flows through the real main window: import wizard, dashboard, cancel, errors. */
@ExtendWith(ApplicationExtension.class)
class MainFlowsTest {
    private AppContext ctx;
    private MainWindow window;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/flows");
        node.clear();
        ctx = new AppContext(new UiPreferences(node));
        window = new MainWindow(ctx, stage);
        window.show(false);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    /** age,sex,zip,diagnosis: classes on (age,sex): {30,m}x3, {30,f}x2, {40,m}x1 → k=1 with zip as QI too. */
    private Path smallCsv() throws IOException {
        Path f = dir.resolve("patients.csv");
        Files.writeString(f, String.join("\n",
                "age,sex,zip,diagnosis",
                "30,m,10115,flu",
                "30,m,10115,cold",
                "30,m,10117,flu",
                "30,f,10115,asthma",
                "30,f,10115,flu",
                "40,m,10117,cold") + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static <T extends Node> T waitFor(FxRobot robot, String query, Class<T> type, long seconds)
            throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }

    /** A node in a window that is showing now (earlier tests may leave hidden windows behind). */
    @SuppressWarnings("unchecked")
    private static <T extends Node> T showing(FxRobot robot, String query, java.util.function.Predicate<T> cond,
            long seconds) throws TimeoutException {
        java.util.concurrent.atomic.AtomicReference<T> found = new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            for (Node n : robot.lookup(query).queryAll()) {
                if (n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()
                        && cond.test((T) n)) {
                    found.set((T) n);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private void openThroughWizard(FxRobot robot, Path file, AttributeRole zipRole) throws Exception {
        Platform.runLater(() -> window.controller().open(file));
        TableView<?> roles = showing(robot, "#rolesTable", (TableView<?> t) -> !t.getItems().isEmpty(), 20);
        robot.interact(() -> {
            for (Object o : roles.getItems()) {
                RoleRow r = (RoleRow) o;
                switch (r.column()) {
                    case "age", "sex" -> r.roleProperty().set(AttributeRole.QUASI_IDENTIFIER);
                    case "zip" -> r.roleProperty().set(zipRole);
                    case "diagnosis" -> r.roleProperty().set(AttributeRole.SENSITIVE);
                    default -> { }
                }
            }
        });
        Button ok = (Button) roles.getScene().lookup("#importButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ok.isDisabled());
        robot.clickOn(ok);
    }

    /** A card's value in THIS test's window. */
    private Label card(String id) {
        return (Label) window.controller().root().lookup("#" + id + "Value");
    }

    private String cardValue(FxRobot robot, String id) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> card(id) != null);
        return card(id).getText();
    }

    @Test
    void importWizardRoleChangeAndRunShowTheDashboard(FxRobot robot) throws Exception {
        openThroughWizard(robot, smallCsv(), AttributeRole.INSENSITIVE);
        // QIs age, sex → classes {30,m}=3, {30,f}=2, {40,m}=1 → k = 1, J = 3, n = 6
        assertEquals("1", cardValue(robot, "cardK"));
        Label classes = card("cardClasses");
        assertEquals("3", classes.getText());
        assertEquals(1, ctx.session().datasets().size());
        // ticking zip as a known attribute in the attacker panel re-runs the analysis (latest wins): J = 4
        javafx.scene.control.ListView<?> qiList = (javafx.scene.control.ListView<?>) window.controller().root()
                .lookup("#qiList");
        robot.interact(() -> qiList.getItems().stream().map(o -> (org.releaseauditor.ui.risk.ColumnChoice) o)
                .filter(c -> c.name().equals("zip")).forEach(c -> c.selectedProperty().set(true)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "4".equals(classes.getText()));
        assertEquals("4", classes.getText());
        // issue 13: the success-rate card (4 classes / 6 records = 66.7 %) is red by the verdict of arx-defaults
        // (at most 5 %), and its hover text, kept up to date on the reused card, ends with the verdict's sentence
        org.releaseauditor.ui.charts.SummaryCard success = (org.releaseauditor.ui.charts.SummaryCard) window
                .controller().root().lookup("#cardSuccess");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> success.explanation().contains("Success rate (prosecutor) is 66."));
        assertTrue(success.getStyleClass().contains(org.releaseauditor.ui.charts.VerdictStyles.styleClass(org.releaseauditor.core.verdict.VerdictStatus.FAIL)), success.getStyleClass().toString());
        assertTrue(success.explanation().contains("the policy requires at most 5 %"), success.explanation());
    }

    @Test
    void dashboardNumbersEqualTheCliJson(FxRobot robot) throws Exception {
        Path csv = smallCsv();
        openThroughWizard(robot, csv, AttributeRole.QUASI_IDENTIFIER);
        String k = cardValue(robot, "cardK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> card("cardUniques") != null);
        Writer out = new StringWriter();
        Writer err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), "analyze", "microdata",
                "--data", csv.toString(), "--qi", "age,sex,zip", "--sensitive", "diagnosis", "--format", "json", "-q");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(json.get("k").asText(), k);
        assertEquals(json.get("classes").asText(),
                card("cardClasses").getText());
        assertEquals(json.get("records").asText(),
                card("cardRecords").getText().replace(",", ""));
        long uniques = Math.round(json.get("sampleUniqueness").asDouble() * json.get("records").asLong());
        assertEquals(Long.toString(uniques), card("cardUniques").getText());
    }

    @Test
    void cancelStopsALongRunAndTheAppStaysUsable(FxRobot robot) throws Exception {
        Path big = dir.resolve("big.csv");
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("a,b,c,d,e,f,g,h,i,j\n");
        for (int r = 0; r < 400_000; r++) {
            for (int c = 0; c < 10; c++) {
                sb.append(c == 0 ? "" : ",").append(rnd.nextInt(c < 5 ? 40 : 6));
            }
            sb.append('\n');
        }
        Files.writeString(big, sb.toString(), StandardCharsets.US_ASCII);
        Platform.runLater(() -> window.controller().open(big));
        TableView<?> roles = showing(robot, "#rolesTable", (TableView<?> t) -> !t.getItems().isEmpty(), 30);
        robot.interact(() -> roles.getItems().forEach(o -> ((RoleRow) o).roleProperty()
                .set(AttributeRole.QUASI_IDENTIFIER)));
        Button importButton = (Button) roles.getScene().lookup("#importButton");
        robot.interact(importButton::fire);
        Button cancel = (Button) window.controller().root().lookup("#statusCancelButton");
        // wait until the analysis (not the import) is running, then cancel it
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ctx.session().datasets().size() == 1
                && ctx.tasks().runningProperty().get());
        // issue 15 item 3: the cards appear as soon as the summary is known, while the QI power set
        // (1,023 subsets of 10 QIs) and SUDA2 still compute; their tabs are marked and nothing can be recorded
        var dashboard = (org.releaseauditor.ui.risk.RiskDashboardViewModel) ctx.recordAction().targetProperty().get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> dashboard.resultStateProperty().get()
                == org.releaseauditor.ui.fx.ResultState.PARTIAL);
        WaitForAsyncUtils.waitForFxEvents();
        boolean stillPartial = dashboard.resultStateProperty().get() == org.releaseauditor.ui.fx.ResultState.PARTIAL;
        if (stillPartial) {
            assertEquals("400,000", card("cardRecords").getText(), "the summary's cards are shown");
            Label badge = (Label) window.controller().microdataTab().getContent()
                    .lookup("#" + org.releaseauditor.ui.fx.StaleMarker.BADGE_ID);
            assertEquals(Messages.get("stale.partial"), badge.getText());
            assertTrue(dashboard.pendingProperty().get().contains(
                    org.releaseauditor.ui.risk.MicrodataParts.Part.SUDA), dashboard.pendingProperty().get().toString());
            assertTrue(ctx.recordAction().disabledProperty().get());
        }
        robot.interact(cancel::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ctx.tasks().runningProperty().get());
        assertFalse(ctx.tasks().runningProperty().get());
        assertEquals(Messages.get("ui.status.cancelled"), ctx.session().statusProperty().get());
        if (stillPartial) {
            // no complete result before: the partial summary goes, and nothing can be recorded
            assertEquals(org.releaseauditor.ui.fx.ResultState.NONE, dashboard.resultStateProperty().get());
            assertTrue(ctx.recordAction().disabledProperty().get());
        }
        // still usable: the menu bar responds
        assertTrue(window.controller().root().lookup("#runButton").isVisible());
    }

    @Test
    void aMalformedFileShowsAnErrorAndTheAppStaysUsable(FxRobot robot) throws Exception {
        Path bad = dir.resolve("ragged.csv");
        StringBuilder sb = new StringBuilder("age,sex,zip\n");
        for (int i = 0; i < 60_000; i++) {
            sb.append(20 + i % 50).append(",m,").append(10000 + i % 300).append('\n');
        }
        sb.append("31,f\n");
        Files.writeString(bad, sb.toString(), StandardCharsets.UTF_8);
        Platform.runLater(() -> window.controller().open(bad));
        Node wizard = showing(robot, "#importDialog", n -> true, 30);
        TableView<?> roles = (TableView<?>) wizard.lookup("#rolesTable");
        Label error = (Label) wizard.lookup("#errorLabel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !roles.getItems().isEmpty() || !error.getText().isEmpty());
        if (error.getText().isEmpty()) {
            // the preview looked fine: the full import fails and shows the error dialog
            Button importButton = (Button) wizard.lookup("#importButton");
            robot.interact(importButton::fire);
            Node dialog = showing(robot, "#errorDialog", n -> true, 60);
            assertNotNull(dialog);
            String text = java.util.Optional.ofNullable(dialog.lookup(".content")).filter(n -> n instanceof Label)
                    .map(n -> ((Label) n).getText()).orElse("");
            String header = java.util.Optional.ofNullable(dialog.lookup(".header-panel .label"))
                    .map(n -> ((Label) n).getText()).orElse("");
            assertTrue((text + header).contains("60002"), "message names the line: " + text + header);
            Button close = (Button) dialog.lookup(".button-bar .button");
            robot.interact(close::fire);
        } else {
            assertTrue(error.getText().contains("line"), error.getText());
            assertTrue(error.getText().contains("60002"), error.getText());
            Button cancel = wizard.lookupAll(".button-bar .button").stream().map(b -> (Button) b)
                    .filter(Button::isCancelButton).findFirst().orElseThrow();
            robot.interact(cancel::fire);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ctx.session().datasets().isEmpty());
        // still usable: a good file opens afterwards
        openThroughWizard(robot, smallCsv(), AttributeRole.INSENSITIVE);
        assertEquals("1", cardValue(robot, "cardK"));
        List<?> ds = ctx.session().datasets();
        assertEquals(1, ds.size());
    }

    @Test
    void aDecisionIsRecordedInACaseAndVerifies(FxRobot robot) throws Exception {
        openThroughWizard(robot, smallCsv(), AttributeRole.QUASI_IDENTIFIER);
        cardValue(robot, "cardK");
        var cases = ctx.caseModel();
        Path rcase = dir.resolve("flow.rcase");
        robot.interact(() -> cases.create(rcase, "Flow test", "Patients extract", "Clinic", "Dana DPO"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cases.snapshotProperty().get() != null);
        // the auditor picks the Journalist preset in the attacker panel: that preset is recorded, not "Custom"
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.releaseauditor.ui.risk.AttackerPreset> presets =
                (javafx.scene.control.ComboBox<org.releaseauditor.ui.risk.AttackerPreset>) window.controller().root()
                        .lookup("#presetBox");
        robot.interact(() -> presets.setValue(presets.getItems().stream().filter(p -> p.id().equals("journalist"))
                .findFirst().orElseThrow()));
        var dashboard = (org.releaseauditor.ui.risk.RiskDashboardViewModel) ctx.recordAction().targetProperty().get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ctx.recordAction().disabledProperty().get()
                && "journalist".equals(dashboard.resultProperty().get().request().attackerPreset()));
        robot.interact(() -> assertTrue(ctx.recordAction().record()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cases.snapshotProperty().get() != null
                && cases.snapshotProperty().get().runs().size() == 1);
        long runId = cases.snapshotProperty().get().runs().get(0).id();
        String params = cases.snapshotProperty().get().runs().get(0).paramsJson();
        assertTrue(params.contains("\"attackerPreset\":\"journalist\""), params);
        assertEquals("Journalist", cases.openCaseProperty().get().attackerModels().get(0).name());
        robot.interact(() -> cases.evaluate(runId, "min-group-5"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !cases.findings().isEmpty());
        assertTrue(cases.findings().stream().anyMatch(f -> f.status().equals("FAIL")), "k = 1 fails k >= 5");
        robot.interact(() -> cases.decide(org.releaseauditor.core.casefile.DecisionOutcome.REJECT, null,
                "k = 1: every patient in the 40+ group is unique", "Dana DPO", List.of(runId), "min-group-5"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cases.snapshotProperty().get().decisions().size() == 1);
        robot.interact(cases::verify);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !cases.verification().isEmpty());
        assertTrue(cases.verification().stream().allMatch(org.releaseauditor.core.casefile.VerificationItem::ok),
                cases.verification().toString());
        // the decision panel and the audit trail show the case
        Label title = (Label) window.controller().decisionTab().getContent().lookup("#caseTitle");
        assertTrue(title.getText().contains("Flow test"), title.getText());
    }

    @Test
    void languageSwitchRebuildsTheWindowInGerman(FxRobot robot) throws Exception {
        try {
            robot.interact(() -> Messages.setLocale(Locale.GERMAN));
            robot.interact(() -> window.rebuildForTest());
            WaitForAsyncUtils.waitForFxEvents();
            var menus = ((javafx.scene.layout.VBox) window.controller().root().getTop()).getChildren().get(0);
            assertEquals("Datei", ((javafx.scene.control.MenuBar) menus).getMenus().get(0).getText());
            assertEquals("Mikrodaten", window.controller().microdataTab().getText());
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void anSqliteTableOpensThroughATableChoice(FxRobot robot) throws Exception {
        Path db = org.releaseauditor.cli.SqliteInputTest.database(dir);
        Platform.runLater(() -> window.controller().open(db));
        Node choice = showing(robot, "#choiceDialog", n -> true, 30);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> box = (javafx.scene.control.ComboBox<String>) choice.lookup(".combo-box");
        robot.interact(() -> box.setValue("people"));
        Button ok = choice.lookupAll(".button-bar .button").stream().map(b -> (Button) b)
                .filter(Button::isDefaultButton).findFirst().orElseThrow();
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.session().datasets().size() == 1);
        assertEquals(4, ctx.session().datasets().get(0).data().rowCount());
        // age and sex are suggested as quasi-identifiers, so the dashboard runs: k = 1
        assertEquals("1", cardValue(robot, "cardK"));
    }
}
