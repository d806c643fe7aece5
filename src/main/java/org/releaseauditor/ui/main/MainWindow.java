package org.releaseauditor.ui.main;

import java.io.InputStream;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.FxmlViews;

/**
 * Builds the main window's scene on a stage, restores its geometry, and rebuilds it when the
 * language changes. Lane dashboards plug into its tabs.
 */
public final class MainWindow {
    private final AppContext ctx;
    private final Stage stage;
    private MainWindowController controller;
    private final java.util.List<java.util.function.Consumer<MainWindowController>> plugins;

    public MainWindow(AppContext ctx, Stage stage) {
        this.ctx = ctx;
        this.stage = stage;
        this.plugins = Plugins.defaults(ctx);
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

    /** Builds the scene and shows the stage; {@code loadSample} opens the bundled sample. */
    public void show(boolean loadSample) {
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
        if (loadSample) {
            Plugins.loadStartupSample(ctx, controller);
            org.releaseauditor.ui.decision.DemoCase.openAtStartup(ctx);
        }
    }

    private void build() {
        FxmlViews.View<MainWindowController> view = ctx.views().load("/fxml/main/MainWindow.fxml");
        controller = view.controller();
        controller.setOnLanguageChanged(this::rebuild);
        for (var p : plugins) {
            p.accept(controller);
        }
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(view.root());
            stage.setScene(scene);
        } else {
            scene.setRoot(view.root());
        }
        ctx.setMainWindow(stage);
        stage.setTitle(Messages.get("app.title"));
    }

    private void rebuild() {
        int tab = controller == null ? 0 : controller.laneTabs().getSelectionModel().getSelectedIndex();
        build();
        controller.laneTabs().getSelectionModel().select(Math.max(0, tab));
        var selected = ctx.session().selectedProperty().get();
        if (selected != null) {
            // the new dashboards pick up the selected dataset
            ctx.session().selectedProperty().set(null);
            ctx.session().selectedProperty().set(selected);
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
