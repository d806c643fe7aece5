package org.releaseauditor.ui.decision;

import org.releaseauditor.ui.fx.OverrunWalk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseExport;
import org.releaseauditor.service.cases.CaseRecords;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.CaseVerdictService;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.DialogService;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Decision tab's form (issue 13 item 4) in the whole main window at 1280×800: approving over a
 * failed finding needs an override justification that names the finding; the second reviewer
 * cannot be the decider and signs as a separate chained event; per-output decisions give the
 * release outcome; the export writes exactly the approved outputs with SHA256SUMS; nothing of the
 * form is cut off in English or German.
 *
 * <p>The case: run 1 analyses {@code failing.csv} (QIs age, district; classes of 2 and 3 records,
 * so k = 2, which FAILs min-group-5's k >= 5), run 2 analyses {@code passing.csv} (one class of 5
 * records, k = 5, passes).
 */
@ExtendWith(ApplicationExtension.class)
class DecisionFormTest {

    static final String FAILING_CSV = """
            age,district,diagnosis
            30-39,Kreuzberg,Asthma
            30-39,Kreuzberg,Influenza
            40-49,Pankow,Diabetes
            40-49,Pankow,Asthma
            40-49,Pankow,Migraine
            """;
    static final String PASSING_CSV = """
            age,district,diagnosis
            50-59,Lichtenberg,Influenza
            50-59,Lichtenberg,Diabetes
            50-59,Lichtenberg,Asthma
            50-59,Lichtenberg,Migraine
            50-59,Lichtenberg,Gastritis
            """;

    /** Answers the folder chooser with {@link #folder}; records error dialogs (there must be none). */
    static final class ScriptedDialogs implements DialogService {
        final AtomicReference<Path> folder = new AtomicReference<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public void showError(String title, String message, Throwable details) {
            errors.add(message);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public void notify(String message) {
        }

        @Override
        public Optional<String> choose(String title, String message, List<String> options) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, Path initialFolder, List<String> extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path initialFolder) {
            return Optional.ofNullable(folder.get());
        }
    }

    @TempDir
    Path dir;
    private Stage stage;
    private AppContext ctx;
    private MainWindow window;
    private Parent root;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (ctx != null) {
            AppContext c = ctx;
            ctx = null;
            c.close();
        }
        Messages.setLocale(Locale.ENGLISH);
    }

    // ------------------------------------------------------------------ (a) override

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void approvingOverAFailedFindingNeedsAJustificationThatNamesIt(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Path file = buildCase("min-group-5");
        CaseService cs = openInWindow(file, locale);
        List<CaseRecords.FailedFinding> failed = cs.failingFindings(List.of());
        assertEquals(1, failed.size(), "only run 1 (k = 2) fails min-group-5");
        assertEquals(1L, failed.get(0).runId());
        assertEquals("k", failed.get(0).metric());

        // decide on run 1 only: one output, so the outcome is chosen with the radio buttons
        fx(() -> {
            TableView<?> runs = node("#runsTable");
            runs.getSelectionModel().clearSelection();
            runs.getSelectionModel().select(0);
            this.<RadioButton>node("#approveRadio").setSelected(true);
            this.<TextArea>node("#rationaleArea").setText("Closed research group under contract.");
            this.<TextField>node("#auditorField").setText("Dana DPO");
        });
        assertFalse(fx(() -> node("#outputsBox").isVisible()), "one output: no per-output table");
        assertTrue(fx(() -> node("#overrideBox").isVisible()), "approving over a FAIL shows the override field");
        String named = lang.equals("en") ? "run 1: k >= 5 (measured 2)" : "Analyse 1: k >= 5 (gemessen 2)";
        assertTrue(fx(() -> this.<Label>node("#overrideFindings").getText()).contains(named),
                "the failed finding is named next to the field");
        int eventsBefore = cs.history().size();
        fx(() -> this.<Button>node("#decideButton").fire());
        String refusal = fx(() -> this.<Label>node("#decisionValidation").getText());
        assertTrue(refusal.startsWith(Messages.get(locale, "decision.form.error.override", "").substring(0, 20)),
                refusal);
        assertTrue(refusal.contains(named), "the refusal names the failed finding: " + refusal);
        assertFalse(refusal.contains("--"), "no command-line flag in the GUI's message: " + refusal);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(eventsBefore, cs.history().size(), "nothing recorded without a justification");

        // rejecting needs no override: the field goes away
        fx(() -> this.<RadioButton>node("#rejectRadio").setSelected(true));
        assertFalse(fx(() -> node("#overrideBox").isVisible()));

        // approving with the justification and a GDPR record: recorded, and the verdict shows the override
        String why = "The recipients sign a no-re-identification contract and work in a secure room.";
        fx(() -> {
            this.<RadioButton>node("#approveRadio").setSelected(true);
            this.<TextArea>node("#overrideArea").setText(why);
            this.<TextField>node("#purposeField").setText("Evaluation of the pilot");
            // two legal bases ticked: Art. 6(1)(e) and Art. 89
            this.<javafx.scene.control.CheckBox>node("#legalBasis-ART6_1_E").setSelected(true);
            this.<javafx.scene.control.CheckBox>node("#legalBasis-ART89").setSelected(true);
            this.<TextField>node("#legalBasisTextField").setText("\u00a7 27 BDSG");
            this.<TextField>node("#recipientsField").setText("University research group");
            this.<TextField>node("#retentionField").setText("until 2027-12-31");
            this.<Button>node("#decideButton").fire();
        });
        waitFor(() -> cs.decisions().size() == 1);
        assertEquals("", fx(() -> this.<Label>node("#decisionValidation").getText()));
        CaseRecords.DecisionDetails d = cs.currentDecisionDetails().orElseThrow();
        assertEquals(DecisionOutcome.APPROVE, d.decision().outcome());
        assertEquals(List.of(1L), d.decision().runIds());
        DecisionRecord rec = d.record().orElseThrow();
        assertEquals(why, rec.overrideJustification());
        assertTrue(rec.overriddenFindings().contains("\"metric\":\"k\""), rec.overriddenFindings());
        assertEquals("Evaluation of the pilot", rec.purpose());
        assertEquals(List.of(LegalBasis.ART6_1_E, LegalBasis.ART89), rec.legalBasis(), "both ticked bases are recorded");
        assertEquals("\u00a7 27 BDSG", rec.legalBasisText());
        assertEquals("University research group", rec.recipients());
        assertEquals("until 2027-12-31", rec.retention());
        assertEquals("Telco AG", rec.controller(), "empty controller field: the case's controller");
        assertTrue(new CaseVerdictService().verdict(cs, locale).decision().orElseThrow().record().orElseThrow()
                .overridden(), "the case verdict reports the override");
        // the Verdict tab shows the override justification
        waitFor(() -> ctx.caseModel().verdictProperty().get() != null
                && why.equals(ctx.caseModel().verdictProperty().get().override()));
        List<Labeled> verdictLabels = fx(() -> {
            List<Labeled> out = new ArrayList<>();
            out.addAll(OverrunWalk.labels(window.controller().verdictTab().getContent()));
            return out;
        });
        assertTrue(verdictLabels.stream().anyMatch(l -> l.getText() != null && l.getText().contains(why)),
                "the Verdict tab shows the override justification");
        String art6e = Messages.get(locale, "vpage.article", "6(1)(e)");
        String art89 = Messages.get(locale, "vpage.article", "89");
        assertTrue(verdictLabels.stream().anyMatch(l -> l.getText() != null && l.getText().contains(art6e)
                && l.getText().contains(art89) && l.getText().contains("\u00a7 27 BDSG")),
                "the Verdict tab names both legal bases and the free text: " + verdictLabels.stream()
                        .map(Labeled::getText).filter(t -> t != null && t.contains("89")).toList());
        assertTrue(dialogs.errors.isEmpty(), "no error dialog: " + dialogs.errors);
    }

    // ------------------------------------------------------------------ (b) four eyes

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void theDeciderCannotSignAndASecondPersonSignsAsASeparateEvent(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Path policy = dir.resolve("four-eyes.json");
        Files.writeString(policy, """
                {"schemaVersion":1,"id":"four-eyes","version":"1","title":"Four eyes","rules":[
                 {"metric":"k","operator":">=","threshold":2}],"requireSecondReviewer":true}
                """, StandardCharsets.UTF_8);
        Path file = buildCase(policy.toString());
        CaseService cs = openInWindow(file, locale);
        assertEquals(Messages.get(locale, "case.review.none"), fx(() -> this.<Label>node("#reviewStatus").getText()));
        assertTrue(fx(() -> this.<Button>node("#signButton").isDisabled()), "nothing to sign yet");

        // the service's refusals reach the form in its words: approve with conditions needs conditions
        fx(() -> {
            TableView<?> runs = node("#runsTable");
            runs.getSelectionModel().clearSelection();
            runs.getSelectionModel().select(1);
            this.<RadioButton>node("#conditionsRadio").setSelected(true);
            this.<TextArea>node("#rationaleArea").setText("k >= 2 holds.");
            this.<TextField>node("#auditorField").setText("Dana DPO");
            this.<Button>node("#decideButton").fire();
        });
        waitFor(() -> !label("#decisionValidation").isEmpty());
        assertEquals(Messages.get(locale, "decision.form.error.conditionsRequired"), label("#decisionValidation"));
        assertFalse(label("#decisionValidation").contains("--"), "no command-line flag in the form");
        assertTrue(cs.decisions().isEmpty());

        // decide on both runs: two outputs, both approved
        fx(() -> {
            TableView<?> runs = node("#runsTable");
            runs.getSelectionModel().selectAll();
        });
        assertTrue(fx(() -> node("#outputsBox").isVisible()));
        fx(() -> {
            TableView<DecisionOutputRow> outs = node("#outputsTable");
            outs.getItems().forEach(r -> r.approveProperty().set(true));
            this.<TextArea>node("#rationaleArea").setText("k >= 2 holds for both outputs.");
            this.<TextField>node("#auditorField").setText("Dana DPO");
            this.<Button>node("#decideButton").fire();
        });
        waitFor(() -> cs.decisions().size() == 1);
        long decisionId = cs.decisions().get(0).id();
        String decided = Messages.get(locale, "decision.APPROVE");
        String awaiting = Messages.get(locale, "case.review.awaiting", decisionId, decided, "Dana DPO");
        waitFor(() -> awaiting.equals(fx(() -> this.<Label>node("#reviewStatus").getText())));
        assertTrue(cs.currentDecisionDetails().orElseThrow().awaitingReview());

        // export is refused while the required review is missing
        dialogs.folder.set(dir.resolve("too-early"));
        fx(() -> this.<Button>node("#exportApprovedButton").fire());
        assertTrue(fx(() -> this.<Label>node("#exportValidation").getText()).startsWith(
                Messages.get(locale, "case.exportDir.nothing", "")), "nothing exported before the review");
        assertFalse(Files.exists(dir.resolve("too-early")));

        // the decider (written differently) is refused, with a clear message and nothing recorded
        int before = cs.history().size();
        fx(() -> {
            this.<TextField>node("#reviewerField").setText("  dana   dpo ");
            this.<Button>node("#signButton").fire();
        });
        String expected = Messages.get(locale, "case.review.error.isDecider", "dana   dpo", decisionId);
        waitFor(() -> !fx(() -> this.<Label>node("#reviewValidation").getText()).isEmpty());
        assertEquals(expected, fx(() -> this.<Label>node("#reviewValidation").getText()));
        assertEquals(before, cs.history().size(), "a refused review records nothing");
        assertEquals(awaiting, fx(() -> this.<Label>node("#reviewStatus").getText()), "still awaiting review");

        // another person signs: a separate chained event, the chain verifies, the case is reviewed
        fx(() -> {
            this.<TextField>node("#reviewerField").setText("Rita Reviewer");
            this.<TextField>node("#reviewCommentField").setText("Checked the findings; agreed.");
            this.<Button>node("#signButton").fire();
        });
        waitFor(() -> cs.history().size() == before + 1);
        AuditEvent last = cs.history().get(cs.history().size() - 1);
        assertEquals("REVIEW_RECORDED", last.action());
        assertEquals("Rita Reviewer", last.actor(), "the reviewer is the event's actor");
        assertEquals("DECISION_RECORDED", cs.history().get(cs.history().size() - 2).action(),
                "the decision is its own, earlier event");
        assertTrue(cs.verify(null, ProgressMonitor.none()).items().stream().allMatch(VerificationItem::ok),
                "the chain verifies");
        String done = Messages.get(locale, "case.review.done", decisionId, decided, "Dana DPO");
        waitFor(() -> done.equals(fx(() -> this.<Label>node("#reviewStatus").getText())));
        List<String> reviews = fx(() -> this.<javafx.scene.layout.VBox>node("#reviewsBox").getChildren().stream()
                .map(n -> ((Label) n).getText()).toList());
        assertEquals(1, reviews.size());
        assertTrue(reviews.get(0).contains("Rita Reviewer") && reviews.get(0).endsWith(": Checked the findings; agreed."),
                reviews.get(0));
        assertEquals("", fx(() -> this.<Label>node("#reviewValidation").getText()));
        assertTrue(dialogs.errors.isEmpty(), "no error dialog: " + dialogs.errors);
    }

    // ------------------------------------------------------------------ (c) per output, (d) export

    @Test
    void perOutputDecisionsDeriveTheOutcomeAndTheExportHoldsExactlyTheApprovedOutputs() throws Exception {
        Path file = buildCase("min-group-5");
        CaseService cs = openInWindow(file, Locale.ENGLISH);
        // nothing decided yet: the export says so before asking for a folder
        dialogs.folder.set(dir.resolve("none"));
        fx(() -> this.<Button>node("#exportApprovedButton").fire());
        assertEquals(Messages.get("case.exportDir.nothing", Messages.get("case.export.noDecision")),
                fx(() -> this.<Label>node("#exportValidation").getText()));
        assertFalse(Files.exists(dir.resolve("none")));

        fx(() -> this.<TableView<?>>node("#runsTable").getSelectionModel().selectAll());
        assertTrue(fx(() -> node("#outputsBox").isVisible()), "two outputs: a decision per output");
        List<DecisionOutputRow> rows = fx(() -> List.copyOf(this.<TableView<DecisionOutputRow>>node("#outputsTable")
                .getItems()));
        assertEquals(List.of("failing.csv", "passing.csv"), rows.stream().map(DecisionOutputRow::name).toList());
        assertEquals("FAIL", Messages.get(rows.get(0).verdict().messageKey()), "run 1 fails min-group-5");
        assertEquals("PASS", Messages.get(rows.get(1).verdict().messageKey()));
        assertEquals(cs.datasets().get(0).sha256().substring(0, 12), rows.get(0).shortSha());

        // DecisionRules.derive by hand: none approved -> Reject; all, no conditions -> Approve;
        // some -> Approve with conditions; the radio buttons follow and cannot be chosen
        assertEquals(derived("REJECT"), label("#derivedLabel"));
        assertTrue(fx(() -> this.<RadioButton>node("#rejectRadio").isSelected()));
        assertTrue(fx(() -> this.<RadioButton>node("#approveRadio").isDisabled()));
        fx(() -> rows.forEach(r -> r.approveProperty().set(true)));
        assertEquals(derived("APPROVE"), label("#derivedLabel"));
        assertTrue(fx(() -> node("#overrideBox").isVisible()), "approving failing.csv overrides its FAIL");
        fx(() -> this.<TextArea>node("#conditionsArea").setText("Only inside the secure room."));
        assertEquals(derived("APPROVE_WITH_CONDITIONS"), label("#derivedLabel"), "conditions given");
        fx(() -> {
            this.<TextArea>node("#conditionsArea").setText("");
            rows.get(0).approveProperty().set(false);
            rows.get(0).commentProperty().set("k = 2");
            rows.get(1).commentProperty().set("k = 5");
        });
        assertEquals(derived("APPROVE_WITH_CONDITIONS"), label("#derivedLabel"), "one of two approved");
        assertFalse(fx(() -> node("#overrideBox").isVisible()), "the failing output is rejected: no override");

        fx(() -> {
            this.<TextArea>node("#rationaleArea").setText("Only the 5-anonymous extract leaves.");
            this.<TextField>node("#auditorField").setText("Dana DPO");
            this.<Button>node("#decideButton").fire();
        });
        waitFor(() -> cs.decisions().size() == 1);
        CaseRecords.DecisionDetails d = cs.currentDecisionDetails().orElseThrow();
        assertEquals(DecisionOutcome.APPROVE_WITH_CONDITIONS, d.decision().outcome());
        assertEquals(List.of(1L, 2L), d.decision().runIds());
        List<OutputDecision> outs = d.outputs();
        assertEquals(2, outs.size());
        assertFalse(outs.stream().filter(o -> o.datasetId() == 1).findFirst().orElseThrow().approved());
        assertTrue(outs.stream().filter(o -> o.datasetId() == 2).findFirst().orElseThrow().approved());
        assertEquals("k = 5", outs.stream().filter(o -> o.datasetId() == 2).findFirst().orElseThrow().comment());
        waitFor(() -> ctx.caseModel().formStateProperty().get() != null
                && ctx.caseModel().formStateProperty().get().current().isPresent());

        // (d) export into a folder that is not empty: a new subfolder named after the case
        Path chosen = dir.resolve("exports");
        Files.createDirectories(chosen);
        Files.writeString(chosen.resolve("other.txt"), "x");
        dialogs.folder.set(chosen);
        fx(() -> this.<Button>node("#exportApprovedButton").fire());
        Path out = chosen.resolve("case-approved");
        waitFor(() -> Files.exists(out.resolve(CaseExport.SUMS)));
        waitFor(() -> ctx.caseModel().messageProperty().get().startsWith("Exported 1 approved output"));
        assertEquals("", label("#exportValidation"));
        List<String> exported;
        try (var s = Files.list(out.resolve(CaseExport.OUTPUTS))) {
            exported = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("passing.csv"), exported, "exactly the approved output");
        // every line of SHA256SUMS is "<sha256>  <path>" and matches the file (as sha256sum -c checks)
        List<String> sums = Files.readAllLines(out.resolve(CaseExport.SUMS), StandardCharsets.UTF_8);
        assertTrue(sums.stream().anyMatch(l -> l.endsWith("outputs/passing.csv")), sums.toString());
        for (String line : sums) {
            String sha = line.substring(0, 64);
            Path f = out.resolve(line.substring(66));
            assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(f))), line);
        }
        assertEquals(cs.datasets().get(1).sha256(), sums.stream().filter(l -> l.endsWith("outputs/passing.csv"))
                .findFirst().orElseThrow().substring(0, 64));
        assertTrue(new CaseExport().verify(out, ProgressMonitor.none()).items().stream()
                .allMatch(VerificationItem::ok), "verify accepts the export");
        assertTrue(dialogs.errors.isEmpty(), "no error dialog: " + dialogs.errors);
    }

    // ------------------------------------------------------------------ layout, EN and DE

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void nothingInTheDecisionTabIsCutOffAt1280x800(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Path file = buildCase("min-group-5");
        CaseService cs = openInWindow(file, locale);
        // the runs table names the lane in the UI's language, not by its id
        assertEquals(lang.equals("en") ? "Microdata" : "Mikrodaten",
                fx(() -> this.<TableView<?>>node("#runsTable").getColumns().get(1).getCellData(0)));
        // a decision in force (for the four-eyes section), then a new one being filled in with every
        // section shown: the per-output table, the override field and a refusal
        cs.decide(org.releaseauditor.service.cases.DecisionRequest.builder().outcome(DecisionOutcome.REJECT)
                .rationale("k = 2 in failing.csv").auditor("Dana DPO").build(), ProgressMonitor.none());
        fx(() -> ctx.caseModel().refresh());
        waitFor(() -> ctx.caseModel().formStateProperty().get() != null
                && ctx.caseModel().formStateProperty().get().current().isPresent());
        fx(() -> {
            this.<TableView<?>>node("#runsTable").getSelectionModel().selectAll();
            this.<TableView<DecisionOutputRow>>node("#outputsTable").getItems()
                    .forEach(r -> r.approveProperty().set(true));
            this.<TextArea>node("#rationaleArea").setText("Both extracts may leave.");
            this.<TextField>node("#auditorField").setText("Dana DPO");
            this.<Button>node("#decideButton").fire();
            this.<TextField>node("#reviewerField").setText("Dana DPO");
            this.<Button>node("#signButton").fire();
        });
        waitFor(() -> !label("#reviewValidation").isEmpty());
        assertTrue(fx(() -> node("#overrideBox").isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        for (double v : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            fx(() -> {
                ((ScrollPane) root).setVvalue(v);
                root.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(fx(() -> OverrunWalk.labelsCut(root)));
        }
        assertTrue(cut.isEmpty(), "labels cut off in " + lang + ": " + cut.stream().distinct().toList());
        screenshots(locale);
        assertTrue(dialogs.errors.isEmpty(), "no error dialog: " + dialogs.errors);
    }

    // ------------------------------------------------------------------ helpers

    /** failing.csv (run 1) and passing.csv (run 2), both evaluated with {@code policy}. */
    private Path buildCase(String policy) throws Exception {
        Path failing = dir.resolve("failing.csv");
        Path passing = dir.resolve("passing.csv");
        Files.writeString(failing, FAILING_CSV, StandardCharsets.UTF_8);
        Files.writeString(passing, PASSING_CSV, StandardCharsets.UTF_8);
        Path file = dir.resolve("case.rcase");
        try (CaseService cs = CaseService.create(file, new CaseInfo("Footfall", "Extracts", "Telco AG", "Dana DPO",
                null), LaneRegistry.global())) {
            for (Path p : List.of(failing, passing)) {
                MicrodataRequest.Builder b = MicrodataRequest.builder().quasiIdentifiers(List.of("age", "district"));
                b.importing().options(ImportOptions.defaults());
                RunEntry r = cs.record(new MicrodataLane().analyze(b.build(), LaneInputs.of(MicrodataRequest.DATA, p),
                        ProgressMonitor.none()), RecordOptions.none(), ProgressMonitor.none());
                cs.evaluatePolicy(r.id(), policy);
            }
        }
        return file;
    }

    /** The main window at 1280×800 on the Decision tab, with the case open (writable). */
    private CaseService openInWindow(Path file, Locale locale) throws Exception {
        Messages.setLocale(locale);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/decisionform");
        node.clear();
        ctx = new AppContext(new UiPreferences(node), dialogs);
        WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(ctx, stage);
            window.show(false);
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(800);
            window.controller().laneTabs().getSelectionModel().select(window.controller().decisionTab());
            root = (Parent) window.controller().decisionTab().getContent();
        }).get(30, TimeUnit.SECONDS);
        Platform.runLater(() -> ctx.caseModel().open(file, false, null));
        waitFor(() -> ctx.caseModel().formStateProperty().get() != null
                && ctx.caseModel().snapshotProperty().get() != null
                && ctx.caseModel().snapshotProperty().get().runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        return ctx.caseModel().openCaseProperty().get();
    }

    private String derived(String outcome) {
        return Messages.get("decision.form.derived", Messages.get("decision." + outcome));
    }

    private String label(String id) throws Exception {
        return fx(() -> this.<Label>node(id).getText());
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T node(String id) {
        Node n = root.lookup(id);
        if (n == null && root instanceof ScrollPane sp) {
            n = sp.getContent().lookup(id);
        }
        assertNotNull(n, id);
        return (T) n;
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }




    /**
     * The Decision tab at 1280×800 as PNGs under {@code target/screenshots/}: the top, the middle
     * and the end of the scroll content ({@code decision-form-<lang>-<n>.png}).
     */
    private void screenshots(Locale locale) throws Exception {
        Path out = Path.of(System.getProperty("screenshots", "target/screenshots"));
        Files.createDirectories(out);
        double[] at = {0, 0.45, 1};
        for (int i = 0; i < at.length; i++) {
            double v = at[i];
            fx(() -> {
                ((ScrollPane) root).setVvalue(v);
                root.layout();
            });
            CompletableFuture<javafx.scene.image.WritableImage> img = new CompletableFuture<>();
            Platform.runLater(() -> img.complete(root.getScene().snapshot(null)));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(30, TimeUnit.SECONDS),
                    null), "png", out.resolve("decision-form-" + locale.getLanguage() + "-" + (i + 1) + ".png")
                    .toFile());
        }
    }
}
