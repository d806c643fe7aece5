package org.releaseauditor.core.progress;

/**
 * Progress and cancellation port for every long core computation.
 *
 * <p>Implementations must be thread-safe: the computation calls {@link #update} and
 * {@link #isCancelled} from a worker thread, while the UI or a shutdown hook may cancel from
 * another. Computations check for cancellation every {@link #CHECK_INTERVAL} rows, not per cell.
 */
public interface ProgressMonitor {

    /** How many rows a loop processes between two cancellation checks. */
    int CHECK_INTERVAL = 4096;

    /**
     * Reports progress.
     *
     * @param phase short, user-readable name of the current phase (never a cell value)
     * @param done  units done so far
     * @param total total units of the phase, or -1 when unknown
     */
    void update(String phase, long done, long total);

    /** Whether the user asked to stop. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A monitor that ignores progress and is never cancelled (tests, small inputs). */
    static ProgressMonitor none() {
        return NoProgress.INSTANCE;
    }

    /**
     * A monitor for a sub-range of the parent's progress: units of this monitor map linearly to
     * [from, to] of the parent's 0..1000 scale. Cancellation is delegated to the parent.
     */
    default ProgressMonitor slice(double from, double to) {
        ProgressMonitor parent = this;
        return new ProgressMonitor() {
            @Override
            public void update(String phase, long done, long total) {
                double f = total > 0 ? Math.min(1.0, (double) done / total) : 0.0;
                parent.update(phase, Math.round(1000 * (from + f * (to - from))), 1000);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    /** Singleton no-op monitor. */
    enum NoProgress implements ProgressMonitor {
        INSTANCE;

        @Override
        public void update(String phase, long done, long total) {
            // ignored
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
