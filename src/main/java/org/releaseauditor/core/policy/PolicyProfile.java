package org.releaseauditor.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * A versioned policy profile: the unit of reproducibility for a verdict (STYLE.md §2.4).
 *
 * @param id          stable identifier, e.g. {@code min-group-5}
 * @param version     version of the profile, e.g. {@code 1.0}
 * @param title       human title
 * @param description what it is for
 * @param source      the convention or publication it follows
 * @param rules       the rules (at least one)
 * @param requireSecondReviewer whether a decision under this policy needs a second reviewer's
 *                    sign-off (four eyes) before it is in force
 */
public record PolicyProfile(String id, String version, String title, String description, String source,
        List<PolicyRule> rules, boolean requireSecondReviewer) {
    public PolicyProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        title = title == null ? id : title;
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        rules = List.copyOf(rules);
    }

    /** A profile that does not require a second reviewer. */
    public PolicyProfile(String id, String version, String title, String description, String source,
            List<PolicyRule> rules) {
        this(id, version, title, description, source, rules, false);
    }
}
