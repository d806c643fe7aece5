package org.releaseauditor.ui.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The trajectories and aggregates dashboards carry the What-if tab, last, unselected (so idle). */
@ExtendWith(ApplicationExtension.class)
class WhatIfTabsTest {
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/whatif-tabs");
        ctx = new AppContext(new UiPreferences(node));
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    static Tab whatIfTab(Parent root) {
        for (Node n : root.lookupAll(".tab-pane")) {
            for (Tab t : ((TabPane) n).getTabs()) {
                if (WhatIfTabs.TAB_ID.equals(t.getId())) {
                    return t;
                }
            }
        }
        return null;
    }

    @Test
    void bothDashboardsHaveTheTab(FxRobot robot) {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            robot.interact(() -> {
                Messages.setLocale(l);
                for (String fxml : new String[] {"/fxml/trajectory/TrajectoryDashboard.fxml",
                        "/fxml/aggregate/AggregateDashboard.fxml"}) {
                    Parent root = ctx.views().load(fxml).root();
                    new javafx.scene.Scene(root, 1200, 800);
                    root.applyCss();
                    root.layout();
                    Tab tab = whatIfTab(root);
                    assertNotNull(tab, fxml);
                    assertEquals(Messages.get("whatif.tab"), tab.getText());
                    TabPane pane = tab.getTabPane();
                    assertEquals(tab, pane.getTabs().get(pane.getTabs().size() - 1), "added last");
                    assertTrue(!tab.isSelected(), "not selected: the panel does no work until shown");
                    assertTrue(tab.getContent() instanceof javafx.scene.layout.BorderPane, "the panel's FXML root");
                }
            });
        }
        Messages.setLocale(Locale.ENGLISH);
    }
}
