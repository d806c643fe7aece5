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
import javafx.scene.text.TextAlignment;
import org.releaseauditor.core.i18n.Messages;

/**
 * Offline heatmaps drawn on a canvas: the area map (areas on a plain grid, smallest published
 * count per area) and the time × area grid with flagged fields marked. Both carry a legend.
 */
public final class HeatCanvas extends Pane {
    private static final Color NONE = Color.web("#cfd8dc");
    private static final Color LOW = Color.web("#b71c1c");
    private static final Color MID = Color.web("#fb8c00");
    private static final Color HIGH = Color.web("#fff8e1");
    private final Canvas canvas = new Canvas(10, 10);

    public HeatCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("heat-canvas");
    }

    /** Small counts are dark red (risky), large ones pale; NaN grey. */
    static Color color(double v, double min, double max) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        double t = max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0;
        return t < 0.5 ? LOW.interpolate(MID, t * 2) : MID.interpolate(HIGH, (t - 0.5) * 2);
    }

    /** Draws the area map. */
    public void drawMap(AggregateDisplay.AreaMap map) {
        double cell = 92;
        double left = 20;
        double top = 34;
        double w = left + map.columns() * cell + 40;
        double h = top + map.rows() * cell + 90;
        GraphicsContext g = prepare(Math.max(w, 420), h);
        g.setFill(Color.web("#2b3440"));
        g.setFont(Font.font("DejaVu Sans", 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Messages.get("uiagg.map.title", map.table()), left, 8);
        for (AggregateDisplay.AreaPoint p : map.points()) {
            double x = left + p.column() * cell;
            double y = top + p.row() * cell;
            Color c = color(p.minCount(), map.min(), map.max());
            g.setFill(c);
            g.fillRect(x + 2, y + 2, cell - 4, cell - 4);
            g.setStroke(Color.web("#90a4ae"));
            g.strokeRect(x + 2, y + 2, cell - 4, cell - 4);
            g.setFill(c.getBrightness() < 0.65 ? Color.WHITE : Color.web("#1f2933"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(Font.font("DejaVu Sans", 11));
            g.fillText(p.area(), x + cell / 2, y + 14);
            g.setFont(Font.font("DejaVu Sans", 20));
            g.fillText(AggregateDisplay.num(p.minCount()), x + cell / 2, y + 38);
        }
        legend(g, left, top + map.rows() * cell + 16, Math.min(320, Math.max(240, map.columns() * cell)),
                map.min(), map.max(), Messages.get("uiagg.map.legend"));
    }

    /** Draws the time × area heatmap, marking fields with flagged cells by a dark corner. */
    public void drawTimeGrid(AggregateDisplay.TimeGrid grid) {
        int rows = grid.times().size();
        int cols = grid.areas().size();
        double labelW = 130;
        double top = 52;
        double cw = Math.max(18, Math.min(64, 1100.0 / Math.max(1, cols)));
        double rh = Math.max(5, Math.min(22, 620.0 / Math.max(1, rows)));
        double w = labelW + cols * cw + 20;
        double h = top + rows * rh + 90;
        GraphicsContext g = prepare(Math.max(w, 420), h);
        double max = grid.max();
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.web("#2b3440"));
        g.setFont(Font.font("DejaVu Sans", 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Messages.get("uiagg.time.title", grid.table()), 8, 12);
        g.setFont(Font.font("DejaVu Sans", 10));
        g.setTextAlign(TextAlignment.CENTER);
        for (int j = 0; j < cols; j++) {
            g.fillText(grid.areas().get(j), labelW + j * cw + cw / 2, top - 10);
        }
        int every = (int) Math.ceil(13 / rh);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < rows; i++) {
            double y = top + i * rh;
            if (i % every == 0) {
                g.setFill(Color.web("#2b3440"));
                g.fillText(grid.times().get(i), labelW - 6, y + rh / 2);
            }
            for (int j = 0; j < cols; j++) {
                double x = labelW + j * cw;
                g.setFill(color(grid.counts()[i][j], 0, max));
                g.fillRect(x, y, cw - 1, rh - (rh > 8 ? 1 : 0));
                if (grid.flagged()[i][j] > 0) {
                    double m = Math.min(cw, rh) * 0.8;
                    g.setFill(Color.web("#4a148c"));
                    g.fillPolygon(new double[] {x + cw - 1 - m, x + cw - 1, x + cw - 1},
                            new double[] {y, y, y + m}, 3);
                }
            }
        }
        double ly = top + rows * rh + 14;
        legend(g, labelW, ly, 260, 0, max, Messages.get("uiagg.time.legend"));
        g.setFill(Color.web("#4a148c"));
        g.fillPolygon(new double[] {labelW + 300, labelW + 314, labelW + 314}, new double[] {ly + 14, ly + 14, ly + 28}, 3);
        g.setFill(Color.web("#2b3440"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", 11));
        g.fillText(Messages.get("uiagg.time.flag"), labelW + 320, ly + 21);
    }

    private void legend(GraphicsContext g, double x, double y, double width, double min, double max, String title) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setFill(Color.web("#2b3440"));
        g.fillText(title, x, y);
        g.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, new Stop(0, LOW), new Stop(0.5, MID),
                new Stop(1, HIGH)));
        g.fillRect(x, y + 16, width, 12);
        g.setStroke(Color.web("#90a4ae"));
        g.strokeRect(x, y + 16, width, 12);
        g.setFill(Color.web("#2b3440"));
        g.fillText(AggregateDisplay.num(Double.isInfinite(min) ? Double.NaN : min), x, y + 32);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(AggregateDisplay.num(max), x + width, y + 32);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(NONE);
        g.fillRect(x, y + 50, 14, 12);
        g.setFill(Color.web("#2b3440"));
        g.fillText(Messages.get("uiagg.legend.none"), x + 20, y + 49);
        g.setTextBaseline(VPos.CENTER);
    }

    private GraphicsContext prepare(double w, double h) {
        canvas.setWidth(w);
        canvas.setHeight(h);
        setPrefSize(w, h);
        setMinSize(w, h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        return g;
    }
}
