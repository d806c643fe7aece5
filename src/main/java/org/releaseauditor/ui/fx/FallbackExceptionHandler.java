package org.releaseauditor.ui.fx;

import javafx.application.Platform;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Last-resort handler for uncaught exceptions: log once, show a short dialog, keep running. */
public final class FallbackExceptionHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(FallbackExceptionHandler.class);
    private final AppContext context;

    private FallbackExceptionHandler(AppContext context) {
        this.context = context;
    }

    public static void install(AppContext context) {
        Thread.setDefaultUncaughtExceptionHandler(new FallbackExceptionHandler(context));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        LOGGER.error("Uncaught exception in thread {}", t.getName(), e);
        Runnable show = () -> context.tasks().reportFailure(Messages.get("ui.error.title"), e);
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }
}
