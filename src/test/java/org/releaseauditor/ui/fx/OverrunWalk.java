package org.releaseauditor.ui.fx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * Walks a laid-out scene graph and reports what a user would see cut off, plus every text that is
 * rendered (for the checks on number formats and raw enum names). Call on the FX thread.
 *
 * <p>A label is <b>cut</b> when its rendered {@code Text} (the skin's {@code LabeledText}) differs
 * from its text: JavaFX elides an overrun with an ellipsis, or clips it, in the rendered node only.
 * The owner of a rendered text is its nearest {@link Labeled} ancestor, so this covers labels,
 * buttons, check boxes, table column headers, table and list cells, the button cell of a combo
 * box, the label of a choice box, tab titles and {@code TitledPane} titles alike. A tab header
 * pushed out of its tab pane (the overflow menu) and a label that reaches past the window edge
 * (outside any scroll pane) count as cut too.
 *
 * <p>Rendered texts are: every visible labelled text, free {@link Text} nodes, the items of every
 * visible combo box and choice box (as their cells or converters show them), and the titles,
 * legend entries, axis labels, category labels and number-axis tick labels of every JFreeChart.
 */
public final class OverrunWalk {

    /**
     * A cut: the view, the whole text, what is rendered of it, and whether the whole text is one
     * hover away (the control's tooltip shows it).
     */
    public record Cut(String view, String text, String rendered, boolean inTooltip) {
        @Override
        public String toString() {
            return "[" + view + "] \"" + text + "\" -> \"" + rendered + "\"";
        }
    }

    /** A rendered text in a view; {@code kind} names where it comes from (label, chart, combo item…). */
    public record Shown(String view, String kind, String text) {
        @Override
        public String toString() {
            return "[" + view + "] " + kind + ": \"" + text + "\"";
        }
    }

    /** What one walk found. */
    public record Report(List<Cut> cuts, List<Shown> texts) {
        public Report() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        /** Adds another walk's findings. */
        public void addAll(Report other) {
            cuts.addAll(other.cuts);
            texts.addAll(other.texts);
        }
    }

    private OverrunWalk() {
    }

    /** Walks the visible part of {@code root}, naming findings {@code view}. FX thread. */
    public static Report walk(String view, Node root) {
        Report r = new Report();
        Set<Node> seen = new LinkedHashSet<>();
        walk(view, root, r, seen);
        return r;
    }

    /**
     * Every {@link Labeled} under {@code root}, including the content of scroll and titled panes
     * (the per-panel check of the Verdict, Decision and Help tests).
     */
    public static List<Labeled> labels(Node root) {
        List<Labeled> out = new ArrayList<>();
        collectLabels(root, out);
        return out;
    }

    private static void collectLabels(Node n, List<Labeled> out) {
        if (n instanceof Labeled l) {
            out.add(l);
        }
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            collectLabels(sp.getContent(), out);
        }
        if (n instanceof javafx.scene.control.TitledPane tp && tp.getContent() != null) {
            collectLabels(tp.getContent(), out);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectLabels(c, out);
            }
        }
    }

    /** "text -> rendered" for every shown label under {@code root} whose rendered text is cut (an ellipsis). */
    public static List<String> labelsCut(Node root) {
        List<String> cut = new ArrayList<>();
        for (Labeled l : labels(root)) {
            if (!shownWithParents(l) || l.getText() == null || l.getText().isEmpty()) {
                continue;
            }
            for (Node n : l.getChildrenUnmodifiable()) {
                if (n instanceof Text t && !t.getText().equals(l.getText())) {
                    cut.add(l.getText() + " -> " + t.getText());
                }
            }
        }
        return cut;
    }

    /** Whether a node and all its parents are visible (a hidden box's labels are not laid out). */
    private static boolean shownWithParents(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Every tab pane inside {@code root} that is showing, outermost first (lane and detail tabs). */
    public static List<TabPane> tabPanes(Node root, Predicate<TabPane> accept) {
        List<TabPane> out = new ArrayList<>();
        collectTabPanes(root, out, accept);
        return out;
    }

    private static void collectTabPanes(Node n, List<TabPane> out, Predicate<TabPane> accept) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof TabPane tp && accept.test(tp)) {
            out.add(tp);
            // the selected tab's content only: the others are not showing
            Tab sel = tp.getSelectionModel().getSelectedItem();
            if (sel != null && sel.getContent() != null) {
                collectTabPanes(sel.getContent(), out, accept);
            }
            return;
        }
        if (n instanceof ScrollPane sp && sp.getContent() != null) {
            collectTabPanes(sp.getContent(), out, accept);
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectTabPanes(c, out, accept);
            }
        }
    }

    private static void walk(String view, Node n, Report r, Set<Node> seen) {
        if (!n.isVisible() || !seen.add(n)) {
            return;
        }
        if (n instanceof Text t) {
            text(view, t, r);
        }
        if (n instanceof Labeled l) {
            beyondWindow(view, l, r);
        }
        if (n instanceof ComboBox<?> cb) {
            comboItems(view, cb, r);
        }
        if (n instanceof ChoiceBox<?> ch) {
            for (Object o : ch.getItems()) {
                String s = ch.getConverter() != null ? ch.getConverter().toString(cast(o)) : String.valueOf(o);
                add(r, view, "choice item", s);
            }
        }
        if (n instanceof ChartViewer cv && cv.getChart() != null) {
            chart(view, cv.getChart(), r);
        }
        if (n instanceof TabPane tp) {
            tabHeaders(view, tp, r);
        }
        if (n instanceof TextInputControl) {
            return; // what the user typed or may edit: not checked
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(view, c, r, seen);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** A rendered text: compared with its owner's text when a labelled control owns it. */
    private static void text(String view, Text t, Report r) {
        String shown = t.getText();
        if (shown == null || shown.isEmpty()) {
            return;
        }
        Labeled owner = owner(t);
        if (owner != null && "LabeledText".equals(t.getClass().getSimpleName())) {
            String whole = owner.getText();
            if (whole != null && !whole.equals(shown)) {
                r.cuts.add(new Cut(view, whole, shown, owner.getTooltip() != null
                        && whole.equals(owner.getTooltip().getText())));
            }
            add(r, view, owner.getClass().getSimpleName(), whole == null ? shown : whole);
        } else {
            add(r, view, "text", shown);
        }
    }

    private static Labeled owner(Node n) {
        for (Node x = n.getParent(); x != null; x = x.getParent()) {
            if (x instanceof Labeled l) {
                return l;
            }
        }
        return null;
    }

    /** A label whose right edge lies past the window and that no scroll pane can bring into view. */
    private static void beyondWindow(String view, Labeled l, Report r) {
        if (l.getScene() == null || l.getText() == null || l.getText().isBlank() || l.getWidth() <= 0) {
            return;
        }
        for (Node x = l.getParent(); x != null; x = x.getParent()) {
            if (x instanceof ScrollPane || x instanceof javafx.scene.control.skin.VirtualFlow<?>
                    || x instanceof javafx.scene.control.TableView<?> || x instanceof ListView<?>) {
                return;
            }
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        double w = l.getScene().getWidth();
        if (b.getMaxX() > w + 1 && b.getMinX() < w) {
            r.cuts.add(new Cut(view, l.getText(), "(reaches " + Math.round(b.getMaxX()) + " px of a "
                    + Math.round(w) + " px window)", false));
        }
    }

    /** Tab headers pushed out of the header area (the tab pane shows an overflow menu instead). */
    private static void tabHeaders(String view, TabPane tp, Report r) {
        Bounds pane = tp.localToScene(tp.getLayoutBounds());
        for (Node h : tp.lookupAll(".tab")) {
            if (h.getParent() == null || !h.getParent().getStyleClass().contains("headers-region")
                    || owningTabPane(h) != tp) {
                continue;
            }
            Bounds b = h.localToScene(h.getLayoutBounds());
            Object tab = h.getProperties().get(Tab.class);
            String title = tab instanceof Tab t ? t.getText() : String.valueOf(h.lookup(".tab-label"));
            if (b.getMaxX() > pane.getMaxX() + 1 || b.getMinX() < pane.getMinX() - 1) {
                r.cuts.add(new Cut(view, title, "(tab header outside the tab pane: overflow menu)", false));
            }
        }
    }

    private static TabPane owningTabPane(Node n) {
        for (Node x = n.getParent(); x != null; x = x.getParent()) {
            if (x instanceof TabPane tp) {
                return tp;
            }
        }
        return null;
    }

    /** The items of a combo box as its cells show them (the popup is not open during the walk). */
    private static <T> void comboItems(String view, ComboBox<T> cb, Report r) {
        ListView<T> lv = new ListView<>(cb.getItems());
        for (int i = 0; i < cb.getItems().size(); i++) {
            String s;
            if (cb.getCellFactory() != null) {
                ListCell<T> cell = cb.getCellFactory().call(lv);
                cell.updateListView(lv);
                cell.updateIndex(i);
                s = cell.getText();
            } else if (cb.getConverter() != null) {
                s = cb.getConverter().toString(cb.getItems().get(i));
            } else {
                s = String.valueOf(cb.getItems().get(i));
            }
            add(r, view, "combo item", s);
        }
    }

    private static void chart(String view, JFreeChart chart, Report r) {
        if (chart.getTitle() != null) {
            add(r, view, "chart title", chart.getTitle().getText());
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt) {
                add(r, view, "chart subtitle", tt.getText());
            }
        }
        Plot plot = chart.getPlot();
        if (plot.getLegendItems() != null && chart.getLegend() != null) {
            for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
                LegendItem li = plot.getLegendItems().get(i);
                add(r, view, "chart legend", li.getLabel());
            }
        }
        if (plot instanceof CategoryPlot cp) {
            axis(view, cp.getRangeAxis(), r);
            axis(view, cp.getDomainAxis(), r);
            if (cp.getDataset() != null) {
                for (Object k : cp.getDataset().getColumnKeys()) {
                    add(r, view, "chart category", String.valueOf(k));
                }
            }
        }
        if (plot instanceof XYPlot xp) {
            axis(view, xp.getRangeAxis(), r);
            axis(view, xp.getDomainAxis(), r);
        }
    }

    private static void axis(String view, Axis a, Report r) {
        if (a == null || !a.isVisible()) {
            return;
        }
        if (a.getLabel() != null) {
            add(r, view, "chart axis label", a.getLabel());
        }
        if (a instanceof NumberAxis na && na.isTickLabelsVisible()) {
            // the tick labels as drawn: the override format if there is one, else the tick unit's
            double lo = na.getLowerBound();
            double hi = na.getUpperBound();
            double step = na.getTickUnit() == null ? 0 : na.getTickUnit().getSize();
            if (step > 0 && (hi - lo) / step < 200) {
                for (double v = Math.ceil(lo / step) * step; v <= hi + step / 1e6; v += step) {
                    String s = na.getNumberFormatOverride() != null ? na.getNumberFormatOverride().format(v)
                            : na.getTickUnit().valueToString(v);
                    add(r, view, "chart tick", s);
                }
            }
        }
        if (a instanceof CategoryAxis) {
            return; // category labels come from the dataset keys
        }
    }

    private static void add(Report r, String view, String kind, String text) {
        if (text != null && !text.isBlank()) {
            r.texts.add(new Shown(view, kind, text));
        }
    }

    /** The text of a node's tooltip, if any (not checked: for allow-listed, deliberately elided texts). */
    public static String tooltip(Node n) {
        Object t = n.getProperties().get("javafx.scene.control.Tooltip");
        return t instanceof Tooltip tip ? tip.getText() : null;
    }
}
