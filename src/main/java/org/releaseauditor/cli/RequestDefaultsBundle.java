package org.releaseauditor.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.ResourceBundle;
import org.releaseauditor.service.LaneDefaults;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;

/**
 * The lanes' request defaults as a resource bundle, so option help can say
 * {@code (default: ${bundle:default.microdata.threshold})} while the value is defined only in the
 * service's request builder.
 */
final class RequestDefaultsBundle extends ResourceBundle {
    private final Map<String, String> values;

    RequestDefaultsBundle(LaneRegistry lanes) {
        Map<String, String> v = new java.util.HashMap<>(LaneDefaults.of(lanes));
        v.putAll(org.releaseauditor.service.remediation.RemediationDefaults.of());
        v.put("default.case.wait", String.valueOf(CaseService.defaultBusyWait().toSeconds()));
        this.values = Map.copyOf(v);
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
