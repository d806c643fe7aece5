package org.releaseauditor.ui.remediation;

import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.ClassSizeHistogram;
import org.releaseauditor.ui.charts.ChartTheme;

/** The before/after charts of the What-if panels, from plain result data. */
final class WhatIfCharts {
    /** Upper bounds of the class-size bins. */
    static final long[] SIZE_BINS = {1, 2, 3, 4, 5, 10, 20, 50, 100, Long.MAX_VALUE};

    private WhatIfCharts() {
    }

    static String sizeLabel(int i) {
        long hi = SIZE_BINS[i];
        long lo = i == 0 ? 1 : SIZE_BINS[i - 1] + 1;
        if (hi == Long.MAX_VALUE) {
            return "> " + SIZE_BINS[i - 1];
        }
        return lo == hi ? Long.toString(hi) : lo + "\u2013" + hi;
    }

    /** Records per class-size bin (released classes only). */
    static long[] recordsBySize(ClassSizeHistogram h) {
        long[] out = new long[SIZE_BINS.length];
        if (h == null) {
            return out;
        }
        long[] sizes = h.classSizes();
        long[] counts = h.classCounts();
        for (int i = 0; i < sizes.length; i++) {
            int b = 0;
            while (sizes[i] > SIZE_BINS[b]) {
                b++;
            }
            out[b] += sizes[i] * counts[i];
        }
        return out;
    }

    /** Records by the size of their class, before and after (grouped bars). */
    static JFreeChart classSizes(ClassSizeHistogram before, ClassSizeHistogram after) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        long[] b = recordsBySize(before);
        long[] a = recordsBySize(after);
        for (int i = 0; i < SIZE_BINS.length; i++) {
            ds.addValue(b[i], Messages.get("whatif.chart.before"), sizeLabel(i));
            ds.addValue(after == null ? null : (Number) a[i], Messages.get("whatif.chart.after"), sizeLabel(i));
        }
        JFreeChart c = ChartFactory.createBarChart(Messages.get("whatif.chart.classSizes"),
                Messages.get("whatif.chart.classSize"), Messages.get("whatif.chart.records"), ds,
                PlotOrientation.VERTICAL, true, true, false);
        ChartTheme.apply(c);
        c.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        return c;
    }

    /** Unicity against known points, before and after (lines), with the target as a third line. */
    static JFreeChart unicity(List<double[]> before, List<double[]> after, int targetPoints, double target) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYSeries b = new XYSeries(Messages.get("whatif.chart.before"));
        before.forEach(p -> b.add(p[0], p[1] * 100));
        ds.addSeries(b);
        XYSeries a = new XYSeries(Messages.get("whatif.chart.after"));
        after.forEach(p -> a.add(p[0], p[1] * 100));
        ds.addSeries(a);
        XYSeries t = new XYSeries(Messages.get("whatif.chart.target"));
        t.add(targetPoints, target * 100);
        ds.addSeries(t);
        JFreeChart c = ChartFactory.createXYLineChart(Messages.get("whatif.chart.unicity"),
                Messages.get("whatif.chart.points"), Messages.get("whatif.chart.uniqueShare"), ds,
                PlotOrientation.VERTICAL, true, true, false);
        ChartTheme.apply(c);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(2, false);
        for (int i = 0; i < 3; i++) {
            r.setSeriesPaint(i, ChartTheme.SERIES[i]);
        }
        c.getXYPlot().setRenderer(r);
        ((org.jfree.chart.axis.NumberAxis) c.getXYPlot().getDomainAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return c;
    }

    /** Cells by status, before and after (grouped bars): withheld, unsafe, exposed. */
    static JFreeChart cells(long[] before, long[] after) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String[] keys = {"whatif.chart.withheld", "whatif.chart.unsafe", "whatif.chart.exposed"};
        for (int i = 0; i < keys.length; i++) {
            ds.addValue(before[i], Messages.get("whatif.chart.before"), Messages.get(keys[i]));
            ds.addValue(after == null ? null : (Number) after[i], Messages.get("whatif.chart.after"),
                    Messages.get(keys[i]));
        }
        JFreeChart c = ChartFactory.createBarChart(Messages.get("whatif.chart.cells"), null,
                Messages.get("whatif.chart.cellCount"), ds, PlotOrientation.VERTICAL, true, true, false);
        return ChartTheme.apply(c);
    }
}
