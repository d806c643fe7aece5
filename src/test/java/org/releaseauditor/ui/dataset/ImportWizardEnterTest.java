package org.releaseauditor.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.UiPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 13: Enter after a role change must not hit Cancel and discard the import. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardEnterTest {
    private AppContext ctx;
    private Dialog<ImportRequest> dialog;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        Preferences node = Preferences.userRoot().node("/org/releaseauditor-test/wizard-enter");
        node.clear();
        ctx = new AppContext(new UiPreferences(node));
        Path f = dir.resolve("people.csv");
        Files.writeString(f, "age,sex,zip\n30,m,1000\n30,f,1000\n40,m,2000\n");
        dialog = new ImportWizard(ctx).create(f);
        dialog.show();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private Button button(String id) {
        return (Button) dialog.getDialogPane().lookup("#" + id);
    }

    @Test
    void enterOnCancelImportsWhenValidAndNeverDiscards(FxRobot robot) throws Exception {
        Button cancel = button("importCancelButton");
        Button ok = button("importButton");
        assertNotNull(cancel);
        assertTrue(ok.isDefaultButton());
        assertTrue(!cancel.isDefaultButton());
        // the roles change, then the focus lands on Cancel and the user presses Enter
        robot.interact(() -> {
            ((javafx.scene.control.TableView<?>) dialog.getDialogPane().lookup("#rolesTable")).getItems().stream()
                    .map(o -> (RoleRow) o).filter(r -> r.column().equals("age"))
                    .forEach(r -> r.roleProperty().set(AttributeRole.QUASI_IDENTIFIER));
            cancel.requestFocus();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ok.isDisabled());
        robot.interact(() -> cancel.requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!dialog.isShowing());
        ImportRequest r = dialog.getResult();
        assertNotNull(r, "Enter on Cancel discarded the import");
        assertEquals(AttributeRole.QUASI_IDENTIFIER, r.roles().get("age"));
    }
}
