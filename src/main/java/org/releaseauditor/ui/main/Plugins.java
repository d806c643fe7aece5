package org.releaseauditor.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.releaseauditor.ui.AppContext;

/** The dashboards that plug into the main window's tabs, and the startup sample. */
final class Plugins {
    private Plugins() {
    }

    static List<Consumer<MainWindowController>> defaults(AppContext ctx) {
        return new ArrayList<>();
    }

    static void loadStartupSample(AppContext ctx, MainWindowController controller) {
        // wired when the microdata dashboard lands
    }
}
