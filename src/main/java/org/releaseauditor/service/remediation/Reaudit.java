package org.releaseauditor.service.remediation;

import java.util.Objects;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;

/**
 * An audit through the normal lane, judged by the policy: the release as submitted (before) or
 * the remediated copy (after).
 *
 * @param result the lane's result (request, hashed inputs, typed output, JSON)
 * @param policy the policy's findings on it
 */
public record Reaudit<R extends LaneRequest, O>(LaneResult<R, O> result, PolicyEvaluation policy) {

    public Reaudit {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(policy, "policy");
    }

    /** Whether no FAIL finding was raised. */
    public boolean passed() {
        return !policy.failed();
    }
}
