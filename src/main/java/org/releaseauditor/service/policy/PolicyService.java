package org.releaseauditor.service.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.audit.PolicyJson;
import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.policy.PolicyProfile;

/**
 * Policy profiles for the GUI and the CLI: the built-in ones, user files, and evaluation of an
 * analysis result. A policy reference is a built-in id ({@code min-group-5}) or a file path.
 */
public final class PolicyService {

    /** The built-in profiles, in display order. */
    public List<PolicyProfile> builtIns() throws PolicyException {
        List<PolicyProfile> out = new ArrayList<>();
        for (String id : PolicyJson.BUILT_IN_IDS) {
            out.add(PolicyJson.builtIn(id));
        }
        return out;
    }

    /** Loads a profile by built-in id or file path. */
    public PolicyProfile load(String policyRef) throws PolicyException {
        if (PolicyJson.isBuiltIn(policyRef)) {
            return PolicyJson.builtIn(policyRef);
        }
        Path p = Path.of(policyRef);
        if (!Files.exists(p)) {
            throw new PolicyException("policy.error.unknown", policyRef, String.join(", ", PolicyJson.BUILT_IN_IDS));
        }
        return PolicyJson.read(p);
    }

    /** Parses a profile from JSON text (e.g. the copy stored in a case). */
    public PolicyProfile parse(String json, String source) throws PolicyException {
        return PolicyJson.parse(json, source);
    }

    /** The exact JSON copy of a profile as stored with findings and decisions. */
    public String toJson(PolicyProfile profile) {
        return PolicyJson.write(profile);
    }

    /** Evaluates a policy on an analysis result (any lane). */
    public PolicyOutcome evaluate(String policyRef, JsonNode result) throws PolicyException {
        PolicyProfile profile = load(policyRef);
        return evaluate(profile, result);
    }

    /** Evaluates a loaded profile on an analysis result. */
    public PolicyOutcome evaluate(PolicyProfile profile, JsonNode result) {
        return new PolicyOutcome(profile, PolicyJson.write(profile),
                PolicyEvaluator.evaluate(profile, ResultMetrics.flatten(result)));
    }
}
