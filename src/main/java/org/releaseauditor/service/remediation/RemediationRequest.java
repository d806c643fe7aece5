package org.releaseauditor.service.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.RequestJson;

/**
 * The typed parameters of one remediation: the lane request of the audited release (the re-audit
 * of the copy uses the same request), the policy the copy must pass, and what the search may
 * change. Implementations are immutable records with a builder that holds every default of the
 * remediation (the only place they are defined), and they round-trip through canonical JSON
 * ({@code kind: remediation}, {@code lane}, {@code remediationVersion}, {@code analysis}: the lane
 * request).
 */
public interface RemediationRequest {

    /** {@code kind} of the request and result JSON. */
    String KIND = "remediation";
    /** Version of the remediation request JSON; written as {@code remediationVersion}. */
    int VERSION = 1;

    /** The lane whose release is remediated: microdata, trajectories or aggregates. */
    String lane();

    /** The lane request of the audit (before) and of the re-audit of the copy (after). */
    LaneRequest analysis();

    /** The policy the copy must pass: a built-in id or a policy file. */
    String policy();

    /** The request as a JSON tree with every field (defaults included). */
    ObjectNode toJsonTree();

    /** The canonical JSON text (sorted keys, no whitespace). */
    default String toJson() {
        return RequestJson.canonical(toJsonTree());
    }

    /** A new request object with {@code kind}, {@code lane}, {@code remediationVersion} and {@code analysis}. */
    static ObjectNode root(String lane, LaneRequest analysis) {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("kind", KIND);
        n.put("lane", lane);
        n.put("remediationVersion", VERSION);
        n.set("analysis", analysis.toJsonTree());
        return n;
    }
}
