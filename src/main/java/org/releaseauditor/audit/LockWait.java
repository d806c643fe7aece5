package org.releaseauditor.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a writer waits for a case that another writer is busy with, and who hears about the
 * wait. After {@code timeout} the write is refused with "busy, try again".
 *
 * @param timeout  the longest wait
 * @param listener told about every second while waiting (may throw an unchecked exception, such
 *                 as {@code CancelledException}, to stop waiting)
 */
public record LockWait(Duration timeout, Listener listener) {

    /** The default wait: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public LockWait {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative lock wait");
        }
        listener = listener == null ? (h, w, l) -> { } : listener;
    }

    /** The default: wait up to 30 seconds, silently. */
    public static LockWait defaults() {
        return new LockWait(DEFAULT_TIMEOUT, null);
    }

    /** Hears about a wait for the write lock. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param holder who holds the lock (process and host, since when)
         * @param waited how long this writer has waited so far
         * @param limit  the longest wait
         */
        void waiting(String holder, Duration waited, Duration limit);
    }
}
