package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Temporal and spatial generalisation at their edges: bin edges, negative times, time-of-day
 * classes across midnight, weekday boundaries, classes that do not divide the day, grid cell
 * edges, geohash precision and cell centres, labels and parse errors.
 */
class ResolutionBoundaryTest {

    private static final long DAY = 86_400;
    /** 1970-01-05T00:00 was a Monday (1970-01-01 was a Thursday). */
    private static final long MONDAY = 4 * DAY;

    private static TemporalResolution t(String spec) throws ConfigurationException {
        return TemporalResolution.parse(spec);
    }

    // --------------------------------------------------------------------------- temporal

    @Test
    void absoluteBinsIncludeTheirLeftEdgeAndFloorNegativeTimes() throws Exception {
        TemporalResolution h = t("1h");
        assertEquals(0, h.bin(0));
        assertEquals(0, h.bin(3599));
        assertEquals(1, h.bin(3600));
        // before the epoch: -1 s lies in bin -1 (floor), not bin 0 (truncation)
        assertEquals(-1, h.bin(-1));
        assertEquals(-1, h.bin(-3600));
        assertEquals(-2, h.bin(-3601));
    }

    @Test
    void timeOfDayClassesWrapAtMidnight() throws Exception {
        TemporalResolution tod = t("tod:4h");
        assertEquals(0, tod.bin(0));
        assertEquals(0, tod.bin(4 * 3600 - 1));
        assertEquals(1, tod.bin(4 * 3600));
        assertEquals(5, tod.bin(DAY - 1)); // 23:59:59 -> class 20-24h
        assertEquals(0, tod.bin(DAY)); // next midnight -> class 0 again
        assertEquals(5, tod.bin(-1)); // 23:59:59 of 1969-12-31
        assertEquals(3, tod.bin(17 * DAY + 12 * 3600)); // noon of any day -> 12-16h
    }

    @Test
    void weekdaysRunMondayToSundayAndChangeAtMidnight() throws Exception {
        assertEquals(3, TemporalResolution.weekday(0)); // Thursday 1970-01-01
        assertEquals(2, TemporalResolution.weekday(-1)); // Wednesday 23:59:59
        assertEquals(0, TemporalResolution.weekday(MONDAY));
        assertEquals(6, TemporalResolution.weekday(MONDAY - 1)); // Sunday 23:59:59
        assertEquals(4, TemporalResolution.weekday(MONDAY + 5 * DAY - 1)); // Friday 23:59:59
        assertEquals(5, TemporalResolution.weekday(MONDAY + 5 * DAY)); // Saturday 00:00
        assertEquals(5, t("weekday").bin(MONDAY + 5 * DAY));
    }

    @Test
    void weekdayTimeOfDayUsesCeilingClassesPerDay() throws Exception {
        // 5 h classes: 86400 / 18000 = 4.8 -> 5 classes per day (the last one 20-24 h is short)
        TemporalResolution w = t("weekday-tod:5h");
        assertEquals(TemporalResolution.Kind.WEEKDAY_TIME_OF_DAY, w.kind());
        assertEquals(4, w.bin(MONDAY + 23 * 3600)); // Monday 23:00 -> class 4 of day 0
        assertEquals(5, w.bin(MONDAY + DAY)); // Tuesday 00:00 -> 1 * 5 + 0
        assertEquals(6 * 5 + 4, w.bin(MONDAY + 7 * DAY - 1)); // Sunday 23:59:59 -> last class 34
        assertArrayEquals(new long[] {0, 34}, w.binRange(0, 1));
        // 6 h classes divide the day: 4 per day
        assertEquals(4 + 2, t("weekday-tod:6h").bin(MONDAY + DAY + 12 * 3600));
        assertArrayEquals(new long[] {0, 27}, t("weekday-tod:6h").binRange(0, 1));
    }

    @Test
    void binRangesCoverEveryClass() throws Exception {
        assertArrayEquals(new long[] {0, 0}, t("none").binRange(-5, 5));
        assertArrayEquals(new long[] {-1, 2}, t("1h").binRange(-1, 3 * 3600 - 1));
        assertArrayEquals(new long[] {0, 5}, t("tod:4h").binRange(123, 456));
        // 5 h classes: ceil(24 / 5) = 5 -> 0..4
        assertArrayEquals(new long[] {0, 4}, t("tod:5h").binRange(123, 456));
        assertArrayEquals(new long[] {0, 6}, t("weekday").binRange(123, 456));
        assertEquals(0, t("none").bin(123_456));
    }

    @ParameterizedTest
    @CsvSource({
        "30s, 30, 30s", "90s, 90, 90s", "60s, 60, 1m", "61m, 3660, 61m", "120m, 7200, 2h", "25h, 90000, 25h",
        "48h, 172800, 2d", "1w, 604800, 7d", "2w, 1209600, 14d", "' TOD:4H ', 14400, tod:4h",
        "weekday-tod:90m, 5400, weekday-tod:90m",
    })
    void parsesDurationsAndLabelsThemInTheLargestWholeUnit(String spec, long seconds, String label) throws Exception {
        TemporalResolution r = t(spec);
        assertEquals(seconds, r.seconds());
        assertEquals(label, r.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h", "0h", "-2m", "1.5h", "5y", "tod:", "tod:0m", "weekday-tod:x", "", "abc"})
    void rejectsTemporalSpecs(String spec) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TemporalResolution.parse(spec));
        assertEquals("trajectory.error.badTemporal", e.messageKey());
    }

    @Test
    void binWidthMustBePositiveOnlyWhereItIsUsed() {
        assertThrows(IllegalArgumentException.class, () -> TemporalResolution.bins(0));
        assertThrows(IllegalArgumentException.class,
                () -> new TemporalResolution(TemporalResolution.Kind.TIME_OF_DAY, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TemporalResolution(TemporalResolution.Kind.WEEKDAY_TIME_OF_DAY, -1));
        assertEquals(1, TemporalResolution.bins(1).seconds());
        assertEquals(TemporalResolution.Kind.WEEKDAY, new TemporalResolution(TemporalResolution.Kind.WEEKDAY, 0).kind());
        assertEquals(TemporalResolution.Kind.NONE, TemporalResolution.none().kind());
    }

    // ---------------------------------------------------------------------------- spatial

    private static EventTable coordinates(double[][] latLng) throws Exception {
        String[][] rows = new String[latLng.length][];
        for (int i = 0; i < latLng.length; i++) {
            rows[i] = Fixtures.r("u" + i, "1583143200", Double.toString(latLng[i][0]), Double.toString(latLng[i][1]));
        }
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"}, rows);
        return EventImport.fromDataset(ds, new EventColumns("uid", "time", null, "lat", "lng", null, null, null),
                "g.csv", ProgressMonitor.none());
    }

    @Test
    void gridCellsStartAtTheirLowerEdge() throws Exception {
        // a 111,320 m grid is one degree of latitude; the reference latitude round(mean) = 0 makes it one
        // degree of longitude too. 0.5 and 0.999 share cell 0; 1.0 opens cell 1; -0.001 is cell -1.
        // (mean latitude 0.25 rounds to 0)
        EventTable t = coordinates(new double[][] {{0.5, 0.5}, {0.999, 0.5}, {1.0, 0.5}, {-0.001, 0.5},
            {-0.5, 1.0}, {-0.5, -0.5}});
        SpatialResolution.AreaAssignment a = new SpatialResolution.Grid(111_320).assign(t);
        assertEquals(5, a.areaCount());
        int[] area = a.areaOfLocation();
        assertEquals(area[0], area[1]);
        assertTrue(area[2] != area[0] && area[3] != area[0] && area[4] != area[0] && area[5] != area[0]);
        // cell centres: (cy + 0.5, cx + 0.5) degrees
        assertEquals(0.5, a.areaLat()[area[0]], 1e-9);
        assertEquals(0.5, a.areaLng()[area[0]], 1e-9);
        assertEquals(1.5, a.areaLat()[area[2]], 1e-9);
        assertEquals(-0.5, a.areaLat()[area[3]], 1e-9);
        assertEquals(1.5, a.areaLng()[area[4]], 1e-9);
        assertEquals(-0.5, a.areaLng()[area[5]], 1e-9);
        // the trace set exposes the same centres per area
        TraceSet ts = TraceSet.build(t, new SpatialResolution.Grid(111_320), TemporalResolution.none(),
                ProgressMonitor.none());
        assertEquals(1.5, ts.areaLatitude(ts.eventArea(ts.userStart(2))), 1e-9);
        assertEquals(1.5, ts.areaLongitude(ts.eventArea(ts.userStart(4))), 1e-9);
    }

    @Test
    void gridLongitudeScaleUsesTheRoundedMeanLatitude() throws Exception {
        // mean latitude 60.2 rounds to 60: cos 60° = 1/2, so 55,660 m span one degree of longitude
        // (and half a degree of latitude). Longitudes 10.2 and 10.9 share a cell, 11.0 does not.
        EventTable t = coordinates(new double[][] {{60.2, 10.2}, {60.2, 10.9}, {60.2, 11.0}});
        SpatialResolution.AreaAssignment a = new SpatialResolution.Grid(55_660).assign(t);
        assertEquals(2, a.areaCount());
        assertEquals(a.areaOfLocation()[0], a.areaOfLocation()[1]);
        assertEquals(10.5, a.areaLng()[a.areaOfLocation()[0]], 1e-9);
        assertEquals(11.5, a.areaLng()[a.areaOfLocation()[2]], 1e-9);
        // cy = floor(60.2 * 2) = 120 -> centre 120.5 / 2 = 60.25
        assertEquals(60.25, a.areaLat()[a.areaOfLocation()[0]], 1e-9);
    }

    @Test
    void geohashBitsAlternateLongitudeFirstAndIncludeTheLowerHalfEdge() {
        // (0, 0): longitude 0 >= midpoint 0 -> 1, latitude 0 >= 0 -> 1, then both go to the lower half:
        // bits 1 1 0 0 0 = 24 = 's'
        assertEquals("s", SpatialResolution.Geohash.hash(0, 0, 1));
        assertEquals("s0000", SpatialResolution.Geohash.hash(0, 0, 5));
        // just below both midpoints: 0 0 1 1 1 ... = '7' then 'z's
        assertEquals("7zzz", SpatialResolution.Geohash.hash(-1e-9, -1e-9, 4));
        assertEquals("u4pru", SpatialResolution.Geohash.hash(57.64911, 10.40744, 5));
        assertEquals("u4pruydqqvj", SpatialResolution.Geohash.hash(57.64911, 10.40744, 11));
        assertEquals(12, SpatialResolution.Geohash.hash(57.64911, 10.40744, 12).length());
        // precision 12 is 60 bits: the long holds them
        assertTrue(SpatialResolution.Geohash.hash(57.64911, 10.40744, 12).startsWith("u4pruydqqvj"));
    }

    @Test
    void geohashBoxIsTheCellAndAreasSitAtItsCentre() throws Exception {
        double[] box = new double[4];
        SpatialResolution.Geohash.encode(57.64911, 10.40744, 1, box);
        // 'u' = 11010: lng >= 0 (0..180), lat >= 0 (0..90), lng < 90 (0..90), lat >= 45 (45..90), lng < 45
        assertArrayEquals(new double[] {45, 90, 0, 45}, box, 0);
        EventTable t = coordinates(new double[][] {{57.64911, 10.40744}, {50, 40}, {10, 10}});
        SpatialResolution.AreaAssignment a = new SpatialResolution.Geohash(1).assign(t);
        assertEquals(2, a.areaCount());
        assertEquals(a.areaOfLocation()[0], a.areaOfLocation()[1]);
        assertEquals(67.5, a.areaLat()[a.areaOfLocation()[0]], 0);
        assertEquals(22.5, a.areaLng()[a.areaOfLocation()[0]], 0);
        assertEquals("geohash:1", new SpatialResolution.Geohash(1).label());
    }

    @ParameterizedTest
    @CsvSource({
        "none, none", "ID, none", "geohash:1, geohash:1", "geohash:12, geohash:12", "grid:500m, grid:500m",
        "500m, grid:500m", "0.5km, grid:500m", "2km, grid:2km", "1000m, grid:1km", "1500m, grid:1500m",
        "999.5m, grid:999.5m", "grid:1.5km, grid:1500m",
    })
    void parsesSpatialSpecs(String spec, String label) throws Exception {
        assertEquals(label, SpatialResolution.parse(spec).label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"geohash:0", "geohash:13", "geohash:x", "0m", "-5m", "0km", "500", "nanm", "grid:km",
        "hex:7"})
    void rejectsSpatialSpecs(String spec) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SpatialResolution.parse(spec));
        assertEquals("trajectory.error.badSpatial", e.messageKey());
    }

    @Test
    void identityKeepsEveryLocationWithItsCoordinate() throws Exception {
        EventTable t = coordinates(new double[][] {{1, 2}, {3, 4}, {1, 2}});
        SpatialResolution.AreaAssignment a = new SpatialResolution.Identity().assign(t);
        assertEquals(2, a.areaCount());
        assertArrayEquals(new int[] {0, 1}, a.areaOfLocation());
        assertArrayEquals(new double[] {1, 3}, a.areaLat(), 0);
        assertArrayEquals(new double[] {2, 4}, a.areaLng(), 0);
        assertEquals("none", new SpatialResolution.Identity().label());
    }

    @Test
    void mappingAreasSitAtTheMeanOfTheirLocationsAndNeedLocationIds() throws Exception {
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "loc", "lat", "lng"},
                Fixtures.r("a", "1583143200", "c1", "10", "20"), Fixtures.r("a", "1583146800", "c2", "12", "24"),
                Fixtures.r("b", "1583143200", "c3", "50", "60"));
        EventTable t = EventImport.fromDataset(ds, new EventColumns("uid", "time", "loc", "lat", "lng", null, null,
                null), "m.csv", ProgressMonitor.none());
        SpatialResolution.Mapping m = new SpatialResolution.Mapping("d.csv", Map.of("c1", "D1", "c2", "D1", "c3",
                "D2"));
        SpatialResolution.AreaAssignment a = m.assign(t);
        assertEquals(2, a.areaCount());
        assertArrayEquals(new int[] {0, 0, 1}, a.areaOfLocation());
        assertArrayEquals(new double[] {11, 50}, a.areaLat(), 1e-12);
        assertArrayEquals(new double[] {22, 60}, a.areaLng(), 1e-12);
        assertEquals("map:d.csv", m.label());
        // without coordinates the areas have none
        EventTable ids = Fixtures.events(Fixtures.r("a", "1583143200", "c1"), Fixtures.r("b", "1583143200", "c3"));
        SpatialResolution.AreaAssignment noCoords = m.assign(ids);
        assertTrue(Double.isNaN(noCoords.areaLat()[0]));
        // coordinates-only tables have no ids to map
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> m.assign(coordinates(new double[][] {{1, 2}})));
        assertEquals("trajectory.error.mapNeedsIds", e.messageKey());
        ConfigurationException grid = assertThrows(ConfigurationException.class,
                () -> new SpatialResolution.Geohash(3).assign(ids));
        assertEquals("trajectory.error.spatialNeedsCoordinates", grid.messageKey());
    }

    @Test
    void unmappedLocationsAreCountedAndTheFirstIsNamed() throws Exception {
        EventTable t = Fixtures.events(Fixtures.r("a", "1583143200", "c2"), Fixtures.r("a", "1583146800", "c9"),
                Fixtures.r("b", "1583143200", "c1"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new SpatialResolution.Mapping("m.csv", Map.of("c1", "D")).assign(t));
        assertEquals("trajectory.error.unmapped", e.messageKey());
        assertArrayEquals(new Object[] {"m.csv", 2, "c2"}, e.args());
    }

    // -------------------------------------------------------------------------- home/work

    @Test
    void defaultNightRunsFromEightPmToSevenAmAcrossMidnight() {
        HomeWork hw = HomeWork.defaults();
        assertFalse(hw.isNight(19));
        assertTrue(hw.isNight(20));
        assertTrue(hw.isNight(23));
        assertTrue(hw.isNight(0));
        assertTrue(hw.isNight(6));
        assertFalse(hw.isNight(7));
        assertFalse(hw.isNight(12));
    }

    @Test
    void aNightThatDoesNotWrapIsAPlainInterval() {
        HomeWork hw = new HomeWork(0, 3, 9, 17);
        assertTrue(hw.isNight(0));
        assertTrue(hw.isNight(2));
        assertFalse(hw.isNight(3));
        assertFalse(hw.isNight(23));
        // start = end: an empty window
        HomeWork empty = new HomeWork(5, 5, 9, 17);
        for (int h = 0; h < 24; h++) {
            assertFalse(empty.isNight(h), "hour " + h);
        }
    }

    @Test
    void workTimeIsWeekdaysFromTheStartHourToBeforeTheEndHour() {
        HomeWork hw = HomeWork.defaults();
        assertFalse(hw.isWorkTime(MONDAY + 9 * 3600 - 1)); // 08:59:59
        assertTrue(hw.isWorkTime(MONDAY + 9 * 3600)); // 09:00
        assertTrue(hw.isWorkTime(MONDAY + 17 * 3600 - 1)); // 16:59:59
        assertFalse(hw.isWorkTime(MONDAY + 17 * 3600)); // 17:00
        assertTrue(hw.isWorkTime(MONDAY + 4 * DAY + 10 * 3600)); // Friday 10:00
        assertFalse(hw.isWorkTime(MONDAY + 5 * DAY + 10 * 3600)); // Saturday 10:00
        assertFalse(hw.isWorkTime(MONDAY - DAY + 10 * 3600)); // Sunday 10:00
        // before 1970: floorMod keeps the hour of day right (1969-12-29 was a Monday)
        assertTrue(hw.isWorkTime(MONDAY - 7 * DAY + 10 * 3600));
    }

    @Test
    void hoursMustBeWithinTheDay() {
        assertEquals(24, new HomeWork(0, 24, 0, 24).nightEnd());
        assertThrows(IllegalArgumentException.class, () -> new HomeWork(-1, 7, 9, 17));
        assertThrows(IllegalArgumentException.class, () -> new HomeWork(20, 25, 9, 17));
        assertThrows(IllegalArgumentException.class, () -> new HomeWork(20, 7, -1, 17));
        assertThrows(IllegalArgumentException.class, () -> new HomeWork(20, 7, 9, 25));
    }

    @Test
    void homeAndWorkTiesGoToThePlaceThatAppearsFirstInTheData() throws Exception {
        // 2020-03-02 is a Monday (UTC). Places appear as P, Q, R.
        // a: nights Q, P (one each) -> tie -> P; days R, Q (one each) -> tie -> Q
        // b: nights Q x2, P -> Q; no weekday daytime event (only Saturday) -> work -1
        // c: night at 19:00 (not night) and 07:00 (not night) -> home -1; day at 08:59 (no) and 17:00 (no) -> -1
        EventTable t = Fixtures.events(
                Fixtures.r("x", "2020-03-01T10:00:00Z", "P"), Fixtures.r("x", "2020-03-01T11:00:00Z", "Q"),
                Fixtures.r("x", "2020-03-01T12:00:00Z", "R"),
                Fixtures.r("a", "2020-03-02T21:00:00Z", "Q"), Fixtures.r("a", "2020-03-03T05:00:00Z", "P"),
                Fixtures.r("a", "2020-03-03T10:00:00Z", "R"), Fixtures.r("a", "2020-03-03T11:00:00Z", "Q"),
                Fixtures.r("b", "2020-03-02T22:00:00Z", "Q"), Fixtures.r("b", "2020-03-03T01:00:00Z", "P"),
                Fixtures.r("b", "2020-03-03T02:00:00Z", "Q"), Fixtures.r("b", "2020-03-07T10:00:00Z", "R"),
                Fixtures.r("c", "2020-03-02T19:00:00Z", "P"), Fixtures.r("c", "2020-03-03T07:00:00Z", "P"),
                Fixtures.r("c", "2020-03-03T08:59:00Z", "Q"), Fixtures.r("c", "2020-03-03T17:00:00Z", "Q"));
        TraceSet ts = Fixtures.traces(t, "none");
        int[][] hw = HomeWork.defaults().homeAndWork(ts, ProgressMonitor.none());
        int p = 0;
        int q = 1;
        int r = 2;
        assertEquals("x", t.userName(0));
        // x: Sunday daytime only -> neither
        assertArrayEquals(new int[] {-1, -1}, hw[0]);
        assertArrayEquals(new int[] {p, q}, hw[1]);
        assertArrayEquals(new int[] {q, -1}, hw[2]);
        assertArrayEquals(new int[] {-1, -1}, hw[3]);
        assertTrue(r > q);
        // only a has both places, and its home is area 0: it is counted, the others are excluded
        AnonymitySets sets = HomeWork.defaults().anonymitySets(ts, ProgressMonitor.none());
        assertEquals(1, sets.users());
        assertEquals(3, sets.excluded());
        assertEquals(1.0, sets.fractionSize1());
    }

    @Test
    void aLaterPlaceTakesOverHomeOrWorkOnlyWithMoreVisits() throws Exception {
        // places appear as P, Q. a: nights P then Q (tie 1:1 -> P stays); days P then Q (tie -> P stays).
        // b: nights P, P, Q -> P (2 > 1); days P, P, Q -> P.
        EventTable t = Fixtures.events(
                Fixtures.r("a", "2020-03-02T21:00:00Z", "P"), Fixtures.r("a", "2020-03-02T22:00:00Z", "Q"),
                Fixtures.r("a", "2020-03-03T10:00:00Z", "P"), Fixtures.r("a", "2020-03-03T11:00:00Z", "Q"),
                Fixtures.r("b", "2020-03-02T21:00:00Z", "P"), Fixtures.r("b", "2020-03-02T22:00:00Z", "P"),
                Fixtures.r("b", "2020-03-02T23:00:00Z", "Q"), Fixtures.r("b", "2020-03-03T10:00:00Z", "P"),
                Fixtures.r("b", "2020-03-03T11:00:00Z", "P"), Fixtures.r("b", "2020-03-03T12:00:00Z", "Q"));
        int[][] hw = HomeWork.defaults().homeAndWork(Fixtures.traces(t, "none"), ProgressMonitor.none());
        assertArrayEquals(new int[] {0, 0}, hw[0]);
        assertArrayEquals(new int[] {0, 0}, hw[1]);
        int[] best = TopPlaces.mostVisited(Fixtures.traces(t, "none"), ProgressMonitor.none());
        // a: P 2, Q 2 -> P; b: P 4, Q 2 -> P
        assertArrayEquals(new int[] {0, 0}, best);
    }

    @Test
    void mostVisitedPlaceTiesGoToThePlaceThatAppearsFirstInTheData() throws Exception {
        // places appear as P, Q, R. a: R Q Q R -> tie 2:2 -> Q (appears first); b: R P -> P; c: R R Q -> R
        EventTable t = Fixtures.events(
                Fixtures.r("x", "2020-03-01T10:00:00Z", "P"), Fixtures.r("x", "2020-03-01T11:00:00Z", "Q"),
                Fixtures.r("x", "2020-03-01T12:00:00Z", "R"),
                Fixtures.r("a", "2020-03-02T01:00:00Z", "R"), Fixtures.r("a", "2020-03-02T02:00:00Z", "Q"),
                Fixtures.r("a", "2020-03-02T03:00:00Z", "Q"), Fixtures.r("a", "2020-03-02T04:00:00Z", "R"),
                Fixtures.r("b", "2020-03-02T01:00:00Z", "R"), Fixtures.r("b", "2020-03-02T02:00:00Z", "P"),
                Fixtures.r("c", "2020-03-02T01:00:00Z", "R"), Fixtures.r("c", "2020-03-02T02:00:00Z", "R"),
                Fixtures.r("c", "2020-03-02T03:00:00Z", "Q"));
        int[] best = TopPlaces.mostVisited(Fixtures.traces(t, "none"), ProgressMonitor.none());
        assertArrayEquals(new int[] {0, 1, 0, 2}, best);
        // top-1 sets follow the same rule: {P}: x, b; {Q}: a; {R}: c -> sizes 2, 1, 2, 1
        TopPlaces.TopNResult top1 = TopPlaces.anonymitySets(Fixtures.traces(t, "none"), 1, ProgressMonitor.none())
                .get(0);
        assertEquals(1, top1.n());
        assertEquals(0.5, top1.sets().fractionSize1(), 1e-12);
        assertArrayEquals(new int[] {2, 2, 0, 0, 0, 0, 0, 0}, top1.sets().sizeCounts());
    }

    @Test
    void topNKeysUsersWithFewerPlacesByAllOfThem() throws Exception {
        // a: P Q, b: Q P P, c: P. N = 2: a {P,Q}, b {P,Q}, c {P} -> sizes 2 2 1; N = 3 the same
        EventTable t = Fixtures.events(Fixtures.r("a", "2020-03-02T01:00:00Z", "P"),
                Fixtures.r("a", "2020-03-02T02:00:00Z", "Q"), Fixtures.r("b", "2020-03-02T01:00:00Z", "Q"),
                Fixtures.r("b", "2020-03-02T02:00:00Z", "P"), Fixtures.r("b", "2020-03-02T03:00:00Z", "P"),
                Fixtures.r("c", "2020-03-02T01:00:00Z", "P"));
        var r = TopPlaces.anonymitySets(Fixtures.traces(t, "none"), 3, ProgressMonitor.none());
        assertEquals(3, r.size());
        // N = 1: a {P} (tie P/Q -> P appears first), b {P}, c {P} -> one set of 3
        assertArrayEquals(new int[] {0, 0, 3, 0, 0, 0, 0, 0}, r.get(0).sets().sizeCounts());
        assertArrayEquals(new int[] {1, 2, 0, 0, 0, 0, 0, 0}, r.get(1).sets().sizeCounts());
        assertArrayEquals(new int[] {1, 2, 0, 0, 0, 0, 0, 0}, r.get(2).sets().sizeCounts());
        assertInstanceOf(TopPlaces.TopNResult.class, r.get(2));
        assertEquals(3, r.get(2).n());
    }
}
