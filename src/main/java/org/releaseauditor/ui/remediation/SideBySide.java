package org.releaseauditor.ui.remediation;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two panels side by side while they fit, one under the other when they do not: the What-if
 * panels' levels (first child, which gives way down to its minimum width) and comparison (second
 * child, always at its preferred width, so no metric or value is elided). Below the sum of the
 * first's minimum, the gap and the second's preferred width, the second moves under the first and
 * both take the whole width. Issue 13.5: the What-if tab is the lower half of a dashboard at
 * 1280x800, and the comparison is wider in German.
 */
public final class SideBySide extends Pane {
    /** Space between the two panels, across or down. */
    static final double GAP = 12;

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private List<Node> two() {
        List<Node> managed = getManagedChildren();
        return managed.size() >= 2 ? managed.subList(0, 2) : List.of();
    }

    /** Whether the two fit across {@code width} (the content width, without insets). */
    private boolean across(double width) {
        List<Node> c = two();
        return c.isEmpty() || width < 0
                || c.get(0).minWidth(-1) + GAP + c.get(1).prefWidth(-1) <= width;
    }

    private double inner(double width) {
        return width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        // stacked: the first at its minimum, the second never below its preferred width
        List<Node> c = two();
        double w = c.isEmpty() ? 0 : Math.max(c.get(0).minWidth(-1), c.get(1).prefWidth(-1));
        for (Node n : getManagedChildren()) {
            w = Math.max(w, n.minWidth(-1));
        }
        return w + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Node n : getManagedChildren()) {
            w += n.prefWidth(-1);
        }
        return w + (two().isEmpty() ? 0 : GAP) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        List<Node> c = two();
        double insets = snappedTopInset() + snappedBottomInset();
        if (c.isEmpty()) {
            double h = 0;
            for (Node n : getManagedChildren()) {
                h = Math.max(h, n.prefHeight(-1));
            }
            return h + insets;
        }
        double w = inner(width);
        double[] widths = widths(w);
        double h0 = c.get(0).prefHeight(widths[0]);
        double h1 = c.get(1).prefHeight(widths[1]);
        return (across(w) ? Math.max(h0, h1) : h0 + GAP + h1) + insets;
    }

    /** The widths of the first and second child at content width {@code w}. */
    private double[] widths(double w) {
        List<Node> c = two();
        Node a = c.get(0);
        Node b = c.get(1);
        double bw = b.prefWidth(-1);
        if (w < 0) {
            return new double[] {a.prefWidth(-1), bw};
        }
        if (across(w)) {
            double aw = Math.min(a.maxWidth(-1), w - GAP - bw);
            return new double[] {Math.max(a.minWidth(-1), aw), bw};
        }
        return new double[] {Math.min(a.maxWidth(-1), w), Math.max(bw, Math.min(b.maxWidth(-1), w))};
    }

    @Override
    protected void layoutChildren() {
        List<Node> c = two();
        double x = snappedLeftInset();
        double y = snappedTopInset();
        if (c.isEmpty()) {
            for (Node n : getManagedChildren()) {
                n.resizeRelocate(x, y, n.prefWidth(-1), n.prefHeight(-1));
            }
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double[] widths = widths(w);
        Node a = c.get(0);
        Node b = c.get(1);
        double ha = a.prefHeight(widths[0]);
        double hb = b.prefHeight(widths[1]);
        a.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(widths[0]), snapSizeY(ha));
        if (across(w)) {
            b.resizeRelocate(snapPositionX(x + widths[0] + GAP), snapPositionY(y), snapSizeX(widths[1]),
                    snapSizeY(hb));
        } else {
            b.resizeRelocate(snapPositionX(x), snapPositionY(y + ha + GAP), snapSizeX(widths[1]), snapSizeY(hb));
        }
    }
}
