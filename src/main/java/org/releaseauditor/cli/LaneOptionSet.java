package org.releaseauditor.cli;

import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRequest;

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
     */
    LaneCall<? extends LaneRequest> build(LaneRequest base) throws ConfigurationException;

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
