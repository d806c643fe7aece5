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
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.ui.charts.ChartTheme;
import org.releaseauditor.ui.charts.StatusBarRenderer;
import org.releaseauditor.ui.charts.VerdictStyles;

/** Builds the evaluation dashboard's chart from a result (no JavaFX nodes). */
final class EvaluationCharts {
    /** Attack on the original, control set, random guessing (decorative series colours). */
    static final Color ATTACK = ChartTheme.SECONDARY;
    static final Color CONTROL = ChartTheme.PRIMARY;
    static final Color BASELINE = ChartTheme.REFERENCE;

    private EvaluationCharts() {
    }

    /** Bars of the attack, control and baseline rates per attack, with whiskers for their intervals. */
    static JFreeChart rates(EvaluationResult r, Locale locale) {
        return rates(r, locale, null);
    }

    /**
     * The verdict state of an attack's bar: the worst of its residual risk and the upper end of
     * that risk's interval as the policy judges them (NOT_JUDGED without a control set or a rule).
     */
    static VerdictStatus attackStatus(EvaluationResult r, Verdict v, int attack) {
        String path = r.attacks().get(attack).type().path() + ".residualRisk";
        return VerdictStyles.status(v, path + ".value", path + ".high");
    }

    /**
     * As {@link #rates(EvaluationResult, Locale)}; the bar of an attack's rate has the verdict
     * colour of that attack's residual risk where the policy judges it ({@link #attackStatus}).
     */
    static JFreeChart rates(EvaluationResult r, Locale locale, Verdict v) {
        DefaultStatisticalCategoryDataset data = EvaluationDashboardViewModel.chartData(r, locale);
        CategoryAxis x = new CategoryAxis(null);
        x.setMaximumCategoryLabelLines(3);
        x.setMaximumCategoryLabelWidthRatio(1.2f);
        NumberAxis y = new NumberAxis(Messages.get(locale, "uieval.chart.y"));
        y.setNumberFormatOverride(NumberFormat.getPercentInstance(locale));
        y.setAutoRangeIncludesZero(true);
        String attackSeries = Messages.get(locale, "uieval.chart.attack");
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                if (String.valueOf(data.getRowKey(row)).equals(attackSeries) && column < r.attacks().size()) {
                    VerdictStatus s = attackStatus(r, v, column);
                    if (s.judged()) {
                        return VerdictStyles.chartPaint(s);
                    }
                }
                return super.getItemPaint(row, column);
            }
        };
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(Messages.get(locale, "uieval.chart.title",
                String.format(locale, "%.0f", r.confidenceLevel() * 100)), plot);
        ChartTheme.apply(chart);
        renderer.setErrorIndicatorPaint(ChartTheme.DARK_INK);
        StatusBarRenderer.caption(chart, v);
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
