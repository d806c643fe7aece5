package org.releaseauditor.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared Jackson set-up for the result JSON: pretty, stable key order, no NaN. */
public final class Json {
    /** Version of the result JSON schema (src/docs/schema/). */
    public static final int SCHEMA_VERSION = 1;
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }

    /** A new root object with the schema version and the lane. */
    public static ObjectNode root(String lane) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA_VERSION);
        n.put("lane", lane);
        return n;
    }

    /** Puts a double, or null when NaN/infinite (JSON has no NaN). */
    public static void put(ObjectNode n, String field, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    public static String write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialisation failed", e);
        }
    }
}
