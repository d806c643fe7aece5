package org.releaseauditor.ui.help;

import java.lang.ref.WeakReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * F1 in a window: installed once on its scene, it remembers the node under the mouse cursor and,
 * on F1, shows the help pane for that node's measure ({@link MetricHelp#keyOf}), else for the
 * focused node's, else the pane's list of the current lane. The pane itself comes from a
 * supplier because the window rebuilds its content when the language changes.
 */
public final class HelpSupport {
    private final Scene scene;
    private final Supplier<HelpPane> pane;
    private final Consumer<HelpPane> open;
    private WeakReference<Node> hovered = new WeakReference<>(null);
    private WeakReference<Node> returnFocus = new WeakReference<>(null);

    /**
     * @param scene the window's scene
     * @param pane  the help pane of the current content
     * @param open  shows the pane (the window puts it at its right edge)
     */
    public HelpSupport(Scene scene, Supplier<HelpPane> pane, Consumer<HelpPane> open) {
        this.scene = scene;
        this.pane = pane;
        this.open = open;
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, this::track);
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::track);
        scene.addEventFilter(MouseEvent.MOUSE_EXITED, e -> {
            if (e.getTarget() == scene) {
                hovered = new WeakReference<>(null);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1 && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                helpForPointer();
            }
        });
    }

    private void track(MouseEvent e) {
        Node n = e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode();
        hovered = new WeakReference<>(n);
    }

    /** F1: the measure under the cursor, else the focused one, else the list. */
    public void helpForPointer() {
        Node h = hovered.get();
        if (h != null && h.getScene() == scene && !inside(h)) {
            var key = MetricHelp.keyOf(h);
            if (key.isPresent()) {
                show(key.get());
                return;
            }
        }
        Node f = scene.getFocusOwner();
        if (f != null && !inside(f)) {
            var key = MetricHelp.keyOfFocused(f);
            if (key.isPresent()) {
                show(key.get());
                return;
            }
        }
        if (f != null && inside(f)) {
            // F1 inside the pane: keep what it shows
            openPane();
            return;
        }
        showList();
    }

    /** Help → Metric help: the measure of the focused node, else the list. */
    public void helpForFocus() {
        Node f = scene.getFocusOwner();
        var key = f == null || inside(f) ? java.util.Optional.<MetricHelp.Key>empty() : MetricHelp.keyOfFocused(f);
        if (key.isPresent()) {
            show(key.get());
        } else {
            showList();
        }
    }

    /** Shows {@code key} in the pane (opening it) and focuses the pane's close button. */
    public void show(MetricHelp.Key key) {
        HelpPane p = openPane();
        p.show(key);
        p.closeButton().requestFocus();
    }

    /** Opens the pane on the list of the current lane, the filter field focused. */
    public void showList() {
        HelpPane p = openPane();
        p.showNothing();
        p.filterField().requestFocus();
    }

    /** The scene it is installed on. */
    public Scene scene() {
        return scene;
    }

    /** Where the focus goes back to when the pane closes. */
    public Node returnFocus() {
        return returnFocus.get();
    }

    private HelpPane openPane() {
        HelpPane p = pane.get();
        Node f = scene.getFocusOwner();
        if (f != null && !inside(f)) {
            returnFocus = new WeakReference<>(f);
        }
        open.accept(p);
        return p;
    }

    private boolean inside(Node n) {
        HelpPane p = pane.get();
        for (Node x = n; x != null; x = x.getParent()) {
            if (x == p) {
                return true;
            }
        }
        return false;
    }
}
