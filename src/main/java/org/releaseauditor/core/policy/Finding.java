package org.releaseauditor.core.policy;

/**
 * The outcome of one rule on one result.
 *
 * @param rule        the rule
 * @param metricKey   the concrete metric key measured (the worst match for a {@code *} rule), or
 *                    the rule's metric when nothing was measured
 * @param measured    the measured value, or null when the metric was not measured
 * @param status      PASS, WARN or FAIL
 * @param explanation one sentence saying what was measured and what it means
 */
public record Finding(PolicyRule rule, String metricKey, Double measured, FindingStatus status, String explanation) {

    /** The rule's threshold. */
    public double threshold() {
        return rule.threshold();
    }

    /** Whether the metric was found in the result. */
    public boolean measuredPresent() {
        return measured != null;
    }
}
