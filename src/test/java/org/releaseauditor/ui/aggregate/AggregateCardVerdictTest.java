package org.releaseauditor.ui.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.charts.SummaryCard.Status;

/**
 * Issue 13: the aggregates cards take their state from the verdict of min-cell-10 (every table's
 * smallest count >= 10, no unsafe cell, no exposed withheld cell), never from a GUI threshold;
 * "Unsafe cells 0" is not green while the audit exposes withheld cells.
 */
class AggregateCardVerdictTest {
    @TempDir
    Path dir;
    private PolicyProfile policy;

    @BeforeEach
    void setUp() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        policy = new VerdictService().defaultPolicy("aggregates").orElseThrow();
    }

    private static AggCard card(List<AggCard> cards, String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theCardsOfARunAreTheVerdictsStates() throws Exception {
        // as AggregateDashboardViewModelTest.smallRelease: threshold 5, audit on; B,y = 3 is unsafe, A,y and
        // Total,y (withheld) are recomputed exactly by the audit: 1 unsafe, 2 exposed, smallest count 3 (by hand)
        Path f = dir.resolve("small.csv");
        Files.writeString(f, String.join("\n", "area,age,count", "A,y,", "A,o,12", "A,Total,20", "B,y,3", "B,o,15",
                "B,Total,18", "Total,y,", "Total,o,27", "Total,Total,38") + "\n", StandardCharsets.UTF_8);
        AggregateDashboardViewModel vm = new AggregateDashboardViewModel(new AggregatesLane(), new DatasetService(),
                null);
        AggregateSettingsViewModel s = vm.settings();
        s.addTable(f, List.of("area", "age", "count"));
        s.thresholdProperty().set("5");
        s.auditProperty().set(true);
        AggregateSettingsViewModel.Validated valid = s.validate();
        assertTrue(valid.ok(), valid.errors().toString());
        AggregateDashboardViewModel.Computed c = vm.computeRun(valid.request(), "area", List.of(), null,
                ProgressMonitor.none());
        Verdict v = new VerdictService().verdict(policy, c.result(), Locale.ENGLISH);
        List<AggCard> cards = AggregateDashboardViewModel.cards(c.view().report(), v);
        assertEquals(Status.FAIL, card(cards, "cardAggUnsafe").status());
        assertEquals(Status.FAIL, card(cards, "cardAggExposed").status());
        assertEquals(SummaryCard.of(v.statusOf("aggregates.exposedCells")), card(cards, "cardAggExposed").status());
        assertEquals(Status.FAIL, card(cards, "cardAggMin").status(), "3 < 10");
        assertEquals(SummaryCard.of(v.worstUnder("aggregates.minCount")), card(cards, "cardAggMin").status());
        assertEquals(Status.NEUTRAL, card(cards, "cardAggRecoverable").status(), "not judged by min-cell-10");
        assertEquals(Status.NEUTRAL, card(cards, "cardAggCells").status());
    }

    @Test
    void unsafeCellsZeroIsNotGreenWhileWithheldCellsAreExposed() throws Exception {
        AggregateDashboardViewModel vm = new AggregateDashboardViewModel(new AggregatesLane(), new DatasetService(),
                null);
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "area,count\nA,12\nB,15\n", StandardCharsets.UTF_8);
        AggregateSettingsViewModel s = vm.settings();
        s.addTable(f, List.of("area", "count"));
        AggregateSettingsViewModel.Validated valid = s.validate();
        assertTrue(valid.ok(), valid.errors().toString());
        var report = vm.computeRun(valid.request(), "area", List.of(), null, ProgressMonitor.none()).view().report();
        // hand-made results: no unsafe cell, smallest count 12, and 2,602 or 0 withheld cells exposed
        Verdict exposed = new VerdictService().verdict(policy, "{\"lane\":\"aggregates\",\"schemaVersion\":1,"
                + "\"aggregates\":{\"unsafeCells\":0,\"exposedCells\":2602,\"minCount\":{\"t\":12}}}", Locale.ENGLISH);
        Verdict clean = new VerdictService().verdict(policy, "{\"lane\":\"aggregates\",\"schemaVersion\":1,"
                + "\"aggregates\":{\"unsafeCells\":0,\"exposedCells\":0,\"minCount\":{\"t\":12}}}", Locale.ENGLISH);
        assertEquals(Status.FAIL, card(AggregateDashboardViewModel.cards(report, exposed), "cardAggUnsafe").status());
        assertEquals(Status.PASS, card(AggregateDashboardViewModel.cards(report, clean), "cardAggUnsafe").status());
        assertEquals(Status.PASS, card(AggregateDashboardViewModel.cards(report, clean), "cardAggMin").status());
    }
}
