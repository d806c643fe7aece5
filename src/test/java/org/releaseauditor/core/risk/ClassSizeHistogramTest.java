package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The class-size histogram through its public contract: sizes ascending, counts, n, J and lookups. */
class ClassSizeHistogramTest {

    @Test
    void countsEachClassSizeOnceInAscendingOrder() {
        // sizes 3, 1, 3, 2, 1, 1 -> size 1 ×3, size 2 ×1, size 3 ×2; n = 3·1 + 1·2 + 2·3 = 11, J = 6
        ClassSizeHistogram h = ClassSizeHistogram.ofSizes(3, 1, 3, 2, 1, 1);
        assertArrayEquals(new long[] {1, 2, 3}, h.classSizes());
        assertArrayEquals(new long[] {3, 1, 2}, h.classCounts());
        assertEquals(11, h.records());
        assertEquals(6, h.classes());
        assertEquals(3, h.countOfSize(1));
        assertEquals(1, h.countOfSize(2));
        assertEquals(2, h.countOfSize(3));
        assertEquals(0, h.countOfSize(4));
        assertEquals(0, h.countOfSize(0));
        assertEquals("ClassSizeHistogram[1x3, 2x1, 3x2]", h.toString());
    }

    @Test
    void anEmptyHistogramHasNoRecordsAndNoClasses() {
        ClassSizeHistogram h = ClassSizeHistogram.of(new int[0]);
        assertEquals(0, h.records());
        assertEquals(0, h.classes());
        assertEquals(0, h.countOfSize(1));
        assertEquals("ClassSizeHistogram[]", h.toString());
    }

    @Test
    void equalityFollowsTheContentAndTheArraysAreCopies() {
        ClassSizeHistogram a = ClassSizeHistogram.ofSizes(1, 2, 2);
        ClassSizeHistogram b = new ClassSizeHistogram(new long[] {1, 2}, new long[] {1, 2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, ClassSizeHistogram.ofSizes(1, 2));
        assertNotEquals(a, ClassSizeHistogram.ofSizes(1, 1, 2));
        assertNotEquals(a, "1x1, 2x2");
        long[] sizes = {5};
        ClassSizeHistogram c = new ClassSizeHistogram(sizes, new long[] {1});
        sizes[0] = 7;
        c.classSizes()[0] = 9;
        c.classCounts()[0] = 9;
        assertEquals(5, c.records());
        assertThrows(IllegalArgumentException.class, () -> new ClassSizeHistogram(new long[] {1}, new long[0]));
    }

    @Test
    void largeClassesDoNotOverflow() {
        ClassSizeHistogram h = new ClassSizeHistogram(new long[] {3_000_000_000L}, new long[] {3});
        assertEquals(9_000_000_000L, h.records());
    }
}
