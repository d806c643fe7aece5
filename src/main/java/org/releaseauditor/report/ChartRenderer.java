package org.releaseauditor.report;

import java.awt.Color;
import java.io.IOException;
import java.util.Base64;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Renders report charts headless (AWT, no display) to PNG with JFreeChart. */
public final class ChartRenderer {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;

    private ChartRenderer() {
    }

    /** The chart as a base64 PNG (for {@code data:image/png;base64,...}). */
    public static String pngBase64(ReportModel.ChartSpec spec) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < spec.xs().size(); i++) {
            data.addValue(spec.ys().get(i), spec.yLabel(), spec.xs().get(i));
        }
        JFreeChart chart = spec.line()
                ? ChartFactory.createLineChart(spec.title(), spec.xLabel(), spec.yLabel(), data,
                        PlotOrientation.VERTICAL, false, false, false)
                : ChartFactory.createBarChart(spec.title(), spec.xLabel(), spec.yLabel(), data,
                        PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
        plot.getRenderer().setSeriesPaint(0, new Color(0x2B, 0x57, 0x9A));
        if (spec.xs().size() > 12) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        return Base64.getEncoder().encodeToString(ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT)));
    }
}
