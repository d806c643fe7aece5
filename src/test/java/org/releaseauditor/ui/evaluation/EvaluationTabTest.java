package org.releaseauditor.ui.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Evaluation tab of the main window opens the bundled sample on its first visit and runs it. */
@ExtendWith(ApplicationExtension.class)
class EvaluationTabTest {
    private AppContext ctx;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/evaluationtab");
        node.clear();
        ctx = new AppContext(new UiPreferences(node));
        window = new MainWindow(ctx, stage);
        window.show(false);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstVisitRunsTheBundledSample(FxRobot robot) throws Exception {
        assertEquals("Evaluation", window.controller().evaluationTab().getText());
        robot.interact(() -> window.controller().laneTabs().getSelectionModel()
                .select(window.controller().evaluationTab()));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#attackTable").tryQuery().isPresent()
                && !robot.lookup("#attackTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<EvaluationDashboardViewModel.AttackRow> table = robot.lookup("#attackTable").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
        assertEquals("10.8\u00a0% (8.0\u201313.5)", table.getItems().get(2).residualRisk());
        assertNotNull(robot.lookup("#evalCard-inference").tryQuery().orElse(null));
    }
}
