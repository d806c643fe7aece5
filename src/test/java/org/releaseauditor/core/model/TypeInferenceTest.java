package org.releaseauditor.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeInferenceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1;-2;+30;007                                  | INTEGER
            1;2.5;-3e4;.5                                 | DECIMAL
            1.0;NaN                                       | CATEGORICAL
            3,5;4,0                                       | CATEGORICAL
            2024-03-31;2024-12-01                         | DATE_TIME
            2024-03-31T12:00;2024-03-31 12:00:59.123Z     | DATE_TIME
            2024-03-31T12:00:00+01:00;2024-01-01T00:00:00-0500 | DATE_TIME
            2024-13-01                                    | CATEGORICAL
            2024-03-31T25:00                              | CATEGORICAL
            31.03.2024                                    | CATEGORICAL
            12345678901234567890                          | DECIMAL
            m;f                                           | CATEGORICAL
            ' 42 '                                        | INTEGER
            """)
    void infersTheNarrowestTypeFromDistinctValues(String values, ColumnType expected) {
        assertEquals(expected, TypeInference.infer(values.split(";")));
    }

    @Test
    void emptyDictionaryIsCategorical() {
        assertEquals(ColumnType.CATEGORICAL, TypeInference.infer(new String[0]));
    }

    @Test
    void countsMismatchesForAnOverride() {
        assertEquals(2, TypeInference.countMismatches(new String[] {"1", "x", "2.5"}, 3, ColumnType.INTEGER));
    }
}
