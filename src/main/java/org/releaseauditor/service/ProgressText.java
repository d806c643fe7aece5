package org.releaseauditor.service;

import org.releaseauditor.core.i18n.Messages;

/**
 * The one place where a progress phase becomes user text. Computations report a phase as a
 * message key ({@code aggregate.progress.audit}) or as text they localised themselves; the GUI's
 * task adapter and the CLI's progress line both show {@link #of(String)}, so a raw key never
 * reaches the user.
 */
public final class ProgressText {

    private ProgressText() {
    }

    /** The localised text of a phase: the message of a key, otherwise the phase unchanged. */
    public static String of(String phase) {
        if (phase == null || phase.isEmpty()) {
            return "";
        }
        return Messages.has(phase) ? Messages.get(phase) : phase;
    }
}
