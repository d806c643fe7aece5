package org.releaseauditor;

/**
 * Entry point of the fat jar and of {@code ./mvnw javafx:run}. With arguments it runs the
 * command line; without arguments it starts the desktop app. It does not extend
 * {@code javafx.application.Application}, so the JavaFX runtime can live on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !"--gui".equals(args[0])) {
            System.setProperty("releaseauditor.mode", "cli");
            int code = org.releaseauditor.cli.ReleaseAuditorCli.run(args);
            System.exit(code);
        } else {
            System.setProperty("releaseauditor.mode", "gui");
            // a GUI logs to a rolling file in the user's log folder instead of the console
            if (System.getProperty("logback.configurationFile") == null) {
                System.setProperty("logback.configurationFile", "logback-gui.xml");
            }
            String[] rest = args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
            org.releaseauditor.ui.AuditorApp.main(rest);
        }
    }
}
