package org.releaseauditor.ui.remediation;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.service.policy.PolicyService;

/**
 * A policy the remediated copy must pass: a built-in id or a policy file, with its profile.
 *
 * @param ref     what the remediation request names (built-in id or file path)
 * @param profile the loaded profile
 */
public record PolicyChoice(String ref, PolicyProfile profile) {

    /** The built-in policies (empty when they cannot be read, which the tests would catch). */
    public static List<PolicyChoice> builtIns() {
        List<PolicyChoice> out = new ArrayList<>();
        try {
            for (PolicyProfile p : new PolicyService().builtIns()) {
                out.add(new PolicyChoice(p.id(), p));
            }
        } catch (PolicyException e) {
            return out;
        }
        return out;
    }

    /** Loads a policy file. */
    public static PolicyChoice load(String ref) throws PolicyException {
        return new PolicyChoice(ref, new PolicyService().load(ref));
    }

    @Override
    public String toString() {
        return profile.title() + " (" + profile.id() + ")";
    }
}
