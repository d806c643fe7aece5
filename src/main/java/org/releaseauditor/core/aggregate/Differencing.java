package org.releaseauditor.core.aggregate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Differencing (METRICS.md §3): recovers withheld cells from margins minus published cells, from
 * other tables of the same release set that overlap on dimensions, and from hierarchy levels
 * drawn differently (boundary changes); and, across a series of cumulative releases, finds
 * increments between consecutive releases that fail the threshold rule.
 *
 * <p>Method: repeated elimination over the identities of {@link ReleaseModel}: an identity with
 * exactly one unknown term determines it; recovered values feed further eliminations. Exact
 * elimination finds what a person with a calculator finds. Given the LP audit's intervals
 * ({@link SuppressionAudit}), every withheld cell that the published numbers pin to an interval
 * at most {@code width} wide is reported too: {@code combination} when several identities
 * together fix it exactly, {@code bounded} otherwise. Differencing and the audit then agree on
 * which cells are pinned, by construction.
 */
public final class Differencing {

    private Differencing() {
    }

    /**
     * @param width     report withheld cells pinned to an interval at most this wide (0 = exact only)
     * @param threshold rule that decides whether an unpublished derived number is worth reporting
     */
    public static List<RecoveredCell> within(ReleaseModel model, double width, ThresholdRule threshold,
            ProgressMonitor monitor) {
        return within(model, width, threshold, null, monitor);
    }

    /**
     * @param width     report withheld cells pinned to an interval at most this wide (0 = exact only)
     * @param threshold rule that decides whether an unpublished derived number is worth reporting
     * @param audit     the LP audit of the same model ({@link SuppressionAudit#audit}), or null:
     *                  then only single identities bound a cell, which misses cells that a
     *                  combination of identities pins
     */
    public static List<RecoveredCell> within(ReleaseModel model, double width, ThresholdRule threshold,
            List<AuditedCell> audit, ProgressMonitor monitor) {
        int n = model.quantityCount();
        double[] val = new double[n];
        String[] how = new String[n];
        boolean[] sameTable = new boolean[n];
        for (int q = 0; q < n; q++) {
            val[q] = model.known(q);
        }
        List<ReleaseModel.Identity> ids = model.identityList();
        List<List<Integer>> byQuantity = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            byQuantity.add(new ArrayList<>(2));
        }
        for (int i = 0; i < ids.size(); i++) {
            byQuantity.get(ids.get(i).parent()).add(i);
            for (int k : ids.get(i).children()) {
                byQuantity.get(k).add(i);
            }
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < ids.size(); i++) {
            queue.add(i);
        }
        long steps = 0;
        while (!queue.isEmpty()) {
            if (++steps % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
            }
            ReleaseModel.Identity id = ids.get(queue.poll());
            int unknown = -1;
            int unknowns = 0;
            if (Double.isNaN(val[id.parent()])) {
                unknown = id.parent();
                unknowns++;
            }
            for (int k : id.children()) {
                if (Double.isNaN(val[k])) {
                    unknown = k;
                    unknowns++;
                }
            }
            if (unknowns != 1) {
                continue;
            }
            double sum = 0;
            StringBuilder d = new StringBuilder();
            if (unknown == id.parent()) {
                for (int k : id.children()) {
                    sum += val[k];
                    term(d, d.length() == 0 ? "" : " + ", model, k, val[k]);
                }
                val[unknown] = sum;
            } else {
                term(d, "", model, id.parent(), val[id.parent()]);
                double rest = 0;
                for (int k : id.children()) {
                    if (k != unknown) {
                        rest += val[k];
                        term(d, " - ", model, k, val[k]);
                    }
                }
                val[unknown] = Math.max(0, val[id.parent()] - rest);
            }
            how[unknown] = d + " (along " + id.dimension() + ")";
            sameTable[unknown] = sameTable(model, id);
            for (int next : byQuantity.get(unknown)) {
                queue.add(next);
            }
        }
        return report(model, val, how, sameTable, byQuantity, width, threshold, audit);
    }

    private static List<RecoveredCell> report(ReleaseModel model, double[] val, String[] how, boolean[] sameTable,
            List<List<Integer>> byQuantity, double width, ThresholdRule threshold, List<AuditedCell> audit) {
        Map<String, AuditedCell> intervals = new HashMap<>();
        if (audit != null) {
            for (AuditedCell a : audit) {
                intervals.put(a.table() + "\u0000" + a.index(), a);
            }
        }
        List<RecoveredCell> out = new ArrayList<>();
        List<CountTable> tables = model.release().tables();
        Set<String> seen = new HashSet<>();
        for (int ti = 0; ti < tables.size(); ti++) {
            CountTable t = tables.get(ti);
            for (int c = 0; c < t.cellCount(); c++) {
                if (!t.isSuppressed(c)) {
                    continue;
                }
                int q = model.quantityOf(ti, c);
                String label = t.name() + "[" + t.keyString(c) + "]";
                if (!seen.add(label)) {
                    continue;
                }
                List<String> loc = model.location(q);
                AuditedCell lp = intervals.get(t.name() + "\u0000" + c);
                if (!Double.isNaN(model.known(q))) {
                    out.add(new RecoveredCell(t.name(), t.key(c), model.known(q), model.known(q),
                            "published-elsewhere", label + " = " + publisher(model, q) + " = "
                                    + ReleaseModel.fmt(model.known(q)), loc));
                } else if (!Double.isNaN(val[q])) {
                    out.add(new RecoveredCell(t.name(), t.key(c), val[q], val[q], sameTable[q] ? "margin" : "overlap",
                            label + " = " + how[q] + " = " + ReleaseModel.fmt(val[q]), loc));
                } else if (lp != null) {
                    if (lp.feasible() && lp.width() <= width + AuditedCell.TOLERANCE * Math.max(1, width)) {
                        boolean exact = lp.width() < 1e-6;
                        out.add(new RecoveredCell(t.name(), t.key(c), lp.low(), lp.high(),
                                exact ? "combination" : "bounded", label + (exact ? " = " + ReleaseModel.fmt(lp.low())
                                        + ", forced by several published identities together (LP)"
                                        : " in [" + ReleaseModel.fmt(lp.low()) + ", " + ReleaseModel.fmt(lp.high())
                                                + "], the range every published identity allows together (LP)"),
                                loc));
                    }
                } else if (width > 0) {
                    RecoveredCell b = bounded(model, q, t, c, val, byQuantity, width, label);
                    if (b != null) {
                        out.add(b);
                    }
                }
            }
        }
        for (int q = 0; q < model.quantityCount(); q++) {
            if (model.unpublished(q) && !Double.isNaN(val[q]) && threshold != null && threshold.unsafe(val[q])) {
                out.add(new RecoveredCell("unpublished", model.location(q), val[q], val[q], "derived",
                        model.label(q) + " = " + how[q] + " = " + ReleaseModel.fmt(val[q]) + ", "
                                + threshold.describe(), model.location(q)));
            }
        }
        return out;
    }

    private static String publisher(ReleaseModel model, int q) {
        int[] s = model.sources(q);
        for (int i = 0; i < s.length; i += 2) {
            CountTable t = model.release().tables().get(s[i]);
            if (!t.isSuppressed(s[i + 1])) {
                return t.name() + "[" + t.keyString(s[i + 1]) + "]";
            }
        }
        return model.label(q);
    }

    private static RecoveredCell bounded(ReleaseModel model, int q, CountTable t, int c, double[] val,
            List<List<Integer>> byQuantity, double width, String label) {
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        String why = null;
        for (int i : byQuantity.get(q)) {
            ReleaseModel.Identity id = model.identityList().get(i);
            if (id.parent() == q) {
                double s = 0;
                for (int k : id.children()) {
                    s += Double.isNaN(val[k]) ? 0 : val[k];
                }
                low = Math.max(low, s);
            } else if (!Double.isNaN(val[id.parent()])) {
                double rest = 0;
                for (int k : id.children()) {
                    rest += Double.isNaN(val[k]) ? 0 : val[k];
                }
                double h = val[id.parent()] - rest;
                if (h < high) {
                    high = h;
                    why = model.label(id.parent()) + " (" + ReleaseModel.fmt(val[id.parent()]) + ") minus published "
                            + id.dimension() + " cells (" + ReleaseModel.fmt(rest) + ")";
                }
            }
        }
        if (high - low <= width) {
            return new RecoveredCell(t.name(), t.key(c), low, high, "bounded",
                    label + " <= " + why + " = " + ReleaseModel.fmt(high), model.location(q));
        }
        return null;
    }

    private static boolean sameTable(ReleaseModel model, ReleaseModel.Identity id) {
        Set<Integer> tables = new HashSet<>();
        addTables(model, id.parent(), tables);
        for (int k : id.children()) {
            addTables(model, k, tables);
        }
        return tables.size() <= 1;
    }

    private static void addTables(ReleaseModel model, int q, Set<Integer> tables) {
        int[] s = model.sources(q);
        for (int i = 0; i < s.length; i += 2) {
            tables.add(s[i]);
        }
    }

    private static void term(StringBuilder d, String op, ReleaseModel model, int q, double v) {
        d.append(op).append(model.label(q)).append(" (").append(ReleaseModel.fmt(v)).append(')');
    }

    /** What comparing consecutive releases found. */
    public record SeriesResult(List<RecoveredCell> increments, List<SeriesDecrease> decreases) {
        public SeriesResult {
            increments = List.copyOf(increments);
            decreases = List.copyOf(decreases);
        }
    }

    /**
     * Consecutive releases of cumulative counts: for each cell of a table in a release and the
     * next one (same table name, dimensions and key), the increment next − previous is a
     * published number in disguise; it is reported when it fails the threshold rule. A cell that
     * the earlier release does not list counts as 0 there (a new area that appears with 3 people
     * reveals a group of 3), and so does a cell that the later release drops. Withheld cells are
     * skipped. A cell that decreases makes the series not cumulative: it is reported as a
     * {@link SeriesDecrease} instead of being dropped silently.
     */
    public static SeriesResult series(List<ReleaseSet> series, ThresholdRule threshold, ProgressMonitor monitor) {
        List<RecoveredCell> out = new ArrayList<>();
        List<SeriesDecrease> decreases = new ArrayList<>();
        for (int r = 1; r < series.size(); r++) {
            monitor.checkCancelled();
            ReleaseSet prev = series.get(r - 1);
            ReleaseSet next = series.get(r);
            for (CountTable b : next.tables()) {
                CountTable a = prev.tables().stream().filter(x -> x.name().equals(b.name())).findFirst().orElse(null);
                if (a == null || !a.dimensions().equals(b.dimensions())) {
                    continue;
                }
                Map<String, Integer> before = new HashMap<>(a.cellCount() * 2);
                for (int c = 0; c < a.cellCount(); c++) {
                    before.put(a.keyString(c), c);
                }
                Set<String> seen = new HashSet<>();
                for (int c = 0; c < b.cellCount(); c++) {
                    if (c % ProgressMonitor.CHECK_INTERVAL == 0) {
                        monitor.checkCancelled();
                    }
                    String key = b.keyString(c);
                    seen.add(key);
                    Integer ca = before.get(key);
                    if ((ca != null && a.isSuppressed(ca)) || b.isSuppressed(c)) {
                        continue;
                    }
                    double old = ca == null ? 0 : a.raw(ca);
                    double inc = b.raw(c) - old;
                    if (inc < 0) {
                        decreases.add(new SeriesDecrease(b.name(), b.key(c), prev.name(), next.name(), old, b.raw(c)));
                    } else if (threshold.unsafe(inc)) {
                        String was = ca == null ? prev.name() + ":" + a.name() + "[" + key + "] (absent = 0)"
                                : prev.name() + ":" + a.name() + "[" + a.keyString(ca) + "] ("
                                        + ReleaseModel.fmt(old) + ")";
                        out.add(new RecoveredCell(b.name(), b.key(c), inc, inc, "series-increment",
                                next.name() + ":" + b.name() + "[" + key + "] (" + ReleaseModel.fmt(b.raw(c)) + ") - "
                                        + was + " = " + ReleaseModel.fmt(inc) + ", " + threshold.describe(),
                                RecoveredCell.prefixed(next.name() + ":" + b.name(), b.key(c))));
                    }
                }
                for (int c = 0; c < a.cellCount(); c++) {
                    if (!seen.contains(a.keyString(c)) && !a.isSuppressed(c) && a.raw(c) > 0) {
                        decreases.add(new SeriesDecrease(a.name(), a.key(c), prev.name(), next.name(), a.raw(c), 0));
                    }
                }
            }
        }
        return new SeriesResult(out, decreases);
    }

    /**
     * The increments of {@link #series} (decreases are in {@link #series}'s result only).
     */
    public static List<RecoveredCell> seriesIncrements(List<ReleaseSet> series, ThresholdRule threshold,
            ProgressMonitor monitor) {
        return series(series, threshold, monitor).increments();
    }
}
