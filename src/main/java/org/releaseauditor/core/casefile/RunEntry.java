package org.releaseauditor.core.casefile;

import java.time.Instant;
import java.util.List;

/**
 * One analysis run stored in a case, with everything needed to reproduce and to report it.
 *
 * @param id            row id
 * @param lane          analysis lane ({@code microdata}, {@code trajectories}, {@code aggregates})
 * @param engineVersion application version that computed the result
 * @param paramsJson    the full parameters as JSON
 * @param resultJson    the full result as JSON
 * @param datasetIds    the datasets it analysed
 * @param actor         who ran it
 * @param at            when (UTC)
 */
public record RunEntry(long id, String lane, String engineVersion, String paramsJson, String resultJson,
        List<Long> datasetIds, String actor, Instant at) {
    public RunEntry {
        datasetIds = List.copyOf(datasetIds);
    }
}
