package org.releaseauditor.ui.fx;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.releaseauditor.core.i18n.Messages;

/**
 * Numbers on screen in the UI language (issue 13): German {@code 0,25} and {@code 2.602}, English
 * {@code 0.25} and {@code 2,602}, whatever the JVM's default locale is. Metric values with a unit
 * go through {@link org.releaseauditor.core.catalogue.MetricFormat}; this class serves the rest of
 * the UI (table cells, chart ticks and categories, thresholds in sentences) with the same symbols.
 */
public final class Numbers {

    private Numbers() {
    }

    /** The locale whose symbols numbers use: the UI language. */
    public static Locale locale() {
        return "de".equals(Messages.locale().getLanguage()) ? Locale.GERMANY : Locale.US;
    }

    /** {@code v} with exactly {@code decimals} decimals ({@code 0,0200}). */
    public static String fixed(double v, int decimals) {
        return String.format(locale(), "%." + decimals + "f", v);
    }

    /** A whole number with digit grouping ({@code 2.602}). */
    public static String grouped(double v) {
        return String.format(locale(), "%,.0f", v);
    }

    /** {@code v} with up to {@code digits} significant digits, trailing zeros dropped ({@code 0,0822}). */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "\u2013";
        }
        if (Math.abs(v) >= Math.pow(10, digits) && !Double.isInfinite(v)) {
            return grouped(v); // %g would switch to 3.324e+04; a whole number reads better
        }
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return "de".equals(Messages.locale().getLanguage()) ? s.replace('.', ',') : s;
    }

    /** A {@link DecimalFormat} of {@code pattern} with the UI language's symbols (chart axes). */
    public static NumberFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale()));
    }

    /**
     * Gives the chart's number axes tick labels in the UI language: JFreeChart's standard tick
     * units format with the JVM's default locale ({@code 0.25} in a German window). Axes with a
     * format of their own keep it.
     */
    public static void localise(org.jfree.chart.JFreeChart chart) {
        org.jfree.chart.plot.Plot plot = chart.getPlot();
        if (plot instanceof org.jfree.chart.plot.CategoryPlot cp) {
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                localise(cp.getRangeAxis(i));
            }
        } else if (plot instanceof org.jfree.chart.plot.XYPlot xp) {
            for (int i = 0; i < xp.getRangeAxisCount(); i++) {
                localise(xp.getRangeAxis(i));
            }
            for (int i = 0; i < xp.getDomainAxisCount(); i++) {
                localise(xp.getDomainAxis(i));
            }
        }
    }

    private static void localise(org.jfree.chart.axis.ValueAxis a) {
        if (!(a instanceof org.jfree.chart.axis.NumberAxis na) || na.getNumberFormatOverride() != null
                || a instanceof org.jfree.chart.axis.LogAxis) {
            return;
        }
        org.jfree.chart.axis.TickUnitSource units = na.getStandardTickUnits();
        boolean integers = units != null && units.getCeilingTickUnit(0.5).getSize() >= 1;
        boolean auto = na.isAutoTickUnitSelection();
        na.setStandardTickUnits(integers ? org.jfree.chart.axis.NumberAxis.createIntegerTickUnits(locale())
                : org.jfree.chart.axis.NumberAxis.createStandardTickUnits(locale()));
        if (!auto) {
            na.setAutoTickUnitSelection(false, false);
        }
    }

    /** A number as typed into a field: the shortest form, in the UI language ({@code 0,2}). */
    public static String plain(double v) {
        String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        return "de".equals(Messages.locale().getLanguage()) ? s.replace('.', ',') : s;
    }
}
