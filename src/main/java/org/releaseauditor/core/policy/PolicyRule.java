package org.releaseauditor.core.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * One rule: {@code metric operator threshold}, e.g. {@code prosecutor.highest <= 0.09}.
 *
 * @param metric        dotted metric path in the flat metric map; a segment {@code *} matches
 *                      every key at that level, and all matches must pass
 * @param operator      comparison
 * @param threshold     threshold value
 * @param severity      FAIL or WARN when violated
 * @param explanation   a message key (resolved with {@code Messages}) or a literal sentence saying
 *                      why the rule exists; may be empty
 * @param ifNotMeasured what a result without the metric means (default {@link IfNotMeasured#WARN})
 */
public record PolicyRule(String metric, Operator operator, double threshold, Severity severity, String explanation,
        IfNotMeasured ifNotMeasured) {

    /**
     * What a rule says when its metric is absent from a result.
     */
    public enum IfNotMeasured {
        /** the rule could not be checked: a WARN finding (the default) */
        WARN,
        /** a missing measurement violates the rule: a finding with the rule's severity */
        FAIL,
        /**
         * the rule does not apply to such a result: a PASS finding that says so. For rules that
         * only concern some outputs, as ACRO applies its dominance checks only to tables of
         * magnitudes (a count table has no contributions to measure)
         */
        NOT_APPLICABLE;

        /** The JSON spelling: {@code warn}, {@code fail}, {@code not-applicable}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses a JSON spelling; null when unknown. */
        public static IfNotMeasured parse(String s) {
            for (IfNotMeasured v : values()) {
                if (v.spelling().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return v;
                }
            }
            return null;
        }
    }

    public PolicyRule {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(severity, "severity");
        explanation = explanation == null ? "" : explanation;
        ifNotMeasured = ifNotMeasured == null ? IfNotMeasured.WARN : ifNotMeasured;
    }

    /** A rule that warns when its metric is not measured. */
    public PolicyRule(String metric, Operator operator, double threshold, Severity severity, String explanation) {
        this(metric, operator, threshold, severity, explanation, IfNotMeasured.WARN);
    }

    /** A compact text like {@code k >= 5}. */
    public String describe() {
        return metric + " " + operator.symbol() + " " + PolicyEvaluator.format(threshold);
    }
}
