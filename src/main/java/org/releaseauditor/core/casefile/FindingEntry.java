package org.releaseauditor.core.casefile;

import java.time.Instant;

/**
 * A stored policy finding of one run.
 *
 * @param id          row id
 * @param runId       the run it evaluates
 * @param policyId    policy id
 * @param policyVersion policy version
 * @param metric      metric path of the rule
 * @param operator    operator symbol
 * @param threshold   threshold
 * @param measured    measured value, or null when not measured
 * @param status      PASS, WARN or FAIL
 * @param explanation one-sentence explanation
 * @param at          when (UTC)
 */
public record FindingEntry(long id, long runId, String policyId, String policyVersion, String metric, String operator,
        double threshold, Double measured, String status, String explanation, Instant at) {
}
