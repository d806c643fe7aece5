package org.releaseauditor.ui.trajectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.charts.HeatmapGrid;
import org.releaseauditor.ui.charts.PolicyChooser;
import org.releaseauditor.ui.charts.VerdictStyles;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.StaleMarker;
import org.releaseauditor.ui.fx.TableCsv;
import org.releaseauditor.ui.risk.CardData;
import org.releaseauditor.ui.trajectory.TrajectoryDashboardViewModel.AreaGrid;
import org.releaseauditor.ui.trajectory.TrajectoryDashboardViewModel.AttackRow;
import org.releaseauditor.ui.trajectory.TrajectoryDashboardViewModel.SetRow;

/**
 * The trajectory dashboard: renders the view model's cards, charts, heatmaps and tables. Thin.
 * Entry point for the main window: load {@code /fxml/trajectory/TrajectoryDashboard.fxml} and call
 * {@link #loadSample(Path)}.
 */
public final class TrajectoryDashboardController {
    /** Largest number of lat/lon cells per side of the area map. */
    static final int MAP_CELLS = 12;

    private final AppContext ctx;
    private TrajectoryDashboardViewModel vm;

    @FXML private TrajectorySettingsController settingsController;
    @FXML private javafx.scene.control.TabPane detailTabs;
    @FXML private Label datasetTitle;
    @FXML private Label configSummary;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressMessage;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private FlowPane cards;
    @FXML private Label emptyHint;
    @FXML private Label errorLabel;
    @FXML private Label sourceLabel;
    @FXML private StackPane unicityChart;
    @FXML private TableView<UnicityResult.Row> unicityTable;
    @FXML private ScrollPane sweepScroll;
    @FXML private Label sweepExplain;
    @FXML private StackPane attackChart;
    @FXML private TableView<AttackRow> attackTable;
    @FXML private StackPane setsChart;
    @FXML private TableView<SetRow> setsTable;
    @FXML private ScrollPane mapScroll;
    @FXML private Label mapExplain;
    @FXML private javafx.scene.layout.HBox mapLegend;

    private ChartPane unicity;
    private ChartPane attacks;
    private ChartPane sets;
    private final HeatmapGrid sweep = new HeatmapGrid();
    private PolicyChooser policyChooser;
    @FXML private javafx.scene.layout.HBox policyBar;
    private final HeatmapGrid map = new HeatmapGrid();

    public TrajectoryDashboardController(AppContext ctx) {
        this.ctx = ctx;
    }

    public TrajectoryDashboardViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        vm = new TrajectoryDashboardViewModel(ctx.trajectoriesLane(), ctx.tasks(),
                Debouncer.fx(Duration.millis(250)), settingsController.viewModel());
        org.releaseauditor.ui.remediation.WhatIfTabs.trajectories(ctx, detailTabs, vm.resultProperty());
        unicity = chartIn(unicityChart);
        attacks = chartIn(attackChart);
        sets = chartIn(setsChart);
        org.releaseauditor.ui.help.MetricHelp.tagAll("trajectories", unicity, "unicity", attacks, "attacks", sets, "homeWork", unicityTable, "unicity", attackTable, "attacks", setsTable, "homeWork");
        // F1 over a row explains the element it shows ("Unicity with 3 known points", "Top 2 places")
        org.releaseauditor.ui.help.MetricHelp.tagRows(unicityTable, "trajectories", "unicity",
                r -> Integer.toString(r.points()));
        org.releaseauditor.ui.help.MetricHelp.tagRows(attackTable, "trajectories", "attacks",
                TrajectoryDashboardViewModel.AttackRow::attack);
        org.releaseauditor.ui.help.MetricHelp.tagRows(setsTable, (row, index) -> row.helpKey());
        sweep.setId("sweepHeatmap");
        map.setId("areaMap");
        map.setFormatter(v -> String.format(Locale.ROOT, "%.0f", v));
        sweepScroll.setContent(sweep);
        // room above the grid for rotated longitude labels
        map.setPadding(new javafx.geometry.Insets(30, 8, 8, 8));
        mapScroll.setContent(map);
        progressBar.progressProperty().bind(ctx.tasks().progressProperty());
        progressBar.visibleProperty().bind(ctx.tasks().runningProperty());
        progressMessage.textProperty().bind(ctx.tasks().messageProperty());
        cancelButton.disableProperty().bind(ctx.tasks().cancellableProperty().not());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        emptyHint.managedProperty().bind(vm.reportProperty().isNull());
        emptyHint.visibleProperty().bind(vm.reportProperty().isNull());
        sourceLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.sourceProperty().get() == null ? "" : vm.sourceProperty().get().text().strip(),
                vm.sourceProperty()));
        sourceLabel.visibleProperty().bind(vm.sourceProperty().isNotNull());
        sourceLabel.managedProperty().bind(sourceLabel.visibleProperty());
        vm.summaryProperty().addListener((o, a, b) -> {
            if (b != null) {
                datasetTitle.setText(Messages.get("summary.ui.title", b.getFileName()));
            }
        });
        vm.cards().addListener((ListChangeListener<CardData>) c -> renderCards());
        vm.reportProperty().addListener((o, a, b) -> render(b));
        policyChooser = new PolicyChooser(org.releaseauditor.service.trajectories.TrajectoriesRequest.LANE,
                ctx.dialogs(), new org.releaseauditor.service.policy.VerdictService(), vm.policyProperty(),
                vm.verdictProperty());
        policyBar.getChildren().setAll(policyChooser);
        vm.verdictProperty().addListener((o, a, b) -> renderJudged(vm.reportProperty().get()));
        // a row of the unicity table has the verdict colour of its number of known points
        unicityTable.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(UnicityResult.Row item, boolean empty) {
                super.updateItem(item, empty);
                TrajectoryReport rep = vm.reportProperty().get();
                if (empty || item == null || rep == null) {
                    VerdictStyles.clear(this);
                } else {
                    VerdictStyles.apply(this, TrajectoryCharts.unicityStatus(vm.verdictProperty().get(),
                            rep.unicity().rows().indexOf(item)));
                }
            }
        });
        setupTables();
        render(null);
        StaleMarker.install((javafx.scene.layout.Pane) datasetTitle.getParent(), vm.resultStateProperty(), cards,
                detailTabs);
    }

    /** Audits a trajectory summary (File → Open summary…). */
    public void showSummary(Path file) throws org.releaseauditor.core.error.AuditException {
        vm.openSummary(file);
    }

    /**
     * Preloads the bundled events sample (user pseudonym, time timestamp, location cell, 1 h bins,
     * p = 1..5, the location attack with k = 2 and home-work, a 2 × 2 sweep) and runs it.
     */
    public void loadSample(Path eventsCsv) {
        TrajectorySettingsViewModel s = settingsController.viewModel();
        settingsController.open(eventsCsv);
        s.userProperty().set("pseudonym");
        s.timeProperty().set("timestamp");
        s.locationProperty().set("cell");
        s.locationModeProperty().set(TrajectorySettingsViewModel.LocationMode.LOCATION);
        s.spatialKindProperty().set(TrajectorySettingsViewModel.SpatialKind.NONE);
        s.temporalProperty().set("1h");
        s.minPointsProperty().set(1);
        s.maxPointsProperty().set(5);
        s.attackChoices().forEach(c -> c.selectedProperty().set(false));
        s.attack(AttackType.LOCATION).kProperty().set(2);
        s.attack(AttackType.LOCATION).selectedProperty().set(true);
        s.attack(AttackType.HOME_WORK).selectedProperty().set(true);
        Path districts = eventsCsv.resolveSibling("cell_to_district.csv");
        s.sweepSpatialProperty().set(Files.isRegularFile(districts) ? "none, map:" + districts : "none");
        s.sweepTemporalProperty().set("1h, 4h");
        s.sweepPointsProperty().set(4);
        s.homeWorkOnProperty().set(true);
        vm.requestAnalysis();
    }

    private ChartPane chartIn(StackPane host) {
        ChartPane p = new ChartPane(ctx.dialogs());
        host.getChildren().setAll(p);
        return p;
    }

    private void renderCards() {
        cards.getChildren().clear();
        for (CardData d : vm.cards()) {
            SummaryCard card = new SummaryCard(d.id(), d.title(), d.explanation());
            card.set(d.value(), d.sub(), d.status());
            cards.getChildren().add(card);
        }
    }

    private void render(TrajectoryReport r) {
        if (r == null) {
            datasetTitle.setText(Messages.get("uitraj.title"));
            configSummary.setText("");
            mapExplain.setText(Messages.get("uitraj.map.explain"));
            return;
        }
        datasetTitle.setText(r.dataset());
        configSummary.setText(Messages.get("uitraj.summary", ResolutionText.spatial(r.spatial()),
                ResolutionText.temporal(r.temporal()), r.zone(),
                r.unicity().exact() ? Messages.get("uitraj.exact") : Messages.get("uitraj.sampled", r.unicity().seed())));
        renderJudged(r);
        unicityTable.getItems().setAll(r.unicity().rows());
        renderSweep(r.sweep());
        attacks.setChart(TrajectoryCharts.attacks(r));
        attackTable.getItems().setAll(TrajectoryDashboardViewModel.attackRows(r));
        setsTable.getItems().setAll(TrajectoryDashboardViewModel.homeWorkRows(r));
        renderMap(TrajectoryDashboardViewModel.areaGrid(r.areaMap(), MAP_CELLS));
    }

    /** The parts coloured by the verdict; called for a new report and when the policy changes. */
    private void renderJudged(TrajectoryReport r) {
        if (r == null) {
            return;
        }
        org.releaseauditor.core.verdict.Verdict v = vm.verdictProperty().get();
        unicity.setChart(TrajectoryCharts.unicity(r, v));
        sets.setChart(TrajectoryCharts.sets(r, v));
        unicityTable.refresh();
    }

    /** The policy chooser above the cards. */
    public PolicyChooser policyChooser() {
        return policyChooser;
    }

    /** The unicity chart as shown (for tests). */
    ChartPane unicityChartPane() {
        return unicity;
    }

    private void renderSweep(SweepResult s) {
        if (s == null) {
            sweep.getChildren().clear();
            sweepExplain.setText(Messages.get("uitraj.sweep.none"));
            return;
        }
        sweepExplain.setText(Messages.get("uitraj.sweep.explain", s.points(), s.sampledUsers()));
        double[][] f = s.fraction();
        int[][] u = s.uniqueUsers();
        String[][] tips = new String[f.length][];
        for (int i = 0; i < f.length; i++) {
            tips[i] = new String[f[i].length];
            for (int j = 0; j < f[i].length; j++) {
                tips[i][j] = Messages.get("uitraj.sweep.tip", ResolutionText.spatial(s.spatial().get(i)),
                        ResolutionText.temporal(s.temporal().get(j)), u[i][j],
                        s.sampledUsers());
            }
        }
        sweep.setRange(0, 1);
        sweep.setData(ResolutionText.spatialAll(s.spatial()), ResolutionText.temporalAll(s.temporal()), f, tips);
    }

    private void renderMap(AreaGrid g) {
        mapLegend.getChildren().clear();
        if (g == null) {
            map.getChildren().clear();
            mapExplain.setText(Messages.get("uitraj.map.none"));
            return;
        }
        mapExplain.setText(Messages.get("uitraj.map.explain.p", g.points()));
        String[][] tips = new String[g.unique().length][];
        for (int i = 0; i < tips.length; i++) {
            tips[i] = new String[g.unique()[i].length];
            for (int j = 0; j < tips[i].length; j++) {
                tips[i][j] = Messages.get("uitraj.map.tip", g.rowLabels().get(i), g.columnLabels().get(j),
                        g.users()[i][j], Double.isNaN(g.unique()[i][j]) ? 0 : (long) g.unique()[i][j]);
            }
        }
        map.setRange(0, Math.max(1, g.max()));
        map.setData(g.rowLabels(), g.columnLabels(), g.unique(), tips);
        Region bar = new Region();
        bar.setPrefSize(180, 14);
        bar.setStyle("-fx-background-color: " + org.releaseauditor.ui.charts.ChartTheme.scaleGradient() + ";");
        Label lo = new Label("0");
        Label hi = new Label(String.format(Locale.ROOT, "%.0f", Math.max(1, g.max())));
        Label what = new Label(Messages.get("uitraj.map.legend", g.points()));
        what.getStyleClass().add("explain");
        mapLegend.getChildren().setAll(lo, bar, hi, what);
    }

    private void setupTables() {
        TableColumn<UnicityResult.Row, String> eps = col(Messages.get("uitraj.col.fraction"),
                r -> TrajectoryDashboardViewModel.fraction(r.fraction()));
        eps.setId("unicityFractionColumn");
        unicityTable.getColumns().setAll(List.of(
                num(Messages.get("uitraj.col.points"), r -> (double) r.points()),
                num(Messages.get("uitraj.col.sampled"), r -> (double) r.sampledUsers()),
                num(Messages.get("uitraj.col.unique"), r -> (double) r.uniqueUsers()),
                eps,
                col(Messages.get("uitraj.col.ciLow"), r -> TrajectoryDashboardViewModel.fraction(r.ciLow())),
                col(Messages.get("uitraj.col.ciHigh"), r -> TrajectoryDashboardViewModel.fraction(r.ciHigh())),
                num(Messages.get("uitraj.col.short"), r -> (double) r.shortUsers())));
        attackTable.getColumns().setAll(List.of(
                col(Messages.get("uitraj.col.attack"), AttackRow::attack),
                num("k", r -> (double) r.k()),
                col(Messages.get("uitraj.col.mode"), AttackRow::mode),
                num(Messages.get("uitraj.col.evaluated"), r -> (double) r.evaluatedUsers()),
                col(Messages.get("uitraj.col.mean"), r -> TrajectoryDashboardViewModel.fraction(r.meanRisk())),
                col(Messages.get("uitraj.col.median"), r -> TrajectoryDashboardViewModel.fraction(r.medianRisk())),
                col(Messages.get("uitraj.col.risk1"), r -> TrajectoryDashboardViewModel.fraction(r.fractionRisk1()))));
        setsTable.getColumns().setAll(List.of(
                col(Messages.get("uitraj.col.set"), SetRow::label),
                col(Messages.get("uitraj.col.resolution"), SetRow::resolution),
                num(Messages.get("uitraj.col.users"), r -> (double) r.users()),
                num(Messages.get("uitraj.col.excluded"), r -> (double) r.excluded()),
                num(Messages.get("uitraj.col.medianSize"), SetRow::medianSize),
                col(Messages.get("uitraj.col.size1"), r -> TrajectoryDashboardViewModel.fraction(r.fractionSize1()))));
        for (TableView<?> t : List.of(unicityTable, attackTable, setsTable)) {
            TableCsv.install(t);
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
    }

    static <S> TableColumn<S, String> col(String title, Function<S, String> f) {
        return org.releaseauditor.ui.fx.Columns.text(title, f);
    }

    static <S> TableColumn<S, Double> num(String title, Function<S, Double> f) {
        return org.releaseauditor.ui.fx.Columns.number(title, f, 2);
    }

    @FXML
    private void run() {
        vm.runNow();
    }

    @FXML
    private void cancel() {
        vm.cancel();
        ctx.tasks().cancelCurrent();
    }

    @FXML
    private void saveSweep() {
        savePng(sweep, "coarsening-heatmap.png");
    }

    @FXML
    private void saveMap() {
        savePng(map, "area-map.png");
    }

    /** Saves a node as PNG (snapshot → AWT image → ImageIO). */
    private void savePng(Node node, String name) {
        ctx.dialogs().chooseFileToSave(Messages.get("uitraj.savePng"), null, name).ifPresent(p -> {
            WritableImage img = node.snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", p.toFile());
                ctx.dialogs().notify(Messages.get("ui.chart.exported", p.getFileName()));
            } catch (IOException e) {
                ctx.dialogs().showError(Messages.get("uitraj.savePng"), Messages.get("ui.chart.exportFailed", p), null);
            }
        });
    }
}
