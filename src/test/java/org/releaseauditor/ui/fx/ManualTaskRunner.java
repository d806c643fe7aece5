package org.releaseauditor.ui.fx;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * A {@link TaskRunner} for view-model tests without the toolkit: it keeps the started jobs, and
 * the test decides when each one runs ({@link Job#runToEnd()}), publishes, fails or is cancelled.
 * Everything happens on the test's thread. {@link #direct()} runs each job at once instead.
 */
public final class ManualTaskRunner implements TaskRunner {
    private final List<Job<?, ?>> jobs = new ArrayList<>();
    private final List<Throwable> reported = new ArrayList<>();
    private final boolean direct;
    private boolean ignoreCancel;

    private ManualTaskRunner(boolean direct) {
        this.direct = direct;
    }

    /** Jobs wait until the test runs them. */
    public static ManualTaskRunner manual() {
        return new ManualTaskRunner(false);
    }

    /** Every job runs to its end when it is started. */
    public static ManualTaskRunner direct() {
        return new ManualTaskRunner(true);
    }

    /** One started job. */
    public static final class Job<T, P> implements TaskRunner.Job {
        private final String title;
        private final Work<T, P> work;
        private final Handlers<T, P> handlers;
        private final ManualTaskRunner runner;
        private boolean done;
        private boolean cancelled;

        Job(String title, Work<T, P> work, Handlers<T, P> handlers, ManualTaskRunner runner) {
            this.title = title;
            this.work = work;
            this.handlers = handlers;
            this.runner = runner;
        }

        public String title() {
            return title;
        }

        public boolean done() {
            return done;
        }

        public boolean cancelled() {
            return cancelled;
        }

        /** Cancels as the status bar's Cancel would: the cancelled handler runs, the result never shows. */
        @Override
        public void cancel() {
            if (!done && !runner.ignoreCancel) {
                done = true;
                cancelled = true;
                if (handlers.cancelled() != null) {
                    handlers.cancelled().run();
                }
            }
        }

        /** Runs the work now; partial results go to the partial handler, then success or failure. */
        public void runToEnd() {
            if (done) {
                return;
            }
            T value;
            try {
                value = work.run(ProgressMonitor.none(), p -> {
                    if (!done && handlers.partial() != null) {
                        handlers.partial().accept(p);
                    }
                });
            } catch (Exception e) {
                fail(e);
                return;
            }
            if (!done) {
                done = true;
                handlers.success().accept(value);
            }
        }

        /** Fails the job with {@code e}. */
        public void fail(Throwable e) {
            if (done) {
                return;
            }
            done = true;
            if (handlers.failure() != null) {
                handlers.failure().accept(e);
            } else {
                runner.reportFailure(title, e);
            }
        }
    }

    @Override
    public <T, P> TaskRunner.Job start(String title, Work<T, P> work, Handlers<T, P> handlers) {
        Job<T, P> job = new Job<>(title, work, handlers, this);
        jobs.add(job);
        if (direct) {
            job.runToEnd();
        }
        return job;
    }

    @Override
    public void reportFailure(String title, Throwable ex) {
        reported.add(ex);
    }

    /**
     * From now on, cancelling a job does nothing: it finishes as if its result had been on its
     * way to the UI thread already (the race a latest-wins view model must survive).
     */
    public ManualTaskRunner ignoringCancel() {
        ignoreCancel = true;
        return this;
    }

    /** Every job started so far, oldest first. */
    public List<Job<?, ?>> jobs() {
        return jobs;
    }

    /** The job started last. */
    public Job<?, ?> last() {
        return jobs.get(jobs.size() - 1);
    }

    /** Failures that reached the default failure report. */
    public List<Throwable> reported() {
        return reported;
    }
}
