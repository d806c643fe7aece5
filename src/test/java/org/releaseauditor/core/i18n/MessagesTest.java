package org.releaseauditor.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    void aPolicysRuleCountIsSingularOrPluralInBothLanguages() {
        assertEquals("id p, version 1, 1 rule", Messages.get(Locale.ENGLISH, "vpage.policyIdVersion", "p", "1", 1));
        assertEquals("id p, version 1, 3 rules", Messages.get(Locale.ENGLISH, "vpage.policyIdVersion", "p", "1", 3));
        assertEquals("id p, version 1, 0 rules", Messages.get(Locale.ENGLISH, "vpage.policyIdVersion", "p", "1", 0));
        assertEquals("Kennung p, Version 1, 1 Regel", Messages.get(Locale.GERMAN, "vpage.policyIdVersion", "p", "1", 1));
        assertEquals("Kennung p, Version 1, 3 Regeln", Messages.get(Locale.GERMAN, "vpage.policyIdVersion", "p", "1",
                3));
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

    /** Every {@code %key} in the FXML files under fxml/ is defined (a missing one shows as "%key"). */
    @Test
    void everyFxmlKeyExists() throws IOException {
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.\\-]+)\"");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (Path f : files(Path.of("fxml"), ".fxml")) {
            Matcher m = key.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                seen++;
                if (!Messages.has(m.group(1))) {
                    missing.add(f + ": " + m.group(1));
                }
            }
        }
        assertTrue(seen > 100, "found the FXML keys (" + seen + ")");
        assertTrue(missing.isEmpty(), "FXML keys without a message: " + missing);
    }

    /**
     * Every literal key handed to {@code Messages.get("key", …)} or {@code Messages.get(locale, "key", …)}
     * in src/main/java is defined in both languages (a missing one shows the raw key to the user).
     */
    @Test
    void everyLiteralKeyInTheCodeExistsInBothLanguages() throws IOException {
        Pattern call = Pattern.compile("Messages\\.get\\(\\s*(?:[\\w.()]+\\s*,\\s*)?\"([^\"]+)\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (Path f : files(Path.of("src", "main", "java"), ".java")) {
            Matcher m = call.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                seen++;
                String k = m.group(1);
                for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                    if (Messages.get(l, k).equals(k)) {
                        missing.add(f.getFileName() + ": " + k + " (" + l + ")");
                    }
                }
            }
        }
        assertTrue(seen > 200, "found the literal keys (" + seen + ")");
        assertTrue(missing.isEmpty(), "keys without a message: " + missing);
    }

    /**
     * Keys whose German text is rightly the English one: names of measures, tools, standards and
     * symbols, and words German shares with English. Anything else equal in both files is an
     * untranslated text.
     */
    static final Set<String> SAME_IN_GERMAN = Set.of(
            "app.title", // the product name
            "attacker.type.JOURNALIST", "preset.journalist", // "Journalist" is German too
            "audit.col.detail", "audit.col.hash", "audit.col.status", "casecli.show.status", "report.status",
            "uiagg.col.status", "report.name", "uiagg.settings.name", "report.parameter", "report.schema",
            "risk.tab.population", "col.populationSize", "role.PSEUDONYM", // same words in German
            "report.evaluation.chart.attack", "uieval.chart.attack", "uieval.col.attackRate",
            "uieval.settings.original", // "Original" (the original data) is German too
            "chart.qi.distinction", "chart.qi.separation", // the measures' names (Motwani and Xu 2007)
            "col.distinctL", "col.snb", "population.model.snb", "error.memory.suda", "col.t", // measure names
            "uitraj.col.fraction", "uitraj.col.points", // symbols: epsilon, p
            "whatif.sha", "decision.form.col.sha", // SHA-256
            "remediation.text.coarsenLevel", "policy.chooser.entry", // placeholders only
            "attacker.region.CHINA", // the country, spelt alike
            "dialog.ok", // OK
            "vpage.article", // "Art. {0}" (GDPR article)
            "report.evaluation.none", // a dash
            "population.note", "population.note.short", "uiagg.why.cell"); // placeholders only

    @Test
    void germanTextsAreTranslated() throws IOException {
        Set<String> same = new TreeSet<>();
        for (String base : Messages.BUNDLES) {
            String path = "/" + base.replace('.', '/');
            Properties en = load(path + ".properties");
            Properties de = load(path + "_de.properties");
            for (String k : en.stringPropertyNames()) {
                if (en.getProperty(k).equals(de.getProperty(k)) && !SAME_IN_GERMAN.contains(k)) {
                    same.add(base + ": " + k + " = " + en.getProperty(k));
                }
            }
        }
        assertTrue(same.isEmpty(), "German texts equal to the English ones (translate, or allow-list with a"
                + " reason): " + same);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
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
