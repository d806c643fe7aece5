package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediationResult;
import org.releaseauditor.core.remediation.trajectory.UnicityTarget;
import org.releaseauditor.core.trajectory.EventImport;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.io.AreaMappingReader;
import org.releaseauditor.io.RemediationJson;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.policy.PolicyService;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryAnalysisService;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trajectory remediation end to end: checks, the audit as submitted, the resolution grid and the
 * per-user cap, the copy with its SHA-256 and its re-audit through the trajectories lane.
 */
public final class TrajectoryRemediationService {

    private static final Logger LOGGER = LoggerFactory.getLogger(TrajectoryRemediationService.class);
    private static final Pattern UNICITY = Pattern.compile("unicity\\.\\d+\\.(fraction|ciHigh)");
    /** Grids tried after the released resolution when there are coordinates, in metres. */
    static final double[] GRIDS = {250, 500, 1000, 2000, 5000, 10000};
    /** Time bins tried after the released one, in seconds (15 min to one day). */
    static final long[] BINS = {900, 1800, 3600, 7200, 14400, 21600, 43200, 86400};
    static final List<String> SUMMARY = List.of("users", "events", "unicity.0.fraction", "unicity.1.fraction",
            "unicity.2.fraction", "unicity.3.fraction", "unicity.4.fraction");

    /** The GUI's default target: at most 10 % unique from 4 known points (de Montjoye et al. 2013). */
    private static final int TARGET_POINTS = 4;
    private static final double TARGET_SHARE = 0.1;

    private final Lane<TrajectoriesRequest, TrajectoryReport> lane;
    private final DatasetService datasets;
    private final TrajectoryAnalysisService resolutions = new TrajectoryAnalysisService();
    private final PolicyService policies = new PolicyService();

    public TrajectoryRemediationService() {
        this(registered(), new DatasetService());
    }

    public TrajectoryRemediationService(Lane<TrajectoriesRequest, TrajectoryReport> lane, DatasetService datasets) {
        this.lane = lane;
        this.datasets = datasets;
    }

    private static TrajectoriesLane registered() {
        try {
            return LaneRegistry.global().require(TrajectoriesRequest.LANE, TrajectoriesLane.class);
        } catch (ConfigurationException e) {
            throw new IllegalStateException("the trajectories lane is always registered", e);
        }
    }

    /** The default target points and share as text (help and the GUI), keyed {@code targetPoints}, {@code targetShare}. */
    static Map<String, String> targetDefaults() {
        return Map.of("targetPoints", Integer.toString(TARGET_POINTS), "targetShare", Double.toString(TARGET_SHARE));
    }

    /**
     * A policy of one unicity target: at most {@code share} of the users unique from {@code points}
     * known points ({@code unicity.<points-1>.fraction <= share}, FAIL).
     */
    public static PolicyProfile unicityTarget(int points, double share) throws ConfigurationException {
        if (points < 1 || !(share >= 0 && share <= 1)) {
            throw new ConfigurationException("remediation.trajectory.badTarget", points, share);
        }
        String pct = Assembly.num(share * 100);
        return new PolicyProfile("unicity-" + points + "-" + pct, "1.0",
                Messages.get("remediation.target.title", pct, points),
                Messages.get("remediation.target.description", pct, points),
                "de Montjoye et al., 'Unique in the Crowd', Scientific Reports 3 (2013)",
                List.of(new PolicyRule("unicity." + (points - 1) + ".fraction", org.releaseauditor.core.policy.Operator.LE,
                        share, Severity.FAIL, Messages.get("remediation.target.description", pct, points))));
    }

    /**
     * Writes a policy to a file of its own in the temporary folder, so that a case can evaluate
     * it by reference (the case stores its exact copy with the findings).
     */
    public static Path writePolicy(PolicyProfile p) throws AuditException {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("release-auditor-policy");
            Path file = dir.resolve(p.id() + ".json");
            java.nio.file.Files.writeString(file, new PolicyService().toJson(p), java.nio.charset.StandardCharsets.UTF_8);
            return file;
        } catch (java.io.IOException e) {
            throw new org.releaseauditor.core.error.DatasetFormatException(e, p.id(), 0, 0, "remediation.write.failed",
                    p.id(), String.valueOf(e.getMessage()));
        }
    }

    /** A call checked against its files. */
    public record Checked(LaneInputs inputs, PolicyProfile policy, List<UnicityTarget> targets, Path copy) {
    }

    /**
     * Checks before any work: the lane request against the event file, the policy (its FAIL rules
     * must all be unicity targets the search can meet, and the request must report the points they
     * name), the released temporal resolution (copies need bins), and the copy's path.
     */
    public Checked check(RemediationCall<TrajectoryRemediationRequest> call) throws AuditException {
        TrajectoryRemediationRequest r = call.request();
        LaneInputs inputs = files(call.inputs());
        lane.validate(r.analysis(), laneInputs(r, inputs));
        PolicyProfile policy = policies.load(r.policy());
        List<UnicityTarget> targets = targets(policy, r.analysis(), r.warnAsFail());
        TemporalResolution released = resolutions.temporal(r.analysis().temporal());
        if (released.kind() != TemporalResolution.Kind.BIN && released.kind() != TemporalResolution.Kind.NONE) {
            throw new ConfigurationException("remediation.trajectory.cyclicTime", released.label());
        }
        for (String t : r.temporal()) {
            TemporalResolution tr = resolutions.temporal(t);
            if (tr.kind() != TemporalResolution.Kind.BIN && tr.kind() != TemporalResolution.Kind.NONE) {
                throw new ConfigurationException("remediation.trajectory.cyclicTime", tr.label());
            }
        }
        for (String s : r.spatial()) {
            if (!TrajectoriesRequest.MAP.equals(s)) {
                SpatialResolution sr = resolutions.spatial(s, null, null);
                if (!(sr instanceof SpatialResolution.Identity) && (r.analysis().lat() == null
                        || r.analysis().lng() == null)) {
                    throw new ConfigurationException("trajectory.error.spatialNeedsCoordinates", sr.label());
                }
            } else if (inputs.get(TrajectoriesRequest.AREA_MAP).isEmpty()) {
                throw new ConfigurationException("lane.error.missingInput", TrajectoriesRequest.LANE,
                        TrajectoriesRequest.AREA_MAP, "--spatial map:FILE");
            }
        }
        DatasetRef events = inputs.require(TrajectoriesRequest.EVENTS, TrajectoriesRequest.LANE, "--data FILE");
        String out = call.outputs().get(RemediationCall.COPY);
        Path copy = out != null ? Path.of(out).toAbsolutePath().normalize() : Remediations.defaultCopy(events.path());
        Remediations.checkOutput(copy, inputs.roles().values());
        return new Checked(inputs, policy, targets, copy);
    }

    /**
     * The unicity targets of a policy for a request: every FAIL rule (and WARN rule with
     * {@code warnAsFail}) must be a unicity target the search can meet, and the request must report
     * unicity from 1 point up to the largest target (the policy reads {@code unicity.I}, row I).
     */
    public static List<UnicityTarget> targets(PolicyProfile policy, TrajectoriesRequest analysis, boolean warnAsFail)
            throws ConfigurationException {
        List<String> unsupported = new ArrayList<>();
        for (PolicyRule rule : policy.rules()) {
            boolean required = rule.severity() == Severity.FAIL || warnAsFail;
            if (required && !UNICITY.matcher(rule.metric()).matches()) {
                unsupported.add(rule.describe());
            }
        }
        if (!unsupported.isEmpty()) {
            throw new ConfigurationException("remediation.policy.unsupported", policy.id(),
                    String.join("; ", unsupported), "unicity.I.fraction, unicity.I.ciHigh");
        }
        List<UnicityTarget> targets = UnicityTarget.fromPolicy(policy, warnAsFail);
        int maxP = targets.stream().mapToInt(UnicityTarget::points).max().orElse(1);
        if (analysis.minPoints() != 1 || analysis.maxPoints() < maxP) {
            throw new ConfigurationException("remediation.trajectory.points", policy.id(), maxP, analysis.minPoints(),
                    analysis.maxPoints());
        }
        return targets;
    }

    /** The inputs the lane itself reads: the area map only when the released resolution uses it. */
    static LaneInputs laneInputs(TrajectoryRemediationRequest r, LaneInputs inputs) {
        if (r.analysis().usesAreaMap()) {
            return inputs;
        }
        LaneInputs.Builder b = LaneInputs.builder();
        inputs.roles().forEach((role, ref) -> {
            if (!role.equals(TrajectoriesRequest.AREA_MAP)) {
                b.put(role, ref);
            }
        });
        return b.build();
    }

    private static LaneInputs files(Map<String, String> locations) {
        LaneInputs.Builder b = LaneInputs.builder();
        locations.forEach((role, location) -> b.put(role, Path.of(location)));
        return b.build();
    }

    /** Audits a release through the lane and judges it by the policy. */
    public Reaudit<TrajectoriesRequest, TrajectoryReport> audit(TrajectoriesRequest request, LaneInputs inputs,
            PolicyProfile policy, ProgressMonitor monitor) throws AuditException {
        LaneResult<TrajectoriesRequest, TrajectoryReport> r = lane.analyze(request, inputs, monitor);
        return new Reaudit<>(r, policies.evaluate(policy, Remediations.tree(r.json())).evaluation());
    }

    /**
     * A what-if session on a release the trajectories lane has analysed (the dashboard's latest
     * result), with the remediation options of {@code base}; the files are read bound to the
     * SHA-256 the result recorded.
     */
    public TrajectoryWhatIf prepare(LaneResult<TrajectoriesRequest, TrajectoryReport> result,
            TrajectoryRemediationRequest.Builder base, PolicyProfile policy, ProgressMonitor monitor)
            throws AuditException {
        TrajectoryRemediationRequest r = base.analysis(result.request()).build();
        targets(policy, r.analysis(), r.warnAsFail());
        LaneInputs.Builder in = LaneInputs.builder();
        result.inputs().roles().forEach((role, ref) -> in.put(role, DatasetRef.expecting(ref.path(), ref.sha256())));
        return prepare(r, in.build(), policy, monitor);
    }

    /** Reads the events (and the area map) bound to their bytes and builds the ladders. */
    public TrajectoryWhatIf prepare(TrajectoryRemediationRequest r, LaneInputs inputs, PolicyProfile policy,
            ProgressMonitor monitor) throws AuditException {
        TrajectoriesRequest a = r.analysis();
        DatasetService.LoadedInput events = datasets.loadInput(inputs.require(TrajectoriesRequest.EVENTS,
                TrajectoriesRequest.LANE, "--data FILE"), a.importOptions(), monitor.slice(0, 0.7));
        LaneInputs.Builder read = LaneInputs.builder().put(TrajectoriesRequest.EVENTS, events.ref());
        Map<String, String> mapping = null;
        String mapName = null;
        DatasetRef mapRef = inputs.get(TrajectoriesRequest.AREA_MAP).orElse(null);
        if (mapRef != null) {
            DatasetService.Bound<Map<String, String>> m = datasets.readFile(mapRef, AreaMappingReader::read,
                    monitor.slice(0.7, 0.75));
            read.put(TrajectoriesRequest.AREA_MAP, m.ref());
            mapping = m.value();
            mapName = m.ref().fileName();
        }
        EventTable table = EventImport.fromDataset(events.data(), a.columns(), events.ref().path().toString(),
                monitor.slice(0.75, 1));
        SpatialResolution releasedSpatial = resolutions.spatial(a.spatial(), mapping, mapName);
        TemporalResolution releasedTemporal = resolutions.temporal(a.temporal());
        List<SpatialResolution> spatial = new ArrayList<>(List.of(releasedSpatial));
        if (r.spatial().isEmpty()) {
            spatial.addAll(autoSpatial(releasedSpatial, table.hasCoordinates()));
        } else {
            for (String s : r.spatial()) {
                spatial.add(resolutions.spatial(s, mapping, mapName));
            }
        }
        List<TemporalResolution> temporal = new ArrayList<>(List.of(releasedTemporal));
        if (r.temporal().isEmpty()) {
            temporal.addAll(autoTemporal(releasedTemporal));
        } else {
            for (String t : r.temporal()) {
                temporal.add(resolutions.temporal(t));
            }
        }
        return new TrajectoryWhatIf(r, table, events.data(), policy, targets(policy, a, r.warnAsFail()), spatial,
                temporal, read.build(), lane);
    }

    /** Coarser grids than the released resolution (only with coordinates). */
    List<SpatialResolution> autoSpatial(SpatialResolution released, boolean coordinates) throws ConfigurationException {
        List<SpatialResolution> out = new ArrayList<>();
        if (!coordinates) {
            return out;
        }
        double from = 0;
        if (released instanceof SpatialResolution.Grid g) {
            from = g.metres();
        } else if (!(released instanceof SpatialResolution.Identity)) {
            return out;
        }
        for (double m : GRIDS) {
            if (m > from) {
                out.add(resolutions.spatial("grid:" + (m >= 1000 ? (long) (m / 1000) + "km" : (long) m + "m"), null,
                        null));
            }
        }
        return out;
    }

    /** Wider time bins than the released ones, up to a day. */
    List<TemporalResolution> autoTemporal(TemporalResolution released) throws ConfigurationException {
        List<TemporalResolution> out = new ArrayList<>();
        if (released.kind() != TemporalResolution.Kind.BIN) {
            return out;
        }
        for (long s : BINS) {
            if (s > released.seconds() && s % released.seconds() == 0) {
                out.add(resolutions.temporal(s % 86400 == 0 ? s / 86400 + "d" : s % 3600 == 0 ? s / 3600 + "h"
                        : s / 60 + "m"));
            }
        }
        return out;
    }

    /** Runs the whole remediation (see the class comment); nothing is written when no change passes. */
    public RemediationOutcome run(RemediationCall<TrajectoryRemediationRequest> call, ProgressMonitor monitor)
            throws AuditException {
        Checked c = check(call);
        TrajectoryRemediationRequest r = call.request();
        Reaudit<TrajectoriesRequest, TrajectoryReport> before = audit(r.analysis(), laneInputs(r, c.inputs()),
                c.policy(),
                monitor.slice(0, 0.2));
        TrajectoryWhatIf w = prepare(r, c.inputs(), c.policy(), monitor.slice(0.2, 0.3));
        TrajectoryRemediationResult result = null;
        int s = -1;
        int t = -1;
        Integer cap = null;
        if (r.at() != null) {
            s = w.spatialIndex(r.at().spatial());
            t = w.temporalIndex(r.at().temporal());
            if (s < 0 || t < 0) {
                throw new ConfigurationException("remediation.trajectory.atNotInLadder", r.at().spatial(),
                        r.at().temporal(), String.join(", ", w.spatialLabels()), String.join(", ", w.temporalLabels()));
            }
            cap = r.at().eventsPerUser();
        } else {
            result = w.search(monitor.slice(0.3, 0.8));
            TrajectoryRemediationResult.Cell rec = result.recommended();
            boolean capFound = result.cap() != null && result.cap().cap() != null;
            if (rec != null && !r.apply().equals("cap")) {
                s = rec.spatialIndex();
                t = rec.temporalIndex();
            } else if (capFound && !r.apply().equals("resolution")) {
                s = 0;
                t = 0;
                cap = result.cap().cap();
            }
        }
        TrajectoryWhatIf.Copy copy = null;
        Reaudit<TrajectoriesRequest, TrajectoryReport> after = null;
        if (s >= 0) {
            copy = w.write(s, t, cap, c.copy(), monitor.slice(0.8, 0.85));
            after = w.reaudit(copy, monitor.slice(0.85, 1));
        }
        ObjectNode root = result != null ? RemediationJson.trajectories(result)
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Assembly.common(root, r, c.policy(), w.inputs(), before, SUMMARY);
        Assembly.outcome(root, copy == null ? null : copy.transformation(),
                copy == null ? Map.of() : Map.of(RemediationCall.COPY, copy.ref()),
                copy == null ? List.of() : List.of(copy.condition()), after, SUMMARY);
        root.put("found", copy != null);
        LOGGER.info("Trajectory remediation: found={}, transformation {}", copy != null,
                copy == null ? "-" : copy.transformation());
        return new RemediationOutcome(TrajectoriesRequest.LANE, r, w.inputs(), before, copy != null,
                copy == null ? null : copy.transformation(),
                copy == null ? Map.of() : Map.of(RemediationCall.COPY, copy.ref()),
                copy == null ? List.of() : List.of(copy.condition()), after, Remediations.write(root),
                text(r, w, result, before, copy, after));
    }

    static String text(TrajectoryRemediationRequest r, TrajectoryWhatIf w, TrajectoryRemediationResult result,
            Reaudit<?, ?> before, TrajectoryWhatIf.Copy copy, Reaudit<?, ?> after) {
        StringBuilder sb = new StringBuilder();
        DatasetRef events = w.inputs().roles().get(TrajectoriesRequest.EVENTS);
        sb.append(Messages.get("remediation.text.header", events.fileName(), TrajectoriesRequest.LANE,
                w.policy().id(), w.policy().version())).append('\n');
        Assembly.textAudit(sb, "remediation.text.before", before);
        if (result != null) {
            sb.append(Messages.get("remediation.text.grid", result.grid().size(),
                    result.grid().stream().filter(TrajectoryRemediationResult.Cell::passes).count(),
                    String.join(", ", w.spatialLabels()), String.join(", ", w.temporalLabels()))).append('\n');
            for (TrajectoryRemediationResult.Cell c : result.minimal()) {
                UnicityTarget first = w.targets().get(0);
                sb.append("  ").append(Messages.get("remediation.text.cell", c.spatial(), c.temporal(),
                        pct(c.row(first.points()).fraction()), pct(c.row(first.points()).ciHigh()),
                        first.points())).append('\n');
            }
            if (result.cap() != null && result.cap().needed()) {
                sb.append(Messages.get(result.cap().cap() == null ? "remediation.text.noCap" : "remediation.text.cap",
                        result.cap().cap(), result.cap().evaluated().size())).append('\n');
            }
        }
        if (copy == null) {
            sb.append(Messages.get("remediation.text.trajectoryNotFound")).append('\n');
        } else {
            var t = copy.transformation();
            sb.append(Messages.get("remediation.text.trajectoryApplied", t.spatial(), t.temporal(),
                    t.eventsPerUser() == null ? Messages.get("remediation.text.allEvents") : t.eventsPerUser()))
                    .append('\n');
            Assembly.textCopies(sb, Map.of(RemediationCall.COPY, copy.ref()));
        }
        if (after != null) {
            Assembly.textAudit(sb, "remediation.text.after", after);
        }
        return sb.toString();
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
