package org.releaseauditor.ui.fx;

import java.util.function.Consumer;
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
 * Runs one-shot background jobs on the {@link ComputeExecutor} and exposes the current job's
 * progress, phase text and running state for the status bar (progress bar + Cancel). Results are
 * applied only in the success callback on the FX thread; failures go to the dialog service.
 */
public final class BackgroundTasks {
    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundTasks.class);
    private final ComputeExecutor executor;
    private final DialogService dialogs;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private Task<?> current;

    public BackgroundTasks(ComputeExecutor executor, DialogService dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /**
     * Starts a task. Only the latest task drives the status bar; its result goes to
     * {@code onSuccess} on the FX thread.
     */
    public <T> Task<T> run(Task<T> task, Consumer<T> onSuccess) {
        return run(task, onSuccess, null);
    }

    /** As {@link #run(Task, Consumer)}, with a custom failure handler (null: dialog service). */
    public <T> Task<T> run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        current = task;
        running.set(true);
        progress.unbind();
        message.unbind();
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            finish(task);
            onSuccess.accept(task.getValue());
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            boolean wasCurrent = task == current;
            finish(task);
            if (wasCurrent) {
                dialogs.notify(Messages.get("ui.status.cancelled"));
            }
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            finish(task);
            Throwable ex = task.getException();
            if (ex instanceof CancelledException) {
                dialogs.notify(Messages.get("ui.status.cancelled"));
            } else if (onFailure != null) {
                onFailure.accept(ex);
            } else {
                reportFailure(task.getTitle(), ex);
            }
        });
        executor.execute(task);
        return task;
    }

    /** Shows a failure through the dialog service: short message, details collapsed. */
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

    private void finish(Task<?> task) {
        if (task == current) {
            progress.unbind();
            message.unbind();
            progress.set(0);
            message.set("");
            running.set(false);
            current = null;
        }
    }

    /** Cancels the current job, if any. */
    public void cancelCurrent() {
        if (current != null) {
            current.cancel();
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
