package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.i18n.Messages;

/** Issue 13: a single QI's distinction of a fraction of a percent is still readable on the chart. */
class MicrodataChartsTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void everyBarOfTheSingleQiChartCarriesItsValue() {
        Messages.setLocale(Locale.ENGLISH);
        JFreeChart chart = MicrodataCharts.singleQis(List.of("age", "sex"),
                List.of(new double[] {72.0 / 30162, 0.93}, new double[] {2.0 / 30162, 0.44}));
        CategoryItemRenderer r = chart.getCategoryPlot().getRenderer();
        CategoryDataset ds = chart.getCategoryPlot().getDataset();
        assertTrue(r.getDefaultItemLabelsVisible());
        assertEquals("0.24%", r.getDefaultItemLabelGenerator().generateLabel(ds, 0, 0));
        assertEquals("0.01%", r.getDefaultItemLabelGenerator().generateLabel(ds, 0, 1));
        assertEquals("93%", r.getDefaultItemLabelGenerator().generateLabel(ds, 1, 0));
    }
}
