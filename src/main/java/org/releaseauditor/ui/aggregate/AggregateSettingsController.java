package org.releaseauditor.ui.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.ui.AppContext;

/** The aggregates settings panel: binds the controls to the settings view model. Thin. */
public final class AggregateSettingsController {
    private static final List<String> CSV = List.of("CSV|*.csv;*.tsv;*.txt");
    private final AppContext ctx;
    private AggregateDashboardViewModel vm;
    private TableEntry bound;
    private final Map<String, BooleanProperty> dimChecks = new HashMap<>();

    @FXML private ListView<TableEntry> tableList;
    @FXML private Button removeTable;
    @FXML private GridPane tableEditor;
    @FXML private TextField tableName;
    @FXML private ComboBox<String> countColumn;
    @FXML private ComboBox<String> magnitudeColumn;
    @FXML private TextField scale;
    @FXML private ListView<String> dimensionList;
    @FXML private TextField marginTokens;
    @FXML private ComboBox<ThresholdRule.Operator> operator;
    @FXML private TextField threshold;
    @FXML private CheckBox zeroUnsafe;
    @FXML private CheckBox dominance;
    @FXML private TextField dominanceN;
    @FXML private TextField dominanceK;
    @FXML private ComboBox<String> dominanceOperator;
    @FXML private CheckBox pRule;
    @FXML private TextField pPercent;
    @FXML private CheckBox pqRule;
    @FXML private TextField pqP;
    @FXML private TextField pqQ;
    @FXML private CheckBox zeroMagnitudeUnsafe;
    @FXML private Label rulesPreset;
    @FXML private Button clearPreset;
    @FXML private Label recoveryFile;
    @FXML private Button clearRecovery;
    @FXML private TextField recoveryColumns;
    @FXML private TextField recoverySlot;
    @FXML private TextField recoveryTopK;
    @FXML private Spinner<Integer> tieSamples;
    @FXML private CheckBox group;
    @FXML private TextField groupDims;
    @FXML private TextField groupBy;
    @FXML private TextField groupAllowed;
    @FXML private CheckBox audit;
    @FXML private TextField protection;
    @FXML private ListView<Path> seriesList;
    @FXML private TextField areaDimension;
    @FXML private TextField timeDimensions;
    @FXML private Label areasFile;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progress;
    @FXML private Label runMessage;
    @FXML private Label problems;

    public AggregateSettingsController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        operator.setItems(FXCollections.observableArrayList(ThresholdRule.Operator.values()));
        operator.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThresholdRule.Operator o) {
                return o == null ? "" : o == ThresholdRule.Operator.LT ? "<" : "\u2264";
            }

            @Override
            public ThresholdRule.Operator fromString(String s) {
                // the inverse of toString: the combo box is not editable, so only its own labels come back
                return "<".equals(s) ? ThresholdRule.Operator.LT : "\u2264".equals(s) ? ThresholdRule.Operator.LE : null;
            }
        });
        dominanceOperator.setItems(FXCollections.observableArrayList(AggregateSettingsViewModel.DOMINANCE_OPERATORS));
        dominanceOperator.setConverter(new StringConverter<>() {
            @Override
            public String toString(String o) {
                return o == null ? "" : "ge".equals(o) ? "\u2265" : ">";
            }

            @Override
            public String fromString(String s) {
                return "\u2265".equals(s) ? "ge" : ">".equals(s) ? "gt" : null;
            }
        });
        tieSamples.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                AggregatesRequest.MAX_TIE_SAMPLES, 0, 10));
        tieSamples.setEditable(true);
        progress.visibleProperty().bind(ctx.tasks().runningProperty());
        progress.progressProperty().bind(ctx.tasks().progressProperty());
        cancelButton.disableProperty().bind(ctx.tasks().cancellableProperty().not());
        runMessage.textProperty().bind(ctx.tasks().messageProperty());
        tableEditor.disableProperty().bind(tableList.getSelectionModel().selectedItemProperty().isNull());
        removeTable.disableProperty().bind(tableEditor.disableProperty());
        dimensionList.setCellFactory(CheckBoxListCell.forListView(
                c -> dimChecks.computeIfAbsent(c, k -> new SimpleBooleanProperty())));
        tableList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> bindEntry(b));
    }

    /** Connects the panel to the dashboard's view model (called once by the dashboard). */
    public void bind(AggregateDashboardViewModel model) {
        this.vm = model;
        AggregateSettingsViewModel s = model.settings();
        tableList.setItems(s.tables());
        threshold.textProperty().bindBidirectional(s.thresholdProperty());
        operator.valueProperty().bindBidirectional(s.operatorProperty());
        zeroUnsafe.selectedProperty().bindBidirectional(s.zeroUnsafeProperty());
        dominance.selectedProperty().bindBidirectional(s.dominanceProperty());
        dominanceN.textProperty().bindBidirectional(s.dominanceNProperty());
        dominanceK.textProperty().bindBidirectional(s.dominanceKProperty());
        dominanceOperator.valueProperty().bindBidirectional(s.dominanceOperatorProperty());
        pRule.selectedProperty().bindBidirectional(s.pRuleProperty());
        pPercent.textProperty().bindBidirectional(s.pPercentProperty());
        pqRule.selectedProperty().bindBidirectional(s.pqRuleProperty());
        pqP.textProperty().bindBidirectional(s.pqPProperty());
        pqQ.textProperty().bindBidirectional(s.pqQProperty());
        zeroMagnitudeUnsafe.selectedProperty().bindBidirectional(s.zeroMagnitudeUnsafeProperty());
        rulesPreset.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                s.rulesPresetProperty().get() == null ? Messages.get("uiagg.settings.noPreset")
                        : Messages.get("uiagg.settings.preset", s.rulesPresetProperty().get().toUpperCase(
                                java.util.Locale.ROOT)), s.rulesPresetProperty()));
        clearPreset.disableProperty().bind(s.rulesPresetProperty().isNull());
        recoveryFile.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                s.recoveryFileProperty().get() == null ? Messages.get("uiagg.settings.recoveryOff")
                        : s.recoveryFileProperty().get().getFileName().toString(), s.recoveryFileProperty()));
        clearRecovery.disableProperty().bind(s.recoveryFileProperty().isNull());
        recoveryColumns.textProperty().bindBidirectional(s.recoveryColumnsProperty());
        recoverySlot.textProperty().bindBidirectional(s.recoverySlotProperty());
        recoveryTopK.textProperty().bindBidirectional(s.recoveryTopKProperty());
        tieSamples.getValueFactory().valueProperty().bindBidirectional(s.tieSamplesProperty());
        group.selectedProperty().bindBidirectional(s.groupProperty());
        groupDims.textProperty().bindBidirectional(s.groupDimsProperty());
        groupBy.textProperty().bindBidirectional(s.groupByProperty());
        groupAllowed.textProperty().bindBidirectional(s.groupAllowedProperty());
        audit.selectedProperty().bindBidirectional(s.auditProperty());
        protection.textProperty().bindBidirectional(s.protectionProperty());
        protection.disableProperty().bind(audit.selectedProperty().not());
        marginTokens.textProperty().bindBidirectional(s.marginTokensProperty());
        seriesList.setItems(s.series());
        areaDimension.textProperty().bindBidirectional(s.areaDimensionProperty());
        timeDimensions.textProperty().bindBidirectional(s.timeDimensionsProperty());
        areasFile.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                s.areasFileProperty().get() == null ? "\u2013" : s.areasFileProperty().get().getFileName().toString(),
                s.areasFileProperty()));
        problems.textProperty().bind(model.problemsProperty());
        if (!s.tables().isEmpty()) {
            tableList.getSelectionModel().selectFirst();
        }
    }

    private void bindEntry(TableEntry e) {
        if (bound != null) {
            tableName.textProperty().unbindBidirectional(bound.nameProperty());
            countColumn.valueProperty().unbindBidirectional(bound.countColumnProperty());
            magnitudeColumn.valueProperty().unbindBidirectional(bound.magnitudeColumnProperty());
            scale.textProperty().unbindBidirectional(bound.scaleProperty());
        }
        bound = e;
        dimChecks.clear();
        if (e == null) {
            dimensionList.getItems().clear();
            return;
        }
        countColumn.setItems(FXCollections.observableArrayList(e.columns()));
        List<String> mags = new ArrayList<>();
        mags.add("");
        mags.addAll(e.columns());
        magnitudeColumn.setItems(FXCollections.observableArrayList(mags));
        tableName.textProperty().bindBidirectional(e.nameProperty());
        countColumn.valueProperty().bindBidirectional(e.countColumnProperty());
        magnitudeColumn.valueProperty().bindBidirectional(e.magnitudeColumnProperty());
        scale.textProperty().bindBidirectional(e.scaleProperty());
        for (String c : e.columns()) {
            BooleanProperty p = new SimpleBooleanProperty(e.dimensions().contains(c));
            p.addListener((o, a, b) -> {
                List<String> dims = new ArrayList<>();
                for (String col : e.columns()) {
                    if (dimChecks.get(col) != null && dimChecks.get(col).get()) {
                        dims.add(col);
                    }
                }
                e.dimensions().setAll(dims);
            });
            dimChecks.put(c, p);
        }
        dimensionList.setItems(FXCollections.observableArrayList(e.columns()));
        dimensionList.refresh();
    }

    /** Selects the first table of the release set in the editor. */
    public void selectFirst() {
        tableList.getSelectionModel().clearSelection();
        tableList.getSelectionModel().selectFirst();
    }

    @FXML
    private void addTable() {
        ctx.dialogs().chooseFileToOpen(Messages.get("uiagg.settings.addTable"), null, CSV).ifPresent(this::addFile);
    }

    /** Adds a table file: reads its header through the dataset service. */
    public void addFile(Path file) {
        try {
            List<String> cols = ctx.datasetService().sniff(file, ImportOptions.defaults()).columnNames();
            TableEntry e = vm.settings().addTable(file, cols);
            tableList.getSelectionModel().select(e);
        } catch (AuditException ex) {
            ctx.tasks().reportFailure(Messages.get("uiagg.settings.addTable"), ex);
        }
    }

    @FXML
    private void removeTable() {
        TableEntry e = tableList.getSelectionModel().getSelectedItem();
        if (e != null) {
            vm.settings().tables().remove(e);
        }
    }

    @FXML
    private void addSeries() {
        ctx.dialogs().chooseFileToOpen(Messages.get("uiagg.settings.addSeries"), null, CSV)
                .ifPresent(vm.settings().series()::add);
    }

    @FXML
    private void removeSeries() {
        Path p = seriesList.getSelectionModel().getSelectedItem();
        if (p != null) {
            vm.settings().series().remove(p);
        }
    }

    @FXML
    private void acroPreset() {
        try {
            vm.settings().applyPreset("acro");
        } catch (AuditException ex) {
            ctx.tasks().reportFailure(Messages.get("uiagg.settings.acro"), ex);
        }
    }

    @FXML
    private void clearPreset() {
        vm.settings().clearPreset();
    }

    @FXML
    private void chooseRecovery() {
        ctx.dialogs().chooseFileToOpen(Messages.get("uiagg.settings.recovery"), null, CSV)
                .ifPresent(vm.settings().recoveryFileProperty()::set);
    }

    @FXML
    private void clearRecovery() {
        vm.settings().recoveryFileProperty().set(null);
    }

    @FXML
    private void chooseAreas() {
        ctx.dialogs().chooseFileToOpen(Messages.get("uiagg.settings.areasFile"), null, CSV)
                .ifPresent(vm.settings().areasFileProperty()::set);
    }

    @FXML
    private void run() {
        if (vm != null) {
            vm.run();
        }
    }

    @FXML
    private void cancel() {
        ctx.tasks().cancelCurrent();
    }

}
