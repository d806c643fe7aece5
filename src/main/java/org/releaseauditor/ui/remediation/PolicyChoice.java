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

    /** The built-in policies that {@code accept} takes (a lane's kind of policy). */
    public static List<PolicyChoice> builtIns(java.util.function.Predicate<PolicyProfile> accept) {
        return builtIns().stream().filter(c -> accept.test(c.profile())).toList();
    }

    /**
     * The panels' <i>Import…</i> button: asks for a policy file, adds it to {@code choices} and
     * selects it; a file that cannot be read is reported in a dialog.
     */
    static void importInto(org.releaseauditor.ui.AppContext ctx, java.util.List<PolicyChoice> choices,
            javafx.beans.property.ObjectProperty<PolicyChoice> selected) {
        String title = org.releaseauditor.core.i18n.Messages.get("whatif.policy.import");
        ctx.dialogs().chooseFileToOpen(title, null, List.of("JSON|*.json")).ifPresent(p -> {
            try {
                PolicyChoice c = load(p.toString());
                choices.add(c);
                selected.set(c);
            } catch (PolicyException e) {
                ctx.dialogs().showError(title, e.getLocalizedMessage(), null);
            }
        });
    }

    /** Loads a policy file. */
    public static PolicyChoice load(String ref) throws PolicyException {
        return new PolicyChoice(ref, new PolicyService().load(ref));
    }

    @Override
    public String toString() {
        // a built-in by its name in the session's language; a file's policy with its id
        return ref.equals(profile.id()) ? profile.displayTitle() : profile.displayTitle() + " (" + profile.id() + ")";
    }
}
