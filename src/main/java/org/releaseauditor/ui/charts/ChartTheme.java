package org.releaseauditor.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;

/**
 * One chart theme for the whole app (mzmine's standard-theme idea), and the app's decorative
 * colours: the series palette that tells series apart, the sequential scale of heatmaps, ink and
 * grid lines. None of them is green, orange or red, and none says anything about a verdict: every
 * colour that means PASS, WARN, FAIL or "not judged" comes from {@link VerdictStyles} (issue 13).
 */
public final class ChartTheme {
    /** Series palette (decorative): blue, purple, teal, brown, slate. */
    public static final Color PRIMARY = new Color(0x2f, 0x6f, 0xb3);
    public static final Color SECONDARY = new Color(0x6a, 0x1b, 0x9a);
    public static final Color TERTIARY = new Color(0x00, 0x83, 0x8f);
    public static final Color QUATERNARY = new Color(0x8d, 0x6e, 0x63);
    public static final Color[] SERIES = {PRIMARY, SECONDARY, TERTIARY, QUATERNARY, new Color(0x54, 0x6e, 0x7a)};
    /** Secondary text (chart captions). */
    public static final Color MUTED_INK = new Color(0x5b, 0x67, 0x75);
    /** Error whiskers and outlines. */
    public static final Color DARK_INK = new Color(0x37, 0x41, 0x4b);
    /** A reference that is not a result (random guessing in the evaluation chart). */
    public static final Color REFERENCE = new Color(0x9e, 0x9e, 0x9e);
    /** Sequential scale of heatmaps (decorative: how large a value is, not whether it is allowed), CSS hex. */
    public static final String SCALE_LOW = "#f7fbff";
    public static final String SCALE_MID = "#6baed6";
    public static final String SCALE_HIGH = "#08306b";
    /** A heatmap cell without a value, text on light and on dark cells, cell outlines (CSS hex). */
    public static final String NO_VALUE = "#eceff1";
    public static final String INK = "#1f2933";
    public static final String INK_ON_DARK = "#ffffff";
    public static final String OUTLINE = "#90a4ae";
    /** A marker for "has flagged cells" that is not a verdict (the time grid's strip). */
    public static final String MARK = "#6a1b9a";

    /** A value's colour on the sequential scale, {@code t} in 0..1 (0 light, 1 dark). */
    public static javafx.scene.paint.Color scale(double t) {
        javafx.scene.paint.Color low = javafx.scene.paint.Color.web(SCALE_LOW);
        javafx.scene.paint.Color mid = javafx.scene.paint.Color.web(SCALE_MID);
        javafx.scene.paint.Color high = javafx.scene.paint.Color.web(SCALE_HIGH);
        double x = Math.max(0, Math.min(1, t));
        return x < 0.5 ? low.interpolate(mid, x * 2) : mid.interpolate(high, (x - 0.5) * 2);
    }

    /** A number axis without its own format writes its ticks in the session's language. */
    private static void localise(org.jfree.chart.axis.ValueAxis axis) {
        if (axis instanceof org.jfree.chart.axis.NumberAxis na && na.getNumberFormatOverride() == null) {
            na.setNumberFormatOverride(java.text.NumberFormat.getNumberInstance(
                    org.releaseauditor.core.i18n.Messages.locale()));
        }
    }

    /** The CSS of the scale as a gradient (legends). */
    public static String scaleGradient() {
        return "linear-gradient(to right, " + SCALE_LOW + ", " + SCALE_MID + ", " + SCALE_HIGH + ")";
    }
    private static final Font REGULAR = new Font("DejaVu Sans", Font.PLAIN, 12);
    private static final Font SMALL = new Font("DejaVu Sans", Font.PLAIN, 11);
    private static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 14);

    private ChartTheme() {
    }

    /** Applies fonts, colours and flat bars to a chart. */
    public static JFreeChart apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("release-auditor");
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(REGULAR);
        theme.setRegularFont(REGULAR);
        theme.setSmallFont(SMALL);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xe4, 0xe7, 0xeb));
        theme.setRangeGridlinePaint(new Color(0xe4, 0xe7, 0xeb));
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        // numbers on the axes in the session's language (30.162 in German, as on the cards)
        if (chart.getPlot() instanceof CategoryPlot cp0) {
            localise(cp0.getRangeAxis());
        }
        if (chart.getPlot() instanceof XYPlot xp0) {
            localise(xp0.getRangeAxis());
            localise(xp0.getDomainAxis());
        }
        if (chart.getPlot() instanceof CategoryPlot cp) {
            if (cp.getRenderer() instanceof BarRenderer br) {
                br.setShadowVisible(false);
                br.setItemMargin(0.05);
            }
            for (int i = 0; i < SERIES.length; i++) {
                cp.getRenderer().setSeriesPaint(i, SERIES[i]);
            }
        }
        if (chart.getPlot() instanceof XYPlot xp) {
            if (xp.getRenderer() instanceof XYBarRenderer xr) {
                xr.setShadowVisible(false);
            }
            for (int i = 0; i < SERIES.length; i++) {
                xp.getRenderer().setSeriesPaint(i, SERIES[i]);
                xp.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
            }
        }
        return chart;
    }
}
