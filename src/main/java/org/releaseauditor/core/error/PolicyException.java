package org.releaseauditor.core.error;

/** A malformed or unusable policy profile; the message names the JSON path. */
public class PolicyException extends AuditException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    public PolicyException(Throwable cause, String messageKey, Object... args) {
        super(cause, messageKey, args);
    }
}
