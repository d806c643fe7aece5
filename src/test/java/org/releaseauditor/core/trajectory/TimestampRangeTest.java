package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * A timestamp that parses but cannot be an event time (issue 14: {@code +292278994-08-17T07:12:55}
 * was blamed on the temporal resolution) is refused at import, naming the line, the value and the
 * expected range and format.
 */
class TimestampRangeTest {

    @BeforeEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static EventTable read(String second) throws Exception {
        ColumnBuilder user = new ColumnBuilder("user");
        ColumnBuilder time = new ColumnBuilder("ts");
        ColumnBuilder cell = new ColumnBuilder("cell");
        for (String[] r : new String[][] {{"u1", "2025-03-03T07:00:00", "C1"}, {"u2", second, "C2"}}) {
            user.add(r[0]);
            time.add(r[1]);
            cell.add(r[2]);
        }
        Dataset ds = new Dataset("events.csv", List.of(user.build(ColumnType.CATEGORICAL),
                time.build(ColumnType.CATEGORICAL), cell.build(ColumnType.CATEGORICAL)));
        return EventImport.fromDataset(ds, new EventColumns("user", "ts", "cell", null, null, List.of(), null, null),
                "events.csv", ProgressMonitor.none());
    }

    @ParameterizedTest
    @CsvSource({"+292278994-08-17T07:12:55", "2200-01-01T00:00:00", "1899-12-31T23:59:59"})
    void timestampOutsideTheYears1900To2199IsRefusedAtItsLine(String value) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(value));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("line 3, column ts: timestamp \"" + value + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("1900 to 2199"), e.getMessage());
        assertTrue(!e.getMessage().contains("resolution"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"2199-12-31T23:59:59", "1900-01-01T00:00:00"})
    void timestampsAtTheEdgesOfTheRangeAreRead(String value) {
        assertDoesNotThrow(() -> read(value));
    }
}
