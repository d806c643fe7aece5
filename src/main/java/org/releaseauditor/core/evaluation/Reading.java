package org.releaseauditor.core.evaluation;

import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.i18n.Messages;

/**
 * The plain-language reading of one attack's result ("an attacker who knows X can single out
 * about Y % more people …"), as message keys so that it can be shown in English or German.
 * Percentages are passed as numbers in percent.
 *
 * @param key           the main sentence
 * @param args          its arguments
 * @param conclusionKey a second sentence on whether the residual risk is measurable, or null
 */
public record Reading(String key, List<Object> args, String conclusionKey) {
    public Reading {
        args = List.copyOf(args);
    }

    /** The text in {@code locale}. */
    public String text(Locale locale) {
        String main = Messages.get(locale, key, args.toArray());
        return conclusionKey == null ? main : main + " " + Messages.get(locale, conclusionKey);
    }
}
