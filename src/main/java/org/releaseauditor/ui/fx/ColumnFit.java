package org.releaseauditor.ui.fx;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps table columns at least as wide as their header and their values, so that a German header
 * ("Größe der schlechtesten Klasse") or a value ("28,8 % (24,8–32,7)") is not cut to "Größe d…"
 * when a constrained resize policy squeezes the columns into a narrow pane: the table scrolls
 * sideways instead. Long free texts (rationales, explanations) are capped at {@link #MAX_WIDTH}.
 * Every FXML view gets it through {@link FxmlViews}; a table built in code calls {@link #install}.
 */
public final class ColumnFit {
    /** The widest a column is made for its values (a longer text is elided, with its tooltip). */
    static final double MAX_WIDTH = 420;
    /** Rows measured (the first ones: enough for the widths, cheap on a large result). */
    static final int ROWS = 300;
    private static final Object KEY = new Object();
    private static final Font HEADER = Font.font("DejaVu Sans", FontWeight.BOLD, 13);
    private static final Font CELL = Font.font("DejaVu Sans", 13);

    private ColumnFit() {
    }

    /** Installs the fitting on every table inside {@code root} (FXML views, once loaded). */
    public static void installAll(Parent root) {
        if (root instanceof TableView<?> t) {
            install(t);
        }
        for (Node n : root.getChildrenUnmodifiable()) {
            if (n instanceof Parent p) {
                installAll(p);
            }
        }
    }

    /** Keeps {@code table}'s columns as wide as their header and values, now and after changes. */
    public static <S> void install(TableView<S> table) {
        if (table.getProperties().containsKey(KEY)) {
            return;
        }
        table.getProperties().put(KEY, Boolean.TRUE);
        Runnable refit = () -> schedule(table);
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> refit.run());
        table.itemsProperty().addListener((o, a, b) -> {
            if (b != null) {
                b.addListener((ListChangeListener<S>) c -> refit.run());
            }
            refit.run();
        });
        if (table.getItems() != null) {
            table.getItems().addListener((ListChangeListener<S>) c -> refit.run());
        }
        refit.run();
    }

    private static final Object PENDING = new Object();

    private static void schedule(TableView<?> table) {
        if (table.getProperties().put(PENDING, Boolean.TRUE) == null) {
            Platform.runLater(() -> {
                table.getProperties().remove(PENDING);
                fit(table);
            });
        }
    }

    /** Fits the columns now. */
    public static <S> void fit(TableView<S> table) {
        for (TableColumn<S, ?> c : table.getColumns()) {
            fit(table, c);
        }
    }

    private static <S> void fit(TableView<S> table, TableColumn<S, ?> c) {
        if (!c.getColumns().isEmpty()) {
            for (TableColumn<S, ?> sub : c.getColumns()) {
                fit(table, sub);
            }
            return;
        }
        double w = width(c.getText(), HEADER) + 26;
        int rows = table.getItems() == null ? 0 : Math.min(ROWS, table.getItems().size());
        for (int i = 0; i < rows; i++) {
            Object v = c.getCellData(i);
            if (v instanceof CharSequence || v instanceof Number) {
                w = Math.max(w, Math.min(MAX_WIDTH, width(v.toString(), CELL) + 20));
            }
        }
        w = Math.ceil(Math.min(MAX_WIDTH, w));
        if (c.getMinWidth() < w) {
            c.setMinWidth(w);
        }
        if (c.getPrefWidth() < w) {
            c.setPrefWidth(w);
        }
    }

    /**
     * Keeps {@code c} at least as wide as the widest of {@code shown}: for a column whose values are
     * shown through a converter (a choice of types or roles in a combo box cell), which {@link #fit}
     * cannot measure. Leaves room for the combo box's arrow while the cell is edited.
     */
    public static void atLeast(TableColumn<?, ?> c, java.util.Collection<String> shown) {
        double w = width(c.getText(), HEADER) + 26;
        for (String s : shown) {
            w = Math.max(w, width(s, CELL) + 20 + COMBO_ARROW);
        }
        w = Math.ceil(w);
        if (c.getMinWidth() < w) {
            c.setMinWidth(w);
        }
        if (c.getPrefWidth() < w) {
            c.setPrefWidth(w);
        }
    }

    /** The width of a combo box's arrow button (a cell being edited shows one). */
    private static final double COMBO_ARROW = 28;

    private static double width(String s, Font f) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

}
