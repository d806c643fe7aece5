package org.releaseauditor.service;

import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * One analysis lane: a typed request plus named input files in, a result bound to the bytes it
 * read out. Every front end (the analyze commands, {@code case run}, {@code case rerun}, the GUI
 * dashboards, the demo case) calls the lanes only through this interface, so a lane's options
 * are parsed and defaulted in one place and the case records exactly what was analysed.
 *
 * <p>Implementations register in {@link LaneRegistry}. A lane must
 * <ul>
 * <li>check the request against the inputs' headers and column types in {@link #validate} and
 * call it from {@link #analyze} before any long work starts;</li>
 * <li>hash every input it reads (see {@link DatasetService#loadInput}) and report the hashed refs in
 * {@link LaneResult#inputs()} and in the result JSON ({@code "inputs"});</li>
 * <li>write {@code "lane"} and {@code "schemaVersion"} into the result JSON, and never a record
 * value outside the keys that reports hide;</li>
 * <li>report progress phases as message keys (or already localised text) and check cancellation.</li>
 * </ul>
 *
 * @param <R> the request type
 * @param <O> the typed result the lane's dashboard shows
 */
public interface Lane<R extends LaneRequest, O> {

    /** The lane name used on the command line and in a case, e.g. {@code microdata}. */
    String name();

    /** The request type. */
    Class<R> requestType();

    /** The request with every default (required fields such as the QIs are empty). */
    R defaults();

    /** Reads a request from JSON (canonical or hand-written); unknown fields are usage errors. */
    R readRequest(String json) throws ConfigurationException;

    /** The role of an input given without a role ({@code case run --dataset ID}), or null when there is none. */
    String primaryRole();

    /**
     * Checks the request against the inputs before any work: every role needed is given and no
     * unknown role; every column exists (with a did-you-mean suggestion) and has a usable type;
     * every value is in range. Reads at most the first rows of each input.
     */
    void validate(R request, LaneInputs inputs) throws AuditException;

    /** Validates, then analyses; progress and cancellation through {@code monitor}. */
    LaneResult<R, O> analyze(R request, LaneInputs inputs, ProgressMonitor monitor) throws AuditException;

    /** A readable text summary of a result (for the terminal). */
    String text(LaneResult<R, O> result);

    /** Casts an untyped request of this lane (a usage error for another lane's request). */
    default R cast(LaneRequest request) throws ConfigurationException {
        if (!requestType().isInstance(request)) {
            throw new ConfigurationException("request.error.lane", request.lane(), name());
        }
        return requestType().cast(request);
    }

    /** {@link #validate} for a request whose type the caller does not know (case runs). */
    default void validateAny(LaneRequest request, LaneInputs inputs) throws AuditException {
        validate(cast(request), inputs);
    }

    /** {@link #analyze} for a request whose type the caller does not know (case runs and reruns). */
    default LaneResult<R, O> analyzeAny(LaneRequest request, LaneInputs inputs, ProgressMonitor monitor)
            throws AuditException {
        return analyze(cast(request), inputs, monitor);
    }
}
