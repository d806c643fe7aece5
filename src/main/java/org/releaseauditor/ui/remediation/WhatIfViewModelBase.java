package org.releaseauditor.ui.remediation;

import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.concurrent.Task;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.RemediationRecorder;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.ui.fx.BackgroundTasks;
import org.releaseauditor.ui.fx.FxTasks;

/**
 * What the three What-if panels share: the saved copy and its recording in a case, the busy,
 * searching and progress state, the status line, and how a failed task is shown.
 */
abstract class WhatIfViewModelBase {
    protected final BackgroundTasks tasks;
    protected final ReadOnlyObjectWrapper<RemediationOutcome> saved = new ReadOnlyObjectWrapper<>();
    protected final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    protected final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    protected final DoubleProperty progress = new SimpleDoubleProperty(0);
    protected final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The latest preparation, preview (re-audit of a choice) and search; an older task's result is dropped. */
    protected Task<?> prepareTask;
    protected Task<?> previewTask;
    protected Task<?> searchTask;

    protected WhatIfViewModelBase(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    /** A task failed: nothing is busy any more, the status says why and the failure is reported. */
    protected void failed(Task<?> t, Throwable ex) {
        busy.set(false);
        searching.set(false);
        progress.unbind();
        progress.set(0);
        status.set(ex instanceof AuditException ae ? ae.getLocalizedMessage() : Messages.get("ui.error.internal"));
        tasks.reportFailure(t.getTitle(), ex);
    }

    /**
     * Starts a search with progress and Cancel; the latest search wins. {@code done} gets the
     * result on the FX thread after the searching state is cleared.
     */
    protected <T> void startSearch(Task<T> t, Consumer<T> done) {
        if (searchTask != null) {
            searchTask.cancel();
        }
        searchTask = t;
        searching.set(true);
        status.set(Messages.get("whatif.status.searching"));
        progress.bind(t.progressProperty());
        t.setOnCancelled(e -> {
            if (t == searchTask) {
                showCancelled(t);
            }
        });
        tasks.run(t, r -> {
            if (t != searchTask) {
                return;
            }
            progress.unbind();
            progress.set(0);
            searching.set(false);
            done.accept(r);
        }, ex -> failed(t, ex));
    }

    /** Cancels the running search; the panel stays usable. */
    public void cancelSearch() {
        if (searchTask != null && searching.get()) {
            Task<?> t = searchTask;
            if (!t.cancel()) {
                // the search ended on its thread but its result is not shown yet: Cancel still wins
                showCancelled(t);
                searchTask = null;
            }
        }
    }

    private void showCancelled(Task<?> t) {
        searching.set(false);
        if (previewTask == null || previewTask == t || previewTask.isDone()) {
            busy.set(false);
        }
        progress.unbind();
        progress.set(0);
        status.set(Messages.get("whatif.status.cancelled"));
    }

    /** Cancels every running task (a new source or policy). */
    protected void cancelAll() {
        for (Task<?> t : new Task<?>[] {prepareTask, previewTask, searchTask}) {
            if (t != null) {
                t.cancel();
            }
        }
        searching.set(false);
        busy.set(false);
    }

    /**
     * Records the saved copy in a case: the run as submitted, the copy as a dataset derived from it
     * (with the condition) and the copy's re-audit. {@code then} gets what was recorded.
     */
    public void record(CaseService cs, Consumer<RemediationRecorder.Recorded> then) {
        RemediationOutcome o = saved.get();
        if (o == null || cs == null) {
            return;
        }
        Task<RemediationRecorder.Recorded> t = FxTasks.of(Messages.get("whatif.task.record"),
                m -> new RemediationRecorder().record(cs, o, m));
        tasks.run(t, r -> {
            status.set(Messages.get("whatif.status.recorded", r.beforeRun().id(), r.afterRun().id()));
            if (then != null) {
                then.accept(r);
            }
        }, ex -> failed(t, ex));
    }

    /** The SHA-256 of the saved copy, or empty. */
    public String savedSha() {
        RemediationOutcome o = saved.get();
        return o == null || o.copies().isEmpty() ? "" : o.copies().values().iterator().next().sha256();
    }

    public ReadOnlyObjectProperty<RemediationOutcome> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Progress of the search in [0, 1] (-1 while indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
