package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Import edges: each missing value is reported at its own line and column (data row r is line
 * r + 2), coordinate ranges are inclusive at ±90 / ±180, coordinate pairs are told apart by
 * either coordinate, a person's attributes come from their first row, and fixed-offset zones,
 * far-from-1970 times and the remaining format options behave.
 */
class EventImportEdgeTest {

    private static EventTable load(Dataset ds, EventColumns c) throws AuditException {
        return EventImport.fromDataset(ds, c, "ev.csv", ProgressMonitor.none());
    }

    private static EventColumns ids() {
        return new EventColumns("uid", "time", "loc", null, null, null, null, null);
    }

    private static EventColumns coords() {
        return new EventColumns("uid", "time", null, "lat", "lng", null, null, null);
    }

    private static DatasetFormatException refused(Dataset ds, EventColumns c) {
        return assertThrows(DatasetFormatException.class, () -> load(ds, c));
    }

    @Test
    void aMissingTimestampIsReportedAtItsLineAndColumn() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "1583143200", "L"),
                Fixtures.r("a", "", "L"));
        DatasetFormatException e = refused(ds, ids());
        assertEquals("trajectory.error.missingValue", e.messageKey());
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertEquals(3L, e.args()[1]);
        assertEquals("time", e.args()[2]);
        assertEquals("timestamp", e.args()[3]);
    }

    @Test
    void aMissingLocationIsReportedAtItsLineAndColumn() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "1583143200", "L"),
                Fixtures.r("a", "1583143201", "L"), Fixtures.r("b", "1583143200", ""));
        DatasetFormatException e = refused(ds, ids());
        assertEquals("trajectory.error.missingValue", e.messageKey());
        assertEquals(4, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void missingCoordinatesAreReportedAtTheirLineAndColumn() {
        Dataset lat = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("a", "1583143200", "", "11"));
        DatasetFormatException e = refused(lat, coords());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        Dataset lng = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("a", "1583143200", "48", "11"), Fixtures.r("a", "1583143200", "48", ""));
        DatasetFormatException f = refused(lng, coords());
        assertEquals(3, f.line());
        assertEquals(4, f.column());
        // with location ids the coordinates are checked too
        Dataset both = Fixtures.dataset(new String[] {"uid", "time", "loc", "lat", "lng"},
                Fixtures.r("a", "1583143200", "L", "48", "11"), Fixtures.r("a", "1583143200", "L", "", "11"));
        DatasetFormatException g = refused(both, new EventColumns("uid", "time", "loc", "lat", "lng", null, null,
                null));
        assertEquals("trajectory.error.missingValue", g.messageKey());
        assertEquals(3, g.line());
        assertEquals(4, g.column());
        Dataset bothLng = Fixtures.dataset(new String[] {"uid", "time", "loc", "lat", "lng"},
                Fixtures.r("a", "1583143200", "L", "48", "11"), Fixtures.r("a", "1583143200", "L", "48", ""));
        DatasetFormatException h = refused(bothLng, new EventColumns("uid", "time", "loc", "lat", "lng", null, null,
                null));
        assertEquals(3, h.line());
        assertEquals(5, h.column());
        assertEquals("longitude", h.args()[3]);
    }

    @ParameterizedTest
    @CsvSource({"90, 180", "-90, -180", "0, 0", "89.999, -179.999"})
    void coordinatesOnTheEdgesOfTheirRangesAreAccepted(String lat, String lng) throws Exception {
        EventTable t = load(Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("a", "1583143200", lat, lng)), coords());
        assertEquals(Double.parseDouble(lat), t.latitude(0), 0);
        assertEquals(Double.parseDouble(lng), t.longitude(0), 0);
    }

    @ParameterizedTest
    @CsvSource({"90.001, 0, trajectory.error.latRange", "-90.5, 0, trajectory.error.latRange",
        "0, 180.001, trajectory.error.lngRange", "0, -181, trajectory.error.lngRange",
        "north, 0, trajectory.error.latRange", "0, east, trajectory.error.lngRange"})
    void coordinatesBeyondTheirRangesAreRefusedAtTheirLine(String lat, String lng, String key) {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("a", "1583143200", "1", "1"), Fixtures.r("b", "1583143200", lat, lng));
        DatasetFormatException e = refused(ds, coords());
        assertEquals(key, e.messageKey());
        assertEquals(3, e.line());
        assertEquals(3L, e.args()[1]);
        assertEquals(key.equals("trajectory.error.latRange") ? 3 : 4, e.column());
    }

    @Test
    void coordinatePairsDifferingInOneCoordinateAreDifferentLocations() throws Exception {
        // (48.1, 11.5), (48.1, 11.6), (48.2, 11.5): same latitude or same longitude, three places
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("a", "1583143200", "48.1", "11.5"), Fixtures.r("a", "1583143201", "48.1", "11.6"),
                Fixtures.r("b", "1583143200", "48.2", "11.5"), Fixtures.r("b", "1583143201", "48.1", "11.5"));
        EventTable t = load(ds, coords());
        assertEquals(3, t.locationCount());
        assertEquals(11.6, t.longitude(1), 0);
        assertEquals(48.2, t.latitude(2), 0);
        // b's second event is a's first place
        assertEquals(t.location(0), t.location(3));
        assertEquals(2, t.userStart(1));
    }

    @Test
    void locationIdsWithCoordinatesArePlacedAtTheMeanCoordinateOfEachId() throws Exception {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc", "lat", "lng"},
                Fixtures.r("a", "1583143200", "c1", "10", "20"), Fixtures.r("a", "1583143201", "c1", "12", "24"),
                Fixtures.r("b", "1583143200", "c2", "-5", "7"));
        EventTable t = load(ds, new EventColumns("uid", "time", "loc", "lat", "lng", null, null, null));
        assertEquals(2, t.locationCount());
        assertEquals("c1", t.locationName(0));
        assertEquals(11, t.latitude(0), 1e-12);
        assertEquals(22, t.longitude(0), 1e-12);
        assertEquals(-5, t.latitude(1), 1e-12);
        assertEquals(7, t.longitude(1), 1e-12);
        // ids without coordinate columns have no coordinates
        EventTable plain = load(ds, ids());
        assertTrue(Double.isNaN(plain.latitude(0)) && Double.isNaN(plain.longitude(0)));
        assertTrue(!plain.hasCoordinates());
    }

    @Test
    void aPersonsAttributesComeFromTheirFirstRow() throws Exception {
        // a's rows say 30 then 40 (inconsistent data): the first row counts, so a is not in b's class
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc", "age"},
                Fixtures.r("a", "1583143200", "L", "30"), Fixtures.r("a", "1583143201", "L", "40"),
                Fixtures.r("b", "1583143200", "L", "40"), Fixtures.r("c", "1583143200", "L", "30"));
        EventTable t = load(ds, new EventColumns("uid", "time", "loc", null, null, List.of("age"), null, null));
        assertTrue(t.hasAttributes());
        assertEquals(2, t.attributeClasses());
        assertEquals(0, t.attributeClass(0));
        assertEquals(1, t.attributeClass(1));
        assertEquals(0, t.attributeClass(2));
        assertEquals(0, load(ds, ids()).attributeClasses());
        assertEquals(-1, load(ds, ids()).attributeClass(0));
    }

    @Test
    void attributeCombinationsUseEveryAttributeColumn() throws Exception {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc", "age", "sex"},
                Fixtures.r("a", "1583143200", "L", "30", "f"), Fixtures.r("b", "1583143200", "L", "30", "m"),
                Fixtures.r("c", "1583143200", "L", "30", "f"));
        EventTable t = load(ds, new EventColumns("uid", "time", "loc", null, null, List.of("age", "sex"), null,
                null));
        assertEquals(2, t.attributeClasses());
        assertEquals(t.attributeClass(0), t.attributeClass(2));
        assertTrue(t.attributeClass(0) != t.attributeClass(1));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(ds,
                new EventColumns("uid", "time", "loc", null, null, List.of("income"), null, null)));
        assertEquals("trajectory.error.unknownColumn", e.messageKey());
        assertEquals("attributes", e.args()[3]);
    }

    @Test
    void timestampsThatAreAllMissingAreReportedAtTheFirstDataLine() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "", "L"),
                Fixtures.r("b", "", "L"));
        DatasetFormatException e = refused(ds, ids());
        assertEquals("trajectory.error.timestamp", e.messageKey());
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertEquals("", e.args()[3]);
    }

    @Test
    void anUnrecognisableFirstTimestampIsReportedAtItsOwnLine() {
        // line 2 has no timestamp; the first value, on line 3, has no known shape
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "", "L"),
                Fixtures.r("b", "yesterday", "L"), Fixtures.r("c", "1583143200", "L"));
        DatasetFormatException e = refused(ds, ids());
        assertEquals("trajectory.error.timestamp", e.messageKey());
        assertEquals(3, e.line());
        assertEquals(3L, e.args()[1]);
        assertEquals("yesterday", e.args()[3]);
    }

    @Test
    void millisecondsAfterSecondsAreAMixedFormatAtTheirLine() {
        // the first value fixes epoch seconds; 1583143200000 reads as seconds but has the shape of milliseconds
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "1583143200", "L"),
                Fixtures.r("a", "1583143201", "L"), Fixtures.r("b", "1583143200000", "L"));
        DatasetFormatException e = refused(ds, ids());
        assertEquals("trajectory.error.mixedTime", e.messageKey());
        assertEquals(4, e.line());
        assertEquals(4L, e.args()[1]);
        assertEquals("1583143200000", e.args()[3]);
        assertEquals("epoch milliseconds", e.args()[4]);
        assertEquals("epoch seconds", e.args()[5]);
    }

    @Test
    void isoAfterSecondsIsAMixedFormatNamingBothFormats() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "1583143200", "L"),
                Fixtures.r("b", "2020-03-02T10:00:00Z", "L"));
        DatasetFormatException e = refused(ds, ids());
        assertEquals("trajectory.error.mixedTime", e.messageKey());
        assertEquals(3, e.line());
        assertEquals(3L, e.args()[1]);
        assertEquals("ISO 8601", e.args()[4]);
    }

    @Test
    void anUnreadableValueInAGivenFormatIsNotCalledMixed() {
        // with an explicit format there is no detection: the error names the expected format
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "1583143200", "L"),
                Fixtures.r("b", "2020-03-02T10:00:00Z", "L"));
        DatasetFormatException e = refused(ds, new EventColumns("uid", "time", "loc", null, null, null, "epoch", null));
        assertEquals("trajectory.error.timestamp", e.messageKey());
        assertEquals(3, e.line());
        assertEquals("epoch seconds", e.args()[4]);
    }

    @ParameterizedTest
    @CsvSource({"epoch, 1583143200, 1583143200", "EPOCH-S, 1583143200, 1583143200", "' ISO ', 2020-03-02, 1583107200",
        "epoch-ms, 1583143200999, 1583143200", "yyyy/MM/dd HH:mm, 2020/03/02 10:00, 1583143200"})
    void explicitTimeFormats(String format, String value, long epoch) throws Exception {
        EventTable t = load(Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", value, "L")),
                new EventColumns("uid", "time", "loc", null, null, null, format, null));
        assertEquals(epoch, t.time(0));
    }

    @Test
    void anInvalidPatternIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(Fixtures.dataset(new String[] {"uid", "time", "loc"}, Fixtures.r("a", "x", "L")),
                        new EventColumns("uid", "time", "loc", null, null, null, "yyyy {", null)));
        assertEquals("trajectory.error.badPattern", e.messageKey());
        assertEquals("yyyy {", e.args()[0]);
    }

    @Test
    void locationsNeedAnIdColumnOrBothCoordinates() {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat"}, Fixtures.r("a", "1583143200", "1"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> load(ds, new EventColumns("uid", "time", null, "lat", null, null, null, null)));
        assertEquals("trajectory.error.locationSpec", e.messageKey());
    }

    @Test
    void aFixedOffsetZoneShiftsLocalTime() throws Exception {
        // 2020-03-02T23:30Z at UTC+02:00 is 01:30 on Tuesday
        EventTable t = load(Fixtures.dataset(new String[] {"uid", "time", "loc"},
                Fixtures.r("a", "2020-03-02T23:30:00Z", "L")), new EventColumns("uid", "time", "loc", null, null, null,
                        null, ZoneId.of("+02:00")));
        TraceSet ts = Fixtures.traces(t, "weekday");
        assertEquals(1583191800L + 7200, ts.eventLocalSecond(0));
        assertEquals(1, ts.temporal().bin(ts.eventLocalSecond(0)));
        assertEquals(ZoneId.of("+02:00"), t.zone());
    }

    @Test
    void secondBinsAreFineForAShortSpanFarFromNineteenSeventy() throws Exception {
        // 2040 is more than 2^31 seconds after 1970; the bins are counted from the first event, not from 1970
        EventTable t = Fixtures.events(Fixtures.r("a", "2040-01-01T00:00:00Z", "L"),
                Fixtures.r("b", "2040-01-01T00:00:05Z", "L"), Fixtures.r("c", "2040-01-01T00:00:05Z", "L"));
        TraceSet ts = Fixtures.traces(t, "1s");
        assertEquals(2, ts.pointCount());
        assertEquals(2, ts.postingSize(ts.eventPoint(1)));
        assertEquals(2208988800L, t.time(0));
        assertTrue(t.toString().contains("users=3") && t.toString().contains("events=3")
                && t.toString().contains("locations=1"));
    }

    @Test
    void eventsOfAUserAreSortedByTimeKeepingTheInputOrderOfTies() throws Exception {
        EventTable t = Fixtures.events(Fixtures.r("a", "1583143300", "L3"), Fixtures.r("a", "1583143200", "L1"),
                Fixtures.r("a", "1583143200", "L2"), Fixtures.r("a", "1583143250", "L4"));
        assertArrayEquals(new long[] {1583143200L, 1583143200L, 1583143250L, 1583143300L},
                new long[] {t.time(0), t.time(1), t.time(2), t.time(3)});
        assertEquals("L1", t.locationName(t.location(0)));
        assertEquals("L2", t.locationName(t.location(1)));
        assertEquals("L4", t.locationName(t.location(2)));
        assertEquals(t.time(3), t.timeArray()[3]);
    }
}
