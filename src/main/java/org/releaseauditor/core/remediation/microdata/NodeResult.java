package org.releaseauditor.core.remediation.microdata;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluated lattice node: a transformation (a generalisation level per quasi-identifier) with
 * the least record suppression that makes it pass the policy, and what it costs and leaves.
 *
 * @param levels            level per quasi-identifier, in the search's QI order (0 = original)
 * @param feasible          whether the policy passes with at most the allowed suppression
 * @param suppressBelow     records of every class smaller than this are suppressed (0: none)
 * @param suppressedRecords records suppressed by this transformation (counted against the limit)
 * @param alreadySuppressed records whose quasi-identifiers are all {@code *} anyway (in the input,
 *                          or because every QI is at a level whose label is {@code *})
 * @param classes           equivalence classes released
 * @param k                 smallest released class (0 when nothing is released)
 * @param highestRisk       prosecutor highest risk 1/k of the released records
 * @param recordsAtRisk     share of released records above the risk threshold
 * @param averageRisk       prosecutor success rate J/n of the released records
 * @param losses            information loss under every measure (only for feasible nodes; empty otherwise)
 * @param lowerBound        the search's lower bound of the chosen measure for this node
 */
public record NodeResult(List<Integer> levels, boolean feasible, long suppressBelow, long suppressedRecords,
                         long alreadySuppressed, long classes, long k, double highestRisk, double recordsAtRisk,
                         double averageRisk, Map<LossMeasure, Double> losses, double lowerBound) {

    public NodeResult {
        levels = List.copyOf(levels);
        losses = losses.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(losses));
    }

    /** The loss under one measure (NaN when the node is not feasible). */
    public double loss(LossMeasure measure) {
        Double v = losses.get(measure);
        return v == null ? Double.NaN : v;
    }

    /** The levels as an array. */
    public int[] levelArray() {
        int[] a = new int[levels.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = levels.get(i);
        }
        return a;
    }
}
