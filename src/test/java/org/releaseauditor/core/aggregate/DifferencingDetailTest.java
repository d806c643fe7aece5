package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;

class DifferencingDetailTest {
    private static final ThresholdRule TEN = new ThresholdRule(10, ThresholdRule.Operator.LT, false);

    static List<RecoveredCell> diff(double width, CountTable... tables) throws Exception {
        return Differencing.within(ReleaseModel.build(ReleaseSet.of(tables), ProgressMonitor.none()), width, TEN,
                ProgressMonitor.none());
    }

    @Test
    void aCellPublishedByAnotherTableNamesThePublisher() throws Exception {
        // A and B withhold a1's total, C publishes it
        CountTable a = table("A", List.of("area", "age"), row("a1", "Total", X));
        CountTable b = table("B", List.of("area", "sex"), row("a1", "Total", X));
        CountTable c = table("C", List.of("area"), row("a1", 12));
        List<RecoveredCell> r = diff(0, a, b, c);
        assertEquals(List.of("A[a1|Total] = C[a1] = 12", "B[a1|Total] = C[a1] = 12"),
                r.stream().map(RecoveredCell::derivation).toList());
        assertEquals(List.of("published-elsewhere", "published-elsewhere"), r.stream().map(RecoveredCell::kind).toList());
    }

    @Test
    void aWithheldMarginIsTheSumOfItsCells() throws Exception {
        List<RecoveredCell> r = diff(0, table("A", List.of("area", "age"),
                row("a1", "young", 2), row("a1", "old", 9), row("a1", "Total", X)));
        assertEquals(1, r.size());
        assertEquals(11, r.get(0).low());
        assertEquals("A[a1|Total] = A[a1|young] (2) + A[a1|old] (9) (along age) = 11", r.get(0).derivation());
        assertEquals("margin", r.get(0).kind());
    }

    @Test
    void anIdentityAcrossTwoTablesIsAnOverlap() throws Exception {
        // A publishes a1's total and withholds young; only B publishes old
        CountTable a = table("A", List.of("area", "age"), row("a1", "young", X), row("a1", "Total", 12));
        CountTable b = table("B", List.of("area", "age"), row("a1", "old", 9));
        RecoveredCell young = diff(0, a, b).get(0);
        assertEquals(3, young.low());
        assertEquals("overlap", young.kind());
        assertEquals(List.of("a1", "young"), young.location());
    }

    @Test
    void singleIdentityBoundsWithoutTheAudit() throws Exception {
        // a1's total is withheld: its published young 5 is a lower bound, the grand total 20
        // minus nothing published is its upper bound: [5, 20], width 15
        CountTable t = table("A", List.of("area", "age"),
                row("a1", "young", 5), row("a1", "old", X), row("a1", "Total", X),
                row("a2", "Total", X), row("Total", "Total", 20));
        List<RecoveredCell> wide = diff(15, t);
        RecoveredCell total = wide.stream().filter(c -> c.cell().equals(List.of("a1", "Total"))).findFirst()
                .orElseThrow();
        assertEquals(5, total.low());
        assertEquals(20, total.high());
        assertEquals("bounded", total.kind());
        assertTrue(total.derivation().contains("minus published area cells (0)"), total.derivation());
        assertTrue(diff(14.9, t).stream().noneMatch(c -> c.cell().equals(List.of("a1", "Total"))));
        // with the audit's intervals the width is compared the same way: [0, 2] is within 2, not 1.99
        CountTable two = table("B", List.of("area"), row("a1", X), row("a2", X), row("Total", 2));
        ReleaseModel m = ReleaseModel.build(ReleaseSet.of(two), ProgressMonitor.none());
        List<AuditedCell> audit = SuppressionAudit.audit(m, new org.releaseauditor.io.lp.OjAlgoIntervalSolver(),
                ProtectionRequirement.exactOnly(), ProgressMonitor.none());
        assertEquals(2, Differencing.within(m, 2, TEN, audit, ProgressMonitor.none()).size());
        assertEquals(0, Differencing.within(m, 1.99, TEN, audit, ProgressMonitor.none()).size());
        RecoveredCell b = Differencing.within(m, 2, TEN, audit, ProgressMonitor.none()).get(0);
        assertEquals("bounded", b.kind());
        assertEquals("B[a1] in [0, 2], the range every published identity allows together (LP)", b.derivation());
    }

    static ReleaseSet rel(String name, CountTable... t) {
        return new ReleaseSet(name, List.of(t), Map.of());
    }

    @Test
    void seriesCompareTheSameTableAndTellAZeroIncrement() throws Exception {
        ThresholdRule zeros = new ThresholdRule(10, ThresholdRule.Operator.LT, true);
        // w1 has tables A (a1 100) and B (a1 40, a2 0); w2 has B only: a1 43, a2 dropped (it was 0,
        // so nothing decreases), a3 unchanged at 50 → 50 would be an increment of 0, unsafe only
        // when zeros are unsafe
        CountTable a = table("A", List.of("area"), row("a1", 100));
        CountTable b1 = table("B", List.of("area"), row("a1", 40), row("a2", 0), row("a3", 50));
        CountTable b2 = table("B", List.of("area"), row("a1", 43), row("a3", 50));
        Differencing.SeriesResult r = Differencing.series(List.of(rel("w1", a, b1), rel("w2", b2)), zeros,
                ProgressMonitor.none());
        assertEquals(List.of("w2:B[a1] (43) - w1:B[a1] (40) = 3, count < 10 (zero unsafe)",
                "w2:B[a3] (50) - w1:B[a3] (50) = 0, count < 10 (zero unsafe)"),
                r.increments().stream().map(RecoveredCell::derivation).toList());
        assertTrue(r.decreases().isEmpty());
        assertEquals(1, Differencing.series(List.of(rel("w1", a, b1), rel("w2", b2)), TEN, ProgressMonitor.none())
                .increments().size());
        // a table whose dimensions changed is not compared
        CountTable other = table("B", List.of("district"), row("a1", 1));
        assertTrue(Differencing.series(List.of(rel("w1", b1), rel("w2", other)), TEN, ProgressMonitor.none())
                .increments().isEmpty());
    }

    @Test
    void aMarginMismatchStopsTheModelWithBothNumbers() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> diff(0, table("A",
                List.of("area"), row("a1", 3), row("a2", 4), row("Total", 8))));
        assertTrue(e.getMessage().contains("is 8") && e.getMessage().contains("add up to 7"), e.getMessage());
        assertEquals(4, e.line());
    }
}
