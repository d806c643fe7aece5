package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamp formats: detection of epoch seconds vs milliseconds at the 10^11 threshold, flooring
 * of fractional and negative epochs, ISO variants and patterns with and without time or offset.
 * 2020-03-02T10:00:00Z = 1583143200 (a Monday); Berlin is UTC+1 then.
 */
class TimestampParserTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
        "1583143200, EPOCH_SECONDS", "99999999999, EPOCH_SECONDS", "100000000000, EPOCH_MILLIS",
        "-100000000000, EPOCH_MILLIS", "-99999999999, EPOCH_SECONDS", "1.5, EPOCH_SECONDS", "'  42  ', EPOCH_SECONDS",
        "1583143200000, EPOCH_MILLIS", "2020-03-02, ISO", "2020-03-02T10:00:00Z, ISO", "2020-03-02 10:00:00, ISO",
    })
    void detectsTheFormatFromTheShapeOfOneValue(String value, TimestampParser.Kind kind) {
        assertSame(kind, TimestampParser.detect(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-", ".", "1.2.3", "--1", "12a", "yesterday", "2020-13-01"})
    void detectsNothingInValuesOfNoKnownShape(String value) {
        assertNull(TimestampParser.detect(value));
    }

    @ParameterizedTest
    @CsvSource({
        "EPOCH_SECONDS, 1583143200, 1583143200", "EPOCH_SECONDS, 1.7, 1", "EPOCH_SECONDS, -1.5, -2",
        "EPOCH_SECONDS, ' 42 ', 42", "EPOCH_MILLIS, 1500, 1", "EPOCH_MILLIS, 1999, 1", "EPOCH_MILLIS, -1500, -2",
        "EPOCH_MILLIS, 1583143200000, 1583143200", "ISO, 2020-03-02T10:00:00Z, 1583143200",
        "ISO, 2020-03-02T11:00:00+01:00, 1583143200", "ISO, 2020-03-02 11:00:00, 1583143200",
        "ISO, 2020-03-02T11:00, 1583143200", "ISO, 2020-03-02, 1583103600",
    })
    void parsesInTheBerlinZone(TimestampParser.Kind kind, String value, long epoch) {
        TimestampParser p = TimestampParser.of(kind, BERLIN);
        assertEquals(epoch, p.parse(value));
        assertSame(kind, p.kind());
        assertEquals(BERLIN, p.zone());
    }

    @ParameterizedTest
    @CsvSource({
        "EPOCH_SECONDS, ''", "EPOCH_SECONDS, abc", "EPOCH_SECONDS, .", "EPOCH_SECONDS, 2020-03-02", "EPOCH_MILLIS, 1e3",
        "ISO, ''", "ISO, 2020-03-02X10:00", "ISO, 2020-02-30", "ISO, 1583143200", "ISO, 2020-03-02 25:00:00",
    })
    void unreadableValuesAreInvalid(TimestampParser.Kind kind, String value) {
        assertEquals(TimestampParser.INVALID, TimestampParser.of(kind, UTC).parse(value));
    }

    @Test
    void patternsWithDateOnlyTimeOrOffset() {
        // a date alone is local midnight: 2020-03-02T00:00+01:00 = 1583103600
        assertEquals(1583103600L, TimestampParser.ofPattern("dd.MM.yyyy", BERLIN).parse("02.03.2020"));
        assertEquals(1583143200L, TimestampParser.ofPattern("dd.MM.yyyy HH:mm", BERLIN).parse("02.03.2020 11:00"));
        // an offset in the value wins over the zone
        assertEquals(1583143200L, TimestampParser.ofPattern("dd.MM.yyyy HH:mm XXX", BERLIN)
                .parse("02.03.2020 12:00 +02:00"));
        assertEquals(TimestampParser.INVALID, TimestampParser.ofPattern("dd.MM.yyyy", BERLIN).parse("2020-03-02"));
        assertEquals(TimestampParser.INVALID, TimestampParser.ofPattern("dd.MM.yyyy", BERLIN).parse("  "));
        assertSame(TimestampParser.Kind.PATTERN, TimestampParser.ofPattern("yyyy", UTC).kind());
    }

    @Test
    void patternKindNeedsAPattern() {
        assertThrows(IllegalArgumentException.class, () -> TimestampParser.of(TimestampParser.Kind.PATTERN, UTC));
        assertThrows(IllegalArgumentException.class, () -> TimestampParser.ofPattern("dd.MM.yyyy {", UTC));
    }

    @Test
    void kindsHaveReadableLabels() {
        assertEquals("ISO 8601", TimestampParser.Kind.ISO.label());
        assertEquals("epoch seconds", TimestampParser.Kind.EPOCH_SECONDS.label());
        assertEquals("epoch milliseconds", TimestampParser.Kind.EPOCH_MILLIS.label());
        assertEquals("pattern", TimestampParser.Kind.PATTERN.label());
    }
}
