package org.releaseauditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.ReleaseAuditorCli;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.cases.DecisionRequest;
import org.releaseauditor.ui.dataset.RoleRow;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.releaseauditor.ui.remediation.AggregateWhatIfController;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The What-if tab end to end in the real main window (headless): adult.csv opened through the
 * import wizard, the microdata What-if tab, a slider move, <i>Find least change</i> against the
 * CLI's {@code remediate microdata}, <i>Save remediated copy</i> with its SHA-256, recording in an
 * open case and an approval with a condition on that SHA-256; Cancel during the search; and the
 * aggregates panel's rounding method against {@code remediate aggregates --method round}. File
 * choosers are answered by a scripted dialog service.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfFlowsTest {
    private static final Path ADULT = Path.of("sample-datasets", "microdata", "adult.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppContext ctx;
    private MainWindow window;
    private final SummaryAndPerRecordFlowsTest.ScriptedDialogs dialogs = new SummaryAndPerRecordFlowsTest.ScriptedDialogs();
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/whatif-flows");
        node.clear();
        ctx = new AppContext(new UiPreferences(node), dialogs);
        window = new MainWindow(ctx, stage);
        window.show(false);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    static void waitFor(long seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
    }

    /** Opens adult.csv through the wizard with {@code qis} as quasi-identifiers (the rest not analysed). */
    private void openAdult(FxRobot robot, Set<String> qis) throws Exception {
        Platform.runLater(() -> window.controller().open(ADULT.toAbsolutePath()));
        java.util.concurrent.atomic.AtomicReference<TableView<?>> table = new java.util.concurrent.atomic.AtomicReference<>();
        waitFor(60, () -> {
            for (Node n : robot.lookup("#rolesTable").queryAll()) {
                if (n.getScene() != null && n.getScene().getWindow().isShowing()
                        && !((TableView<?>) n).getItems().isEmpty()) {
                    table.set((TableView<?>) n);
                    return true;
                }
            }
            return false;
        });
        TableView<?> roles = table.get();
        robot.interact(() -> {
            for (Object o : roles.getItems()) {
                RoleRow r = (RoleRow) o;
                r.roleProperty().set(qis.contains(r.column()) ? AttributeRole.QUASI_IDENTIFIER
                        : AttributeRole.INSENSITIVE);
            }
        });
        Button ok = (Button) roles.getScene().lookup("#importButton");
        waitFor(20, () -> !ok.isDisabled());
        robot.clickOn(ok);
        // the dashboard analysed the file
        waitFor(300, () -> window.controller().root().lookup("#cardKValue") instanceof Label l
                && !l.getText().isBlank() && !l.getText().equals("\u2013"));
    }

    /** The microdata What-if tab of this window, selected; its panel root. */
    private Parent microdataWhatIf(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicReference<Tab> tab = new java.util.concurrent.atomic.AtomicReference<>();
        waitFor(120, () -> {
            for (Node n : window.controller().root().lookupAll(".tab-pane")) {
                for (Tab t : ((TabPane) n).getTabs()) {
                    if (Messages.get("whatif.tab").equals(t.getText()) && t.getContent() != null
                            && t.getContent().lookup("#sliders") != null) {
                        tab.set(t);
                        return true;
                    }
                }
            }
            return false;
        });
        robot.interact(() -> tab.get().getTabPane().getSelectionModel().select(tab.get()));
        lastTab = tab.get();
        return (Parent) tab.get().getContent();
    }

    /** Waits for the panel, saying what it shows when it does not get there. */
    static void waitPanel(Parent panel, long seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
        } catch (java.util.concurrent.TimeoutException e) {
            Node status = panel.lookup("#statusLabel");
            throw new AssertionError("panel status: " + (status instanceof Label l ? l.getText() : "?") + "; k after: "
                    + text(panel, "whatIfKAfter") + "; sliders: " + (panel.lookup("#level-age") != null) + "; tab "
                    + (lastTab == null ? "-" : lastTab.getText() + " selected=" + lastTab.isSelected() + " id="
                    + lastTab.getId() + " in " + lastTab.getTabPane().getTabs().stream().map(Tab::getText).toList()),
                    e);
        }
    }

    static Tab lastTab;

    /** A label's text, read on the FX thread (the grid is rebuilt there while the test waits). */
    private static String text(Parent panel, String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node n = panel.lookup("#" + id);
                return n instanceof Label l ? l.getText() : null;
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every "after" card of the microdata panel in one string: a re-audit that changes anything changes it. */
    private static String afterCards(Parent panel) {
        StringBuilder sb = new StringBuilder();
        for (String id : new String[] {"whatIfPolicy", "whatIfK", "whatIfAtRisk", "whatIfHighest", "whatIfUniques",
            "whatIfSuppressed"}) {
            sb.append(text(panel, id + "After")).append('|');
        }
        return sb.toString();
    }

    private static JsonNode cli(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        assertTrue(out.toString().strip().startsWith("{"), err.toString());
        return JSON.readTree(out.toString());
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void sliderSearchSaveRecordAndApproveMatchTheCli(FxRobot robot) throws Exception {
        List<String> qis = List.of("sex", "age", "race");
        openAdult(robot, Set.copyOf(qis));
        Parent panel = microdataWhatIf(robot);
        // prepared and re-audited at level 0: the after card of k is filled
        waitPanel(panel, 120, () -> panel.lookup("#level-age") != null && text(panel, "whatIfKAfter") != null
                && !text(panel, "whatIfKAfter").isBlank() && !text(panel, "whatIfKAfter").equals("\u2013"));
        // level 0 keeps the values; the search's record suppression (classes below the policy's k, within the
        // limit) is what the copy changes, so the suppressed records differ between the two columns
        waitFor(60, () -> text(panel, "whatIfSuppressedAfter") != null && text(panel, "whatIfSuppressedBefore") != null);
        String suppressedAtZero = text(panel, "whatIfSuppressedAfter");
        assertNotEquals(text(panel, "whatIfSuppressedBefore"), suppressedAtZero);

        // a slider move: age to its most general level re-audits the copy (live recompute); fewer small classes
        Slider age = (Slider) panel.lookup("#level-age");
        robot.interact(() -> age.setValue(age.getMax()));
        waitFor(120, () -> !suppressedAtZero.equals(text(panel, "whatIfSuppressedAfter")));

        // Find least change: progress shows, the sliders move to the optimum, which equals the CLI's
        ProgressBar bar = (ProgressBar) panel.lookup("#progressBar");
        Button find = (Button) panel.lookup("#findButton");
        AtomicBoolean progressShown = new AtomicBoolean(false);
        robot.interact(() -> bar.visibleProperty().addListener((o, a, b) -> progressShown.compareAndSet(false, b)));
        @SuppressWarnings("unchecked")
        ComboBox<Object> policyBox = (ComboBox<Object>) panel.lookup("#policyBox");
        @SuppressWarnings("unchecked")
        ComboBox<String> measureBox = (ComboBox<String>) panel.lookup("#measureBox");
        String policy = ((org.releaseauditor.ui.remediation.PolicyChoice) policyBox.getValue()).ref();
        String measure = measureBox.getValue();
        Label status = (Label) panel.lookup("#statusLabel");
        robot.clickOn(find);
        waitFor(300, () -> find.isDisabled() || progressShown.get());
        waitFor(600, () -> !find.isDisabled() && status.getText().contains(policy));
        assertTrue(progressShown.get() || bar.isVisible(), "the progress bar showed during the search");
        List<Integer> levels = new ArrayList<>();
        for (String q : qis) {
            levels.add((int) Math.round(((Slider) panel.lookup("#level-" + q)).getValue()));
        }
        JsonNode cli = cli("remediate", "microdata", "--data", ADULT.toString(), "--qi", String.join(",", qis),
                "--policy", policy, "--measure", measure, "--write", dir.resolve("cli_copy.csv").toString(),
                "--format", "json", "-q");
        List<Integer> cliLevels = new ArrayList<>();
        for (String q : qis) {
            cliLevels.add(cli.path("optimum").path("levels").path(q).asInt());
        }
        assertEquals(cliLevels, levels, "the GUI's optimum equals remediate microdata's");
        assertTrue(status.getText().startsWith("The re-audited copy passes"), status.getText());
        assertEquals(cli.path("after").path("summary").path("k").asText(), text(panel, "whatIfKAfter").replace(",", ""));

        // a case is open: Save offers to record (the scripted dialog says yes)
        var cases = ctx.caseModel();
        Path rcase = dir.resolve("whatif.rcase");
        robot.interact(() -> cases.create(rcase, "What-if flow", "Adult extract", "Census", "Dana DPO"));
        waitFor(30, () -> cases.snapshotProperty().get() != null);
        Path copy = dir.resolve("adult_safe.csv");
        dialogs.next.set(copy);
        TextField sha = (TextField) panel.lookup("#shaField");
        robot.clickOn((Button) panel.lookup("#saveButton"));
        waitFor(300, () -> !sha.getText().isBlank());
        assertTrue(Files.exists(copy));
        assertEquals(sha256(copy), sha.getText(), "the SHA-256 shown is the file's");
        // the same transformation of the same input writes the same bytes from both front ends
        assertEquals(cli.path("copy").path("sha256").asText(), sha.getText());
        waitFor(120, () -> cases.snapshotProperty().get() != null && cases.snapshotProperty().get().runs().size() == 2);
        var snap = cases.snapshotProperty().get();
        var copyEntry = snap.datasets().stream().filter(d -> d.sha256().equals(sha.getText())).findFirst()
                .orElseThrow();
        assertTrue(copyEntry.schemaJson().contains("derivedFrom"), copyEntry.schemaJson());
        assertTrue(copyEntry.schemaJson().contains("\"levels\""), "the condition is recorded with the copy");
        RunEntry after = snap.runs().stream().filter(r -> r.datasetIds().contains(copyEntry.id())).findFirst()
                .orElseThrow();
        RunEntry before = snap.runs().stream().filter(r -> r != after).findFirst().orElseThrow();
        assertNotEquals(before.datasetIds(), after.datasetIds());

        // Approve with conditions referencing the copy's SHA-256
        var cs = cases.openCaseProperty().get();
        var decided = cs.decide(DecisionRequest.builder().outcome(DecisionOutcome.APPROVE_WITH_CONDITIONS)
                .condition(new DecisionRequest.ConditionInput("Release only the remediated copy", sha.getText(), null))
                .rationale("k >= 5 after generalisation; release the copy only").auditor("Dana DPO")
                .runs(List.of(after.id())).policy(policy).build(), ProgressMonitor.none());
        assertEquals(DecisionOutcome.APPROVE_WITH_CONDITIONS, decided.details().decision().outcome());
        // the condition names the copy by its SHA-256, and the copy is the approved output
        assertTrue(decided.details().record().orElseThrow().conditions().toString().contains(sha.getText()),
                decided.details().record().toString());
        assertTrue(decided.details().outputs().stream().anyMatch(o -> o.sha256().equals(sha.getText()) && o.approved()),
                decided.details().outputs().toString());
    }

    @Test
    void cancelStopsTheSearchAndThePanelStaysUsable(FxRobot robot) throws Exception {
        // eight QIs under discernibility: the search evaluates thousands of lattice nodes, long enough to cancel
        List<String> qis = List.of("sex", "age", "race", "marital-status", "education", "native-country",
                "workclass", "occupation");
        openAdult(robot, Set.copyOf(qis));
        Parent panel = microdataWhatIf(robot);
        waitFor(180, () -> panel.lookup("#level-age") != null && text(panel, "whatIfKAfter") != null
                && !text(panel, "whatIfKAfter").isBlank() && !text(panel, "whatIfKAfter").equals("\u2013"));
        @SuppressWarnings("unchecked")
        ComboBox<String> measureBox = (ComboBox<String>) panel.lookup("#measureBox");
        Button find = (Button) panel.lookup("#findButton");
        Button cancel = (Button) panel.lookup("#cancelButton");
        Label status = (Label) panel.lookup("#statusLabel");
        robot.interact(() -> measureBox.setValue("discernibility"));
        // the panel prepares again for the new measure, then re-audits level 0
        waitFor(300, () -> !find.isDisabled() && WaitForAsyncUtils.asyncFx(status::getText).get()
                .startsWith("The re-audited copy"));
        List<Double> start = new ArrayList<>();
        for (String q : qis) {
            start.add(((Slider) panel.lookup("#level-" + q)).getValue());
        }
        // Cancel is pressed as soon as the search shows it (on the FX thread, before the search can end)
        AtomicBoolean pressed = new AtomicBoolean(false);
        robot.interact(() -> cancel.disableProperty().addListener((o, a, disabled) -> {
            if (!disabled && pressed.compareAndSet(false, true)) {
                Platform.runLater(cancel::fire);
            }
        }));
        robot.interact(find::fire);
        waitFor(120, () -> WaitForAsyncUtils.asyncFx(status::getText).get()
                .equals(Messages.get("whatif.status.cancelled")));
        assertTrue(pressed.get());
        assertFalse(find.isDisabled(), "Find least change is available again");
        assertTrue(cancel.isDisabled());
        for (int i = 0; i < qis.size(); i++) {
            assertEquals(start.get(i), ((Slider) panel.lookup("#level-" + qis.get(i))).getValue(),
                    "a cancelled search moves no slider");
        }
        // the panel still works: a slider move re-audits
        String cards = afterCards(panel);
        Slider age = (Slider) panel.lookup("#level-age");
        robot.interact(() -> age.setValue(age.getMax()));
        waitFor(180, () -> !cards.equals(afterCards(panel)));
    }

    @Test
    void aggregatesRoundingThroughThePanelEqualsTheCli(FxRobot robot) throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, "area,sex,count\na1,F,4\na1,M,6\na2,F,8\na2,M,9\na3,F,12\na3,M,15\na4,F,2\na4,M,7\n");
        AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).operator("lt").audit(true);
        b.table("t=" + table + ",dims=area|sex", "--table");
        LaneCall<AggregatesRequest> call = b.buildCall();
        LaneResult<AggregatesRequest, AggregatesOutput> audited = ctx.aggregatesLane().analyze(call.request(),
                LaneInputs.builder().put("table:t", table).build(), ProgressMonitor.none());
        AggregateWhatIfController[] controller = new AggregateWhatIfController[1];
        Parent[] root = new Parent[1];
        robot.interact(() -> {
            var loaded = ctx.views().load("/fxml/remediation/AggregateWhatIf.fxml");
            root[0] = loaded.root();
            controller[0] = (AggregateWhatIfController) loaded.controller();
            Stage s = new Stage();
            s.setScene(new javafx.scene.Scene(root[0], 1200, 700));
            s.show();
            controller[0].attach(new javafx.beans.property.SimpleObjectProperty<>(audited),
                    new javafx.beans.property.SimpleBooleanProperty(true));
        });
        var vm = controller[0].viewModel();
        waitFor(120, () -> vm.sessionProperty().get() != null && vm.previewedProperty().get()
                && !vm.busyProperty().get());
        @SuppressWarnings("unchecked")
        ComboBox<String> method = (ComboBox<String>) root[0].lookup("#methodBox");
        ComboBox<?> base = (ComboBox<?>) root[0].lookup("#baseBox");
        assertTrue(base.isDisabled(), "the base applies to rounding only");
        robot.interact(() -> method.setValue("round"));
        assertFalse(base.isDisabled());
        robot.interact(() -> ((Button) root[0].lookup("#findButton")).fire());
        waitFor(120, () -> vm.alternativeProperty().get() != null && !vm.busyProperty().get()
                && !vm.searchingProperty().get());
        assertEquals(10, vm.alternativeProperty().get().round().chosen().base());
        assertTrue(vm.after().passed());
        Label change = (Label) root[0].lookup("#changeLabel");
        assertTrue(change.getText().startsWith("Rounded to base 10"), change.getText());
        Path copy = dir.resolve("t_gui.csv");
        dialogs.next.set(copy);
        robot.interact(() -> ((Button) root[0].lookup("#saveButton")).fire());
        TextField sha = (TextField) root[0].lookup("#shaField");
        waitFor(120, () -> !sha.getText().isBlank());
        JsonNode cli = cli("remediate", "aggregates", "--table", "t=" + table + ",dims=area|sex", "--threshold",
                "10", "--operator", "lt", "--policy", "min-cell-10", "--method", "round", "--write",
                dir.resolve("t_cli.csv").toString(), "--format", "json", "-q");
        assertEquals(cli.path("copy").path("sha256").asText(), sha.getText());
        assertEquals(sha256(copy), sha.getText());
        assertEquals("round", vm.savedProperty().get().transformation() instanceof
                org.releaseauditor.core.remediation.Transformation.AggregatesRounded ? "round" : "other");
        assertNotNull(vm.savedProperty().get().after());
    }
}
