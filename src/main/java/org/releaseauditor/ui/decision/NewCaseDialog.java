package org.releaseauditor.ui.decision;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.ui.AppContext;

/** Asks for the metadata and the file of a new case. */
final class NewCaseDialog {
    record Result(Path file, String title, String product, String controller, String auditor) {
    }

    private NewCaseDialog() {
    }

    static Optional<Result> show(AppContext ctx) {
        Dialog<Result> d = new Dialog<>();
        d.setTitle(Messages.get("case.new"));
        d.getDialogPane().setId("newCaseDialog");
        if (ctx.mainWindow() != null) {
            d.initOwner(ctx.mainWindow());
        }
        TextField title = new TextField();
        title.setId("caseTitleField");
        TextField product = new TextField();
        TextField controller = new TextField();
        TextField auditor = new TextField(System.getProperty("user.name", ""));
        TextField file = new TextField();
        file.setId("caseFileField");
        Button browse = new Button(Messages.get("case.browse"));
        browse.setOnAction(e -> ctx.dialogs().chooseFileToSave(Messages.get("case.new"),
                ctx.preferences().lastFolder().orElse(null), "audit.rcase").ifPresent(p -> file.setText(p.toString())));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label(Messages.get("case.field.title")), title);
        g.addRow(1, new Label(Messages.get("case.field.product")), product);
        g.addRow(2, new Label(Messages.get("case.field.controller")), controller);
        g.addRow(3, new Label(Messages.get("case.auditor")), auditor);
        g.addRow(4, new Label(Messages.get("case.field.file")), file, browse);
        title.setPrefColumnCount(32);
        d.getDialogPane().setContent(g);
        ButtonType create = new ButtonType(Messages.get("case.create"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        org.releaseauditor.ui.fx.DialogButtons.localise(d.getDialogPane());
        d.getDialogPane().lookupButton(create).disableProperty().bind(title.textProperty().isEmpty()
                .or(file.textProperty().isEmpty()).or(auditor.textProperty().isEmpty()));
        d.setResultConverter(b -> {
            if (b != create) {
                return null;
            }
            String f = file.getText().trim();
            Path p = Path.of(f.endsWith(".rcase") ? f : f + ".rcase");
            return new Result(p, title.getText().trim(), product.getText().trim(), controller.getText().trim(),
                    auditor.getText().trim());
        });
        return d.showAndWait();
    }
}
