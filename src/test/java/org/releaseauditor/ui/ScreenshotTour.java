package org.releaseauditor.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the main screens at 1600×1000 for the docs. Runs only with
 * {@code -Dscreenshots=DIR} (for example {@code ./mvnw test -Dtest=ScreenshotTour -Dscreenshots=src/docs/images}).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots", matches = ".+",
        disabledReason = "writes documentation screenshots: runs only with -Dscreenshots=DIR")
class ScreenshotTour {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Messages.setLocale(Locale.forLanguageTag(System.getProperty("screenshots.lang", "en")));
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/tour");
        node.clear();
        AppContext ctx = new AppContext(new UiPreferences(node));
        window = new MainWindow(ctx, stage);
        window.show(true);
        stage.setWidth(1600);
        stage.setHeight(1000);
    }

    private static void save(Scene scene, String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshots"));
        Files.createDirectories(dir);
        CompletableFuture<WritableImage> img = new CompletableFuture<>();
        Platform.runLater(() -> img.complete(scene.snapshot(null)));
        WritableImage image = img.get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }

    private void selectDetailTab(FxRobot robot, int index) {
        TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#cardKValue").tryQuery().isPresent());
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        save(stage.getScene(), "microdata-dashboard");
        String[] names = {"class-sizes", "risk-distribution", "population", "qi-contribution", "qi-pairs",
            "sensitive", "riskiest", "weights-suda"};
        for (int i = 1; i < names.length; i++) {
            selectDetailTab(robot, i);
            Thread.sleep(400);
            save(stage.getScene(), "microdata-" + names[i]);
        }
        TabPane lanes = window.controller().laneTabs();
        for (int i = 1; i < lanes.getTabs().size(); i++) {
            int idx = i;
            robot.interact(() -> lanes.getSelectionModel().select(idx));
            Thread.sleep(600);
            WaitForAsyncUtils.waitForFxEvents();
            save(stage.getScene(), "tab-" + lanes.getTabs().get(i).getId());
        }
        robot.interact(() -> lanes.getSelectionModel().select(0));
        // the import wizard on the customers sample
        Path customers = Path.of("sample-datasets", "microdata", "customers.csv");
        if (Files.exists(customers)) {
            Platform.runLater(() -> window.controller().open(customers));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#rolesTable").tryQuery().isPresent());
            TableView<?> roles = robot.lookup("#rolesTable").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !roles.getItems().isEmpty());
            Thread.sleep(500);
            Node pane = robot.lookup("#importDialog").query();
            save(pane.getScene(), "import-wizard");
            robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        }
    }
}
