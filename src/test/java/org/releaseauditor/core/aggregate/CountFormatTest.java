package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.PrimaryRulesTest.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Counts are exact non-negative integers written as digits (issue 14): exponents, signs, leading
 * zeros and overflows are refused with the file, line and column instead of being read silently.
 */
class CountFormatTest {

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static CountTable read(String count, boolean extrapolated) throws Exception {
        TableSpec spec = extrapolated ? new TableSpec("A", null, null, null, 3.7, null, null, null) : TableSpec.of("A");
        return CountTableReader.read(dataset(List.of("area", "count"), List.of(List.of("a1", "12"),
                List.of("a2", count))), spec, "a.csv", Map.of(), ProgressMonitor.none());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1e3,                  an exponent
            1E3,                  an exponent
            +3,                   a sign
            00007,                leading zeros
            2147483648,           above 2147483647
            99999999999999999999, above 2147483647
            """)
    void notAPlainCountIsRefusedWithLineColumnAndReason(String token, String reason) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(token, false));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().startsWith("a.csv, line 3, column 2: the count \"" + token + "\""), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void plainCountsAreRead() throws Exception {
        assertEquals(0.0, read("0", false).published(1));
        assertEquals(2147483647.0, read("2147483647", false).published(1));
        assertEquals(37.5, read("37.5", true).published(1), "extrapolated tables may carry decimals");
    }

    @Test
    void decimalsInAnUnscaledTableKeepTheWholeCountMessage() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read("4.5", false));
        assertTrue(e.getMessage().contains("expected a whole, non-negative count"), e.getMessage());
    }

    @Test
    void negativeCountsKeepTheirOwnMessage() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read("-4", false));
        assertTrue(e.getMessage().contains("is negative"), e.getMessage());
    }

    @Test
    void countProblemIsNullForPlainCounts() {
        assertNull(CountTableReader.countProblem("120", false));
        assertNull(CountTableReader.countProblem("0.25", true));
        assertEquals("aggregate.count.leadingZeros", CountTableReader.countProblem("007.5", true));
    }
}
