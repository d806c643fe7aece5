package org.releaseauditor.ui.remediation;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.FxmlViews;

/**
 * Adds the <i>What if</i> tab to a dashboard's tab pane, connected to the dashboard's latest
 * result; the panel starts work only while its tab is selected. One call per dashboard.
 */
public final class WhatIfTabs {

    /** The id of the added tab. */
    public static final String TAB_ID = "whatIfTab";

    private WhatIfTabs() {
    }

    /** The trajectories panel as the last tab of {@code tabs}. */
    public static TrajectoryWhatIfController trajectories(AppContext ctx, TabPane tabs,
            ObservableValue<LaneResult<TrajectoriesRequest, TrajectoryReport>> result) {
        FxmlViews.View<TrajectoryWhatIfController> v = ctx.views().load("/fxml/remediation/TrajectoryWhatIf.fxml");
        Tab tab = tab(tabs, v);
        v.controller().attach(result, tab.selectedProperty());
        return v.controller();
    }

    /** The aggregates panel as the last tab of {@code tabs}. */
    public static AggregateWhatIfController aggregates(AppContext ctx, TabPane tabs,
            ObservableValue<LaneResult<AggregatesRequest, AggregatesOutput>> result) {
        FxmlViews.View<AggregateWhatIfController> v = ctx.views().load("/fxml/remediation/AggregateWhatIf.fxml");
        Tab tab = tab(tabs, v);
        v.controller().attach(result, tab.selectedProperty());
        return v.controller();
    }

    private static Tab tab(TabPane tabs, FxmlViews.View<?> v) {
        Tab tab = new Tab(Messages.get("whatif.tab"), v.root());
        tab.setId(TAB_ID);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        return tab;
    }
}
