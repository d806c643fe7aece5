package org.releaseauditor.service.remediation;

import java.util.Map;
import java.util.TreeMap;

/**
 * The default of every remediation option as text, for help messages
 * ({@code default.remediation.<lane>.<field>}), read from the request builders (where they are
 * defined).
 */
public final class RemediationDefaults {

    private RemediationDefaults() {
    }

    /** Key → default text. */
    public static Map<String, String> of() {
        Map<String, String> out = new TreeMap<>();
        MicrodataRemediationRequest.builder().defaults().forEach((k, v) -> out.put("default.remediation.microdata." + k, v));
        TrajectoryRemediationRequest.builder().defaults()
                .forEach((k, v) -> out.put("default.remediation.trajectories." + k, v));
        TrajectoryRemediationService.targetDefaults()
                .forEach((k, v) -> out.put("default.remediation.trajectories." + k, v));
        AggregateRemediationRequest.builder().defaults()
                .forEach((k, v) -> out.put("default.remediation.aggregates." + k, v));
        return out;
    }
}
