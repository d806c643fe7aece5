package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class EventImportTest {

    private static EventTable load(Dataset ds, EventColumns c) throws Exception {
        return EventImport.fromDataset(ds, c, "ev.csv", ProgressMonitor.none());
    }

    private static EventColumns ids(String format, String zone) {
        return new EventColumns("uid", "time", "loc", null, null, null, format, zone == null ? null : ZoneId.of(zone));
    }

    @ParameterizedTest
    @CsvSource({
        "2020-03-02T10:00:00Z, auto, UTC, 1583143200",
        "2020-03-02T11:00:00+01:00, auto, UTC, 1583143200",
        "2020-03-02 11:00:00, auto, Europe/Berlin, 1583143200",
        "2020-03-02, iso, UTC, 1583107200",
        "1583143200, auto, UTC, 1583143200",
        "1583143200000, auto, UTC, 1583143200",
        "1583143200000, epoch-ms, UTC, 1583143200",
        "02.03.2020 11:00, dd.MM.yyyy HH:mm, Europe/Berlin, 1583143200",
    })
    void parsesTimestampFormatsAndZones(String value, String format, String zone, long epoch) throws Exception {
        EventTable t = load(Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("u", value, "L")),
                ids(format, zone));
        assertEquals(epoch, t.time(0));
    }

    @Test
    void sortsEventsByUserAndTime() throws Exception {
        EventTable t = Fixtures.events(Fixtures.r("b", "2020-01-02T00:00:00Z", "L2"),
                Fixtures.r("a", "2020-01-03T00:00:00Z", "L1"), Fixtures.r("b", "2020-01-01T00:00:00Z", "L3"));
        assertEquals(2, t.userCount());
        assertEquals("b", t.userName(0));
        assertEquals("L3", t.locationName(t.location(t.userStart(0))));
        assertEquals("L2", t.locationName(t.location(t.userStart(0) + 1)));
    }

    @Test
    void unparseableTimestampNamesLineColumnAndValue() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("u", "2020-03-02T10:00:00Z", "L"),
                Fixtures.r("u", "yesterday", "L"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(ds, ids(null, null)));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void mixedTimeFormatsAreReported() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("u", "1583143200", "L"),
                Fixtures.r("u", "2020-03-02T10:00:00Z", "L"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(ds, ids(null, null)));
        assertEquals("trajectory.error.mixedTime", e.messageKey());
        assertEquals(3, e.line());
        Dataset ms = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("u", "1583143200", "L"),
                Fixtures.r("u", "1583143200000", "L"));
        assertEquals("trajectory.error.mixedTime",
                assertThrows(DatasetFormatException.class, () -> load(ms, ids(null, null))).messageKey());
    }

    @Test
    void latitudeOutOfRangeIsReported() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("u", "1583143200", "48.1", "11.5"), Fixtures.r("u", "1583143201", "95.0", "11.5"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> load(ds,
                new EventColumns("uid", "time", null, "lat", "lng", null, null, null)));
        assertEquals("trajectory.error.latRange", e.messageKey());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void longitudeOutOfRangeIsReported() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("u", "1583143200", "48.1", "181"));
        assertEquals("trajectory.error.lngRange", assertThrows(DatasetFormatException.class, () -> load(ds,
                new EventColumns("uid", "time", null, "lat", "lng", null, null, null))).messageKey());
    }

    @Test
    void unknownColumnIsAConfigurationError() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("u", "1583143200", "L"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(ds,
                new EventColumns("user", "time", "loc", null, null, List.of(), null, null)));
        assertTrue(e.getMessage().contains("uid, time, loc"), e.getMessage());
    }

    @Test
    void missingPseudonymAndEmptyFileAreReported() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("", "1583143200", "L"));
        assertEquals("trajectory.error.missingValue",
                assertThrows(DatasetFormatException.class, () -> load(ds, ids(null, null))).messageKey());
        Dataset empty = Fixtures.dataset(new String[] {"uid", "time", "loc"});
        assertEquals("trajectory.error.noEvents",
                assertThrows(DatasetFormatException.class, () -> load(empty, ids(null, null))).messageKey());
    }

    @Test
    void coordinatesBecomeLocations() throws Exception {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("u", "1583143200", "48.1", "11.5"), Fixtures.r("v", "1583143201", "48.1", "11.5"),
                Fixtures.r("v", "1583143202", "48.2", "11.5"));
        EventTable t = load(ds, new EventColumns("uid", "time", null, "lat", "lng", null, null, null));
        assertEquals(2, t.locationCount());
        assertTrue(t.hasCoordinates());
        assertEquals(48.2, t.latitude(1), 1e-12);
    }
}
