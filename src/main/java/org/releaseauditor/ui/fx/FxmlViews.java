package org.releaseauditor.ui.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;
import org.releaseauditor.core.i18n.Messages;

/**
 * Loads FXML views from {@code /fxml/<feature>/<Name>.fxml} with the app's controller factory
 * (constructor injection from the AppContext) and the UI resource bundle ({@code %key}).
 */
public final class FxmlViews {
    public static final String UI_BUNDLE = "org.releaseauditor.i18n.ui";
    private final Callback<Class<?>, Object> controllerFactory;

    public FxmlViews(Callback<Class<?>, Object> controllerFactory) {
        this.controllerFactory = controllerFactory;
    }

    /** The UI bundle in the current language. */
    public static ResourceBundle bundle() {
        return new MessagesBundle(Messages.locale());
    }

    /** A loaded view: its root node and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    public <C> View<C> load(String resourcePath) {
        URL url = FxmlViews.class.getResource(resourcePath);
        if (url == null) {
            throw new IllegalStateException("FXML resource missing: " + resourcePath);
        }
        FXMLLoader loader = new FXMLLoader(url, bundle());
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            LayoutGuard.install(root);
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + resourcePath, e);
        }
    }
}
