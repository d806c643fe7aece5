package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.PolicyChooser;
import org.releaseauditor.ui.charts.StatusBarRenderer;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.charts.VerdictStyles;
import org.releaseauditor.ui.fx.FxmlViews;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.LoadedDataset;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, the microdata dashboard's policy chooser on adult.csv (quasi-identifiers sex, age,
 * race) at 1280×800, in English and German: it lists the microdata policies with their names
 * and "Load policy file…", starts on arx-defaults, and loading a stricter policy file recolours
 * the cards and the class-size chart at once, on the same result (no new analysis). The line next
 * to the chooser says the overall result. Writes the pictures to
 * {@code target/screenshots/policy-chooser-LANG-POLICY.png}.
 *
 * <p>Expected states: adult has classes of one record (highest prosecutor risk 1 &gt; 0.2), so
 * arx-defaults FAILs on the highest risk and the class-size bar "1" is red; it does not read k
 * (neutral card). strict-k-10 (k ≥ 10) FAILs on k = 1 and marks every bar below 10.
 */
@ExtendWith(ApplicationExtension.class)
class RiskPolicyChooserFxTest {
    static final Path ADULT = Path.of("sample-datasets", "microdata", "adult.csv");
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
            WaitForAsyncUtils.asyncFx(stage::hide).get(30, TimeUnit.SECONDS);
            c.close();
        }
    }

    @Test
    void englishChooserRecoloursOnAnotherPolicy() throws Exception {
        check(Locale.ENGLISH, "ARX defaults (arx-defaults 1.0)", "Load policy file\u2026");
    }

    @Test
    void germanChooserRecoloursOnAnotherPolicy() throws Exception {
        check(Locale.GERMAN, "ARX-Standardwerte (arx-defaults 1.0)", "Richtlinie aus Datei laden\u2026");
    }

    private void check(Locale locale, String arxName, String loadName) throws Exception {
        Messages.setLocale(locale);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/policychooser");
        node.clear();
        ctx = new AppContext(new UiPreferences(node));
        var data = new DatasetService().loadInput(DatasetRef.of(ADULT), ImportOptions.defaults(), ProgressMonitor.none())
                .data();
        Map<String, AttributeRole> roles = new LinkedHashMap<>();
        for (String c : data.columnNames()) {
            roles.put(c, switch (c) {
                case "sex", "age", "race" -> AttributeRole.QUASI_IDENTIFIER;
                case "salary-class" -> AttributeRole.SENSITIVE;
                default -> AttributeRole.INSENSITIVE;
            });
        }
        @SuppressWarnings("unchecked")
        FxmlViews.View<RiskDashboardController>[] view = new FxmlViews.View[1];
        WaitForAsyncUtils.asyncFx(() -> {
            view[0] = ctx.views().load("/fxml/risk/RiskDashboard.fxml");
            Scene scene = new Scene(view[0].root(), 1280, 800);
            scene.getStylesheets().add(getClass().getResource("/fxml/css/app.css").toExternalForm());
            stage.setScene(scene);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            view[0].controller().show(new LoadedDataset(ADULT, data, roles));
        }).get(30, TimeUnit.SECONDS);
        RiskDashboardController c = view[0].controller();
        RiskDashboardViewModel vm = c.viewModel();
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> vm.verdictProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        PolicyChooser chooser = c.policyChooser();
        List<String> names = chooser.comboBox().getItems().stream()
                .map(x -> chooser.comboBox().getConverter().toString(x)).toList();
        assertEquals(4, names.size(), names.toString());
        assertEquals(arxName, names.get(0));
        assertEquals(loadName, names.get(3));
        assertEquals("arx-defaults", chooser.comboBox().getValue().policy().id());
        Verdict arx = vm.verdictProperty().get();
        assertEquals(PolicyChooser.resultLine(arx), chooser.resultLabel().getText());
        assertTrue(chooser.resultLabel().getText().startsWith(Messages.get("verdict.result.FAIL") + " "),
                chooser.resultLabel().getText());
        assertTrue(chooser.resultLabel().getStyleClass().contains(VerdictStyles.styleClass(VerdictStatus.FAIL)));
        assertEquals(SummaryCard.Status.NEUTRAL, card(c, "cardK").status(), "arx-defaults does not judge k");
        assertEquals(SummaryCard.Status.FAIL, card(c, "cardHighest").status(), "highest risk 1 > 0.2");
        JFreeChart sizes = c.classSizeChartPane().chart();
        assertEquals(VerdictStatus.FAIL, status(sizes, 0), "classes of one record break highest <= 0.2");
        assertEquals(VerdictStatus.NOT_JUDGED, status(sizes, 5), "classes of 6-10 keep highest <= 0.2");
        var result = vm.resultProperty().get();
        noLabelCutOff(view[0].root());
        screenshot(view[0].root(), locale, "arx-defaults");

        Path strict = RiskPolicySwitchTest.STRICT;
        WaitForAsyncUtils.asyncFx(() -> assertTrue(chooser.load(strict))).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("strict-k-10", vm.verdictProperty().get().policy().id());
        assertSame(result, vm.resultProperty().get(), "the same result, judged again: no new analysis");
        assertEquals("strict-k-10", chooser.comboBox().getValue().policy().id());
        assertEquals(5, chooser.comboBox().getItems().size(), "the loaded policy joins the list before the loader");
        assertEquals(PolicyChooser.resultLine(vm.verdictProperty().get()), chooser.resultLabel().getText());
        assertEquals(SummaryCard.Status.FAIL, card(c, "cardK").status(), "k = 1 < 10");
        assertEquals(SummaryCard.Status.NEUTRAL, card(c, "cardHighest").status(), "strict-k-10 does not judge it");
        assertTrue(card(c, "cardK").getStyleClass().contains(VerdictStyles.styleClass(VerdictStatus.FAIL)));
        sizes = c.classSizeChartPane().chart();
        assertEquals(VerdictStatus.FAIL, status(sizes, 5), "classes of 6-10 are below k 10");
        assertEquals(VerdictStatus.NOT_JUDGED, status(sizes, 6), "classes of 11-20 keep k >= 10");
        noLabelCutOff(view[0].root());
        screenshot(view[0].root(), locale, "strict-k-10");
    }

    private static SummaryCard card(RiskDashboardController c, String id) {
        return (SummaryCard) c.policyChooser().getScene().lookup("#" + id);
    }

    private static VerdictStatus status(JFreeChart chart, int bin) {
        return ((StatusBarRenderer) chart.getCategoryPlot().getRenderer()).statusAt(0, bin);
    }

    /** The chooser's line and the cards are never cut off at 1280×800. */
    private static void noLabelCutOff(Parent root) {
        List<String> cut = new java.util.ArrayList<>();
        collect(root.lookup("#policyChooser"), cut);
        assertEquals(List.of(), cut, "labels cut off");
    }

    private static void collect(Node n, List<String> cut) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node t : l.getChildrenUnmodifiable()) {
                if (t instanceof Text tx && !tx.getText().equals(l.getText())) {
                    cut.add(l.getText() + " -> " + tx.getText());
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node k : p.getChildrenUnmodifiable()) {
                collect(k, cut);
            }
        }
    }

    private static void screenshot(Parent root, Locale locale, String policy) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        CompletableFuture<javafx.scene.image.WritableImage> img = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> img.complete(root.getScene().snapshot(null)));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(30, TimeUnit.SECONDS), null),
                "png", out.resolve("policy-chooser-" + locale.getLanguage() + "-" + policy + ".png").toFile());
    }
}
