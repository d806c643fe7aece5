package org.releaseauditor.service.trajectories;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.AnonymitySets;
import org.releaseauditor.core.trajectory.AttackOptions;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.AttackSpec;
import org.releaseauditor.core.trajectory.BackgroundKnowledgeAttack;
import org.releaseauditor.core.trajectory.CoarseningSweep;
import org.releaseauditor.core.trajectory.EventImport;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.core.trajectory.TopPlaces;
import org.releaseauditor.core.trajectory.TraceSet;
import org.releaseauditor.core.trajectory.Unicity;
import org.releaseauditor.core.trajectory.UnicityOptions;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.io.AreaMappingReader;
import org.releaseauditor.report.TrajectoryJsonWriter;
import org.releaseauditor.report.TrajectoryTextWriter;
import org.releaseauditor.service.DatasetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trajectory use case: load an event file, convert it to events, compute unicity, the
 * coarsening sweep, attacks, home/work and top-N anonymity sets, and write JSON or text.
 */
public final class TrajectoryAnalysisService {
    private static final Logger LOGGER = LoggerFactory.getLogger(TrajectoryAnalysisService.class);

    private final DatasetService datasets;

    public TrajectoryAnalysisService() {
        this(new DatasetService());
    }

    public TrajectoryAnalysisService(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** Loads the event file of a request (progress 0..1 of the monitor). */
    public EventTable load(TrajectoryRequest req, ProgressMonitor monitor) throws AuditException {
        Dataset ds = datasets.load(req.data(), req.importOptions(), monitor.slice(0, 0.7));
        return EventImport.fromDataset(ds, req.columns(), req.data().toString(), monitor.slice(0.7, 1));
    }

    /** Resolves a spatial spec; {@code map:FILE} reads the mapping file. */
    public SpatialResolution spatial(String spec) throws AuditException {
        if (spec == null || spec.isBlank()) {
            return new SpatialResolution.Identity();
        }
        if (spec.trim().toLowerCase(Locale.ROOT).startsWith("map:")) {
            Path file = Path.of(spec.trim().substring(4));
            return new SpatialResolution.Mapping(file.getFileName().toString(), AreaMappingReader.read(file));
        }
        return SpatialResolution.parse(spec);
    }

    public TemporalResolution temporal(String spec) throws ConfigurationException {
        return spec == null || spec.isBlank() ? TemporalResolution.bins(3600) : TemporalResolution.parse(spec);
    }

    /** Runs the whole analysis. */
    public TrajectoryReport analyze(TrajectoryRequest req, ProgressMonitor monitor) throws AuditException {
        // resolve every option before the long work, so that usage errors come first
        SpatialResolution spatial = spatial(req.spatial());
        TemporalResolution temporal = temporal(req.temporal());
        List<SpatialResolution> sweepSpatial = new ArrayList<>();
        for (String s : req.sweepSpatial()) {
            sweepSpatial.add(spatial(s));
        }
        List<TemporalResolution> sweepTemporal = new ArrayList<>();
        for (String t : req.sweepTemporal()) {
            sweepTemporal.add(temporal(t));
        }
        boolean sweep = !sweepSpatial.isEmpty() || !sweepTemporal.isEmpty();
        if (sweep && sweepSpatial.isEmpty()) {
            sweepSpatial.add(spatial);
        }
        if (sweep && sweepTemporal.isEmpty()) {
            sweepTemporal.add(temporal);
        }
        EventTable table = load(req, monitor.slice(0, 0.2));
        LOGGER.info("trajectory analysis: {} users, {} events, {} locations, resolution {} x {}", table.userCount(),
                table.eventCount(), table.locationCount(), spatial.label(), temporal.label());
        return analyze(table, req.data().getFileName().toString(), req, spatial, temporal, sweepSpatial,
                sweepTemporal, monitor.slice(0.2, 1));
    }

    /** Runs the analysis on an already loaded table (GUI, tests, benchmarks). */
    public TrajectoryReport analyze(EventTable table, String name, TrajectoryRequest req, SpatialResolution spatial,
            TemporalResolution temporal, List<SpatialResolution> sweepSpatial, List<TemporalResolution> sweepTemporal,
            ProgressMonitor monitor) throws AuditException {
        boolean attrs = table.hasAttributes();
        TraceSet ts = TraceSet.build(table, spatial, temporal, monitor.slice(0, 0.1));
        UnicityResult full = Unicity.compute(ts, new UnicityOptions(req.maxPoints(), req.sampleUsers(), req.seed(),
                attrs), monitor.slice(0.1, 0.3));
        List<UnicityResult.Row> rows = new ArrayList<>();
        for (UnicityResult.Row r : full.rows()) {
            if (r.points() >= req.minPoints()) {
                rows.add(r);
            }
        }
        UnicityResult unicity = new UnicityResult(full.resolution(), full.exact(), full.seed(), full.withAttributes(),
                rows, full.minimalPoints());
        SweepResult sweep = null;
        if (!sweepSpatial.isEmpty()) {
            sweep = CoarseningSweep.run(table, sweepSpatial, sweepTemporal, req.sweepPoints(), req.sampleUsers(),
                    req.seed(), attrs, monitor.slice(0.3, 0.6));
        }
        List<AttackResult> attacks = new ArrayList<>();
        AttackOptions ao = new AttackOptions(req.attackOptions().exactLimit(), req.attackOptions().sampledInstances(),
                req.sampleUsers(), req.seed());
        BackgroundKnowledgeAttack runner = new BackgroundKnowledgeAttack(ts);
        int i = 0;
        for (AttackSpec spec : req.attacks()) {
            double from = 0.6 + 0.3 * i / req.attacks().size();
            double to = 0.6 + 0.3 * (i + 1) / req.attacks().size();
            attacks.add(runner.run(spec, ao, monitor.slice(from, to)));
            i++;
        }
        List<AnonymitySets> homeWork = new ArrayList<>();
        if (req.homeWork() != null) {
            homeWork.add(req.homeWork().anonymitySets(ts, monitor.slice(0.9, 0.93)));
            for (SpatialResolution s : sweepSpatial) {
                if (!s.label().equals(spatial.label())) {
                    TraceSet other = TraceSet.build(table, s, temporal, monitor.slice(0.93, 0.95));
                    homeWork.add(req.homeWork().anonymitySets(other, monitor.slice(0.95, 0.97)));
                }
            }
        }
        List<TopPlaces.TopNResult> topN = req.topN() > 0 ? TopPlaces.anonymitySets(ts, req.topN(),
                monitor.slice(0.97, 0.99)) : List.of();
        List<TrajectoryReport.AreaCell> areaMap = areaMap(ts, unicity, Math.min(4, req.maxPoints()),
                monitor.slice(0.99, 1));
        if (req.perUserFile() != null) {
            writePerUser(req.perUserFile(), table, attacks);
        }
        monitor.update("done", 1, 1);
        return new TrajectoryReport(name, table.userCount(), table.eventCount(), table.locationCount(),
                ts.areaCount(), ts.pointCount(), spatial.label(), temporal.label(), table.zone().getId(),
                req.minPoints(), unicity, sweep, attacks, homeWork, topN, areaMap);
    }

    /** Users per most-visited area, and how many of them are unique with p points (areas with coordinates only). */
    private static List<TrajectoryReport.AreaCell> areaMap(TraceSet ts, UnicityResult u, int p,
            ProgressMonitor monitor) {
        if (ts.areaCount() == 0 || Double.isNaN(ts.areaLatitude(0))) {
            return List.of();
        }
        int[] users = new int[ts.areaCount()];
        int[] unique = new int[ts.areaCount()];
        int[] minimal = u.minimalPoints();
        int[] home = TopPlaces.mostVisited(ts, monitor);
        for (int user = 0; user < ts.userCount(); user++) {
            int best = home[user];
            if (minimal[user] >= 0) {
                users[best]++;
                if (minimal[user] > 0 && minimal[user] <= p) {
                    unique[best]++;
                }
            }
        }
        List<TrajectoryReport.AreaCell> out = new ArrayList<>();
        for (int a = 0; a < users.length; a++) {
            if (users[a] > 0) {
                out.add(new TrajectoryReport.AreaCell(ts.areaLatitude(a), ts.areaLongitude(a), users[a], unique[a], p));
            }
        }
        return out;
    }

    /** Writes uid,attack,k,risk for every evaluated user (pseudonyms: only in this explicitly requested file). */
    private static void writePerUser(Path file, EventTable table, List<AttackResult> attacks)
            throws DatasetFormatException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("uid,attack,k,risk\n");
            for (AttackResult r : attacks) {
                for (int u = 0; u < table.userCount(); u++) {
                    double risk = r.risk(u);
                    if (!Double.isNaN(risk)) {
                        w.write(csv(table.userName(u)) + "," + r.attack().id() + "," + r.k() + ","
                                + String.format(Locale.ROOT, "%.6f", risk) + "\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "io.error.unreadable", file.toString(),
                    String.valueOf(e.getMessage()));
        }
        LOGGER.info("per-user risks written for {} attacks", attacks.size());
    }

    private static String csv(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Writes the versioned JSON document (schema: src/docs/schema/trajectories-v1.md). */
    public void writeJson(TrajectoryReport report, Writer out) throws IOException {
        TrajectoryJsonWriter.write(report.dataset(), toModel(report), out);
    }

    /** Writes a readable text summary. */
    public void writeText(TrajectoryReport report, Writer out) throws IOException {
        TrajectoryTextWriter.write(toModel(report), out);
    }

    private static TrajectoryJsonWriter.Model toModel(TrajectoryReport r) {
        return new TrajectoryJsonWriter.Model(r.dataset(), r.users(), r.events(), r.locations(), r.areas(), r.points(),
                r.spatial(), r.temporal(), r.zone(), r.unicity(), r.sweep(), r.attacks(), r.homeWork(), r.topN(),
                r.areaMap().stream().map(c -> new double[] {c.lat(), c.lng(), c.users(), c.uniqueUsers(), c.points()})
                        .toList());
    }
}
