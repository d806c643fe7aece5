package org.releaseauditor.core.catalogue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Writes metric values for people, in one language: shares as percentages ({@code 99.9 %},
 * German {@code 99,9 %}), counts with digit grouping ({@code 2,602}, German {@code 2.602}), risks
 * and other numbers with up to four significant digits. The verdict sentences, the report and
 * the CLI text all use it, so a number reads the same everywhere.
 */
public final class MetricFormat {

    /** Significant digits of shares, risks and other numbers. */
    static final int DIGITS = 4;

    private MetricFormat() {
    }

    /** The value in its unit; {@code null} and NaN are written as an en dash. */
    public static String format(Double value, MetricUnit unit, Locale locale) {
        return format(value, unit, locale, DIGITS);
    }

    /**
     * A measured value and the threshold it is compared with, both in the unit, with as many
     * digits as needed so that two different numbers never read the same (0.0500001 against 0.05
     * is not written "5 %" against "5 %").
     *
     * @return {measured, threshold}
     */
    public static String[] pair(Double measured, double threshold, MetricUnit unit, Locale locale) {
        String t = format(threshold, unit, locale, DIGITS);
        if (measured == null || measured.isNaN()) {
            return new String[] {format(measured, unit, locale), t};
        }
        for (int digits = DIGITS; digits <= 17; digits++) {
            String m = format(measured, unit, locale, digits);
            String tt = format(threshold, unit, locale, digits);
            if (!m.equals(tt) || measured.doubleValue() == threshold) {
                return new String[] {m, tt};
            }
        }
        return new String[] {format(measured, unit, locale, 17), format(threshold, unit, locale, 17)};
    }

    static String format(Double value, MetricUnit unit, Locale locale, int digits) {
        if (value == null || value.isNaN()) {
            return "\u2013";
        }
        double v = value;
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        MetricUnit u = unit == null ? MetricUnit.NUMBER : unit;
        return switch (u) {
            case SHARE -> decimal(v * 100, locale, digits, false) + " %";
            case COUNT -> decimal(v, locale, digits, true);
            default -> decimal(v, locale, digits, false);
        };
    }

    /** A whole number with grouping (counts), else {@code digits} significant digits. */
    static String decimal(double v, Locale locale, int digits, boolean grouping) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance("de".equals(locale.getLanguage())
                ? Locale.GERMANY : Locale.US);
        boolean whole = v == Math.rint(v) && Math.abs(v) < 1e15;
        if (whole || Math.abs(v) >= Math.pow(10, digits) && Math.abs(v) < 1e15) {
            DecimalFormat f = new DecimalFormat(grouping || !whole ? "#,##0" : "0", sym);
            f.setRoundingMode(RoundingMode.HALF_EVEN);
            return f.format(v);
        }
        BigDecimal bd = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String plain = bd.toPlainString();
        if ("de".equals(locale.getLanguage())) {
            plain = plain.replace('.', ',');
        }
        return plain;
    }

    /** A count with digit grouping in the language ({@code 2,602} / {@code 2.602}). */
    public static String count(long n, Locale locale) {
        return decimal(n, locale, DIGITS, true);
    }
}
