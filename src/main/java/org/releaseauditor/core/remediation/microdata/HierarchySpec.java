package org.releaseauditor.core.remediation.microdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * How to build a generalisation hierarchy automatically from a column's values. Text form (CLI,
 * request JSON): {@code auto}, {@code interval}, {@code interval:5,10,20}, {@code date},
 * {@code prefix} or {@code suppress}. A hierarchy file is not a spec: it is read by the adapter and
 * passed as a {@link GeneralizationHierarchy}.
 *
 * @param kind   the builder
 * @param widths for {@link Kind#INTERVAL}: the interval widths of levels 1, 2, …, each a multiple of
 *               the one before (empty: chosen from the value range)
 */
public record HierarchySpec(Kind kind, List<Double> widths) {

    /** The automatic builders. */
    public enum Kind {
        /** Chosen from the column type: intervals for numbers, date parts for dates, prefixes for codes, else suppress. */
        AUTO,
        /** Intervals of growing width for integers and decimals, then {@code *}. */
        INTERVAL,
        /** day → month → quarter → year → {@code *} for ISO dates and timestamps. */
        DATE,
        /** Prefix truncation for postcodes and other codes: one more trailing character replaced by {@code *} per level. */
        PREFIX,
        /** Two levels: the value, then {@code *}. */
        SUPPRESS
    }

    public HierarchySpec {
        widths = List.copyOf(widths == null ? List.of() : widths);
    }

    public static HierarchySpec auto() {
        return new HierarchySpec(Kind.AUTO, List.of());
    }

    /** Parses the text form. */
    public static HierarchySpec parse(String text) throws ConfigurationException {
        String t = text == null ? "" : text.trim();
        String head = t;
        String tail = null;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            head = t.substring(0, colon);
            tail = t.substring(colon + 1);
        }
        Kind kind;
        try {
            kind = Kind.valueOf(head.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("remediation.hierarchy.badSpec", text);
        }
        if (tail == null) {
            return new HierarchySpec(kind, List.of());
        }
        if (kind != Kind.INTERVAL) {
            throw new ConfigurationException("remediation.hierarchy.badSpec", text);
        }
        List<Double> widths = new ArrayList<>();
        for (String part : tail.split(",")) {
            try {
                double w = Double.parseDouble(part.trim());
                if (!(w > 0) || Double.isInfinite(w)) {
                    throw new ConfigurationException("remediation.hierarchy.badWidths", text);
                }
                widths.add(w);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("remediation.hierarchy.badWidths", text);
            }
        }
        for (int i = 1; i < widths.size(); i++) {
            double ratio = widths.get(i) / widths.get(i - 1);
            if (ratio < 1.5 || Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
                throw new ConfigurationException("remediation.hierarchy.badWidths", text);
            }
        }
        return new HierarchySpec(kind, widths);
    }

    /** The text form. */
    public String text() {
        String k = kind.name().toLowerCase(Locale.ROOT);
        if (widths.isEmpty()) {
            return k;
        }
        List<String> w = new ArrayList<>();
        for (double d : widths) {
            w.add(d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d));
        }
        return k + ":" + String.join(",", w);
    }
}
