package org.releaseauditor.ui.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.charts.HeatmapGrid;
import org.releaseauditor.ui.charts.PolicyChooser;
import org.releaseauditor.ui.charts.VerdictStyles;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.fx.Columns;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.StaleMarker;
import org.releaseauditor.ui.fx.TableCsv;
import org.releaseauditor.ui.main.LoadedDataset;

/** The microdata dashboard: renders the view model's cards, charts and tables. Thin. */
public final class RiskDashboardController {
    private final AppContext ctx;
    private RiskDashboardViewModel vm;

    @FXML private AttackerModelController attackerModelController;
    @FXML private Label datasetTitle;
    @FXML private Label configSummary;
    @FXML private Label emptyHint;
    @FXML private FlowPane cards;
    @FXML private javafx.scene.layout.HBox policyBar;
    @FXML private CheckBox logAxis;
    @FXML private StackPane classSizeChart;
    @FXML private StackPane riskDistributionChart;
    @FXML private StackPane populationChart;
    @FXML private TableView<MicrodataResult.PopulationUniqueness> populationTable;
    @FXML private TableView<QiRow> qiTable;
    @FXML private StackPane qiChart;
    @FXML private ScrollPane pairsScroll;
    @FXML private TableView<SensitiveRow> sensitiveTable;
    @FXML private TableView<RiskiestRow> riskiestTable;
    @FXML private ToggleButton revealToggle;
    @FXML private TableView<MetricRow> individualTable;
    @FXML private Label sourceLabel;
    @FXML private Label errorLabel;
    @FXML private Button exportPerRecordButton;
    @FXML private CheckBox revealInFileBox;
    private TableColumn<MicrodataResult.PopulationUniqueness, String> snbColumn;
    @FXML private javafx.scene.control.Tab whatIfTab;
    @FXML private org.releaseauditor.ui.remediation.MicrodataWhatIfController whatIfController;
    @FXML private javafx.scene.control.TabPane detailTabs;
    @FXML private javafx.scene.control.Tab populationTab;
    @FXML private javafx.scene.control.Tab qiTab;
    @FXML private javafx.scene.control.Tab weightsTab;

    private ChartPane classSizes;
    private ChartPane riskDistribution;
    private ChartPane population;
    private ChartPane qis;
    private final HeatmapGrid pairs = new HeatmapGrid();
    private PolicyChooser policyChooser;
    private final java.util.Map<String, SummaryCard> cardNodes = new java.util.HashMap<>();

    public RiskDashboardController(AppContext ctx) {
        this.ctx = ctx;
    }

    public RiskDashboardViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        vm = new RiskDashboardViewModel(ctx.microdataLane(), ctx.tasks(), Debouncer.fx(Duration.millis(250)),
                attackerModelController.viewModel());
        classSizes = chartIn(classSizeChart);
        riskDistribution = chartIn(riskDistributionChart);
        population = chartIn(populationChart);
        qis = chartIn(qiChart);
        org.releaseauditor.ui.help.MetricHelp.tagAll("microdata", classSizes, "histogram", riskDistribution, "riskDistribution", population, "populationCurve", qis, "qiContribution", populationTable, "populationCurve", qiTable, "qiContribution", sensitiveTable, "lDiversity", individualTable, "individualRisk");
        // F1 over a row explains the element it shows ("Sampling fraction 0.01", "QIs age + sex")
        org.releaseauditor.ui.help.MetricHelp.tagRows(populationTable, "microdata", "populationCurve",
                p -> org.releaseauditor.ui.fx.Numbers.sig(p.samplingFraction(), 4));
        org.releaseauditor.ui.help.MetricHelp.tagRows(qiTable, "microdata", "qiContribution", QiRow::qis);
        org.releaseauditor.ui.help.MetricHelp.tagRows(sensitiveTable, "microdata", "lDiversity", SensitiveRow::attribute);
        pairsScroll.setContent(pairs);
        vm.cards().addListener((ListChangeListener<CardData>) c -> renderCards());
        vm.analysisProperty().addListener((o, a, b) -> render(b));
        // the policy chooser: another policy re-judges the shown result and recolours at once (no new run)
        policyChooser = new PolicyChooser(org.releaseauditor.service.microdata.MicrodataRequest.LANE, ctx.dialogs(),
                new org.releaseauditor.service.policy.VerdictService(), vm.policyProperty(), vm.verdictProperty());
        policyBar.getChildren().setAll(policyChooser);
        vm.verdictProperty().addListener((o, a, b) -> renderJudged(vm.analysisProperty().get()));
        logAxis.selectedProperty().addListener((o, a, b) -> render(vm.analysisProperty().get()));
        revealToggle.selectedProperty().bindBidirectional(vm.revealedProperty());
        // the reveal is logged in the session: status line now, log file (without values) by the view model
        vm.revealedProperty().addListener((o, a, b) -> {
            if (b && !vm.revealLog().isEmpty()) {
                ctx.dialogs().notify(vm.revealLog().get(vm.revealLog().size() - 1));
            }
        });
        setupTables();
        vm.datasetProperty().addListener((o, a, b) -> datasetTitle.setText(b == null ? "" : b.data().name()));
        vm.summaryProperty().addListener((o, a, b) -> {
            if (b != null) {
                datasetTitle.setText(Messages.get("summary.ui.title", b.getFileName()));
            }
        });
        // a summary has no values: nothing to reveal, no per-record file
        revealToggle.disableProperty().bind(vm.sourceProperty().isNotNull());
        sourceLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> RiskDashboardViewModel.sourceText(vm.sourceProperty().get()), vm.sourceProperty()));
        sourceLabel.visibleProperty().bind(vm.sourceProperty().isNotNull());
        sourceLabel.managedProperty().bind(sourceLabel.visibleProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        // Run/F5 on an unchanged file and settings says so in the status bar instead of nothing
        vm.noticeProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                ctx.session().statusProperty().set(b);
            }
        });
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        exportPerRecordButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.perRecordAvailable(), vm.resultProperty()));
        revealInFileBox.disableProperty().bind(exportPerRecordButton.disableProperty());
        emptyHint.visibleProperty().bind(vm.analysisProperty().isNull());
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
        whatIfController.attach(vm.resultProperty(), whatIfTab.selectedProperty());
        // stale results are dimmed with a badge; parts still computing are marked on their tabs
        StaleMarker.install((javafx.scene.layout.Pane) datasetTitle.getParent(), vm.resultStateProperty(), cards,
                detailTabs);
        vm.pendingProperty().addListener((o, a, b) -> markPending(b));
    }

    /** Asks where to write the per-record risks and writes them (values masked unless the box is ticked). */
    @FXML
    private void onExportPerRecord() {
        String name = vm.analysisProperty().get() == null ? "per-record"
                : vm.analysisProperty().get().datasetName().replaceAll("\\.[^.]*$", "");
        boolean reveal = revealInFileBox.isSelected();
        ctx.dialogs().chooseFileToSave(Messages.get("risk.perRecord.export"), ctx.preferences().lastFolder()
                .orElse(null), name + "-per-record.csv").ifPresent(file -> vm.exportPerRecord(file, reveal,
                        rows -> ctx.dialogs().notify(Messages.get(reveal ? "risk.perRecord.writtenRevealed"
                                : "risk.perRecord.written", rows, file))));
    }

    /** Audits a microdata summary (File → Open summary…). */
    public void showSummary(java.nio.file.Path file) throws org.releaseauditor.core.error.AuditException {
        vm.openSummary(file);
    }

    private void markPending(java.util.Set<MicrodataParts.Part> parts) {
        StaleMarker.computing(populationTab, parts.contains(MicrodataParts.Part.POPULATION_CURVE));
        StaleMarker.computing(qiTab, parts.contains(MicrodataParts.Part.QI_CONTRIBUTION));
        StaleMarker.computing(weightsTab, parts.contains(MicrodataParts.Part.SUDA)
                || parts.contains(MicrodataParts.Part.INDIVIDUAL_RISK));
    }

    /** Shows a dataset (triggers an analysis). */
    public void show(LoadedDataset dataset) {
        vm.datasetProperty().set(dataset);
    }

    private ChartPane chartIn(StackPane host) {
        ChartPane p = new ChartPane(ctx.dialogs());
        host.getChildren().setAll(p);
        return p;
    }

    private void renderCards() {
        List<SummaryCard> nodes = new ArrayList<>();
        for (CardData d : vm.cards()) {
            SummaryCard card = cardNodes.computeIfAbsent(d.id() + "|" + d.title(),
                    k -> new SummaryCard(d.id(), d.title(), d.explanation()));
            card.set(d.value(), d.sub(), d.status());
            card.setExplanation(d.explanation());
            nodes.add(card);
        }
        cards.getChildren().setAll(nodes);
    }

    /**
     * The parts coloured by the verdict: class sizes, risk distribution, QI contributions and the
     * riskiest classes. Called for a new result and when the policy (so the verdict) changes.
     */
    private void renderJudged(MicrodataAnalysis a) {
        if (a == null) {
            return;
        }
        org.releaseauditor.core.verdict.Verdict v = vm.verdictProperty().get();
        MicrodataResult r = a.result();
        classSizes.setChart(MicrodataCharts.classSizes(r.histogram(), logAxis.isSelected(), v));
        riskDistribution.setChart(MicrodataCharts.riskDistribution(r.riskDistribution(), v));
        List<String> single = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<QiRow> rows = QiRow.of(a);
        for (int i = 0; i < rows.size(); i++) {
            QiRow q = rows.get(i);
            if (q.size() == 1) {
                single.add(q.qis());
                values.add(new double[] {q.distinction(), q.separation()});
                indexes.add(i);
            }
        }
        qis.setChart(single.isEmpty() ? null : MicrodataCharts.singleQis(single, values, indexes, v));
        riskiestTable.refresh();
    }

    /** The policy chooser above the cards. */
    public PolicyChooser policyChooser() {
        return policyChooser;
    }

    /** The class-size chart as shown (for tests). */
    ChartPane classSizeChartPane() {
        return classSizes;
    }

    private void render(MicrodataAnalysis a) {
        if (a == null) {
            return;
        }
        MicrodataResult r = a.result();
        configSummary.setText(Messages.get("risk.configSummary", String.join(", ", a.config().quasiIdentifiers()),
                RiskDashboardViewModel.fmt(r.threshold())));
        renderJudged(a);
        population.setChart(a.populationCurve().isEmpty() ? null
                : MicrodataCharts.populationUniqueness(a.populationCurve()));
        populationTable.getItems().setAll(a.populationCurve());
        qiTable.getItems().setAll(QiRow.of(a));
        MicrodataResult.PairUniqueness pu = r.pairUniqueness();
        if (pu != null) {
            int m = pu.attributes().size();
            double[][] v = new double[m][m];
            String[][] tips = new String[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    v[i][j] = pu.share(i, j);
                    tips[i][j] = Messages.get("risk.pairs.tip", pu.attributes().get(i), pu.attributes().get(j),
                            RiskDashboardViewModel.pct(v[i][j]));
                }
            }
            double max = 0;
            for (double[] row : v) {
                for (double x : row) {
                    max = Math.max(max, x);
                }
            }
            pairs.setRange(0, Math.max(0.05, max));
            pairs.setFormatter(x -> org.releaseauditor.ui.fx.Numbers.fixed(x * 100, 1) + " %");
            pairs.setData(pu.attributes(), pu.attributes(), v, tips);
        }
        sensitiveTable.getItems().setAll(SensitiveRow.of(r));
        individualTable.getItems().setAll(RiskDashboardViewModel.individualRows(a, vm.sourceProperty().get()));
        MicrodataResult.PopulationUniqueness first = a.populationCurve().isEmpty() ? r.populationUniqueness()
                : a.populationCurve().get(0);
        snbColumn.setText(Messages.get("col.snb", RiskDashboardViewModel.snbVariant(first == null
                ? a.config().snbVariant() : first.snbVariant())));
    }

    private void setupTables() {
        populationTable.getColumns().setAll(
                col(Messages.get("col.fraction"), p -> RiskDashboardViewModel.fmt(p.samplingFraction())),
                col(Messages.get("col.populationSize"), p -> RiskDashboardViewModel.count(p.populationSize())),
                col("Pitman", p -> RiskDashboardViewModel.estimate(p.pitman(), p.pitmanStatus())),
                col("Zayatz", p -> RiskDashboardViewModel.estimate(p.zayatz(), p.zayatzStatus())),
                snbColumn = col(Messages.get("col.snb", RiskDashboardViewModel.snbVariant(null)),
                        p -> RiskDashboardViewModel.estimate(p.snb(), p.snbStatus())),
                col(Messages.get("chart.population.dankar"), RiskDashboardViewModel::dankarText),
                col(Messages.get("col.populationNotes"), RiskDashboardViewModel::populationNotes));
        qiTable.getColumns().setAll(
                col(Messages.get("col.qis"), QiRow::qis),
                numCol(Messages.get("col.size"), q -> (double) q.size()),
                numCol(Messages.get("chart.qi.distinction"), QiRow::distinction),
                numCol(Messages.get("chart.qi.separation"), QiRow::separation));
        sensitiveTable.getColumns().setAll(
                col(Messages.get("col.attribute"), SensitiveRow::attribute),
                col(Messages.get("col.distinctL"), SensitiveRow::distinctL),
                col(Messages.get("col.entropyL"), SensitiveRow::entropyL),
                col(Messages.get("col.recursiveL"), SensitiveRow::recursiveL),
                col(Messages.get("col.t"), SensitiveRow::t),
                col(Messages.get("col.worst"), SensitiveRow::worstClass));
        individualTable.getColumns().setAll(
                col(Messages.get("col.metric"), MetricRow::metric),
                col(Messages.get("col.value"), MetricRow::value),
                col(Messages.get("col.explanation"), MetricRow::explanation));
        riskiestTable.setItems(vm.riskiest());
        // a row is coloured by the verdict when its class breaks a rule of the policy in force
        riskiestTable.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(RiskiestRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    VerdictStyles.clear(this);
                } else {
                    VerdictStyles.apply(this, MicrodataVerdictColours.classStatus(vm.verdictProperty().get(),
                            item.size()));
                }
            }
        });
        vm.attackerModel().qis().addListener((ListChangeListener<ColumnChoice>) c -> rebuildRiskiestColumns());
        vm.analysisProperty().addListener((o, a, b) -> rebuildRiskiestColumns());
        for (TableView<?> t : List.of(populationTable, qiTable, sensitiveTable, riskiestTable, individualTable)) {
            TableCsv.install(t);
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
    }

    private void rebuildRiskiestColumns() {
        List<TableColumn<RiskiestRow, ?>> cols = new ArrayList<>();
        cols.add(numCol(Messages.get("col.classSize"), r -> (double) r.size()));
        cols.add(numCol(Messages.get("col.risk"), RiskiestRow::risk));
        MicrodataAnalysis a = vm.analysisProperty().get();
        if (a != null) {
            List<String> q = a.config().quasiIdentifiers();
            for (int i = 0; i < q.size(); i++) {
                int idx = i;
                cols.add(col(q.get(i), r -> idx < r.values().size() ? r.values().get(idx) : ""));
            }
        }
        riskiestTable.getColumns().setAll(cols);
    }

    static <S> TableColumn<S, String> col(String title, Function<S, String> f) {
        return Columns.text(title, f);
    }

    static <S> TableColumn<S, Double> numCol(String title, Function<S, Double> f) {
        return Columns.number(title, f);
    }
}
