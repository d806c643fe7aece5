package org.releaseauditor.service.trajectories;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.summary.SummaryInput;
import org.releaseauditor.core.summary.SummaryTrajectoryAnalysis;
import org.releaseauditor.core.summary.TrajectorySummaries;
import org.releaseauditor.core.summary.TrajectorySummary;
import org.releaseauditor.core.summary.TrajectorySummaryAudit;
import org.releaseauditor.core.trajectory.EventImport;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.io.AreaMappingReader;
import org.releaseauditor.io.summary.SummaryJson;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneChecks;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.SummarySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trajectories lane: pseudonymised events in; unicity, the coarsening sweep,
 * background-knowledge attacks, home/work and top-N anonymity sets out (result JSON schema
 * {@code src/docs/schema/trajectories-v2.md}). Inputs: {@code events} and, for {@code map}
 * resolutions, {@code areaMap}; or, instead of both, {@code summary}: a trajectory summary
 * (src/docs/spark.md) whose unicity and sweep are audited without the events, the result JSON adding
 * {@code source} and {@code notAvailable}.
 */
public final class TrajectoriesLane implements Lane<TrajectoriesRequest, TrajectoryReport> {
    private static final Logger LOGGER = LoggerFactory.getLogger(TrajectoriesLane.class);
    /** Converts the writer's ordered maps to a tree without re-ordering keys. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private final DatasetService datasets;
    private final TrajectoryAnalysisService service;

    public TrajectoriesLane() {
        this(new DatasetService(), new TrajectoryAnalysisService());
    }

    public TrajectoriesLane(DatasetService datasets, TrajectoryAnalysisService service) {
        this.datasets = datasets;
        this.service = service;
    }

    @Override
    public String name() {
        return TrajectoriesRequest.LANE;
    }

    @Override
    public Class<TrajectoriesRequest> requestType() {
        return TrajectoriesRequest.class;
    }

    @Override
    public TrajectoriesRequest defaults() {
        return TrajectoriesRequest.defaults();
    }

    @Override
    public TrajectoriesRequest readRequest(String json) throws ConfigurationException {
        return TrajectoriesRequest.fromJson(json);
    }

    @Override
    public String primaryRole() {
        return TrajectoriesRequest.EVENTS;
    }

    @Override
    public void validate(TrajectoriesRequest r, LaneInputs inputs) throws AuditException {
        if (inputs.get(TrajectoriesRequest.SUMMARY).isPresent()) {
            validateSummary(r, inputs);
            return;
        }
        LaneChecks.roles(inputs, name(), role -> role.equals(TrajectoriesRequest.EVENTS)
                || role.equals(TrajectoriesRequest.AREA_MAP) && r.usesAreaMap(),
                r.usesAreaMap() ? List.of(TrajectoriesRequest.EVENTS, TrajectoriesRequest.AREA_MAP)
                        : List.of(TrajectoriesRequest.EVENTS));
        if (r.user() == null || r.time() == null || (r.location() == null && (r.lat() == null || r.lng() == null))) {
            r.toBuilder().build(); // names what is missing
        }
        DatasetRef events = inputs.require(TrajectoriesRequest.EVENTS, name(), "--data FILE");
        if (r.usesAreaMap()) {
            inputs.require(TrajectoriesRequest.AREA_MAP, name(), "--spatial map:FILE");
        }
        DatasetService.Header h = datasets.header(events.path(), r.importOptions());
        LaneChecks.column(h, r.user(), "--user");
        LaneChecks.column(h, r.time(), "--time");
        LaneChecks.column(h, r.location(), "--location");
        LaneChecks.numeric(h, r.lat(), "--lat");
        LaneChecks.numeric(h, r.lng(), "--lng");
        LaneChecks.columns(h, r.attributes(), "--attributes");
    }

    /**
     * The checks of a summary-based request: no events, no measure that needs them, and every
     * column, resolution, sample and sweep option equal to the summary's.
     */
    private void validateSummary(TrajectoriesRequest r, LaneInputs inputs) throws AuditException {
        if (inputs.get(TrajectoriesRequest.EVENTS).isPresent()) {
            throw new ConfigurationException("summary.error.withRecords", "--data");
        }
        if (inputs.get(TrajectoriesRequest.AREA_MAP).isPresent() || r.usesAreaMap()) {
            throw new ConfigurationException("summary.error.mapSpatial", TrajectoriesRequest.MAP);
        }
        LaneChecks.roles(inputs, name(), role -> role.equals(TrajectoriesRequest.SUMMARY),
                List.of(TrajectoriesRequest.SUMMARY));
        DatasetRef ref = inputs.require(TrajectoriesRequest.SUMMARY, name(), "--summary FILE");
        if (!r.attacks().isEmpty()) {
            throw new ConfigurationException("summary.error.needsEvents", "--attacks");
        }
        if (r.homeWork() != null) {
            throw new ConfigurationException("summary.error.needsEvents", "--home-work");
        }
        if (r.topN() > 0) {
            throw new ConfigurationException("summary.error.needsEvents", "--top-n");
        }
        TrajectorySummary.Options o = SummarySource.header(ref.path(), name()).trajectories();
        same("--user", r.user(), o.user());
        same("--time", r.time(), o.time());
        same("--location", r.location(), o.location());
        same("--lat", r.lat(), o.lat());
        same("--lng", r.lng(), o.lng());
        same("--attributes", String.join(",", r.attributes()), String.join(",", o.attributes()));
        same("--time-format", r.timeFormat(), o.timeFormat() == null ? "auto" : o.timeFormat());
        same("--zone", r.zone(), o.zone());
        same("--spatial", r.spatial(), o.spatial());
        same("--temporal", r.temporal(), o.temporal());
        same("--sample-users", r.sampleUsers(), o.sampleUsers());
        same("--seed", r.seed(), o.seed());
        List<String> ss = new ArrayList<>(r.sweepSpatial());
        List<String> st = new ArrayList<>(r.sweepTemporal());
        if (r.sweep() && ss.isEmpty()) {
            ss.add(r.spatial());
        }
        if (r.sweep() && st.isEmpty()) {
            st.add(r.temporal());
        }
        boolean summarySweep = !o.sweepSpatial().isEmpty();
        if (r.sweep() && !summarySweep) {
            throw new ConfigurationException("summary.error.sweepMissing", sweepText(ss, st));
        }
        if (r.sweep()) {
            same("--sweep", sweepText(ss, st), sweepText(o.sweepSpatial(), o.sweepTemporal()));
            same("--sweep-points", r.sweepPoints(), o.sweepPoints());
        }
        if (r.maxPoints() > o.maxPoints()) {
            throw new ConfigurationException("summary.error.pointsMissing", r.maxPoints(), o.maxPoints());
        }
    }

    private static String sweepText(List<String> spatial, List<String> temporal) {
        return "spatial=" + String.join(",", spatial) + ";temporal=" + String.join(",", temporal);
    }

    /** The request's value must be the summary's (both may be absent). */
    private static void same(String option, Object given, Object inSummary) throws ConfigurationException {
        if (!Objects.equals(given, inSummary)) {
            throw new ConfigurationException("summary.error.optionDiffers", option, given == null ? "-" : given,
                    inSummary == null ? "-" : inSummary);
        }
    }

    /** Unicity and the sweep from a summary, as the lane's usual report with the measures that need events empty. */
    private LaneResult<TrajectoriesRequest, TrajectoryReport> analyzeSummary(TrajectoriesRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
        validateSummary(r, inputs);
        DatasetService.Bound<TrajectorySummary> read = datasets.readFile(inputs.require(TrajectoriesRequest.SUMMARY,
                name(), "--summary FILE"), SummaryJson::readTrajectories, monitor.slice(0, 0.2));
        SummaryTrajectoryAnalysis a = TrajectorySummaryAudit.analyze(read.value(), r.minPoints(), r.maxPoints(),
                monitor.slice(0.2, 1));
        // a sweep in the summary that the request does not ask for is left out, as the raw path does
        TrajectoryReport report = new TrajectoryReport(a.dataset(), a.users(), a.events(), a.locations(), a.areas(),
                a.points(), a.spatial(), a.temporal(), a.zone(), a.minPoints(), a.unicity(), r.sweep() ? a.sweep()
                        : null, List.of(), List.of(), List.of(), List.of(), null);
        LaneInputs hashed = LaneInputs.builder().put(TrajectoriesRequest.SUMMARY, read.ref()).build();
        ObjectNode tree = TREES.valueToTree(service.jsonTree(report));
        SummarySource.addTo(tree, read.ref().path(), a.producer(), a.input(), a.unavailable());
        tree.set("inputs", hashed.toJson());
        LOGGER.info("trajectory lane: {} users from a summary (sha256 {}, producer {})", a.users(),
                read.ref().sha256(), a.producer());
        return new LaneResult<>(name(), r, hashed, report, Json.write(tree));
    }

    @Override
    public LaneResult<TrajectoriesRequest, TrajectoryReport> analyze(TrajectoriesRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
        if (inputs.get(TrajectoriesRequest.SUMMARY).isPresent()) {
            return analyzeSummary(r, inputs, monitor);
        }
        validate(r, inputs);
        LaneInputs.Builder read = LaneInputs.builder();
        DatasetService.LoadedInput events = datasets.loadInput(inputs.require(TrajectoriesRequest.EVENTS, name(),
                "--data"), r.importOptions(), monitor.slice(0, 0.15));
        read.put(TrajectoriesRequest.EVENTS, events.ref());
        Map<String, String> mapping = null;
        String mapName = null;
        if (r.usesAreaMap()) {
            DatasetService.Bound<Map<String, String>> m = datasets.readFile(inputs.require(
                    TrajectoriesRequest.AREA_MAP, name(), "--spatial map:FILE"), AreaMappingReader::read,
                    monitor.slice(0.15, 0.16));
            read.put(TrajectoriesRequest.AREA_MAP, m.ref());
            mapping = m.value();
            mapName = m.ref().fileName();
        }
        SpatialResolution spatial = service.spatial(r.spatial(), mapping, mapName);
        TemporalResolution temporal = service.temporal(r.temporal());
        List<SpatialResolution> sweepSpatial = new ArrayList<>();
        for (String s : r.sweepSpatial()) {
            sweepSpatial.add(service.spatial(s, mapping, mapName));
        }
        List<TemporalResolution> sweepTemporal = new ArrayList<>();
        for (String t : r.sweepTemporal()) {
            sweepTemporal.add(service.temporal(t));
        }
        if (r.sweep() && sweepSpatial.isEmpty()) {
            sweepSpatial.add(spatial);
        }
        if (r.sweep() && sweepTemporal.isEmpty()) {
            sweepTemporal.add(temporal);
        }
        Path file = events.ref().path();
        EventTable table = EventImport.fromDataset(events.data(), r.columns(), file.toString(),
                monitor.slice(0.16, 0.2));
        LOGGER.info("trajectory lane: {} users, {} events, {} locations, resolution {} x {}", table.userCount(),
                table.eventCount(), table.locationCount(), spatial.label(), temporal.label());
        TrajectoryReport report = service.analyze(table, events.ref().fileName(), r, spatial, temporal,
                sweepSpatial, sweepTemporal, monitor.slice(0.2, 1));
        LaneInputs hashed = read.build();
        Map<String, Object> tree = service.jsonTree(report);
        tree.put("inputs", hashed.toJson());
        return new LaneResult<>(name(), r, hashed, report, Json.write(TREES.valueToTree(tree)));
    }

    @Override
    public String text(LaneResult<TrajectoriesRequest, TrajectoryReport> result) {
        String text = service.text(result.output());
        return SummarySource.of(result).map(s -> text + s.text()).orElse(text);
    }

    /**
     * Makes a trajectory summary of an event file in process ({@code summarize trajectories}):
     * the unicity draws of the sampled users at the request's resolution and for its sweep, with
     * no pseudonyms, places or times (src/docs/spark.md). The measures that need every event
     * (attacks, home/work, top-N) are not part of a summary; {@code map} resolutions are not
     * supported, as in the Spark job.
     *
     * @param eventsLocation the event file as the user gave it (recorded as the input's name)
     * @param out            where the summary JSON goes
     */
    public TrajectorySummary summarize(TrajectoriesRequest r, String eventsLocation, Path out,
            ProgressMonitor monitor) throws AuditException {
        if (r.usesAreaMap()) {
            throw new ConfigurationException("summary.error.mapSpatial", TrajectoriesRequest.MAP);
        }
        LaneInputs inputs = LaneInputs.of(TrajectoriesRequest.EVENTS, Path.of(eventsLocation));
        validate(r, inputs);
        DatasetService.LoadedInput events = datasets.loadInput(inputs.require(TrajectoriesRequest.EVENTS, name(),
                "--data"), r.importOptions(), monitor.slice(0, 0.15));
        SpatialResolution spatial = service.spatial(r.spatial(), null, null);
        TemporalResolution temporal = service.temporal(r.temporal());
        List<SpatialResolution> ss = new ArrayList<>();
        for (String x : r.sweepSpatial()) {
            ss.add(service.spatial(x, null, null));
        }
        List<TemporalResolution> st = new ArrayList<>();
        for (String t : r.sweepTemporal()) {
            st.add(service.temporal(t));
        }
        if (r.sweep() && ss.isEmpty()) {
            ss.add(spatial);
        }
        if (r.sweep() && st.isEmpty()) {
            st.add(temporal);
        }
        Path file = events.ref().path();
        EventTable table = EventImport.fromDataset(events.data(), r.columns(), file.toString(),
                monitor.slice(0.15, 0.2));
        TrajectorySummary.Options o = new TrajectorySummary.Options(r.user(), r.time(), r.location(), r.lat(),
                r.lng(), r.attributes(), r.timeFormat(), r.zone(), spatial.label(), temporal.label(), r.maxPoints(),
                r.sampleUsers(), r.seed(), ss.stream().map(SpatialResolution::label).toList(),
                st.stream().map(TemporalResolution::label).toList(), r.sweepPoints(),
                SummarySource.importRecord(datasets, file, r.importOptions()));
        SummaryInput input = new SummaryInput(eventsLocation, events.ref().sha256(), events.ref().sizeBytes(),
                events.data().rowCount());
        TrajectorySummary s = TrajectorySummaries.build(table, o, spatial, temporal, ss, st, input,
                monitor.slice(0.2, 0.98));
        SummaryJson.write(s, out);
        LOGGER.info("Trajectory summary of input sha256 {} written to {}: {} users, {} sampled", events.ref().sha256(),
                out.getFileName(), table.userCount(), s.sampledUsers().length);
        return s;
    }

    /** Writes the per-user risks of a result (uid,attack,k,risk): the only output with pseudonyms. */
    public void writePerUser(LaneResult<TrajectoriesRequest, TrajectoryReport> result, Path file)
            throws AuditException {
        service.writePerUser(result.output(), file);
    }
}
