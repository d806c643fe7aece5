package org.releaseauditor.ui.charts;

import java.awt.Paint;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.TextTitle;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;

/**
 * A bar renderer whose bars take their colour from the verdict (issue 13): a bar the policy judges
 * WARN or FAIL (or PASS) is painted with {@link VerdictStyles#chartPaint}; a bar it does not judge
 * is neutral: grey in a chart of one series, or the series' decorative colour where several
 * series must be told apart.
 */
public final class StatusBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient BiFunction<Integer, Integer, VerdictStatus> status;
    private final boolean greyWhenNotJudged;
    private boolean labelJudgedOnly;

    /**
     * @param status            the state of the bar at (series row, category column)
     * @param greyWhenNotJudged a bar the policy does not judge is neutral grey (true) or keeps its
     *                          series colour (false: charts with several series)
     */
    public StatusBarRenderer(BiFunction<Integer, Integer, VerdictStatus> status, boolean greyWhenNotJudged) {
        this.status = status;
        this.greyWhenNotJudged = greyWhenNotJudged;
        setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        setShadowVisible(false);
        setItemMargin(0.05);
        setDrawBarOutline(false);
        for (int i = 0; i < ChartTheme.SERIES.length; i++) {
            setSeriesPaint(i, ChartTheme.SERIES[i]);
        }
    }

    /** The state of a bar (for tests). */
    public VerdictStatus statusAt(int row, int column) {
        VerdictStatus s = status.apply(row, column);
        return s == null ? VerdictStatus.NOT_JUDGED : s;
    }

    /**
     * Prints the value on every bar the policy judges (and on no other): a red bar of a few
     * records next to one of thousands is too thin to see, its number is not.
     */
    public StatusBarRenderer labelJudgedBars() {
        labelJudgedOnly = true;
        java.text.NumberFormat f = java.text.NumberFormat.getIntegerInstance(Messages.locale());
        setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", f));
        setDefaultItemLabelFont(new java.awt.Font("DejaVu Sans", java.awt.Font.BOLD, 11));
        setDefaultItemLabelsVisible(true);
        return this;
    }

    @Override
    public boolean isItemLabelVisible(int row, int column) {
        if (labelJudgedOnly) {
            return statusAt(row, column).judged();
        }
        return super.isItemLabelVisible(row, column);
    }

    @Override
    public Paint getItemLabelPaint(int row, int column) {
        VerdictStatus s = statusAt(row, column);
        return labelJudgedOnly && s.judged() ? VerdictStyles.chartPaint(s) : super.getItemLabelPaint(row, column);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        VerdictStatus s = statusAt(row, column);
        if (s.judged() || greyWhenNotJudged) {
            return VerdictStyles.chartPaint(s);
        }
        return super.getItemPaint(row, column);
    }

    /**
     * Adds a line under the chart's title that says which policy coloured it, so that a printed or
     * exported chart still says what its colours mean; nothing without a verdict.
     */
    public static void caption(JFreeChart chart, Verdict v) {
        if (v == null || !v.evaluated()) {
            return;
        }
        TextTitle t = new TextTitle(Messages.get("chart.verdict.legend", v.policy().id() + " " + v.policy().version()));
        t.setFont(new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 11));
        t.setPaint(ChartTheme.MUTED_INK);
        chart.addSubtitle(t);
    }
}
