package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.progress.ProgressMonitor;

class PartitionTest {

    static Column col(String name, String... values) {
        ColumnBuilder b = new ColumnBuilder(name);
        for (String v : values) {
            TestTables.addCell(b, v);
        }
        return b.build(ColumnType.CATEGORICAL);
    }

    @Test
    void groupsRowsThatShareAllQuasiIdentifiers() {
        Column a = col("a", "x", "x", "y", "y", "y", "x");
        Column b = col("b", "1", "1", "1", "2", "2", "2");
        Partition p = Partition.group(List.of(a, b), ProgressMonitor.none());
        assertEquals(4, p.classCount());
        assertEquals(p.classOf(0), p.classOf(1));
        assertEquals(p.classOf(3), p.classOf(4));
        assertEquals(new ClassSizeHistogram(new long[] {1, 2}, new long[] {2, 2}), p.histogram());
    }

    @Test
    void allSuppressedRowsAreNotAClass() {
        Column a = col("a", "*", "*", "x", "*");
        Column b = col("b", "*", "*", "1", "1");
        Partition p = Partition.group(List.of(a, b), ProgressMonitor.none());
        assertEquals(2, p.suppressedRecords());
        assertEquals(2, p.classCount());
        assertEquals(-1, p.classOf(0));
        assertEquals(-1, p.classOf(1));
        assertArrayEquals(new long[] {1}, p.histogram().classSizes());
        assertEquals(2, p.classifiedRecords());
    }

    @Test
    void missingIsAnOrdinaryValueWithoutWildcards() {
        Column a = col("a", "", "", "x");
        Partition p = Partition.group(List.of(a), ProgressMonitor.none());
        assertEquals(2, p.classCount());
        assertEquals(0, p.suppressedRecords());
    }

    @Test
    void histogramCountsRecordsAndClasses() {
        ClassSizeHistogram h = ClassSizeHistogram.ofSizes(1, 1, 2, 3, 3);
        assertEquals(10, h.records());
        assertEquals(5, h.classes());
        assertEquals(2, h.countOfSize(3));
        assertEquals(0, h.countOfSize(4));
    }

    @Test
    void refinedClassesAreNumberedByFirstRow() {
        Column a = col("a", "y", "x", "y", "x", "y", "*");
        Column b = col("b", "2", "1", "1", "1", "2", "*");
        Partition p = Partition.group(List.of(a, b), ProgressMonitor.none());
        // classes in order of first row: (y,2)=0, (x,1)=1, (y,1)=2; the all-suppressed row is -1
        assertArrayEquals(new int[] {0, 1, 2, 1, 0, -1}, java.util.Arrays.copyOf(p.classIds(), 6));
        assertArrayEquals(new int[] {2, 2, 1}, p.sizes());
    }
}
