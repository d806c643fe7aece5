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

    @Test
    void aCellMissingFromThePreviousReleaseCountsAsZeroAndDecreasesAreReported() throws Exception {
        // w1 → w2: a1 40 → 43 (increment 3 < 10), a2 50 → 70 (20, safe), a3 absent → 3 (a new
        // group of 3: 3 - 0 = 3 < 10, formerly skipped), a4 9 → absent (9 → 0: a decrease);
        // w2 → w3: a1 43 → 41 (a decrease: the series is not cumulative), a2 70 → 75 (5 < 10)
        CountTable w1 = table("F", List.of("area"), row("a1", 40), row("a2", 50), row("a4", 9));
        CountTable w2 = table("F", List.of("area"), row("a1", 43), row("a2", 70), row("a3", 3));
        CountTable w3 = table("F", List.of("area"), row("a1", 41), row("a2", 75), row("a3", X));
        Differencing.SeriesResult r = Differencing.series(List.of(new ReleaseSet("w1", List.of(w1), Map.of()),
                new ReleaseSet("w2", List.of(w2), Map.of()), new ReleaseSet("w3", List.of(w3), Map.of())), TEN,
                ProgressMonitor.none());
        assertEquals(List.of("w2:F[a1] (43) - w1:F[a1] (40) = 3, count < 10",
                "w2:F[a3] (3) - w1:F[a3] (absent = 0) = 3, count < 10",
                "w3:F[a2] (75) - w2:F[a2] (70) = 5, count < 10"),
                r.increments().stream().map(RecoveredCell::derivation).toList());
        assertEquals(List.of("w2:F[a4] fell from 9 (w1) to 0: the series is not cumulative",
                "w3:F[a1] fell from 43 (w2) to 41: the series is not cumulative"),
                r.decreases().stream().map(SeriesDecrease::describe).toList());
        assertEquals(List.of("w2:F", "a3"), r.increments().get(1).location());
        // the former entry point returns the same increments
        assertEquals(r.increments(), Differencing.seriesIncrements(List.of(new ReleaseSet("w1", List.of(w1), Map.of()),
                new ReleaseSet("w2", List.of(w2), Map.of()), new ReleaseSet("w3", List.of(w3), Map.of())), TEN,
                ProgressMonitor.none()));
    }

    /**
     * Three versions of one area split of the cells a, b, c: D1 = {a, b}, E1 = {b, c},
     * F1 = {a, c} are published (10, 7, 9) and their complements D2 = {c}, E2 = {a}, F2 = {b}
     * are withheld. Every identity has two unknowns, so elimination finds nothing, but together
     * a + b = 10, b + c = 7, a + c = 9 give a = 6, b = 4, c = 3: D2 = 3, E2 = 6, F2 = 4.
     */
    static ReleaseSet threeVersions() {
        Hierarchy h = Hierarchy.of("area", List.of("cell", "v1", "v2", "v3"), List.of(
                List.of("a", "D1", "E2", "F1"), List.of("b", "D1", "E1", "F2"), List.of("c", "D2", "E1", "F1")));
        return new ReleaseSet("r", List.of(table("T1", List.of("area"), row("D1", 10), row("D2", X)),
                table("T2", List.of("area"), row("E1", 7), row("E2", X)),
                table("T3", List.of("area"), row("F1", 9), row("F2", X))), Map.of("area", h));
    }

    @Test
    void widthFindsCellsThatOnlyACombinationOfIdentitiesPins() throws Exception {
        ReleaseModel m = ReleaseModel.build(threeVersions(), ProgressMonitor.none());
        // without the LP intervals (the former --width): nothing, although every cell is exact
        assertTrue(Differencing.within(m, 5, TEN, ProgressMonitor.none()).isEmpty());
        List<AuditedCell> audit = SuppressionAudit.audit(m, new org.releaseauditor.io.lp.OjAlgoIntervalSolver(),
                ProtectionRequirement.exactOnly(), ProgressMonitor.none());
        List<RecoveredCell> r = Differencing.within(m, 0, TEN, audit, ProgressMonitor.none());
        assertEquals(List.of("T1[D2]=3.0 combination", "T2[E2]=6.0 combination", "T3[F2]=4.0 combination"),
                r.stream().map(c -> c.table() + "[" + c.cell().get(0) + "]=" + c.low() + " " + c.kind()).toList());
        assertTrue(r.get(0).exact());
        assertTrue(r.get(0).derivation().contains("several published identities"), r.get(0).derivation());
    }
}
