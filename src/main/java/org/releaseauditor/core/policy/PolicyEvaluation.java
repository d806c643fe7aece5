package org.releaseauditor.core.policy;

import java.util.List;

/**
 * All findings of one profile on one result.
 *
 * @param profile  the profile evaluated
 * @param findings one finding per rule, in rule order
 */
public record PolicyEvaluation(PolicyProfile profile, List<Finding> findings) {
    public PolicyEvaluation {
        findings = List.copyOf(findings);
    }

    /** The worst status of all findings (PASS when there are none). */
    public FindingStatus overall() {
        FindingStatus s = FindingStatus.PASS;
        for (Finding f : findings) {
            s = s.worst(f.status());
        }
        return s;
    }

    /** True when at least one finding is FAIL. */
    public boolean failed() {
        return overall() == FindingStatus.FAIL;
    }
}
