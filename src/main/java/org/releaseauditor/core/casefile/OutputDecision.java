package org.releaseauditor.core.casefile;

/**
 * The decision on one output (dataset) of a release.
 *
 * @param id         row id
 * @param decisionId the decision it belongs to
 * @param datasetId  the output
 * @param sha256     the output's SHA-256 when decided
 * @param approved   approved (may leave) or rejected
 * @param comment    the comment on this output (may be empty)
 */
public record OutputDecision(long id, long decisionId, long datasetId, String sha256, boolean approved,
        String comment) {
}
