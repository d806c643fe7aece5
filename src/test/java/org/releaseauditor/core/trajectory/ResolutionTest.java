package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class ResolutionTest {

    @ParameterizedTest
    @CsvSource({
        "15m, BIN, 900, 15m",
        "1h, BIN, 3600, 1h",
        "1d, BIN, 86400, 1d",
        "tod:4h, TIME_OF_DAY, 14400, tod:4h",
        "weekday, WEEKDAY, 86400, weekday",
        "none, NONE, 0, none",
    })
    void parsesTemporalResolutions(String spec, TemporalResolution.Kind kind, long seconds, String label)
            throws Exception {
        TemporalResolution t = TemporalResolution.parse(spec);
        assertEquals(kind, t.kind());
        assertEquals(seconds, t.seconds());
        assertEquals(label, t.label());
    }

    @Test
    void temporalClassesUseLocalTime() {
        long monday10 = 1583143200L; // 2020-03-02T10:00Z, a Monday
        assertEquals(0, TemporalResolution.weekday(monday10));
        assertEquals(2, parseOrFail("tod:4h").bin(monday10));
        assertEquals(6 * 4 + 1, parseOrFail("weekday-tod:6h").bin(monday10 + 6 * 86_400));
    }

    @Test
    void rejectsBadSpecs() {
        assertThrows(ConfigurationException.class, () -> TemporalResolution.parse("1y"));
        assertThrows(ConfigurationException.class, () -> TemporalResolution.parse("-1h"));
        assertThrows(ConfigurationException.class, () -> SpatialResolution.parse("hex:7"));
        assertThrows(ConfigurationException.class, () -> SpatialResolution.parse("geohash:13"));
    }

    @Test
    void geohashMatchesTheReferenceEncoding() {
        // the classic example: 57.64911, 10.40744 -> u4pruydqqvj
        assertEquals("u4pruydqqvj", SpatialResolution.Geohash.hash(57.64911, 10.40744, 11));
    }

    @Test
    void gridCellsAreNestedAndSized() throws Exception {
        // two points 300 m apart north-south share a 1 km cell only if they do not straddle a border
        Dataset ds = Fixtures.dataset(new String[] {"uid", "time", "lat", "lng"},
                Fixtures.r("a", "1583143200", "48.0000", "11.0"), Fixtures.r("b", "1583143200", "48.0027", "11.0"),
                Fixtures.r("c", "1583143200", "48.0500", "11.0"));
        EventTable t = EventImport.fromDataset(ds, new EventColumns("uid", "time", null, "lat", "lng", null, null,
                null), "g.csv", ProgressMonitor.none());
        assertEquals(3, SpatialResolution.parse("grid:100m").assign(t).areaCount());
        assertEquals(2, SpatialResolution.parse("1km").assign(t).areaCount());
        assertEquals(1, SpatialResolution.parse("grid:10km").assign(t).areaCount());
        assertEquals("grid:500m", SpatialResolution.parse("500m").label());
        assertEquals("grid:2km", SpatialResolution.parse("2km").label());
    }

    @Test
    void mappingMustCoverEveryLocation() throws Exception {
        EventTable t = Fixtures.events(Fixtures.r("a", "1583143200", "c1"), Fixtures.r("a", "1583143200", "c2"),
                Fixtures.r("b", "1583143200", "c3"));
        SpatialResolution.Mapping m = new SpatialResolution.Mapping("districts.csv", Map.of("c1", "d1", "c2", "d1",
                "c3", "d2"));
        assertEquals(2, m.assign(t).areaCount());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new SpatialResolution.Mapping("m.csv", Map.of("c1", "d1")).assign(t));
        assertEquals("trajectory.error.unmapped", e.messageKey());
        assertThrows(ConfigurationException.class, () -> new SpatialResolution.Grid(500).assign(t));
    }

    private static TemporalResolution parseOrFail(String s) {
        try {
            return TemporalResolution.parse(s);
        } catch (ConfigurationException e) {
            throw new AssertionError(e);
        }
    }
}
