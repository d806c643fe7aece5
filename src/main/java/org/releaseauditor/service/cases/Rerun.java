package org.releaseauditor.service.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.RecordedResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Re-runs one recorded run and compares the results (see {@link CaseService#rerun}). */
final class Rerun {
    private static final Logger LOGGER = LoggerFactory.getLogger(Rerun.class);
    /** Field names ignored wherever they occur (timings and timestamps). */
    static final Set<String> VOLATILE = Set.of("elapsedMs", "durationMs", "timings", "generatedAt", "computedAt",
            "timestamp");

    private Rerun() {
    }

    static RerunReport run(LaneRegistry lanes, RunEntry run, Path dataDir, ProgressMonitor monitor)
            throws AuditException {
        Optional<Lane<?, ?>> lane = lanes.find(run.lane());
        if (lane.isEmpty()) {
            return notRerunnable(run, Messages.get("rerun.unknownLane", run.lane(), String.join(", ",
                    lanes.names())));
        }
        if (!run.paramsJson().contains("\"requestVersion\"")) {
            return notRerunnable(run, Messages.get("rerun.legacy", run.id(), run.engineVersion()));
        }
        LaneRequest request;
        RecordedResult recorded;
        try {
            request = lane.get().readRequest(run.paramsJson());
            recorded = RecordedResult.parse(run.resultJson());
        } catch (ConfigurationException e) {
            return notRerunnable(run, e.getLocalizedMessage());
        }
        if (recorded.inputs().isEmpty()) {
            return notRerunnable(run, Messages.get("rerun.noInputs", run.id()));
        }
        LaneInputs.Builder in = LaneInputs.builder();
        for (Map.Entry<String, DatasetRef> e : recorded.inputs().roles().entrySet()) {
            DatasetRef ref = e.getValue();
            Path where = dataDir == null ? ref.path() : dataDir.resolve(ref.fileName());
            if (!Files.isRegularFile(where)) {
                return new RerunReport(run.id(), run.lane(), RerunReport.Status.INPUT_CHANGED,
                        Messages.get("rerun.inputMissing", e.getKey(), where), List.of(), 0);
            }
            String now = DatasetFingerprint.of(where, monitor.slice(0, 0.1)).sha256();
            if (!now.equals(ref.sha256())) {
                return new RerunReport(run.id(), run.lane(), RerunReport.Status.INPUT_CHANGED,
                        Messages.get("rerun.inputChanged", e.getKey(), where, ref.sha256(), now), List.of(), 0);
            }
            in.put(e.getKey(), DatasetRef.expecting(where, ref.sha256()));
        }
        LaneResult<?, ?> again = lane.get().analyzeAny(request, in.build(), monitor.slice(0.1, 1));
        JsonNode fresh = RecordedResult.parse(again.json()).tree();
        List<RerunReport.Difference> diffs = new ArrayList<>();
        int total = diff("", recorded.tree(), fresh, diffs);
        LOGGER.info("Rerun of run {} ({}): {} differences", run.id(), run.lane(), total);
        return new RerunReport(run.id(), run.lane(), total == 0 ? RerunReport.Status.IDENTICAL
                : RerunReport.Status.DIFFERENT, "", diffs, total);
    }

    private static RerunReport notRerunnable(RunEntry run, String why) {
        return new RerunReport(run.id(), run.lane(), RerunReport.Status.NOT_RERUNNABLE, why, List.of(), 0);
    }

    /** Adds the differences between two trees (up to the list limit) and returns how many there are. */
    static int diff(String path, JsonNode a, JsonNode b, List<RerunReport.Difference> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            int n = 0;
            for (String k : keys) {
                // a field the recorded result lacks was added by a later version of the lane: the
                // recorded numbers are what must be reproduced (a field that disappeared still counts)
                if (!a.has(k)) {
                    continue;
                }
                // where a file is: inputs.ROLE.path, and the summary's path in source.path
                if (VOLATILE.contains(k) || k.equals("path") && (path.matches("inputs\\.[^.]+")
                        || path.equals("source"))) {
                    continue;
                }
                n += diff(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
            }
            return n;
        }
        if (a != null && b != null && a.isArray() && b.isArray()) {
            int n = 0;
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                n += diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return n;
        }
        if (a == null ? b == null : a.equals(b)) {
            return 0;
        }
        if (a != null && b != null && a.isNumber() && b.isNumber() && a.asDouble() == b.asDouble()
                && a.isIntegralNumber() == b.isIntegralNumber()) {
            return 0;
        }
        if (out.size() < RerunReport.MAX_DIFFERENCES) {
            out.add(new RerunReport.Difference(path, text(a), text(b)));
        }
        return 1;
    }

    private static String text(JsonNode n) {
        return n == null ? "(absent)" : n.toString();
    }

}
