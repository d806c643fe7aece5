package org.releaseauditor.core.progress;

/** Thrown by a computation that stopped because its {@link ProgressMonitor} was cancelled. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled by the user");
    }
}
