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

/** One chart theme for the whole app (mzmine's standard-theme idea). */
public final class ChartTheme {
    public static final Color PRIMARY = new Color(0x2f, 0x6f, 0xb3);
    public static final Color SECONDARY = new Color(0xc6, 0x28, 0x28);
    public static final Color TERTIARY = new Color(0x2e, 0x7d, 0x32);
    public static final Color QUATERNARY = new Color(0xef, 0x8f, 0x00);
    public static final Color[] SERIES = {PRIMARY, SECONDARY, TERTIARY, QUATERNARY, new Color(0x6a, 0x1b, 0x9a)};
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
