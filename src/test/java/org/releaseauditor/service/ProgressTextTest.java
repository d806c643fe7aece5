package org.releaseauditor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;

/**
 * Progress phases are message keys turned into text in one place ({@link ProgressText}): what the
 * GUI's task adapter and the CLI's progress line show is never a raw key such as
 * {@code aggregate.progress.audit}, in English or in German.
 */
class ProgressTextTest {
    /** What a message key looks like: dotted lower-camel words. */
    static final Pattern KEY = Pattern.compile("[a-z]+(\\.[a-zA-Z]+)+");
    static final Path SAMPLES = Path.of("sample-datasets");

    /** Collects the text a front end would show. */
    static final class Shown extends CancellationFlag {
        final Set<String> texts = new TreeSet<>();

        @Override
        public synchronized void update(String phase, long done, long total) {
            texts.add(ProgressText.of(phase));
        }
    }

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aKeyBecomesItsTextAndTextStaysText() {
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("Auditing suppressed cells", ProgressText.of("aggregate.progress.audit"));
        assertEquals("Reading customers.csv", ProgressText.of("Reading customers.csv"));
        assertEquals("", ProgressText.of(null));
        Messages.setLocale(Locale.GERMAN);
        assertFalse(ProgressText.of("aggregate.progress.audit").contains("aggregate."));
    }

    @Test
    void noLaneShowsARawKey() throws Exception {
        for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            Messages.setLocale(l);
            DatasetService.clearCache();
            Shown shown = new Shown();
            new MicrodataLane().analyze(MicrodataRequest.builder().quasiIdentifiers(List.of("age", "gender"))
                    .region("germany").build(), LaneInputs.of(MicrodataRequest.DATA,
                    SAMPLES.resolve("microdata/customers.csv")), shown);
            new TrajectoriesLane().analyze(TrajectoriesRequest.builder().user("pseudonym").time("timestamp")
                    .location("cell").points("1..2").attacks("location:1,home-work").sweep("temporal=1h,1d").build(),
                    LaneInputs.of(TrajectoriesRequest.EVENTS, SAMPLES.resolve("trajectories/events_pseudonymised.csv")),
                    shown);
            AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).audit(true);
            b.table("od").dimensions(List.of("date", "home_district", "area"));
            new AggregatesLane().analyze(b.build(), LaneInputs.of("table:od",
                    SAMPLES.resolve("aggregates/od_daily_withheld.csv")), shown);
            assertTrue(shown.texts.size() > 5, shown.texts.toString());
            for (String t : shown.texts) {
                assertFalse(KEY.matcher(t).matches(), "a raw message key reached the user: " + t);
            }
        }
    }
}
