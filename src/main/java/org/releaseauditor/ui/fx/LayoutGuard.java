package org.releaseauditor.ui.fx;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Keeps texts whole in both languages (issue 13): a button, check box or toggle is never narrower
 * than its text (a layout short of room shrinks the labels and panes around it, which wrap,
 * instead of eliding "Ausführen" to "Ausfü…"), and tables keep their columns as wide as their
 * headers and values ({@link ColumnFit}). Applied to every FXML view by {@link FxmlViews}, and to
 * whatever is added to it later (rows of settings built in code, tab contents, scroll contents).
 */
public final class LayoutGuard {
    private static final Object KEY = new Object();

    private LayoutGuard() {
    }

    /** Guards {@code n} and everything inside it, now and when children are added. */
    public static void install(Node n) {
        if (n == null || n.getProperties().containsKey(KEY)) {
            return;
        }
        n.getProperties().put(KEY, Boolean.TRUE);
        if (n instanceof ButtonBase b && !b.isWrapText() && !(b.getParent() instanceof ToolBar)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (n instanceof TableView<?> t) {
            ColumnFit.install(t);
            if (t.getPlaceholder() == null) {
                // JavaFX's own "No content in table" follows the JVM's locale, not the UI language
                javafx.scene.control.Label empty = new javafx.scene.control.Label(
                        org.releaseauditor.core.i18n.Messages.get("table.empty"));
                empty.getStyleClass().add("explain");
                t.setPlaceholder(empty);
            }
        }
        if (n instanceof ScrollPane sp) {
            install(sp.getContent());
            sp.contentProperty().addListener((o, a, b) -> install(b));
        } else if (n instanceof TitledPane tp) {
            install(tp.getContent());
            tp.contentProperty().addListener((o, a, b) -> install(b));
        } else if (n instanceof SplitPane s) {
            s.getItems().forEach(LayoutGuard::install);
            s.getItems().addListener((ListChangeListener<Node>) c -> c.getList().forEach(LayoutGuard::install));
        } else if (n instanceof TabPane tp) {
            for (Tab t : tp.getTabs()) {
                tab(t);
            }
            tp.getTabs().addListener((ListChangeListener<Tab>) c -> c.getList().forEach(LayoutGuard::tab));
        } else if (n instanceof ToolBar tb) {
            tb.getItems().forEach(LayoutGuard::install);
            tb.getItems().addListener((ListChangeListener<Node>) c -> c.getList().forEach(LayoutGuard::install));
        } else if (n instanceof Pane p) {
            p.getChildren().forEach(LayoutGuard::install);
            p.getChildren().addListener((ListChangeListener<Node>) c -> c.getList().forEach(LayoutGuard::install));
        } else if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control)) {
            p.getChildrenUnmodifiable().forEach(LayoutGuard::install);
        }
    }

    private static void tab(Tab t) {
        install(t.getContent());
        t.contentProperty().addListener((o, a, b) -> install(b));
    }
}
