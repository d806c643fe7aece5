package org.releaseauditor.core.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.catalogue.MetricCatalogue;
import org.releaseauditor.core.catalogue.MetricEntry;
import org.releaseauditor.core.catalogue.MetricFormat;
import org.releaseauditor.core.catalogue.MetricUnit;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;

/**
 * Computes a {@link Verdict}: the one place where a metric is compared with a threshold. The
 * policy is evaluated by {@link PolicyEvaluator} (the same evaluation that {@code analyze --policy}
 * and the case's stored findings use); every match of every rule is then judged on its own, and
 * each finding gets its label and sentence from the catalogue.
 */
public final class Verdicts {

    /** The label of a metric path in the verdict's language (with display names for array elements). */
    @FunctionalInterface
    public interface Labels {
        String label(String path);
    }

    private Verdicts() {
    }

    /**
     * Labels straight from the catalogue, without the result document: an array element is named
     * by its naming field read from {@code metrics} ({@code unicity.2.fraction} reads "Unicity with
     * 3 known points" when {@code unicity.2.points} is 3), else numbered from 1.
     */
    public static Labels catalogueLabels(String scope, Locale locale, Map<String, Double> metrics) {
        MetricCatalogue cat = MetricCatalogue.standard();
        return path -> {
            MetricEntry e = cat.describe(scope, path, locale);
            String[] seg = path.split("\\.", -1);
            String[] pat = e.known() ? e.pattern().split("\\.", -1) : new String[0];
            if (e.captures().isEmpty() || seg.length != pat.length) {
                return e.label();
            }
            List<String> names = new ArrayList<>();
            String prefix = "";
            for (int i = 0; i < seg.length; i++) {
                prefix = prefix.isEmpty() ? seg[i] : prefix + "." + seg[i];
                if (!"*".equals(pat[i])) {
                    continue;
                }
                String name = seg[i];
                if (seg[i].matches("\\d+")) {
                    String here = prefix;
                    Double v = cat.nameField(scope, here).map(f -> metrics.get(here + "." + f)).orElse(null);
                    name = v != null ? MetricFormat.format(v, MetricUnit.NUMBER, locale)
                            : Integer.toString(Integer.parseInt(seg[i]) + 1);
                }
                names.add(name);
            }
            return e.label(names);
        };
    }

    /** {@link #catalogueLabels(String, Locale, Map)} without metrics: array elements numbered from 1. */
    public static Labels catalogueLabels(String scope, Locale locale) {
        return catalogueLabels(scope, locale, Map.of());
    }

    /**
     * Applies {@code profile} to the flat metric map of a result.
     *
     * @param scope   the result's scope (lane)
     * @param profile the policy, or null for "no policy" (nothing judged)
     * @param metrics the numeric leaves of the result by dotted path (see {@code ResultMetrics})
     * @param labels  metric labels
     */
    public static Verdict evaluate(String scope, PolicyProfile profile, Map<String, Double> metrics, Locale locale,
            Labels labels) {
        if (profile == null) {
            return Verdict.none(scope, locale);
        }
        PolicyEvaluation ev = PolicyEvaluator.evaluate(profile, metrics, locale);
        List<VerdictFinding> findings = new ArrayList<>();
        Map<String, MetricJudgement> judged = new LinkedHashMap<>();
        for (int i = 0; i < profile.rules().size(); i++) {
            PolicyRule rule = profile.rules().get(i);
            Finding f = ev.findings().get(i);
            String path = f.metricKey() == null ? rule.metric() : f.metricKey();
            MetricUnit unit = MetricCatalogue.standard().describe(scope, path, locale).unit();
            String label = labels.label(path);
            List<String> keys = PolicyEvaluator.matchingKeys(rule.metric(), metrics);
            // every match is judged on its own; the sentence also says how many break the rule
            Map<String, FindingStatus> states = new LinkedHashMap<>();
            String worstKey = null;
            for (String key : keys) {
                double v = metrics.get(key);
                boolean holds = !Double.isNaN(v) && rule.operator().holds(v, rule.threshold());
                states.put(key, holds ? FindingStatus.PASS
                        : rule.severity() == Severity.FAIL ? FindingStatus.FAIL : FindingStatus.WARN);
                if (!holds && !Double.isNaN(v) && (worstKey == null
                        || rule.operator().worse(metrics.get(worstKey), v, rule.threshold()) == v)) {
                    worstKey = key;
                }
            }
            long broken = states.values().stream().filter(st -> st != FindingStatus.PASS).count();
            String sentence = VerdictSentences.sentence(label, unit, f.measured(), rule.operator(), rule.threshold(),
                    f.status(), locale);
            if (broken > 1 && worstKey != null) {
                MetricUnit wu = MetricCatalogue.standard().describe(scope, worstKey, locale).unit();
                sentence = sentence + " " + VerdictSentences.more(broken, keys.size(),
                        MetricFormat.format(metrics.get(worstKey), wu, locale), labels.label(worstKey), locale);
            }
            VerdictFinding vf = new VerdictFinding(scope, profile.id(), profile.version(), rule.metric(), path, label,
                    f.measured(), rule.operator(), rule.threshold(), rule.severity(), f.status(), unit, sentence,
                    PolicyEvaluator.ruleExplanation(rule, locale), null, List.of());
            findings.add(vf);
            if (keys.isEmpty()) {
                judge(judged, new MetricJudgement(rule.metric(), null, VerdictStatus.of(f.status()), vf));
            }
            for (String key : keys) {
                judge(judged, new MetricJudgement(key, metrics.get(key), VerdictStatus.of(states.get(key)), vf));
            }
        }
        return new Verdict(scope, profile, findings, judged, locale);
    }

    private static void judge(Map<String, MetricJudgement> judged, MetricJudgement j) {
        MetricJudgement old = judged.get(j.path());
        if (old == null || j.status().ordinal() > old.status().ordinal()) {
            judged.put(j.path(), j);
        }
    }
}
