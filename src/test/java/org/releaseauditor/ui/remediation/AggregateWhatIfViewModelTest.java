package org.releaseauditor.ui.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.remediation.AggregateRemediationService;
import org.releaseauditor.service.remediation.AggregateWhatIf;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The aggregates What-if panel's view model with the real services and LP solver on a 2 × 2 table
 * with margins (the toolkit runs headless, only for the background tasks' callbacks).
 */
@ExtendWith(ApplicationExtension.class)
class AggregateWhatIfViewModelTest {

    /**
     * A-F = 3 is below the threshold 10 (the one unsafe cell). Withholding it alone pins it from
     * its row margin (23 - 20), so secondary suppression has to withhold more: with every margin
     * published, at least the whole 2 × 2 interior (a single withheld cell of a row or column is
     * its margin minus the others). The published counts are then at least the margins' 18.
     */
    static final String TABLE = """
            area,gender,count
            A,F,3
            A,M,20
            A,Total,23
            B,F,15
            B,M,25
            B,Total,40
            Total,F,18
            Total,M,45
            Total,Total,63
            """;

    @TempDir
    Path dir;
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/whatif-aggregates");
        ctx = new AppContext(new UiPreferences(node));
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private LaneResult<AggregatesRequest, AggregatesOutput> audited(boolean audit) throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, TABLE, StandardCharsets.UTF_8);
        AggregatesRequest.Builder a = AggregatesRequest.builder().threshold(10.0).operator("lt").audit(audit);
        a.table("t=" + table + ",dims=area|gender", "--table");
        LaneCall<AggregatesRequest> call = a.buildCall();
        LaneInputs.Builder in = LaneInputs.builder();
        call.inputs().forEach((role, file) -> in.put(role, Path.of(file)));
        return ctx.aggregatesLane().analyze(call.request(), in.build(), ProgressMonitor.none());
    }

    private AggregateWhatIfViewModel create(FxRobot robot, LaneResult<AggregatesRequest, AggregatesOutput> r) {
        AggregateWhatIfViewModel[] vm = new AggregateWhatIfViewModel[1];
        robot.interact(() -> {
            vm[0] = new AggregateWhatIfViewModel(new AggregateRemediationService(ctx.aggregatesLane(),
                    ctx.datasetService()), ctx.tasks(), Debouncer.immediate());
            vm[0].sourceProperty().set(r);
            vm[0].activeProperty().set(true);
        });
        return vm[0];
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static CompareCard card(AggregateWhatIfViewModel vm, String id) {
        return vm.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutTheLpAuditThePanelSaysSo(FxRobot robot) throws Exception {
        AggregateWhatIfViewModel vm = create(robot, audited(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.sessionProperty().get());
        assertEquals(Messages.get("whatif.agg.needsAudit"), vm.statusProperty().get());
        assertEquals("min-cell-10", vm.policyProperty().get().ref(), "the aggregates policy by default");
        assertEquals("total", vm.objectiveProperty().get(), "the request's default objective");
    }

    @Test
    void theRulesSuppressionIsReauditedAndTheLatestChoiceWins(FxRobot robot) throws Exception {
        AggregateWhatIfViewModel vm = create(robot, audited(true));
        waitFor(() -> vm.previewProperty().get() != null && !vm.busyProperty().get());
        // as submitted: A-F = 3 is published and unsafe
        assertEquals("FAIL", card(vm, "whatIfPolicy").before());
        assertEquals("1", card(vm, "whatIfUnsafe").before());
        assertEquals(SummaryCard.Status.FAIL, card(vm, "whatIfUnsafe").beforeStatus());
        assertEquals("0", card(vm, "whatIfWithheld").before());
        assertEquals("3", card(vm, "whatIfMinCount").before(), "the smallest count of the one table");
        assertEquals(SummaryCard.Status.FAIL, card(vm, "whatIfMinCount").beforeStatus(),
                "aggregates.minCount.* >= 10 reads the table's minimum");
        // the sliders start at the analysis' protection (exact disclosure only)
        assertEquals(0, vm.absoluteProperty().get(), 0);
        assertEquals(0, vm.percentProperty().get(), 0);
        AggregateWhatIf.Preview first = vm.previewProperty().get();
        assertTrue(first.result().safe());
        assertEquals(1, first.result().primary().size());
        assertTrue(first.result().primary().size() + first.result().secondary().size() >= 4);
        assertEquals("PASS", card(vm, "whatIfPolicy").after());
        assertEquals("0", card(vm, "whatIfUnsafe").after());
        assertEquals("0", card(vm, "whatIfExposed").after());
        assertEquals(SummaryCard.Status.PASS, card(vm, "whatIfExposed").afterStatus());
        assertTrue(Integer.parseInt(card(vm, "whatIfWithheld").after()) >= 4);
        assertTrue(Double.parseDouble(card(vm, "whatIfMinCount").after()) >= 10);
        assertTrue(vm.changeProperty().get().startsWith("1 cells withheld by the rules"), vm.changeProperty().get());
        // two changes in a row: only the last one's re-audit is shown (its request carries the protection)
        robot.interact(() -> {
            vm.absoluteProperty().set(1);
            vm.absoluteProperty().set(2);
        });
        waitFor(() -> !vm.busyProperty().get() && vm.previewProperty().get() != first);
        AggregateWhatIf.Preview second = vm.previewProperty().get();
        if (second.after() != null) {
            assertEquals(2, second.after().result().request().protection().absolute(), 0);
        } else {
            assertEquals(Messages.get("whatif.status.unsafe.agg"), vm.statusProperty().get());
        }
        // find least change: back to the analysis' protection, with progress and no copy over the input
        robot.interact(vm::findLeastChange);
        waitFor(() -> !vm.searchingProperty().get() && !vm.busyProperty().get());
        assertEquals(0, vm.absoluteProperty().get(), 0);
        assertNotSame(second, vm.previewProperty().get());
        assertEquals("PASS", card(vm, "whatIfPolicy").after());
        // save: the copy's hash is the one shown, its withheld counts are the token
        Path copy = dir.resolve("t_remediated.csv");
        assertEquals("t_remediated.csv", vm.firstCopyName());
        robot.interact(() -> vm.save(copy));
        waitFor(() -> vm.savedProperty().get() != null);
        assertTrue(vm.savedProperty().get().passed());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy))),
                vm.savedSha());
        List<String> lines = Files.readAllLines(copy);
        assertEquals("A,F,x", lines.get(1));
        assertEquals("Total,Total,63", lines.get(9));
    }

    @Test
    void otherTablesAreWrittenNextToTheChosenFile() {
        assertEquals("od_daily_remediated.csv", AggregateWhatIfViewModel.defaultName("od_daily.csv"));
        assertEquals("table_remediated.csv", AggregateWhatIfViewModel.defaultName("table"));
    }

    @Test
    void wildcardMetricsReadTheSmallestValue() {
        Map<String, Double> m = Map.of("aggregates.minCount.a", 12.0, "aggregates.minCount.b", 4.0,
                "aggregates.minCountX", 1.0, "k", 3.0);
        assertEquals(4.0, Comparisons.value(m, "aggregates.minCount.*"));
        assertEquals(3.0, Comparisons.value(m, "k"));
        assertNull(Comparisons.value(m, "sampleUniqueness.*"));
    }
}
