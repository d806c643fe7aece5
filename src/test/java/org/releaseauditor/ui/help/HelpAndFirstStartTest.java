package org.releaseauditor.ui.help;

import org.releaseauditor.ui.fx.OverrunWalk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.catalogue.MetricCatalogue;
import org.releaseauditor.core.catalogue.MetricEntry;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.releaseauditor.ui.main.StartPlan;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * F1 help and the first start, through the real main window at 1280×800 (headless). Every test
 * uses its own preferences node under {@code /org/releaseauditor-test/} and a demo case in a
 * temporary folder: the user's preferences and {@code ~/.release-auditor} are never touched.
 * The expected texts come from the catalogue and the message bundles, read independently of the
 * pane. With the screenshots written to {@code target/help-screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class HelpAndFirstStartTest {
    /** One demo case for all tests (building it costs seconds). */
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private Stage stage;
    private final List<AppContext> contexts = new ArrayList<>();
    private final List<Stage> extraStages = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> extraStages.forEach(Stage::hide)).get(10, TimeUnit.SECONDS);
        for (AppContext c : contexts) {
            c.close();
        }
        contexts.clear();
        Messages.setLocale(Locale.ENGLISH);
    }

    private UiPreferences prefs(String name) throws Exception {
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/help-" + name);
        node.clear();
        return new UiPreferences(node);
    }

    private MainWindow open(Stage on, UiPreferences prefs, StartPlan plan) throws Exception {
        AppContext ctx = new AppContext(prefs);
        contexts.add(ctx);
        MainWindow[] w = new MainWindow[1];
        WaitForAsyncUtils.asyncFx(() -> {
            w[0] = new MainWindow(ctx, on);
            w[0].show(plan);
            on.setMaximized(false);
            on.setWidth(1280);
            on.setHeight(800);
        }).get(90, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return w[0];
    }

    private AppContext ctx() {
        return contexts.get(contexts.size() - 1);
    }

    /** age,sex,zip: (30,m)x3, (30,f)x2, (40,m)x1 on age and sex: k = 1. */
    private Path smallCsv() throws Exception {
        Path f = dir.resolve("patients.csv");
        Files.writeString(f, String.join("\n", "age,sex,zip", "30,m,10115", "30,m,10115", "30,m,10117",
                "30,f,10115", "30,f,10115", "40,m,10117") + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private SummaryCard loadAndWaitForCard(MainWindow w, String id) throws Exception {
        Map<String, AttributeRole> roles = new LinkedHashMap<>();
        roles.put("age", AttributeRole.QUASI_IDENTIFIER);
        roles.put("sex", AttributeRole.QUASI_IDENTIFIER);
        roles.put("zip", AttributeRole.INSENSITIVE);
        Path csv = smallCsv();
        WaitForAsyncUtils.asyncFx(() -> w.controller().viewModel().load(csv, ImportOptions.defaults(), roles, null))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Node n = w.controller().root().lookup("#" + id);
            return n instanceof SummaryCard c && !"\u2013".equals(c.valueText()) && MetricHelp.keyOf(c).isPresent();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return (SummaryCard) w.controller().root().lookup("#" + id);
    }

    @Test
    void f1OverTheKCardShowsItsCatalogueTextInEnglish(FxRobot robot) throws Exception {
        f1OverTheKCard(robot, Locale.ENGLISH);
    }

    @Test
    void f1OverTheKCardShowsItsCatalogueTextInGerman(FxRobot robot) throws Exception {
        f1OverTheKCard(robot, Locale.GERMAN);
    }

    private void f1OverTheKCard(FxRobot robot, Locale locale) throws Exception {
        Messages.setLocale(locale);
        MainWindow w = open(stage, prefs("f1-" + locale.getLanguage()), StartPlan.nothing());
        SummaryCard card = loadAndWaitForCard(w, "cardK");
        assertEquals(new MetricHelp.Key("microdata", "k", List.of()), MetricHelp.keyOf(card).orElseThrow(),
                "the k card carries the catalogue key of k");
        assertFalse(w.helpOpen(), "the pane is closed until asked for");

        robot.moveTo(card);
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(w.helpOpen(), "F1 opens the help pane");
        MetricEntry k = MetricCatalogue.standard().describe("microdata", "k", locale);
        assertTrue(k.known());
        HelpPane pane = w.helpPane();
        assertEquals(k.label(), pane.shownLabel());
        assertEquals(k.text(), pane.shownText());
        assertEquals(k.read(), text(pane, "#helpRead"));
        assertEquals(k.reference(), text(pane, "#helpReference"));
        assertEquals(k.notApplicable(), text(pane, "#helpNotApplicable"));
        assertEquals(Messages.get(locale, "help.unit.COUNT"), text(pane, "#helpUnit"));
        if (locale.getLanguage().equals("de")) {
            assertTrue(pane.shownLabel().startsWith("k (kleinste Klasse)"), pane.shownLabel());
        } else {
            assertTrue(pane.shownLabel().startsWith("k (smallest class)"), pane.shownLabel());
        }
        assertNoLabelCut(pane);
        screenshot(stage, "help-pane-" + locale.getLanguage());

        // F1 over another card: the pane follows the pointer
        SummaryCard uniques = (SummaryCard) w.controller().root().lookup("#cardUniques");
        robot.moveTo(pane); // leave the k card first, so its (long, German) tooltip closes and cannot cover the next card
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(uniques);
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MetricCatalogue.standard().describe("microdata", "sampleUniqueness", locale).label(),
                pane.shownLabel());

        // Esc closes it (the focus is in the pane after F1)
        assertTrue(inside(w.controller().root().getScene().getFocusOwner(), pane), "F1 moves the focus into the pane");
        // (Esc is tested in the list test: here the card's tooltip window is up and, under Monocle,
        // takes the keys)
        robot.interact(() -> pane.closeButton().fire());
        assertFalse(w.helpOpen(), "the close button closes the help pane");
    }

    /**
     * F1 over the aggregates dashboard's findings chart explains the summary it counts; F1 over a
     * line of the findings table explains that line's rule (the row under the cursor, not the
     * table); the evaluation chart and a row of the microdata QI table carry their keys too.
     */
    @Test
    void f1OverTheAggregatesChartAndOverATableRowShowsTheirCatalogueEntries(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.GERMAN);
        MainWindow w = open(stage, prefs("f1-aggregates"), StartPlan.nothing());
        // the evaluation lane's chart is tagged from its creation (no run needed)
        Parent eval = (Parent) w.controller().evaluationTab().getContent();
        assertEquals(new MetricHelp.Key("evaluation", "highestResidualRisk", List.of()),
                MetricHelp.keyOf(eval.lookup("#evaluationChart")).orElseThrow());
        // selecting the aggregates tab runs its bundled sample
        robot.interact(() -> w.controller().laneTabs().getSelectionModel().select(w.controller().aggregatesTab()));
        Parent agg = (Parent) w.controller().aggregatesTab().getContent();
        javafx.scene.control.TableView<?> findings = (javafx.scene.control.TableView<?>) agg.lookup("#findingsTable");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !findings.getItems().isEmpty());
        robot.interact(() -> {
            for (Node n = findings; n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.TabPane tp) {
                    for (javafx.scene.control.Tab t : tp.getTabs()) {
                        if (t.getContent() != null && inside(findings, t.getContent())) {
                            tp.getSelectionModel().select(t);
                        }
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node chart = ((javafx.scene.layout.Pane) agg.lookup("#findingsChart")).getChildren().get(0);
        robot.moveTo(chart);
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.helpOpen(), "F1 over the chart opens the help pane");
        HelpPane pane = w.helpPane();
        MetricCatalogue cat = MetricCatalogue.standard();
        assertEquals(cat.describe("aggregates", "aggregates", Locale.GERMAN).label(), pane.shownLabel());

        // the first line of the findings table is the threshold rule: F1 over it explains that rule
        Node firstRow = robot.from(findings).lookup(".table-row-cell").match(n -> n instanceof
                javafx.scene.control.TableRow<?> r && r.getIndex() == 0 && r.isVisible() && r.getItem() != null).query();
        assertEquals(new MetricHelp.Key("aggregates", "rules.threshold", List.of()),
                MetricHelp.keyOf(firstRow).orElseThrow(), "the row's key");
        robot.moveTo(pane);
        WaitForAsyncUtils.waitForFxEvents();
        // the row's first cell, inside the table (the row is wider than the table with the pane open)
        javafx.geometry.Bounds row = firstRow.localToScreen(firstRow.getBoundsInLocal());
        javafx.geometry.Bounds table = findings.localToScreen(findings.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(table.getMinX() + 30, row.getCenterY()));
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        String threshold = cat.describe("aggregates", "rules.threshold", Locale.GERMAN).label();
        assertEquals(threshold, pane.shownLabel(), "the row under the cursor, not the table");
        assertTrue(cat.describe("aggregates", "rules.threshold", Locale.GERMAN).known());
        assertFalse(threshold.equals(cat.describe("aggregates", "aggregates", Locale.GERMAN).label()));
        // over the header of the table: the table's own entry
        Node header = robot.from(findings).lookup(".column-header").query();
        robot.moveTo(pane);
        robot.moveTo(header);
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cat.describe("aggregates", "aggregates", Locale.GERMAN).label(), pane.shownLabel());
        robot.interact(() -> pane.closeButton().fire());

        // keyboard: the focused row of a table gives its key (Help > Metric help, F1 without a pointer)
        robot.interact(() -> {
            findings.requestFocus();
            findings.getFocusModel().focus(0);
        });
        assertEquals(new MetricHelp.Key("aggregates", "rules.threshold", List.of()),
                MetricHelp.keyOfFocused(findings).orElseThrow());
    }

    @Test
    void aRowOfTheQiTableIsNamedByItsQis(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        MainWindow w = open(stage, prefs("f1-qirow"), StartPlan.nothing());
        loadAndWaitForCard(w, "cardK");
        javafx.scene.control.TableView<?> qis = (javafx.scene.control.TableView<?>) w.controller().root()
                .lookup("#qiTable");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !qis.getItems().isEmpty());
        robot.interact(() -> {
            qis.requestFocus();
            qis.getFocusModel().focus(0);
        });
        MetricHelp.Key k = MetricHelp.keyOfFocused(qis).orElseThrow();
        org.releaseauditor.ui.risk.QiRow first = (org.releaseauditor.ui.risk.QiRow) qis.getItems().get(0);
        assertEquals(new MetricHelp.Key("microdata", "qiContribution.0", List.of(first.qis())), k);
        assertEquals("QIs " + first.qis(), MetricCatalogue.standard().describe("microdata", k.path(), Locale.ENGLISH)
                .label(k.names()));
    }

    @Test
    void withNothingUnderThePointerTheListOfTheLaneCanBeFilteredByKeyboard(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        MainWindow w = open(stage, prefs("list"), StartPlan.nothing());
        // keyboard only: focus in the tab bar, nothing tagged there, F1 opens the list
        robot.interact(() -> w.controller().laneTabs().requestFocus());
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.helpOpen());
        HelpPane pane = w.helpPane();
        assertEquals("", pane.shownLabel(), "nothing is described");
        assertSame(pane.filterField(), w.controller().root().getScene().getFocusOwner(), "the filter has the focus");
        int all = pane.visibleEntries().size();
        assertEquals(MetricCatalogue.standard().patterns("microdata").size(), all,
                "every catalogue entry of the microdata lane is listed");

        robot.write("unique");
        WaitForAsyncUtils.waitForFxEvents();
        List<MetricEntry> left = pane.visibleEntries();
        assertFalse(left.isEmpty());
        assertTrue(left.size() < all, "the filter narrows the list: " + left.size() + " of " + all);
        for (MetricEntry e : left) {
            String hay = (pane.listLabel(e) + " " + e.text() + " " + e.path()).toLowerCase(Locale.ROOT);
            assertTrue(hay.contains("unique"), "entry without the filter word: " + e.path());
        }
        assertTrue(left.stream().anyMatch(e -> e.path().equals("sampleUniqueness")));

        // Down moves into the list and shows its first entry
        robot.push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(pane.listView(), w.controller().root().getScene().getFocusOwner());
        assertEquals(pane.listLabel(left.get(0)), pane.shownLabel());
        assertNoLabelCut(pane);

        robot.interact(() -> pane.filterField().setText("no such measure at all"));
        assertTrue(pane.visibleEntries().isEmpty());
        robot.interact(() -> pane.filterField().clear());
        assertEquals(all, pane.visibleEntries().size());

        // the list follows the lane tab
        robot.interact(() -> w.controller().laneTabs().getSelectionModel().select(w.controller().trajectoriesTab()));
        assertEquals("trajectories", pane.scope());
        assertEquals(MetricCatalogue.standard().patterns("trajectories").size(), pane.visibleEntries().size());

        // Esc closes the pane and gives the focus back to where it was
        robot.interact(() -> pane.filterField().requestFocus());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.helpOpen(), "Esc closes the help pane");
        assertSame(w.controller().laneTabs(), w.controller().root().getScene().getFocusOwner());
    }

    @Test
    void theFirstStartOpensTheDemoCasesVerdictWithTheTourAndSkipEndsItForGood(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        UiPreferences prefs = prefs("first-en");
        Path demo = shared.resolve("demo").resolve("demo.rcase");
        StartPlan plan = StartPlan.decide(List.of(), prefs, demo);
        assertEquals(StartPlan.Kind.FIRST_START, plan.kind());
        MainWindow w = open(stage, prefs, plan);
        GuidedTour tour = waitForTour(w);

        assertFirstStep(w, tour, demo, Locale.ENGLISH);
        screenshot(stage, "first-start-tour-en");

        // Next and Back walk the steps; every step frames a real control and nothing is cut off
        for (int i = 1; i < 5; i++) {
            robot.clickOn(tour.nextButton());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(i, tour.stepIndex());
            assertNoLabelCut((Parent) tour.callout());
        }
        assertEquals(Messages.get(Locale.ENGLISH, "tour.finish"), tour.nextButton().getText());
        screenshot(stage, "tour-last-step-en");
        robot.clickOn(tour.backButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, tour.stepIndex());

        robot.clickOn(tour.skipButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tour.isShowing(), "Skip closes the tour");
        assertNull(w.tour());
        assertTrue(prefs.firstStartDone(), "'Don't show again' is ticked by default");

        // F1 over a failing finding of the verdict explains the metric it judged
        Node finding = w.controller().verdictTab().getContent().lookup("#finding-FAIL");
        robot.moveTo(finding);
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.helpOpen());
        var cs = ctx().caseModel().openCaseProperty().get();
        List<String> failing = new org.releaseauditor.service.cases.CaseVerdictService().verdict(cs, Locale.ENGLISH)
                .release().failures().stream().map(f -> f.path()).toList();
        MetricHelp.Key key = w.helpPane().shownKey();
        assertNotNull(key);
        assertTrue(failing.contains(key.path()), key + " is one of " + failing);
        MetricEntry judged = MetricCatalogue.standard().describe(key.scope(), key.path(), Locale.ENGLISH);
        assertTrue(judged.known(), "the catalogue explains " + key);
        assertEquals(judged.text(), w.helpPane().shownText());
        robot.interact(() -> w.helpPane().closeButton().fire());

        // the second start: no tour, the same case (open at the last close) on its Verdict tab
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        contexts.remove(0).close();
        StartPlan second = StartPlan.decide(List.of(), prefs, demo);
        assertEquals(StartPlan.Kind.CASE, second.kind());
        assertEquals(demo.toAbsolutePath().normalize(), second.file());
        Stage other = WaitForAsyncUtils.asyncFx((java.util.concurrent.Callable<Stage>) Stage::new).get(10, TimeUnit.SECONDS);
        extraStages.add(other);
        MainWindow w2 = open(other, prefs, second);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ctx().caseModel().verdictProperty().get() != null);
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(w2.tour(), "the second start shows no tour");
        assertTrue(w2.controller().verdictTab().isSelected());
        assertTrue(ctx().session().datasets().isEmpty(), "no other dataset beside the case");
    }

    @Test
    void germanFirstStartTourFitsAndEscClosesIt(FxRobot robot) throws Exception {
        Messages.setLocale(Locale.GERMAN);
        UiPreferences prefs = prefs("first-de");
        Path demo = shared.resolve("demo").resolve("demo.rcase");
        MainWindow w = open(stage, prefs, StartPlan.decide(List.of(), prefs, demo));
        GuidedTour tour = waitForTour(w);
        assertFirstStep(w, tour, demo, Locale.GERMAN);
        screenshot(stage, "first-start-tour-de");
        for (int i = 1; i < 5; i++) {
            robot.interact(() -> tour.nextButton().fire());
            assertNoLabelCut((Parent) tour.callout());
        }
        // untick "don't show again": the next start is a first start again
        robot.interact(() -> tour.dontShowBox().setSelected(false));
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tour.isShowing(), "Esc closes the tour");
        assertFalse(prefs.firstStartDone());
        assertEquals(StartPlan.Kind.FIRST_START, StartPlan.decide(List.of(), prefs, demo).kind());

        // Help > Guided tour replays it
        robot.interact(() -> w.controller().laneTabs().getSelectionModel().select(w.controller().microdataTab()));
        robot.interact(w::replayTour);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(w.tour(), "Help > Guided tour shows the tour again");
        assertEquals(0, w.tour().stepIndex());
        assertTrue(w.controller().verdictTab().isSelected(), "on the Verdict tab");
    }

    @Test
    void aTagIsReadFromTheNodeOrItsNearestTaggedParent(FxRobot robot) throws Exception {
        javafx.scene.layout.Pane outer = new javafx.scene.layout.Pane();
        javafx.scene.layout.Pane inner = new javafx.scene.layout.Pane();
        outer.getChildren().add(inner);
        assertTrue(MetricHelp.keyOf(inner).isEmpty());
        MetricHelp.tag(outer, "trajectories", "unicity.3.fraction", List.of("4"));
        MetricHelp.Key key = new MetricHelp.Key("trajectories", "unicity.3.fraction", List.of("4"));
        assertEquals(key, MetricHelp.keyOf(inner).orElseThrow());
        assertTrue(MetricHelp.ownKey(inner).isEmpty());
        // the hover-text bridge of the cards
        String text = "hover text " + System.nanoTime();
        MetricHelp.remember(text, "microdata", "k", List.of());
        MetricHelp.tagFromText(inner, text);
        assertEquals(new MetricHelp.Key("microdata", "k", List.of()), MetricHelp.keyOf(inner).orElseThrow());
        MetricHelp.tagFromText(inner, "a text nobody remembered");
        assertEquals(key, MetricHelp.keyOf(inner).orElseThrow(), "an unknown text removes the node's own tag");
        MetricHelp.tag(outer, null, null);
        assertTrue(MetricHelp.keyOf(inner).isEmpty());
        // display names fill the catalogue's {0}: the element is named by its points, not its index
        Messages.setLocale(Locale.ENGLISH);
        HelpPane pane = WaitForAsyncUtils.asyncFx(() -> {
            HelpPane p = new HelpPane();
            p.show(key);
            return p;
        }).get(10, TimeUnit.SECONDS);
        assertEquals(MetricCatalogue.standard().describe("trajectories", "unicity.3.fraction", Locale.ENGLISH)
                .label(List.of("4")), pane.shownLabel());
        assertTrue(pane.shownLabel().contains("4"), pane.shownLabel());
    }

    @Test
    void commandLineFilesTakePrecedenceOverTheFirstStart() throws Exception {
        UiPreferences prefs = prefs("args");
        Path demo = dir.resolve("demo.rcase");
        Path csv = smallCsv();
        Path rcase = Files.writeString(dir.resolve("mine.rcase"), "");
        assertEquals(new StartPlan(StartPlan.Kind.DATASET, csv.toAbsolutePath().normalize(), false),
                StartPlan.decide(List.of(csv.toString()), prefs, demo));
        assertEquals(new StartPlan(StartPlan.Kind.CASE, rcase.toAbsolutePath().normalize(), false),
                StartPlan.decide(List.of(rcase.toString()), prefs, demo));
        // a missing file or an unknown option is ignored: the first start then
        assertEquals(StartPlan.Kind.FIRST_START,
                StartPlan.decide(List.of("--nope", dir.resolve("missing.csv").toString()), prefs, demo).kind());
        prefs.setFirstStartDone(true);
        assertEquals(StartPlan.Kind.SAMPLE, StartPlan.decide(List.of(), prefs, demo).kind(),
                "later starts without a case open at the last close analyse the sample");
        prefs.setLastCase(rcase, true);
        assertEquals(new StartPlan(StartPlan.Kind.CASE, rcase.toAbsolutePath().normalize(), true),
                StartPlan.decide(List.of(), prefs, demo), "the case open at the last close, read-only as it was");
        prefs.setLastCase(dir.resolve("gone.rcase"), false);
        assertEquals(StartPlan.Kind.SAMPLE, StartPlan.decide(List.of(), prefs, demo).kind(),
                "a case file that is gone is not reopened");
    }

    private GuidedTour waitForTour(MainWindow w) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> w.tour() != null);
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        return w.tour();
    }

    private void assertFirstStep(MainWindow w, GuidedTour tour, Path demo, Locale locale) throws Exception {
        assertTrue(w.controller().verdictTab().isSelected(), "the first start shows the Verdict tab");
        var cs = ctx().caseModel().openCaseProperty().get();
        assertEquals(demo.toAbsolutePath().normalize(), cs.file().toAbsolutePath().normalize());
        assertTrue(ctx().session().datasets().isEmpty(), "no adult dashboard beside the demo case");
        assertEquals(0, tour.stepIndex());
        Parent callout = (Parent) tour.callout();
        assertTrue(callout.isVisible() && callout.getScene() != null);
        assertEquals(Messages.get(locale, "tour.verdict.title"), ((Labeled) callout.lookup("#tourTitle")).getText());
        assertEquals(Messages.get(locale, "tour.verdict.text"), ((Labeled) callout.lookup("#tourText")).getText());
        assertTrue(tour.backButton().isDisabled());
        assertTrue(tour.dontShowBox().isSelected());
        // the callout lies inside the window, beside the failing findings it points at, not over them
        Node findings = w.controller().verdictTab().getContent().lookup("#findingsPane");
        var b = findings.localToScene(findings.getBoundsInLocal());
        var c = callout.localToScene(callout.getLayoutBounds());
        assertFalse(c.intersects(b), "callout over the findings: " + c + " / " + b);
        assertTrue(c.getMaxX() <= 1280 && c.getMaxY() <= 800, "callout inside the window: " + c);
        assertNoLabelCut(callout);
    }

    private static boolean inside(Node n, Node parent) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x == parent) {
                return true;
            }
        }
        return false;
    }

    private static String text(Parent root, String id) {
        Node n = root.lookup(id);
        return n instanceof Labeled l ? l.getText() : null;
    }

    /** No Labeled shows an ellipsis instead of its text (the check of VerdictPanelTest). */
    private static void assertNoLabelCut(Parent root) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            root.applyCss();
            root.layout();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Labeled> labels = new ArrayList<>();
        labels.addAll(OverrunWalk.labels(root));
        List<String> cut = OverrunWalk.labelsCut(root);
        assertTrue(cut.isEmpty(), "labels cut off: " + cut);
        assertFalse(labels.isEmpty());
    }



    /** The whole window as {@code target/help-screenshots/NAME.png}. */
    private static void screenshot(Stage stage, String name) throws Exception {
        Path out = Path.of("target", "help-screenshots");
        Files.createDirectories(out);
        CompletableFuture<javafx.scene.image.WritableImage> img = new CompletableFuture<>();
        Platform.runLater(() -> img.complete(stage.getScene().snapshot(null)));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(30, TimeUnit.SECONDS), null),
                "png", out.resolve(name + ".png").toFile());
    }
}
