package org.releaseauditor.ui.fx;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Latest wins, and says so: keeps the last complete result of a dashboard and whether it belongs
 * to the current settings. Every run gets a ticket from {@link #start()}; a later start or a
 * settings change ({@link #invalidate()}) supersedes it, and a superseded run can neither show nor
 * stop anything. A run that is cancelled or fails leaves the previous result in place, marked
 * {@link ResultState#OUTDATED}. Use on one thread (the FX thread in the app); needs no toolkit.
 *
 * @param <R> the result type
 */
public final class LatestRun<R> {
    private final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ResultState> state = new ReadOnlyObjectWrapper<>(ResultState.NONE);
    private long latest;
    private boolean running;

    /** A new run starts; every earlier run is superseded. Returns the new run's ticket. */
    public long start() {
        latest++;
        running = true;
        state.set(ResultState.COMPUTING);
        return latest;
    }

    /** Whether {@code ticket} is the run in progress (not superseded, not finished). */
    public boolean isLatest(long ticket) {
        return running && ticket == latest;
    }

    /** Whether a run is in progress. */
    public boolean running() {
        return running;
    }

    /** The latest run shows its first parts; false (and nothing changes) for a superseded run. */
    public boolean partial(long ticket) {
        if (!isLatest(ticket)) {
            return false;
        }
        state.set(ResultState.PARTIAL);
        return true;
    }

    /** The latest run finished: its result is shown and current. False for a superseded run (dropped). */
    public boolean complete(long ticket, R r) {
        if (!isLatest(ticket)) {
            return false;
        }
        running = false;
        result.set(r);
        state.set(r == null ? ResultState.NONE : ResultState.CURRENT);
        return true;
    }

    /**
     * The latest run stopped without a result (cancelled or failed): the previous result stays,
     * marked as from earlier settings. False for a superseded run.
     */
    public boolean stopped(long ticket) {
        if (!isLatest(ticket)) {
            return false;
        }
        running = false;
        state.set(result.get() == null ? ResultState.NONE : ResultState.OUTDATED);
        return true;
    }

    /**
     * The settings changed: the shown result no longer matches them, and a run in progress (for
     * the old settings) is superseded.
     */
    public void invalidate() {
        latest++;
        running = false;
        state.set(result.get() == null ? ResultState.NONE : ResultState.OUTDATED);
    }

    /** Forgets the result (nothing is shown any more) and supersedes a running run. */
    public void clear() {
        latest++;
        running = false;
        result.set(null);
        state.set(ResultState.NONE);
    }

    /** The last complete result (current or from earlier settings), or null. */
    public ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResultState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The result if it may be recorded as the current analysis, else null. */
    public R currentResult() {
        return state.get().recordable() ? result.get() : null;
    }
}
