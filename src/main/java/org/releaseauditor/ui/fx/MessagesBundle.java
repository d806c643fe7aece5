package org.releaseauditor.ui.fx;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.releaseauditor.core.i18n.Messages;

/**
 * All message bundles as one {@link ResourceBundle} for FXML {@code %key} look-ups, so that each
 * feature can keep its own bundle file.
 */
final class MessagesBundle extends ResourceBundle {
    private final Locale locale;

    MessagesBundle(Locale locale) {
        this.locale = locale;
    }

    @Override
    protected Object handleGetObject(String key) {
        return Messages.has(key) ? Messages.get(locale, key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (String base : Messages.BUNDLES) {
            try {
                keys.addAll(Messages.bundle(base, locale).keySet());
            } catch (MissingResourceException e) {
                // a feature without messages in this language
            }
        }
        return Collections.enumeration(keys);
    }

    @Override
    public Locale getLocale() {
        return locale;
    }
}
