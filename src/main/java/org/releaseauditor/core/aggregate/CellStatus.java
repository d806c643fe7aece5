package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status of every cell of a table after an analysis, for colouring a table grid. The most
 * serious finding wins: recovered &gt; exposed &gt; suppressed; unsafe &gt; safe.
 */
public enum CellStatus {
    SAFE, UNSAFE, SUPPRESSED, EXPOSED, RECOVERED;

    /** One status per cell of {@code table} (by row index). */
    public static CellStatus[] classify(CountTable table, AggregateReport report) {
        CellStatus[] s = new CellStatus[table.cellCount()];
        Arrays.fill(s, SAFE);
        Map<String, Integer> byKey = new HashMap<>();
        for (int c = 0; c < s.length; c++) {
            if (table.isSuppressed(c)) {
                s[c] = SUPPRESSED;
                byKey.put(table.keyString(c), c);
            }
        }
        for (TableRuleResult r : report.tables()) {
            if (r.table().equals(table.name())) {
                for (UnsafeCell u : r.unsafe()) {
                    s[u.index()] = UNSAFE;
                }
            }
        }
        if (report.audit() != null) {
            for (AuditedCell a : report.audit()) {
                if (a.table().equals(table.name()) && a.exposed()) {
                    s[a.index()] = EXPOSED;
                }
            }
        }
        for (RecoveredCell r : report.differencing()) {
            if (r.table().equals(table.name()) && !"series-increment".equals(r.kind())) {
                Integer c = byKey.get(String.join("|", r.cell()));
                if (c != null) {
                    s[c] = RECOVERED;
                }
            }
        }
        return s;
    }

    /**
     * For a map-like heatmap: the smallest published non-zero raw count per value of
     * {@code areaDim}, over the table's non-margin cells (NaN when an area has none).
     */
    public static Map<String, Double> minCountBy(CountTable table, String areaDim) {
        int d = table.dimensionIndex(areaDim);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (d < 0) {
            return out;
        }
        for (int c = 0; c < table.cellCount(); c++) {
            if (table.isMargin(c)) {
                continue;
            }
            String area = table.value(d, table.code(d, c));
            double v = table.isSuppressed(c) ? Double.NaN : table.raw(c);
            double old = out.getOrDefault(area, Double.NaN);
            out.put(area, v > 0 && !(old <= v) ? v : old);
        }
        return out;
    }

    /**
     * For a time × area heatmap: {@code [time][area]} raw counts from the cells that are specific
     * in both dimensions and margins elsewhere (NaN when withheld or absent), with the row and
     * column labels.
     */
    public record Grid(List<String> times, List<String> areas, double[][] counts) {
    }

    public static Grid timeByArea(CountTable table, String timeDim, String areaDim) {
        int td = table.dimensionIndex(timeDim);
        int ad = table.dimensionIndex(areaDim);
        List<String> times = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        if (td < 0 || ad < 0) {
            return new Grid(times, areas, new double[0][0]);
        }
        for (int i = 0; i < table.cardinality(td); i++) {
            times.add(table.value(td, i));
        }
        for (int i = 0; i < table.cardinality(ad); i++) {
            areas.add(table.value(ad, i));
        }
        double[][] g = new double[times.size()][areas.size()];
        for (double[] row : g) {
            Arrays.fill(row, Double.NaN);
        }
        for (int c = 0; c < table.cellCount(); c++) {
            boolean ok = table.code(td, c) != CountTable.TOTAL && table.code(ad, c) != CountTable.TOTAL;
            for (int d = 0; d < table.dimensions().size() && ok; d++) {
                ok = d == td || d == ad || table.code(d, c) == CountTable.TOTAL;
            }
            if (ok && !table.isSuppressed(c)) {
                g[table.code(td, c)][table.code(ad, c)] = table.raw(c);
            }
        }
        return new Grid(times, areas, g);
    }
}
