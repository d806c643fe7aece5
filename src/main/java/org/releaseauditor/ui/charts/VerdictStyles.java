package org.releaseauditor.ui.charts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.css.Styleable;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictFinding;
import org.releaseauditor.core.verdict.VerdictStatus;

/**
 * The one place where a verdict state becomes a colour (issue 13). Cards, chart bars, table rows,
 * heatmap cells and the policy line of every dashboard ask this class for the style class or
 * paint of a {@link VerdictStatus}; the status itself always comes from the {@link Verdict} of the
 * policy the user chose ({@code statusOf}, {@code worstOf}, {@code worstUnder}), never from a
 * threshold in the GUI. NOT_JUDGED (the policy has no rule on the number) is neutral grey: never
 * green, never red.
 *
 * <p>Decorative colours that carry no verdict (the series palette, the sequential scale of a
 * heatmap, ink and grid lines) live in {@link ChartTheme} and avoid green, orange and red, so that
 * a colour that reads as "good" or "bad" always means a verdict.
 *
 * <p>{@code VerdictColourRuleTest} fails when a ui class other than this one names a status style
 * class or a colour literal (other than {@link ChartTheme}'s palette).
 */
public final class VerdictStyles {
    /** Style classes of the four states (CSS in {@code fxml/css/app.css}). */
    private static final String PASS = "verdict-pass";
    private static final String WARN = "verdict-warn";
    private static final String FAIL = "verdict-fail";
    private static final String NEUTRAL = "verdict-neutral";
    /** Every status style class, to remove before adding the current one. */
    public static final List<String> ALL = List.of(PASS, WARN, FAIL, NEUTRAL);

    /** Status colours (the same hex values as the CSS classes). */
    private static final String PASS_HEX = "#2e7d32";
    private static final String WARN_HEX = "#ef8f00";
    private static final String FAIL_HEX = "#c62828";
    private static final String NEUTRAL_HEX = "#90a4ae";
    /** Light tints for table rows and cell backgrounds (text stays dark and legible). */
    private static final String PASS_TINT = "#e6f4ea";
    private static final String WARN_TINT = "#ffe0b2";
    private static final String FAIL_TINT = "#f8c9c5";
    private static final String NEUTRAL_TINT = "#eceff1";

    private VerdictStyles() {
    }

    /** The style class of a state: {@code verdict-pass}, {@code verdict-warn}, {@code verdict-fail}, {@code verdict-neutral}. */
    public static String styleClass(VerdictStatus s) {
        return switch (s == null ? VerdictStatus.NOT_JUDGED : s) {
            case PASS -> PASS;
            case WARN -> WARN;
            case FAIL -> FAIL;
            case NOT_JUDGED -> NEUTRAL;
        };
    }

    /** Gives {@code node} the style class of {@code s} (and removes the others). */
    public static void apply(Styleable node, VerdictStatus s) {
        node.getStyleClass().removeAll(ALL);
        node.getStyleClass().add(styleClass(s));
    }

    /** Removes every status style class (an empty table row). */
    public static void clear(Styleable node) {
        node.getStyleClass().removeAll(ALL);
    }

    /** The verdict state of a card's status (NEUTRAL is NOT_JUDGED). */
    public static VerdictStatus of(SummaryCard.Status s) {
        return switch (s == null ? SummaryCard.Status.NEUTRAL : s) {
            case PASS -> VerdictStatus.PASS;
            case WARN -> VerdictStatus.WARN;
            case FAIL -> VerdictStatus.FAIL;
            case NEUTRAL -> VerdictStatus.NOT_JUDGED;
        };
    }

    /** The colour of a state as CSS hex. */
    public static String hex(VerdictStatus s) {
        return switch (s == null ? VerdictStatus.NOT_JUDGED : s) {
            case PASS -> PASS_HEX;
            case WARN -> WARN_HEX;
            case FAIL -> FAIL_HEX;
            case NOT_JUDGED -> NEUTRAL_HEX;
        };
    }

    /** A light tint of a state as CSS hex (a background behind dark text). */
    public static String tintHex(VerdictStatus s) {
        return switch (s == null ? VerdictStatus.NOT_JUDGED : s) {
            case PASS -> PASS_TINT;
            case WARN -> WARN_TINT;
            case FAIL -> FAIL_TINT;
            case NOT_JUDGED -> NEUTRAL_TINT;
        };
    }

    /** The colour of a state for a JFreeChart bar, line or band. */
    public static java.awt.Color chartPaint(VerdictStatus s) {
        return java.awt.Color.decode(hex(s));
    }

    /** The colour of a state for a JavaFX canvas. */
    public static javafx.scene.paint.Color fxColor(VerdictStatus s) {
        return javafx.scene.paint.Color.web(hex(s));
    }

    /** The light tint of a state for a JavaFX canvas. */
    public static javafx.scene.paint.Color fxTint(VerdictStatus s) {
        return javafx.scene.paint.Color.web(tintHex(s));
    }

    /** The state in words ("FAIL", "not judged by this policy"; German: "NICHT BESTANDEN" …). */
    public static String words(VerdictStatus s) {
        return Messages.get((s == null ? VerdictStatus.NOT_JUDGED : s).messageKey());
    }

    /** The worst state the verdict gives the metrics at {@code paths}; NOT_JUDGED without a verdict. */
    public static VerdictStatus status(Verdict v, String... paths) {
        return v == null ? VerdictStatus.NOT_JUDGED : v.worstOf(paths);
    }

    /**
     * The state of a part of a result (a histogram bar, a table row, a map area) whose own value
     * is {@code value} of the metric at {@code path}: when the policy's rule on that metric is
     * broken by this value, the verdict's state of the metric (WARN or FAIL, as the rule's
     * severity says); otherwise, or when no rule reads the metric, NOT_JUDGED (neutral). The
     * operator and threshold are the policy's own: the GUI holds none.
     *
     * <p>Example: under a policy with {@code k >= 5}, a class of size 3 breaks the rule, so its bar
     * shows the state of {@code k} (FAIL); a class of size 8 stays neutral.
     */
    public static VerdictStatus breach(Verdict v, String path, double value) {
        if (v == null || Double.isNaN(value)) {
            return VerdictStatus.NOT_JUDGED;
        }
        Optional<VerdictFinding> f = v.findingFor(path);
        if (f.isEmpty() || f.get().operator() == null || f.get().operator().holds(value, f.get().threshold())) {
            return VerdictStatus.NOT_JUDGED;
        }
        VerdictStatus s = v.statusOf(path);
        return s == VerdictStatus.WARN || s == VerdictStatus.FAIL ? s : VerdictStatus.NOT_JUDGED;
    }

    /** The worse of two states (NOT_JUDGED is the best). */
    public static VerdictStatus worst(VerdictStatus a, VerdictStatus b) {
        return (a == null ? VerdictStatus.NOT_JUDGED : a).worst(b == null ? VerdictStatus.NOT_JUDGED : b);
    }

    /** The lower-case name used in element ids and tests ({@code fail}, {@code not_judged}). */
    public static String id(VerdictStatus s) {
        return (s == null ? VerdictStatus.NOT_JUDGED : s).name().toLowerCase(Locale.ROOT);
    }
}
