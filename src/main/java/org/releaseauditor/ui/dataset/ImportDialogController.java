package org.releaseauditor.ui.dataset;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.VBox;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.fx.ColumnFit;
import org.releaseauditor.ui.fx.FxTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The import wizard's content: format overrides, preview and role table. Thin. */
public final class ImportDialogController {
    private static final Logger LOGGER = LoggerFactory.getLogger(ImportDialogController.class);
    private final AppContext ctx;
    private ImportWizardViewModel vm;
    private Task<SniffResult> sniffTask;

    @FXML private VBox root;
    @FXML private Label fileLabel;
    @FXML private Label detectedLabel;
    @FXML private ComboBox<String> encodingBox;
    @FXML private ComboBox<String> delimiterBox;
    @FXML private ComboBox<String> quoteBox;
    @FXML private CheckBox headerBox;
    @FXML private TextField missingField;
    @FXML private TextField suppressedField;
    @FXML private TableView<List<String>> previewTable;
    @FXML private TableView<RoleRow> rolesTable;
    @FXML private Label errorLabel;

    public ImportDialogController(AppContext ctx) {
        this.ctx = ctx;
    }

    public ImportWizardViewModel viewModel() {
        return vm;
    }

    public VBox root() {
        return root;
    }

    /** Binds the wizard to a view model and sniffs the file. */
    public void bind(ImportWizardViewModel model) {
        this.vm = model;
        fileLabel.setText(model.file().toString());
        encodingBox.getItems().setAll(model.encodings());
        encodingBox.valueProperty().bindBidirectional(model.encodingProperty());
        delimiterBox.getItems().setAll(model.delimiters());
        delimiterBox.valueProperty().bindBidirectional(model.delimiterProperty());
        quoteBox.getItems().setAll(model.quotes());
        quoteBox.valueProperty().bindBidirectional(model.quoteProperty());
        missingField.textProperty().bindBidirectional(model.missingProperty());
        suppressedField.textProperty().bindBidirectional(model.suppressedProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        headerBox.setAllowIndeterminate(false);
        headerBox.selectedProperty().addListener((o, a, b) -> {
            if (model.sniffProperty().get() != null && b != model.sniffProperty().get().header()) {
                model.headerProperty().set(b);
                resniff();
            }
        });
        encodingBox.valueProperty().addListener((o, a, b) -> resniff());
        delimiterBox.valueProperty().addListener((o, a, b) -> resniff());
        quoteBox.valueProperty().addListener((o, a, b) -> resniff());
        missingField.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                resniff();
            }
        });
        model.sniffProperty().addListener((o, a, s) -> showSniff(s));
        setupRoles();
        resniff();
    }

    private void setupRoles() {
        rolesTable.setItems(vm.roles());
        TableColumn<RoleRow, String> name = new TableColumn<>(Messages.get("import.col.column"));
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().column()));
        TableColumn<RoleRow, ColumnType> type = new TableColumn<>(Messages.get("import.col.type"));
        type.setCellValueFactory(cd -> cd.getValue().typeProperty());
        // the types in words of the UI language, never the enum names
        type.setCellFactory(ComboBoxTableCell.forTableColumn(new javafx.util.StringConverter<ColumnType>() {
            @Override
            public String toString(ColumnType t) {
                return t == null ? "" : typeName(t);
            }

            @Override
            public ColumnType fromString(String s) {
                return null;
            }
        }, ColumnType.values()));
        type.setEditable(true);
        TableColumn<RoleRow, AttributeRole> role = new TableColumn<>(Messages.get("import.col.role"));
        role.setId("roleColumn");
        role.setCellValueFactory(cd -> cd.getValue().roleProperty());
        role.setCellFactory(ComboBoxTableCell.forTableColumn(new javafx.util.StringConverter<AttributeRole>() {
            @Override
            public String toString(AttributeRole r) {
                return r == null ? "" : Messages.get("role." + r.name());
            }

            @Override
            public AttributeRole fromString(String s) {
                return null;
            }
        }, AttributeRole.values()));
        role.setEditable(true);
        name.setPrefWidth(170);
        type.setPrefWidth(130);
        role.setPrefWidth(170);
        // every choice fits its cell in the UI language ("Kategorie (Bezeichnung)")
        ColumnFit.atLeast(type, java.util.Arrays.stream(ColumnType.values()).map(ImportDialogController::typeName)
                .toList());
        ColumnFit.atLeast(role, java.util.Arrays.stream(AttributeRole.values())
                .map(r -> Messages.get("role." + r.name())).toList());
        TableColumn<RoleRow, String> reason = new TableColumn<>(Messages.get("import.col.reason"));
        reason.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().reason()));
        reason.setPrefWidth(560);
        reason.setCellFactory(tc -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        rolesTable.getColumns().setAll(List.of(name, type, role, reason));
        rolesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void resniff() {
        if (vm == null) {
            return;
        }
        if (sniffTask != null) {
            sniffTask.cancel();
        }
        var options = vm.options();
        Task<SniffResult> t = FxTasks.of(Messages.get("import.sniffing"),
                m -> ctx.datasetService().sniff(vm.file(), options));
        sniffTask = t;
        t.setOnSucceeded(e -> {
            if (t == sniffTask) {
                vm.applySniff(t.getValue());
            }
        });
        t.setOnFailed(e -> {
            if (t != sniffTask) {
                return;
            }
            Throwable ex = t.getException();
            if (ex instanceof AuditException ae) {
                LOGGER.info("Import preview failed: {}", ae.messageKey());
                vm.applyError(ae);
            } else {
                LOGGER.error("Import preview failed", ex);
                vm.errorProperty().set(Messages.get("ui.error.internal"));
            }
        });
        ctx.executor().execute(t);
    }

    private void showSniff(SniffResult s) {
        detectedLabel.setText(vm.detectedSummary());
        headerBox.setSelected(s.header());
        List<TableColumn<List<String>, String>> cols = new ArrayList<>();
        for (int i = 0; i < s.columnNames().size(); i++) {
            int idx = i;
            TableColumn<List<String>, String> c = new TableColumn<>(s.columnNames().get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(idx < cd.getValue().size() ? cd.getValue().get(idx) : ""));
            c.setSortable(false);
            cols.add(c);
        }
        previewTable.getColumns().setAll(cols);
        previewTable.getItems().setAll(s.previewRows());
    }

    /** A column type in words of the UI language. */
    static String typeName(ColumnType t) {
        return Messages.get("columnType." + t.name());
    }
}
