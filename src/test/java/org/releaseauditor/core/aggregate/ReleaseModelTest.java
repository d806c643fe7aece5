package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

class ReleaseModelTest {
    private static final ThresholdRule TEN = new ThresholdRule(10, ThresholdRule.Operator.LT, false);

    /**
     * Age bands whose labels repeat across levels: {@code 20-64} is a leaf and a band, {@code 65+}
     * a band and a broad group, {@code 18-19} a leaf and a band. Levels: leaf, band, broad, school.
     */
    static Hierarchy ages() {
        return Hierarchy.of("age", List.of("leaf", "band", "broad", "school"), List.of(
                List.of("18-19", "18-19", "18-64", "U20"),
                List.of("20-64", "20-64", "18-64", "20+"),
                List.of("65-79", "65+", "65+", "20+"),
                List.of("80+", "65+", "65+", "20+")));
    }

    /** A publishes the broad group 18-64 and the band 20-64, never 18-19. */
    static CountTable a() {
        return table("A", List.of("age"), row("18-64", 50), row("20-64", 48), row("65+", 30), row("Total", 80));
    }

    /** B publishes the school split and withholds U20. */
    static CountTable b() {
        return table("B", List.of("age"), row("U20", X), row("20+", 78), row("Total", 80));
    }

    static ReleaseSet set(CountTable... tables) {
        return new ReleaseSet("r", List.of(tables), Map.of("age", ages()));
    }

    /** The findings as sorted strings, independent of table order and derivation wording. */
    static List<String> findings(List<RecoveredCell> cells) {
        List<String> out = new ArrayList<>();
        for (RecoveredCell c : cells) {
            out.add(c.table() + c.cell() + "=" + c.low() + ".." + c.high());
        }
        out.sort(null);
        return out;
    }

    @Test
    void anUnpublishedLeafIsAnUnknownNotAZeroWhateverTheTableOrder() throws Exception {
        // Issue 12: with A first, 18-19 was taken as 0 and the run stopped with
        // "margin A|18-64 is 50 but cells add up to 48"; with B first it ran. Worked by hand:
        // 18-64 = 18-19 + 20-64, so 18-19 = 50 - 48 = 2 (a derived number below 10), and
        // U20 = 18-19 (the school level), so B's withheld U20 is 2 as well.
        for (ReleaseSet s : List.of(set(a(), b()), set(b(), a()))) {
            ReleaseModel m = ReleaseModel.build(s, ProgressMonitor.none());
            List<RecoveredCell> r = Differencing.within(m, 0, TEN, ProgressMonitor.none());
            assertEquals(List.of("B[U20]=2.0..2.0", "unpublished[18-19]=2.0..2.0"), findings(r));
            RecoveredCell u20 = r.stream().filter(c -> c.table().equals("B")).findFirst().orElseThrow();
            assertEquals("overlap", u20.kind());
            List<AuditedCell> audit = SuppressionAudit.audit(m, new OjAlgoIntervalSolver(),
                    ProtectionRequirement.exactOnly(), ProgressMonitor.none());
            assertEquals(1, audit.size());
            assertEquals(2, audit.get(0).low());
            assertEquals(2, audit.get(0).high());
        }
    }

    @Test
    void aLoneTableWithAnUnpublishedBandNeitherFailsNorInventsAZero() throws Exception {
        // A alone: 18-19 = 2 is derived; nothing is withheld, so there is nothing else to report
        ReleaseModel m = ReleaseModel.build(set(a()), ProgressMonitor.none());
        assertEquals(List.of("unpublished[18-19]=2.0..2.0"),
                findings(Differencing.within(m, 0, TEN, ProgressMonitor.none())));
    }

    @Test
    void aRealMarginMismatchIsStillReported() {
        // 18-64 = 18-19 + 20-64 with 18-19 published as 1: 1 + 48 = 49, not 50
        CountTable bad = table("A", List.of("age"), row("18-64", 50), row("20-64", 48), row("18-19", 1));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ReleaseModel.build(set(bad), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("50") && e.getMessage().contains("49"), e.getMessage());
    }

    @Test
    void aLabelNamingDifferentGroupsOnTwoLevelsIsRejected() {
        // "20-64" is the leaf 20-64 on level 1 but {20-64, 65+} on level 2: a table value 20-64
        // could mean either, so the mapping file is refused with the row and column
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hierarchy.of("age", List.of("leaf", "band"), List.of(List.of("18-19", "U20"),
                        List.of("20-64", "20-64"), List.of("65+", "20-64"))));
        assertTrue(e.getCause() instanceof DatasetFormatException);
        assertEquals(3, ((DatasetFormatException) e.getCause()).line());
    }
}
