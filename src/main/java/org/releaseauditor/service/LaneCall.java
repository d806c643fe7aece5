package org.releaseauditor.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request together with where its inputs are, as a front end collected them from the user:
 * role → location. A location is a file path for {@code analyze}, and a dataset id or a path for
 * {@code case run}; the front end resolves it into a {@link DatasetRef}.
 *
 * @param request the request
 * @param inputs  role → location, in the order given
 */
public record LaneCall<R extends LaneRequest>(R request, Map<String, String> inputs) {

    public LaneCall {
        Objects.requireNonNull(request, "request");
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
