package org.releaseauditor.core.remediation.microdata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.TypeInference;

/**
 * Builds generalisation hierarchies from a column's distinct values (the leaves are exactly the
 * values present; missing values and {@code *} are handled by the search, not listed here).
 *
 * <ul>
 *   <li><b>Intervals</b> (integers, decimals): level i groups values into intervals of width
 *       w<sub>i</sub> aligned at 0 ({@code ⌊v/w⌋·w}), so that each level nests in the next when every
 *       width is a multiple of the one before. Integers are labelled {@code 20-24} (inclusive),
 *       decimals {@code [1.5, 2)} (half-open). Without widths, w<sub>1</sub> is the smallest of
 *       1, 2, 5 × 10<sup>k</sup> that is at least (max − min)/20 (at least 1 for integers), and each
 *       further level doubles it until one interval would hold every value. The top level is
 *       {@code *}.</li>
 *   <li><b>Dates</b> (ISO {@code yyyy-MM-dd}, optionally with a time): day → month ({@code 2024-03})
 *       → quarter ({@code 2024-Q1}) → year → {@code *}; timestamps get a day level first.</li>
 *   <li><b>Prefixes</b> (postcodes, other codes): level i replaces the last i characters by
 *       {@code *} ({@code 10115} → {@code 1011*} → … → {@code *****}), then {@code *} if the codes
 *       differ in length.</li>
 *   <li><b>Suppress</b>: the value, then {@code *}.</li>
 * </ul>
 * {@link HierarchySpec.Kind#AUTO} chooses intervals for integer and decimal columns, dates for date
 * columns, prefixes for codes (every value made of digits and capital letters without spaces, and
 * either all digits or a column name that says code, zip, postcode, plz or area), and suppress
 * otherwise.
 */
public final class HierarchyBuilder {

    /** The label of the most general level. */
    public static final String TOP = "*";
    /** Level 1 of an automatic interval hierarchy has about this many intervals. */
    static final int TARGET_INTERVALS = 20;

    private HierarchyBuilder() {
    }

    /** Builds the hierarchy that {@code spec} describes for {@code column}. */
    public static GeneralizationHierarchy build(Column column, HierarchySpec spec) throws ConfigurationException {
        List<String> values = distinctValues(column);
        HierarchySpec.Kind kind = spec.kind() == HierarchySpec.Kind.AUTO ? choose(column, values) : spec.kind();
        return switch (kind) {
            case INTERVAL -> intervals(column.name(), values, spec.widths(), column.type() == ColumnType.INTEGER
                    || column.type() != ColumnType.DECIMAL && allIntegers(values));
            case DATE -> dates(column.name(), values);
            case PREFIX -> prefixes(column.name(), values);
            case SUPPRESS, AUTO -> suppress(column.name(), values);
        };
    }

    /** The builder {@link HierarchySpec.Kind#AUTO} picks for a column. */
    public static HierarchySpec.Kind choose(Column column, List<String> values) {
        if (column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL) {
            return HierarchySpec.Kind.INTERVAL;
        }
        if (column.type() == ColumnType.DATE_TIME) {
            return HierarchySpec.Kind.DATE;
        }
        return looksLikeCode(column.name(), values) ? HierarchySpec.Kind.PREFIX : HierarchySpec.Kind.SUPPRESS;
    }

    /** The column's dictionary values, sorted (numerically when numeric). */
    static List<String> distinctValues(Column column) {
        List<String> values = new ArrayList<>(Arrays.asList(column.dictionary()));
        if (column.type().isNumeric()) {
            values.sort((a, b) -> {
                double x = parse(a);
                double y = parse(b);
                return Double.isNaN(x) || Double.isNaN(y) ? a.compareTo(b) : Double.compare(x, y);
            });
        } else {
            values.sort(null);
        }
        return values;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean allIntegers(List<String> values) {
        for (String v : values) {
            if (!TypeInference.matches(v, ColumnType.INTEGER)) {
                return false;
            }
        }
        return true;
    }

    static boolean looksLikeCode(String name, List<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        boolean allDigits = true;
        for (String v : values) {
            if (v.isEmpty()) {
                return false;
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                if (!digit && !(c >= 'A' && c <= 'Z')) {
                    return false;
                }
                allDigits &= digit;
            }
        }
        String n = name.toLowerCase(Locale.ROOT);
        boolean named = n.contains("code") || n.contains("zip") || n.contains("post") || n.contains("plz")
                || n.contains("area");
        return allDigits || named;
    }

    // ------------------------------------------------------------------------------- intervals

    static GeneralizationHierarchy intervals(String attribute, List<String> values, List<Double> widths,
                                             boolean integer) throws ConfigurationException {
        BigDecimal[] numbers = new BigDecimal[values.size()];
        BigDecimal min = null;
        BigDecimal max = null;
        for (int i = 0; i < numbers.length; i++) {
            try {
                numbers[i] = new BigDecimal(values.get(i).trim());
            } catch (NumberFormatException e) {
                throw new ConfigurationException("remediation.hierarchy.notNumeric", attribute);
            }
            if (integer && numbers[i].stripTrailingZeros().scale() > 0) {
                integer = false;
            }
            min = min == null || numbers[i].compareTo(min) < 0 ? numbers[i] : min;
            max = max == null || numbers[i].compareTo(max) > 0 ? numbers[i] : max;
        }
        List<BigDecimal> levelWidths = new ArrayList<>();
        if (widths.isEmpty()) {
            if (min != null && max.compareTo(min) > 0) {
                BigDecimal w = niceWidth(max.subtract(min).doubleValue() / TARGET_INTERVALS, integer);
                while (distinctLabels(numbers, w, integer) > 1) {
                    levelWidths.add(w);
                    w = w.multiply(BigDecimal.valueOf(2));
                }
            }
        } else {
            for (double w : widths) {
                BigDecimal bw = new BigDecimal(Double.toString(w));
                if (integer && bw.stripTrailingZeros().scale() > 0) {
                    integer = false;
                }
                if (distinctLabels(numbers, bw, integer) > 1) {
                    levelWidths.add(bw);
                }
            }
        }
        String source = "interval:" + String.join(",", levelWidths.stream()
                .map(w -> w.stripTrailingZeros().toPlainString()).toList());
        List<String[]> rows = new ArrayList<>(values.size());
        for (int i = 0; i < numbers.length; i++) {
            String[] row = new String[levelWidths.size() + 2];
            row[0] = values.get(i);
            for (int l = 0; l < levelWidths.size(); l++) {
                row[l + 1] = intervalLabel(numbers[i], levelWidths.get(l), integer);
            }
            row[row.length - 1] = TOP;
            rows.add(row);
        }
        return GeneralizationHierarchy.of(attribute, source, rows);
    }

    /** The smallest of 1, 2, 5 × 10^k that is at least {@code raw} (at least 1 for integers). */
    static BigDecimal niceWidth(double raw, boolean integer) {
        if (!(raw > 0)) {
            return BigDecimal.ONE;
        }
        int exp = (int) Math.floor(Math.log10(raw));
        BigDecimal base = BigDecimal.ONE.scaleByPowerOfTen(exp);
        for (int step = 0; step < 4; step++) {
            for (int m : new int[] {1, 2, 5}) {
                BigDecimal w = base.multiply(BigDecimal.valueOf(m));
                if (w.doubleValue() >= raw * (1 - 1e-12)) {
                    return integer && w.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : w.stripTrailingZeros();
                }
            }
            base = base.scaleByPowerOfTen(1);
        }
        return base;
    }

    private static int distinctLabels(BigDecimal[] numbers, BigDecimal w, boolean integer) {
        Set<String> s = new HashSet<>();
        for (BigDecimal n : numbers) {
            s.add(intervalLabel(n, w, integer));
        }
        return s.size();
    }

    static String intervalLabel(BigDecimal v, BigDecimal w, boolean integer) {
        BigDecimal k = v.divide(w, 0, RoundingMode.FLOOR);
        BigDecimal lo = k.multiply(w);
        BigDecimal hi = lo.add(w);
        if (integer) {
            BigDecimal last = hi.subtract(BigDecimal.ONE);
            String a = lo.stripTrailingZeros().toPlainString();
            String b = last.stripTrailingZeros().toPlainString();
            if (lo.signum() < 0) {
                return "[" + a + ", " + b + "]";
            }
            return lo.compareTo(last) == 0 ? a : a + "-" + b;
        }
        return "[" + lo.stripTrailingZeros().toPlainString() + ", " + hi.stripTrailingZeros().toPlainString() + ")";
    }

    // ----------------------------------------------------------------------------------- dates

    static GeneralizationHierarchy dates(String attribute, List<String> values) throws ConfigurationException {
        boolean withTime = false;
        for (String v : values) {
            if (!TypeInference.matches(v, ColumnType.DATE_TIME)) {
                throw new ConfigurationException("remediation.hierarchy.notDate", attribute);
            }
            withTime |= v.length() > 10;
        }
        List<String[]> rows = new ArrayList<>(values.size());
        for (String v : values) {
            List<String> row = new ArrayList<>(6);
            row.add(v);
            if (withTime) {
                row.add(v.substring(0, 10));
            }
            int month = Integer.parseInt(v.substring(5, 7));
            row.add(v.substring(0, 7));
            row.add(v.substring(0, 4) + "-Q" + ((month - 1) / 3 + 1));
            row.add(v.substring(0, 4));
            row.add(TOP);
            rows.add(row.toArray(new String[0]));
        }
        return GeneralizationHierarchy.of(attribute, withTime ? "date:day,month,quarter,year" : "date:month,quarter,year",
                rows);
    }

    // -------------------------------------------------------------------------------- prefixes

    static GeneralizationHierarchy prefixes(String attribute, List<String> values) throws ConfigurationException {
        int maxLen = 0;
        Set<Integer> lengths = new HashSet<>();
        for (String v : values) {
            maxLen = Math.max(maxLen, v.length());
            lengths.add(v.length());
        }
        boolean extraTop = lengths.size() > 1;
        List<String[]> rows = new ArrayList<>(values.size());
        for (String v : values) {
            String[] row = new String[maxLen + 1 + (extraTop ? 1 : 0)];
            row[0] = v;
            for (int l = 1; l <= maxLen; l++) {
                int keep = Math.max(0, v.length() - l);
                row[l] = v.substring(0, keep) + "*".repeat(v.length() - keep);
            }
            if (extraTop) {
                row[row.length - 1] = TOP;
            }
            rows.add(row);
        }
        return GeneralizationHierarchy.of(attribute, "prefix", rows);
    }

    // -------------------------------------------------------------------------------- suppress

    static GeneralizationHierarchy suppress(String attribute, List<String> values) throws ConfigurationException {
        List<String[]> rows = new ArrayList<>(values.size());
        for (String v : values) {
            rows.add(new String[] {v, TOP});
        }
        if (rows.isEmpty()) {
            rows.add(new String[] {TOP, TOP});
        }
        return GeneralizationHierarchy.of(attribute, "suppress", rows);
    }
}
