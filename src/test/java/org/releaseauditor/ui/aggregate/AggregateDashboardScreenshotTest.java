package org.releaseauditor.ui.aggregate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.ui.AppContext;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Screenshots of every dashboard tab at 1600×1000 (run with -Dscreenshots=DIR). */
@Tag("screenshot")
@EnabledIfSystemProperty(named = "screenshots", matches = ".+",
        disabledReason = "writes documentation screenshots: runs only with -Dscreenshots=DIR")
@ExtendWith(ApplicationExtension.class)
class AggregateDashboardScreenshotTest {
    private AppContext ctx;
    private AggregateDashboardController controller;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        AggregateDashboardFxTest.Shown s = AggregateDashboardFxTest.show(stage,
                Locale.forLanguageTag(System.getProperty("screenshots.lang", "en")),
                "/org/releaseauditor-test/aggregates-shots");
        ctx = s.ctx();
        controller = s.controller();
        scene = s.scene();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void snapshotsEveryTab(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("screenshots"));
        Files.createDirectories(dir);
        AggregateDashboardFxTest.runSample(robot, controller);
        TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
        List<String> names = List.of("cells", "map", "time", "findings");
        for (int i = 0; i < names.size(); i++) {
            int idx = i;
            robot.interact(() -> tabs.getSelectionModel().select(idx));
            if (idx == 0) {
                robot.interact(() -> {
                    var grid = (javafx.scene.control.TableView<?>) robot.lookup("#grid-footfall_hourly_withheld")
                            .query();
                    grid.getSelectionModel().select(0);
                });
            }
            WaitForAsyncUtils.waitForFxEvents();
            Path file = dir.resolve("aggregates-" + names.get(i) + ".png");
            robot.interact(() -> {
                try {
                    NodePng.write(scene.getRoot(), file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
