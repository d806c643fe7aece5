package org.releaseauditor.service.trajectories;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.AttackOptions;
import org.releaseauditor.core.trajectory.EventColumns;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.AnalysisOutput;
import org.releaseauditor.service.LaneAnalysis;

/**
 * The trajectory lane inside a case ({@code case run --lane trajectories --param user=… …}).
 * Parameters (defaults as in {@code analyze trajectories}): user, time, location | lat+lng,
 * attributes (a|b), timeFormat, zone, spatial, temporal, points (1..5), sampleUsers, seed,
 * attacks, tolerance, sweep, sweepPoints, homeWork, topN, delimiter.
 */
public final class TrajectoriesLane implements LaneAnalysis {
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("user", null);
        DEFAULTS.put("time", null);
        DEFAULTS.put("location", null);
        DEFAULTS.put("lat", null);
        DEFAULTS.put("lng", null);
        DEFAULTS.put("attributes", "");
        DEFAULTS.put("timeFormat", "auto");
        DEFAULTS.put("zone", "UTC");
        DEFAULTS.put("spatial", "none");
        DEFAULTS.put("temporal", "1h");
        DEFAULTS.put("points", "1..5");
        DEFAULTS.put("sampleUsers", "0");
        DEFAULTS.put("seed", "1");
        DEFAULTS.put("attacks", "");
        DEFAULTS.put("tolerance", "0");
        DEFAULTS.put("sweep", "");
        DEFAULTS.put("sweepPoints", "4");
        DEFAULTS.put("homeWork", "20-7,9-17");
        DEFAULTS.put("topN", "3");
        DEFAULTS.put("delimiter", null);
    }

    @Override
    public String lane() {
        return "trajectories";
    }

    @Override
    public AnalysisOutput run(Path data, Map<String, String> params, ProgressMonitor monitor) throws AuditException {
        Map<String, String> p = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!DEFAULTS.containsKey(e.getKey())) {
                throw new ConfigurationException("lane.error.unknownParam", e.getKey(), lane(),
                        String.join(", ", DEFAULTS.keySet()));
            }
            p.put(e.getKey(), e.getValue());
        }
        if (p.get("user") == null || p.get("time") == null) {
            throw new ConfigurationException("lane.error.missingParam", p.get("user") == null ? "user" : "time", lane());
        }
        if ((p.get("location") == null && (p.get("lat") == null || p.get("lng") == null))
                || (p.get("lat") == null) != (p.get("lng") == null)) {
            throw new ConfigurationException("trajectory.error.locationSpec");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(p.get("zone"));
        } catch (DateTimeException e) {
            throw new ConfigurationException("trajectory.error.badZone", p.get("zone"));
        }
        List<String> attributes = p.get("attributes").isBlank() ? List.of()
                : Arrays.stream(p.get("attributes").split("[|,]")).map(String::trim).toList();
        int[] points = TrajectoryOptionsParser.range(p.get("points"), "trajectory.error.badPoints");
        List<List<String>> sweep = TrajectoryOptionsParser.sweep(p.get("sweep").isBlank() ? null : p.get("sweep"));
        long seed = (long) number(p, "seed");
        String d = p.get("delimiter");
        ImportOptions io = ImportOptions.defaults().withDelimiter(d == null ? null
                : "tab".equalsIgnoreCase(d) ? Character.valueOf('\t') : Character.valueOf(d.charAt(0)));
        TrajectoryRequest req = new TrajectoryRequest(data, io,
                new EventColumns(p.get("user"), p.get("time"), p.get("location"), p.get("lat"), p.get("lng"),
                        attributes, p.get("timeFormat"), zone), p.get("spatial"), p.get("temporal"), points[0],
                points[1], (int) number(p, "sampleUsers"), seed,
                TrajectoryOptionsParser.attacks(p.get("attacks").isBlank() ? null : p.get("attacks"),
                        number(p, "tolerance")),
                new AttackOptions(100_000, 1000, 0, seed), sweep.get(0), sweep.get(1), (int) number(p, "sweepPoints"),
                TrajectoryOptionsParser.homeWork(p.get("homeWork")), (int) number(p, "topN"), null);
        TrajectoryAnalysisService service = new TrajectoryAnalysisService();
        var report = service.analyze(req, monitor);
        StringWriter json = new StringWriter();
        try {
            service.writeJson(report, json);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return new AnalysisOutput(Json.write(Json.MAPPER.valueToTree(p)), json.toString());
    }

    private static double number(Map<String, String> p, String key) throws ConfigurationException {
        try {
            return Double.parseDouble(p.get(key).trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("lane.error.notANumber", key, p.get(key));
        }
    }
}
