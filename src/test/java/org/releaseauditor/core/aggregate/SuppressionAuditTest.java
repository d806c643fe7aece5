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

    @Test
    void anIntervalExactlyAsWideAsRequiredIsProtected() throws Exception {
        // τ-ARGUS example: x11 ∈ [3, 6], width 3. Absolute protection 3: 3 < 3 is false, protected;
        // 50 % of the upper bound 6 is 3: protected; 51 % is 3.06 > 3: exposed (narrow).
        AuditedCell abs = find(audit(new ProtectionRequirement(3, 0), Tables.tauArgus()), "T", "r1", "c1");
        assertFalse(abs.exposed());
        assertEquals(AuditedCell.Exposure.PROTECTED, abs.exposure());
        AuditedCell half = find(audit(new ProtectionRequirement(0, 50), Tables.tauArgus()), "T", "r1", "c1");
        assertEquals(3, half.required());
        assertFalse(half.exposed());
        AuditedCell more = find(audit(new ProtectionRequirement(0, 51), Tables.tauArgus()), "T", "r1", "c1");
        assertTrue(more.exposed());
        assertEquals(AuditedCell.Exposure.NARROW, more.exposure());
        // x21 ∈ [0, 3]: 50 % of 3 = 1.5 <= 3, protected
        assertFalse(find(audit(new ProtectionRequirement(0, 50), Tables.tauArgus()), "T", "r2", "c1").exposed());
    }

    @Test
    void theExplanationNeverContradictsTheVerdict() throws Exception {
        // issue 13: "interval 8 (width 0) narrower than protection 0". A single value is exactly
        // recomputable whatever the required protection; an interval as wide as required is protected.
        CountTable t = table("A", List.of("area", "age"),
                row("a1", "young", X), row("a1", "old", 9), row("a1", "Total", 17));
        AuditedCell c = audit(ProtectionRequirement.exactOnly(), t).get(0);
        assertEquals(AuditedCell.Exposure.EXACT, c.exposure());
        assertEquals("Exactly recomputable: the published numbers force the value 8.",
                c.explain(java.util.Locale.ENGLISH));
        assertTrue(c.explain(java.util.Locale.GERMAN).contains("Exakt berechenbar"));
        AuditedCell x11 = find(audit(new ProtectionRequirement(3, 0), Tables.tauArgus()), "T", "r1", "c1");
        assertEquals("Protected: it can lie anywhere from 3 to 6 (width 3), at least the required protection of 3.",
                x11.explain(java.util.Locale.ENGLISH));
        AuditedCell narrow = find(audit(new ProtectionRequirement(4, 0), Tables.tauArgus()), "T", "r1", "c1");
        assertEquals("Exposed: the published numbers confine it to 3 to 6 (width 3), narrower than the required "
                + "protection of 4.", narrow.explain(java.util.Locale.ENGLISH));
        AuditedCell open = audit(ProtectionRequirement.exactOnly(),
                table("A", List.of("area"), row("a1", X), row("a2", 4))).get(0);
        assertEquals("Protected: nothing bounds it from above; it is at least 0.", open.explain(java.util.Locale.ENGLISH));
        AuditedCell bad = AuditedCell.of("T", 0, List.of("x"), Double.NaN, Double.NaN, ProtectionRequirement.exactOnly(),
                List.of("x"));
        assertFalse(bad.exposed());
        assertEquals(AuditedCell.Exposure.INFEASIBLE, bad.exposure());
        assertTrue(bad.explain(java.util.Locale.ENGLISH).contains("contradict"));
    }

    @Test
    void aCellWithheldByTwoTablesHasOneLocation() throws Exception {
        // A (area × age) and B (area × gender) both withhold a1's total (2 = 30 - 28): two audit
        // entries, one release-set location, so it is one exposed number
        CountTable a = table("A", List.of("area", "age"), row("a1", "Total", X), row("a2", "Total", 28),
                row("Total", "Total", 30));
        CountTable b = table("B", List.of("area", "gender"), row("a1", "Total", X), row("a2", "Total", 28),
                row("Total", "Total", 30));
        List<AuditedCell> cells = audit(ProtectionRequirement.exactOnly(), a, b);
        assertEquals(2, cells.size());
        assertEquals(cells.get(0).location(), cells.get(1).location());
        assertEquals(List.of("a1", "Total", "Total"), cells.get(0).location());
        assertTrue(cells.get(0).exposed() && cells.get(1).exposed());
    }
}
