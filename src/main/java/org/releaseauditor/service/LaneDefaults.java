package org.releaseauditor.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.releaseauditor.service.aggregates.AggregatesRequest;

/**
 * The default of every request field as text, for help messages ({@code --help} shows
 * {@code (default: 0.2)} without defining 0.2 a second time). Keys are
 * {@code default.<lane>.<field>} with nested fields joined by dots, for example
 * {@code default.trajectories.sweep.points}; lists are joined with commas (token lists of the
 * aggregates lane with {@code |}, as typed on the command line); null is {@code none}.
 */
public final class LaneDefaults {
    private static final Set<String> PIPE_LISTS = Set.of("marginTokens", "suppressionMarkers", "dimensions");

    private LaneDefaults() {
    }

    /** The defaults of every registered lane. */
    public static Map<String, String> of(LaneRegistry registry) {
        Map<String, String> out = new TreeMap<>();
        for (String name : registry.names()) {
            Lane<?, ?> lane = registry.find(name).orElseThrow();
            flatten("default." + name, lane.defaults().toJsonTree(), out);
            if (lane.defaults() instanceof AggregatesRequest) {
                AggregatesRequest.Recovery r = AggregatesRequest.recoveryDefaults();
                out.put("default." + name + ".recovery.userColumn", r.userColumn());
                out.put("default." + name + ".recovery.slotColumn", r.slotColumn());
                out.put("default." + name + ".recovery.areaColumn", r.areaColumn());
                out.put("default." + name + ".recovery.slotMinutes", Integer.toString(r.slotMinutes()));
                out.put("default." + name + ".recovery.topK", Integer.toString(r.topK()));
                out.put("default." + name + ".recovery.tieSamples", Integer.toString(r.tieSamples()));
                out.put("default." + name + ".dominance.operator", AggregatesRequest.ruleStart().dominanceOperator());
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n == null || n.isNull()) {
            out.put(prefix, "none");
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(e -> items.add(e.isValueNode() ? e.asText() : e.toString()));
            String field = prefix.substring(prefix.lastIndexOf('.') + 1);
            out.put(prefix, items.isEmpty() ? "none" : String.join(PIPE_LISTS.contains(field) ? "|" : ",", items));
        } else {
            out.put(prefix, n.asText());
        }
    }
}
