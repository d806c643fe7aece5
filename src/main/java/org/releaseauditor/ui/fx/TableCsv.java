package org.releaseauditor.ui.fx;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.releaseauditor.core.i18n.Messages;

/** "Copy as CSV" for every table (context menu). Copies what is displayed, nothing more. */
public final class TableCsv {
    private TableCsv() {
    }

    /** Installs a context menu item that copies the table's visible cells as CSV. */
    public static void install(TableView<?> table) {
        MenuItem copy = new MenuItem(Messages.get("ui.table.copyCsv"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(toCsv(table));
            Clipboard.getSystemClipboard().setContent(c);
        });
        table.setContextMenu(new ContextMenu(copy));
    }

    /** The table's header and displayed cell texts as RFC-4180 CSV. */
    public static <S> String toCsv(TableView<S> table) {
        StringBuilder sb = new StringBuilder();
        var cols = table.getVisibleLeafColumns();
        for (int c = 0; c < cols.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(quote(cols.get(c).getText()));
        }
        sb.append("\r\n");
        for (S item : table.getItems()) {
            for (int c = 0; c < cols.size(); c++) {
                @SuppressWarnings("unchecked")
                TableColumn<S, Object> col = (TableColumn<S, Object>) cols.get(c);
                Object v = col.getCellObservableValue(item) == null ? null : col.getCellObservableValue(item).getValue();
                sb.append(c == 0 ? "" : ",").append(quote(v == null ? "" : String.valueOf(v)));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    static String quote(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
