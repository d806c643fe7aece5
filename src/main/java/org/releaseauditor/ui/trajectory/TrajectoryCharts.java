package org.releaseauditor.ui.trajectory;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.trajectory.AnonymitySets;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.RiskHistogram;
import org.releaseauditor.core.trajectory.TopPlaces;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.charts.ChartTheme;

/** Builds the trajectory dashboard's JFreeChart charts from a report (no JavaFX nodes). */
final class TrajectoryCharts {

    private TrajectoryCharts() {
    }

    /** Unicity (fraction of unique users) per p with its Wilson 95 % band. */
    static YIntervalSeriesCollection unicityData(TrajectoryReport r) {
        YIntervalSeries s = new YIntervalSeries(Messages.get("uitraj.chart.unicity.series", r.spatial(), r.temporal()));
        for (UnicityResult.Row row : r.unicity().rows()) {
            s.add(row.points(), row.fraction(), row.ciLow(), row.ciHigh());
        }
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(s);
        return c;
    }

    static JFreeChart unicity(TrajectoryReport r) {
        JFreeChart chart = ChartFactory.createXYLineChart(Messages.get("uitraj.chart.unicity"),
                Messages.get("uitraj.chart.points"), Messages.get("uitraj.chart.fraction"), unicityData(r),
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer dev = new DeviationRenderer(true, true);
        plot.setRenderer(dev);
        ChartTheme.apply(chart);
        dev.setSeriesFillPaint(0, new Color(0x2f, 0x6f, 0xb3));
        dev.setAlpha(0.22f);
        dev.setSeriesStroke(0, new BasicStroke(2.5f));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 1.02);
        return chart;
    }

    /** Bin labels of a risk histogram: "0.0–0.1", ..., "0.9–1.0". */
    static String binLabel(double[] edges, int i) {
        return org.releaseauditor.ui.fx.Numbers.fixed(edges[i], 1) + "\u2013" + org.releaseauditor.ui.fx.Numbers.fixed(edges[i + 1], 1);
    }

    /** Users per risk bin, one series per attack and k. */
    static DefaultCategoryDataset attackData(TrajectoryReport r) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (AttackResult a : r.attacks()) {
            RiskHistogram h = a.histogram();
            double[] edges = h.edges();
            int[] counts = h.counts();
            for (int i = 0; i < counts.length; i++) {
                ds.addValue(counts[i], TrajectoryDashboardViewModel.attackLabel(a), binLabel(edges, i));
            }
        }
        return ds;
    }

    static JFreeChart attacks(TrajectoryReport r) {
        JFreeChart chart = ChartFactory.createBarChart(Messages.get("uitraj.chart.attacks"),
                Messages.get("uitraj.chart.risk"), Messages.get("uitraj.chart.users"), attackData(r),
                PlotOrientation.VERTICAL, true, true, false);
        ChartTheme.apply(chart);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return chart;
    }

    /** Users per anonymity-set size class: home/work per resolution, then top-N. */
    static DefaultCategoryDataset setData(TrajectoryReport r) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (AnonymitySets s : r.homeWork()) {
            add(ds, Messages.get("uitraj.homeWork.series", s.resolution()), s);
        }
        for (TopPlaces.TopNResult t : r.topN()) {
            add(ds, Messages.get("uitraj.topN.label", t.n()), t.sets());
        }
        return ds;
    }

    private static void add(DefaultCategoryDataset ds, String series, AnonymitySets s) {
        int[] counts = s.sizeCounts();
        for (int i = 0; i < counts.length; i++) {
            ds.addValue(counts[i], series, s.sizeLabels().get(i));
        }
    }

    static JFreeChart sets(TrajectoryReport r) {
        JFreeChart chart = ChartFactory.createBarChart(Messages.get("uitraj.chart.sets"),
                Messages.get("uitraj.chart.setSize"), Messages.get("uitraj.chart.users"), setData(r),
                PlotOrientation.VERTICAL, true, true, false);
        return ChartTheme.apply(chart);
    }
}
