package org.releaseauditor.service;

import java.util.Objects;

/**
 * What a lane returns: the full parameters actually used (defaults filled in) and the full
 * result, both as JSON text.
 */
public record AnalysisOutput(String paramsJson, String resultJson) {
    public AnalysisOutput {
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(resultJson, "resultJson");
    }
}
