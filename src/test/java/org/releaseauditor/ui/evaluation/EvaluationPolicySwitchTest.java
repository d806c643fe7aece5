package org.releaseauditor.ui.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartTheme;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.charts.VerdictStyles;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13 on the evaluation dashboard: the chooser starts on evaluation-residual-risk; the
 * linkability card and the bar of the linkability attack are red (residual risk 10.8 % &gt; 5 %,
 * the sample's datasheet value); loading a policy that allows 50 % turns both green on the same
 * result (no new run), and an attack the new policy does not judge becomes neutral.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluationPolicySwitchTest {
    private AppContext ctx;
    private EvaluationDashboardController controller;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        ctx = new AppContext(new UiPreferences(Preferences.userRoot().node("/org/releaseauditor-test/evalpolicy")));
        controller = EvaluationDashboardTest.show(ctx, stage);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private SummaryCard.Status card(String id) {
        return controller.viewModel().cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()
                .status();
    }

    /** The attack bar (row "Attack on the original") of the attack at {@code column}. */
    private JFreeChart chart() {
        return ((org.releaseauditor.ui.charts.ChartPane) controller.policyChooser().getScene()
                .lookup("#evaluationChart")).chart();
    }

    @Test
    void anotherPolicyRecoloursTheCardsAndTheAttackBars(FxRobot robot) throws Exception {
        var result = EvaluationDashboardTest.runSample(robot, controller);
        EvaluationDashboardViewModel vm = controller.viewModel();
        assertEquals("evaluation-residual-risk", controller.policyChooser().comboBox().getValue().policy().id());
        assertEquals(SummaryCard.Status.FAIL, card("evalCard-linkability"), "10.8 % > 5 %");
        int linkability = 2; // univariate, multivariate, linkability, inference
        int attackRow = chart().getCategoryPlot().getDataset().getRowIndex(Messages.get("uieval.chart.attack"));
        assertEquals(VerdictStyles.chartPaint(VerdictStatus.FAIL),
                chart().getCategoryPlot().getRenderer().getItemPaint(attackRow, linkability));
        int runs = vm.runsStarted();

        Path lenient = Path.of("src/test/resources/policies/lenient-evaluation.json");
        WaitForAsyncUtils.asyncFx(() -> assertTrue(controller.policyChooser().load(lenient))).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lenient-evaluation", vm.verdictProperty().get().policy().id());
        assertSame(result, vm.resultProperty().get(), "the same result, judged again");
        assertEquals(runs, vm.runsStarted(), "no new run");
        assertEquals(SummaryCard.Status.PASS, card("evalCard-linkability"), "10.8 % <= 50 %");
        assertEquals(SummaryCard.Status.NEUTRAL, card("evalCard-inference"), "not judged by the lenient policy");
        assertEquals(VerdictStyles.chartPaint(VerdictStatus.PASS),
                chart().getCategoryPlot().getRenderer().getItemPaint(attackRow, linkability));
        // a bar the policy does not judge keeps the decorative series colour
        assertEquals(ChartTheme.SECONDARY, chart().getCategoryPlot().getRenderer().getItemPaint(attackRow, 3));
        assertEquals(org.releaseauditor.ui.charts.PolicyChooser.resultLine(vm.verdictProperty().get()),
                controller.policyChooser().resultLabel().getText());
        assertTrue(controller.policyChooser().resultLabel().getText().startsWith("PASS under lenient-evaluation 1.0"));
    }
}
