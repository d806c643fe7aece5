package org.releaseauditor.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.ResourceBundle;
import org.releaseauditor.service.LaneDefaults;
import org.releaseauditor.service.LaneRegistry;

/**
 * The lanes' request defaults as a resource bundle, so option help can say
 * {@code (default: ${bundle:default.microdata.threshold})} while the value is defined only in the
 * service's request builder.
 */
final class RequestDefaultsBundle extends ResourceBundle {
    private final Map<String, String> values;

    RequestDefaultsBundle(LaneRegistry lanes) {
        this.values = new java.util.TreeMap<>(LaneDefaults.of(lanes));
        this.values.putAll(org.releaseauditor.service.remediation.RemediationDefaults.of());
    }

    @Override
    protected Object handleGetObject(String key) {
        return values.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(values.keySet());
    }
}
