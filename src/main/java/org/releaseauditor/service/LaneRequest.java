package org.releaseauditor.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The typed parameters of one lane call. Implementations are immutable records in the lane's
 * service package with a builder that holds every default (the only place a lane default is
 * defined), and they round-trip through canonical JSON: {@code lane.readRequest(r.toJson())}
 * equals {@code r}. The JSON is what a case stores as the parameters of a run.
 */
public interface LaneRequest {

    /** The lane this request is for, e.g. {@code microdata}. */
    String lane();

    /** The request as a JSON tree with every field (defaults included), {@code lane} and {@code requestVersion}. */
    ObjectNode toJsonTree();

    /** The canonical JSON text (sorted keys, no whitespace). */
    default String toJson() {
        return RequestJson.canonical(toJsonTree());
    }
}
