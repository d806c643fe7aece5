package org.releaseauditor.ui.fx;

import java.util.function.Consumer;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Starts background work for a view model and calls it back on the UI thread. The app's
 * implementation is {@link BackgroundTasks}; view-model tests use one that runs the work when the
 * test says so, without the toolkit.
 */
public interface TaskRunner {

    /**
     * Work that reports progress to its monitor and may publish partial results; {@code publish}
     * may be called from the worker thread and hands the value to {@link Handlers#partial()} on
     * the UI thread, unless the job was cancelled or has finished meanwhile.
     */
    @FunctionalInterface
    interface Work<T, P> {
        T run(ProgressMonitor monitor, Consumer<P> publish) throws Exception;
    }

    /** A started job. */
    interface Job {
        /** Cancels the job; its success and partial handlers will not run. */
        void cancel();
    }

    /**
     * What to do when a job publishes, succeeds, fails or is cancelled (each on the UI thread).
     * A null failure handler reports the failure through the dialog service.
     */
    record Handlers<T, P>(Consumer<P> partial, Consumer<T> success, Consumer<Throwable> failure,
            Runnable cancelled) {

        /** Only a success handler. */
        public static <T, P> Handlers<T, P> onSuccess(Consumer<T> success) {
            return new Handlers<>(null, success, null, null);
        }

        public Handlers<T, P> onPartial(Consumer<P> handler) {
            return new Handlers<>(handler, success, failure, cancelled);
        }

        public Handlers<T, P> onFailure(Consumer<Throwable> handler) {
            return new Handlers<>(partial, success, handler, cancelled);
        }

        public Handlers<T, P> onCancelled(Runnable handler) {
            return new Handlers<>(partial, success, failure, handler);
        }
    }

    /** Starts {@code work} (titled for the status bar); cancellable from the status bar's Cancel. */
    <T, P> Job start(String title, Work<T, P> work, Handlers<T, P> handlers);

    /** Shows a failure the caller did not handle itself: a short message, details collapsed. */
    void reportFailure(String title, Throwable ex);
}
