package org.releaseauditor.ui.remediation;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;
import org.releaseauditor.core.i18n.Messages;

/**
 * The before/after comparison: one row per metric, the value as submitted and of the re-audited
 * copy, each coloured by the policy's status (the cards of the dashboard, side by side). Value
 * labels have the ids {@code <card>Before} and {@code <card>After}.
 */
final class CompareGrid {
    /** Widest a metric name is laid out before it wraps (keeps the levels and the grid side by side). */
    static final double METRIC_WIDTH = 140;
    /** Widest a column head is laid out before it wraps. */
    static final double HEADER_WIDTH = 170;

    private CompareGrid() {
    }

    static void render(GridPane grid, List<CompareCard> cards) {
        grid.getChildren().clear();
        grid.add(header(""), 0, 0);
        grid.add(header(Messages.get("whatif.before")), 1, 0);
        grid.add(header(Messages.get("whatif.after")), 2, 0);
        int row = 1;
        for (CompareCard c : cards) {
            Label title = new Label(c.title());
            title.getStyleClass().add("whatif-metric");
            // a long metric name wraps within its column instead of widening the grid (issue 13.5)
            title.setWrapText(true);
            title.setMaxWidth(METRIC_WIDTH);
            title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Tooltip tip = new Tooltip(c.explanation());
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            tip.setShowDelay(Duration.millis(250));
            title.setTooltip(tip);
            grid.add(title, 0, row);
            grid.add(value(c.id() + "Before", c.before(), c.beforeStatus()), 1, row);
            grid.add(value(c.id() + "After", c.after(), c.afterStatus()), 2, row);
            grid.getChildren().stream().skip(grid.getChildren().size() - 3L).forEach(n -> org.releaseauditor.ui.help.MetricHelp.tagFromText(n, c.explanation()));
            row++;
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        // "Remediated copy, re-audited" wraps onto two lines within the width of its value column
        l.setWrapText(true);
        l.setMaxWidth(HEADER_WIDTH);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id, String text, org.releaseauditor.ui.charts.SummaryCard.Status status) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().addAll("whatif-value", status.name().toLowerCase(Locale.ROOT));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
