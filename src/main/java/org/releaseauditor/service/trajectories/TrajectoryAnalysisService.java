package org.releaseauditor.service.trajectories;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.AnonymitySets;
import org.releaseauditor.core.trajectory.AttackOptions;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.AttackSpec;
import org.releaseauditor.core.trajectory.BackgroundKnowledgeAttack;
import org.releaseauditor.core.trajectory.CoarseningSweep;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.core.trajectory.TopPlaces;
import org.releaseauditor.core.trajectory.TraceSet;
import org.releaseauditor.core.trajectory.Unicity;
import org.releaseauditor.core.trajectory.UnicityOptions;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.report.TrajectoryJsonWriter;
import org.releaseauditor.report.TrajectoryTextWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trajectory analysis behind {@link TrajectoriesLane}: unicity, the coarsening sweep,
 * attacks, home/work and top-N anonymity sets of a loaded event table, and the JSON and text of
 * a report. Front ends call the lane, not this class.
 */
public final class TrajectoryAnalysisService {
    private static final Logger LOGGER = LoggerFactory.getLogger(TrajectoryAnalysisService.class);

    /**
     * Resolves a spatial spec; {@code map} uses {@code mapping} (location id → area) read from the
     * file {@code mapName}.
     */
    public SpatialResolution spatial(String spec, Map<String, String> mapping, String mapName)
            throws ConfigurationException {
        if (spec == null || spec.isBlank()) {
            return new SpatialResolution.Identity();
        }
        if (TrajectoriesRequest.MAP.equals(spec)) {
            if (mapping == null) {
                throw new ConfigurationException("lane.error.missingInput", TrajectoriesRequest.LANE,
                        TrajectoriesRequest.AREA_MAP, "--spatial map:FILE");
            }
            return new SpatialResolution.Mapping(mapName, mapping);
        }
        return SpatialResolution.parse(spec);
    }

    public TemporalResolution temporal(String spec) throws ConfigurationException {
        return spec == null || spec.isBlank() ? TemporalResolution.bins(3600) : TemporalResolution.parse(spec);
    }

    /** Runs the analysis on a loaded table with resolved resolutions. */
    public TrajectoryReport analyze(EventTable table, String name, TrajectoriesRequest req, SpatialResolution spatial,
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
        AttackOptions ao = req.attackOptions();
        List<AttackSpec> specs = req.attackSpecs();
        BackgroundKnowledgeAttack runner = new BackgroundKnowledgeAttack(ts);
        int i = 0;
        for (AttackSpec spec : specs) {
            double from = 0.6 + 0.3 * i / specs.size();
            double to = 0.6 + 0.3 * (i + 1) / specs.size();
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
        List<String> users = new ArrayList<>(table.userCount());
        for (int u = 0; u < table.userCount(); u++) {
            users.add(table.userName(u));
        }
        monitor.update("trajectory.progress.done", 1, 1);
        return new TrajectoryReport(name, table.userCount(), table.eventCount(), table.locationCount(),
                ts.areaCount(), ts.pointCount(), spatial.label(), temporal.label(), table.zone().getId(),
                req.minPoints(), unicity, sweep, attacks, homeWork, topN, areaMap,
                new TrajectoryReport.Pseudonyms(users));
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
    public void writePerUser(TrajectoryReport report, Path file) throws DatasetFormatException {
        List<AttackResult> attacks = report.attacks();
        List<String> users = report.pseudonyms().names();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("uid,attack,k,risk\n");
            for (AttackResult r : attacks) {
                for (int u = 0; u < users.size(); u++) {
                    double risk = r.risk(u);
                    if (!Double.isNaN(risk)) {
                        w.write(csv(users.get(u)) + "," + r.attack().id() + "," + r.k() + ","
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

    /** The versioned JSON tree (schema: src/docs/schema/trajectories-v2.md), without the inputs. */
    public Map<String, Object> jsonTree(TrajectoryReport report) {
        return TrajectoryJsonWriter.tree(toModel(report));
    }

    /** A readable text summary. */
    public String text(TrajectoryReport report) {
        StringWriter out = new StringWriter();
        try {
            TrajectoryTextWriter.write(toModel(report), out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private static TrajectoryJsonWriter.Model toModel(TrajectoryReport r) {
        return new TrajectoryJsonWriter.Model(r.dataset(), r.users(), r.events(), r.locations(), r.areas(), r.points(),
                r.spatial(), r.temporal(), r.zone(), r.unicity(), r.sweep(), r.attacks(), r.homeWork(), r.topN(),
                r.areaMap().stream().map(c -> new double[] {c.lat(), c.lng(), c.users(), c.uniqueUsers(), c.points()})
                        .toList());
    }
}
