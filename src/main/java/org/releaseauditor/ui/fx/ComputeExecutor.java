package org.releaseauditor.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one executor of the desktop app: named daemon threads {@code compute-N}, cores − 1 of them
 * (at least 1). Every background task runs here; views own no thread pools.
 */
public final class ComputeExecutor implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ComputeExecutor.class);
    private final ExecutorService executor;

    public ComputeExecutor() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    public ComputeExecutor(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "compute-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Runs a task; after shutdown (the app is closing) new work is dropped, not an error. */
    public void execute(Runnable task) {
        if (executor.isShutdown()) {
            LOGGER.debug("Ignoring work submitted after shutdown");
            return;
        }
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOGGER.debug("Ignoring work submitted during shutdown");
        }
    }

    /** Cancels running work and stops the threads (Application.stop()). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOGGER.warn("Background work did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
