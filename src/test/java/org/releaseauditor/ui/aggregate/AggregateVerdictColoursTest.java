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
import org.releaseauditor.core.aggregate.CellStatus;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.policy.VerdictService;

/**
 * Issue 13: the aggregates grid rows, legend chips and map areas take their colour from the verdict
 * of the chosen policy, not from the lane's cell status. Fixture (as AggregateCardVerdictTest, by
 * hand): lane threshold 5, audit on; B,y = 3 is unsafe, A,y and Total,y are withheld and exposed by
 * the audit; the smallest published count is 3.
 * <ul>
 *   <li>min-cell-10 (smallest count ≥ 10, unsafe = 0, exposed = 0, all FAIL): unsafe and exposed
 *       kinds FAIL; a published 3 breaks "≥ 10" (FAIL); 12 keeps it (neutral).</li>
 *   <li>acro-defaults (smallest count ≥ 10 FAIL, zero cells = 0 FAIL, recoverable = 0 WARN): it does
 *       not read unsafe or exposed cells, so those kinds are neutral; the unsafe cell is still red
 *       because its count 3 breaks ACRO's threshold; the recovered withheld cell is orange (WARN).</li>
 * </ul>
 */
class AggregateVerdictColoursTest {
    @TempDir
    Path dir;
    private AggregateDashboardViewModel.Computed computed;
    private AggregateDisplay.TableGrid grid;

    @BeforeEach
    void setUp() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
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
        computed = vm.computeRun(valid.request(), "area", List.of(), null, ProgressMonitor.none());
        grid = computed.view().grids().get(0);
    }

    private Verdict verdict(String policy) throws Exception {
        return new VerdictService().verdict(new org.releaseauditor.service.policy.PolicyService().load(policy),
                computed.result(), Locale.ENGLISH);
    }

    private org.releaseauditor.core.aggregate.AggregateReport report() {
        return computed.view().report();
    }

    private AggregateDisplay.CellRow row(String area, String age) {
        return grid.rows().stream().filter(r -> r.key().equals(List.of(area, age))).findFirst().orElseThrow();
    }

    @Test
    void cellsFollowThePolicyInForce() throws Exception {
        Verdict minCell = verdict("min-cell-10");
        assertEquals(CellStatus.UNSAFE, row("B", "y").status());
        assertEquals(VerdictStatus.FAIL, AggregateVerdictColours.cellStatus(minCell, row("B", "y")));
        assertEquals(VerdictStatus.FAIL, AggregateVerdictColours.categoryStatus(minCell, CellStatus.EXPOSED));
        // A,y is recomputed exactly (shown as recovered) and exposed by the audit: min-cell-10 fails exposure
        assertEquals(CellStatus.RECOVERED, row("A", "y").status());
        assertEquals(VerdictStatus.NOT_JUDGED, AggregateVerdictColours.cellStatus(minCell, row("A", "y")),
                "without the audit, a recovered cell is not judged by min-cell-10");
        assertEquals(VerdictStatus.FAIL, AggregateVerdictColours.cellStatus(minCell, row("A", "y"), report()),
                "exposed by the audit");
        assertEquals(VerdictStatus.NOT_JUDGED, AggregateVerdictColours.cellStatus(minCell, row("A", "o")), "12 >= 10");
        assertEquals(VerdictStatus.NOT_JUDGED, AggregateVerdictColours.categoryStatus(minCell, CellStatus.SAFE));
        String table = grid.rows().get(0).table();
        assertEquals(VerdictStatus.FAIL, AggregateVerdictColours.areaStatus(minCell, table, 3));
        assertEquals(VerdictStatus.NOT_JUDGED, AggregateVerdictColours.areaStatus(minCell, table, 12));
        assertEquals(VerdictStatus.FAIL, AggregateVerdictColours.flagStatus(minCell));
        // the legend chip of recovered cells agrees with the rows: some of them are exposed
        assertEquals(VerdictStatus.FAIL, AggregateVerdictColours.chipStatus(minCell, CellStatus.RECOVERED,
                computed.view()));
        assertEquals(VerdictStatus.NOT_JUDGED, AggregateVerdictColours.chipStatus(minCell, CellStatus.SAFE,
                computed.view()));

        Verdict acro = verdict("acro-defaults");
        assertEquals(VerdictStatus.NOT_JUDGED, AggregateVerdictColours.categoryStatus(acro, CellStatus.UNSAFE),
                "ACRO does not read the lane's unsafe cells");
        assertEquals(VerdictStatus.FAIL, AggregateVerdictColours.cellStatus(acro, row("B", "y")), "3 < 10");
        // ACRO does not read exposure, but warns on recoverable cells (recoverable = 0, WARN): A,y and Total,y
        // are recomputed by differencing, so the recovered cell is orange, not red, and has no count to judge
        assertEquals(VerdictStatus.WARN, acro.statusOf("aggregates.recoverableCells"));
        assertEquals(VerdictStatus.WARN, AggregateVerdictColours.cellStatus(acro, row("A", "y"), report()));
        assertEquals(VerdictStatus.WARN, AggregateVerdictColours.flagStatus(acro));

        // no verdict (a single release of a series, or no policy): nothing is coloured
        assertEquals(VerdictStatus.NOT_JUDGED, AggregateVerdictColours.cellStatus(null, row("B", "y")));
    }
}
