package org.releaseauditor.core.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/** A thread-safe monitor backed by a flag; used by the CLI (Ctrl-C) and by tests. */
public class CancellationFlag implements ProgressMonitor {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void update(String phase, long done, long total) {
        // subclasses may report progress
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
