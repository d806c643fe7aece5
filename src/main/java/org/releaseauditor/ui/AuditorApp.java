package org.releaseauditor.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.fx.FallbackExceptionHandler;
import org.releaseauditor.ui.fx.UiPreferences;
import org.releaseauditor.ui.decision.DemoCase;
import org.releaseauditor.ui.main.MainWindow;
import org.releaseauditor.ui.main.StartPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application. */
public class AuditorApp extends Application {
    private static final Logger LOGGER = LoggerFactory.getLogger(AuditorApp.class);
    private AppContext context;

    public static void main(String[] args) {
        launch(AuditorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UiPreferences prefs = new UiPreferences();
        prefs.language().ifPresent(Messages::setLocale);
        context = new AppContext(prefs);
        FallbackExceptionHandler.install(context);
        MainWindow window = new MainWindow(context, stage);
        // a case or dataset named on the command line, else the first start's demo case and tour,
        // else the case open at the last close, else the adult sample
        window.show(StartPlan.decide(getParameters().getRaw(), prefs, DemoCase.file()));
        LOGGER.info("Release Auditor started");
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
