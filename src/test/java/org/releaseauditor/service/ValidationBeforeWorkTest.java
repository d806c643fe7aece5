package org.releaseauditor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.service.aggregates.AggregatesLane;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;

/**
 * A bad option fails before any work: the lane checks the request against the inputs' headers
 * (first rows only) before it reports any progress. The inputs are the largest bundled samples, on
 * which the full work takes seconds (microdata, trajectories) to tens of seconds (the LP audit of
 * the whole footfall table); the checks take milliseconds.
 */
class ValidationBeforeWorkTest {
    static final Path SAMPLES = Path.of("sample-datasets");

    /** A monitor that records every phase it is told about. */
    static final class Recording extends CancellationFlag {
        final List<String> phases = new ArrayList<>();

        @Override
        public synchronized void update(String phase, long done, long total) {
            phases.add(phase);
        }
    }

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** Runs the lane, expects a usage error before any progress, and returns it. */
    private static <R extends LaneRequest> ConfigurationException failsFast(Lane<R, ?> lane, R request,
            LaneInputs inputs) throws AuditException {
        // once to load the classes, then timed
        assertThrows(ConfigurationException.class, () -> lane.validate(request, inputs));
        Recording monitor = new Recording();
        long start = System.nanoTime();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> lane.analyze(request, inputs, monitor));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(), monitor.phases, "no work (and no progress) before the options are checked");
        assertTrue(millis < 1000, "the check took " + millis + " ms");
        return e;
    }

    @Test
    void unknownQuasiIdentifierOnAdult() throws Exception {
        MicrodataRequest r = MicrodataRequest.builder().quasiIdentifiers(List.of("sex", "agee", "race")).build();
        ConfigurationException e = failsFast(new MicrodataLane(), r,
                LaneInputs.of(MicrodataRequest.DATA, SAMPLES.resolve("microdata/adult.csv")));
        assertTrue(e.getMessage().contains("Did you mean 'age'"), e.getMessage());
    }

    @Test
    void nonNumericWeightAndMissingSupersetColumn() throws Exception {
        Path adult = SAMPLES.resolve("microdata/adult.csv");
        MicrodataRequest weight = MicrodataRequest.builder().quasiIdentifiers(List.of("sex")).weight("race").build();
        assertTrue(failsFast(new MicrodataLane(), weight, LaneInputs.of(MicrodataRequest.DATA, adult)).getMessage()
                .contains("must hold numbers"));
        MicrodataRequest superset = MicrodataRequest.builder().quasiIdentifiers(List.of("age", "gender")).build();
        failsFast(new MicrodataLane(), superset, LaneInputs.builder()
                .put(MicrodataRequest.DATA, SAMPLES.resolve("microdata/customers.csv"))
                .put(MicrodataRequest.SUPERSET, adult).build());
    }

    @Test
    void unknownPseudonymColumnOnTheEvents() throws Exception {
        TrajectoriesRequest r = TrajectoriesRequest.builder().user("pseudonymm").time("timestamp").location("cell")
                .attacks("location:1-3").build();
        ConfigurationException e = failsFast(new TrajectoriesLane(), r, LaneInputs.of(TrajectoriesRequest.EVENTS,
                SAMPLES.resolve("trajectories/events_pseudonymised.csv")));
        assertTrue(e.getMessage().contains("Did you mean 'pseudonym'"), e.getMessage());
    }

    @Test
    void mapResolutionWithoutItsMappingFile() throws Exception {
        TrajectoriesRequest r = TrajectoriesRequest.builder().user("pseudonym").time("timestamp").location("cell")
                .spatial("map").build();
        ConfigurationException e = failsFast(new TrajectoriesLane(), r, LaneInputs.of(TrajectoriesRequest.EVENTS,
                SAMPLES.resolve("trajectories/events_pseudonymised.csv")));
        assertEquals("lane.error.missingInput", e.messageKey());
    }

    @Test
    void misspeltDimensionBeforeTheLpAuditOfTheWholeFootfallTable() throws Exception {
        AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).audit(true);
        b.table("footfall").dimensions(List.of("date", "hours", "area", "age_band", "gender"));
        ConfigurationException e = failsFast(new AggregatesLane(), b.build(), LaneInputs.of("table:footfall",
                SAMPLES.resolve("aggregates/footfall_hourly_withheld.csv")));
        assertTrue(e.getMessage().contains("Did you mean 'hour'"), e.getMessage());
    }

    @Test
    void recoveryColumnsAreCheckedAgainstTheTruthFile() throws Exception {
        AggregatesRequest.Builder b = AggregatesRequest.builder().recoverFrom("x").recoveryColumns("user,slot,area");
        b.table("footfall");
        ConfigurationException e = failsFast(new AggregatesLane(), b.build(), LaneInputs.builder()
                .put("table:footfall", SAMPLES.resolve("aggregates/footfall_hourly.csv"))
                .put(AggregatesRequest.RECOVERY, SAMPLES.resolve("aggregates/trajectories_truth.csv")).build());
        assertTrue(e.getMessage().contains("slot"), e.getMessage());
    }
}
