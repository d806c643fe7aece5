package org.releaseauditor.ui.fx;

import javafx.concurrent.Task;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.ProgressText;

/** Adapts core work that takes a {@link ProgressMonitor} to a JavaFX {@link Task}. */
public final class FxTasks {

    /** Work that may throw a checked exception (reported through the task's exception). */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressMonitor monitor) throws Exception;
    }

    private FxTasks() {
    }

    /**
     * A task whose monitor forwards progress to {@code updateMessage}/{@code updateProgress}
     * (thread-safe, coalesced by JavaFX) and whose cancellation is {@link Task#isCancelled()}.
     */
    public static <T> Task<T> of(String title, Work<T> work) {
        return new Task<>() {
            {
                updateTitle(title);
            }

            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                return work.run(new ProgressMonitor() {
                    @Override
                    public void update(String phase, long done, long total) {
                        // phases are message keys (or localised text): one place turns them into text
                        updateMessage(ProgressText.of(phase));
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
    }
}
