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
    private final java.util.List<ExecutorService> serial = new java.util.concurrent.CopyOnWriteArrayList<>();

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

    /**
     * A new executor with one daemon thread named {@code name} that runs its work one after the
     * other, in submission order (the case writer: one writer per case). Work submitted after
     * {@link #close()} is dropped. {@link #close()} lets queued work finish (up to
     * {@link #SERIAL_DRAIN_SECONDS}) instead of interrupting it.
     */
    public java.util.concurrent.Executor serial(String name) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        serial.add(one);
        return task -> {
            try {
                one.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOGGER.debug("Ignoring work submitted to {} after shutdown", name);
            }
        };
    }

    /** How long {@link #close()} waits for queued serial work (case writes) to finish. */
    public static final int SERIAL_DRAIN_SECONDS = 10;

    /**
     * Cancels running compute work and stops the threads (Application.stop()); serial executors
     * finish their queued work first.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        serial.forEach(ExecutorService::shutdown);
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOGGER.warn("Background work did not stop within 2 s");
            }
            for (ExecutorService s : serial) {
                if (!s.awaitTermination(SERIAL_DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    LOGGER.warn("Queued case work did not finish within {} s", SERIAL_DRAIN_SECONDS);
                    s.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
