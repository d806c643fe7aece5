package org.releaseauditor.service.trajectories;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.EventImport;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.io.AreaMappingReader;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneChecks;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trajectories lane: pseudonymised events in; unicity, the coarsening sweep,
 * background-knowledge attacks, home/work and top-N anonymity sets out (result JSON schema
 * {@code src/docs/schema/trajectories-v2.md}). Inputs: {@code events} and, for {@code map}
 * resolutions, {@code areaMap}.
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

    @Override
    public LaneResult<TrajectoriesRequest, TrajectoryReport> analyze(TrajectoriesRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
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
        return service.text(result.output());
    }

    /** Writes the per-user risks of a result (uid,attack,k,risk): the only output with pseudonyms. */
    public void writePerUser(LaneResult<TrajectoriesRequest, TrajectoryReport> result, Path file)
            throws AuditException {
        service.writePerUser(result.output(), file);
    }
}
