package org.releaseauditor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * A result JSON read back (from a case or a file): the lane, the schema version, the inputs that
 * were read and the whole tree. The typed results of the lanes are not rebuilt from JSON; the
 * tree is what reports, policies and reruns work on.
 *
 * @param lane          {@code lane} of the document ({@code kind} in trajectory results of schema 1)
 * @param schemaVersion {@code schemaVersion}
 * @param inputs        {@code inputs} (empty in results written before inputs were recorded)
 * @param tree          the whole document
 */
public record RecordedResult(String lane, int schemaVersion, LaneInputs inputs, ObjectNode tree) {

    /** Parses a result JSON document. */
    public static RecordedResult parse(String json) throws ConfigurationException {
        ObjectNode n = RequestJson.parseObject(json, "result");
        JsonNode lane = n.has("lane") ? n.get("lane") : n.get("kind");
        return new RecordedResult(lane == null ? null : lane.asText(), n.path("schemaVersion").asInt(0),
                LaneInputs.fromJson(n.get("inputs")), n);
    }
}
