package org.releaseauditor.ui.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.charts.ChartTheme;

/** Builds the evaluation dashboard's chart from a result (no JavaFX nodes). */
final class EvaluationCharts {
    /** Attack on the original, control set, random guessing. */
    static final Color ATTACK = ChartTheme.SECONDARY;
    static final Color CONTROL = ChartTheme.PRIMARY;
    static final Color BASELINE = new Color(0x9e, 0x9e, 0x9e);

    private EvaluationCharts() {
    }

    /** Bars of the attack, control and baseline rates per attack, with whiskers for their intervals. */
    static JFreeChart rates(EvaluationResult r, Locale locale) {
        DefaultStatisticalCategoryDataset data = EvaluationDashboardViewModel.chartData(r, locale);
        CategoryAxis x = new CategoryAxis(null);
        x.setMaximumCategoryLabelLines(3);
        x.setMaximumCategoryLabelWidthRatio(1.2f);
        NumberAxis y = new NumberAxis(Messages.get(locale, "uieval.chart.y"));
        y.setNumberFormatOverride(NumberFormat.getPercentInstance(locale));
        y.setAutoRangeIncludesZero(true);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(Messages.get(locale, "uieval.chart.title",
                String.format(locale, "%.0f", r.confidenceLevel() * 100)), plot);
        ChartTheme.apply(chart);
        renderer.setErrorIndicatorPaint(new Color(0x37, 0x41, 0x4b));
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        // series by name, so that the colours stay when there is no control series
        for (int i = 0; i < data.getRowCount(); i++) {
            String series = String.valueOf(data.getRowKey(i));
            renderer.setSeriesPaint(i, series.equals(Messages.get(locale, "uieval.chart.attack")) ? ATTACK
                    : series.equals(Messages.get(locale, "uieval.chart.control")) ? CONTROL : BASELINE);
        }
        return chart;
    }
}
