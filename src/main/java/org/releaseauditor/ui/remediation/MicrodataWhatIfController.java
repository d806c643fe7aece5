package org.releaseauditor.ui.remediation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationService;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.fx.Debouncer;

/** The microdata dashboard's <i>What if</i> panel: renders the view model and forwards actions. Thin. */
public final class MicrodataWhatIfController {
    private final AppContext ctx;
    private MicrodataWhatIfViewModel vm;
    private ChartPane chart;

    @FXML private ComboBox<PolicyChoice> policyBox;
    @FXML private ComboBox<String> measureBox;
    @FXML private Spinner<Double> suppressionSpinner;
    @FXML private Button findButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private VBox sliders;
    @FXML private javafx.scene.layout.GridPane compareGrid;
    @FXML private Label changeLabel;
    @FXML private StackPane chartHost;
    @FXML private Button saveButton;
    @FXML private TextField shaField;
    @FXML private Button recordButton;

    public MicrodataWhatIfController(AppContext ctx) {
        this.ctx = ctx;
    }

    public MicrodataWhatIfViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        vm = new MicrodataWhatIfViewModel(new MicrodataRemediationService(ctx.microdataLane(), ctx.datasetService()),
                ctx.tasks(), Debouncer.fx(Duration.millis(250)));
        policyBox.setItems(vm.policies());
        policyBox.valueProperty().bindBidirectional(vm.policyProperty());
        measureBox.setItems(vm.measures());
        measureBox.valueProperty().bindBidirectional(vm.measureProperty());
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1,
                vm.maxSuppressionProperty().get(), 0.01);
        suppressionSpinner.setValueFactory(f);
        f.valueProperty().bindBidirectional(vm.maxSuppressionProperty());
        org.releaseauditor.ui.fx.LocalNumberConverter.install(suppressionSpinner);
        chart = new ChartPane(ctx.dialogs());
        chartHost.getChildren().setAll(chart);
        vm.levels().addListener((ListChangeListener<MicrodataWhatIfViewModel.LevelRow>) c -> renderSliders());
        vm.cards().addListener((ListChangeListener<CompareCard>) c -> CompareGrid.render(compareGrid, vm.cards()));
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
     * Connects the panel to its dashboard: the latest result it shows, and whether the panel is
     * showing (work starts only then).
     */
    public void attach(ObservableValue<LaneResult<MicrodataRequest, MicrodataAnalysis>> result,
            ObservableValue<Boolean> shown) {
        vm.sourceProperty().bind(result);
        vm.activeProperty().bind(shown);
    }

    private void renderSliders() {
        List<javafx.scene.Node> rows = new ArrayList<>();
        Label title = new Label(Messages.get("whatif.levels"));
        title.getStyleClass().add("panel-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rows.add(title);
        Label hint = new Label(Messages.get("whatif.levels.explain"));
        hint.getStyleClass().add("explain");
        hint.setWrapText(true);
        rows.add(hint);
        for (MicrodataWhatIfViewModel.LevelRow r : vm.levels()) {
            Label name = new Label(r.qi());
            name.getStyleClass().add("whatif-qi");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label example = new Label();
            example.setId("example-" + r.qi());
            example.getStyleClass().add("whatif-example");
            example.setWrapText(true);
            example.setText(levelText(r, r.levelProperty().get()));
            Slider s = new Slider(0, r.height(), r.levelProperty().get());
            s.setId("level-" + r.qi());
            s.setMajorTickUnit(1);
            s.setMinorTickCount(0);
            s.setBlockIncrement(1);
            s.setSnapToTicks(true);
            s.setShowTickMarks(true);
            s.setMaxWidth(Double.MAX_VALUE);
            s.valueProperty().addListener((o, a, b) -> {
                int l = (int) Math.round(b.doubleValue());
                if (l != r.levelProperty().get()) {
                    r.levelProperty().set(l);
                }
            });
            r.levelProperty().addListener((o, a, b) -> {
                if (Math.round(s.getValue()) != b.intValue()) {
                    s.setValue(b.intValue());
                }
                example.setText(levelText(r, b.intValue()));
            });
            HBox head = new HBox(8, name, example);
            head.setAlignment(Pos.BASELINE_LEFT);
            rows.add(new VBox(2, head, s));
        }
        sliders.getChildren().setAll(rows);
    }

    static String levelText(MicrodataWhatIfViewModel.LevelRow r, int level) {
        return Messages.get("whatif.level", level, r.height(), r.label(level));
    }

    private void renderChart() {
        var before = vm.beforeProperty().get();
        var p = vm.previewProperty().get();
        if (before == null) {
            chart.setChart(null);
            return;
        }
        chart.setChart(WhatIfCharts.classSizes(before.result().output().result().histogram(),
                p == null ? null : p.after().result().output().result().histogram()));
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
        var src = vm.sourceProperty().get();
        String name = src == null ? "remediated.csv" : stem(src.inputs().roles().get(MicrodataRequest.DATA)
                .fileName()) + "_remediated.csv";
        Path folder = src == null ? null : src.inputs().roles().get(MicrodataRequest.DATA).path().getParent();
        ctx.dialogs().chooseFileToSave(Messages.get("whatif.save.title"), folder, name).ifPresent(p -> {
            vm.save(p);
            vm.savedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends org.releaseauditor.service.remediation.RemediationOutcome> o,
                        org.releaseauditor.service.remediation.RemediationOutcome a,
                        org.releaseauditor.service.remediation.RemediationOutcome b) {
                    vm.savedProperty().removeListener(this);
                    offerRecording();
                }
            });
        });
    }

    /** After a save: offers to record the copy in the open case (when one is open for writing). */
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

    static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
