package org.releaseauditor.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.EventColumns;
import org.releaseauditor.core.trajectory.EventImport;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.io.summary.SummaryJson;
import org.releaseauditor.report.TrajectoryJsonWriter;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryAnalysisService;
import org.releaseauditor.service.trajectories.TrajectoryReport;

/**
 * Unicity and the coarsening sweep from a trajectory summary equal the raw-data path's, including
 * each sampled user's minimal p. The expected values are the raw-data path's own output on the
 * bundled events (checked elsewhere against de Montjoye et al. and hand-worked traces).
 */
class TrajectorySummaryEquivalenceTest {

    @TempDir
    Path dir;

    private static final Path EVENTS = Path.of("sample-datasets/trajectories/events_pseudonymised.csv");

    private static TrajectoriesRequest request(EventColumns cols, String spatial, String temporal, int minPoints,
            int maxPoints, int sample, long seed, List<String> sweepSpatial, List<String> sweepTemporal,
            int sweepPoints) throws Exception {
        TrajectoriesRequest.Builder b = TrajectoriesRequest.builder().user(cols.user()).time(cols.time())
                .location(cols.location()).lat(cols.lat()).lng(cols.lng()).attributes(cols.attributes())
                .timeFormat(cols.timeFormat()).zone(cols.zone().getId()).spatial(spatial).temporal(temporal)
                .points(minPoints, maxPoints).sampleUsers(sample).seed(seed).sweepSpatial(sweepSpatial)
                .sweepTemporal(sweepTemporal).sweepPoints(sweepPoints).homeWorkOff().topN(0);
        return b.build();
    }

    /** The event table of the request, read as the lane reads it. */
    private static EventTable table(TrajectoriesRequest req) throws Exception {
        return EventImport.fromDataset(new DatasetService().load(EVENTS, req.importOptions(), ProgressMonitor.none()),
                req.columns(), EVENTS.toString(), ProgressMonitor.none());
    }

    /** Raw JSON tree, and the tree of the audit from a summary made in process (via its JSON file). */
    private List<Map<String, Object>> both(TrajectoriesRequest req) throws Exception {
        TrajectoryAnalysisService service = new TrajectoryAnalysisService();
        TrajectoryReport raw = new TrajectoriesLane().analyze(req, LaneInputs.of(TrajectoriesRequest.EVENTS, EVENTS),
                ProgressMonitor.none()).output();
        EventTable table = table(req);
        SpatialResolution spatial = service.spatial(req.spatial(), null, null);
        TemporalResolution temporal = service.temporal(req.temporal());
        List<SpatialResolution> ss = new ArrayList<>();
        for (String s : req.sweepSpatial()) {
            ss.add(service.spatial(s, null, null));
        }
        List<TemporalResolution> st = new ArrayList<>();
        for (String t : req.sweepTemporal()) {
            st.add(service.temporal(t));
        }
        if (req.sweep() && ss.isEmpty()) {
            ss.add(spatial);
        }
        if (req.sweep() && st.isEmpty()) {
            st.add(temporal);
        }
        EventColumns c = req.columns();
        TrajectorySummary.Options o = new TrajectorySummary.Options(c.user(), c.time(), c.location(), c.lat(),
                c.lng(), c.attributes(), c.timeFormat() == null ? "auto" : c.timeFormat(), c.zone().getId(),
                spatial.label(), temporal.label(), req.maxPoints(), req.sampleUsers(), req.seed(),
                ss.stream().map(SpatialResolution::label).toList(), st.stream().map(TemporalResolution::label).toList(),
                req.sweepPoints(), Map.of());
        TrajectorySummary s = TrajectorySummaries.build(table, o, spatial, temporal, ss, st,
                new SummaryInput(EVENTS.toString(), null, -1, table.eventCount()), ProgressMonitor.none());
        Path json = dir.resolve("t-" + System.nanoTime() + ".json");
        SummaryJson.write(s, json);
        TrajectorySummary back = SummaryJson.readTrajectories(json);
        assertEquals(s, back);
        SummaryTrajectoryAnalysis a = TrajectorySummaryAudit.analyze(back, req.minPoints(), req.maxPoints(),
                ProgressMonitor.none());
        assertEquals(raw.unicity(), a.unicity(), "unicity rows and per-user minimal p");
        Map<String, Object> rawTree = new LinkedHashMap<>(TrajectoryJsonWriter.tree(new TrajectoryJsonWriter.Model(
                raw.dataset(), raw.users(), raw.events(), raw.locations(), raw.areas(), raw.points(), raw.spatial(),
                raw.temporal(), raw.zone(), raw.unicity(), raw.sweep(), raw.attacks(), raw.homeWork(), raw.topN(),
                List.of())));
        Map<String, Object> summaryTree = new LinkedHashMap<>(TrajectoryJsonWriter.tree(new TrajectoryJsonWriter.Model(
                a.dataset(), a.users(), a.events(), a.locations(), a.areas(), a.points(), a.spatial(), a.temporal(),
                a.zone(), a.unicity(), a.sweep(), List.of(), List.of(), List.of(), List.of())));
        return List.of(rawTree, summaryTree);
    }

    private static void assertSameJson(List<Map<String, Object>> both) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(m.writeValueAsString(both.get(0)), m.writeValueAsString(both.get(1)));
    }

    @Test
    void everyUserAtCellTimesHourGivesTheRawUnicity() throws Exception {
        EventColumns cols = new EventColumns("pseudonym", "timestamp", "cell", null, null, List.of(), null,
                ZoneId.of("UTC"));
        List<Map<String, Object>> both = both(request(cols, "none", "1h", 1, 5, 0, 1, List.of(), List.of(), 4));
        assertSameJson(both);
        assertEquals(true, ((Map<?, ?>) both.get(1).get("unicitySettings")).get("exact"));
    }

    @Test
    void aSampleWithAttributesCoordinatesAndASweepGivesTheRawNumbers() throws Exception {
        EventColumns cols = new EventColumns("pseudonym", "timestamp", "cell", "lat", "lon",
                List.of("age_band", "gender"), "auto", ZoneId.of("Europe/Berlin"));
        assertSameJson(both(request(cols, "none", "1h", 2, 4, 300, 7, List.of("none", "grid:2km"),
                List.of("1h", "1d"), 3)));
    }

    @Test
    void coordinatesOnlyOnGeohashCellsAndTimeOfDayGiveTheRawNumbers() throws Exception {
        EventColumns cols = new EventColumns("pseudonym", "timestamp", null, "lat", "lon", List.of(), null,
                ZoneId.of("UTC"));
        assertSameJson(both(request(cols, "geohash:6", "tod:4h", 1, 3, 500, 11, List.of("geohash:5"), List.of(), 2)));
    }

    @Test
    void askingForMorePointsThanTheSummaryDrewIsAClearError() throws Exception {
        EventColumns cols = new EventColumns("pseudonym", "timestamp", "cell", null, null, List.of(), null,
                ZoneId.of("UTC"));
        TrajectoriesRequest req = request(cols, "none", "1h", 1, 2, 50, 1, List.of(), List.of(), 2);
        EventTable table = table(req);
        TrajectorySummary.Options o = new TrajectorySummary.Options("pseudonym", "timestamp", "cell", null, null,
                List.of(), "auto", "UTC", "none", "1h", 2, 50, 1, List.of(), List.of(), 2, Map.of());
        TrajectorySummary s = TrajectorySummaries.build(table, o, new SpatialResolution.Identity(),
                TemporalResolution.bins(3600), List.of(), List.of(), new SummaryInput("events.csv", null, -1, 1),
                ProgressMonitor.none());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TrajectorySummaryAudit.analyze(s, 1, 5, ProgressMonitor.none()));
        assertEquals("summary.error.pointsMissing", e.messageKey());
        String json = SummaryJson.toJson(s);
        assertFalse(json.contains("941d26e46da3"), "no pseudonyms");
        assertFalse(json.contains("C00014"), "no cells");
        assertFalse(json.contains("2025-03-03"), "no timestamps");
        assertTrue(Files.size(EVENTS) > 20 * json.length(), "the summary is far smaller than the events");
    }
}
