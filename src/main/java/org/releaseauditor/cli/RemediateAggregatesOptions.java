package org.releaseauditor.cli;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.remediation.AggregateRemediationRequest;
import org.releaseauditor.service.remediation.RemediationCall;
import picocli.CommandLine.Option;

/** The remediation options of {@code remediate aggregates} (the lane options come from {@link AggregatesOptions}). */
public final class RemediateAggregatesOptions {

    @Option(names = "--policy", paramLabel = "P", required = true,
            description = "The policy the copies must pass: a built-in id (min-cell-10) or a policy file (required).")
    String policy;

    @Option(names = "--method", paramLabel = "suppress|coarsen|round",
            description = "How to remediate: withhold cells (suppress), sum table dimensions up to the least coarser "
                    + "level of their hierarchies (--hierarchy DIM=FILE) that passes (coarsen), or round every cell "
                    + "to a base with the margins recomputed (round) (default: "
                    + "${bundle:default.remediation.aggregates.method}).")
    String method;

    @Option(names = "--rounding-base", paramLabel = "B",
            description = "The base of --method round, 2 or more (default: the smallest of 3, 5, 10 that passes).")
    Integer roundingBase;

    @Option(names = "--minimise", paramLabel = "total|cells",
            description = "What the secondary suppression minimises: the withheld persons (total) or the withheld "
                    + "cells (default: ${bundle:default.remediation.aggregates.objective}).")
    String objective;

    @Option(names = "--token", paramLabel = "T",
            description = "What a withheld count is written as in the copies (default: "
                    + "${bundle:default.remediation.aggregates.token}).")
    String token;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Most audit rounds of the secondary suppression (default: "
                    + "${bundle:default.remediation.aggregates.maxRounds}).")
    Integer maxRounds;

    @Option(names = "--cleanup", paramLabel = "N",
            description = "Most audits spent on publishing secondary cells again (default: "
                    + "${bundle:default.remediation.aggregates.cleanupBudget}).")
    Integer cleanupBudget;

    @Option(names = "--warn-as-fail", description = "The policy's WARN rules must hold as well.")
    Boolean warnAsFail;

    @Option(names = "--write", paramLabel = "[NAME=]FILE",
            description = "Where a table's copy is written (repeatable; FILE alone for a release of one table; "
                    + "default: <file>_remediated.csv in the working folder); never over an input.")
    List<String> write;

    RemediationCall<AggregateRemediationRequest> build(LaneCall<AggregatesRequest> lane) throws ConfigurationException {
        return AggregateRemediationRequest.builder().analysis(lane).policy(policy).objective(objective).token(token)
                .maxRounds(maxRounds).cleanupBudget(cleanupBudget).warnAsFail(warnAsFail).method(method).roundingBase(roundingBase).write(write).buildCall();
    }
}
