package org.releaseauditor.ui.remediation;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.remediation.AggregateRemediationService;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.fx.Debouncer;

/** The aggregates dashboard's <i>What if</i> panel: renders the view model and forwards actions. Thin. */
public final class AggregateWhatIfController {
    private final AppContext ctx;
    private AggregateWhatIfViewModel vm;
    private ChartPane chart;

    @FXML private ComboBox<PolicyChoice> policyBox;
    @FXML private ComboBox<String> objectiveBox;
    @FXML private ComboBox<String> methodBox;
    @FXML private ComboBox<String> baseBox;
    @FXML private Button findButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Slider absoluteSlider;
    @FXML private Label absoluteValue;
    @FXML private Slider percentSlider;
    @FXML private Label percentValue;
    @FXML private GridPane compareGrid;
    @FXML private Label changeLabel;
    @FXML private StackPane chartHost;
    @FXML private Button saveButton;
    @FXML private TextField shaField;
    @FXML private Button recordButton;

    public AggregateWhatIfController(AppContext ctx) {
        this.ctx = ctx;
    }

    public AggregateWhatIfViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        vm = new AggregateWhatIfViewModel(new AggregateRemediationService(ctx.aggregatesLane(), ctx.datasetService()),
                ctx.tasks(), Debouncer.fx(Duration.millis(250)));
        policyBox.setItems(vm.policies());
        policyBox.valueProperty().bindBidirectional(vm.policyProperty());
        objectiveBox.setItems(vm.objectives());
        objectiveBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String o) {
                return o == null ? "" : Messages.get("whatif.agg.objective." + o);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        objectiveBox.valueProperty().bindBidirectional(vm.objectiveProperty());
        methodBox.setItems(vm.methods());
        methodBox.setConverter(keyed("whatif.agg.method."));
        methodBox.valueProperty().bindBidirectional(vm.methodProperty());
        baseBox.setItems(vm.roundingBases());
        baseBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String b) {
                return b == null ? "" : AggregateWhatIfViewModel.AUTO.equals(b)
                        ? Messages.get("whatif.agg.roundingBase.auto") : b;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        baseBox.valueProperty().bindBidirectional(vm.roundingBaseProperty());
        baseBox.disableProperty().bind(vm.methodProperty().isNotEqualTo("round"));
        // the objective applies to suppression only
        objectiveBox.disableProperty().bind(vm.methodProperty().isNotEqualTo("suppress"));
        bindSlider(absoluteSlider, absoluteValue, vm.absoluteProperty(), false);
        bindSlider(percentSlider, percentValue, vm.percentProperty(), true);
        chart = new ChartPane(ctx.dialogs());
        chartHost.getChildren().setAll(chart);
        vm.cards().addListener((javafx.collections.ListChangeListener<CompareCard>) c ->
                CompareGrid.render(compareGrid, vm.cards()));
        vm.previewProperty().addListener((o, a, b) -> renderChart());
        vm.alternativeProperty().addListener((o, a, b) -> renderChart());
        vm.beforeProperty().addListener((o, a, b) -> renderChart());
        statusLabel.textProperty().bind(vm.statusProperty());
        changeLabel.textProperty().bind(vm.changeProperty());
        findButton.disableProperty().bind(vm.sessionProperty().isNull().or(vm.searchingProperty()));
        cancelButton.disableProperty().bind(vm.searchingProperty().not());
        progressBar.visibleProperty().bind(vm.searchingProperty().or(vm.busyProperty()));
        progressBar.progressProperty().bind(javafx.beans.binding.Bindings.when(vm.searchingProperty())
                .then(vm.progressProperty()).otherwise(-1.0));
        saveButton.disableProperty().bind(vm.previewedProperty().not());
        vm.savedProperty().addListener((o, a, b) -> shaField.setText(b == null ? "" : vm.savedSha()));
        recordButton.disableProperty().bind(vm.savedProperty().isNull()
                .or(ctx.caseModel().openCaseProperty().isNull()));
    }

    private static StringConverter<String> keyed(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(String o) {
                return o == null ? "" : Messages.get(prefix + o);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private static void bindSlider(Slider s, Label value, DoubleProperty p, boolean percent) {
        Runnable show = () -> value.setText(String.format(Locale.ROOT, percent ? "%.0f %%" : "%.0f", p.get()));
        s.setMax(Math.max(s.getMax(), p.get()));
        s.setValue(p.get());
        show.run();
        // the view model is told only when the thumb is released or moved by keys (one re-audit per move)
        s.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                p.set(Math.round(s.getValue()));
            }
        });
        s.valueProperty().addListener((o, a, b) -> {
            if (!s.isValueChanging() && Math.round(b.doubleValue()) != Math.round(p.get())) {
                p.set(Math.round(b.doubleValue()));
            }
        });
        p.addListener((o, a, b) -> {
            // a protection the analysis asks for beyond the slider's range widens it (never clamped)
            s.setMax(Math.max(s.getMax(), b.doubleValue()));
            if (Math.round(s.getValue()) != Math.round(b.doubleValue())) {
                s.setValue(b.doubleValue());
            }
            show.run();
        });
    }

    /** Connects the panel to its dashboard: the latest result, and whether the panel is showing. */
    public void attach(ObservableValue<LaneResult<AggregatesRequest, AggregatesOutput>> result,
            ObservableValue<Boolean> shown) {
        vm.sourceProperty().bind(result);
        vm.activeProperty().bind(shown);
    }

    private void renderChart() {
        var before = vm.beforeProperty().get();
        if (before == null) {
            chart.setChart(null);
            return;
        }
        chart.setChart(WhatIfCharts.cells(AggregateWhatIfViewModel.cellCounts(before),
                AggregateWhatIfViewModel.cellCounts(vm.after())));
    }

    @FXML
    private void find() {
        vm.findLeastChange();
    }

    @FXML
    private void cancel() {
        vm.cancelSearch();
    }

    @FXML
    private void importPolicy() {
        PolicyChoice.importInto(ctx, vm.policies(), vm.policyProperty());
    }

    @FXML
    private void save() {
        ctx.dialogs().chooseFileToSave(Messages.get("whatif.save.title"), vm.firstFolder(), vm.firstCopyName())
                .ifPresent(p -> {
                    vm.savedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                        @Override
                        public void changed(ObservableValue<? extends RemediationOutcome> o, RemediationOutcome a,
                                RemediationOutcome b) {
                            vm.savedProperty().removeListener(this);
                            offerRecording();
                        }
                    });
                    vm.save(p);
                });
    }

    private void offerRecording() {
        CaseService cs = ctx.caseModel().openCaseProperty().get();
        if (cs != null && !cs.readOnly() && ctx.dialogs().confirm(Messages.get("whatif.record.title"),
                Messages.get("whatif.record.question", cs.file().getFileName()))) {
            record();
        }
    }

    @FXML
    private void record() {
        CaseService cs = ctx.caseModel().openCaseProperty().get();
        vm.record(cs, r -> ctx.caseModel().refresh());
    }
}
