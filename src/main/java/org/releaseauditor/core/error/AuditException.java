package org.releaseauditor.core.error;

import java.util.Locale;
import org.releaseauditor.core.i18n.Messages;

/**
 * Base of every checked error the application reports to a user. It carries a message key and
 * arguments, so that the GUI and the CLI can show it in the user's language. The message never
 * contains a stack trace; callers log the cause where they finally catch it.
 */
public class AuditException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] args;

    /** Longest value echoed in a message; longer ones (a 70,000-character header) are cut. */
    public static final int MAX_ECHO = 200;

    public AuditException(String messageKey, Object... args) {
        super(Messages.get(Locale.ENGLISH, messageKey, capped(args)));
        this.messageKey = messageKey;
        this.args = capped(args);
    }

    public AuditException(Throwable cause, String messageKey, Object... args) {
        super(Messages.get(Locale.ENGLISH, messageKey, capped(args)), cause);
        this.messageKey = messageKey;
        this.args = capped(args);
    }

    /** The arguments with every value longer than {@link #MAX_ECHO} characters cut (numbers stay numbers). */
    static Object[] capped(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            Object a = out[i];
            if (a == null || a instanceof Number) {
                continue;
            }
            String s = a.toString();
            if (s.length() > MAX_ECHO) {
                int cut = MAX_ECHO - 1;
                if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                    cut--;
                }
                out[i] = s.substring(0, cut) + "\u2026";
            }
        }
        return out;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The message in the current UI language. */
    @Override
    public String getLocalizedMessage() {
        return Messages.get(messageKey, args);
    }
}
