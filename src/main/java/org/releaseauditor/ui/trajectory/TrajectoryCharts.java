package org.releaseauditor.ui.trajectory;

import java.awt.BasicStroke;
import java.util.List;
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
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.ui.charts.ChartTheme;
import org.releaseauditor.ui.charts.StatusBarRenderer;
import org.releaseauditor.ui.charts.VerdictStyles;

/** Builds the trajectory dashboard's JFreeChart charts from a report (no JavaFX nodes). */
final class TrajectoryCharts {

    private TrajectoryCharts() {
    }

    /** Unicity (fraction of unique users) per p with its Wilson 95 % band. */
    static YIntervalSeriesCollection unicityData(TrajectoryReport r) {
        YIntervalSeries s = new YIntervalSeries(Messages.get("uitraj.chart.unicity.series",
                ResolutionText.spatial(r.spatial()), ResolutionText.temporal(r.temporal())));
        for (UnicityResult.Row row : r.unicity().rows()) {
            s.add(row.points(), row.fraction(), row.ciLow(), row.ciHigh());
        }
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(s);
        return c;
    }

    static JFreeChart unicity(TrajectoryReport r) {
        return unicity(r, null);
    }

    /**
     * The verdict state of the unicity point for row {@code i} (known points): the worst of its
     * fraction and the upper end of its interval, as the policy judges them; NOT_JUDGED without a rule.
     */
    static VerdictStatus unicityStatus(Verdict v, int i) {
        return VerdictStyles.status(v, "unicity." + i + ".fraction", "unicity." + i + ".ciHigh");
    }

    /**
     * Unicity per number of known points with its band; each point is a marker in the verdict
     * colour of that number of points ({@link #unicityStatus}); the line and band are neutral.
     */
    static JFreeChart unicity(TrajectoryReport r, Verdict v) {
        JFreeChart chart = ChartFactory.createXYLineChart(Messages.get("uitraj.chart.unicity"),
                Messages.get("uitraj.chart.points"), Messages.get("uitraj.chart.fraction"), unicityData(r),
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer dev = new DeviationRenderer(true, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int series, int item) {
                VerdictStatus s = unicityStatus(v, item);
                return s.judged() ? VerdictStyles.chartPaint(s) : super.getItemPaint(series, item);
            }
        };
        plot.setRenderer(dev);
        ChartTheme.apply(chart);
        dev.setSeriesFillPaint(0, ChartTheme.PRIMARY);
        dev.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        StatusBarRenderer.caption(chart, v);
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
        return sets(r, null);
    }

    /**
     * The verdict state of a bar of the anonymity-set chart: the users alone in their set (size 1)
     * of home/work resolution {@code series} have the state of {@code homeWork.N.fractionSize1};
     * every other bar is not judged.
     */
    static VerdictStatus setStatus(TrajectoryReport r, Verdict v, int series, int column) {
        if (series >= r.homeWork().size()) {
            return VerdictStatus.NOT_JUDGED;
        }
        List<String> labels = r.homeWork().get(series).sizeLabels();
        return column < labels.size() && labels.get(column).equals("1")
                ? VerdictStyles.status(v, "homeWork." + series + ".fractionSize1") : VerdictStatus.NOT_JUDGED;
    }

    static JFreeChart sets(TrajectoryReport r, Verdict v) {
        JFreeChart chart = ChartFactory.createBarChart(Messages.get("uitraj.chart.sets"),
                Messages.get("uitraj.chart.setSize"), Messages.get("uitraj.chart.users"), setData(r),
                PlotOrientation.VERTICAL, true, true, false);
        ChartTheme.apply(chart);
        chart.getCategoryPlot().setRenderer(new StatusBarRenderer((row, col) -> setStatus(r, v, row, col), false));
        StatusBarRenderer.caption(chart, v);
        return chart;
    }
}
