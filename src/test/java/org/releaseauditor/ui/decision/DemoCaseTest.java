package org.releaseauditor.ui.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Open demo case" builds the case in the background and opens it in the case model. */
@ExtendWith(ApplicationExtension.class)
class DemoCaseTest {
    private AppContext ctx;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/democase");
        node.clear();
        ctx = new AppContext(new UiPreferences(node));
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void openDemoCaseBuildsAndOpensTheCaseWithTheRejectionInForce() throws Exception {
        Path file = dir.resolve("demo").resolve("demo.rcase");
        Platform.runLater(() -> DemoCase.open(ctx, file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.caseModel().openCaseProperty().get() != null);
        CaseService cs = ctx.caseModel().openCaseProperty().get();
        assertEquals(file.toAbsolutePath().normalize(), cs.file().toAbsolutePath().normalize());
        assertEquals(DecisionOutcome.REJECT, cs.currentDecision().orElseThrow().outcome());
        assertEquals(3, cs.decisions().size());
        assertTrue(Files.isRegularFile(dir.resolve("demo").resolve("demo.html")));
    }

    @Test
    void theDecisionFormOffersTheUsersNameNotTheDemoCasesAuditor() throws Exception {
        ctx.preferences().setAuditorName("Rita Reviewer");
        Path file = dir.resolve("demo2").resolve("demo.rcase");
        Platform.runLater(() -> DemoCase.open(ctx, file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.caseModel().snapshotProperty().get() != null);
        var auditor = (javafx.scene.control.TextField) panel().lookup("#auditorField");
        assertEquals("Rita Reviewer", auditor.getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePolicyBoxShowsThePolicyOfTheFindingsListed() throws Exception {
        Path file = dir.resolve("demo3").resolve("demo.rcase");
        Platform.runLater(() -> DemoCase.open(ctx, file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.caseModel().snapshotProperty().get() != null);
        javafx.scene.Parent root = panel();
        var runs = (javafx.scene.control.TableView<org.releaseauditor.core.casefile.RunEntry>) root
                .lookup("#runsTable");
        var policy = (javafx.scene.control.ComboBox<org.releaseauditor.core.policy.PolicyProfile>) root
                .lookup("#policyBox");
        // run 3 is the footfall slice, evaluated against min-cell-10 (the box starts on arx-defaults)
        WaitForAsyncUtils.asyncFx(() -> runs.getSelectionModel().select(2)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> policy.getValue() != null
                && "min-cell-10".equals(policy.getValue().id()));
        assertEquals("min-cell-10", policy.getValue().id());
    }

    /**
     * A Decision panel built while a run's findings are already listed (the Decision tab opened
     * after the case loaded) shows their policy too, also when that policy is no built-in: the
     * demo's trajectory run is judged by unicity-4, recorded only in the case.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPanelBuiltLaterShowsTheRecordedPolicyOfTheListedFindings() throws Exception {
        Path file = dir.resolve("demo4").resolve("demo.rcase");
        Platform.runLater(() -> DemoCase.open(ctx, file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.caseModel().snapshotProperty().get() != null);
        CaseService cs = ctx.caseModel().openCaseProperty().get();
        long trajectoryRun = cs.runs().stream().filter(r -> r.lane().equals("trajectories")).findFirst()
                .orElseThrow().id();
        javafx.scene.Parent first = panel();
        var runs = (javafx.scene.control.TableView<org.releaseauditor.core.casefile.RunEntry>) first
                .lookup("#runsTable");
        WaitForAsyncUtils.asyncFx(() -> runs.getItems().stream().filter(r -> r.id() == trajectoryRun).findFirst()
                .ifPresent(r -> runs.getSelectionModel().select(r))).get(10, TimeUnit.SECONDS);
        // the selected run's findings and their recorded policy have arrived
        var model = ctx.caseModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.findings().isEmpty()
                && model.findings().get(0).runId() == trajectoryRun && model.findingsPolicyProperty().get() != null
                && "unicity-4".equals(model.findingsPolicyProperty().get().id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("unicity-4", policyShown(first).id());

        javafx.scene.Parent second = panel();
        org.releaseauditor.core.policy.PolicyProfile shown = policyShown(second);
        assertEquals(model.findings().get(0).policyId(), shown.id());
        assertEquals("unicity-4", shown.id());
        // its description is the recorded copy's, not a built-in's
        var description = (javafx.scene.control.Label) second.lookup("#policyDescription");
        assertTrue(description.getText().contains("Unique in the Crowd"), description.getText());
    }

    private javafx.scene.Parent panel() throws Exception {
        javafx.scene.Parent[] root = new javafx.scene.Parent[1];
        WaitForAsyncUtils.asyncFx(() -> {
            root[0] = (javafx.scene.Parent) ctx.views().load("/fxml/decision/DecisionPanel.fxml").root();
            new javafx.scene.Scene(root[0], 1280, 800);
            root[0].applyCss();
            root[0].layout();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return root[0];
    }

    @SuppressWarnings("unchecked")
    private static org.releaseauditor.core.policy.PolicyProfile policyShown(javafx.scene.Parent root) {
        return ((javafx.scene.control.ComboBox<org.releaseauditor.core.policy.PolicyProfile>) root
                .lookup("#policyBox")).getValue();
    }
}
