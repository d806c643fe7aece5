package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

class DifferencingTest {
    private static final ThresholdRule TEN = new ThresholdRule(10, ThresholdRule.Operator.LT, false);

    static List<RecoveredCell> diff(ReleaseSet set, double width) throws Exception {
        return Differencing.within(ReleaseModel.build(set, ProgressMonitor.none()), width, TEN, ProgressMonitor.none());
    }

    @Test
    void marginMinusPublishedCellsRecoversASingleSuppression() throws Exception {
        CountTable t = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "old", 9), row("a1", "Total", 11));
        List<RecoveredCell> r = diff(ReleaseSet.of(t), 0);
        assertEquals(1, r.size());
        assertEquals(2, r.get(0).low());
        assertTrue(r.get(0).exact());
        assertEquals("margin", r.get(0).kind());
        assertTrue(r.get(0).derivation().contains("A[a1|Total] (11) - A[a1|old] (9)"), r.get(0).derivation());
    }

    @Test
    void twoOverlappingTablesRecoverWhatEachTableHides() throws Exception {
        // A hides a1's young cell and a1's margin (two unknowns in the row);
        // B, over area × gender, publishes a1's total, which closes the gap
        CountTable a = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "old", 9), row("a1", "Total", X),
                row("a2", "young", X), row("a2", "old", X), row("a2", "Total", 40));
        CountTable b = table("B", List.of("area", "gender"),
                row("a1", "f", 6), row("a1", "m", 6), row("a1", "Total", 12));
        assertTrue(diff(ReleaseSet.of(a), 0).isEmpty());
        List<RecoveredCell> r = diff(ReleaseSet.of(a, b), 0);
        RecoveredCell total = r.stream().filter(c -> c.cell().equals(List.of("a1", "Total"))).findFirst().orElseThrow();
        assertEquals("published-elsewhere", total.kind());
        assertEquals(12, total.low());
        RecoveredCell young = r.stream().filter(c -> c.cell().equals(List.of("a1", "young"))).findFirst().orElseThrow();
        assertEquals(3, young.low());
        assertEquals("overlap", young.kind());
        assertEquals(2, r.size());
    }

    @Test
    void consecutiveCumulativeReleasesGiveAwaySmallIncrements() throws Exception {
        CountTable w1 = table("F", List.of("area"), row("a1", 40), row("a2", 50));
        CountTable w2 = table("F", List.of("area"), row("a1", 43), row("a2", 70));
        List<RecoveredCell> r = Differencing.seriesIncrements(List.of(new ReleaseSet("w1", List.of(w1), Map.of()),
                new ReleaseSet("w2", List.of(w2), Map.of())), TEN, ProgressMonitor.none());
        assertEquals(1, r.size());
        assertEquals(List.of("a1"), r.get(0).cell());
        assertEquals(3, r.get(0).low());
        assertEquals("series-increment", r.get(0).kind());
        assertTrue(r.get(0).derivation().startsWith("w2:F[a1] (43) - w1:F[a1] (40) = 3"), r.get(0).derivation());
    }

    @Test
    void changedAreaBoundaryExposesTheCellThatMoved() throws Exception {
        // cells c1..c4; version 1 districts D1={c1,c2}, D2={c3,c4}; version 2 E1={c1,c2,c3}, E2={c4}
        Hierarchy h = Hierarchy.of("area", List.of("cell", "v1", "v2"), List.of(
                List.of("c1", "D1", "E1"), List.of("c2", "D1", "E1"), List.of("c3", "D2", "E1"),
                List.of("c4", "D2", "E2")));
        CountTable old = table("old", List.of("area"), row("D1", 30), row("D2", 25));
        CountTable now = table("new", List.of("area"), row("E1", 32), row("E2", 23));
        List<RecoveredCell> r = diff(new ReleaseSet("r", List.of(old, now), Map.of("area", h)), 0);
        RecoveredCell c3 = r.stream().filter(c -> c.cell().equals(List.of("c3"))).findFirst().orElseThrow();
        assertEquals(2, c3.low());
        assertEquals("derived", c3.kind());
        assertEquals(1, r.size());
    }

    @Test
    void boundedRecoveryWithinAStatedWidth() throws Exception {
        CountTable t = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "mid", X), row("a1", "old", 20), row("a1", "Total", 22));
        assertTrue(diff(ReleaseSet.of(t), 0).isEmpty());
        List<RecoveredCell> r = diff(ReleaseSet.of(t), 2);
        assertEquals(2, r.size());
        assertEquals("bounded", r.get(0).kind());
        assertEquals(0, r.get(0).low());
        assertEquals(2, r.get(0).high());
    }
}
