package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.PrimaryRulesTest.dataset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The count-table reader at its edges: option columns in the first position (index 0), the
 * column numbers written into each error message (not only the exception's fields), the full
 * cell key of a duplicate, and the count-token rules for lone signs and non-numbers. Each case
 * here was a surviving PIT mutant of {@link CountTableReader}.
 */
class CountTableReaderEdgeTest {

    private static CountTable read(List<String> head, TableSpec spec, List<List<String>> rows,
            Map<String, Hierarchy> h) throws Exception {
        return CountTableReader.read(dataset(head, rows), spec, "a.csv", h, ProgressMonitor.none());
    }

    @Test
    void aMagnitudeColumnInTheFirstPositionIsRead() throws Exception {
        CountTable t = read(List.of("spend", "area", "count"), TableSpec.of("A").withMagnitude("spend"),
                List.of(List.of("12.5", "a1", "3")), Map.of());
        assertTrue(t.hasMagnitude());
        assertEquals(12.5, t.magnitude(0));
        assertEquals(List.of("area"), t.dimensions());
    }

    @Test
    void aScaleColumnInTheFirstPositionIsRead() throws Exception {
        CountTable t = read(List.of("f", "area", "count"), TableSpec.of("A").withScale(1, "f"),
                List.of(List.of("4", "a1", "40")), Map.of());
        assertEquals(4.0, t.scale(0));
        assertEquals(10, t.raw(0)); // 40 published / factor 4
    }

    @Test
    void everyErrorMessageNamesTheColumnItsExceptionNames() {
        // a value outside its hierarchy, in column 2
        Hierarchy h = Hierarchy.of("area", List.of("cell", "district"), List.of(List.of("a1", "D1")));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(List.of("age", "area",
                "count"), TableSpec.of("A"), List.of(List.of("y", "a9", "3")), Map.of("area", h)));
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("a.csv, line 2, column 2:"), e.getMessage());
        // a bad scaling factor, in column 3
        e = assertThrows(DatasetFormatException.class, () -> read(List.of("area", "count", "f"),
                TableSpec.of("A").withScale(1, "f"), List.of(List.of("a1", "4", "0")), Map.of()));
        assertTrue(e.getMessage().contains("a.csv, line 2, column 3:"), e.getMessage());
        // a negative count, in column 2
        e = assertThrows(DatasetFormatException.class, () -> read(List.of("area", "count"), TableSpec.of("A"),
                List.of(List.of("a1", "-4")), Map.of()));
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("a.csv, line 2, column 2:"), e.getMessage());
        // an unreadable magnitude, in column 1
        e = assertThrows(DatasetFormatException.class, () -> read(List.of("spend", "area", "count"),
                TableSpec.of("A").withMagnitude("spend"), List.of(List.of("lots", "a1", "3")), Map.of()));
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("a.csv, line 2, column 1:"), e.getMessage());
    }

    @Test
    void aDuplicateNamesTheWholeCellKey() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(List.of("area", "age",
                "count"), TableSpec.of("A"), List.of(List.of("a1", "young", "3"), List.of("a1", "young", "5")),
                Map.of()));
        assertTrue(e.getMessage().contains("the cell a1|young already appears on line 2"), e.getMessage());
    }

    @Test
    void contributionIdAndValueColumnsInTheFirstPositionAreRead() throws Exception {
        CountTable t = read(List.of("area", "count"), TableSpec.of("A"), List.of(List.of("a1", "2")), Map.of());
        // the firm id in column 1: F's two rows merge into one contribution of 7
        CountTable byFirm = CountTableReader.attachContributions(t, dataset(List.of("firm", "area", "v"), List.of(
                List.of("F", "a1", "3"), List.of("F", "a1", "4"), List.of("G", "a1", "1"))), "c.csv", "firm", "v",
                ProgressMonitor.none());
        assertArrayEquals(new double[] {7, 1}, byFirm.contributions(0));
        // the value in column 1, and a zero contribution is a contribution, not an error
        CountTable byValue = CountTableReader.attachContributions(t, dataset(List.of("v", "area"), List.of(
                List.of("5", "a1"), List.of("0", "a1"))), "c.csv", null, "v", ProgressMonitor.none());
        assertArrayEquals(new double[] {5, 0}, byValue.contributions(0));
    }

    @Test
    void anUnreadableContributionMessageNamesItsLineAndColumn() throws Exception {
        CountTable t = read(List.of("area", "count"), TableSpec.of("A"), List.of(List.of("a1", "2")), Map.of());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> CountTableReader
                .attachContributions(t, dataset(List.of("area", "v"), List.of(List.of("a1", "1"), List.of("a1",
                        "-3"))), "c.csv", null, "v", ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("c.csv, line 3, column 2:"), e.getMessage());
    }

    @Test
    void countTokenRulesAtTheirEdges() {
        // a lone sign is a signed token, not a negative number
        assertEquals("aggregate.count.sign", CountTableReader.countProblem("-", false));
        assertEquals("aggregate.count.sign", CountTableReader.countProblem("+", false));
        assertNull(CountTableReader.countProblem("-3", false)); // negatives get their own message later
        // blanks and non-numbers are not "plain count" problems: the caller says "not a count"
        assertNull(CountTableReader.countProblem("   ", false));
        assertNull(CountTableReader.countProblem("1a", false));
        assertNull(CountTableReader.countProblem("a.5", true));
        assertEquals("aggregate.count.exponent", CountTableReader.countProblem("1E3", false));
        assertEquals("aggregate.count.leadingZeros", CountTableReader.countProblem("07.5", true));
        assertNull(CountTableReader.countProblem("7.5", true));
        assertNull(CountTableReader.countProblem(Long.toString(CountTableReader.MAX_COUNT), false));
        assertEquals("aggregate.count.overflow",
                CountTableReader.countProblem(Long.toString(CountTableReader.MAX_COUNT + 1), false));
    }
}
