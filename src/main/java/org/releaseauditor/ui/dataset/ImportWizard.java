package org.releaseauditor.ui.dataset;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.FxmlViews;

/** Shows the import wizard for a file and returns the confirmed request. */
public final class ImportWizard {
    private final AppContext ctx;

    public ImportWizard(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Builds the (not yet shown) dialog; tests drive it directly. */
    public Dialog<ImportRequest> create(Path file) {
        FxmlViews.View<ImportDialogController> view = ctx.views().load("/fxml/dataset/ImportDialog.fxml");
        ImportWizardViewModel vm = new ImportWizardViewModel(file);
        view.controller().bind(vm);
        Dialog<ImportRequest> dialog = new Dialog<>();
        dialog.setTitle(Messages.get("import.title", file.getFileName()));
        dialog.setResizable(true);
        if (ctx.mainWindow() != null) {
            dialog.initOwner(ctx.mainWindow());
        }
        dialog.getDialogPane().setId("importDialog");
        dialog.getDialogPane().setContent(view.root());
        ButtonType importType = new ButtonType(Messages.get("import.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(importType, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(importType);
        ok.setId("importButton");
        ok.disableProperty().bind(vm.validProperty().not());
        ok.setDefaultButton(true);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("importCancelButton");
        cancel.setDefaultButton(false);
        org.releaseauditor.ui.fx.DialogButtons.localise(dialog.getDialogPane());
        guardEnter(dialog, ok);
        dialog.setResultConverter(b -> b == importType ? vm.request() : null);
        return dialog;
    }

    /**
     * Enter never discards an import: after a role is chosen in the table, focus can land on
     * Cancel, and Enter there used to close the wizard. Enter on Cancel (or on any control that
     * does not use it) imports when the settings are valid and otherwise does nothing; Cancel
     * stays on Esc, a click or Space.
     */
    static void guardEnter(Dialog<?> dialog, Button ok) {
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || !(e.getTarget() instanceof Button target) || target == ok) {
                return;
            }
            e.consume();
            if (!ok.isDisabled()) {
                ok.fire();
            }
        });
    }

    /** Shows the wizard modally. */
    public Optional<ImportRequest> show(Path file) {
        return create(file).showAndWait();
    }
}
