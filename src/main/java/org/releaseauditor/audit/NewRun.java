package org.releaseauditor.audit;

import java.util.List;

/** An analysis run to store. */
public record NewRun(String lane, String engineVersion, String paramsJson, String resultJson,
        List<Long> datasetIds) {
    public NewRun {
        datasetIds = List.copyOf(datasetIds);
    }
}
