package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneRequestBuilder;
import org.releaseauditor.service.RequestJson;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;

/**
 * One trajectory remediation: coarser space and time, or fewer events per user, until unicity
 * meets the policy's targets. Every remediation default of the trajectories lane is defined here,
 * in {@link Builder}. Inputs: those of the trajectories lane ({@code events}, {@code areaMap});
 * output: {@code copy}.
 *
 * @param analysis    the trajectories request of the audit and the re-audit
 * @param policy      the policy the copy must pass (with {@code unicity.I.fraction|ciHigh} rules)
 * @param spatial     coarser spatial resolutions to try after the released one, finest first (empty:
 *                    chosen from the data: grids of 250 m to 10 km when there are coordinates)
 * @param temporal    coarser temporal resolutions to try after the released one (empty: bins from
 *                    the released width up to one day)
 * @param searchCap   whether to search the number of events kept per user as well
 * @param apply       which change the copy gets: {@code auto} (the recommended resolution, else the
 *                    largest passing cap), {@code resolution} or {@code cap}
 * @param at          a transformation to apply without choosing (the GUI's sliders), or null
 * @param warnAsFail  whether WARN rules on unicity are targets as well
 */
public record TrajectoryRemediationRequest(TrajectoriesRequest analysis, String policy, List<String> spatial,
        List<String> temporal, boolean searchCap, String apply, At at, boolean warnAsFail)
        implements RemediationRequest {

    /** The choices of {@link #apply}. */
    public static final List<String> APPLY = List.of("auto", "resolution", "cap");

    /**
     * A transformation given by the user.
     *
     * @param spatial       spatial resolution
     * @param temporal      temporal resolution
     * @param eventsPerUser events kept per user, or null for all
     */
    public record At(String spatial, String temporal, Integer eventsPerUser) {
        public At {
            Objects.requireNonNull(spatial, "spatial");
            Objects.requireNonNull(temporal, "temporal");
        }
    }

    public TrajectoryRemediationRequest {
        Objects.requireNonNull(analysis, "analysis");
        spatial = List.copyOf(spatial);
        temporal = List.copyOf(temporal);
        Objects.requireNonNull(apply, "apply");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String lane() {
        return TrajectoriesRequest.LANE;
    }

    @Override
    public ObjectNode toJsonTree() {
        ObjectNode n = RemediationRequest.root(lane(), analysis);
        n.put("policy", policy);
        spatial.forEach(n.putArray("spatial")::add);
        temporal.forEach(n.putArray("temporal")::add);
        n.put("searchCap", searchCap);
        n.put("apply", apply);
        if (at == null) {
            n.putNull("at");
        } else {
            ObjectNode a = n.putObject("at");
            a.put("spatial", at.spatial());
            a.put("temporal", at.temporal());
            a.put("eventsPerUser", at.eventsPerUser());
        }
        n.put("warnAsFail", warnAsFail);
        return n;
    }

    /** Reads a request (canonical or hand-written JSON; absent fields keep their defaults). */
    public static TrajectoryRemediationRequest fromJson(String json) throws ConfigurationException {
        Builder b = new Builder();
        RequestJson.Reader r = RemediationBuilder.readCommon(json, TrajectoriesRequest.LANE, b,
                TrajectoriesRequest::fromJson);
        b.spatial(r.strings("spatial"));
        b.temporal(r.strings("temporal"));
        b.searchCap(r.bool("searchCap"));
        b.apply(r.string("apply"));
        ObjectNode at = r.object("at");
        if (at != null) {
            RequestJson.Reader a = new RequestJson.Reader(at, "remediation.at");
            String s = a.string("spatial");
            String t = a.string("temporal");
            Integer cap = a.integer("eventsPerUser");
            a.finish();
            b.at(s, t, cap);
        }
        b.warnAsFail(r.bool("warnAsFail"));
        r.finish();
        return b.build();
    }

    /** Builds a request; holds every remediation default of the trajectories lane. */
    public static final class Builder extends RemediationBuilder<TrajectoriesRequest, Builder> {
        private final List<String> spatial = new ArrayList<>();
        private final List<String> temporal = new ArrayList<>();
        private boolean searchCap = true;
        private String apply = "auto";
        private At at;

        Builder() {
        }

        Builder(TrajectoryRemediationRequest r) {
            super(r.analysis, r.policy, r.warnAsFail);
            spatial.addAll(r.spatial);
            temporal.addAll(r.temporal);
            searchCap = r.searchCap;
            apply = r.apply;
            at = r.at;
        }

        /**
         * Coarser spatial resolutions to try (replaces the list; empty: automatic); {@code map:FILE}
         * tries a location → area mapping (input {@code areaMap}).
         */
        public Builder spatial(List<String> specs) throws ConfigurationException {
            if (specs != null) {
                spatial.clear();
                for (String spec : specs) {
                    String s = spec.strip();
                    if (s.startsWith(TrajectoriesRequest.MAP + ":")) {
                        String file = s.substring(TrajectoriesRequest.MAP.length() + 1).strip();
                        String old = analysisInputs.putIfAbsent(TrajectoriesRequest.AREA_MAP, file);
                        if (old != null && !old.equals(file)) {
                            throw new ConfigurationException("lane.error.inputTwice", TrajectoriesRequest.AREA_MAP,
                                    old, file);
                        }
                        s = TrajectoriesRequest.MAP;
                    }
                    if (!s.isEmpty()) {
                        spatial.add(s);
                    }
                }
            }
            return this;
        }

        /** Coarser temporal resolutions to try (replaces the list; empty: automatic). */
        public Builder temporal(List<String> specs) {
            LaneRequestBuilder.replaceNames(temporal, specs);
            return this;
        }

        public Builder searchCap(Boolean on) {
            if (on != null) {
                searchCap = on;
            }
            return this;
        }

        /** {@code auto}, {@code resolution} or {@code cap}. */
        public Builder apply(String choice) throws ConfigurationException {
            if (choice != null) {
                apply = choice(choice, APPLY, "remediation.request.apply");
            }
            return this;
        }

        /** A transformation to apply without choosing ({@code spatial}, {@code temporal}, events per user or null). */
        public Builder at(String spatialSpec, String temporalSpec, Integer eventsPerUser) throws ConfigurationException {
            if (spatialSpec == null && temporalSpec == null && eventsPerUser == null) {
                return this;
            }
            if (eventsPerUser != null && eventsPerUser < 1) {
                throw new ConfigurationException("remediation.request.cap", eventsPerUser);
            }
            TrajectoriesRequest a = analysis;
            String s = spatialSpec != null ? spatialSpec.strip() : a == null ? "none" : a.spatial();
            String t = temporalSpec != null ? temporalSpec.strip() : a == null ? "1h" : a.temporal();
            at = new At(s, t, eventsPerUser);
            return this;
        }

        /** {@code --at spatial=grid:2km,temporal=4h,cap=12} as typed on the command line. */
        public Builder at(String text) throws ConfigurationException {
            if (text == null) {
                return this;
            }
            String s = null;
            String t = null;
            Integer cap = null;
            for (String part : text.split(",")) {
                String p = part.strip();
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigurationException("remediation.request.at", text);
                }
                String key = p.substring(0, eq).strip();
                String value = p.substring(eq + 1).strip();
                switch (key) {
                    case "spatial" -> s = value;
                    case "temporal" -> t = value;
                    case "cap", "eventsPerUser" -> {
                        try {
                            cap = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new ConfigurationException("remediation.request.at", text);
                        }
                    }
                    default -> throw new ConfigurationException("remediation.request.at", text);
                }
            }
            return at(s, t, cap);
        }

        /** Where the copy is written; default: {@code <name>_remediated.csv} in the working folder. */
        public Builder write(String file) throws ConfigurationException {
            return copyTo(file);
        }

        Map<String, String> defaults() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("spatial", spatial.isEmpty() ? "auto" : String.join(",", spatial));
            m.put("temporal", temporal.isEmpty() ? "auto" : String.join(",", temporal));
            m.put("searchCap", Boolean.toString(searchCap));
            m.put("apply", apply);
            return m;
        }

        public TrajectoryRemediationRequest build() throws ConfigurationException {
            if (analysis == null) {
                throw new ConfigurationException("remediation.request.noAnalysis", TrajectoriesRequest.LANE);
            }
            analysis.toBuilder().build();
            requirePolicy(TrajectoriesRequest.LANE);
            if (apply.equals("cap") && !searchCap && at == null) {
                throw new ConfigurationException("remediation.request.capOff");
            }
            return new TrajectoryRemediationRequest(analysis, policy, spatial, temporal, searchCap, apply, at,
                    warnAsFail);
        }

        public RemediationCall<TrajectoryRemediationRequest> buildCall() throws ConfigurationException {
            return new RemediationCall<>(build(), analysisInputs, outputs);
        }
    }
}
