package org.releaseauditor.core.policy;

/** Outcome of one rule: pass, warn or fail. Ordered from best to worst. */
public enum FindingStatus {
    PASS,
    WARN,
    FAIL;

    /** The worse of two statuses. */
    public FindingStatus worst(FindingStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
