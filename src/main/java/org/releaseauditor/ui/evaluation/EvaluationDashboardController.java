package org.releaseauditor.ui.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.evaluation.EvaluationRequest;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.evaluation.EvaluationDashboardViewModel.AttackRow;
import org.releaseauditor.ui.fx.Columns;
import org.releaseauditor.ui.fx.TableCsv;
import org.releaseauditor.ui.risk.CardData;

/**
 * The evaluation dashboard: renders the view model's cards, the chart of attack, control and
 * baseline rates with their intervals, the attack table and the readings. Thin. Entry point for the
 * main window: load {@code /fxml/evaluation/EvaluationDashboard.fxml} and call
 * {@link #loadSample(Path)} with the folder of the bundled sample.
 */
public final class EvaluationDashboardController {
    private final AppContext ctx;
    private EvaluationDashboardViewModel vm;
    private ChartPane chart;

    @FXML private EvaluationSettingsController settingsController;
    @FXML private Label title;
    @FXML private Label summary;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressMessage;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private FlowPane cards;
    @FXML private javafx.scene.layout.HBox policyBar;
    private org.releaseauditor.ui.charts.PolicyChooser policyChooser;
    @FXML private Label emptyHint;
    @FXML private Label errorLabel;
    @FXML private StackPane chartHost;
    @FXML private ScrollPane readingsScroll;
    @FXML private TableView<AttackRow> attackTable;

    public EvaluationDashboardController(AppContext ctx) {
        this.ctx = ctx;
    }

    public EvaluationDashboardViewModel viewModel() {
        return vm;
    }

    /** The policy chooser above the cards. */
    public org.releaseauditor.ui.charts.PolicyChooser policyChooser() {
        return policyChooser;
    }

    @FXML
    private void initialize() {
        vm = new EvaluationDashboardViewModel(ctx.evaluationLane(), ctx.tasks(), settingsController.viewModel());
        chart = new ChartPane(ctx.dialogs());
        chart.setId("evaluationChart");
        // F1 help: the chart compares the attacks' success on the original and on the control set,
        // which the residual risk sums up; a row of the table explains its attack
        org.releaseauditor.ui.help.MetricHelp.tag(chart, "evaluation", "highestResidualRisk");
        chartHost.getChildren().setAll(chart);
        progressBar.progressProperty().bind(ctx.tasks().progressProperty());
        progressBar.visibleProperty().bind(vm.runningProperty());
        progressMessage.textProperty().bind(ctx.tasks().messageProperty());
        progressMessage.visibleProperty().bind(vm.runningProperty());
        cancelButton.disableProperty().bind(vm.runningProperty().not());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        emptyHint.managedProperty().bind(vm.evaluationProperty().isNull());
        emptyHint.visibleProperty().bind(vm.evaluationProperty().isNull());
        vm.cards().addListener((ListChangeListener<CardData>) c -> renderCards());
        vm.resultProperty().addListener((o, a, b) -> render(b));
        // the policy chooser: another policy re-judges the shown result and recolours at once (no new run)
        policyChooser = new org.releaseauditor.ui.charts.PolicyChooser(
                org.releaseauditor.service.evaluation.EvaluationRequest.LANE, ctx.dialogs(),
                new org.releaseauditor.service.policy.VerdictService(), vm.policyProperty(), vm.verdictProperty());
        policyBar.getChildren().setAll(policyChooser);
        vm.verdictProperty().addListener((o, a, b) -> {
            LaneResult<EvaluationRequest, EvaluationResult> r = vm.resultProperty().get();
            if (r != null) {
                chart.setChart(EvaluationCharts.rates(r.output(), Messages.locale(), b));
            }
        });
        setupTable();
        render(null);
    }

    /**
     * Opens the bundled sample ({@code original.csv}, {@code release.csv}, {@code control.csv}) with
     * the choices of its datasheet: linkability from age, gender, home area and device against the
     * tariff and usage columns, inference of the monthly spend from the demographic columns, tariff
     * and device; every other option as the request's defaults. Then runs it.
     */
    public void loadSample(Path dir) {
        EvaluationSettingsViewModel s = settingsController.viewModel();
        settingsController.openOriginal(dir.resolve("original.csv"));
        s.releaseProperty().set(dir.resolve("release.csv"));
        Path control = dir.resolve("control.csv");
        s.controlProperty().set(Files.isRegularFile(control) ? control : null);
        EvaluationSettingsViewModel.select(s.auxA(), List.of("age", "gender", "home_area", "device"));
        EvaluationSettingsViewModel.select(s.auxB(), List.of("tariff", "monthly_spend", "data_gb", "calls_per_month",
                "tenure_months"));
        s.linkabilityProperty().set(true);
        s.secretProperty().set("monthly_spend");
        EvaluationSettingsViewModel.select(s.known(), List.of("age", "gender", "home_area", "tariff", "device"));
        s.inferenceProperty().set(true);
        vm.run();
    }

    private void renderCards() {
        cards.getChildren().clear();
        for (CardData d : vm.cards()) {
            SummaryCard card = new SummaryCard(d.id(), d.title(), d.explanation());
            card.set(d.value(), d.sub(), d.status());
            cards.getChildren().add(card);
        }
    }

    private void render(LaneResult<EvaluationRequest, EvaluationResult> r) {
        VBox readings = new VBox(8);
        readings.setPadding(new javafx.geometry.Insets(4, 10, 10, 8));
        readings.setId("evaluationReadings");
        readingsScroll.setContent(readings);
        if (r == null) {
            title.setText(Messages.get("uieval.title"));
            summary.setText("");
            chart.setVisible(false);
            attackTable.getItems().clear();
            return;
        }
        EvaluationResult e = r.output();
        title.setText(Messages.get("uieval.title.release", r.inputs().roles().get(EvaluationRequest.RELEASE)
                .fileName()));
        summary.setText(Messages.get("uieval.summary", e.originalRows(), e.releaseRows(), e.hasControl()
                ? Messages.get("uieval.summary.control", e.controlRows()) : Messages.get("uieval.summary.noControl"),
                e.columns().size(), r.request().attacks(), e.seed()));
        chart.setChart(EvaluationCharts.rates(e, Messages.locale(), vm.verdictProperty().get()));
        chart.setVisible(true);
        attackTable.getItems().setAll(vm.rows());
        for (int i = 0; i < vm.rows().size(); i++) {
            AttackRow row = vm.rows().get(i);
            Label head = new Label(Messages.get(e.attacks().get(i).type().labelKey()));
            head.getStyleClass().add("panel-title");
            head.setWrapText(true); // "Herausgreifen (mehrere Merkmale)" is wider than the readings column
            Label text = new Label(row.reading());
            text.setWrapText(true);
            text.setId("reading-" + row.key().replace('.', '-'));
            readings.getChildren().addAll(head, text);
            for (String note : row.notes()) {
                Label n = new Label("\u2022 " + note);
                n.setWrapText(true);
                n.getStyleClass().add("explain");
                readings.getChildren().add(n);
            }
        }
        for (String note : EvaluationDashboardViewModel.notes(e, Messages.locale())) {
            Label n = new Label(note);
            n.setWrapText(true);
            n.getStyleClass().add("explain");
            readings.getChildren().add(n);
        }
    }

    private void setupTable() {
        TableColumn<AttackRow, String> residual = col(Messages.get("uieval.col.residual"), AttackRow::residualRisk);
        residual.setId("residualColumn");
        TableColumn<AttackRow, String> name = col(Messages.get("uieval.col.attack"), AttackRow::name);
        TableColumn<AttackRow, String> successes = col(Messages.get("uieval.col.successes"), AttackRow::successes);
        attackTable.getColumns().setAll(List.of(name, successes,
                col(Messages.get("uieval.col.attackRate"), AttackRow::attackRate),
                col(Messages.get("uieval.col.controlRate"), AttackRow::controlRate),
                col(Messages.get("uieval.col.baselineRate"), AttackRow::baselineRate),
                residual));
        name.setMinWidth(140);
        name.setPrefWidth(180);
        successes.setMinWidth(90);
        successes.setPrefWidth(95);
        for (TableColumn<AttackRow, ?> c : attackTable.getColumns().subList(2, 6)) {
            c.setMinWidth(120);
            c.setPrefWidth(130);
        }
        TableCsv.install(attackTable);
        org.releaseauditor.ui.help.MetricHelp.tag(attackTable, "evaluation", "highestResidualRisk");
        org.releaseauditor.ui.help.MetricHelp.tagRows(attackTable,
                (row, index) -> new org.releaseauditor.ui.help.MetricHelp.Key("evaluation", row.key(), List.of()));
        attackTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static <S> TableColumn<S, String> col(String title, Function<S, String> f) {
        return Columns.text(title, f);
    }

    /** Runs the evaluation of the current settings (the Run button, and Run in the main window). */
    @FXML
    public void run() {
        vm.run();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }
}
