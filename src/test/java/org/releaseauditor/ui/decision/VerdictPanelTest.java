package org.releaseauditor.ui.decision;

import org.releaseauditor.ui.fx.OverrunWalk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.verdict.ReleaseResult;
import org.releaseauditor.core.verdict.VerdictFinding;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.CaseVerdictService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Verdict panel on the demo case (built by DemoCaseService from the bundled samples): it shows
 * the decision in force and every FAIL sentence of the case's verdict, at 1280×800, in English and
 * German, with no label cut off.
 */
@ExtendWith(ApplicationExtension.class)
class VerdictPanelTest {
    /** One demo case for both languages (building it twice would double the test's time). */
    @TempDir
    static Path dir;

    private Stage stage;
    private AppContext ctx;

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
    }

    @Test
    void englishPanelShowsTheDecisionInForceAndEveryFailSentence() throws Exception {
        checkPanel(Locale.ENGLISH, "Decision in force: ");
    }

    @Test
    void germanPanelShowsTheDecisionInForceAndEveryFailSentence() throws Exception {
        checkPanel(Locale.GERMAN, "Geltende Entscheidung");
    }

    @Test
    void aLanguageSwitchRewritesTheVerdictInTheNewLanguage() throws Exception {
        checkPanel(Locale.ENGLISH, "Decision in force: ");
        Messages.setLocale(Locale.GERMAN);
        WaitForAsyncUtils.asyncFx(() -> window.rebuildForTest()).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            VerdictContent v = ctx.caseModel().verdictProperty().get();
            return v != null && v.decisionLine().startsWith("Geltende Entscheidung");
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Labeled> labels = new ArrayList<>();
        labels.addAll(OverrunWalk.labels((Parent) window.controller().verdictTab().getContent()));
        assertTrue(labels.stream().anyMatch(l -> l.getText().startsWith("Geltende Entscheidung: Ablehnen")),
                "the rebuilt panel shows the German verdict");
    }

    private MainWindow window;

    private void checkPanel(Locale locale, String decisionPrefix) throws Exception {
        Messages.setLocale(locale);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/verdictpanel");
        node.clear();
        ctx = new AppContext(new UiPreferences(node));
        Parent[] root = new Parent[1];
        // the whole main window (its style sheet, tabs and toolbar) at 1280x800, on the Verdict tab
        WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(ctx, stage);
            window.show(false);
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(800);
            window.controller().laneTabs().getSelectionModel().select(window.controller().verdictTab());
            root[0] = (Parent) window.controller().verdictTab().getContent();
        }).get(30, TimeUnit.SECONDS);
        Path file = dir.resolve("demo").resolve("demo.rcase");
        Platform.runLater(() -> DemoCase.open(ctx, file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ctx.caseModel().verdictProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        CaseService cs = ctx.caseModel().openCaseProperty().get();
        assertEquals(DecisionOutcome.REJECT, cs.currentDecision().orElseThrow().outcome());
        // the expected sentences come from the service, computed independently of the panel
        CaseVerdictService.CaseVerdict cv = new CaseVerdictService().verdict(cs, locale);
        List<VerdictFinding> failures = cv.release().failures();
        assertFalse(failures.isEmpty(), "the demo case's release has failing findings");
        assertEquals(ReleaseResult.FAIL, cv.release().result());

        List<Labeled> labels = new ArrayList<>();
        labels.addAll(OverrunWalk.labels(root[0]));
        List<String> texts = labels.stream().map(Labeled::getText).toList();
        String reject = Messages.get(locale, "decision.REJECT");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith(decisionPrefix) && t.contains(reject)),
                "decision line with the outcome in force: " + texts);
        long decisionId = cs.currentDecision().orElseThrow().id();
        assertTrue(texts.contains(reject + " (#" + decisionId + ")"), "outcome row of the decision in force");
        assertTrue(texts.contains(cs.currentDecision().orElseThrow().rationale()), "rationale shown in full");
        for (VerdictFinding f : failures) {
            assertTrue(texts.contains(f.sentence()), "FAIL sentence shown: " + f.sentence());
        }
        String fail = Messages.get(locale, "verdict.result.FAIL");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith(Messages.get(locale, "vpage.result", fail))),
                "overall result");
        for (var o : cv.release().outputs()) {
            assertTrue(texts.contains(o.sha256()), "SHA-256 of " + o.name());
        }
        assertNotNull(lookupField(root[0], "release-auditor verify "), "verify command shown");

        // nothing cut off at 1280x800: every label's rendered text is its whole text
        List<String> cut = OverrunWalk.labelsCut(root[0]);
        assertTrue(cut.isEmpty(), "labels cut off: " + cut);
        screenshot(root[0], locale);
    }

    /**
     * With {@code -Dscreenshots=DIR}: the panel at 1280×800 as {@code verdict-panel.png} (English)
     * and {@code verdict-panel-de.png}; the whole scroll content, so the picture shows every section.
     */
    private static void screenshot(Parent root, Locale locale) throws Exception {
        String out = System.getProperty("screenshots");
        if (out == null || out.isBlank()) {
            return;
        }
        Path dirOut = Path.of(out);
        java.nio.file.Files.createDirectories(dirOut);
        CompletableFuture<javafx.scene.image.WritableImage> img = new CompletableFuture<>();
        Platform.runLater(() -> img.complete(root.getScene().snapshot(null)));
        String name = locale.getLanguage().equals("en") ? "verdict-panel.png" : "verdict-panel-" + locale.getLanguage()
                + ".png";
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(30, TimeUnit.SECONDS), null),
                "png", dirOut.resolve(name).toFile());
        // and the end of the panel (decision record, integrity), for looking at, next to it
        CompletableFuture<javafx.scene.image.WritableImage> end = new CompletableFuture<>();
        Platform.runLater(() -> {
            ((javafx.scene.control.ScrollPane) root).setVvalue(1.0);
            root.layout();
            Platform.runLater(() -> end.complete(root.getScene().snapshot(null)));
        });
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(end.get(30, TimeUnit.SECONDS), null),
                "png", dirOut.resolve(name.replace(".png", "-end.png")).toFile());
    }



    private static javafx.scene.control.TextField lookupField(Node root, String prefix) throws Exception {
        CompletableFuture<javafx.scene.control.TextField> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete((javafx.scene.control.TextField) root.lookupAll(".text-field").stream()
                .filter(n -> ((javafx.scene.control.TextField) n).getText().startsWith(prefix)).findFirst()
                .orElse(null)));
        return f.get(10, TimeUnit.SECONDS);
    }
}
