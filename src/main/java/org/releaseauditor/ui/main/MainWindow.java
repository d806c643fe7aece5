package org.releaseauditor.ui.main;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.FxmlViews;
import org.releaseauditor.ui.help.GuidedTour;
import org.releaseauditor.ui.help.HelpPane;
import org.releaseauditor.ui.help.HelpSupport;
import org.releaseauditor.ui.help.MetricHelp;

/**
 * Builds the main window's scene on a stage, restores its geometry, and rebuilds it when the
 * language changes. Lane dashboards plug into its tabs.
 */
public final class MainWindow {
    private final AppContext ctx;
    private final Stage stage;
    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(MainWindow.class);
    private MainWindowController controller;
    private StackPane shell;
    private HelpPane helpPane;
    private HelpSupport help;
    private GuidedTour tour;
    /** The lane whose catalogue entries the help pane lists: the lane tab selected last. */
    private String laneScope = "microdata";
    private final java.util.List<java.util.function.Consumer<MainWindowController>> plugins;

    public MainWindow(AppContext ctx, Stage stage) {
        this.ctx = ctx;
        this.stage = stage;
        this.plugins = Plugins.defaults(ctx);
        // the case open when the app closes is reopened at the next start
        ctx.caseModel().openCaseProperty().addListener((o, a, b) -> {
            ctx.preferences().setLastCase(b == null ? null : b.file(), b != null && b.readOnly());
            ctx.preferences().flush();
        });
        Image icon = appIcon();
        if (icon != null) {
            stage.getIcons().setAll(icon);
        }
    }

    /** The application icon (the same file the installers use), or null if the jar lacks it. */
    static Image appIcon() {
        try (InputStream in = MainWindow.class.getResourceAsStream(ICON)) {
            return in == null ? null : new Image(in);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Resource path of the 256 px application icon. */
    static final String ICON = "/org/releaseauditor/ui/release-auditor.png";

    public MainWindowController controller() {
        return controller;
    }

    /**
     * Builds the scene and shows the stage; {@code loadSample} analyses the bundled adult sample
     * ({@link StartPlan#sample()}), else nothing is loaded ({@link StartPlan#nothing()}).
     */
    public void show(boolean loadSample) {
        show(loadSample ? StartPlan.sample() : StartPlan.nothing());
    }

    /** Builds the scene, shows the stage and starts as {@code plan} says. */
    public void show(StartPlan plan) {
        build();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        ctx.preferences().windowBounds().ifPresentOrElse(b -> {
            stage.setX(Math.max(screen.getMinX(), b[0]));
            stage.setY(Math.max(screen.getMinY(), b[1]));
            stage.setWidth(Math.min(screen.getWidth(), b[2]));
            stage.setHeight(Math.min(screen.getHeight(), b[3]));
        }, () -> {
            stage.setWidth(Math.min(screen.getWidth(), 1400));
            stage.setHeight(Math.min(screen.getHeight(), 900));
        });
        stage.setMaximized(ctx.preferences().maximized());
        stage.setOnCloseRequest(e -> saveGeometry());
        stage.show();
        start(plan);
    }

    private void start(StartPlan plan) {
        LOGGER.info("Start: {}", plan.kind());
        switch (plan.kind()) {
            case SAMPLE -> Plugins.loadStartupSample(ctx, controller);
            case FIRST_START -> {
                // the demo case's verdict, and the tour over it once it is on screen
                controller.laneTabs().getSelectionModel().select(controller.verdictTab());
                tourWhenCaseShown(plan.file());
                org.releaseauditor.ui.decision.DemoCase.openAtStartup(ctx, plan.file());
            }
            case CASE -> {
                controller.laneTabs().getSelectionModel().select(controller.verdictTab());
                ctx.caseModel().open(plan.file(), plan.readOnly(), null);
            }
            case DATASET -> controller.open(plan.file());
            case NOTHING -> { }
        }
    }

    /** Starts the tour as soon as the verdict of {@code caseFile} is shown. */
    private void tourWhenCaseShown(Path caseFile) {
        Path target = caseFile == null ? null : caseFile.toAbsolutePath().normalize();
        javafx.beans.value.ChangeListener<org.releaseauditor.ui.decision.VerdictContent> l =
                new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends org.releaseauditor.ui.decision.VerdictContent> o,
                            org.releaseauditor.ui.decision.VerdictContent a, org.releaseauditor.ui.decision.VerdictContent b) {
                        var cs = ctx.caseModel().openCaseProperty().get();
                        if (b == null || cs == null
                                || target != null && !cs.file().toAbsolutePath().normalize().equals(target)) {
                            return;
                        }
                        ctx.caseModel().verdictProperty().removeListener(this);
                        // one pulse later: the Verdict panel has filled its labels from the same property
                        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                                javafx.util.Duration.millis(150));
                        later.setOnFinished(e -> startTour(0));
                        later.play();
                    }
                };
        ctx.caseModel().verdictProperty().addListener(l);
    }

    /** Help → Guided tour: on the open case, or on the demo case when none is open. */
    public void replayTour() {
        controller.laneTabs().getSelectionModel().select(controller.verdictTab());
        if (ctx.caseModel().openCaseProperty().get() == null) {
            Path demo = org.releaseauditor.ui.decision.DemoCase.file();
            tourWhenCaseShown(demo);
            org.releaseauditor.ui.decision.DemoCase.open(ctx, demo);
        } else {
            startTour(0);
        }
    }

    /** The tour, shown from step {@code from}. */
    public GuidedTour startTour(int from) {
        if (tour != null && tour.isShowing()) {
            tour.endSilently();
        }
        tour = new GuidedTour(shell, tourSteps(), dontShowAgain -> {
            ctx.preferences().setFirstStartDone(dontShowAgain);
            ctx.preferences().flush();
        });
        tour.start(from);
        return tour;
    }

    /** The tour shown, or null. */
    public GuidedTour tour() {
        return tour != null && tour.isShowing() ? tour : null;
    }

    private List<GuidedTour.Step> tourSteps() {
        Runnable onVerdict = () -> {
            controller.laneTabs().getSelectionModel().select(controller.verdictTab());
            if (controller.verdictTab().getContent() instanceof javafx.scene.control.ScrollPane sp) {
                sp.setVvalue(0);
            }
        };
        return List.of(
                new GuidedTour.Step("tour.verdict", () -> inVerdict("#findingsPane"), onVerdict),
                new GuidedTour.Step("tour.decision", () -> inVerdict("#decisionLine"), onVerdict),
                new GuidedTour.Step("tour.evidence", () -> controller.laneTabs().lookup(".tab-header-area")),
                new GuidedTour.Step("tour.help", () -> controller.helpButton()),
                new GuidedTour.Step("tour.open", () -> controller.openButton()));
    }

    private Node inVerdict(String selector) {
        Node content = controller.verdictTab().getContent();
        return content == null ? null : content.lookup(selector);
    }

    /** The help pane of the current content (built on first use). */
    public HelpPane helpPane() {
        if (helpPane == null) {
            helpPane = new HelpPane();
            helpPane.setScope(laneScope);
            helpPane.setOnClose(this::closeHelp);
        }
        return helpPane;
    }

    /** F1 and Help → Metric help. */
    public HelpSupport help() {
        return help;
    }

    private void openHelp(HelpPane p) {
        p.setScope(laneScope);
        if (controller.root().getRight() != p) {
            controller.root().setRight(p);
        }
    }

    private void closeHelp() {
        Node back = help == null ? null : help.returnFocus();
        controller.root().setRight(null);
        if (back != null && back.getScene() == stage.getScene()) {
            back.requestFocus();
        }
    }

    /** Whether the help pane is open. */
    public boolean helpOpen() {
        return helpPane != null && controller.root().getRight() == helpPane;
    }

    private static String laneOf(MainWindowController c, javafx.scene.control.Tab t) {
        if (t == c.trajectoriesTab()) {
            return "trajectories";
        } else if (t == c.aggregatesTab()) {
            return "aggregates";
        } else if (t == c.evaluationTab()) {
            return "evaluation";
        } else if (t == c.microdataTab()) {
            return "microdata";
        }
        return null;
    }

    private void build() {
        FxmlViews.View<MainWindowController> view = ctx.views().load("/fxml/main/MainWindow.fxml");
        controller = view.controller();
        controller.setOnLanguageChanged(this::rebuild);
        for (var p : plugins) {
            p.accept(controller);
        }
        helpPane = null;
        controller.setHelpHandlers(() -> help.helpForFocus(), this::replayTour);
        controller.laneTabs().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            String lane = laneOf(controller, b);
            if (lane != null) {
                laneScope = lane;
                if (helpPane != null) {
                    helpPane.setScope(lane);
                }
            }
        });
        // the window's content and, above it, the layer of the guided tour
        shell = new StackPane(view.root());
        shell.setId("appShell");
        // the tour's layer lies beside the window's content: it needs the same style sheet
        shell.getStylesheets().setAll(view.root().getStylesheets());
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(shell);
            stage.setScene(scene);
        } else {
            scene.setRoot(shell);
        }
        if (help == null || help.scene() != scene) {
            help = new HelpSupport(scene, this::helpPane, this::openHelp);
        }
        ctx.setMainWindow(stage);
        stage.setTitle(Messages.get("app.title"));
    }

    private void rebuild() {
        int tab = controller == null ? 0 : controller.laneTabs().getSelectionModel().getSelectedIndex();
        boolean helpWasOpen = helpOpen();
        MetricHelp.Key helpKey = helpWasOpen ? helpPane.shownKey() : null;
        int tourStep = tour != null && tour.isShowing() ? tour.stepIndex() : -1;
        if (tourStep >= 0) {
            tour.endSilently();
        }
        build();
        controller.laneTabs().getSelectionModel().select(Math.max(0, tab));
        var selected = ctx.session().selectedProperty().get();
        if (selected != null) {
            // the new dashboards pick up the selected dataset
            ctx.session().selectedProperty().set(null);
            ctx.session().selectedProperty().set(selected);
        }
        if (helpWasOpen) {
            openHelp(helpPane());
            if (helpKey != null) {
                helpPane.show(helpKey);
            }
        }
        if (tourStep >= 0) {
            startTour(tourStep);
        }
    }

    /**
     * Rebuilds the scene in the current language (tests; the View menu does the same). The open
     * case, the session's datasets and the selected tab carry over: the case model and the session
     * live in the {@link AppContext}, not in the scene.
     */
    public void rebuildForTest() {
        rebuild();
    }

    private void saveGeometry() {
        ctx.preferences().setMaximized(stage.isMaximized());
        if (!stage.isMaximized()) {
            ctx.preferences().setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
        ctx.preferences().flush();
    }
}
