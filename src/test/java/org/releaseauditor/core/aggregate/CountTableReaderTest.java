package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.PrimaryRulesTest.dataset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class CountTableReaderTest {
    private static final List<String> HEAD = List.of("area", "age", "count");

    static CountTable read(List<List<String>> rows, Map<String, Hierarchy> h) throws Exception {
        return CountTableReader.read(dataset(HEAD, rows), TableSpec.of("A"), "a.csv", h, ProgressMonitor.none());
    }

    @Test
    void recognisesMarginTokensAndSuppressionMarkers() throws Exception {
        CountTable t = read(List.of(List.of("a1", "young", "x"), List.of("a1", "old", "<5"), List.of("a1", "All", "12"),
                List.of("Total", "*", "30")), Map.of());
        assertEquals(List.of("area", "age"), t.dimensions());
        assertTrue(t.isSuppressed(0));
        assertTrue(t.isSuppressed(1));
        assertEquals(List.of("a1", "Total"), t.key(2));
        assertEquals(List.of("Total", "Total"), t.key(3));
    }

    @Test
    void starCodedAsSuppressedByTheImporterStillReadsAsAMargin() throws Exception {
        // the default ImportOptions turn "*" into Column.SUPPRESSED; the reader undoes that
        ColumnBuilder area = new ColumnBuilder("area");
        area.add("a1");
        area.addSuppressed();
        ColumnBuilder count = new ColumnBuilder("count");
        count.add("4");
        count.add("4");
        Dataset ds = new Dataset("d", List.of(area.build(ColumnType.CATEGORICAL), count.build(ColumnType.CATEGORICAL)));
        assertEquals(Column.SUPPRESSED, ds.columns().get(0).code(1));
        CountTable t = CountTableReader.read(ds, TableSpec.of("A"), "a.csv", Map.of(), ProgressMonitor.none());
        assertEquals(List.of("Total"), t.key(1));
    }

    @Test
    void nonIntegerCountNamesFileLineAndColumn() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> read(List.of(List.of("a1", "young", "3"), List.of("a1", "old", "4.5")), Map.of()));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("a.csv, line 3, column 3"), e.getMessage());
        assertTrue(e.getMessage().contains("\"4.5\""), e.getMessage());
    }

    @Test
    void negativeCountIsRejected() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> read(List.of(List.of("a1", "young", "-2")), Map.of()));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void duplicateCellKeysNameBothLines() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> read(List.of(List.of("a1", "young", "3"), List.of("a2", "old", "3"), List.of("a1", "young", "5")),
                        Map.of()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("already appears on line 2"), e.getMessage());
    }

    @Test
    void dimensionValueMissingFromItsHierarchy() {
        Hierarchy h = Hierarchy.of("area", List.of("cell", "district"), List.of(List.of("a1", "D1")));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> read(List.of(List.of("a1", "young", "3"), List.of("a9", "old", "3")), Map.of("area", h)));
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("\"a9\""), e.getMessage());
    }

    @Test
    void marginsThatDoNotAddUpReportTheCellAndBothNumbers() throws Exception {
        CountTable t = read(List.of(List.of("a1", "young", "3"), List.of("a1", "old", "4"), List.of("a1", "Total", "8")),
                Map.of());
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ReleaseModel.build(ReleaseSet.of(t), ProgressMonitor.none()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("a1|Total of table A is 8"), e.getMessage());
        assertTrue(e.getMessage().contains("add up to 7"), e.getMessage());
    }

    @Test
    void tablesThatDisagreeOnTheSameCellAreRejected() throws Exception {
        CountTable a = Tables.table("A", List.of("area"), Tables.row("a1", 5));
        CountTable b = Tables.table("B", List.of("area"), Tables.row("a1", 6));
        assertThrows(DatasetFormatException.class, () -> ReleaseModel.build(ReleaseSet.of(a, b), ProgressMonitor.none()));
    }

    @Test
    void unknownCountColumnIsAConfigurationError() {
        assertThrows(ConfigurationException.class, () -> CountTableReader.read(dataset(HEAD, List.of()),
                TableSpec.of("A").withCount("n"), "a.csv", Map.of(), ProgressMonitor.none()));
    }

    @Test
    void hierarchyLevelsMustBePartitions() {
        Dataset mapping = dataset(List.of("cell", "district"), List.of(List.of("c1", "D1"), List.of("c1", "D2")));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Hierarchy.fromDataset("area", mapping));
        assertEquals(3, e.line());
    }
}
