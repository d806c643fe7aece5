package org.releaseauditor.core.verdict;

import java.util.Locale;
import org.releaseauditor.core.catalogue.MetricFormat;
import org.releaseauditor.core.catalogue.MetricUnit;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.Operator;

/**
 * The one plain sentence of a finding, in one language, from the metric's label, the measured
 * value, the operator and the threshold: "Success rate (prosecutor) is 99.9 %; the policy requires
 * at most 5 %." The verdict page, the CLI and the GUI all show this sentence, never a formula.
 */
public final class VerdictSentences {

    private VerdictSentences() {
    }

    /** The requirement in words: "at most 5 %" ({@code verdict.op.LE}). */
    public static String requirement(Operator op, String threshold, Locale locale) {
        return Messages.get(locale, "verdict.op." + op.name(), threshold);
    }

    /**
     * The sentence of a finding.
     *
     * @param label     the metric's label
     * @param unit      its unit
     * @param measured  the value, or null when not measured
     * @param op        the rule's operator
     * @param threshold the rule's threshold
     * @param status    the finding's status
     */
    public static String sentence(String label, MetricUnit unit, Double measured, Operator op, double threshold,
            FindingStatus status, Locale locale) {
        String[] v = MetricFormat.pair(measured, threshold, unit, locale);
        String req = requirement(op, v[1], locale);
        if (measured == null || measured.isNaN()) {
            return Messages.get(locale, "verdict.sentence.notMeasured", label, req);
        }
        String key = status == FindingStatus.PASS ? "verdict.sentence.holds" : "verdict.sentence.violated";
        return Messages.get(locale, key, label, v[0], req);
    }

    /**
     * For a rule over several values ({@code unicity.*.fraction}) that more than one breaks: "2 of 4
     * values break the rule; the worst is 87.25 % (Unicity with 4 known points)."
     */
    public static String more(long broken, int of, String worst, String worstLabel, Locale locale) {
        return Messages.get(locale, "verdict.sentence.more", broken, of, worst, worstLabel);
    }
}
