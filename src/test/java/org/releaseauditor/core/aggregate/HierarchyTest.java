package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.DatasetFormatException;

class HierarchyTest {

    static Hierarchy read(String... rows) throws DatasetFormatException {
        List<List<String>> r = new java.util.ArrayList<>();
        for (String row : rows) {
            r.add(List.of(row.split(",", -1)));
        }
        return Hierarchy.fromDataset("area", PrimaryRulesTest.dataset(List.of("cell", "district", "city"), r));
    }

    @Test
    void levelsNodesAndNesting() throws Exception {
        Hierarchy h = read("c1,D1,K", "c2,D1,K", "c3,D2,K", "c4,D3,L");
        assertEquals("area", h.dimension());
        assertEquals(List.of("cell", "district", "city"), h.levelNames());
        assertEquals(3, h.levels());
        assertEquals(List.of("D1", "D2", "D3"), h.nodes(1));
        assertEquals(List.of("K", "L"), h.nodes(2));
        assertEquals(0, h.level("c2"));
        assertEquals(1, h.level("D2"));
        assertEquals(2, h.level("L"));
        assertEquals(-1, h.level("nowhere"));
        assertTrue(h.nested(0, 2));
        assertTrue(h.nested(1, 2));
        assertEquals(List.of("D1", "D2"), h.childrenAt("K", 2, 1));
        assertEquals(List.of("c1", "c2", "c3"), h.childrenAt("K", 2, 0));
        assertEquals(List.of("K", "L"), h.childrenAt(null, 3, 2));
        assertEquals(List.of(), h.childrenAt("Z", 2, 0));
        // a district that straddles two cities is not nested in them
        Hierarchy cross = read("c1,D1,K", "c2,D1,L");
        assertFalse(cross.nested(1, 2));
        assertTrue(cross.nested(2, 1)); // but each city lies inside D1
    }

    @Test
    void badMappingFilesNameRowAndColumn() {
        DatasetFormatException empty = assertThrows(DatasetFormatException.class, () -> read("c1,D1,K", "c2,,K"));
        assertEquals(3, empty.line());
        assertEquals(2, empty.column());
        DatasetFormatException part = assertThrows(DatasetFormatException.class, () -> read("c1,D1,K", "c1,D2,K"));
        assertEquals(3, part.line());
        assertEquals(2, part.column());
        assertTrue(part.getMessage().contains("\"D1\"") && part.getMessage().contains("\"D2\""), part.getMessage());
        // D1 is a district of {c1, c2} and a city of {c1}: one label, two groups
        DatasetFormatException amb = assertThrows(DatasetFormatException.class,
                () -> read("c1,D1,D1", "c2,D1,K"));
        assertEquals(2, amb.line());
        assertEquals(3, amb.column());
        // the same label for the same group on two levels is fine
        Hierarchy ok = Hierarchy.of("age", List.of("leaf", "band"), List.of(List.of("18-19", "18-19"),
                List.of("20-64", "20-64"), List.of("65+", "65+")));
        assertEquals(0, ok.level("20-64"));
    }
}
