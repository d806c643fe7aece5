package org.releaseauditor.ui.aggregate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.aggregate.CellStatus;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.aggregates.AggregatesRequest;

/** The dashboard's display data, computed without the JavaFX toolkit. */
class AggregateDashboardViewModelTest {
    private static final double X = Double.NaN;
    @TempDir
    Path dir;
    private Locale before;

    @BeforeEach
    void english() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(before);
    }

    /**
     * area × age with margins, threshold "count &lt; 5". A|y is withheld but A|Total − A|o = 20 − 12
     * = 8; Total|y is withheld but Total|Total − Total|o = 38 − 27 = 11; B|y = 3 is published
     * although 3 &lt; 5.
     */
    private AggregateDisplay.View smallRelease() throws Exception {
        Path f = dir.resolve("small.csv");
        Files.writeString(f, String.join("\n", "area,age,count", "A,y,", "A,o,12", "A,Total,20", "B,y,3", "B,o,15",
                "B,Total,18", "Total,y,", "Total,o,27", "Total,Total,38") + "\n", StandardCharsets.UTF_8);
        AggregateDashboardViewModel vm = new AggregateDashboardViewModel(new AggregatesLane(),
                new DatasetService(), null);
        AggregateSettingsViewModel s = vm.settings();
        s.addTable(f, List.of("area", "age", "count"));
        s.thresholdProperty().set("5");
        s.auditProperty().set(true);
        AggregateSettingsViewModel.Validated v = s.validate();
        assertTrue(v.ok(), v.errors().toString());
        return vm.compute(v.request(), "area", List.of(), null, ProgressMonitor.none());
    }

    private static CellStatus status(AggregateDisplay.View v, String area, String age) {
        return v.grids().get(0).rows().stream().filter(r -> r.key().equals(List.of(area, age))).findFirst()
                .orElseThrow().status();
    }

    @Test
    void everyStatusHasItsOwnName() {
        // colours come from the verdict of the policy in force (AggregateVerdictColoursTest), not from the status
        Set<String> names = new HashSet<>();
        for (CellStatus s : CellStatus.values()) {
            names.add(AggregateDisplay.label(s));
        }
        assertEquals(CellStatus.values().length, names.size());
        assertEquals("Exposed by audit", AggregateDisplay.label(CellStatus.EXPOSED));
    }

    @Test
    void cellsAreColouredByWhatTheChecksFound() throws Exception {
        AggregateDisplay.View v = smallRelease();
        assertEquals(CellStatus.UNSAFE, status(v, "B", "y"));
        assertEquals(CellStatus.RECOVERED, status(v, "A", "y"));
        assertEquals(CellStatus.RECOVERED, status(v, "Total", "y"));
        assertEquals(CellStatus.SAFE, status(v, "A", "o"));
        assertEquals(9, v.grids().get(0).rows().size());
        assertEquals(6, v.grids().get(0).count(CellStatus.SAFE));
        AggregateDisplay.CellRow by = v.grids().get(0).rows().stream()
                .filter(r -> r.key().equals(List.of("B", "y"))).findFirst().orElseThrow();
        String why = AggregateDisplay.explain(by, v.report());
        assertTrue(why.contains("threshold"), why);
        AggregateDisplay.CellRow ay = v.grids().get(0).rows().stream()
                .filter(r -> r.key().equals(List.of("A", "y"))).findFirst().orElseThrow();
        String derivation = AggregateDisplay.explain(ay, v.report());
        assertTrue(derivation.contains("= 8"), derivation);
        // the audit speaks with its own sentence (AuditedCell.explain), which never contradicts its verdict
        assertTrue(derivation.contains("Audit: Exactly recomputable: the published numbers force the value 8."),
                derivation);
    }

    @Test
    void cardsCountUnsafeExposedAndRecoverableCells() throws Exception {
        AggregateDisplay.View v = smallRelease();
        Map<String, String> values = new LinkedHashMap<>();
        for (AggCard c : AggregateDashboardViewModel.cards(v.report(), null)) {
            values.put(c.id(), c.value());
        }
        assertEquals("1", values.get("cardAggUnsafe"));
        assertEquals("2", values.get("cardAggExposed"));
        assertEquals("2", values.get("cardAggRecoverable"));
        assertEquals("3", values.get("cardAggMin"));
        assertEquals("\u2013", values.get("cardAggGroups"));
        AggregateDisplay.RuleFinding threshold = v.findings().get(0);
        assertEquals("Threshold", threshold.rule());
        assertEquals(1, threshold.cells());
        assertTrue(v.findings().stream().anyMatch(f -> f.rule().equals("Audit: exposed") && f.cells() == 2));
    }

    @Test
    void areaMapHoldsTheSmallestPublishedCountPerArea() throws Exception {
        AggregateDisplay.AreaMap map = smallRelease().map();
        assertEquals(2, map.points().size());
        assertEquals(new AggregateDisplay.AreaPoint("A", 0, 0, 12, 1), map.points().get(0));
        assertEquals(new AggregateDisplay.AreaPoint("B", 1, 0, 3, 1), map.points().get(1));
        assertEquals(3, map.min());
        assertEquals(12, map.max());
    }

    @Test
    void areaMapPlacesAreasByCoordinatesOrGridNames() {
        Map<String, Double> min = new LinkedHashMap<>();
        min.put("N", 10.0);
        min.put("S", X);
        min.put("E", 4.0);
        Map<String, double[]> ll = Map.of("N", new double[] {52.1, 10.0}, "S", new double[] {52.0, 10.0}, "E",
                new double[] {52.0, 10.1});
        AggregateDisplay.AreaMap m = AggregateDisplay.areaMap("t", min, ll, Map.of("E", 2));
        assertEquals(2, m.columns());
        assertEquals(2, m.rows());
        assertEquals(List.of(new AggregateDisplay.AreaPoint("N", 0, 0, 10, 0),
                new AggregateDisplay.AreaPoint("S", 0, 1, X, 0), new AggregateDisplay.AreaPoint("E", 1, 1, 4, 2)), m.points());
        Map<String, Double> named = new LinkedHashMap<>();
        named.put("x0y0", 5.0);
        named.put("x2y1", 7.0);
        AggregateDisplay.AreaMap g = AggregateDisplay.areaMap("t", named, Map.of(), Map.of());
        assertEquals(new AggregateDisplay.AreaPoint("x2y1", 1, 1, 7, 0), g.points().get(1));
    }

    @Test
    void timeGridTakesAreaTotalsAndFlagsCellsBelow() {
        CountTable t = CountTable.of("f", List.of("hour", "area", "age"), new String[][] {
            {"0", "A", "Total"}, {"0", "B", "Total"}, {"0", "A", "y"}, {"0", "A", "o"},
            {"1", "A", "Total"}, {"1", "B", "Total"}}, new double[] {20, X, 3, 17, 30, 12});
        CellStatus[] s = {CellStatus.SAFE, CellStatus.SUPPRESSED, CellStatus.UNSAFE, CellStatus.SAFE,
            CellStatus.SAFE, CellStatus.EXPOSED};
        AggregateDisplay.TimeGrid g = AggregateDisplay.timeGrid(t, s, "area", List.of());
        assertEquals(List.of("0", "1"), g.times());
        assertEquals(List.of("A", "B"), g.areas());
        assertEquals(20, g.counts()[0][0]);
        assertTrue(Double.isNaN(g.counts()[0][1]));
        assertEquals(30, g.counts()[1][0]);
        assertEquals(12, g.counts()[1][1]);
        assertEquals(1, g.flagged()[0][0]);
        assertEquals(0, g.flagged()[0][1]);
        assertEquals(1, g.flagged()[1][1]);
        assertEquals(30, g.max());
    }

    @Test
    void settingsBecomeTheRequestTheCliWouldBuild() {
        AggregateSettingsViewModel s = new AggregateSettingsViewModel();
        TableEntry e = s.addTable(Path.of("footfall.csv"), List.of("date", "hour", "area", "age_band", "count"));
        e.scaleProperty().set("3.7");
        s.thresholdProperty().set("10");
        s.operatorProperty().set(org.releaseauditor.core.aggregate.ThresholdRule.Operator.LE);
        s.zeroUnsafeProperty().set(true);
        s.protectionProperty().set("20%");
        s.series().add(Path.of("week2.csv"));
        AggregateSettingsViewModel.Validated v = s.validate();
        assertTrue(v.ok(), v.errors().toString());
        AggregatesRequest r = v.request().request();
        assertEquals("footfall", r.tables().get(0).name());
        assertEquals("count", r.tables().get(0).count());
        assertEquals(List.of("date", "hour", "area", "age_band"), r.tables().get(0).dimensions());
        assertEquals(3.7, r.tables().get(0).scale());
        assertTrue(r.marginTokens().contains("ALL"));
        assertEquals(new org.releaseauditor.core.aggregate.ThresholdRule(10,
                org.releaseauditor.core.aggregate.ThresholdRule.Operator.LE, true), r.thresholdRule());
        assertTrue(r.audit());
        assertEquals(20, r.protection().percent());
        assertEquals(0, r.protection().absolute());
        assertEquals(Map.of("table:footfall", "footfall.csv", "series:footfall:1", "week2.csv"), v.request().inputs());
        assertEquals(null, r.dominanceN());
        assertEquals(null, r.pPercent());
        // the same settings on the command line give the same request, byte for byte
        org.releaseauditor.cli.AggregatesOptions cli = new org.releaseauditor.cli.AggregatesOptions();
        new picocli.CommandLine(cli).parseArgs("--table", "footfall=footfall.csv,dims=date|hour|area|age_band,scale=3.7",
                "--threshold", "10", "--operator", "le", "--zero-unsafe", "--audit", "--protection", "20%",
                "--series", "week2.csv");
        var fromCli = assertDoesNotThrow(() -> cli.build(null));
        assertEquals(fromCli.request(), r);
        assertEquals(fromCli.request().toJson(), r.toJson());
        assertEquals(fromCli.inputs(), v.request().inputs());
        assertEquals("area", s.areaDimensionProperty().get());
        assertEquals(List.of("date", "hour"), s.timeDimensionList());
    }

    @Test
    void validationSaysWhatToFix() {
        AggregateSettingsViewModel s = new AggregateSettingsViewModel();
        assertEquals(List.of("Add at least one count table (Add table\u2026)."), s.validate().errors());
        TableEntry e = s.addTable(Path.of("t.csv"), List.of("area", "n"));
        assertEquals("n", e.countColumnProperty().get());
        s.thresholdProperty().set("ten");
        s.dominanceProperty().set(true);
        e.dimensions().clear();
        List<String> errors = s.validate().errors();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("tick at least one dimension"), errors.get(0));
        assertTrue(errors.get(1).contains("\"ten\" is not a number"), errors.get(1));
        assertTrue(errors.get(2).contains("needs a magnitude column"), errors.get(2));
        assertEquals(null, s.validate().request());
        e.dimensions().add("area");
        s.thresholdProperty().set("5");
        s.dominanceProperty().set(false);
        assertTrue(s.validate().ok());
        s.addTable(Path.of("t.csv"), List.of("area", "n"));
        assertEquals("t_2", s.tables().get(1).nameProperty().get());
    }
}
