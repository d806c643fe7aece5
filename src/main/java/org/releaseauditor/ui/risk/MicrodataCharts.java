package org.releaseauditor.ui.risk;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.ClassSizeHistogram;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.ui.charts.ChartTheme;
import org.releaseauditor.ui.charts.StatusBarRenderer;

/** Builds the microdata dashboard's charts from plain result records. */
public final class MicrodataCharts {
    /** Upper bounds of the class-size bins of the histogram chart. */
    static final long[] SIZE_BINS = {1, 2, 3, 4, 5, 10, 20, 50, 100, 1000, Long.MAX_VALUE};

    private MicrodataCharts() {
    }

    /** Label of the class-size bin ending at SIZE_BINS[i]. */
    static String sizeLabel(int i) {
        long hi = SIZE_BINS[i];
        long lo = i == 0 ? 1 : SIZE_BINS[i - 1] + 1;
        if (hi == Long.MAX_VALUE) {
            return "> " + SIZE_BINS[i - 1];
        }
        return lo == hi ? Long.toString(hi) : lo + "\u2013" + hi;
    }

    /** Records per class-size bin. */
    static long[] recordsBySizeBin(ClassSizeHistogram h) {
        long[] out = new long[SIZE_BINS.length];
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

    public static JFreeChart classSizes(ClassSizeHistogram h, boolean logAxis) {
        return classSizes(h, logAxis, null);
    }

    /**
     * Records per class-size bin; a bin whose classes break a rule of the policy (k, highest
     * prosecutor risk, classes below k) has the verdict's colour of that rule, the others are
     * neutral grey ({@link MicrodataVerdictColours#sizeBinStatus}).
     */
    public static JFreeChart classSizes(ClassSizeHistogram h, boolean logAxis, Verdict v) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        long[] rec = recordsBySizeBin(h);
        String series = Messages.get("chart.records");
        for (int i = 0; i < rec.length; i++) {
            ds.addValue(logAxis && rec[i] == 0 ? null : (Number) rec[i], series, sizeLabel(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(Messages.get("chart.classSizes.title"),
                Messages.get("chart.classSizes.x"), Messages.get("chart.records"), ds, PlotOrientation.VERTICAL,
                false, true, false);
        ChartTheme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRenderer(new StatusBarRenderer((row, col) -> MicrodataVerdictColours.sizeBinStatus(v, col), true)
                .labelJudgedBars());
        StatusBarRenderer.caption(chart, v);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
        if (logAxis) {
            LogAxis axis = new LogAxis(Messages.get("chart.records.log"));
            axis.setSmallestValue(0.5);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            plot.setRangeAxis(axis);
        }
        return chart;
    }

    public static JFreeChart riskDistribution(List<MicrodataResult.RiskBin> bins) {
        return riskDistribution(bins, null);
    }

    /**
     * Records per risk bin with the cumulative share; a bar of records whose risk breaks the
     * policy's rule on the highest prosecutor risk has that rule's verdict colour, the others are
     * neutral grey.
     */
    public static JFreeChart riskDistribution(List<MicrodataResult.RiskBin> bins, Verdict v) {
        List<Double> upTos = new java.util.ArrayList<>();
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset line = new DefaultCategoryDataset();
        String recSeries = Messages.get("chart.risk.records");
        String cumSeries = Messages.get("chart.risk.cumulative");
        double prev = 0;
        for (MicrodataResult.RiskBin b : bins) {
            if (b.upTo() < 0.001 && b.records() == 0) {
                prev = b.upTo();
                continue; // the tiny-risk bins are empty in practice; keep the chart readable
            }
            String label = "\u2264 " + fmt(b.upTo());
            bars.addValue(b.records(), recSeries, label);
            upTos.add(b.upTo());
            line.addValue(b.cumulative() * 100, cumSeries, label);
            prev = b.upTo();
        }
        JFreeChart chart = ChartFactory.createBarChart(Messages.get("chart.risk.title"),
                Messages.get("chart.risk.x"), recSeries, bars, PlotOrientation.VERTICAL, true, true, false);
        ChartTheme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRenderer(new StatusBarRenderer((row, col) -> MicrodataVerdictColours.riskBinStatus(v, upTos.get(col)),
                true).labelJudgedBars());
        StatusBarRenderer.caption(chart, v);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis pct = new NumberAxis(Messages.get("chart.risk.cumulativeAxis"));
        pct.setRange(0, 100);
        plot.setRangeAxis(1, pct);
        plot.setDataset(1, line);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer lr = new LineAndShapeRenderer(true, true);
        lr.setSeriesPaint(0, ChartTheme.PRIMARY);
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart;
    }

    /** Population uniqueness estimates (share of the population, %) against the sampling fraction. */
    public static JFreeChart populationUniqueness(List<MicrodataResult.PopulationUniqueness> points) {
        XYSeries pitman = new XYSeries("Pitman");
        XYSeries zayatz = new XYSeries("Zayatz");
        XYSeries snb = new XYSeries("SNB");
        XYSeries dankar = new XYSeries(Messages.get("chart.population.dankar"));
        for (MicrodataResult.PopulationUniqueness p : points) {
            add(pitman, p.samplingFraction(), p.pitman());
            add(zayatz, p.samplingFraction(), p.zayatz());
            add(snb, p.samplingFraction(), p.snb());
            add(dankar, p.samplingFraction(), p.dankar());
        }
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(dankar);
        ds.addSeries(pitman);
        ds.addSeries(zayatz);
        ds.addSeries(snb);
        JFreeChart chart = ChartFactory.createXYLineChart(Messages.get("chart.population.title"),
                Messages.get("chart.population.x"), Messages.get("chart.population.y"), ds,
                PlotOrientation.VERTICAL, true, true, false);
        ChartTheme.apply(chart);
        XYPlot plot = chart.getXYPlot();
        org.jfree.chart.axis.LogarithmicAxis x = new org.jfree.chart.axis.LogarithmicAxis(
                Messages.get("chart.population.x")) {
            @Override
            protected String makeTickLabel(double val, boolean forceFmtFlag) {
                // the axis writes ticks below 1 with its own default-locale formatter: UI language instead
                return org.releaseauditor.ui.fx.Numbers.format("0.###").format(val);
            }
        };
        x.setStrictValuesFlag(false);
        x.setExpTickLabelsFlag(false);
        x.setLog10TickLabelsFlag(false);
        x.setNumberFormatOverride(org.releaseauditor.ui.fx.Numbers.format("0.###"));
        plot.setDomainAxis(x);
        var r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 4; i++) {
            r.setSeriesPaint(i, ChartTheme.SERIES[i]);
            r.setSeriesStroke(i, new java.awt.BasicStroke(i == 0 ? 3f : 1.5f));
        }
        plot.setRenderer(r);
        return chart;
    }

    private static void add(XYSeries s, double x, Double y) {
        if (y != null && !y.isNaN()) {
            s.add(x, y * 100);
        }
    }

    /** Distinction and separation of single quasi-identifiers. */
    public static JFreeChart singleQis(List<String> names, List<double[]> distinctionSeparation) {
        return singleQis(names, distinctionSeparation, null, null);
    }

    /**
     * Distinction and separation of single quasi-identifiers; a bar the policy judges
     * ({@code qiContribution.I.distinction}) has its verdict colour, the others keep the two series
     * colours. {@code indexes} are the sets' positions in the result's {@code qiContribution}.
     */
    public static JFreeChart singleQis(List<String> names, List<double[]> distinctionSeparation, List<Integer> indexes,
            Verdict v) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int i = 0; i < names.size(); i++) {
            ds.addValue(distinctionSeparation.get(i)[0], Messages.get("chart.qi.distinction"), names.get(i));
            ds.addValue(distinctionSeparation.get(i)[1], Messages.get("chart.qi.separation"), names.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(Messages.get("chart.qi.title"), null,
                Messages.get("chart.qi.y"), ds, PlotOrientation.HORIZONTAL, true, true, false);
        ChartTheme.apply(chart);
        chart.getCategoryPlot().setRenderer(new StatusBarRenderer((row, col) -> indexes == null ? null
                : MicrodataVerdictColours.qiStatus(v, indexes.get(col), row == 0), false));
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1.15);
        // a single QI's distinction is often a fraction of a percent (age on adult.csv: 0.24 %), a bar
        // too thin to see: every bar carries its value as a label
        var renderer = chart.getCategoryPlot().getRenderer();
        java.text.NumberFormat pct = java.text.NumberFormat.getPercentInstance(Messages.locale());
        pct.setMaximumFractionDigits(2);
        renderer.setDefaultItemLabelGenerator(
                new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", pct));
        renderer.setDefaultItemLabelsVisible(true);
        return chart;
    }

    static String fmt(double v) {
        if (v >= 0.01) {
            return org.releaseauditor.ui.fx.Numbers.fixed(v, Math.max(0, 2 - (int) Math.floor(Math.log10(v))));
        }
        return org.releaseauditor.ui.fx.Numbers.sig(v, 1);
    }
}
