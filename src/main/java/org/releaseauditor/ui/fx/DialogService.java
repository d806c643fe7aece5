package org.releaseauditor.ui.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog goes through this service; controllers never build Alerts. Messages are short
 * and localised; stack traces stay in the collapsed details area and in the log.
 */
public interface DialogService {

    /** Shows an error with a short message and the technical details collapsed. */
    void showError(String title, String message, Throwable details);

    /** Shows an information message. */
    void showInfo(String title, String message);

    /** Asks a yes/no question. */
    boolean confirm(String title, String message);

    /** A non-modal notification in the status area. */
    void notify(String message);

    /** Asks the user to pick one of several options (for example a table of a database). */
    Optional<String> choose(String title, String message, List<String> options);

    /** Asks for a file to open. */
    Optional<Path> chooseFileToOpen(String title, Path initialFolder, List<String> extensionDescriptions);

    /** Asks for a file to save. */
    Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName);

    /**
     * Asks for a folder (for example where to export the approved outputs). The default asks for
     * a new folder's name through the save dialog; the JavaFX service shows a folder chooser.
     */
    default Optional<Path> chooseFolder(String title, Path initialFolder) {
        return chooseFileToSave(title, initialFolder, "");
    }
}
