package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Primary sensitivity rules (METRICS.md §3): the threshold rule on raw counts, and the
 * (n,k)-dominance and p % rules on the contributions behind a magnitude. Extrapolated counts are
 * divided by their declared factor first, because scaling does not protect anybody.
 */
public final class PrimaryRules {

    private PrimaryRules() {
    }

    /** Applies the configured rules to every published cell of every table. */
    public static List<TableRuleResult> apply(ReleaseSet release, PrimaryRuleConfig config, ProgressMonitor monitor) {
        List<TableRuleResult> out = new ArrayList<>();
        long total = release.cellCount();
        long done = 0;
        for (CountTable t : release.tables()) {
            List<UnsafeCell> unsafe = new ArrayList<>();
            int suppressed = 0;
            double min = Double.NaN;
            for (int c = 0; c < t.cellCount(); c++) {
                if (c % ProgressMonitor.CHECK_INTERVAL == 0) {
                    monitor.checkCancelled();
                    monitor.update("aggregate.progress.rules", done + c, total);
                }
                if (t.isSuppressed(c)) {
                    suppressed++;
                    continue;
                }
                double raw = t.raw(c);
                if (raw > 0 && !(raw >= min)) {
                    min = raw;
                }
                UnsafeCell u = check(t, c, raw, config);
                if (u != null) {
                    unsafe.add(u);
                }
            }
            done += t.cellCount();
            out.add(new TableRuleResult(t.name(), t.cellCount(), suppressed, min, t.extrapolated(), unsafe));
        }
        return out;
    }

    private static UnsafeCell check(CountTable t, int c, double raw, PrimaryRuleConfig config) {
        List<String> rules = null;
        StringBuilder detail = new StringBuilder();
        ThresholdRule th = config.threshold();
        if (th != null && th.unsafe(raw)) {
            rules = new ArrayList<>();
            rules.add("threshold");
            detail.append(ReleaseModel.fmt(raw)).append(' ').append(th.operator().symbol()).append(' ')
                    .append(ReleaseModel.fmt(th.threshold()));
            if (t.extrapolated()) {
                detail.append(" (raw = ").append(ReleaseModel.fmt(t.published(c))).append(" / ")
                        .append(ReleaseModel.fmt(t.scale(c))).append(')');
            }
        }
        if (t.hasContributions()) {
            double[] x = t.contributions(c);
            double sum = 0;
            for (double v : x) {
                sum += v;
            }
            if (config.dominanceN() > 0 && x.length > 0 && dominanceUnsafe(x, sum, config.dominanceN(),
                    config.dominanceK())) {
                rules = rules == null ? new ArrayList<>() : rules;
                rules.add("dominance");
                sep(detail).append("top ").append(config.dominanceN()).append(" > ")
                        .append(ReleaseModel.fmt(config.dominanceK())).append("% of ").append(ReleaseModel.fmt(sum));
            }
            if (!Double.isNaN(config.pPercent()) && x.length > 0 && pPercentUnsafe(x, sum, config.pPercent())) {
                rules = rules == null ? new ArrayList<>() : rules;
                rules.add("p-percent");
                sep(detail).append("T - x1 - x2 < ").append(ReleaseModel.fmt(config.pPercent())).append("% of x1");
            }
        }
        return rules == null ? null : new UnsafeCell(t.name(), c, t.key(c), rules, raw, detail.toString());
    }

    private static StringBuilder sep(StringBuilder sb) {
        return sb.length() == 0 ? sb : sb.append("; ");
    }

    /**
     * (n,k)-dominance: unsafe if the n largest contributions exceed k % of the total.
     *
     * @param sortedDesc contributions, largest first
     */
    public static boolean dominanceUnsafe(double[] sortedDesc, double total, int n, double kPercent) {
        double top = 0;
        for (int i = 0; i < Math.min(n, sortedDesc.length); i++) {
            top += sortedDesc[i];
        }
        return total > 0 && top > kPercent / 100.0 * total;
    }

    /**
     * p % rule: unsafe if T − x1 − x2 &lt; (p/100)·x1, so that the second-largest contributor can
     * estimate the largest to within p %.
     */
    public static boolean pPercentUnsafe(double[] sortedDesc, double total, double p) {
        double x1 = sortedDesc.length > 0 ? sortedDesc[0] : 0;
        double x2 = sortedDesc.length > 1 ? sortedDesc[1] : 0;
        return x1 > 0 && total - x1 - x2 < p / 100.0 * x1;
    }
}
