package org.releaseauditor.ui.charts;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A summary number with a title, a sub-line and a one-line explanation on hover, coloured
 * by the verdict of the policy in force ({@link VerdictStyles}; NEUTRAL where the policy does not
 * judge the number).
 */
public final class SummaryCard extends VBox {
    public enum Status { PASS, WARN, FAIL, NEUTRAL }

    /**
     * The colour of a card from the verdict (issue 13): the worst state the policy gives the
     * metrics at {@code paths}; NEUTRAL when there is no verdict or the policy does not judge them.
     * No threshold is compared in the GUI.
     */
    public static Status judged(org.releaseauditor.core.verdict.Verdict verdict, String... paths) {
        return verdict == null ? Status.NEUTRAL : of(verdict.worstOf(paths));
    }

    /** PASS, WARN, FAIL as judged; NOT_JUDGED is neutral (never green, never red). */
    public static Status of(org.releaseauditor.core.verdict.VerdictStatus s) {
        return switch (s) {
            case PASS -> Status.PASS;
            case WARN -> Status.WARN;
            case FAIL -> Status.FAIL;
            case NOT_JUDGED -> Status.NEUTRAL;
        };
    }

    private final Label title = new Label();
    private final Label value = new Label("–");
    private final Label sub = new Label();
    private final Tooltip tip = new Tooltip();
    private Status status = Status.NEUTRAL;

    public SummaryCard(String id, String titleText, String explanation) {
        setId(id);
        getStyleClass().add("card");
        title.getStyleClass().add("card-title");
        value.getStyleClass().add("card-value");
        value.setId(id + "Value");
        sub.getStyleClass().add("card-sub");
        sub.setWrapText(true);
        sub.setMaxWidth(220);
        title.setText(titleText);
        tip.setText(explanation);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(250));
        Tooltip.install(this, tip);
        org.releaseauditor.ui.help.MetricHelp.tagFromText(this, explanation);
        getChildren().addAll(title, value, sub);
        setSpacing(2);
        setStatus(Status.NEUTRAL);
    }

    public void set(String valueText, String subText, Status status) {
        value.setText(valueText);
        sub.setText(subText == null ? "" : subText);
        setStatus(status);
    }

    /** Replaces the hover text (the verdict's sentence changes with the result). */
    public void setExplanation(String explanation) {
        tip.setText(explanation);
        org.releaseauditor.ui.help.MetricHelp.tagFromText(this, explanation);
    }

    public String valueText() {
        return value.getText();
    }

    public String explanation() {
        return tip.getText();
    }

    /** Colours the card through {@link VerdictStyles}, the one status-to-colour mapping. */
    public void setStatus(Status status) {
        this.status = status;
        VerdictStyles.apply(this, VerdictStyles.of(status));
    }

    /** The card's state as last set. */
    public Status status() {
        return status;
    }
}
