package org.releaseauditor.ui.remediation;

import java.nio.file.Path;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.service.remediation.TrajectoryRemediationService;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.fx.Debouncer;

/** The trajectories dashboard's <i>What if</i> panel: renders the view model and forwards actions. Thin. */
public final class TrajectoryWhatIfController {
    private final AppContext ctx;
    private TrajectoryWhatIfViewModel vm;
    private ChartPane chart;

    @FXML private ComboBox<PolicyChoice> policyBox;
    @FXML private Spinner<Integer> pointsSpinner;
    @FXML private Spinner<Double> shareSpinner;
    @FXML private Button findButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label targetLabel;
    @FXML private Slider spatialSlider;
    @FXML private Label spatialValue;
    @FXML private Slider temporalSlider;
    @FXML private Label temporalValue;
    @FXML private Slider capSlider;
    @FXML private Label capValue;
    @FXML private GridPane compareGrid;
    @FXML private Label changeLabel;
    @FXML private StackPane chartHost;
    @FXML private Button saveButton;
    @FXML private TextField shaField;
    @FXML private Button recordButton;

    public TrajectoryWhatIfController(AppContext ctx) {
        this.ctx = ctx;
    }

    public TrajectoryWhatIfViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        vm = new TrajectoryWhatIfViewModel(new TrajectoryRemediationService(ctx.trajectoriesLane(),
                ctx.datasetService()), ctx.tasks(), Debouncer.fx(Duration.millis(250)));
        SpinnerValueFactory.IntegerSpinnerValueFactory pf = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 20,
                vm.targetPointsProperty().get());
        pointsSpinner.setValueFactory(pf);
        pf.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.targetPointsProperty().set(b);
            }
        });
        SpinnerValueFactory.DoubleSpinnerValueFactory sf = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1,
                vm.targetShareProperty().get(), 0.01);
        shareSpinner.setValueFactory(sf);
        sf.valueProperty().bindBidirectional(vm.targetShareProperty());
        org.releaseauditor.ui.fx.LocalNumberConverter.install(shareSpinner);
        // a chosen policy shows its target in the spinners
        vm.targetPointsProperty().addListener((o, a, b) -> pf.setValue(b.intValue()));
        policyBox.setItems(vm.policies());
        policyBox.valueProperty().bindBidirectional(vm.policyProperty());
        targetLabel.textProperty().bind(vm.targetProperty());
        // the value beside each slider is brief (its column is narrow): only "none" is translated
        bindSlider(spatialSlider, spatialValue, vm.spatialProperty(), vm.spatialLabels(),
                org.releaseauditor.ui.trajectory.ResolutionText::brief);
        bindSlider(temporalSlider, temporalValue, vm.temporalProperty(), vm.temporalLabels(),
                org.releaseauditor.ui.trajectory.ResolutionText::brief);
        bindSlider(capSlider, capValue, vm.capProperty(), vm.capLabels(), t -> t);
        chart = new ChartPane(ctx.dialogs());
        chartHost.getChildren().setAll(chart);
        vm.cards().addListener((javafx.collections.ListChangeListener<CompareCard>) c ->
                CompareGrid.render(compareGrid, vm.cards()));
        vm.previewProperty().addListener((o, a, b) -> renderChart());
        vm.beforeProperty().addListener((o, a, b) -> renderChart());
        statusLabel.textProperty().bind(vm.statusProperty());
        changeLabel.textProperty().bind(vm.changeProperty());
        findButton.disableProperty().bind(vm.sessionProperty().isNull().or(vm.searchingProperty()));
        cancelButton.disableProperty().bind(vm.searchingProperty().not());
        progressBar.visibleProperty().bind(vm.searchingProperty().or(vm.busyProperty()));
        progressBar.progressProperty().bind(javafx.beans.binding.Bindings.when(vm.searchingProperty())
                .then(vm.progressProperty()).otherwise(-1.0));
        saveButton.disableProperty().bind(vm.previewProperty().isNull());
        vm.savedProperty().addListener((o, a, b) -> shaField.setText(b == null ? "" : vm.savedSha()));
        recordButton.disableProperty().bind(vm.savedProperty().isNull()
                .or(ctx.caseModel().openCaseProperty().isNull()));
    }

    /**
     * A ladder slider: positions 0..n-1 of {@code labels}, its value shown next to its name as
     * {@code text} gives it (a resolution in words).
     */
    static void bindSlider(Slider s, Label value, IntegerProperty position, ObservableList<String> labels,
            java.util.function.UnaryOperator<String> text) {
        Runnable show = () -> {
            int p = position.get();
            value.setText(labels.isEmpty() ? "" : text.apply(labels.get(Math.max(0, Math.min(p, labels.size() - 1)))));
        };
        labels.addListener((javafx.collections.ListChangeListener<String>) c -> {
            s.setMin(0);
            s.setMax(Math.max(0, labels.size() - 1));
            s.setDisable(labels.size() < 2);
            s.setValue(position.get());
            show.run();
        });
        s.setMin(0);
        s.setMax(0);
        s.setDisable(true);
        s.valueProperty().addListener((o, a, b) -> {
            int l = (int) Math.round(b.doubleValue());
            if (l != position.get()) {
                position.set(l);
            }
        });
        position.addListener((o, a, b) -> {
            if (Math.round(s.getValue()) != b.intValue()) {
                s.setValue(b.intValue());
            }
            show.run();
        });
    }

    /** Connects the panel to its dashboard: the latest result, and whether the panel is showing. */
    public void attach(ObservableValue<LaneResult<TrajectoriesRequest, TrajectoryReport>> result,
            ObservableValue<Boolean> shown) {
        vm.sourceProperty().bind(result);
        vm.activeProperty().bind(shown);
    }

    private void renderChart() {
        var before = vm.beforeProperty().get();
        var p = vm.previewProperty().get();
        if (before == null) {
            chart.setChart(null);
            return;
        }
        chart.setChart(WhatIfCharts.unicity(TrajectoryWhatIfViewModel.curve(before),
                TrajectoryWhatIfViewModel.curve(p == null ? null : p.after()), vm.targetPointsProperty().get(),
                vm.targetShareProperty().get()));
    }

    @FXML
    private void importPolicy() {
        PolicyChoice.importInto(ctx, vm.policies(), vm.policyProperty());
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
    private void save() {
        var src = vm.sourceProperty().get();
        var events = src == null ? null : src.inputs().roles().get(TrajectoriesRequest.EVENTS);
        String name = events == null ? "remediated.csv"
                : MicrodataWhatIfController.stem(events.fileName()) + "_remediated.csv";
        Path folder = events == null ? null : events.path().getParent();
        ctx.dialogs().chooseFileToSave(Messages.get("whatif.save.title"), folder, name).ifPresent(p -> {
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
