package org.releaseauditor.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.releaseauditor.core.i18n.Messages;

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

    /**
     * The name shown to a person: for a built-in profile its name in {@code locale} (bundle key
     * {@code policy.name.<id>}), else its title (the id when it has none). The id, the files and
     * the JSON keep the English title.
     */
    public String displayTitle(Locale locale) {
        String key = "policy.name." + id;
        if (Messages.has(key)) {
            return Messages.get(locale, key);
        }
        return title.isBlank() ? id : title;
    }

    /** {@link #displayTitle(Locale)} in the current language. */
    public String displayTitle() {
        return displayTitle(Messages.locale());
    }

    /** A profile that does not require a second reviewer. */
    public PolicyProfile(String id, String version, String title, String description, String source,
            List<PolicyRule> rules) {
        this(id, version, title, description, source, rules, false);
    }
}
