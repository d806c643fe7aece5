package org.releaseauditor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.ReleaseAuditorCli;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.SummarySource;
import org.releaseauditor.ui.fx.DialogService;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.releaseauditor.ui.risk.MetricRow;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless flows of File → Open summary… (microdata and trajectories) and of the per-record export
 * with its reveal checkbox, through the real main window (issues 12 and 15). File choosers are
 * answered by a scripted dialog service; everything else is the app's own wiring. The expected
 * numbers are the CLI's JSON for the same summary (SummaryCliTest checks those against the raw path).
 */
@ExtendWith(ApplicationExtension.class)
class SummaryAndPerRecordFlowsTest {
    private static final String EVENTS = Path.of("sample-datasets", "trajectories", "events_pseudonymised.csv")
            .toString();

    /** Answers file choosers with {@link #next}, records notifications and errors. */
    static final class ScriptedDialogs implements DialogService {
        final AtomicReference<Path> next = new AtomicReference<>();
        final List<String> notes = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public void showError(String title, String message, Throwable details) {
            errors.add(message);
        }

        @Override
        public void showInfo(String title, String message) {
            notes.add(message);
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public void notify(String message) {
            notes.add(message);
        }

        @Override
        public Optional<String> choose(String title, String message, List<String> options) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path initialFolder, List<String> extensions) {
            return Optional.ofNullable(next.get());
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName) {
            return Optional.ofNullable(next.get());
        }
    }

    private AppContext ctx;
    private MainWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/summary-flows");
        node.clear();
        ctx = new AppContext(new UiPreferences(node), dialogs);
        window = new MainWindow(ctx, stage);
        window.show(false);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    /** age,sex,zip,diagnosis: classes on (age,sex,zip): {30,m,10115}×2, {30,m,10117}, {30,f,10115}×2, {40,m,10117}. */
    private Path smallCsv() throws Exception {
        Path f = dir.resolve("patients.csv");
        Files.writeString(f, String.join("\n", "age,sex,zip,diagnosis", "30,m,10115,flu", "30,m,10115,cold",
                "30,m,10117,flu", "30,f,10115,asthma", "30,f,10115,flu", "40,m,10117,cold") + "\n",
                StandardCharsets.UTF_8);
        return f;
    }

    private static JsonNode cli(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        String text = out.toString();
        return text.isBlank() || !text.strip().startsWith("{") ? null : new ObjectMapper().readTree(text);
    }

    private Node microdata() {
        return window.controller().microdataTab().getContent();
    }

    /** The result "Record current analysis" would record from the selected lane tab, or null. */
    private LaneResult<?, ?> currentResult() {
        var d = ctx.recordAction().targetProperty().get();
        return d == null || d.resultStateProperty().get() != org.releaseauditor.ui.fx.ResultState.CURRENT ? null
                : d.resultProperty().get();
    }

    private Label card(String id) {
        return (Label) microdata().lookup("#" + id + "Value");
    }

    @Test
    void openingAMicrodataSummaryAuditsItThroughTheLaneWithoutValues(FxRobot robot) throws Exception {
        Path summary = dir.resolve("patients.summary.json");
        cli("summarize", "microdata", "--data", smallCsv().toString(), "--qi", "age,sex,zip", "--sensitive",
                "diagnosis", "--out", summary.toString(), "-q");
        JsonNode expected = cli("analyze", "microdata", "--summary", summary.toString(), "--format", "json", "-q");
        Platform.runLater(() -> window.controller().openSummary(summary));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> card("cardK") != null
                && currentResult() != null);
        LaneResult<?, ?> current = currentResult();
        assertEquals(expected.get("k").asText(), card("cardK").getText());
        assertEquals(expected.get("classes").asText(), card("cardClasses").getText());
        // the result is bound to the summary file (role summary, its SHA-256), so a case records and reruns it
        assertEquals(expected.at("/inputs/summary/sha256").asText(),
                current.inputs().get(SummarySource.ROLE).orElseThrow().sha256());
        assertTrue(SummarySource.of(current).isPresent());
        // no values to reveal, no per-record file; the reasons are on screen
        assertTrue(((ToggleButton) microdata().lookup("#revealToggle")).isDisabled());
        assertTrue(((Button) microdata().lookup("#exportPerRecordButton")).isDisabled());
        Label source = (Label) microdata().lookup("#sourceLabel");
        assertTrue(source.isVisible());
        assertTrue(source.getText().contains("Audited from the summary"), source.getText());
        assertTrue(source.getText().contains("Not available from a summary: suda"), source.getText());
        @SuppressWarnings("unchecked")
        TableView<MetricRow> individual = (TableView<MetricRow>) microdata().lookup("#individualTable");
        assertTrue(individual.getItems().stream().anyMatch(r -> r.value().equals("not available from a summary")
                && r.explanation().contains("SUDA2")), individual.getItems().toString());
        assertTrue(((TableView<?>) microdata().lookup("#riskiestTable")).getItems().isEmpty());
        // the same run recorded in a case the way "Record current analysis" does (no dataset)
        var cases = ctx.caseModel();
        Path rcase = dir.resolve("summary.rcase");
        robot.interact(() -> cases.create(rcase, "Summary", "Patients summary", "Clinic", "Dana DPO"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cases.snapshotProperty().get() != null);
        robot.interact(() -> cases.record(current, ctx.recordAction().targetProperty().get().recordOptions(current)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> cases.snapshotProperty().get().runs().size() == 1);
        // and it reruns identically from the case file (bound to the summary's SHA-256)
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rerun = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), "case", "rerun",
                rcase.toString(), "--all");
        assertEquals(0, rerun, out + " " + err);
        assertTrue(out.toString().contains("IDENTICAL"), out.toString());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void openingATrajectorySummaryShowsTheCliUnicityAndWhatIsNotAvailable(FxRobot robot) throws Exception {
        Path summary = dir.resolve("events.summary.json");
        cli("summarize", "trajectories", "--data", EVENTS, "--user", "pseudonym", "--time", "timestamp",
                "--location", "cell", "--temporal", "1h", "--points", "1..3", "--sample-users", "200", "--out",
                summary.toString(), "-q");
        JsonNode expected = cli("analyze", "trajectories", "--summary", summary.toString(), "--format", "json", "-q");
        Platform.runLater(() -> window.controller().openSummary(summary));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.controller().trajectoriesTab().isSelected());
        Node content = window.controller().trajectoriesTab().getContent();
        Label source = (Label) content.lookup("#sourceLabel");
        @SuppressWarnings("unchecked")
        TableView<UnicityResult.Row> unicity = (TableView<UnicityResult.Row>) content.lookup("#unicityTable");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> source.isVisible() && !source.getText().isEmpty()
                && unicity.getItems().size() == expected.get("unicity").size());
        assertTrue(source.getText().contains("Not available from a summary: attacks"), source.getText());
        // the table shows the CLI's unicity from the same summary, p by p
        for (int i = 0; i < unicity.getItems().size(); i++) {
            UnicityResult.Row row = unicity.getItems().get(i);
            JsonNode e = expected.get("unicity").get(i);
            assertEquals(e.get("points").asInt(), row.points());
            assertEquals(e.get("uniqueUsers").asInt(), row.uniqueUsers());
            assertEquals(e.get("sampledUsers").asInt(), row.sampledUsers());
            assertEquals(200, row.sampledUsers());
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aFileThatIsNoSummaryIsReportedAndNothingRuns(FxRobot robot) throws Exception {
        Path csv = smallCsv();
        Platform.runLater(() -> window.controller().openSummary(csv));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).contains("is not a Release Auditor summary"), dialogs.errors.toString());
        assertEquals(null, currentResult());
    }

    @Test
    void perRecordExportIsMaskedUnlessTheBoxIsTicked(FxRobot robot) throws Exception {
        Path csv = smallCsv();
        java.util.Map<String, AttributeRole> roles = new java.util.LinkedHashMap<>();
        roles.put("age", AttributeRole.QUASI_IDENTIFIER);
        roles.put("sex", AttributeRole.QUASI_IDENTIFIER);
        roles.put("zip", AttributeRole.QUASI_IDENTIFIER);
        roles.put("diagnosis", AttributeRole.SENSITIVE);
        robot.interact(() -> window.controller().viewModel().load(csv, ImportOptions.defaults(), roles, null));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> currentResult() != null);
        Button export = (Button) microdata().lookup("#exportPerRecordButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !export.isDisabled());
        Path masked = dir.resolve("masked.csv");
        dialogs.next.set(masked);
        robot.interact(export::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dialogs.notes.stream().anyMatch(n ->
                n.contains("records written to")));
        List<String> lines = Files.readAllLines(masked, StandardCharsets.UTF_8);
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).startsWith("row,age,sex,zip,fk,Fk,risk"), lines.get(0));
        // row 6 is the only {40,m,10117}: f = 1, r = 1 (no weights)
        assertTrue(lines.get(6).startsWith("6,[masked],[masked],[masked],1,1,1"), lines.get(6));
        assertFalse(Files.readString(masked).contains("10117"));
        // ticked: the values are written, and the export is logged like a reveal
        CheckBox reveal = (CheckBox) microdata().lookup("#revealInFileBox");
        robot.interact(() -> reveal.setSelected(true));
        Path revealed = dir.resolve("revealed.csv");
        dialogs.next.set(revealed);
        dialogs.notes.clear();
        robot.interact(export::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dialogs.notes.stream().anyMatch(n ->
                n.contains("WITH the quasi-identifier values")));
        assertTrue(Files.readAllLines(revealed).get(6).startsWith("6,40,m,10117,1,1,1"),
                Files.readAllLines(revealed).get(6));
        assertNotNull(currentResult());
    }
}
