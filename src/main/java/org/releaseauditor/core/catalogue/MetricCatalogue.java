package org.releaseauditor.core.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metric catalogue: one entry per key of every lane's result JSON, in English and German,
 * read from {@code /org/releaseauditor/catalogue/metrics.properties} and
 * {@code metrics_de.properties}. A key of those files is {@code SCOPE.PATTERN.FIELD}:
 * <ul>
 * <li>{@code SCOPE} is the document kind ({@link #scopes()}): {@code microdata},
 *     {@code trajectories}, {@code aggregates}, {@code evaluation}, {@code remediation-microdata},
 *     {@code remediation-trajectories}, {@code remediation-aggregates}, or {@code common} for keys
 *     every result has ({@code schemaVersion}, {@code inputs}, {@code policy});</li>
 * <li>{@code PATTERN} is a dotted JSON path in which {@code *} matches any one segment (an array
 *     index, an attribute name, a table name) and {@code **} any number of segments;</li>
 * <li>{@code FIELD} is {@code label}, {@code text} (one plain sentence), {@code read} (how to
 *     read it), {@code ref} (paper or tool and function), {@code na} (when it is not applicable),
 *     {@code unit} ({@code count}, {@code share}, {@code risk}, {@code number}; only in the
 *     English file, absent for keys that are not numbers) and {@code name} (for an array element:
 *     the field that names it, e.g. {@code points} for a unicity row).</li>
 * </ul>
 * A path is looked up in its scope, then in {@code common}; of several matching patterns the one
 * with the most literal segments wins (then the one whose first wildcard comes later). A German
 * text that is missing falls back to English; the catalogue test makes sure none is.
 */
public final class MetricCatalogue {

    /** The scope of keys shared by every result. */
    public static final String COMMON = "common";
    /** The fields an entry may have. */
    public static final List<String> FIELDS = List.of("label", "text", "read", "ref", "na", "unit", "name");

    private static final String BASE = "/org/releaseauditor/catalogue/metrics";
    private static final MetricCatalogue STANDARD = load();

    /** language → scope → pattern → field → value. */
    private final Map<String, Map<String, Map<String, Map<String, String>>>> texts;
    private final Map<String, List<String>> patternsByScope;
    private final Map<String, Optional<Match>> cache = new ConcurrentHashMap<>();

    private record Match(String pattern, List<String> captures) {
    }

    MetricCatalogue(Map<String, Properties> byLanguage) {
        Map<String, Map<String, Map<String, Map<String, String>>>> t = new LinkedHashMap<>();
        Map<String, Set<String>> patterns = new LinkedHashMap<>();
        byLanguage.forEach((lang, props) -> {
            Map<String, Map<String, Map<String, String>>> scopes = new LinkedHashMap<>();
            for (String key : new TreeSet<>(props.stringPropertyNames())) {
                int dot = key.indexOf('.');
                int last = key.lastIndexOf('.');
                if (dot <= 0 || last <= dot) {
                    throw new IllegalStateException("catalogue key without scope, pattern and field: " + key);
                }
                String scope = key.substring(0, dot);
                String pattern = key.substring(dot + 1, last);
                String field = key.substring(last + 1);
                if (!FIELDS.contains(field)) {
                    throw new IllegalStateException("catalogue key with unknown field " + field + ": " + key);
                }
                scopes.computeIfAbsent(scope, s -> new LinkedHashMap<>())
                        .computeIfAbsent(pattern, p -> new LinkedHashMap<>()).put(field, props.getProperty(key).strip());
                patterns.computeIfAbsent(scope, s -> new LinkedHashSet<>()).add(pattern);
            }
            t.put(lang, scopes);
        });
        this.texts = t;
        Map<String, List<String>> p = new LinkedHashMap<>();
        patterns.forEach((scope, set) -> p.put(scope, List.copyOf(set)));
        this.patternsByScope = p;
    }

    /** The catalogue shipped with the application. */
    public static MetricCatalogue standard() {
        return STANDARD;
    }

    private static MetricCatalogue load() {
        Map<String, Properties> m = new LinkedHashMap<>();
        m.put("en", read(BASE + ".properties"));
        m.put("de", read(BASE + "_de.properties"));
        return new MetricCatalogue(m);
    }

    private static Properties read(String resource) {
        Properties p = new Properties();
        try (InputStream in = MetricCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The scopes that have entries. */
    public Set<String> scopes() {
        return Collections.unmodifiableSet(patternsByScope.keySet());
    }

    /** The languages of the catalogue ({@code en}, {@code de}). */
    public Set<String> languages() {
        return Collections.unmodifiableSet(texts.keySet());
    }

    /** The patterns of a scope, in key order. */
    public List<String> patterns(String scope) {
        return patternsByScope.getOrDefault(scope, List.of());
    }

    /**
     * The scope of a result document: its {@code kind} when that is {@code remediation}
     * ({@code remediation-LANE}), otherwise its {@code lane} (version-1 trajectory results call
     * it {@code kind}).
     */
    public static String scopeOf(String kind, String lane) {
        if ("remediation".equals(kind) && lane != null) {
            return "remediation-" + lane;
        }
        if (lane != null && !lane.isBlank()) {
            return lane;
        }
        return kind == null || kind.isBlank() ? COMMON : kind;
    }

    /** The entry for a path, or empty when neither its scope nor {@code common} has one. */
    public Optional<MetricEntry> find(String scope, String path, Locale locale) {
        Optional<Match> m = match(scope, path);
        String s = scope;
        if (m.isEmpty()) {
            m = match(COMMON, path);
            s = COMMON;
        }
        if (m.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entry(s, m.get(), path, locale));
    }

    /**
     * The entry for a path; when the catalogue has none, an entry whose label is the path itself
     * and whose text says that no explanation is known ({@link MetricEntry#known()} is false).
     */
    public MetricEntry describe(String scope, String path, Locale locale) {
        return find(scope, path, locale).orElseGet(() -> new MetricEntry(scope, null, path, List.of(), locale, path,
                "de".equals(locale.getLanguage()) ? "Keine Erklärung im Katalog." : "No explanation in the catalogue.",
                "", "", "", MetricUnit.NONE));
    }

    /** The label of a path (the path itself when unknown). */
    public String label(String scope, String path, Locale locale) {
        return describe(scope, path, locale).label();
    }

    /**
     * For an array element pattern (e.g. {@code unicity.*}), the field of the element that names
     * it (e.g. {@code points}), or empty.
     */
    public Optional<String> nameField(String scope, String elementPath) {
        Optional<Match> m = match(scope, elementPath);
        String s = scope;
        if (m.isEmpty()) {
            m = match(COMMON, elementPath);
            s = COMMON;
        }
        if (m.isEmpty()) {
            return Optional.empty();
        }
        String v = field("en", s, m.get().pattern(), "name");
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A raw field of a pattern in a language, without fallback (for tests); null when absent. */
    public String rawField(String language, String scope, String pattern, String field) {
        return field(language, scope, pattern, field);
    }

    private MetricEntry entry(String scope, Match m, String path, Locale locale) {
        String lang = texts.containsKey(locale.getLanguage()) ? locale.getLanguage() : "en";
        String p = m.pattern();
        return new MetricEntry(scope, p, path, m.captures(), locale, text(lang, scope, p, "label"),
                text(lang, scope, p, "text"), text(lang, scope, p, "read"), text(lang, scope, p, "ref"),
                text(lang, scope, p, "na"), unit(field("en", scope, p, "unit")));
    }

    private String text(String lang, String scope, String pattern, String field) {
        String v = field(lang, scope, pattern, field);
        if ((v == null || v.isEmpty()) && !"en".equals(lang)) {
            v = field("en", scope, pattern, field);
        }
        return v == null ? "" : v;
    }

    private String field(String lang, String scope, String pattern, String field) {
        Map<String, String> f = texts.getOrDefault(lang, Map.of()).getOrDefault(scope, Map.of()).get(pattern);
        return f == null ? null : f.get(field);
    }

    private static MetricUnit unit(String u) {
        if (u == null || u.isBlank()) {
            return MetricUnit.NONE;
        }
        return MetricUnit.valueOf(u.strip().toUpperCase(Locale.ROOT));
    }

    private Optional<Match> match(String scope, String path) {
        return cache.computeIfAbsent(scope + "\u0000" + path, k -> best(scope, path));
    }

    private Optional<Match> best(String scope, String path) {
        String[] have = path.isEmpty() ? new String[0] : path.split("\\.", -1);
        Match best = null;
        int bestLiterals = -1;
        int bestFirstWild = -1;
        for (String pattern : patterns(scope)) {
            String[] want = pattern.split("\\.", -1);
            List<String> captures = new ArrayList<>();
            if (!matches(want, 0, have, 0, captures)) {
                continue;
            }
            int literals = 0;
            int firstWild = want.length;
            for (int i = 0; i < want.length; i++) {
                if ("*".equals(want[i]) || "**".equals(want[i])) {
                    firstWild = Math.min(firstWild, i);
                } else {
                    literals++;
                }
            }
            if (literals > bestLiterals || literals == bestLiterals && firstWild > bestFirstWild) {
                best = new Match(pattern, captures);
                bestLiterals = literals;
                bestFirstWild = firstWild;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Segment-wise match; {@code *} captures one segment, {@code **} any number (joined by dots). */
    static boolean matches(String[] want, int wi, String[] have, int hi, List<String> captures) {
        if (wi == want.length) {
            return hi == have.length;
        }
        String w = want[wi];
        if ("**".equals(w)) {
            for (int take = 0; hi + take <= have.length; take++) {
                List<String> c = new ArrayList<>(captures);
                c.add(String.join(".", java.util.Arrays.copyOfRange(have, hi, hi + take)));
                if (matches(want, wi + 1, have, hi + take, c)) {
                    captures.clear();
                    captures.addAll(c);
                    return true;
                }
            }
            return false;
        }
        if (hi == have.length) {
            return false;
        }
        if ("*".equals(w)) {
            captures.add(have[hi]);
            return matches(want, wi + 1, have, hi + 1, captures);
        }
        return w.equals(have[hi]) && matches(want, wi + 1, have, hi + 1, captures);
    }
}
