package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.service.ProgressText;

/**
 * Progress on stderr, at most every 500 ms, and Ctrl-C cancellation through a shutdown hook that
 * sets the cancelled flag and waits briefly for the computation to stop.
 */
final class ConsoleProgress extends CancellationFlag implements AutoCloseable {
    private final PrintWriter err;
    private final boolean quiet;
    private final Thread hook;
    private long lastPrint;
    private boolean printed;

    private ConsoleProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.hook = new Thread(this::cancel, "cli-cancel");
    }

    static ConsoleProgress start(PrintWriter err, boolean quiet) {
        ConsoleProgress p = new ConsoleProgress(err, quiet);
        try {
            Runtime.getRuntime().addShutdownHook(p.hook);
        } catch (IllegalStateException e) {
            // shutting down already
        }
        return p;
    }

    @Override
    public synchronized void update(String phase, long done, long total) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < 500_000_000L) {
            return;
        }
        lastPrint = now;
        printed = true;
        phase = ProgressText.of(phase);
        if (total > 0) {
            err.print(String.format(Locale.ROOT, "\r%-40s %5.1f %%", phase, 100.0 * done / total));
        } else {
            err.print(String.format(Locale.ROOT, "\r%-40s", phase));
        }
        err.flush();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        if (printed && !quiet) {
            err.print("\r" + " ".repeat(50) + "\r");
            err.flush();
        }
    }
}
