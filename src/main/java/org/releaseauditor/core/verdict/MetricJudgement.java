package org.releaseauditor.core.verdict;

/**
 * The state of one concrete metric of a result under a policy.
 *
 * @param path    the metric's JSON path ({@code prosecutor.successRate}, {@code tables.1.minCount})
 * @param value   its value, or null when the rule found it not measured
 * @param status  its state: PASS, WARN or FAIL (judged), never NOT_JUDGED here
 * @param finding the finding of the rule that judged it (for several rules: the worst)
 */
public record MetricJudgement(String path, Double value, VerdictStatus status, VerdictFinding finding) {
}
