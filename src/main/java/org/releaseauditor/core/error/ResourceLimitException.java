package org.releaseauditor.core.error;

/**
 * The work cannot fit the resources given to this process (the Java heap): reported before the
 * work starts, with the {@code -Xmx} to use. A configuration error of the run, not of the data;
 * the command line exits with code 3 (input too large), never with 1 (policy failed).
 */
public final class ResourceLimitException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    public ResourceLimitException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
