package org.releaseauditor.core.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.i18n.Messages;

/**
 * Evaluates a {@link PolicyProfile} over a flat metric map whose keys are dotted JSON paths of an
 * analysis result ({@code k}, {@code prosecutor.highest}, {@code lDiversity.disease.distinct}).
 *
 * <p>A rule segment {@code *} matches every key at that level; the rule then holds only if it
 * holds for every match, and the finding reports the worst match. A metric that is absent gives a
 * WARN finding "not measured" instead of an error, so that a profile written for one lane can be
 * applied to another without crashing; a rule may instead declare that it does not apply then
 * (PASS, "not applicable") or that the absence fails ({@link PolicyRule.IfNotMeasured}).
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /** Evaluates every rule of {@code profile} on {@code metrics}, in the current UI language. */
    public static PolicyEvaluation evaluate(PolicyProfile profile, Map<String, Double> metrics) {
        return evaluate(profile, metrics, Messages.locale());
    }

    /** Evaluates every rule of {@code profile} on {@code metrics}, explaining in {@code locale}. */
    public static PolicyEvaluation evaluate(PolicyProfile profile, Map<String, Double> metrics, Locale locale) {
        List<Finding> out = new ArrayList<>();
        for (PolicyRule rule : profile.rules()) {
            out.add(evaluateRule(rule, metrics, locale));
        }
        return new PolicyEvaluation(profile, out);
    }

    static Finding evaluateRule(PolicyRule rule, Map<String, Double> metrics, Locale locale) {
        String why = ruleExplanation(rule, locale);
        List<String> keys = matchingKeys(rule.metric(), metrics);
        if (keys.isEmpty()) {
            return switch (rule.ifNotMeasured()) {
                case NOT_APPLICABLE -> new Finding(rule, rule.metric(), null, FindingStatus.PASS, Messages.get(locale,
                        "policy.finding.notApplicable", rule.metric(), rule.describe(), why).trim());
                case FAIL -> new Finding(rule, rule.metric(), null,
                        rule.severity() == Severity.FAIL ? FindingStatus.FAIL : FindingStatus.WARN,
                        Messages.get(locale, "policy.finding.notMeasuredFails", rule.metric(), rule.describe(), why)
                                .trim());
                case WARN -> new Finding(rule, rule.metric(), null, FindingStatus.WARN,
                        Messages.get(locale, "policy.finding.notMeasured", rule.metric(), rule.describe(), why).trim());
            };
        }
        String worstKey = null;
        double worst = Double.NaN;
        boolean allHold = true;
        for (String key : keys) {
            double v = metrics.get(key);
            boolean holds = !Double.isNaN(v) && rule.operator().holds(v, rule.threshold());
            if (!holds) {
                // report the first violating key (keys are sorted, so this is deterministic)
                allHold = false;
                worstKey = key;
                worst = v;
                break;
            }
            if (worstKey == null || rule.operator().worse(worst, v, rule.threshold()) != worst) {
                worstKey = key;
                worst = v;
            }
        }
        FindingStatus status = allHold ? FindingStatus.PASS
                : rule.severity() == Severity.FAIL ? FindingStatus.FAIL : FindingStatus.WARN;
        String key = allHold ? "policy.finding.pass" : "policy.finding.violated";
        String text = Messages.get(locale, key, worstKey, format(worst, locale), rule.operator().symbol(),
                format(rule.threshold(), locale), why);
        return new Finding(rule, worstKey, worst, status, text.trim());
    }

    /** The keys matched by a rule's metric path (exact key, or all keys matching the {@code *} pattern). */
    public static List<String> matchingKeys(String pattern, Map<String, Double> metrics) {
        if (!pattern.contains("*")) {
            return metrics.containsKey(pattern) ? List.of(pattern) : List.of();
        }
        String[] want = pattern.split("\\.", -1);
        List<String> keys = new ArrayList<>();
        for (String key : metrics.keySet()) {
            String[] have = key.split("\\.", -1);
            if (have.length != want.length) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < want.length && ok; i++) {
                ok = "*".equals(want[i]) || want[i].equals(have[i]);
            }
            if (ok) {
                keys.add(key);
            }
        }
        keys.sort(null);
        return keys;
    }

    /** Why a rule exists, in {@code locale}: its explanation key resolved, or its literal text. */
    public static String ruleExplanation(PolicyRule rule, Locale locale) {
        String e = rule.explanation();
        if (e.isEmpty()) {
            return "";
        }
        return Messages.has(e) ? Messages.get(locale, e) : e;
    }

    /**
     * {@link #format(double)} with the decimal separator of {@code locale} (0,8725 in German), for
     * sentences in that language; machine-readable values keep {@link #format(double)}.
     */
    public static String format(double v, Locale locale) {
        String s = format(v);
        char sep = java.text.DecimalFormatSymbols.getInstance(locale == null ? Locale.ROOT : locale)
                .getDecimalSeparator();
        return sep == '.' || Double.isNaN(v) || Double.isInfinite(v) ? s : s.replace('.', sep);
    }

    /** Formats a number without trailing zeros and without exponent for usual magnitudes. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal bd = new BigDecimal(v).round(new java.math.MathContext(6));
        return bd.stripTrailingZeros().toPlainString();
    }
}
