package org.releaseauditor.core.error;

/** A case file that cannot be opened, read or written. */
public class AuditStoreException extends AuditException {
    private static final long serialVersionUID = 1L;

    public AuditStoreException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    public AuditStoreException(Throwable cause, String messageKey, Object... args) {
        super(cause, messageKey, args);
    }
}
