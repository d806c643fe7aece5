package org.releaseauditor.core.verdict;

import java.util.List;

/**
 * The verdict on one output of a release: the worst result of the runs that analysed it.
 *
 * @param datasetId the output (dataset id in the case)
 * @param name      its file name
 * @param sha256    the SHA-256 of its bytes
 * @param runIds    the runs that analysed it
 * @param result    the worst result of those runs (NOT_EVALUATED when no policy was evaluated)
 */
public record OutputVerdict(long datasetId, String name, String sha256, List<Long> runIds, ReleaseResult result) {
    public OutputVerdict {
        runIds = List.copyOf(runIds);
    }
}
