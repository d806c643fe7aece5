package org.releaseauditor.ui.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.cell.CheckBoxListCell;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.evaluation.EvaluationSettingsViewModel.ColumnChoice;

/** The evaluation settings panel: binds controls to {@link EvaluationSettingsViewModel}. Thin. */
public final class EvaluationSettingsController {
    private final AppContext ctx;
    private final EvaluationSettingsViewModel vm = new EvaluationSettingsViewModel();
    /** Keeps the boxed views of number properties alive (bidirectional bindings are weak). */
    private final List<ObjectProperty<?>> keep = new ArrayList<>();

    @FXML private Label originalLabel;
    @FXML private Label releaseLabel;
    @FXML private Label controlLabel;
    @FXML private Button clearControlButton;
    @FXML private ListView<ColumnChoice> usedList;
    @FXML private Spinner<Integer> attacksSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private Spinner<Double> confidenceSpinner;
    @FXML private CheckBox univariateBox;
    @FXML private CheckBox multivariateBox;
    @FXML private Spinner<Integer> columnsPerPredicateSpinner;
    @FXML private Spinner<Integer> maxAttemptsSpinner;
    @FXML private CheckBox linkabilityBox;
    @FXML private ListView<ColumnChoice> auxAList;
    @FXML private ListView<ColumnChoice> auxBList;
    @FXML private Spinner<Integer> neighboursSpinner;
    @FXML private CheckBox inferenceBox;
    @FXML private ComboBox<String> secretBox;
    @FXML private Spinner<Double> toleranceSpinner;
    @FXML private ListView<ColumnChoice> knownList;
    @FXML private Label validationLabel;

    public EvaluationSettingsController(AppContext ctx) {
        this.ctx = ctx;
    }

    public EvaluationSettingsViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        fileLabel(originalLabel, vm.originalProperty());
        fileLabel(releaseLabel, vm.releaseProperty());
        fileLabel(controlLabel, vm.controlProperty());
        clearControlButton.disableProperty().bind(vm.controlProperty().isNull());
        for (ListView<ColumnChoice> list : List.of(usedList, auxAList, auxBList, knownList)) {
            list.setCellFactory(CheckBoxListCell.forListView(ColumnChoice::selectedProperty));
        }
        usedList.setItems(vm.usedColumns());
        auxAList.setItems(vm.auxA());
        auxBList.setItems(vm.auxB());
        knownList.setItems(vm.known());
        spin(attacksSpinner, vm.attacksProperty(), 1, 10_000_000, 100);
        spin(seedSpinner, vm.seedProperty(), 0, Integer.MAX_VALUE, 1);
        spin(confidenceSpinner, vm.confidenceProperty(), 0.5, 0.999, 0.01);
        univariateBox.selectedProperty().bindBidirectional(vm.univariateProperty());
        multivariateBox.selectedProperty().bindBidirectional(vm.multivariateProperty());
        spin(columnsPerPredicateSpinner, vm.columnsPerPredicateProperty(), 1, 100, 1);
        spin(maxAttemptsSpinner, vm.maxAttemptsProperty(), 1, Integer.MAX_VALUE, 100_000);
        columnsPerPredicateSpinner.disableProperty().bind(multivariateBox.selectedProperty().not());
        maxAttemptsSpinner.disableProperty().bind(multivariateBox.selectedProperty().not());
        linkabilityBox.selectedProperty().bindBidirectional(vm.linkabilityProperty());
        for (javafx.scene.Node n : List.of(auxAList, auxBList, neighboursSpinner)) {
            n.disableProperty().bind(linkabilityBox.selectedProperty().not());
        }
        spin(neighboursSpinner, vm.neighboursProperty(), 1, 1000, 1);
        inferenceBox.selectedProperty().bindBidirectional(vm.inferenceProperty());
        for (javafx.scene.Node n : List.of(secretBox, toleranceSpinner, knownList)) {
            n.disableProperty().bind(inferenceBox.selectedProperty().not());
        }
        secretBox.setItems(vm.columns());
        secretBox.valueProperty().bindBidirectional(vm.secretProperty());
        spin(toleranceSpinner, vm.toleranceProperty(), 0, 1, 0.01);
        validationLabel.textProperty().bind(vm.validationProperty());
        validationLabel.managedProperty().bind(validationLabel.textProperty().isNotEmpty());
    }

    private static void fileLabel(Label label, ObjectProperty<Path> file) {
        label.setText(Messages.get("uieval.settings.none"));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        file.addListener((o, a, b) -> {
            label.setText(b == null ? Messages.get("uieval.settings.none") : b.getFileName().toString());
            tip.setText(b == null ? "" : b.toString());
            label.setTooltip(b == null ? null : tip);
        });
    }

    private void spin(Spinner<Integer> s, IntegerProperty p, int min, int max, int step) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.get(), step);
        s.setValueFactory(f);
        ObjectProperty<Integer> boxed = p.asObject();
        keep.add(boxed);
        f.valueProperty().bindBidirectional(boxed);
        commitOnFocusLoss(s);
    }

    private void spin(Spinner<Double> s, DoubleProperty p, double min, double max, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, p.get(), step);
        s.setValueFactory(f);
        ObjectProperty<Double> boxed = p.asObject();
        keep.add(boxed);
        f.valueProperty().bindBidirectional(boxed);
        org.releaseauditor.ui.fx.LocalNumberConverter.install(s);
    }

    /** Commits typed text on focus loss; text that is no number falls back to the current value. */
    private static void commitOnFocusLoss(Spinner<?> s) {
        s.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                try {
                    s.commitValue();
                } catch (RuntimeException e) {
                    s.getEditor().setText(String.valueOf(s.getValue()));
                }
            }
        });
    }

    /** Selects the original and offers its columns (read from its first rows; CSV or SQLite). */
    public void openOriginal(Path file) {
        try {
            vm.setColumns(ctx.datasetService().header(file, ImportOptions.defaults()).names());
            vm.originalProperty().set(file);
        } catch (AuditException e) {
            ctx.dialogs().showError(Messages.get("uieval.settings.chooseOriginal"), e.getLocalizedMessage(), null);
        }
    }

    private java.util.Optional<Path> choose(String titleKey) {
        return ctx.dialogs().chooseFileToOpen(Messages.get(titleKey), ctx.preferences().lastFolder().orElse(null),
                List.of(Messages.get("ui.file.tables") + "|*.csv;*.tsv;*.txt;*.sqlite;*.db"));
    }

    @FXML
    private void chooseOriginal() {
        choose("uieval.settings.chooseOriginal").ifPresent(this::openOriginal);
    }

    @FXML
    private void chooseRelease() {
        choose("uieval.settings.chooseRelease").ifPresent(p -> vm.releaseProperty().set(p));
    }

    @FXML
    private void chooseControl() {
        choose("uieval.settings.chooseControl").ifPresent(p -> vm.controlProperty().set(p));
    }

    @FXML
    private void clearControl() {
        vm.controlProperty().set(null);
    }
}
