package org.releaseauditor.ui.decision;

import javafx.beans.property.ReadOnlyObjectProperty;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.ui.fx.ResultState;

/**
 * A dashboard whose result can be recorded in the open case by the one "Record current analysis"
 * action (menu, toolbar and decision panel). The main window follows the selected tab: a dashboard
 * registered with {@code MainWindowController.addRecordable(tab, dashboard)} is the target while its
 * tab (or, from the decision and audit tabs, the last lane tab) is selected.
 *
 * <p>Only a result in state {@link ResultState#CURRENT} is recorded: the action is disabled in every
 * other state, with a tooltip that says why. {@link org.releaseauditor.ui.fx.LatestRun} keeps both
 * properties for a view model: {@code start()} before a run, {@code complete(ticket, result)} on
 * success, {@code stopped(ticket)} on cancel or failure, {@code invalidate()} when a setting
 * changes.
 */
public interface RecordableDashboard {

    /** The lane result on display: the last complete run, possibly from earlier settings; null when none. */
    ReadOnlyObjectProperty<? extends LaneResult<?, ?>> resultProperty();

    /** How the displayed result relates to the current settings. */
    ReadOnlyObjectProperty<ResultState> resultStateProperty();

    /**
     * What to record with {@code result} besides the run itself: the attacker model (a name, e.g.
     * the preset's, and its parameters as JSON) and the column roles of each input role. Derived
     * from the result's own request, so it describes exactly what was analysed. Called on the FX
     * thread with the result the action records.
     */
    RecordOptions recordOptions(LaneResult<?, ?> result);
}
