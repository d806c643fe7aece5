package org.releaseauditor.ui.risk;

import org.releaseauditor.core.verdict.MetricJudgement;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.ui.charts.VerdictStyles;

/**
 * The verdict state of the parts of the microdata dashboard that show more than one number: the
 * bars of the class-size histogram and of the risk distribution, the rows of the riskiest-classes
 * table and the bars of the QI-contribution chart (issue 13). Each part asks the verdict of the
 * policy in force; the operators and thresholds are the policy's own. A part no rule is about, or
 * that keeps every rule, is NOT_JUDGED (neutral).
 */
final class MicrodataVerdictColours {
    private MicrodataVerdictColours() {
    }

    /**
     * A class of {@code size} records: it breaks a rule on {@code k} when a smallest class of that
     * size would ({@code k >= 5}: sizes 1–4), a rule on {@code prosecutor.highest} when its
     * prosecutor risk 1/size would ({@code <= 0.2}: sizes below 5), and a rule on
     * {@code belowK.K.*} when size &lt; K. The state is the verdict's state of the broken rule's
     * metric (FAIL or WARN as the policy says).
     */
    static VerdictStatus classStatus(Verdict v, long size) {
        if (v == null || size <= 0) {
            return VerdictStatus.NOT_JUDGED;
        }
        VerdictStatus s = VerdictStyles.worst(VerdictStyles.breach(v, "k", size),
                VerdictStyles.breach(v, "prosecutor.highest", 1.0 / size));
        for (MetricJudgement j : v.judged().values()) {
            String[] parts = j.path().split("\\.");
            if (parts.length >= 2 && parts[0].equals("belowK") && (j.status() == VerdictStatus.WARN
                    || j.status() == VerdictStatus.FAIL)) {
                try {
                    if (size < Long.parseLong(parts[1])) {
                        s = s.worst(j.status());
                    }
                } catch (NumberFormatException e) {
                    // not a class-size key: nothing to mark
                }
            }
        }
        return s;
    }

    /** A bar of the class-size histogram: the state of its smallest class size (the riskiest in it). */
    static VerdictStatus sizeBinStatus(Verdict v, int bin) {
        long lo = bin == 0 ? 1 : MicrodataCharts.SIZE_BINS[bin - 1] + 1;
        return classStatus(v, lo);
    }

    /**
     * A bar of the risk distribution holding records whose prosecutor risk is at most
     * {@code upTo}: it breaks the rule on {@code prosecutor.highest} when that risk would.
     */
    static VerdictStatus riskBinStatus(Verdict v, double upTo) {
        return VerdictStyles.breach(v, "prosecutor.highest", upTo);
    }

    /** A bar of the QI-contribution chart: the verdict's state of that QI set's distinction or separation. */
    static VerdictStatus qiStatus(Verdict v, int index, boolean distinction) {
        return VerdictStyles.status(v, "qiContribution." + index + (distinction ? ".distinction" : ".separation"));
    }
}
