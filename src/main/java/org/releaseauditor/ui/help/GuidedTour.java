package org.releaseauditor.ui.help;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.releaseauditor.core.i18n.Messages;

/**
 * A short guided tour over the main window: each step frames a real control and explains it in a
 * callout beside it, with Back, Next (Finish on the last step) and Skip; Esc closes it. A
 * highlighted overlay in the window's own scene rather than popup windows: it moves with the
 * window, is part of the window's keyboard focus cycle, and shows in the window's snapshot.
 * "Don't show this tour again" is ticked by default; {@code onEnd} receives its state whenever
 * the tour ends (finished, skipped or closed).
 */
public final class GuidedTour {
    /** One step: message keys {@code KEY.title} and {@code KEY.text}, the control it frames. */
    public record Step(String key, Supplier<Node> target, Runnable before) {
        public Step(String key, Supplier<Node> target) {
            this(key, target, () -> { });
        }
    }

    private static final double WIDTH = 400;
    private static final double GAP = 10;

    private final StackPane shell;
    private final List<Step> steps;
    private final Consumer<Boolean> onEnd;
    private final Pane layer = new Pane();
    private final Rectangle frame = new Rectangle();
    private final VBox callout = new VBox(8);
    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final CheckBox dontShow = new CheckBox(Messages.get("tour.dontShow"));
    private final Button back = new Button(Messages.get("tour.back"));
    private final Button next = new Button(Messages.get("tour.next"));
    private final Button skip = new Button(Messages.get("tour.skip"));
    private final EventHandler<KeyEvent> esc = e -> {
        if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            end();
        }
    };
    private final InvalidationListener relayout = o -> place();
    private final Runnable afterLayout = this::place;
    private javafx.scene.Scene scene;
    private int index = -1;

    public GuidedTour(StackPane shell, List<Step> steps, Consumer<Boolean> onEnd) {
        this.shell = shell;
        this.steps = List.copyOf(steps);
        this.onEnd = onEnd;
        layer.setId("tourLayer");
        layer.setPickOnBounds(false);
        layer.getStyleClass().add("tour-layer");
        frame.getStyleClass().add("tour-frame");
        frame.setMouseTransparent(true);
        frame.setFill(null);
        frame.setStrokeWidth(3);
        frame.setArcWidth(8);
        frame.setArcHeight(8);
        callout.setId("tourCallout");
        callout.getStyleClass().add("tour-callout");
        callout.setPadding(new Insets(12, 14, 12, 14));
        callout.setPrefWidth(WIDTH);
        callout.setMaxWidth(WIDTH);
        callout.setAccessibleRole(AccessibleRole.NODE);
        counter.setId("tourCounter");
        counter.getStyleClass().add("hint");
        title.setId("tourTitle");
        title.getStyleClass().add("section-title");
        text.setId("tourText");
        for (Label l : List.of(counter, title, text)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        dontShow.setId("tourDontShow");
        dontShow.setSelected(true);
        dontShow.setWrapText(true);
        dontShow.setMaxWidth(Double.MAX_VALUE);
        dontShow.setMinHeight(Region.USE_PREF_SIZE);
        back.setId("tourBack");
        next.setId("tourNext");
        skip.setId("tourSkip");
        next.setDefaultButton(true);
        for (Button b : List.of(back, next, skip)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        back.setOnAction(e -> go(index - 1));
        next.setOnAction(e -> {
            if (index >= this.steps.size() - 1) {
                end();
            } else {
                go(index + 1);
            }
        });
        skip.setOnAction(e -> end());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(8, skip, spring, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        callout.getChildren().addAll(counter, title, text, dontShow, buttons);
        layer.getChildren().addAll(frame, callout);
    }

    /** Shows the first step. */
    public void start() {
        start(0);
    }

    /** Shows step {@code from} (0-based; a rebuilt window continues where it was). */
    public void start(int from) {
        if (steps.isEmpty()) {
            return;
        }
        if (!shell.getChildren().contains(layer)) {
            shell.getChildren().add(layer);
            shell.addEventFilter(KeyEvent.KEY_PRESSED, esc);
            shell.widthProperty().addListener(relayout);
            shell.heightProperty().addListener(relayout);
            if (shell.getScene() != null) {
                scene = shell.getScene();
                // the framed control may move as its panel fills: follow it after every layout
                scene.addPostLayoutPulseListener(afterLayout);
            }
        }
        go(Math.max(0, Math.min(from, steps.size() - 1)));
    }

    /** Whether the tour is on screen. */
    public boolean isShowing() {
        return shell.getChildren().contains(layer);
    }

    /** The index of the step shown (0-based), or -1. */
    public int stepIndex() {
        return isShowing() ? index : -1;
    }

    public Node callout() {
        return callout;
    }

    public Button nextButton() {
        return next;
    }

    public Button backButton() {
        return back;
    }

    public Button skipButton() {
        return skip;
    }

    public CheckBox dontShowBox() {
        return dontShow;
    }

    /** Closes the tour as Skip does. */
    public void end() {
        if (isShowing()) {
            remove();
            onEnd.accept(dontShow.isSelected());
        }
    }

    /** Takes the tour off the screen without ending it (the window is rebuilt in another language). */
    public void endSilently() {
        if (isShowing()) {
            remove();
        }
    }

    private void remove() {
        shell.getChildren().remove(layer);
        shell.removeEventFilter(KeyEvent.KEY_PRESSED, esc);
        shell.widthProperty().removeListener(relayout);
        shell.heightProperty().removeListener(relayout);
        if (scene != null) {
            scene.removePostLayoutPulseListener(afterLayout);
            scene = null;
        }
        index = -1;
    }

    private void go(int i) {
        if (i < 0 || i >= steps.size()) {
            return;
        }
        index = i;
        Step s = steps.get(i);
        s.before().run();
        counter.setText(Messages.get("tour.counter", i + 1, steps.size()));
        title.setText(Messages.get(s.key() + ".title"));
        text.setText(Messages.get(s.key() + ".text"));
        back.setDisable(i == 0);
        next.setText(Messages.get(i == steps.size() - 1 ? "tour.finish" : "tour.next"));
        callout.setAccessibleText(title.getText() + ". " + text.getText());
        shell.applyCss();
        shell.layout();
        place();
        next.requestFocus();
    }

    /** Frames the step's control and puts the callout below it, else above, inside the window. */
    private void place() {
        if (index < 0) {
            return;
        }
        double w = shell.getWidth();
        double h = shell.getHeight();
        Node target = steps.get(index).target().get();
        Bounds b = target == null || target.getScene() == null ? null
                : shell.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        double cw = Math.min(WIDTH, Math.max(200, w - 2 * GAP));
        if (callout.getPrefWidth() != cw) {
            callout.setPrefWidth(cw);
        }
        double ch = callout.prefHeight(cw);
        double x;
        double y;
        if (b == null || b.getWidth() <= 0 || b.getHeight() <= 0) {
            frame.setVisible(false);
            x = (w - cw) / 2;
            y = (h - ch) / 2;
        } else {
            frame.setVisible(true);
            double fx = Math.max(1, b.getMinX() - 3);
            double fy = Math.max(1, b.getMinY() - 3);
            setIfChanged(frame.xProperty(), fx);
            setIfChanged(frame.yProperty(), fy);
            setIfChanged(frame.widthProperty(), Math.max(0, Math.min(w - fx - 1, b.getWidth() + 6)));
            setIfChanged(frame.heightProperty(), Math.max(0, Math.min(h - fy - 1, b.getHeight() + 6)));
            x = b.getMinX();
            y = b.getMaxY() + GAP;
            if (y + ch > h - GAP) {
                y = b.getMinY() - GAP - ch;
            }
            if (y < GAP) {
                // neither below nor above: beside the control, or over its middle
                y = Math.max(GAP, Math.min(h - ch - GAP, b.getMinY()));
                x = b.getMaxX() + GAP + cw <= w - GAP ? b.getMaxX() + GAP : b.getMinX() - GAP - cw;
            }
        }
        x = Math.max(GAP, Math.min(x, w - cw - GAP));
        y = Math.max(GAP, Math.min(y, h - ch - GAP));
        if (Math.abs(callout.getLayoutX() - x) > 0.5 || Math.abs(callout.getLayoutY() - y) > 0.5) {
            callout.relocate(x, y);
        }
    }

    private static void setIfChanged(javafx.beans.property.DoubleProperty p, double v) {
        if (Math.abs(p.get() - v) > 0.5) {
            p.set(v);
        }
    }
}
