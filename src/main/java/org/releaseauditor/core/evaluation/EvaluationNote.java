package org.releaseauditor.core.evaluation;

import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.i18n.Messages;

/**
 * A remark on a result (a limit of the measurement, a clamped parameter), as a message key with
 * its arguments (numbers and column names, never record values).
 *
 * @param key  message key in the {@code evaluation} bundle
 * @param args arguments (String, Integer, Long or Double)
 */
public record EvaluationNote(String key, List<Object> args) {
    public EvaluationNote {
        args = List.copyOf(args);
    }

    static EvaluationNote of(String key, Object... args) {
        return new EvaluationNote(key, List.of(args));
    }

    /** The text in {@code locale}. */
    public String text(Locale locale) {
        return Messages.get(locale, key, args.toArray());
    }
}
