package org.releaseauditor.ui.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.CellStatus;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.RecoveredCell;
import org.releaseauditor.core.aggregate.RecoveryResult;
import org.releaseauditor.core.aggregate.TableRuleResult;
import org.releaseauditor.core.aggregate.UnsafeCell;
import org.releaseauditor.core.i18n.Messages;

/**
 * Display data of the aggregates dashboard, computed off the FX thread from the tables and the
 * report by pure functions (no JavaFX): cell rows with status and colour, the area map, the
 * time × area grid, and the findings per rule. Holds keys and counts of the published tables only.
 */
public final class AggregateDisplay {
    private static final Pattern XY = Pattern.compile("(?i).*x(\\d+)[_-]?y(\\d+).*");

    private AggregateDisplay() {
    }

    /** One cell of a release table, as shown in the grid. */
    public record CellRow(String table, int index, List<String> key, String published, double raw,
            CellStatus status) {
        public CellRow {
            key = List.copyOf(key);
        }
    }

    /** The cells of one release table, with its dimension names. */
    public record TableGrid(String name, List<String> dimensions, List<CellRow> rows) {
        public TableGrid {
            dimensions = List.copyOf(dimensions);
            rows = List.copyOf(rows);
        }

        public long count(CellStatus s) {
            return rows.stream().filter(r -> r.status() == s).count();
        }
    }

    /**
     * An area placed on the plain grid: column, row (0 = north), its smallest published count and
     * how many of its cells are unsafe, exposed or recovered.
     */
    public record AreaPoint(String area, int column, int row, double minCount, int flagged) {
    }

    /** The map-like heatmap: areas on a grid of {@code columns × rows}. */
    public record AreaMap(String table, List<AreaPoint> points, int columns, int rows, double min, double max) {
        public AreaMap {
            points = List.copyOf(points);
        }
    }

    /**
     * Counts per time × area (NaN = withheld or not published), and per field the number of cells
     * below it that a rule, the audit or differencing flags.
     */
    public record TimeGrid(String table, List<String> times, List<String> areas, double[][] counts, int[][] flagged) {
        public TimeGrid {
            times = List.copyOf(times);
            areas = List.copyOf(areas);
        }

        public double max() {
            double m = 0;
            for (double[] row : counts) {
                for (double v : row) {
                    m = Double.isNaN(v) ? m : Math.max(m, v);
                }
            }
            return m;
        }
    }

    /** One line of the findings-per-rule table. */
    public record RuleFinding(String rule, long cells, String explanation, String path) {
        /** A finding without a catalogue entry of its own. */
        public RuleFinding(String rule, long cells, String explanation) {
            this(rule, cells, explanation, null);
        }
    }

    /** The upper end of the map's colour scale: three times the threshold, or the largest value. */
    public static double scaleMax(AreaMap map, AggregateReport r) {
        double t = r.threshold() == null ? 0 : 3 * r.threshold().threshold();
        return Math.max(Math.max(map.max(), t), 1);
    }

    /** Everything the dashboard shows after a run. */
    public record View(AggregateReport report, List<TableGrid> grids, AreaMap map, TimeGrid timeGrid,
            List<RuleFinding> findings) {
        public View {
            grids = List.copyOf(grids);
            findings = List.copyOf(findings);
        }
    }

    /** The localised name of a status. */
    public static String label(CellStatus s) {
        return Messages.get("uiagg.status." + s.name().toLowerCase(Locale.ROOT));
    }

    /** The rows of one table's grid. */
    public static TableGrid grid(CountTable t, AggregateReport report) {
        CellStatus[] s = CellStatus.classify(t, report);
        List<CellRow> rows = new ArrayList<>(t.cellCount());
        for (int c = 0; c < t.cellCount(); c++) {
            String pub = t.isSuppressed(c) ? "\u2013" : num(t.published(c));
            rows.add(new CellRow(t.name(), c, t.key(c), pub, t.isSuppressed(c) ? Double.NaN : t.raw(c), s[c]));
        }
        return new TableGrid(t.name(), t.dimensions(), rows);
    }

    /** Why a cell has its status: the rule that fired, the derivation, or the audit interval. */
    public static String explain(CellRow row, AggregateReport report) {
        List<String> lines = new ArrayList<>();
        String key = String.join(" | ", row.key());
        lines.add(Messages.get("uiagg.why.cell", row.table(), key, label(row.status())));
        for (TableRuleResult r : report.tables()) {
            if (r.table().equals(row.table())) {
                for (UnsafeCell u : r.unsafe()) {
                    if (u.index() == row.index()) {
                        lines.add(Messages.get("uiagg.why.rule", String.join(", ", u.rules()), u.detail()));
                    }
                }
            }
        }
        String keyString = String.join("|", row.key());
        for (RecoveredCell r : report.differencing()) {
            if (r.table().equals(row.table()) && String.join("|", r.cell()).equals(keyString)) {
                lines.add(Messages.get("uiagg.why.recovered", r.kind(), range(r.low(), r.high()), r.derivation()));
            }
        }
        if (report.audit() != null) {
            for (AuditedCell a : report.audit()) {
                if (a.table().equals(row.table()) && a.index() == row.index()) {
                    // the audit's own sentence: it never contradicts the verdict (exact, narrow,
                    // protected, unbounded or contradictory margins)
                    lines.add(Messages.get("uiagg.why.auditResult", a.explain()));
                }
            }
        }
        if (lines.size() == 1) {
            if (row.status() == CellStatus.SAFE) {
                lines.add(report.threshold() == null ? Messages.get("uiagg.why.safeNoRule")
                        : Messages.get("uiagg.why.safe", num(row.raw()), report.threshold().describe()));
            } else if (row.status() == CellStatus.SUPPRESSED) {
                lines.add(Messages.get(report.audit() == null ? "uiagg.why.suppressedNoAudit"
                        : "uiagg.why.suppressed"));
            }
        }
        return String.join("\n", lines);
    }

    /** The smallest published count per area on a plain grid (coordinates, xNyM names, or rows of 8). */
    public static AreaMap areaMap(String table, Map<String, Double> minByArea, Map<String, double[]> latLon,
            Map<String, Integer> flagged) {
        List<String> areas = new ArrayList<>(minByArea.keySet());
        Map<String, double[]> pos = new LinkedHashMap<>();
        boolean all = !areas.isEmpty();
        for (String a : areas) {
            double[] ll = latLon.get(a);
            if (ll != null) {
                pos.put(a, new double[] {ll[1], -ll[0]});
            } else {
                Matcher m = XY.matcher(a);
                if (m.matches()) {
                    pos.put(a, new double[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
                } else {
                    all = false;
                }
            }
        }
        List<AreaPoint> points = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : minByArea.values()) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (all) {
            TreeSet<Double> xs = new TreeSet<>();
            TreeSet<Double> ys = new TreeSet<>();
            pos.values().forEach(p -> {
                xs.add(p[0]);
                ys.add(p[1]);
            });
            List<Double> xl = new ArrayList<>(xs);
            List<Double> yl = new ArrayList<>(ys);
            for (String a : areas) {
                double[] p = pos.get(a);
                points.add(new AreaPoint(a, xl.indexOf(p[0]), yl.indexOf(p[1]), minByArea.get(a),
                        flagged.getOrDefault(a, 0)));
            }
            return new AreaMap(table, points, xl.size(), yl.size(), min, max);
        }
        int cols = Math.max(1, Math.min(8, (int) Math.ceil(Math.sqrt(areas.size()))));
        for (int i = 0; i < areas.size(); i++) {
            points.add(new AreaPoint(areas.get(i), i % cols, i / cols, minByArea.get(areas.get(i)),
                    flagged.getOrDefault(areas.get(i), 0)));
        }
        return new AreaMap(table, points, cols, (areas.size() + cols - 1) / cols, min, max);
    }

    /** Per value of {@code areaDim}: how many cells are unsafe, exposed or recovered. */
    public static Map<String, Integer> flaggedBy(CountTable t, CellStatus[] status, String areaDim) {
        Map<String, Integer> out = new LinkedHashMap<>();
        int d = t.dimensionIndex(areaDim);
        if (d < 0) {
            return out;
        }
        for (int c = 0; c < t.cellCount(); c++) {
            int code = t.code(d, c);
            if (code != CountTable.TOTAL && flagged(status[c])) {
                out.merge(t.value(d, code), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Whether a status is a finding (unsafe, exposed or recovered). */
    public static boolean flagged(CellStatus s) {
        return s == CellStatus.UNSAFE || s == CellStatus.EXPOSED || s == CellStatus.RECOVERED;
    }

    /**
     * Counts per (time, area): from cells specific in the area and time dimensions and at the
     * margin in every other dimension that has margins; dimensions without margins count as time.
     * {@code flagged} counts, per field, the cells of that time and area that are unsafe, exposed
     * or recovered.
     */
    public static TimeGrid timeGrid(CountTable t, CellStatus[] status, String areaDim, List<String> timeDims) {
        int ad = t.dimensionIndex(areaDim);
        int nd = t.dimensions().size();
        if (ad < 0) {
            return new TimeGrid(t.name(), List.of(), List.of(), new double[0][0], new int[0][0]);
        }
        boolean[] hasTotal = new boolean[nd];
        for (int c = 0; c < t.cellCount(); c++) {
            for (int d = 0; d < nd; d++) {
                hasTotal[d] |= t.code(d, c) == CountTable.TOTAL;
            }
        }
        List<Integer> td = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            if (d != ad && (timeDims.contains(t.dimensions().get(d)) || !hasTotal[d])) {
                td.add(d);
            }
        }
        List<String> areas = new ArrayList<>();
        for (int i = 0; i < t.cardinality(ad); i++) {
            areas.add(t.value(ad, i));
        }
        Map<String, Integer> timeIndex = new LinkedHashMap<>();
        Map<Long, double[]> values = new HashMap<>();
        Map<Long, int[]> flags = new HashMap<>();
        for (int c = 0; c < t.cellCount(); c++) {
            int a = t.code(ad, c);
            if (a == CountTable.TOTAL) {
                continue;
            }
            StringBuilder label = new StringBuilder();
            boolean specific = true;
            for (int d : td) {
                int code = t.code(d, c);
                specific &= code != CountTable.TOTAL;
                label.append(label.length() == 0 ? "" : " ").append(code == CountTable.TOTAL ? "*" : t.value(d, code));
            }
            if (!specific) {
                continue;
            }
            int ti = timeIndex.computeIfAbsent(label.toString(), k -> timeIndex.size());
            long field = (long) ti * areas.size() + a;
            CellStatus s = status[c];
            if (flagged(s)) {
                flags.computeIfAbsent(field, k -> new int[1])[0]++;
            }
            boolean margins = true;
            for (int d = 0; d < nd && margins; d++) {
                margins = d == ad || td.contains(d) || t.code(d, c) == CountTable.TOTAL;
            }
            if (margins) {
                values.put(field, new double[] {t.isSuppressed(c) ? Double.NaN : t.raw(c)});
            }
        }
        List<String> times = new ArrayList<>(timeIndex.keySet());
        double[][] counts = new double[times.size()][areas.size()];
        int[][] flagged = new int[times.size()][areas.size()];
        for (int i = 0; i < times.size(); i++) {
            for (int j = 0; j < areas.size(); j++) {
                long f = (long) i * areas.size() + j;
                double[] v = values.get(f);
                counts[i][j] = v == null ? Double.NaN : v[0];
                int[] fl = flags.get(f);
                flagged[i][j] = fl == null ? 0 : fl[0];
            }
        }
        return new TimeGrid(t.name(), times, areas, counts, flagged);
    }

    /** Findings per rule: primary rules, audit, differencing by kind, group disclosure. */
    public static List<RuleFinding> findings(AggregateReport r) {
        List<RuleFinding> out = new ArrayList<>();
        Map<String, Long> byRule = new LinkedHashMap<>();
        byRule.put("threshold", 0L);
        if (r.dominanceN() > 0) {
            byRule.put("dominance", 0L);
        }
        if (!Double.isNaN(r.pPercent())) {
            byRule.put("p-percent", 0L);
        }
        if (r.pq() != null) {
            byRule.put("pq", 0L);
        }
        for (TableRuleResult t : r.tables()) {
            for (UnsafeCell u : t.unsafe()) {
                for (String rule : u.rules()) {
                    byRule.merge(rule, 1L, Long::sum);
                }
            }
        }
        byRule.forEach((rule, n) -> out.add(new RuleFinding(Messages.get("uiagg.rule." + rule), n,
                Messages.get("uiagg.rule." + rule + ".explain", ruleText(r, rule)), rulePath(rule))));
        out.add(new RuleFinding(Messages.get("uiagg.rule.audit"),
                r.audit() == null ? -1 : r.audit().stream().filter(AuditedCell::exposed).count(),
                Messages.get(r.audit() == null ? "uiagg.rule.audit.off" : "uiagg.rule.audit.explain"),
                "aggregates.exposedCells"));
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (RecoveredCell c : r.differencing()) {
            byKind.merge(c.kind(), 1L, Long::sum);
        }
        if (byKind.isEmpty()) {
            byKind.put("margin", 0L);
        }
        byKind.forEach((kind, n) -> out.add(new RuleFinding(Messages.get("uiagg.rule.diff", kind), n,
                Messages.get("uiagg.rule.diff.explain"), "aggregates.recoverableCells")));
        out.add(new RuleFinding(Messages.get("uiagg.rule.group"), r.groupBy() == null ? -1 : r.groups().size(),
                Messages.get(r.groupBy() == null ? "uiagg.rule.group.off" : "uiagg.rule.group.explain"),
                "aggregates.disclosedGroups"));
        return out;
    }

    /** The catalogue path of a disclosure rule (F1 help of its line in the findings table). */
    static String rulePath(String rule) {
        return switch (rule) {
            case "threshold" -> "rules.threshold";
            case "dominance" -> "rules.dominance";
            case "p-percent" -> "rules.pPercent";
            case "pq" -> "rules.pq";
            default -> "aggregates.unsafeCells";
        };
    }

    /** The rule as applied, with its operator and parameters (for example {@code top 2 >= 90% of the cell total}). */
    static String ruleText(AggregateReport r, String rule) {
        return switch (rule) {
            case "threshold" -> r.threshold() == null ? "\u2013" : r.threshold().describe();
            case "dominance" -> r.dominance() == null ? "\u2013" : r.dominance().describe();
            case "p-percent" -> Double.isNaN(r.pPercent()) ? "\u2013" : "T - x1 - x2 < " + num(r.pPercent()) + "% of x1";
            case "pq" -> r.pq() == null ? "\u2013" : r.pq().describe();
            default -> "";
        };
    }

    /**
     * Every primary rule of the report in one line, each with its operator: the threshold rule,
     * dominance with its boundary, p %, pq and the all-zero convention.
     */
    public static String rulesSummary(AggregateReport r) {
        List<String> parts = new ArrayList<>();
        if (r.threshold() != null) {
            parts.add(r.threshold().describe());
        }
        if (r.dominance() != null) {
            parts.add(r.dominance().describe());
        }
        if (!Double.isNaN(r.pPercent())) {
            parts.add(ruleText(r, "p-percent"));
        }
        if (r.pq() != null) {
            parts.add("pq: " + r.pq().describe());
        }
        if (r.rules().zeroMagnitudeUnsafe()) {
            parts.add(Messages.get("uiagg.rules.zeroMagnitude"));
        }
        return parts.isEmpty() ? Messages.get("uiagg.rules.none") : String.join("; ", parts);
    }

    /**
     * The trajectory-recovery figures for a card: the accuracy, or its range over the
     * tie-breaks evaluated with the bound that holds for every tie-break when the attack tied.
     *
     * @return value, sub-line; or null without a recovery test
     */
    public static String[] recovery(AggregateReport r) {
        RecoveryResult rec = r.recovery();
        if (rec == null) {
            return null;
        }
        if (!rec.tie()) {
            return new String[] {pct(rec.accuracy()), Messages.get("uiagg.card.recovery.sub", rec.users(),
                rec.observedPoints(), pct(rec.withinDayAccuracy()))};
        }
        String value = rec.accuracyMin() == rec.accuracyMax() ? pct(rec.accuracyMin())
                : pct(rec.accuracyMin()) + "\u2013" + pct(rec.accuracyMax());
        return new String[] {value, Messages.get(rec.rangeExact() ? "uiagg.card.recovery.tieExact"
                : "uiagg.card.recovery.tie", rec.ties(), rec.tieBreaks(), pct(rec.accuracyLowerBound()),
                pct(rec.accuracyUpperBound()))};
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Messages.locale(), "%.1f %%", 100 * v);
    }

    /** The smallest minimum count over all tables (NaN when none). */
    public static double minCount(AggregateReport r) {
        double m = Double.NaN;
        for (TableRuleResult t : r.tables()) {
            if (!Double.isNaN(t.minCount()) && !(m <= t.minCount())) {
                m = t.minCount();
            }
        }
        return m;
    }

    static String range(double low, double high) {
        return low == high ? num(low) : "[" + num(low) + ", " + (Double.isInfinite(high) ? "\u221e" : num(high)) + "]";
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "\u2013";
        }
        if (Double.isInfinite(v)) {
            return "\u221e";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? org.releaseauditor.ui.fx.Numbers.fixed(v, 0)
                : org.releaseauditor.ui.fx.Numbers.fixed(v, 2);
    }
}
