package org.releaseauditor.ui.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.service.policy.ResultMetrics;
import org.releaseauditor.service.remediation.Reaudit;
import org.releaseauditor.service.remediation.Remediations;
import org.releaseauditor.ui.charts.SummaryCard;

/** Turns two audits (before, after) into comparison cards; pure functions, tested without the toolkit. */
public final class Comparisons {

    /** How a metric is shown. */
    public enum Format { COUNT, SHARE, NUMBER }

    /**
     * One card: a metric path of the lane's result JSON, its title and explanation keys.
     *
     * @param id      node id of the card ({@code whatIfK} → value labels {@code whatIfKBefore}, {@code whatIfKAfter})
     * @param title   message key of the title
     * @param explain message key of the one-line explanation
     * @param metric  the result metric ({@code k}, {@code prosecutor.recordsAtRisk}, {@code unicity.3.fraction})
     * @param format  how the value is written
     */
    public record Spec(String id, String title, String explain, String metric, Format format) {
    }

    private Comparisons() {
    }

    /** The cards of two audits; {@code after} may be null (not computed yet). */
    public static List<CompareCard> cards(List<Spec> specs, Reaudit<?, ?> before, Reaudit<?, ?> after) {
        Map<String, Double> b = before == null ? Map.of() : metrics(before);
        Map<String, Double> a = after == null ? Map.of() : metrics(after);
        List<CompareCard> out = new ArrayList<>();
        for (Spec s : specs) {
            out.add(new CompareCard(s.id(), Messages.get(s.title()), format(value(b, s.metric()), s.format()),
                    after == null ? "\u2013" : format(value(a, s.metric()), s.format()),
                    before == null ? SummaryCard.Status.NEUTRAL : status(before.policy(), s.metric()),
                    after == null ? SummaryCard.Status.NEUTRAL : status(after.policy(), s.metric()),
                    org.releaseauditor.ui.help.MetricHelp.remember(Messages.get(s.explain()), before != null ? before.result().lane() : after != null ? after.result().lane() : null, s.metric(), List.of())));
        }
        return out;
    }

    /** The policy card: the overall result before and after. */
    public static CompareCard verdict(Reaudit<?, ?> before, Reaudit<?, ?> after) {
        return new CompareCard("whatIfPolicy", Messages.get("whatif.card.policy"),
                before == null ? "\u2013" : Messages.get("verdict.status." + before.policy().overall().name()),
                after == null ? "\u2013" : Messages.get("verdict.status." + after.policy().overall().name()),
                before == null ? SummaryCard.Status.NEUTRAL : of(before.policy().overall()),
                after == null ? SummaryCard.Status.NEUTRAL : of(after.policy().overall()),
                Messages.get("whatif.card.policy.explain", before == null ? "" : before.policy().profile().id()));
    }

    /**
     * A metric's value; a path ending in {@code .*} (e.g. {@code aggregates.minCount.*}, one value
     * per table) gives the smallest of its values, as the policy's wildcard rules read them.
     */
    static Double value(Map<String, Double> m, String metric) {
        if (!metric.endsWith(".*")) {
            return m.get(metric);
        }
        String prefix = metric.substring(0, metric.length() - 1);
        Double min = null;
        for (Map.Entry<String, Double> e : m.entrySet()) {
            Double v = e.getValue();
            if (e.getKey().startsWith(prefix) && v != null && !v.isNaN() && (min == null || v < min)) {
                min = v;
            }
        }
        return min;
    }

    static Map<String, Double> metrics(Reaudit<?, ?> r) {
        return ResultMetrics.flatten(Remediations.tree(r.result().json()));
    }

    /** The worst status of the findings on a metric, or NEUTRAL when no rule reads it. */
    public static SummaryCard.Status status(PolicyEvaluation ev, String metric) {
        SummaryCard.Status s = SummaryCard.Status.NEUTRAL;
        for (Finding f : ev.findings()) {
            String key = f.metricKey() == null ? f.rule().metric() : f.metricKey();
            boolean matches = metric.endsWith(".*") ? key.startsWith(metric.substring(0, metric.length() - 1))
                    || key.equals(metric) : key.equals(metric);
            if (!matches) {
                continue;
            }
            SummaryCard.Status fs = of(f.status());
            if (s == SummaryCard.Status.NEUTRAL || fs == SummaryCard.Status.FAIL
                    || fs == SummaryCard.Status.WARN && s == SummaryCard.Status.PASS) {
                s = fs;
            }
        }
        return s;
    }

    static SummaryCard.Status of(FindingStatus f) {
        return switch (f) {
            case PASS -> SummaryCard.Status.PASS;
            case WARN -> SummaryCard.Status.WARN;
            case FAIL -> SummaryCard.Status.FAIL;
        };
    }

    /** A metric value as text ({@code –} when absent). */
    public static String format(Double v, Format f) {
        if (v == null || v.isNaN()) {
            return "\u2013";
        }
        return switch (f) {
            case COUNT -> String.format(Messages.locale(), "%,d", Math.round(v));
            case SHARE -> String.format(Messages.locale(), v != 0 && Math.abs(v) < 0.001 ? "%.4f %%" : "%.2f %%",
                    v * 100);
            case NUMBER -> {
                yield org.releaseauditor.ui.fx.Numbers.sig(v, 4);
            }
        };
    }
}
