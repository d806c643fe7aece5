package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Primary sensitivity rules (METRICS.md §3): the threshold rule on raw counts, and the
 * (n,k)-dominance, p % and pq rules on the contributions behind a magnitude. Extrapolated counts
 * are divided by their declared factor first, because scaling does not protect anybody.
 *
 * <p>Every comparison is done by cross-multiplying (for example {@code 100·top > k·T}), so a
 * cell exactly at a bound is decided exactly for whole contributions.
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
            int zeros = 0;
            double min = Double.NaN;
            double top1 = Double.NaN;
            double top2 = Double.NaN;
            double ratio = Double.NaN;
            int zeroMagnitude = 0;
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
                if (raw == 0) {
                    zeros++;
                } else if (!(raw >= min)) {
                    min = raw;
                }
                double[] x = t.contributions(c);
                double sum = sum(x);
                if (x.length > 0 && !(sum > 0)) {
                    zeroMagnitude++;
                } else if (sum > 0) {
                    top1 = max(top1, x[0] / sum);
                    top2 = max(top2, (x[0] + (x.length > 1 ? x[1] : 0)) / sum);
                    double r = (sum - x[0] - (x.length > 1 ? x[1] : 0)) / x[0];
                    ratio = Double.isNaN(ratio) || r < ratio ? r : ratio;
                }
                UnsafeCell u = check(t, c, raw, x, sum, config);
                if (u != null) {
                    unsafe.add(u);
                }
            }
            done += t.cellCount();
            out.add(new TableRuleResult(t.name(), t.cellCount(), suppressed, min, t.extrapolated(), unsafe, zeros, top1,
                    top2, ratio, zeroMagnitude));
        }
        return out;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) || b > a ? b : a;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static UnsafeCell check(CountTable t, int c, double raw, double[] x, double sum, PrimaryRuleConfig config) {
        List<String> rules = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        ThresholdRule th = config.threshold();
        if (th != null && th.unsafe(raw)) {
            rules.add("threshold");
            detail.append(ReleaseModel.fmt(raw)).append(' ').append(th.operator().symbol()).append(' ')
                    .append(ReleaseModel.fmt(th.threshold()));
            if (raw == 0) {
                detail.append(" (zero unsafe)");
            }
            if (t.extrapolated()) {
                detail.append(" (raw = ").append(ReleaseModel.fmt(t.published(c))).append(" / ")
                        .append(ReleaseModel.fmt(t.scale(c))).append(')');
            }
        }
        if (x.length > 0) {
            DominanceRule dom = config.dominance();
            if (dom != null && dom.unsafe(x, sum)) {
                rules.add("dominance");
                double top = dom.top(x);
                sep(detail).append("top ").append(dom.n()).append(" = ").append(ReleaseModel.fmt(top)).append(" of ")
                        .append(ReleaseModel.fmt(sum)).append(" = ").append(percent(top / sum)).append(' ')
                        .append(dom.boundary().symbol()).append(' ').append(ReleaseModel.fmt(dom.k())).append('%');
            }
            double rest = sum - x[0] - (x.length > 1 ? x[1] : 0);
            boolean zeroMagnitude = config.zeroMagnitudeUnsafe() && !(x[0] > 0)
                    && (!Double.isNaN(config.pPercent()) || config.pq() != null);
            if (zeroMagnitude) {
                rules.add(Double.isNaN(config.pPercent()) ? "pq" : "p-percent");
                sep(detail).append("all ").append(x.length).append(" contributions are 0 (zeros unsafe)");
            }
            if (!zeroMagnitude && !Double.isNaN(config.pPercent()) && pPercentUnsafe(x, sum, config.pPercent())) {
                rules.add("p-percent");
                sep(detail).append("T - x1 - x2 = ").append(ReleaseModel.fmt(rest)).append(" < ")
                        .append(ReleaseModel.fmt(config.pPercent())).append("% of x1 (")
                        .append(ReleaseModel.fmt(config.pPercent() * x[0] / 100)).append(')');
            }
            PqRule pq = config.pq();
            if (!zeroMagnitude && pq != null && pq.unsafe(x, sum)) {
                rules.add("pq");
                sep(detail).append("T - x1 - x2 = ").append(ReleaseModel.fmt(rest)).append(" < ")
                        .append(ReleaseModel.fmt(pq.p())).append('/').append(ReleaseModel.fmt(pq.q()))
                        .append(" of x1 (").append(ReleaseModel.fmt(pq.p() * x[0] / pq.q())).append(')');
            }
        }
        return rules.isEmpty() ? null : new UnsafeCell(t.name(), c, t.key(c), rules, raw, detail.toString());
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static StringBuilder sep(StringBuilder sb) {
        return sb.length() == 0 ? sb : sb.append("; ");
    }

    /**
     * (n,k)-dominance with the {@code >} boundary: unsafe if the n largest contributions exceed
     * k % of the total.
     *
     * @param sortedDesc contributions, largest first
     */
    public static boolean dominanceUnsafe(double[] sortedDesc, double total, int n, double kPercent) {
        return new DominanceRule(n, kPercent, DominanceRule.Boundary.GT).unsafe(sortedDesc, total);
    }

    /**
     * p % rule: unsafe if T − x1 − x2 &lt; (p/100)·x1, so that the second-largest contributor can
     * estimate the largest to within p %.
     */
    public static boolean pPercentUnsafe(double[] sortedDesc, double total, double p) {
        return ratioBelow(sortedDesc, total, p, 100);
    }

    /** {@code x1 > 0} and {@code q·(T − x1 − x2) < p·x1}: the shared test of the p % and pq rules. */
    static boolean ratioBelow(double[] sortedDesc, double total, double p, double q) {
        double x1 = sortedDesc.length > 0 ? sortedDesc[0] : 0;
        double x2 = sortedDesc.length > 1 ? sortedDesc[1] : 0;
        return x1 > 0 && q * (total - x1 - x2) < p * x1;
    }
}
