package org.releaseauditor.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    @Test
    void everyEnglishKeyHasAGermanTranslationAndViceVersa() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String base : Messages.BUNDLES) {
            String path = "/" + base.replace('.', '/');
            Properties en = load(path + ".properties");
            Properties de = load(path + "_de.properties");
            for (String k : en.stringPropertyNames()) {
                if (!de.containsKey(k)) {
                    missing.add(base + ": " + k + " (de)");
                }
            }
            for (String k : de.stringPropertyNames()) {
                if (!en.containsKey(k)) {
                    missing.add(base + ": " + k + " (en)");
                }
            }
        }
        assertTrue(missing.isEmpty(), "untranslated keys: " + missing);
    }

    @Test
    void formatsArgumentsInTheRequestedLanguage() {
        assertEquals("Cancelled.", Messages.get(Locale.ENGLISH, "cli.cancelled"));
        assertEquals("Abgebrochen.", Messages.get(Locale.GERMAN, "cli.cancelled"));
        assertTrue(Messages.get(Locale.ENGLISH, "cli.error.internal", "X").contains("(X)"));
    }

    @Test
    void unknownKeyFallsBackToTheKey() {
        assertEquals("no.such.key", Messages.get(Locale.ENGLISH, "no.such.key"));
    }
}
