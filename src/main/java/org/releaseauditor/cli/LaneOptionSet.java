package org.releaseauditor.cli;

import java.nio.file.Path;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;

/**
 * The command-line options of one lane, shared by {@code analyze <lane>} and
 * {@code case run --lane <lane>} ({@code @Mixin}), so the two cannot drift. Every option maps
 * one-to-one onto a setter of the lane's request builder; options not given are left to the
 * builder's defaults (or to {@code --request}'s values).
 */
interface LaneOptionSet {

    /** The lane these options are for. */
    String lane();

    /**
     * The request (and where its inputs are) from the given options.
     *
     * @param base a request to start from ({@code case run --request}), or null for the lane's defaults
     * @throws AuditException for invalid options, or a file the options read that cannot be read
     *                        (a summary's header, for example)
     */
    LaneCall<? extends LaneRequest> build(LaneRequest base) throws AuditException;

    /**
     * How a location given on the command line becomes a readable file when the options must read
     * it before the run (a summary's header): a path for {@code analyze}, a dataset id or a path
     * in {@code case run}. The default reads every location as a path.
     */
    default void locations(Files files) {
    }

    /** A location (a path, or in a case a dataset id) as a readable file. */
    @FunctionalInterface
    interface Files {
        Path file(String location) throws AuditException;
    }

    /**
     * What the options ask for besides the result, done after a run (for example
     * {@code --per-record FILE}); returns a line for the user, or null.
     */
    default String afterRun(LaneResult<?, ?> result, ProgressMonitor monitor) throws AuditException {
        return null;
    }

    /** Fresh option sets by lane name; null for a lane without command-line options. */
    static LaneOptionSet forLane(String lane) {
        return switch (lane) {
            case "microdata" -> new MicrodataOptions();
            case "trajectories" -> new TrajectoriesOptions();
            case "aggregates" -> new AggregatesOptions();
            case "evaluation" -> new EvaluationOptions();
            default -> null;
        };
    }
}
