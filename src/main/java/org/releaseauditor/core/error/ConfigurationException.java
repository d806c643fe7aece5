package org.releaseauditor.core.error;

/** An analysis configuration that cannot be used (unknown column, invalid parameter). */
public class ConfigurationException extends AuditException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
