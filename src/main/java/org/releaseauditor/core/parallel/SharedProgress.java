package org.releaseauditor.core.parallel;

import java.util.concurrent.atomic.AtomicLong;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Progress of work shared by parallel tasks: each task adds the units it finished, and the
 * monitor sees one growing count (never going back). Cancellation is the monitor's.
 */
public final class SharedProgress {
    private final ProgressMonitor monitor;
    private final String phase;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private long reported = -1;

    public SharedProgress(ProgressMonitor monitor, String phase, long total) {
        this.monitor = monitor;
        this.phase = phase;
        this.total = total;
    }

    /** Adds finished units, reports the new total and checks for cancellation. */
    public void add(long units) {
        long now = done.addAndGet(units);
        report(now);
        monitor.checkCancelled();
    }

    /** Units finished so far. */
    public long done() {
        return done.get();
    }

    private synchronized void report(long now) {
        if (now > reported) {
            reported = now;
            monitor.update(phase, now, total);
        }
    }

    /** The monitor, for cancellation checks inside a task. */
    public ProgressMonitor monitor() {
        return monitor;
    }
}
