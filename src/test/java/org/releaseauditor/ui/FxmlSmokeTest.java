package org.releaseauditor.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.framework.junit5.ApplicationExtension;

/** Loads every FXML file under fxml/ through the app's controller factory, in both languages. */
@ExtendWith(ApplicationExtension.class)
class FxmlSmokeTest {

    static List<String> fxmlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("fxml"))) {
            return s.filter(p -> p.toString().endsWith(".fxml"))
                    .map(p -> "/" + p.toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void everyFxmlFileLoadsInEnglishAndGerman() throws Exception {
        List<String> files = fxmlFiles();
        assertTrue(files.size() >= 1, "no FXML files found");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (String f : files) {
                CompletableFuture<Object> loaded = new CompletableFuture<>();
                Platform.runLater(() -> {
                    Locale before = Messages.locale();
                    try (AppContext ctx = new AppContext(new UiPreferences(
                            Preferences.userRoot().node("/org/releaseauditor-test/smoke")))) {
                        Messages.setLocale(locale);
                        loaded.complete(ctx.views().load(f).root());
                    } catch (RuntimeException e) {
                        loaded.completeExceptionally(e);
                    } finally {
                        Messages.setLocale(before);
                    }
                });
                assertNotNull(loaded.get(30, TimeUnit.SECONDS), f);
            }
        }
    }
}
