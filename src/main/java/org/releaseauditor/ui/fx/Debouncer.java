package org.releaseauditor.ui.fx;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action after input has been quiet for a short delay (mzmine's 250 ms): every call
 * restarts the timer, so a burst of changes triggers one run.
 */
public interface Debouncer {

    /** Schedules {@code action}, replacing any pending one. */
    void schedule(Runnable action);

    /** A JavaFX debouncer (must be created and used on the FX thread). */
    static Debouncer fx(Duration delay) {
        PauseTransition pause = new PauseTransition(delay);
        return action -> {
            pause.setOnFinished(e -> action.run());
            pause.playFromStart();
        };
    }

    /** Runs immediately (tests). */
    static Debouncer immediate() {
        return Runnable::run;
    }
}
