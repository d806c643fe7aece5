package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

class SuppressionAuditTest {

    static List<AuditedCell> audit(ProtectionRequirement req, CountTable... tables) throws Exception {
        ReleaseModel m = ReleaseModel.build(ReleaseSet.of(tables), ProgressMonitor.none());
        return SuppressionAudit.audit(m, new OjAlgoIntervalSolver(), req, ProgressMonitor.none());
    }

    static AuditedCell find(List<AuditedCell> cells, String table, String... key) {
        return cells.stream().filter(c -> c.table().equals(table) && c.cell().equals(List.of(key))).findFirst()
                .orElseThrow();
    }

    @Test
    void tauArgusManualExampleGivesX11Between3And6() throws Exception {
        List<AuditedCell> cells = audit(ProtectionRequirement.exactOnly(), Tables.tauArgus());
        assertEquals(4, cells.size());
        AuditedCell x11 = find(cells, "T", "r1", "c1");
        assertEquals(3, x11.low());
        assertEquals(6, x11.high());
        assertFalse(x11.exposed());
        AuditedCell x22 = find(cells, "T", "r2", "c2");
        assertEquals(0, x22.low());
        assertEquals(3, x22.high());
    }

    @Test
    void flagsIntervalsNarrowerThanTheRequiredProtection() throws Exception {
        List<AuditedCell> cells = audit(new ProtectionRequirement(4, 0), Tables.tauArgus());
        AuditedCell x11 = find(cells, "T", "r1", "c1"); // width 3 < 4
        assertTrue(x11.exposed());
        assertEquals(4, x11.required());
        AuditedCell x12 = find(cells, "T", "r1", "c2"); // [1, 4], width 3
        assertEquals(1, x12.low());
        assertEquals(4, x12.high());
        assertTrue(x12.exposed());
        List<AuditedCell> pct = audit(new ProtectionRequirement(0, 40), Tables.tauArgus());
        // x11: 40 % of upper bound 6 = 2.4 <= width 3: safe; x21 ∈ [0,3]: 40 % of 3 = 1.2: safe
        assertFalse(find(pct, "T", "r1", "c1").exposed());
    }

    @Test
    void singleSuppressionInARowIsExactlyExposed() throws Exception {
        CountTable t = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "old", 9), row("a1", "Total", 11),
                row("a2", "young", 5), row("a2", "old", 6), row("a2", "Total", 11));
        AuditedCell c = audit(ProtectionRequirement.exactOnly(), t).get(0);
        assertEquals(2, c.low());
        assertEquals(2, c.high());
        assertTrue(c.exposed());
    }

    @Test
    void linkedTablesNarrowIntervalsThatEachTableAloneLeavesWide() throws Exception {
        // A: area × age, with a1 fully hidden in a 2×2 pattern; B: area × gender publishes a1's total
        CountTable a = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "old", X), row("a1", "Total", X),
                row("a2", "young", X), row("a2", "old", X), row("a2", "Total", X),
                row("Total", "young", 10), row("Total", "old", 20), row("Total", "Total", 30));
        AuditedCell alone = find(audit(ProtectionRequirement.exactOnly(), a), "A", "a1", "Total");
        assertEquals(0, alone.low());
        assertEquals(30, alone.high());
        CountTable b = table("B", List.of("area", "gender"),
                row("a1", "f", 1), row("a1", "m", 1), row("a1", "Total", 2),
                row("a2", "f", 14), row("a2", "m", 14), row("a2", "Total", 28),
                row("Total", "Total", 30));
        List<AuditedCell> together = audit(ProtectionRequirement.exactOnly(), a, b);
        AuditedCell total = find(together, "A", "a1", "Total");
        assertEquals(2, total.low());
        assertEquals(2, total.high());
        assertTrue(total.exposed());
        AuditedCell young = find(together, "A", "a1", "young");
        assertEquals(0, young.low());
        assertEquals(2, young.high());
    }

    @Test
    void unconstrainedCellIsUnbounded() throws Exception {
        CountTable t = table("A", List.of("area"), row("a1", X), row("a2", 4));
        AuditedCell c = audit(ProtectionRequirement.exactOnly(), t).get(0);
        assertEquals(0, c.low());
        assertEquals(Double.POSITIVE_INFINITY, c.high());
        assertFalse(c.exposed());
    }
}
