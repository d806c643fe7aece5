package org.releaseauditor.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background jobs (on the {@link ComputeExecutor}, or on another executor such as the case
 * writer) and exposes the progress, phase text and running state of the most recently started
 * job that is still running, for the status bar (progress bar + Cancel). When that job ends, the
 * status bar follows the job started before it, if it still runs. Results are applied only in the
 * success callback on the FX thread; failures go to the dialog service. Call on the FX thread.
 */
public final class BackgroundTasks implements TaskRunner {
    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundTasks.class);
    private final ComputeExecutor executor;
    private final DialogService dialogs;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty cancellable = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    /** Running jobs, oldest first. */
    private final List<Active> active = new ArrayList<>();
    private Task<?> shown;

    private record Active(Task<?> task, boolean cancellable) {
    }

    public BackgroundTasks(ComputeExecutor executor, DialogService dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /**
     * Starts a task on the compute executor. Only the latest running task drives the status bar;
     * its result goes to {@code onSuccess} on the FX thread.
     */
    public <T> Task<T> run(Task<T> task, Consumer<T> onSuccess) {
        return run(task, onSuccess, null);
    }

    /** As {@link #run(Task, Consumer)}, with a custom failure handler (null: dialog service). */
    public <T> Task<T> run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(task, onSuccess, onFailure, null);
    }

    /** As {@link #run(Task, Consumer, Consumer)}, and {@code onCancelled} (may be null) when it is cancelled. */
    public <T> Task<T> run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
        return runOn(executor::execute, true, task, onSuccess, onFailure, onCancelled);
    }

    /**
     * Starts a task on {@code on} (for example the case writer). A task that is not
     * {@code cancellable} shows its progress but is not stopped by the status bar's Cancel (a case
     * write must finish once it started).
     */
    public <T> Task<T> runOn(Executor on, boolean isCancellable, Task<T> task, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure, Runnable onCancelled) {
        active.add(new Active(task, isCancellable));
        show(task);
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            finish(task);
            onSuccess.accept(task.getValue());
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            finish(task);
            dialogs.notify(Messages.get("ui.status.cancelled"));
            if (onCancelled != null) {
                onCancelled.run();
            }
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            finish(task);
            Throwable ex = task.getException();
            if (ex instanceof CancelledException) {
                dialogs.notify(Messages.get("ui.status.cancelled"));
                if (onCancelled != null) {
                    onCancelled.run();
                }
            } else if (onFailure != null) {
                onFailure.accept(ex);
            } else {
                reportFailure(task.getTitle(), ex);
            }
        });
        on.execute(task);
        return task;
    }

    @Override
    public <T, P> Job start(String title, Work<T, P> work, Handlers<T, P> handlers) {
        return start(executor::execute, true, title, work, handlers);
    }

    /**
     * A runner whose jobs run on {@code on} (for example the case writer, one job after the
     * other); with {@code isCancellable} false the status bar's Cancel does not stop them.
     */
    public TaskRunner on(Executor on, boolean isCancellable) {
        BackgroundTasks self = this;
        return new TaskRunner() {
            @Override
            public <T, P> Job start(String title, Work<T, P> work, Handlers<T, P> handlers) {
                return self.start(on, isCancellable, title, work, handlers);
            }

            @Override
            public void reportFailure(String title, Throwable ex) {
                self.reportFailure(title, ex);
            }
        };
    }

    private <T, P> Job start(Executor on, boolean isCancellable, String title, Work<T, P> work,
            Handlers<T, P> handlers) {
        @SuppressWarnings("unchecked")
        Task<T>[] self = new Task[1];
        Consumer<P> publish = handlers.partial() == null ? p -> { } : p -> Platform.runLater(() -> {
            if (!self[0].isDone()) {
                handlers.partial().accept(p);
            }
        });
        Task<T> task = FxTasks.of(title, m -> work.run(m, publish));
        self[0] = task;
        runOn(on, isCancellable, task, handlers.success(), handlers.failure(), handlers.cancelled());
        return task::cancel;
    }

    /** Shows a failure through the dialog service: short message, details collapsed. */
    @Override
    public void reportFailure(String title, Throwable ex) {
        if (ex instanceof AuditException ae) {
            LOGGER.info("{} failed: {}", title, ae.messageKey());
            dialogs.showError(title, ae.getLocalizedMessage(), null);
        } else if (ex instanceof OutOfMemoryError) {
            LOGGER.error("{} ran out of memory", title);
            dialogs.showError(title, Messages.get("ui.error.oom"), null);
        } else {
            LOGGER.error("{} failed", title, ex);
            dialogs.showError(title, Messages.get("ui.error.internal"), ex);
        }
    }

    private void show(Task<?> task) {
        shown = task;
        progress.unbind();
        message.unbind();
        if (task == null) {
            progress.set(0);
            message.set("");
        } else {
            progress.bind(task.progressProperty());
            message.bind(task.messageProperty());
        }
        running.set(!active.isEmpty());
        cancellable.set(active.stream().anyMatch(Active::cancellable));
    }

    private void finish(Task<?> task) {
        active.removeIf(a -> a.task() == task);
        if (task == shown) {
            show(active.isEmpty() ? null : active.get(active.size() - 1).task());
        } else {
            running.set(!active.isEmpty());
            cancellable.set(active.stream().anyMatch(Active::cancellable));
        }
    }

    /** Cancels the job the status bar shows if it can be cancelled, else the latest cancellable job. */
    public void cancelCurrent() {
        Active target = null;
        for (Active a : active) {
            if (a.cancellable()) {
                target = a;
                if (a.task() == shown) {
                    break;
                }
            }
        }
        if (target != null) {
            target.task().cancel();
        }
    }

    /** Whether any job is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Whether a running job can be cancelled (case writes cannot). */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
