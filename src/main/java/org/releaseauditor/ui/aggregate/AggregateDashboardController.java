package org.releaseauditor.ui.aggregate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.CellStatus;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.ui.AppContext;
import org.releaseauditor.ui.charts.ChartPane;
import org.releaseauditor.ui.charts.ChartTheme;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.charts.VerdictStyles;
import org.releaseauditor.ui.fx.TableCsv;

/**
 * The aggregates dashboard: renders the view model's cards, cell grids, area map, time × area
 * heatmap and findings. Thin. Load it from {@code /fxml/aggregate/AggregateDashboard.fxml}.
 */
public final class AggregateDashboardController {
    /** The sample release of the bundled data: footfall with small counts withheld, plus margins. */
    public static final String SAMPLE_TABLE = "footfall_hourly_withheld.csv";
    private static final int FILTER_ALL = 0;
    private static final int FILTER_FINDINGS = 1;

    private final AppContext ctx;
    private final AggregateDashboardViewModel vm;
    private final Map<String, SummaryCard> cardNodes = new HashMap<>();
    private final Map<CellStatus, Label> chips = new java.util.EnumMap<>(CellStatus.class);
    private final List<TableView<AggregateDisplay.CellRow>> gridTables = new ArrayList<>();
    private org.releaseauditor.ui.charts.PolicyChooser policyChooser;
    @FXML private HBox policyBar;
    private final HeatCanvas map = new HeatCanvas();
    private final HeatCanvas time = new HeatCanvas();
    private final List<FilteredList<AggregateDisplay.CellRow>> filtered = new ArrayList<>();
    private ChartPane findingsPane;
    private boolean sampleRequested;

    @FXML private AggregateSettingsController settingsController;
    @FXML private Label configSummary;
    @FXML private Label releaseTitle;
    @FXML private TabPane viewTabs;
    @FXML private ComboBox<String> releaseSelector;
    @FXML private Label emptyHint;
    @FXML private FlowPane cards;
    @FXML private ComboBox<String> statusFilter;
    @FXML private javafx.scene.layout.FlowPane statusLegend;
    @FXML private TabPane tableTabs;
    @FXML private TextArea cellDetail;
    @FXML private ScrollPane mapScroll;
    @FXML private ScrollPane timeScroll;
    @FXML private TableView<AggregateDisplay.RuleFinding> findingsTable;
    @FXML private StackPane findingsChart;

    public AggregateDashboardController(AppContext ctx) {
        this.ctx = ctx;
        this.vm = new AggregateDashboardViewModel(ctx.aggregatesLane(),
                ctx.datasetService(), ctx.tasks());
    }

    public AggregateDashboardViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        settingsController.bind(vm);
        List<String> filters = new ArrayList<>();
        filters.add(Messages.get("uiagg.cells.all"));
        filters.add(Messages.get("uiagg.cells.findings"));
        for (CellStatus s : CellStatus.values()) {
            filters.add(AggregateDisplay.label(s));
            Label chip = new Label(AggregateDisplay.label(s));
            chip.getStyleClass().add("status-chip");
            chip.setId("chip-" + s.name());
            chips.put(s, chip);
            chip.setTooltip(new Tooltip(Messages.get("uiagg.status." + s.name().toLowerCase(java.util.Locale.ROOT)
                    + ".explain")));
            statusLegend.getChildren().add(chip);
        }
        statusFilter.setItems(FXCollections.observableArrayList(filters));
        statusFilter.getSelectionModel().select(FILTER_FINDINGS);
        statusFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        mapScroll.setContent(map);
        timeScroll.setContent(time);
        findingsPane = new ChartPane(ctx.dialogs());
        findingsChart.getChildren().setAll(findingsPane);
        // F1 help: the chart counts the cells each rule flags (the summary numbers a policy reads);
        // a line of the findings table explains its rule; the map and time views colour each
        // table's cells by their status (the per-table results)
        org.releaseauditor.ui.help.MetricHelp.tagAll("aggregates", findingsPane, "aggregates", findingsTable,
                "aggregates", mapScroll, "tables", timeScroll, "tables");
        org.releaseauditor.ui.help.MetricHelp.tagRows(findingsTable, (f, index) -> f.path() == null ? null
                : new org.releaseauditor.ui.help.MetricHelp.Key("aggregates", f.path(), List.of()));
        findingsTable.getColumns().setAll(
                col(Messages.get("uiagg.col.rule"), AggregateDisplay.RuleFinding::rule),
                col(Messages.get("uiagg.col.cells"), f -> f.cells() < 0 ? "\u2013"
                        : AggregateDashboardViewModel.count(f.cells())),
                wrapping(col(Messages.get("uiagg.col.explanation"), AggregateDisplay.RuleFinding::explanation)));
        findingsTable.getColumns().get(0).setPrefWidth(170);
        findingsTable.getColumns().get(0).setMaxWidth(220);
        findingsTable.getColumns().get(1).setPrefWidth(80);
        findingsTable.getColumns().get(1).setMaxWidth(110);
        findingsTable.getColumns().get(1).setStyle("-fx-alignment: CENTER-RIGHT;");
        findingsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableCsv.install(findingsTable);
        releaseSelector.setItems(vm.releaseChoices());
        releaseSelector.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.releaseChoices()));
        releaseSelector.managedProperty().bind(releaseSelector.visibleProperty());
        releaseSelector.setTooltip(new Tooltip(Messages.get("uiagg.release.tip")));
        vm.releaseChoices().addListener((ListChangeListener<String>) c ->
                releaseSelector.getSelectionModel().select(vm.releaseIndexProperty().get()));
        releaseSelector.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                vm.selectRelease(b.intValue());
            }
        });
        vm.cards().addListener((ListChangeListener<AggCard>) c -> renderCards());
        vm.viewProperty().addListener((o, a, b) -> render(b));
        // the policy chooser: another policy re-judges the shown result and recolours at once (no new run)
        policyChooser = new org.releaseauditor.ui.charts.PolicyChooser(
                org.releaseauditor.service.aggregates.AggregatesRequest.LANE, ctx.dialogs(),
                new org.releaseauditor.service.policy.VerdictService(), vm.policyProperty(), vm.verdictProperty());
        policyBar.getChildren().setAll(policyChooser);
        vm.verdictProperty().addListener((o, a, b) -> renderJudged(vm.viewProperty().get()));
        renderJudged(null);
        emptyHint.visibleProperty().bind(vm.viewProperty().isNull());
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
        org.releaseauditor.ui.fx.StaleMarker.install((javafx.scene.layout.Pane) releaseTitle.getParent(),
                vm.resultStateProperty(), cards, viewTabs);
        org.releaseauditor.ui.remediation.WhatIfTabs.aggregates(ctx, viewTabs, vm.resultProperty());
    }

    /**
     * As {@link #loadSample(Path)}, but only the first time (for example when the tab is first
     * selected); later calls do nothing.
     */
    public void loadSampleOnce(Path dir) {
        if (!sampleRequested) {
            sampleRequested = true;
            loadSample(dir);
        }
    }

    /**
     * Preloads the footfall withheld variant of the sample folder (threshold 10, operator &lt;,
     * audit on, coordinates from areas.csv) and runs it. Does nothing when the file is missing.
     */
    public boolean loadSample(Path dir) {
        Path table = dir.resolve(SAMPLE_TABLE);
        if (!Files.isRegularFile(table)) {
            return false;
        }
        AggregateSettingsViewModel s = vm.settings();
        s.tables().clear();
        s.series().clear();
        try {
            s.addTable(table, ctx.datasetService().sniff(table, ImportOptions.defaults()).columnNames());
        } catch (AuditException e) {
            ctx.tasks().reportFailure(Messages.get("uiagg.task"), e);
            return false;
        }
        s.thresholdProperty().set("10");
        s.operatorProperty().set(ThresholdRule.Operator.LT);
        s.zeroUnsafeProperty().set(false);
        // the sample's documented numbers come from the threshold rule and the audit only
        s.clearPreset();
        s.dominanceProperty().set(false);
        s.pRuleProperty().set(false);
        s.pqRuleProperty().set(false);
        s.zeroMagnitudeUnsafeProperty().set(false);
        s.recoveryFileProperty().set(null);
        s.auditProperty().set(true);
        s.protectionProperty().set("0");
        Path areas = dir.resolve("areas.csv");
        s.areasFileProperty().set(Files.isRegularFile(areas) ? areas : null);
        settingsController.selectFirst();
        return vm.run();
    }

    private void renderCards() {
        List<Node> nodes = new ArrayList<>();
        for (AggCard d : vm.cards()) {
            SummaryCard card = cardNodes.computeIfAbsent(d.id() + "|" + d.title(),
                    k -> new SummaryCard(d.id(), d.title(), d.explanation()));
            card.set(d.value(), d.sub(), d.status());
            card.setExplanation(d.explanation());
            nodes.add(card);
        }
        cards.getChildren().setAll(nodes);
    }

    /**
     * The parts coloured by the verdict of the policy in force: legend chips, cell rows, the area
     * map and the time grid's flags. Called for a new view and when the policy changes.
     */
    private void renderJudged(AggregateDisplay.View v) {
        org.releaseauditor.core.verdict.Verdict verdict = vm.verdictProperty().get();
        chips.forEach((s, chip) -> VerdictStyles.apply(chip, AggregateVerdictColours.chipStatus(verdict, s, v)));
        if (v == null) {
            return;
        }
        gridTables.forEach(TableView::refresh);
        AggregateReport r = v.report();
        if (v.map() != null) {
            String table = v.map().table();
            map.drawMap(v.map(), AggregateDisplay.scaleMax(v.map(), r),
                    p -> AggregateVerdictColours.areaStatus(verdict, table, p.minCount()));
        }
        if (v.timeGrid() != null) {
            time.drawTimeGrid(v.timeGrid(), AggregateVerdictColours.flagStatus(verdict));
        }
    }

    /** The policy chooser above the cards. */
    public org.releaseauditor.ui.charts.PolicyChooser policyChooser() {
        return policyChooser;
    }

    /** The legend chip of a kind of cell (for tests). */
    Label chip(CellStatus s) {
        return chips.get(s);
    }

    private void render(AggregateDisplay.View v) {
        cellDetail.clear();
        tableTabs.getTabs().clear();
        filtered.clear();
        gridTables.clear();
        if (v == null) {
            return;
        }
        AggregateReport r = v.report();
        configSummary.setText(Messages.get("uiagg.configSummary", r.release(), AggregateDisplay.rulesSummary(r),
                r.audit() == null ? Messages.get("uiagg.card.off") : Messages.get("uiagg.auditOn")));
        for (AggregateDisplay.TableGrid g : v.grids()) {
            tableTabs.getTabs().add(new Tab(g.name(), gridTable(g, r)));
        }
        applyFilter();
        renderJudged(v);
        findingsTable.getItems().setAll(v.findings());
        findingsPane.setChart(findingsChart(v.findings()));
    }

    private TableView<AggregateDisplay.CellRow> gridTable(AggregateDisplay.TableGrid g, AggregateReport r) {
        TableView<AggregateDisplay.CellRow> t = new TableView<>();
        t.setId("grid-" + g.name());
        FilteredList<AggregateDisplay.CellRow> rows = new FilteredList<>(FXCollections.observableArrayList(g.rows()));
        filtered.add(rows);
        t.setItems(rows);
        List<TableColumn<AggregateDisplay.CellRow, String>> cols = new ArrayList<>();
        for (int d = 0; d < g.dimensions().size(); d++) {
            int idx = d;
            cols.add(col(g.dimensions().get(d), c -> c.key().get(idx)));
        }
        TableColumn<AggregateDisplay.CellRow, String> published = col(Messages.get("uiagg.col.published"),
                AggregateDisplay.CellRow::published);
        published.setStyle("-fx-alignment: CENTER-RIGHT;");
        cols.add(published);
        cols.add(col(Messages.get("uiagg.col.status"), c -> AggregateDisplay.label(c.status())));
        t.getColumns().setAll(cols);
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AggregateDisplay.CellRow item, boolean empty) {
                super.updateItem(item, empty);
                restyle();
            }

            /** The row's colour is the verdict state of the cell (AggregateVerdictColours), from the CSS classes. */
            private void restyle() {
                AggregateDisplay.CellRow item = getItem();
                if (isEmpty() || item == null) {
                    VerdictStyles.clear(this);
                } else {
                    VerdictStyles.apply(this, AggregateVerdictColours.cellStatus(vm.verdictProperty().get(), item, r));
                }
            }
        });
        gridTables.add(t);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                cellDetail.setText(b == null ? "" : AggregateDisplay.explain(b, r)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableCsv.install(t);
        return t;
    }

    private void applyFilter() {
        int f = statusFilter.getSelectionModel().getSelectedIndex();
        for (FilteredList<AggregateDisplay.CellRow> rows : filtered) {
            rows.setPredicate(c -> f <= FILTER_ALL || (f == FILTER_FINDINGS
                    ? c.status() != CellStatus.SAFE && c.status() != CellStatus.SUPPRESSED
                    : c.status() == CellStatus.values()[f - 2]));
        }
    }

    private static JFreeChart findingsChart(List<AggregateDisplay.RuleFinding> findings) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (AggregateDisplay.RuleFinding f : findings) {
            if (f.cells() >= 0) {
                ds.addValue(f.cells(), Messages.get("uiagg.col.cells"), f.rule());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(Messages.get("uiagg.findings.chart"), null,
                Messages.get("uiagg.col.cells"), ds, PlotOrientation.HORIZONTAL, false, true, false);
        return ChartTheme.apply(chart);
    }

    @FXML
    private void saveMap() {
        savePng(map, "area-map.png");
    }

    @FXML
    private void saveTime() {
        savePng(time, "time-area.png");
    }

    private void savePng(Node node, String name) {
        ctx.dialogs().chooseFileToSave(Messages.get("uiagg.savePng"), null, name).ifPresent(p -> {
            try {
                NodePng.write(node, p);
                ctx.dialogs().notify(Messages.get("ui.chart.exported", p.getFileName()));
            } catch (IOException e) {
                ctx.dialogs().showError(Messages.get("uiagg.savePng"), Messages.get("ui.chart.exportFailed", p), null);
            }
        });
    }

    /** Wraps long texts inside the column instead of cutting them off. */
    private static <S> TableColumn<S, String> wrapping(TableColumn<S, String> c) {
        c.setCellFactory(tc -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(tc.widthProperty().subtract(10));
                setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        return c;
    }

    private static <S> TableColumn<S, String> col(String title, Function<S, String> f) {
        return org.releaseauditor.ui.fx.Columns.text(title, f);
    }
}
