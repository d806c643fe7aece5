package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.PrimaryRulesTest.dataset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;

class CountTableReaderDetailTest {

    static CountTable read(List<String> head, TableSpec spec, List<List<String>> rows) throws Exception {
        return CountTableReader.read(dataset(head, rows), spec, "a.csv", Map.of(), ProgressMonitor.none());
    }

    @Test
    void aPerCellScalingFactorIsInvertedAndChecked() throws Exception {
        List<String> head = List.of("area", "count", "f");
        CountTable t = read(head, TableSpec.of("A").withScale(1, "f"), List.of(List.of("a1", "40", "4"),
                List.of("a2", "30", "2.5"), List.of("a3", "0", "2")));
        assertEquals(List.of("area"), t.dimensions()); // the factor column is not a dimension
        assertEquals(10, t.raw(0));
        assertEquals(12, t.raw(1));
        assertEquals(0, t.raw(2)); // a zero count is a count
        assertEquals(2.5, t.scale(1));
        assertTrue(t.extrapolated());
        for (String bad : List.of("0", "-2", "abc", "Infinity")) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(head,
                    TableSpec.of("A").withScale(1, "f"), List.of(List.of("a1", "40", "4"), List.of("a2", "4", bad))));
            assertEquals(3, e.line(), bad);
            assertEquals(3, e.column(), bad);
        }
    }

    @Test
    void aNegativeCountNamesItsColumn() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(List.of("n", "area"),
                TableSpec.of("A").withCount("n"), List.of(List.of("3", "a1"), List.of("-1", "a2"))));
        assertEquals(3, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void theSuppressionMarkersAreListedInOrderWhenACountIsUnreadable() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(List.of("area", "count"),
                TableSpec.of("A"), List.of(List.of("a1", "some"))));
        assertTrue(e.getMessage().contains("\"\" \".\" \"..\" \"<5\" \"NA\" \"X\" \"c\" \"x\""), e.getMessage());
    }

    @Test
    void aMagnitudeColumnIsReadWithItsOwnMarkers() throws Exception {
        List<String> head = List.of("area", "count", "spend");
        CountTable t = read(head, TableSpec.of("A").withMagnitude("spend"), List.of(List.of("a1", "12", "340.5"),
                List.of("a2", "x", "x")));
        assertEquals(List.of("area"), t.dimensions());
        assertTrue(t.hasMagnitude());
        assertEquals(340.5, t.magnitude(0));
        assertTrue(Double.isNaN(t.magnitude(1)));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(head,
                TableSpec.of("A").withMagnitude("spend"), List.of(List.of("a1", "12", "lots"))));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertFalse(read(List.of("area", "count"), TableSpec.of("A"), List.of(List.of("a1", "3"))).hasMagnitude());
    }

    @Test
    void contributionsReachEveryMarginOfTwoDimensions() throws Exception {
        CountTable t = read(List.of("area", "age", "count"), TableSpec.of("A"), List.of(List.of("a1", "young", "2"),
                List.of("a1", "Total", "3"), List.of("Total", "young", "2"), List.of("Total", "Total", "4"),
                List.of("a2", "old", "1")));
        // firm F works in a1|young twice (merged: 7), G in a1|old (not a published cell, but in the
        // a1 margin and the grand total), H in a2|old; a row for area a9 is not in the table
        CountTable c = CountTableReader.attachContributions(t, dataset(List.of("area", "age", "firm", "v"), List.of(
                List.of("a1", "young", "F", "3"), List.of("a1", "young", "F", "4"), List.of("a1", "old", "G", "5"),
                List.of("a2", "old", "H", "1"), List.of("a9", "old", "H", "100"))), "c.csv", "firm", "v",
                ProgressMonitor.none());
        assertArrayEquals(new double[] {7}, c.contributions(0));
        assertArrayEquals(new double[] {7, 5}, c.contributions(1));
        assertArrayEquals(new double[] {7}, c.contributions(2));
        assertArrayEquals(new double[] {7, 5, 1}, c.contributions(3));
        assertArrayEquals(new double[] {1}, c.contributions(4));
        // without an id column every row is its own contributor
        CountTable rows = CountTableReader.attachContributions(t, dataset(List.of("area", "age", "v"), List.of(
                List.of("a1", "young", "3"), List.of("a1", "young", "4"))), "c.csv", null, "v", ProgressMonitor.none());
        assertArrayEquals(new double[] {4, 3}, rows.contributions(0));
        // without a value column every row contributes 1
        CountTable ones = CountTableReader.attachContributions(t, dataset(List.of("area", "age"), List.of(
                List.of("a1", "young"), List.of("a1", "young"))), "c.csv", null, null, ProgressMonitor.none());
        assertArrayEquals(new double[] {1, 1}, ones.contributions(0));
        assertArrayEquals(new double[0], ones.contributions(4));
    }

    @Test
    void aNegativeOrUnreadableContributionNamesItsLineAndColumn() throws Exception {
        CountTable t = read(List.of("area", "count"), TableSpec.of("A"), List.of(List.of("a1", "2")));
        for (String bad : List.of("-1", "much")) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> CountTableReader
                    .attachContributions(t, dataset(List.of("area", "v"), List.of(List.of("a1", "1"),
                            List.of("a1", bad))), "c.csv", null, "v", ProgressMonitor.none()));
            assertEquals(3, e.line(), bad);
            assertEquals(2, e.column(), bad);
        }
    }
}
