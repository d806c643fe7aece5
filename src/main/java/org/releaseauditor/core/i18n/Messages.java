package org.releaseauditor.core.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Localised user text. Keys live in several bundles under {@code org/releaseauditor/i18n/}, one
 * per feature area (so that features can add keys independently); {@link #get} searches them in
 * order. Supported languages: English (default) and German.
 */
public final class Messages {

    /** Bundle base names, searched in this order. */
    public static final List<String> BUNDLES = List.of(
            "org.releaseauditor.i18n.core",
            "org.releaseauditor.i18n.risk",
            "org.releaseauditor.i18n.io",
            "org.releaseauditor.i18n.audit",
            "org.releaseauditor.i18n.trajectory",
            "org.releaseauditor.i18n.aggregate",
            "org.releaseauditor.i18n.generate",
            "org.releaseauditor.i18n.evaluation",
            "org.releaseauditor.i18n.cli",
            "org.releaseauditor.i18n.ui",
            "org.releaseauditor.i18n.uitrajectory",
            "org.releaseauditor.i18n.uiaggregate",
            "org.releaseauditor.i18n.uievaluation",
            "org.releaseauditor.i18n.remediation",
            "org.releaseauditor.i18n.summary",
            "org.releaseauditor.i18n.lanes",
            "org.releaseauditor.i18n.verdict",
            "org.releaseauditor.i18n.help");

    private static final AtomicReference<Locale> LOCALE = new AtomicReference<>(Locale.getDefault());

    private Messages() {
    }

    /** The language used for user text. */
    public static Locale locale() {
        return LOCALE.get();
    }

    /** Switches the language for all later look-ups (View → Language, {@code --lang}). */
    public static void setLocale(Locale locale) {
        LOCALE.set(locale);
    }

    /** The text for {@code key} in the current language, formatted with {@link MessageFormat}. */
    public static String get(String key, Object... args) {
        return get(LOCALE.get(), key, args);
    }

    /** The text for {@code key} in {@code locale}; the key itself when no bundle has it. */
    public static String get(Locale locale, String key, Object... args) {
        String pattern = lookup(locale, key);
        if (pattern == null) {
            return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
        }
        if (args.length == 0) {
            return pattern;
        }
        // whole numbers in plain {n} placeholders (line, column, counts) are printed without
        // grouping: "line 60002"; placeholders with an explicit format keep it
        MessageFormat mf = new MessageFormat(pattern, locale);
        java.text.Format[] formats = mf.getFormatsByArgumentIndex();
        for (int i = 0; i < args.length && i < formats.length; i++) {
            if (formats[i] == null && (args[i] instanceof Integer || args[i] instanceof Long)) {
                mf.setFormatByArgumentIndex(i, new java.text.DecimalFormat("0"));
            }
        }
        return mf.format(args);
    }

    /** The text for {@code key} in {@code locale}, or {@code fallback} when no bundle has the key. */
    public static String getOrElse(Locale locale, String key, String fallback) {
        String pattern = lookup(locale, key);
        return pattern == null ? fallback : pattern;
    }

    /** A lane's name in {@code locale} (bundle key {@code lane.name.<id>}); its id when it has none. */
    public static String laneName(Locale locale, String laneId) {
        return laneId == null ? "" : getOrElse(locale, "lane.name." + laneId, laneId);
    }

    /** Whether any bundle defines {@code key} (used by tests that check bundles are complete). */
    public static boolean has(String key) {
        return lookup(Locale.ROOT, key) != null;
    }

    /** A resource bundle view of one base name, for FXML {@code %key} resolution. */
    public static ResourceBundle bundle(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static String lookup(Locale locale, String key) {
        for (String base : BUNDLES) {
            ResourceBundle rb;
            try {
                rb = bundle(base, locale);
            } catch (MissingResourceException e) {
                continue;
            }
            if (rb.containsKey(key)) {
                return rb.getString(key);
            }
        }
        return null;
    }
}
