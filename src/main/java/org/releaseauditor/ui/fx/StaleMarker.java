package org.releaseauditor.ui.fx;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import org.releaseauditor.core.i18n.Messages;

/**
 * Marks a dashboard's content as stale: while a new run computes, or when the shown result is
 * from earlier settings (after a cancel, a failure or a settings change), the content is dimmed
 * and a badge says why ("Recomputing…", "From earlier settings"). While partial results are shown,
 * only the badge appears, and {@link #computing(Tab, boolean)} marks the parts still computing.
 */
public final class StaleMarker {
    /** Opacity of marked content. */
    static final double DIMMED = 0.45;
    /** Id of the badge label (tests look it up). */
    public static final String BADGE_ID = "staleBadge";

    private StaleMarker() {
    }

    /**
     * Adds the badge to {@code header} (after its first child, the dashboard's title) and keeps it and the dimming of {@code dimmed}
     * in step with {@code state}. Returns the badge.
     */
    public static Label install(Pane header, ObservableValue<ResultState> state, Node... dimmed) {
        Label badge = new Label();
        badge.setId(BADGE_ID);
        badge.getStyleClass().add("stale-badge");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        badge.setTooltip(tip);
        header.getChildren().add(Math.min(1, header.getChildren().size()), badge);
        List<Node> nodes = List.of(dimmed);
        Runnable update = () -> apply(badge, tip, state.getValue(), nodes);
        state.addListener((o, a, b) -> update.run());
        update.run();
        return badge;
    }

    private static void apply(Label badge, Tooltip tip, ResultState s, List<Node> dimmed) {
        ResultState st = s == null ? ResultState.NONE : s;
        String key = st.badgeKey();
        badge.setVisible(key != null);
        badge.setManaged(key != null);
        badge.getStyleClass().removeAll("computing", "partial", "outdated");
        if (key != null) {
            badge.setText(Messages.get(key));
            tip.setText(Messages.get(st.explainKey()));
            badge.getStyleClass().add(st.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Node n : dimmed) {
            n.setOpacity(st.marked() ? DIMMED : 1.0);
        }
    }

    /** Marks a tab whose content is still being computed (a small spinner and a tooltip), or unmarks it. */
    public static void computing(Tab tab, boolean on) {
        if (on) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(12, 12);
            p.setMaxSize(12, 12);
            tab.setGraphic(p);
            tab.setTooltip(new Tooltip(Messages.get("stale.tab.computing")));
        } else {
            tab.setGraphic(null);
            tab.setTooltip(null);
        }
    }
}
