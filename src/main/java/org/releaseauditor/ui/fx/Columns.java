package org.releaseauditor.ui.fx;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Read-only table columns from plain functions (text, and right-aligned numbers). */
public final class Columns {
    private Columns() {
    }

    /** Texts from this length on get a tooltip in {@link #text} columns. */
    static final int LONG = 40;

    /** A text column. */
    public static <S> TableColumn<S, String> text(String title, Function<S, String> f) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        // a long text (a rationale, a timestamp list) may not fit its column: the tooltip shows it whole
        c.setCellFactory(tc -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < LONG ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }

    /** A right-aligned number column that sorts numerically (whole numbers with grouping). */
    public static <S> TableColumn<S, Double> number(String title, Function<S, Double> f) {
        return number(title, f, 4);
    }

    /** As {@link #number(String, Function)} with {@code decimals} places for fractional values. */
    public static <S> TableColumn<S, Double> number(String title, Function<S, Double> f, int decimals) {
        TableColumn<S, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setCellFactory(tc -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : item == Math.rint(item) && Math.abs(item) < 1e15 ? Numbers.grouped(item)
                        : Numbers.fixed(item, decimals));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
