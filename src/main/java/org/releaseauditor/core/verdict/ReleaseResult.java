package org.releaseauditor.core.verdict;

import java.util.Collection;

/**
 * The overall result of a release (or of one output, or one run) under its policies. Ordered
 * from best to worst: a release in which one output was not evaluated cannot pass as a whole.
 */
public enum ReleaseResult {
    /** Every rule holds. */
    PASS,
    /** No rule fails, but at least one warns (or a metric a rule reads was not measured). */
    PASS_WITH_WARNINGS,
    /** No policy was evaluated (on this run or on at least one output of the release). */
    NOT_EVALUATED,
    /** At least one FAIL rule is violated. */
    FAIL;

    /** The worse of two results. */
    public ReleaseResult worst(ReleaseResult other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The worst of several results; NOT_EVALUATED when there are none. */
    public static ReleaseResult worstOf(Collection<ReleaseResult> results) {
        if (results.isEmpty()) {
            return NOT_EVALUATED;
        }
        ReleaseResult r = PASS;
        for (ReleaseResult x : results) {
            r = r.worst(x);
        }
        return r;
    }

    /** The colour state a front end shows for this result. */
    public VerdictStatus status() {
        return switch (this) {
            case PASS -> VerdictStatus.PASS;
            case PASS_WITH_WARNINGS -> VerdictStatus.WARN;
            case NOT_EVALUATED -> VerdictStatus.NOT_JUDGED;
            case FAIL -> VerdictStatus.FAIL;
        };
    }

    /** Message key of the result's words ({@code verdict.result.PASS_WITH_WARNINGS} …). */
    public String messageKey() {
        return "verdict.result." + name();
    }
}
