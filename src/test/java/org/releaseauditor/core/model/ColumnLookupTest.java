package org.releaseauditor.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;

class ColumnLookupTest {

    private static Dataset dataset(String... names) {
        List<Column> cols = new java.util.ArrayList<>();
        for (String n : names) {
            ColumnBuilder b = new ColumnBuilder(n);
            b.add("v");
            cols.add(b.build(ColumnType.CATEGORICAL));
        }
        return new Dataset("t", cols);
    }

    @Test
    void returnsTheNamedColumnsInTheGivenOrder() throws Exception {
        Dataset ds = dataset("age", "sex", "zip");
        List<Column> cols = ColumnLookup.require(ds, List.of("zip", " age"), "--qi");
        assertEquals(List.of("zip", "age"), cols.stream().map(Column::name).toList());
        assertArrayEquals(new int[] {2, 0}, ColumnLookup.requireIndices(ds, List.of("zip", "age"), "--qi"));
    }

    @Test
    void unknownColumnListsTheAvailableOnesAndSuggestsTheClosest() {
        Dataset ds = dataset("age", "sex", "postcode");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ColumnLookup.require(ds, List.of("age", "postcod"), "--qi"));
        assertEquals("Unknown column 'postcod' in --qi. Did you mean 'postcode'? Available columns: age, sex, postcode.",
                e.getMessage());
    }

    @Test
    void unknownColumnWithoutCloseMatchHasNoSuggestion() {
        Dataset ds = dataset("age", "sex");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ColumnLookup.require(ds, List.of("income"), "--sensitive"));
        assertEquals("Unknown column 'income' in --sensitive. Available columns: age, sex.", e.getMessage());
    }

    @Test
    void aColumnNamedTwiceIsRejected() {
        Dataset ds = dataset("age");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ColumnLookup.require(ds, List.of("age", "age"), "--qi"));
        assertTrue(e.getMessage().contains("'age' is named twice in --qi"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            kitten, sitting, 3
            '',     abc,     3
            flaw,   lawn,    2
            same,   same,    0
            """)
    void editDistanceIsLevenshtein(String a, String b, int expected) {
        assertEquals(expected, ColumnLookup.editDistance(a, b));
    }

    @Test
    void suggestionPrefersACaseInsensitiveMatch() {
        assertEquals("Age", ColumnLookup.suggest("AGE", List.of("sex", "Age", "age2")));
        assertNull(ColumnLookup.suggest("weight", List.of("age", "sex")));
    }
}
