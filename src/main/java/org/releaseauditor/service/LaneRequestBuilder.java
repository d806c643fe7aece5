package org.releaseauditor.service;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * What the request builders of the file-reading lanes (microdata, trajectories, evaluation) share:
 * how the input files are read, where they are, the call that pairs the request with those
 * locations, and the setters' common ways of taking text (public, for the remediation builders
 * too). It defines no lane default: each lane's defaults stay in its own builder, the one place
 * they are defined.
 *
 * @param <R> the lane request
 * @param <B> the lane's builder, returned by the setters
 */
public abstract class LaneRequestBuilder<R extends LaneRequest, B extends LaneRequestBuilder<R, B>> {

    /** How the input files are read. */
    protected final ImportSettings.Builder importing = new ImportSettings.Builder();
    /** Where the inputs are, by role. */
    protected final InputLocations inputs = new InputLocations();

    protected LaneRequestBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** How the files are read (delimiter, encoding, types, SQLite table, …). */
    public ImportSettings.Builder importing() {
        return importing;
    }

    /**
     * Where the input of {@code role} is; null leaves it as it is. A blank location, or a second
     * location for the same role, is a usage error.
     */
    protected B input(String role, String location) throws ConfigurationException {
        if (location != null) {
            inputs.put(role, location);
        }
        return self();
    }

    /** The request; a usage error when a value is missing, out of range or inconsistent. */
    public abstract R build() throws ConfigurationException;

    /** The request and the input locations given with it. */
    public LaneCall<R> buildCall() throws ConfigurationException {
        return new LaneCall<>(build(), inputs.asMap());
    }

    /** Replaces {@code target} by the given names, stripped, without empty ones; null leaves it as it is. */
    public static void replaceNames(List<String> target, List<String> given) {
        if (given != null) {
            target.clear();
            given.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(target::add);
        }
    }

    /** An optional name as given: null keeps {@code current}, blank clears it, anything else is stripped. */
    public static String optionalName(String given, String current) {
        return given == null ? current : given.isBlank() ? null : given.strip();
    }
}
