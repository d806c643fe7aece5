package org.releaseauditor.service.remediation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediation;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediationOptions;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediationResult;
import org.releaseauditor.core.remediation.trajectory.UnicityTarget;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.io.RemediatedCsvWriter;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.policy.PolicyService;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;

/**
 * A trajectory release prepared for what-if remediation: the event table, the unicity targets of
 * the policy and the ladders of coarser resolutions and per-user caps. {@link #evaluate} scores one
 * (spatial, temporal, cap) choice (sliders), {@link #search} runs the whole grid and the cap search,
 * {@link #write} writes a copy and {@link #reaudit} analyses it through the trajectories lane.
 * Thread-safe.
 */
public final class TrajectoryWhatIf {

    private final TrajectoryRemediationRequest request;
    private final EventTable table;
    private final Dataset events;
    private final PolicyProfile policy;
    private final List<UnicityTarget> targets;
    private final List<SpatialResolution> spatial;
    private final List<TemporalResolution> temporal;
    private final int[] caps;
    private final LaneInputs inputs;
    private final Lane<TrajectoriesRequest, TrajectoryReport> lane;
    private final PolicyService policies = new PolicyService();

    TrajectoryWhatIf(TrajectoryRemediationRequest request, EventTable table, Dataset events, PolicyProfile policy,
            List<UnicityTarget> targets, List<SpatialResolution> spatial, List<TemporalResolution> temporal,
            LaneInputs inputs, Lane<TrajectoriesRequest, TrajectoryReport> lane) {
        this.request = request;
        this.table = table;
        this.events = events;
        this.policy = policy;
        this.targets = List.copyOf(targets);
        this.spatial = List.copyOf(spatial);
        this.temporal = List.copyOf(temporal);
        int maxEvents = 0;
        for (int u = 0; u < table.userCount(); u++) {
            maxEvents = Math.max(maxEvents, table.userStart(u + 1) - table.userStart(u));
        }
        this.caps = TrajectoryRemediation.capLadder(maxEvents);
        this.inputs = inputs;
        this.lane = lane;
    }

    /**
     * A written copy.
     *
     * @param ref            path, SHA-256 and size
     * @param transformation what was applied
     * @param condition      input, transformation and copy by hash
     * @param request        the trajectories request the copy is re-audited with
     */
    public record Copy(DatasetRef ref, Transformation.Trajectories transformation, RemediationCondition condition,
            TrajectoriesRequest request) {
    }

    public TrajectoryRemediationRequest request() {
        return request;
    }

    public PolicyProfile policy() {
        return policy;
    }

    public LaneInputs inputs() {
        return inputs;
    }

    /** The unicity targets of the policy. */
    public List<UnicityTarget> targets() {
        return targets;
    }

    /** Spatial resolutions, the released one first. */
    public List<String> spatialLabels() {
        return spatial.stream().map(SpatialResolution::label).toList();
    }

    /** Temporal resolutions, the released one first. */
    public List<String> temporalLabels() {
        return temporal.stream().map(TemporalResolution::label).toList();
    }

    /** The per-user caps that can be tried, ascending (all events is not in the list). */
    public int[] caps() {
        return caps.clone();
    }

    /** Users of the release. */
    public int users() {
        return table.userCount();
    }

    /** Events of the release. */
    public int eventCount() {
        return table.eventCount();
    }

    /**
     * Unicity at one choice of the ladders (indexes into {@link #spatialLabels()} and
     * {@link #temporalLabels()}) with at most {@code cap} events per user (null: all), judged by
     * the targets. Uses the audit's user sample, seed and draws.
     */
    public TrajectoryRemediationResult.Cell evaluate(int s, int t, Integer cap, ProgressMonitor monitor)
            throws ConfigurationException {
        EventTable in = cap == null ? table : TrajectoryRemediation.capped(table, cap, request.analysis().seed());
        TrajectoryRemediationOptions o = new TrajectoryRemediationOptions(List.of(spatial.get(s)),
                List.of(temporal.get(t)), request.analysis().sampleUsers(), request.analysis().seed(),
                table.hasAttributes(), false);
        TrajectoryRemediationResult r = TrajectoryRemediation.run(in, targets, o, monitor);
        TrajectoryRemediationResult.Cell c = r.grid().get(0);
        return new TrajectoryRemediationResult.Cell(s, t, c.spatial(), c.temporal(), c.rows(), c.passes());
    }

    /** Every resolution of the ladders and, when asked, the per-user cap at the released resolution. */
    public TrajectoryRemediationResult search(ProgressMonitor monitor) throws ConfigurationException {
        TrajectoryRemediationOptions o = new TrajectoryRemediationOptions(spatial, temporal,
                request.analysis().sampleUsers(), request.analysis().seed(), table.hasAttributes(),
                request.searchCap());
        return TrajectoryRemediation.run(table, targets, o, monitor);
    }

    /** The ladder index of a spatial spec (the request's text, e.g. {@code grid:2km}), or -1. */
    public int spatialIndex(String label) {
        return spatialLabels().indexOf(label);
    }

    /** The ladder index of a temporal spec, or -1. */
    public int temporalIndex(String label) {
        return temporalLabels().indexOf(label);
    }

    /**
     * Writes the copy: pseudonym, the start of the time bin, the area (and its representative
     * coordinates when known) and the per-person attributes, at most {@code cap} events per user.
     */
    public Copy write(int s, int t, Integer cap, Path out, ProgressMonitor monitor) throws AuditException {
        Remediations.checkOutput(out, inputs.roles().values());
        TrajectoriesRequest a = request.analysis();
        TrajectoryRemediation.Transformed x = TrajectoryRemediation.transform(table, spatial.get(s), temporal.get(t),
                cap, a.seed(), monitor.slice(0, 0.5));
        String locationName = a.location() != null ? a.location() : x.lat() == null ? "area" : null;
        List<Column> cols = new ArrayList<>();
        cols.add(text(a.user(), x.user()));
        cols.add(text(a.time(), x.time()));
        if (locationName != null) {
            cols.add(text(locationName, x.location()));
        }
        String lat = null;
        String lng = null;
        if (x.lat() != null) {
            lat = a.lat() != null ? a.lat() : "lat";
            lng = a.lng() != null ? a.lng() : "lng";
            cols.add(number(lat, x.lat()));
            cols.add(number(lng, x.lng()));
        }
        if (!a.attributes().isEmpty()) {
            Column users = events.column(a.user()).orElseThrow();
            Map<String, Integer> firstRow = new HashMap<>();
            for (int r = 0; r < events.rowCount(); r++) {
                firstRow.putIfAbsent(users.valueAt(r), r);
            }
            for (String attr : a.attributes()) {
                Column c = events.column(attr).orElseThrow();
                String[] v = new String[x.size()];
                for (int e = 0; e < v.length; e++) {
                    Integer r = firstRow.get(x.user()[e]);
                    v[e] = r == null ? null : c.valueAt(r);
                }
                cols.add(text(attr, v));
            }
        }
        Dataset copy = new Dataset(out.getFileName().toString(), cols);
        DatasetFingerprint fp = RemediatedCsvWriter.write(copy, out, ',', monitor.slice(0.5, 1));
        DatasetRef ref = new DatasetRef(fp.path(), fp.sha256(), fp.sizeBytes());
        Transformation.Trajectories tr = new Transformation.Trajectories(spatial.get(s).label(),
                temporal.get(t).label(), cap, a.seed());
        DatasetRef events = inputs.roles().get(TrajectoriesRequest.EVENTS);
        RemediationCondition c = new RemediationCondition(events.fileName(), events.sha256(), tr, ref.fileName(),
                ref.sha256(), ref.sizeBytes());
        TrajectoriesRequest.Builder b = a.toBuilder().location(locationName == null ? "" : locationName);
        if (lat != null) {
            b.lat(lat).lng(lng);
        } else {
            b.lat("").lng("");
        }
        b.spatial("none");
        if (!"auto".equals(a.timeFormat())) {
            b.timeFormat("iso");
        }
        List<String> sweep = new ArrayList<>(a.sweepSpatial());
        sweep.remove(TrajectoriesRequest.MAP);
        b.sweepSpatial(sweep);
        b.importing().options(Remediations.copyImportOptions(a.importOptions(), ',', List.of(a.time(),
                locationName == null ? a.time() : locationName)));
        return new Copy(ref, tr, c, b.build());
    }

    private static Column text(String name, String[] values) {
        Map<String, Integer> dict = new java.util.LinkedHashMap<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                codes[i] = Column.MISSING;
            } else {
                Integer c = dict.putIfAbsent(values[i], dict.size());
                codes[i] = c == null ? dict.size() - 1 : c;
            }
        }
        return new Column(name, ColumnType.CATEGORICAL, dict.keySet().toArray(new String[0]), codes, values.length);
    }

    private static Column number(String name, double[] values) {
        String[] v = new String[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.isNaN(values[i]) ? null : Double.toString(values[i]);
        }
        return text(name, v).withType(ColumnType.DECIMAL);
    }

    /** The audit of the release as submitted (the dashboard's latest result), judged by the policy. */
    public Reaudit<TrajectoriesRequest, TrajectoryReport> judge(LaneResult<TrajectoriesRequest, TrajectoryReport> r) {
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }

    /** One choice scored, and its copy re-audited (written to a temporary file, then deleted). */
    public record Preview(TrajectoryRemediationResult.Cell cell, Reaudit<TrajectoriesRequest, TrajectoryReport> after) {
    }

    /** Scores one choice of the ladders and re-audits its copy through the lane (the GUI's live comparison). */
    public Preview preview(int s, int t, Integer cap, ProgressMonitor monitor) throws AuditException {
        TrajectoryRemediationResult.Cell cell = evaluate(s, t, cap, monitor.slice(0, 0.4));
        Path tmp = Remediations.tempCopy(inputs.roles().get(TrajectoriesRequest.EVENTS).fileName());
        try {
            Copy copy = write(s, t, cap, tmp, monitor.slice(0.4, 0.5));
            return new Preview(cell, reaudit(copy, monitor.slice(0.5, 1)));
        } finally {
            Remediations.deleteTemp(tmp);
        }
    }

    /** Writes the copy of one choice to {@code out}, re-audits it and describes it as an outcome a case can record. */
    public RemediationOutcome save(Reaudit<TrajectoriesRequest, TrajectoryReport> before, int s, int t, Integer cap,
            Path out, ProgressMonitor monitor) throws AuditException {
        Copy copy = write(s, t, cap, out, monitor.slice(0, 0.3));
        Reaudit<TrajectoriesRequest, TrajectoryReport> after = reaudit(copy, monitor.slice(0.3, 1));
        TrajectoryRemediationRequest r = request.toBuilder().at(spatialLabels().get(s), temporalLabels().get(t), cap)
                .build();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Assembly.common(root, r, policy, inputs, before, TrajectoryRemediationService.SUMMARY);
        Assembly.outcome(root, copy.transformation(), Map.of(RemediationCall.COPY, copy.ref()),
                List.of(copy.condition()), after, TrajectoryRemediationService.SUMMARY);
        root.put("found", true);
        return new RemediationOutcome(TrajectoriesRequest.LANE, r, inputs, before, true, copy.transformation(),
                Map.of(RemediationCall.COPY, copy.ref()), List.of(copy.condition()), after, Remediations.write(root),
                TrajectoryRemediationService.text(r, this, null, before, copy, after));
    }

    /** Analyses a copy through the trajectories lane (bound to its SHA-256) and the policy. */
    public Reaudit<TrajectoriesRequest, TrajectoryReport> reaudit(Copy copy, ProgressMonitor monitor)
            throws AuditException {
        LaneResult<TrajectoriesRequest, TrajectoryReport> r = lane.analyze(copy.request(), LaneInputs.builder()
                .put(TrajectoriesRequest.EVENTS, DatasetRef.expecting(copy.ref().path(), copy.ref().sha256()))
                .build(), monitor);
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }
}
