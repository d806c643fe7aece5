package org.releaseauditor.core.summary;

import org.releaseauditor.core.i18n.Messages;

/**
 * A measure that an audit from a summary cannot give, and why.
 *
 * @param measure   the measure's id as in the result JSON (e.g. {@code suda}, {@code riskiestClasses})
 * @param reasonKey message key of the reason (bundle {@code summary})
 */
public record Unavailable(String measure, String reasonKey) {

    /** The reason in the current language. */
    public String reason() {
        return Messages.get(reasonKey);
    }
}
