package org.releaseauditor.service.remediation;

import java.util.List;
import java.util.Map;
import org.releaseauditor.core.remediation.RemediationCondition;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.LaneInputs;

/**
 * What one remediation produced: the audit of the release as submitted, whether a passing change
 * was found, the change, the copy (or copies) with their SHA-256, the condition a decision can
 * record, and the re-audit of the copy through the normal lane.
 *
 * @param lane           microdata, trajectories or aggregates
 * @param request        the remediation request as run
 * @param inputs         every input read (hashed), including hierarchy files
 * @param before         the audit of the release as submitted
 * @param found          whether the search found a change that passes (within its limits)
 * @param transformation the change applied to the copy, or null when none was found
 * @param copies         output role → the written copy (hashed); empty when none was found
 * @param conditions     one condition per copy
 * @param after          the re-audit of the copy, or null when none was found
 * @param json           the result document (schema {@code remediation-v1})
 * @param text           a readable summary for the terminal
 */
public record RemediationOutcome(String lane, RemediationRequest request, LaneInputs inputs, Reaudit<?, ?> before,
        boolean found, Transformation transformation, Map<String, DatasetRef> copies,
        List<RemediationCondition> conditions, Reaudit<?, ?> after, String json, String text) {

    public RemediationOutcome {
        copies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(copies));
        conditions = List.copyOf(conditions);
    }

    /** Exit-code meaning: a passing change was found and the re-audit of its copy passes the policy. */
    public boolean passed() {
        return found && after != null && after.passed();
    }
}
