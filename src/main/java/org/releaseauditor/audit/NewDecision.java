package org.releaseauditor.audit;

import java.util.List;
import org.releaseauditor.core.casefile.DecisionOutcome;

/**
 * A decision to store. {@code datasetSha256s} is a JSON object dataset id → SHA-256.
 */
public record NewDecision(DecisionOutcome outcome, String conditions, String rationale, String auditor,
        String datasetSha256s, String policyJson, List<Long> runIds) {
    public NewDecision {
        runIds = List.copyOf(runIds);
        conditions = conditions == null ? "" : conditions;
    }
}
