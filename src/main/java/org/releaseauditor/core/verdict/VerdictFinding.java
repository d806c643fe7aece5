package org.releaseauditor.core.verdict;

import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.catalogue.MetricFormat;
import org.releaseauditor.core.catalogue.MetricUnit;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.Severity;

/**
 * One rule of a policy applied to one result.
 *
 * @param scope         the result's scope (its lane: {@code microdata}, {@code aggregates} …)
 * @param policyId      the policy's id
 * @param policyVersion the policy's version
 * @param rule          the rule's metric pattern ({@code tables.*.minCount})
 * @param path          the metric judged: the concrete key (the first violating one, or the worst
 *                      for a {@code *} rule), or the rule's pattern when nothing was measured
 * @param label         the metric's label from the catalogue, in the verdict's language, with
 *                      names for array elements ({@code Unicity with 4 known points})
 * @param measured      the measured value, or null when the metric was not measured
 * @param operator      the rule's operator
 * @param threshold     the rule's threshold
 * @param severity      what a violation means (FAIL or WARN)
 * @param status        PASS, WARN or FAIL
 * @param unit          how the number is written
 * @param sentence      one plain sentence with the number and the threshold, e.g. "k (size of the
 *                      smallest group) is 1; the policy requires at least 5."
 * @param why           why the rule exists (the policy's explanation), may be empty
 * @param runId         the run of a case this finding is about, or null outside a case
 * @param outputs       the outputs (dataset ids of the case) the run analysed; empty outside a case
 */
public record VerdictFinding(String scope, String policyId, String policyVersion, String rule, String path,
        String label, Double measured, Operator operator, double threshold, Severity severity, FindingStatus status,
        MetricUnit unit, String sentence, String why, Long runId, List<Long> outputs) {

    public VerdictFinding {
        outputs = List.copyOf(outputs);
        why = why == null ? "" : why;
    }

    /** Whether the metric was measured. */
    public boolean measuredPresent() {
        return measured != null && !measured.isNaN();
    }

    /** WARN or FAIL: a finding the verdict page lists. */
    public boolean problem() {
        return status != FindingStatus.PASS;
    }

    /** The state for colouring. */
    public VerdictStatus verdictStatus() {
        return VerdictStatus.of(status);
    }

    /** The measured value as written in {@code locale} (an en dash when not measured). */
    public String measuredText(Locale locale) {
        return MetricFormat.pair(measured, threshold, unit, locale)[0];
    }

    /** The threshold as written in {@code locale}. */
    public String thresholdText(Locale locale) {
        return MetricFormat.pair(measured, threshold, unit, locale)[1];
    }

    /** The rule in words: "at most 5 %", "at least 5", "exactly 0". */
    public String requirement(Locale locale) {
        return VerdictSentences.requirement(operator, thresholdText(locale), locale);
    }

    /** The rule as a formula: {@code k >= 5} (the policy's own notation). */
    public String formula() {
        return rule + " " + operator.symbol() + " " + org.releaseauditor.core.policy.PolicyEvaluator.format(threshold);
    }

    /** The same finding attributed to a run of a case and its outputs. */
    public VerdictFinding inRun(long run, List<Long> runOutputs) {
        return new VerdictFinding(scope, policyId, policyVersion, rule, path, label, measured, operator, threshold,
                severity, status, unit, sentence, why, run, runOutputs);
    }
}
