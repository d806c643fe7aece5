package org.releaseauditor.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.releaseauditor.core.i18n.Messages;

/**
 * The standard dialog buttons (OK, Cancel, Yes, No, Close) in the UI language. JavaFX labels them
 * from the JVM's default locale, so a German window showed "Cancel" next to "Importieren".
 */
public final class DialogButtons {

    private DialogButtons() {
    }

    /** Relabels the standard buttons of {@code pane}; call after its button types are set. */
    public static void localise(DialogPane pane) {
        for (ButtonType t : pane.getButtonTypes()) {
            String key = t == ButtonType.CANCEL ? "dialog.cancel" : t == ButtonType.OK ? "dialog.ok"
                    : t == ButtonType.YES ? "dialog.yes" : t == ButtonType.NO ? "dialog.no"
                    : t == ButtonType.CLOSE ? "dialog.close" : null;
            Node n = pane.lookupButton(t);
            if (key != null && n instanceof Button b) {
                b.setText(Messages.get(key));
            }
        }
    }
}
