package org.releaseauditor.core.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The cores a core computation may use. Work is split into independent tasks that run on a
 * {@link ForkJoinPool}: the common pool by default (the calling thread helps, so on a machine with
 * c cores c threads work), or a pool handed in by the caller (the GUI's compute executor, tests).
 * Core never creates threads itself.
 *
 * <p>Every parallel algorithm in core gives bit-identical results whatever the parallelism: tasks
 * write to disjoint slots, and partial results are combined in task order or with exact (integer)
 * arithmetic. Exceptions thrown by a task, such as
 * {@link org.releaseauditor.core.progress.CancelledException}, reach the caller.
 *
 * <p>The default parallelism is the number of available processors; the system property
 * {@code releaseauditor.threads} overrides it ({@code 1} runs everything on the calling thread).
 */
public final class Workers {

    /** System property that sets the default parallelism. */
    public static final String THREADS_PROPERTY = "releaseauditor.threads";

    private static final Workers SEQUENTIAL = new Workers(null, 1);

    private final ForkJoinPool pool;
    private final int parallelism;

    private Workers(ForkJoinPool pool, int parallelism) {
        this.pool = pool;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * The common pool with the default parallelism (all available processors, or the
     * {@value #THREADS_PROPERTY} system property).
     */
    public static Workers defaults() {
        int n = Runtime.getRuntime().availableProcessors();
        String p = System.getProperty(THREADS_PROPERTY);
        if (p != null && !p.isBlank()) {
            try {
                n = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                // keep the processor count
            }
        }
        return n <= 1 ? SEQUENTIAL : new Workers(null, n);
    }

    /** Everything on the calling thread. */
    public static Workers sequential() {
        return SEQUENTIAL;
    }

    /** The given pool, with its parallelism. */
    public static Workers of(ForkJoinPool pool) {
        return new Workers(pool, pool.getParallelism());
    }

    /** The common pool, split into at least {@code parallelism} tasks where work allows (tests). */
    public static Workers commonPool(int parallelism) {
        return parallelism <= 1 ? SEQUENTIAL : new Workers(null, parallelism);
    }

    /** How many tasks can run at once. */
    public int parallelism() {
        return parallelism;
    }

    /** Whether everything runs on the calling thread. */
    public boolean isSequential() {
        return parallelism == 1;
    }

    /**
     * How many tasks to split {@code units} of work into: about four per thread so that uneven
     * tasks balance, but no task smaller than {@code minPerTask} units; 1 when sequential.
     */
    public int tasks(long units, long minPerTask) {
        if (parallelism == 1 || units <= minPerTask) {
            return 1;
        }
        long byWork = units / Math.max(1, minPerTask);
        return (int) Math.max(1, Math.min(4L * parallelism, byWork));
    }

    /**
     * Runs {@code body.accept(i)} for every i in [0, n), in parallel, and returns when all are
     * done. The first exception of a task is rethrown (others are dropped); unchecked exceptions
     * keep their type.
     */
    public void forEach(int n, IntConsumer body) {
        if (n <= 0) {
            return;
        }
        if (parallelism == 1 || n == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        RangeTask task = new RangeTask(body, 0, n);
        Thread t = Thread.currentThread();
        ForkJoinPool target = pool != null ? pool : ForkJoinPool.commonPool();
        if (t instanceof ForkJoinWorkerThread w && w.getPool() == target) {
            task.invoke();
        } else if (pool == null) {
            task.invoke(); // the caller works too; forked halves go to the common pool
        } else {
            pool.invoke(task);
        }
    }

    /** Halves a range until single indices remain; each half is a task that can be stolen. */
    private static final class RangeTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient IntConsumer body;
        private final int from;
        private final int to;

        RangeTask(IntConsumer body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                body.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new RangeTask(body, from, mid), new RangeTask(body, mid, to));
        }
    }

    @Override
    public String toString() {
        return "Workers[" + (pool == null ? "common" : "pool") + ", parallelism=" + parallelism + "]";
    }
}
