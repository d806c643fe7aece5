package org.releaseauditor.service;

import java.util.Objects;

/**
 * What a lane returns: its name, the request it ran, the inputs it read (each with the SHA-256 of
 * the bytes read), the typed result for a dashboard and the result JSON for the case and the
 * command line. The JSON carries {@code "lane"}, {@code "schemaVersion"} and {@code "inputs"}.
 *
 * @param lane    lane name
 * @param request the request as run (defaults filled in)
 * @param inputs  the inputs as read: every ref is hashed
 * @param output  the typed result
 * @param json    the result JSON (the document {@code analyze --format json} prints)
 */
public record LaneResult<R extends LaneRequest, O>(String lane, R request, LaneInputs inputs, O output,
        String json) {

    public LaneResult {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(json, "json");
    }

    /** The request's canonical JSON: what a case stores as the run's parameters. */
    public String requestJson() {
        return request.toJson();
    }
}
