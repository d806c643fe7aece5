package org.releaseauditor.service.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens an analysis result (JSON) into the metric map that policies read: every numeric leaf
 * becomes {@code dotted.path → value}; object keys and array indexes are path segments
 * ({@code prosecutor.highest}, {@code lDiversity.disease.distinct}, {@code tables.0.minCount});
 * booleans become 1 or 0; strings and nulls are skipped.
 */
public final class ResultMetrics {

    private ResultMetrics() {
    }

    public static Map<String, Double> flatten(JsonNode result) {
        Map<String, Double> out = new LinkedHashMap<>();
        walk(result, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, Double> out) {
        if (node == null) {
            return;
        }
        if (node.isNumber()) {
            out.put(path, node.asDouble());
        } else if (node.isBoolean()) {
            out.put(path, node.asBoolean() ? 1.0 : 0.0);
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, out);
            }
        }
    }
}
