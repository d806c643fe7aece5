package org.releaseauditor.ui.fx;

/**
 * How the result a dashboard shows relates to its current settings. Only a {@link #CURRENT}
 * result may be recorded in a case; the other states are shown as a badge over dimmed content.
 */
public enum ResultState {
    /** Nothing is shown yet. */
    NONE,
    /** A run for the current settings is in progress; what is shown (if anything) is from earlier settings. */
    COMPUTING,
    /** The first parts of the current run are shown; the rest is still being computed. */
    PARTIAL,
    /** The shown result is complete and belongs to the current settings. */
    CURRENT,
    /**
     * The shown result belongs to earlier settings: they changed since, or the run for the current
     * settings was cancelled or failed.
     */
    OUTDATED;

    /** Whether a result in this state may be recorded as the current analysis. */
    public boolean recordable() {
        return this == CURRENT;
    }

    /** Whether the shown content should be marked (dimmed, with a badge). */
    public boolean marked() {
        return this == COMPUTING || this == OUTDATED;
    }

    /** The message key of the badge text, or null when nothing is marked. */
    public String badgeKey() {
        return switch (this) {
            case COMPUTING -> "stale.computing";
            case PARTIAL -> "stale.partial";
            case OUTDATED -> "stale.outdated";
            default -> null;
        };
    }

    /** The message key of the badge's longer explanation (tooltip), or null. */
    public String explainKey() {
        return badgeKey() == null ? null : badgeKey() + ".explain";
    }
}
