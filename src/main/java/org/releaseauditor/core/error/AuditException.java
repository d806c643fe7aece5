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

    public AuditException(String messageKey, Object... args) {
        super(Messages.get(Locale.ENGLISH, messageKey, args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public AuditException(Throwable cause, String messageKey, Object... args) {
        super(Messages.get(Locale.ENGLISH, messageKey, args), cause);
        this.messageKey = messageKey;
        this.args = args.clone();
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
