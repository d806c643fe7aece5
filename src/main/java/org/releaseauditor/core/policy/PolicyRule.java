package org.releaseauditor.core.policy;

import java.util.Objects;

/**
 * One rule: {@code metric operator threshold}, e.g. {@code prosecutor.highest <= 0.09}.
 *
 * @param metric      dotted metric path in the flat metric map; a segment {@code *} matches
 *                    every key at that level, and all matches must pass
 * @param operator    comparison
 * @param threshold   threshold value
 * @param severity    FAIL or WARN when violated
 * @param explanation a message key (resolved with {@code Messages}) or a literal sentence saying
 *                    why the rule exists; may be empty
 */
public record PolicyRule(String metric, Operator operator, double threshold, Severity severity, String explanation) {
    public PolicyRule {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(severity, "severity");
        explanation = explanation == null ? "" : explanation;
    }

    /** A compact text like {@code k >= 5}. */
    public String describe() {
        return metric + " " + operator.symbol() + " " + PolicyEvaluator.format(threshold);
    }
}
