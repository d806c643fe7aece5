package org.releaseauditor.ui.aggregate;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.ui.charts.ChartTheme;
import org.releaseauditor.ui.charts.VerdictStyles;

/**
 * Offline heatmaps drawn on a canvas: the area map (areas on a plain grid, smallest published
 * count per area) and the time × area grid with flagged fields marked. Both carry a legend.
 */
public final class HeatCanvas extends Pane {
    private static final Color NONE = Color.web(ChartTheme.NO_VALUE);
    private static final Color INK = Color.web(ChartTheme.INK);
    private static final Color ON_DARK = Color.web(ChartTheme.INK_ON_DARK);
    private static final Color OUTLINE = Color.web(ChartTheme.OUTLINE);
    private final Canvas canvas = new Canvas(10, 10);

    public HeatCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("heat-canvas");
    }

    /**
     * The decorative scale: small counts dark, large ones pale; NaN grey. It shows how small a
     * count is, not whether it is allowed: that is the verdict's colour ({@link #drawMap}).
     */
    static Color color(double v, double min, double max) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        double t = max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0;
        return ChartTheme.scale(1 - t);
    }

    /** Draws the area map without a verdict (every area neutral). */
    public void drawMap(AggregateDisplay.AreaMap map, double scaleMax) {
        drawMap(map, scaleMax, p -> VerdictStatus.NOT_JUDGED);
    }

    /**
     * Draws the area map; the colour scale runs from 0 to {@code scaleMax}; an area whose state
     * (from the verdict) is WARN or FAIL is filled with that state's tint and framed in its colour.
     */
    public void drawMap(AggregateDisplay.AreaMap map, double scaleMax,
            java.util.function.Function<AggregateDisplay.AreaPoint, VerdictStatus> status) {
        double cell = 104;
        double left = 20;
        double top = 34;
        double w = left + map.columns() * cell + 40;
        double h = top + map.rows() * cell + 100;
        GraphicsContext g = prepare(Math.max(w, 460), h);
        g.setFill(INK);
        g.setFont(Font.font("DejaVu Sans", 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Messages.get("uiagg.map.title", map.table()), left, 8);
        for (AggregateDisplay.AreaPoint p : map.points()) {
            double x = left + p.column() * cell;
            double y = top + p.row() * cell;
            VerdictStatus st = status.apply(p);
            Color c = st.judged() ? VerdictStyles.fxTint(st) : color(p.minCount(), 0, scaleMax);
            g.setFill(c);
            g.fillRect(x + 2, y + 2, cell - 4, cell - 4);
            g.setStroke(st.judged() ? VerdictStyles.fxColor(st) : OUTLINE);
            g.setLineWidth(st.judged() ? 4 : 1);
            g.strokeRect(x + 2, y + 2, cell - 4, cell - 4);
            g.setLineWidth(1);
            g.setFill(dark(c) ? ON_DARK : INK);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(Font.font("DejaVu Sans", 11));
            g.fillText(p.area(), x + cell / 2, y + 10);
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 22));
            g.fillText(AggregateDisplay.num(p.minCount()), x + cell / 2, y + 32);
            if (p.flagged() > 0) {
                g.setFont(Font.font("DejaVu Sans", 10));
                g.fillText(Messages.get("uiagg.map.flagged", p.flagged()), x + cell / 2, y + cell - 24);
            }
        }
        double ly = top + map.rows() * cell + 16;
        legendBar(g, left, ly, 260, 0, scaleMax, Messages.get("uiagg.map.legend"));
        noneChip(g, left + 290, ly + 16);
    }

    /** Draws the time × area heatmap without a verdict (the flag strip neutral). */
    public void drawTimeGrid(AggregateDisplay.TimeGrid grid) {
        drawTimeGrid(grid, VerdictStatus.NOT_JUDGED);
    }

    /**
     * Draws the time × area heatmap; fields with flagged cells get a strip on the right in the
     * verdict colour of {@code flagStatus} (the policy's state of such cells; grey when not judged).
     */
    public void drawTimeGrid(AggregateDisplay.TimeGrid grid, VerdictStatus flagStatus) {
        Color flag = VerdictStyles.fxColor(flagStatus);
        int rows = grid.times().size();
        int cols = grid.areas().size();
        double labelW = 130;
        double top = 92;
        double cw = Math.max(18, Math.min(64, 1050.0 / Math.max(1, cols)));
        double rh = Math.max(4, Math.min(22, 600.0 / Math.max(1, rows)));
        double w = labelW + cols * cw + 20;
        double h = top + rows * rh + 16;
        GraphicsContext g = prepare(Math.max(w, 760), h);
        double max = grid.max();
        g.setTextBaseline(VPos.TOP);
        g.setFill(INK);
        g.setFont(Font.font("DejaVu Sans", 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Messages.get("uiagg.time.title", grid.table()), 8, 6);
        legendBar(g, labelW, 26, 220, 0, max, Messages.get("uiagg.time.legend"));
        noneChip(g, labelW + 250, 42);
        g.setFill(flag);
        g.fillRect(labelW + 420, 42, 5, 12);
        g.setFill(INK);
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Messages.get("uiagg.time.flag"), labelW + 432, 41);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font("DejaVu Sans", 10));
        g.setTextAlign(TextAlignment.CENTER);
        for (int j = 0; j < cols; j++) {
            g.fillText(grid.areas().get(j), labelW + j * cw + cw / 2, top - 9);
        }
        int every = (int) Math.ceil(13 / rh);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < rows; i++) {
            double y = top + i * rh;
            if (i % every == 0) {
                g.setFill(INK);
                g.fillText(grid.times().get(i), labelW - 6, y + rh / 2);
            }
            for (int j = 0; j < cols; j++) {
                double x = labelW + j * cw;
                g.setFill(color(grid.counts()[i][j], 0, max));
                g.fillRect(x, y, cw - 1, rh - (rh > 8 ? 1 : 0));
                if (grid.flagged()[i][j] > 0) {
                    g.setFill(flag);
                    g.fillRect(x + cw - 6, y, 5, rh - (rh > 8 ? 1 : 0));
                }
            }
        }
    }

    private static boolean dark(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue() < 0.55;
    }

    private void legendBar(GraphicsContext g, double x, double y, double width, double min, double max, String title) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setFill(INK);
        g.fillText(title, x, y);
        g.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, new Stop(0, color(min, min, max)),
                new Stop(0.5, color((min + max) / 2, min, max)), new Stop(1, color(max, min, max))));
        g.fillRect(x, y + 16, width, 12);
        g.setStroke(OUTLINE);
        g.strokeRect(x, y + 16, width, 12);
        g.setFill(INK);
        g.fillText(AggregateDisplay.num(min), x, y + 31);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(AggregateDisplay.num(max), x + width, y + 31);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void noneChip(GraphicsContext g, double x, double y) {
        g.setTextBaseline(VPos.TOP);
        g.setFill(NONE);
        g.fillRect(x, y, 14, 12);
        g.setFill(INK);
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Messages.get("uiagg.legend.none"), x + 20, y - 1);
    }

    private GraphicsContext prepare(double w, double h) {
        canvas.setWidth(w);
        canvas.setHeight(h);
        setPrefSize(w, h);
        setMinSize(w, h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(ON_DARK);
        g.fillRect(0, 0, w, h);
        return g;
    }
}
