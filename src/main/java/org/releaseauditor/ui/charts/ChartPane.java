package org.releaseauditor.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.fx.DialogService;

/** A chart with a context menu to export it as PNG or SVG. */
public final class ChartPane extends StackPane {
    private final ChartViewer viewer = new ChartViewer(null);
    private final DialogService dialogs;
    private JFreeChart chart;

    public ChartPane(DialogService dialogs) {
        this.dialogs = dialogs;
        getChildren().add(viewer);
        viewer.setVisible(false); // an empty viewer throws on mouse moves (JFreeChart: null source)
        setMinSize(200, 160);
        setPrefSize(480, 300);
        MenuItem png = new MenuItem(Messages.get("ui.chart.exportPng"));
        png.setOnAction(e -> export("png"));
        MenuItem svg = new MenuItem(Messages.get("ui.chart.exportSvg"));
        svg.setOnAction(e -> export("svg"));
        ContextMenu menu = viewer.getContextMenu();
        if (menu != null) {
            menu.getItems().setAll(png, svg);
        }
    }

    /** Shows {@code chart}; null shows nothing (a part still being computed, or nothing to draw). */
    public void setChart(JFreeChart chart) {
        this.chart = chart;
        viewer.setVisible(chart != null);
        if (chart != null) {
            org.releaseauditor.ui.fx.Numbers.localise(chart);
            viewer.setChart(chart);
        }
    }

    public JFreeChart chart() {
        return chart;
    }

    private void export(String kind) {
        if (chart == null) {
            return;
        }
        String name = (chart.getTitle() != null ? chart.getTitle().getText() : "chart")
                .replaceAll("[^A-Za-z0-9._-]+", "_") + "." + kind;
        dialogs.chooseFileToSave(Messages.get("ui.chart.export"), null, name).ifPresent(p -> write(kind, p));
    }

    private void write(String kind, Path p) {
        try {
            if (kind.equals("png")) {
                ChartExport.png(chart, p, 1200, 750);
            } else {
                ChartExport.svg(chart, p, 1200, 750);
            }
            dialogs.notify(Messages.get("ui.chart.exported", p.getFileName()));
        } catch (IOException ex) {
            dialogs.showError(Messages.get("ui.chart.export"), Messages.get("ui.chart.exportFailed", p), null);
        }
    }
}
