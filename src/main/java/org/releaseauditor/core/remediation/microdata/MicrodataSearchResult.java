package org.releaseauditor.core.remediation.microdata;

import java.util.List;
import org.releaseauditor.core.policy.Finding;

/**
 * The outcome of a search for the least information loss that passes a policy.
 *
 * @param quasiIdentifiers  the QIs, in the order of every node's levels
 * @param heights           the highest level of each QI's hierarchy
 * @param hierarchySources  where each hierarchy came from (file and hash, or builder)
 * @param measure           the loss measure minimised
 * @param records           N: all records of the input
 * @param suppressionLimit  the most records that may be suppressed (⌊share · N⌋)
 * @param optimum           the feasible node with the least loss (ties: fewer suppressed records,
 *                          then lower levels in total, then lexicographically lower), or null when
 *                          no node passes
 * @param predictedFindings the policy's findings on the optimum as the search computes them (the
 *                          re-audit of the written copy is what counts)
 * @param paretoFront       feasible evaluated nodes that no other evaluated feasible node beats on
 *                          both loss and average risk, by ascending loss
 * @param latticeSize       number of nodes (transformations) in the lattice
 * @param evaluatedNodes    nodes whose classes were computed
 * @param taggedInfeasible  nodes known to fail without evaluation (a generalisation of theirs fails)
 * @param taggedFeasible    nodes known to pass without being checked (they were still evaluated for
 *                          their loss when they could beat the optimum)
 * @param monotonicPruning  whether the policy and suppression model allowed pruning by monotonicity
 * @param paretoComplete    whether every node that is not proven infeasible was evaluated
 * @param ignoredRules      policy rules the search does not enforce (WARN rules), as {@code metric op threshold}
 * @param runtimeMillis     wall-clock time of the search
 */
public record MicrodataSearchResult(List<String> quasiIdentifiers, List<Integer> heights, List<String> hierarchySources,
                                    LossMeasure measure, long records, long suppressionLimit, NodeResult optimum,
                                    List<Finding> predictedFindings, List<NodeResult> paretoFront, long latticeSize,
                                    long evaluatedNodes, long taggedInfeasible, long taggedFeasible,
                                    boolean monotonicPruning, boolean paretoComplete, List<String> ignoredRules,
                                    long runtimeMillis) {

    public MicrodataSearchResult {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        heights = List.copyOf(heights);
        hierarchySources = List.copyOf(hierarchySources);
        predictedFindings = List.copyOf(predictedFindings);
        paretoFront = List.copyOf(paretoFront);
        ignoredRules = List.copyOf(ignoredRules);
    }

    /** Whether some transformation passes. */
    public boolean found() {
        return optimum != null;
    }
}
