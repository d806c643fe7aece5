package org.releaseauditor.ui.charts;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/**
 * A labelled heatmap: rows × columns of coloured cells with their values printed. Used for QI
 * pairs, the unicity coarsening sweep, and area/time tables. NaN cells are shown empty (grey). The
 * scale is decorative; a cell the policy judges carries its verdict colour instead (issue 13).
 */
public final class HeatmapGrid extends GridPane {
    private DoubleFunction<String> formatter = v -> org.releaseauditor.ui.fx.Numbers.fixed(v, 3);
    private double min = 0;
    private double max = 1;

    public HeatmapGrid() {
        setHgap(2);
        setVgap(2);
        setPadding(new Insets(6));
        getStyleClass().add("heatmap");
    }

    public void setFormatter(DoubleFunction<String> formatter) {
        this.formatter = formatter;
    }

    /** Fixes the colour scale (default 0..1). */
    public void setRange(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /**
     * Shows the matrix. {@code tooltips} may be null; otherwise it gives one text per cell.
     */
    public void setData(List<String> rowLabels, List<String> columnLabels, double[][] values, String[][] tooltips) {
        setData(rowLabels, columnLabels, values, tooltips, null);
    }

    /**
     * Shows the matrix; a cell whose {@code statuses} entry the policy judges (WARN, FAIL, PASS)
     * takes that state's colour from {@link VerdictStyles}, every other cell the decorative
     * sequential scale of {@link ChartTheme} (how large the value is, not whether it is allowed).
     * {@code statuses} may be null (nothing judged).
     */
    public void setData(List<String> rowLabels, List<String> columnLabels, double[][] values, String[][] tooltips,
            org.releaseauditor.core.verdict.VerdictStatus[][] statuses) {
        getChildren().clear();
        getColumnConstraints().clear();
        ColumnConstraints head = new ColumnConstraints();
        head.setHalignment(HPos.RIGHT);
        getColumnConstraints().add(head);
        for (int c = 0; c < columnLabels.size(); c++) {
            Label l = new Label(columnLabels.get(c));
            l.setWrapText(true);
            l.setMaxWidth(90);
            l.setPrefWidth(90);
            l.setAlignment(Pos.BOTTOM_CENTER);
            l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            l.setStyle("-fx-font-size: 11px;");
            GridPane.setHalignment(l, HPos.CENTER);
            GridPane.setValignment(l, javafx.geometry.VPos.BOTTOM);
            add(l, c + 1, 0);
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            Label rl = new Label(rowLabels.get(r));
            rl.setMinWidth(Label.USE_PREF_SIZE);
            add(rl, 0, r + 1);
            for (int c = 0; c < columnLabels.size(); c++) {
                double v = values[r][c];
                Label cell = new Label(Double.isNaN(v) ? "" : formatter.apply(v));
                cell.setMinSize(58, 26);
                cell.setPrefSize(90, 28);
                cell.setAlignment(Pos.CENTER);
                org.releaseauditor.core.verdict.VerdictStatus st = statuses == null ? null : statuses[r][c];
                Color bg = st != null && st.judged() ? VerdictStyles.fxTint(st) : color(v);
                cell.setId("heat-" + r + "-" + c);
                cell.getProperties().put("verdict", st == null ? org.releaseauditor.core.verdict.VerdictStatus.NOT_JUDGED
                        : st);
                cell.setStyle("-fx-background-color: " + web(bg) + "; -fx-text-fill: "
                        + (bg.getBrightness() < 0.6 ? ChartTheme.INK_ON_DARK : ChartTheme.INK)
                        + "; -fx-font-size: 11px;" + (st != null && st.judged() ? " -fx-border-color: "
                        + VerdictStyles.hex(st) + "; -fx-border-width: 2;" : ""));
                if (tooltips != null && tooltips[r][c] != null) {
                    cell.setTooltip(new Tooltip(tooltips[r][c]));
                }
                add(cell, c + 1, r + 1);
            }
        }
    }

    /** The decorative sequential scale over [min, max] (light to dark blue; no verdict colour). */
    Color color(double v) {
        if (Double.isNaN(v)) {
            return Color.web(ChartTheme.NO_VALUE);
        }
        double t = max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0;
        return ChartTheme.scale(t);
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
