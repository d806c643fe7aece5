package org.releaseauditor.ui.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.i18n.Messages;

/** Resolution labels on screen: "none" and the time bins in the session's language (issue 13 part 5). */
class ResolutionTextTest {

    @AfterEach
    void reset() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void english() {
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("locations as given", ResolutionText.spatial("none"));
        assertEquals("times as given", ResolutionText.temporal("none"));
        assertEquals("grid:500m", ResolutionText.spatial("grid:500m"));
        assertEquals(List.of("1 h", "15 min", "1 d", "time of day in 4 h", "weekday",
                "weekday and time of day in 6 h"),
                ResolutionText.temporalAll(List.of("1h", "15m", "1d", "tod:4h", "weekday", "weekday-tod:6h")));
    }

    @Test
    void germanHasNoEnglishNone() {
        Messages.setLocale(Locale.GERMAN);
        assertEquals(List.of("Orte wie angegeben", "geohash:6"), ResolutionText.spatialAll(List.of("none", "geohash:6")));
        assertEquals("Zeiten wie angegeben", ResolutionText.temporal("none"));
        assertEquals("Tageszeit in 4 Std.", ResolutionText.temporal("tod:4h"));
        assertEquals("Wochentag", ResolutionText.temporal("weekday"));
        assertEquals("\u2013", ResolutionText.temporal(null));
        assertEquals("keine", ResolutionText.brief("none"), "the What-if sliders' brief form");
        assertEquals("tod:4h", ResolutionText.brief("tod:4h"));
    }
}
