package org.releaseauditor.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * The role → location map a request builder collects next to the request (for example
 * {@code --data FILE} or {@code --table NAME=FILE,…}); see {@link LaneCall}.
 */
public final class InputLocations {
    private final Map<String, String> roles = new LinkedHashMap<>();

    /** Sets the location of a role; a role given twice with different locations is a usage error. */
    public void put(String role, String location) throws ConfigurationException {
        if (location == null || location.isBlank()) {
            throw new ConfigurationException("lane.error.emptyLocation", role);
        }
        String old = roles.putIfAbsent(role, location.strip());
        if (old != null && !old.equals(location.strip())) {
            throw new ConfigurationException("lane.error.inputTwice", role, old, location.strip());
        }
    }

    public String get(String role) {
        return roles.get(role);
    }

    /** Role → location, in the order given. */
    public Map<String, String> asMap() {
        return new LinkedHashMap<>(roles);
    }
}
