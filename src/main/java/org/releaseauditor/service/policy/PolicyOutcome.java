package org.releaseauditor.service.policy;

import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyProfile;

/**
 * A policy evaluated on one result, for {@code analyze ... --policy P}.
 *
 * @param profile    the profile used
 * @param policyJson the exact profile copy (JSON)
 * @param evaluation the findings
 */
public record PolicyOutcome(PolicyProfile profile, String policyJson, PolicyEvaluation evaluation) {

    /** True when at least one finding is FAIL: the CLI then exits 1. */
    public boolean failed() {
        return evaluation.failed();
    }
}
