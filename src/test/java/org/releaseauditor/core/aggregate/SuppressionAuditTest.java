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

    static void assertRange(AuditedCell c, double low, double high) {
        assertEquals(low, c.low(), "low of " + c.cell());
        assertEquals(high, c.high(), "high of " + c.cell());
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
        assertRange(x11, 3, 6);
        assertFalse(x11.exposed());
        AuditedCell x22 = find(cells, "T", "r2", "c2");
        assertRange(x22, 0, 3);
    }

    @Test
    void flagsIntervalsNarrowerThanTheRequiredProtection() throws Exception {
        List<AuditedCell> cells = audit(new ProtectionRequirement(4, 0), Tables.tauArgus());
        AuditedCell x11 = find(cells, "T", "r1", "c1"); // width 3 < 4
        assertTrue(x11.exposed());
        assertEquals(4, x11.required());
        AuditedCell x12 = find(cells, "T", "r1", "c2"); // [1, 4], width 3
        assertRange(x12, 1, 4);
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
        assertRange(c, 2, 2);
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
        assertRange(alone, 0, 30);
        CountTable b = table("B", List.of("area", "gender"),
                row("a1", "f", 1), row("a1", "m", 1), row("a1", "Total", 2),
                row("a2", "f", 14), row("a2", "m", 14), row("a2", "Total", 28),
                row("Total", "Total", 30));
        List<AuditedCell> together = audit(ProtectionRequirement.exactOnly(), a, b);
        AuditedCell total = find(together, "A", "a1", "Total");
        assertRange(total, 2, 2);
        assertTrue(total.exposed());
        AuditedCell young = find(together, "A", "a1", "young");
        assertRange(young, 0, 2);
    }

    @Test
    void unconstrainedCellIsUnbounded() throws Exception {
        CountTable t = table("A", List.of("area"), row("a1", X), row("a2", 4));
        AuditedCell c = audit(ProtectionRequirement.exactOnly(), t).get(0);
        assertRange(c, 0, Double.POSITIVE_INFINITY);
        assertFalse(c.exposed());
    }
}
