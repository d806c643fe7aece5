package org.releaseauditor.ui.risk;

/** Which attacker the dashboard highlights (METRICS.md §1). */
public enum AttackerType {
    /** Knows that the target is in the released data. */
    PROSECUTOR,
    /** Knows that the target is in the population, not whether in the release. */
    JOURNALIST,
    /** Tries to re-identify as many records as possible, no specific target. */
    MARKETER
}
