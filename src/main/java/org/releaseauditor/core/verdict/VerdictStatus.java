package org.releaseauditor.core.verdict;

import org.releaseauditor.core.policy.FindingStatus;

/**
 * The state of one displayed metric under the active policy: judged PASS, WARN or FAIL by a rule,
 * or not judged by this policy at all. Anything that colours or labels a result takes its state
 * from here: NOT_JUDGED is shown neutral (no green, no red), whatever the number.
 */
public enum VerdictStatus {
    /** No rule of the policy reads this metric. */
    NOT_JUDGED,
    /** A rule reads it and holds. */
    PASS,
    /** A WARN rule is violated, or the metric a rule reads was not measured. */
    WARN,
    /** A FAIL rule is violated. */
    FAIL;

    /** The state of a finding's status. */
    public static VerdictStatus of(FindingStatus s) {
        return switch (s) {
            case PASS -> PASS;
            case WARN -> WARN;
            case FAIL -> FAIL;
        };
    }

    /** The worse of two states (NOT_JUDGED is the best: any judgement wins over it). */
    public VerdictStatus worst(VerdictStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether a policy rule reads the metric. */
    public boolean judged() {
        return this != NOT_JUDGED;
    }

    /** Message key of the state's word ({@code verdict.status.FAIL} …). */
    public String messageKey() {
        return "verdict.status." + name();
    }
}
