package org.releaseauditor.ui.trajectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the trajectory dashboard at 1600×1000 after the sample ran, one per tab. Runs
 * only with {@code -Dscreenshots=DIR} ({@code -Dscreenshots.lang=de} for German).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "screenshots", matches = ".+",
        disabledReason = "writes documentation screenshots: runs only with -Dscreenshots=DIR")
class TrajectoryDashboardScreenshots {
    private AppContext ctx;
    private TrajectoryDashboardController controller;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Messages.setLocale(Locale.forLanguageTag(System.getProperty("screenshots.lang", "en")));
        ctx = new AppContext(new UiPreferences(Preferences.userRoot().node("/org/releaseauditor-test/trajshots")));
        controller = TrajectoryDashboardTest.show(ctx, stage);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private void save(String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshots"));
        Files.createDirectories(dir);
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> img = new CompletableFuture<>();
        Platform.runLater(() -> img.complete(stage.getScene().snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(img.get(30, TimeUnit.SECONDS), null), "png",
                dir.resolve(name + ".png").toFile());
    }

    private void tab(FxRobot robot, int i) {
        TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(i));
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        TrajectoryDashboardTest.runSample(robot, controller);
        String[] names = {"unicity", "sweep", "attacks", "sets", "map"};
        for (int i = 0; i < names.length; i++) {
            tab(robot, i);
            save("trajectories-" + names[i]);
        }
        TrajectorySettingsViewModel s = controller.viewModel().settings();
        robot.interact(() -> {
            s.locationModeProperty().set(TrajectorySettingsViewModel.LocationMode.COORDINATES);
            s.spatialKindProperty().set(TrajectorySettingsViewModel.SpatialKind.GRID);
            s.gridMetresProperty().set(500);
            s.sweepSpatialProperty().set("250m, 500m, 1km, 2km");
            s.sweepTemporalProperty().set("15m, 1h, 4h, 1d");
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            TrajectoryReport r = controller.viewModel().reportProperty().get();
            return r != null && !r.areaMap().isEmpty() && !ctx.tasks().runningProperty().get();
        });
        tab(robot, 4);
        save("trajectories-map-grid");
        tab(robot, 1);
        save("trajectories-sweep-grid");
        tab(robot, 0);
        save("trajectories-unicity-grid");
    }
}
