package org.releaseauditor.ui.decision;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.ui.fx.ResultState;

/**
 * "Record current analysis": one action for the menu, the toolbar and the decision panel. It
 * records the result of its {@link #targetProperty() target} dashboard (the main window keeps the
 * target on the selected lane tab) into the open case, and only when that result is complete and
 * belongs to the current settings. Otherwise it is disabled, and {@link #reasonProperty()} says
 * why (for the tooltip). Knows no nodes; tested without the toolkit.
 */
public final class RecordAction {
    private final CaseViewModel cases;
    private final ObjectProperty<RecordableDashboard> target = new SimpleObjectProperty<>();
    private final StringProperty targetName = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper disabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final InvalidationListener update = o -> update();

    public RecordAction(CaseViewModel cases) {
        this.cases = cases;
        cases.openCaseProperty().addListener(update);
        cases.writableProperty().addListener(update);
        targetName.addListener(update);
        target.addListener((o, a, b) -> {
            if (a != null) {
                a.resultProperty().removeListener(update);
                a.resultStateProperty().removeListener(update);
            }
            if (b != null) {
                b.resultProperty().addListener(update);
                b.resultStateProperty().addListener(update);
            }
            update();
        });
        update();
    }

    /** Recomputes whether the action is enabled, its reason and its text (also after a language switch). */
    public void update() {
        RecordableDashboard d = target.get();
        String lane = targetName.get() == null ? "" : targetName.get();
        text.set(lane.isBlank() ? Messages.get("case.record") : Messages.get("record.action", lane));
        String why = blocker(d, cases.openCaseProperty().get());
        disabled.set(why != null);
        reason.set(why != null ? why : Messages.get("record.tip", lane,
                cases.openCaseProperty().get().file().getFileName()));
    }

    /** Why the target's result cannot be recorded now, or null when it can. */
    private static String blocker(RecordableDashboard d, CaseService cs) {
        if (d == null) {
            return Messages.get("record.reason.noDashboard");
        }
        ResultState state = d.resultStateProperty().get();
        if (state == null || state == ResultState.NONE || d.resultProperty().get() == null) {
            return Messages.get(state == ResultState.COMPUTING ? "record.reason.computing" : "record.reason.none");
        }
        if (!state.recordable()) {
            return Messages.get("record.reason." + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (cs == null) {
            return Messages.get("record.reason.noCase");
        }
        if (cs.readOnly()) {
            return Messages.get("case.readOnly");
        }
        return null;
    }

    /**
     * Records the target's result if it may be recorded now (checked again here: a result that
     * went stale since the button was enabled is never recorded). Returns whether a record was
     * started; otherwise the case message says why.
     */
    public boolean record() {
        update();
        RecordableDashboard d = target.get();
        if (disabled.get()) {
            cases.messageProperty().set(reason.get());
            return false;
        }
        LaneResult<?, ?> result = d.resultProperty().get();
        cases.record(result, d.recordOptions(result));
        return true;
    }

    /** The dashboard whose result the action records (the selected lane tab's). */
    public ObjectProperty<RecordableDashboard> targetProperty() {
        return target;
    }

    /** The target's name as its tab shows it (for the action's text and tooltip). */
    public StringProperty targetNameProperty() {
        return targetName;
    }

    public ReadOnlyBooleanProperty disabledProperty() {
        return disabled.getReadOnlyProperty();
    }

    /** Why the action is disabled, or what it will record (tooltip text). */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The action's text: "Record current analysis (Trajectories)". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
