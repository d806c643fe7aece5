package org.releaseauditor.ui.risk;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.util.StringConverter;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.ui.AppContext;

/** Binds the attacker model panel to its {@link AttackerModelViewModel}. Thin. */
public final class AttackerModelController {
    private final AttackerModelViewModel vm = new AttackerModelViewModel();

    @FXML private ComboBox<AttackerPreset> presetBox;
    @FXML private Label presetDescription;
    @FXML private ComboBox<AttackerType> attackerBox;
    @FXML private Label attackerExplain;
    @FXML private ListView<ColumnChoice> qiList;
    @FXML private ListView<ColumnChoice> sensitiveList;
    @FXML private ComboBox<PopulationRegion> regionBox;
    @FXML private TextField populationField;
    @FXML private TextField fractionField;
    @FXML private TextField thresholdField;
    @FXML private Label appliedThreshold;
    @FXML private Spinner<Integer> maxSubsetSpinner;
    @FXML private CheckBox wildcardBox;
    @FXML private ComboBox<org.releaseauditor.core.risk.SnbVariant> snbVariantBox;
    @FXML private ComboBox<org.releaseauditor.core.risk.IndividualRiskMethod> riskMethodBox;
    @FXML private Label validationLabel;

    public AttackerModelController(AppContext ctx) {
        // the context is not needed yet; the constructor keeps the factory convention
    }

    public AttackerModelViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        presetBox.getItems().setAll(AttackerPreset.builtIn());
        presetBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(AttackerPreset p) {
                return p == null ? "" : Messages.get(p.nameKey());
            }

            @Override
            public AttackerPreset fromString(String s) {
                return null;
            }
        });
        presetBox.valueProperty().bindBidirectional(vm.presetProperty());
        presetDescription.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.presetProperty().get() == null ? "" : Messages.get(vm.presetProperty().get().descriptionKey()),
                vm.presetProperty()));
        attackerBox.getItems().setAll(AttackerType.values());
        attackerBox.setConverter(enumConverter("attacker.type."));
        attackerBox.valueProperty().bindBidirectional(vm.attackerProperty());
        attackerExplain.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("attacker.type." + vm.attackerProperty().get() + ".desc"), vm.attackerProperty()));
        qiList.setItems(vm.qis());
        qiList.setCellFactory(CheckBoxListCell.forListView(ColumnChoice::selectedProperty));
        sensitiveList.setItems(vm.sensitive());
        sensitiveList.setCellFactory(lv -> {
            ListCell<ColumnChoice> cell = new CheckBoxListCell<>(ColumnChoice::selectedProperty) {
                @Override
                public void updateItem(ColumnChoice item, boolean empty) {
                    super.updateItem(item, empty);
                    if (!empty && item != null) {
                        setText(item.name() + (item.orderedProperty().get() ? " \u2191" : ""));
                        CheckMenuItem ordered = new CheckMenuItem(Messages.get("attacker.ordered"));
                        ordered.selectedProperty().bindBidirectional(item.orderedProperty());
                        ordered.setOnAction(e -> sensitiveList.refresh());
                        setContextMenu(new ContextMenu(ordered));
                    }
                }
            };
            return cell;
        });
        regionBox.getItems().add(null);
        regionBox.getItems().addAll(PopulationRegion.values());
        regionBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(PopulationRegion r) {
                return r == null ? Messages.get("attacker.region.none") : Messages.get("attacker.region." + r.name());
            }

            @Override
            public PopulationRegion fromString(String s) {
                return null;
            }
        });
        regionBox.valueProperty().bindBidirectional(vm.regionProperty());
        populationField.textProperty().bindBidirectional(vm.populationTextProperty());
        fractionField.textProperty().bindBidirectional(vm.fractionTextProperty());
        thresholdField.textProperty().bindBidirectional(vm.thresholdTextProperty());
        appliedThreshold.textProperty().bind(vm.appliedThresholdProperty());
        maxSubsetSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10,
                vm.maxSubsetProperty().get()));
        maxSubsetSpinner.valueProperty().addListener((o, a, b) -> vm.maxSubsetProperty().set(b));
        wildcardBox.selectedProperty().bindBidirectional(vm.wildcardsProperty());
        snbVariantBox.getItems().setAll(org.releaseauditor.core.risk.SnbVariant.values());
        snbVariantBox.setConverter(enumConverter("population.snbVariant."));
        snbVariantBox.valueProperty().bindBidirectional(vm.snbVariantProperty());
        riskMethodBox.getItems().setAll(org.releaseauditor.core.risk.IndividualRiskMethod.values());
        riskMethodBox.setConverter(enumConverter("attacker.riskMethod."));
        riskMethodBox.valueProperty().bindBidirectional(vm.riskMethodProperty());
        validationLabel.textProperty().bind(vm.validationProperty());
        presetBox.setValue(AttackerPreset.builtIn().get(0));
    }

    private static <E extends Enum<E>> StringConverter<E> enumConverter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : Messages.get(prefix + e.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
