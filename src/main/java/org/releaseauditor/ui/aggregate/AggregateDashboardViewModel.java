package org.releaseauditor.ui.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.AggregateSummary;
import org.releaseauditor.core.aggregate.CellStatus;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.charts.CardTips;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.ui.decision.RecordableDashboard;
import org.releaseauditor.ui.fx.LatestRun;
import org.releaseauditor.ui.fx.ResultState;
import org.releaseauditor.ui.fx.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregates dashboard's state: runs the analysis off the FX thread (latest run wins; a stale
 * result never reaches the view) and turns the report into cards and display data. No nodes.
 */
public final class AggregateDashboardViewModel implements RecordableDashboard {
    private static final Logger LOGGER = LoggerFactory.getLogger(AggregateDashboardViewModel.class);

    private final Lane<AggregatesRequest, AggregatesOutput> lane;
    private final DatasetService datasets;
    private final TaskRunner tasks;
    private final AggregateSettingsViewModel settings = new AggregateSettingsViewModel();
    private final ReadOnlyObjectWrapper<AggregateDisplay.View> view = new ReadOnlyObjectWrapper<>();
    private final ObservableList<AggCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PolicyProfile> policy = new SimpleObjectProperty<>(defaultPolicy());
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final VerdictService verdicts = new VerdictService();
    private final LatestRun<LaneResult<AggregatesRequest, AggregatesOutput>> run = new LatestRun<>();
    private TaskRunner.Job current;
    private final ObservableList<String> releaseChoices = FXCollections.observableArrayList();
    private final IntegerProperty releaseIndex = new SimpleIntegerProperty(0);
    private List<AggregateDisplay.View> releaseViews = List.of();

    /**
     * The computed views and the lane result they show. With a series, {@code views} holds the
     * whole analysis first (every release through the rules; the summary the policy reads),
     * then one view per release; {@code choices} names them. Without a series, one view.
     */
    record Computed(List<AggregateDisplay.View> views, List<String> choices,
            LaneResult<AggregatesRequest, AggregatesOutput> result) {
        Computed {
            views = List.copyOf(views);
            choices = List.copyOf(choices);
        }

        AggregateDisplay.View view() {
            return views.get(0);
        }
    }

    /** @param lane the aggregates lane (all analysis goes through it) */
    public AggregateDashboardViewModel(Lane<AggregatesRequest, AggregatesOutput> lane, DatasetService datasets,
            TaskRunner tasks) {
        this.lane = lane;
        this.datasets = datasets;
        this.tasks = tasks;
        // the aggregates tab runs on demand: a settings change marks the shown result as one of earlier settings
        settings.triggers().forEach(t -> t.addListener(o -> {
            if (current != null) {
                current.cancel();
                current = null;
            }
            run.invalidate();
        }));
        policy.addListener(o -> refreshCards());
    }

    /** Validates the settings and starts a run; false (with {@link #problemsProperty()}) when invalid. */
    public boolean run() {
        AggregateSettingsViewModel.Validated v = settings.validate();
        if (!v.ok()) {
            problems.set(String.join("\n", v.errors()));
            return false;
        }
        problems.set("");
        if (current != null) {
            current.cancel();
        }
        LaneCall<AggregatesRequest> req = v.request();
        String area = settings.areaDimensionProperty().get();
        List<String> time = settings.timeDimensionList();
        Path areas = settings.areasFileProperty().get();
        long ticket = run.start();
        current = tasks.start(Messages.get("uiagg.task"),
                (TaskRunner.Work<Computed, Void>) (m, publish) -> computeRun(req, area, time, areas, m),
                TaskRunner.Handlers.<Computed, Void>onSuccess(c -> {
                    if (run.complete(ticket, c.result())) {
                        current = null;
                        applyAll(c);
                    }
                }).onCancelled(() -> stopped(ticket)).onFailure(ex -> {
                    if (stopped(ticket)) {
                        tasks.reportFailure(Messages.get("uiagg.task"), ex);
                    }
                }));
        return true;
    }

    private boolean stopped(long ticket) {
        if (!run.stopped(ticket)) {
            return false;
        }
        current = null;
        return true;
    }

    /** Cancels the running analysis, if any: the last complete result stays, marked as from earlier settings. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Analyses the tables through the lane and builds every view (on a worker thread). */
    public AggregateDisplay.View compute(LaneCall<AggregatesRequest> req, String areaDim, List<String> timeDims,
            Path areasFile, ProgressMonitor monitor) throws AuditException {
        return computeRun(req, areaDim, timeDims, areasFile, monitor).view();
    }

    Computed computeRun(LaneCall<AggregatesRequest> req, String areaDim, List<String> timeDims, Path areasFile,
            ProgressMonitor monitor) throws AuditException {
        LaneInputs.Builder inputs = LaneInputs.builder();
        req.inputs().forEach((role, location) -> inputs.put(role, Path.of(location)));
        LaneResult<AggregatesRequest, AggregatesOutput> r = lane.analyze(req.request(), inputs.build(),
                monitor.slice(0, 0.95));
        Map<String, double[]> coords = areasFile == null ? Map.of() : coordinates(areasFile, monitor);
        AggregateReport report = r.output().report();
        List<ReleaseSet> sets = r.output().releases();
        List<AggregateDisplay.View> views = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        views.add(view(sets.get(0), report, areaDim, timeDims, coords, monitor));
        int n = report.releases().size();
        if (n > 1) {
            choices.add(Messages.get("uiagg.release.all", n));
            for (int i = 0; i < n && i < sets.size(); i++) {
                AggregateReport ri = report.ofRelease(i);
                views.add(view(sets.get(i), ri, areaDim, timeDims, coords, monitor));
                choices.add(ri.release());
            }
        }
        LOGGER.info("Aggregates dashboard: {} release(s), {} tables, {} cells", sets.size(), sets.get(0).tables().size(),
                sets.get(0).cellCount());
        return new Computed(views, choices, r);
    }

    /** The display of one release set with the report that speaks about it. */
    static AggregateDisplay.View view(ReleaseSet release, AggregateReport report, String areaDim,
            List<String> timeDims, Map<String, double[]> coords, ProgressMonitor monitor) throws AuditException {
        List<AggregateDisplay.TableGrid> grids = new ArrayList<>();
        AggregateDisplay.AreaMap map = null;
        AggregateDisplay.TimeGrid time = null;
        for (CountTable t : release.tables()) {
            monitor.checkCancelled();
            grids.add(AggregateDisplay.grid(t, report));
            if (map == null && t.dimensionIndex(areaDim) >= 0) {
                CellStatus[] status = CellStatus.classify(t, report);
                map = AggregateDisplay.areaMap(t.name(), CellStatus.minCountBy(t, areaDim), coords,
                        AggregateDisplay.flaggedBy(t, status, areaDim));
                time = AggregateDisplay.timeGrid(t, status, areaDim, timeDims);
            }
        }
        return new AggregateDisplay.View(report, grids, map, time, AggregateDisplay.findings(report));
    }

    /** Area → {lat, lon} from a file with columns area (or the first), lat and lon. */
    Map<String, double[]> coordinates(Path file, ProgressMonitor monitor) throws AuditException {
        Dataset ds = datasets.load(file, ImportOptions.defaults(), monitor);
        Map<String, double[]> out = new HashMap<>();
        Column area = ds.column("area").orElse(ds.columns().get(0));
        Column lat = ds.column("lat").orElse(null);
        Column lon = ds.column("lon").orElse(null);
        if (lat == null || lon == null) {
            return out;
        }
        for (int r = 0; r < ds.rowCount(); r++) {
            try {
                out.put(area.valueAt(r), new double[] {Double.parseDouble(lat.valueAt(r)),
                    Double.parseDouble(lon.valueAt(r))});
            } catch (NumberFormatException | NullPointerException e) {
                LOGGER.debug("Row {} of the areas file has no coordinates", r);
            }
        }
        return out;
    }

    /** Shows a result (on the FX thread, latest run only). */
    public void apply(AggregateDisplay.View v) {
        releaseViews = v == null ? List.of() : List.of(v);
        releaseChoices.clear();
        releaseIndex.set(0);
        show(v);
    }

    /** Shows a computed run with its release choices (on the FX thread). */
    void applyAll(Computed c) {
        releaseViews = c.views();
        releaseChoices.setAll(c.choices());
        releaseIndex.set(0);
        show(c.view());
    }

    /**
     * Shows release {@code i} of {@link #releaseChoices()}: 0 is the whole analysis (every
     * release checked; what a policy reads), 1… the releases of the series in time order.
     */
    public void selectRelease(int i) {
        if (i >= 0 && i < releaseViews.size() && i != releaseIndex.get()) {
            releaseIndex.set(i);
            show(releaseViews.get(i));
        }
    }

    private void show(AggregateDisplay.View v) {
        view.set(v);
        refreshCards();
    }

    /**
     * The cards of the shown view, coloured by the verdict of {@link #policyProperty()} on the
     * complete result; the whole analysis (view 0) is what a policy reads, so a single release of a
     * series is shown neutral.
     */
    private void refreshCards() {
        AggregateDisplay.View v = view.get();
        LaneResult<AggregatesRequest, AggregatesOutput> last = run.resultProperty().get();
        Verdict judged = v != null && last != null && last.output().report() == v.report()
                ? verdicts.verdict(policy.get(), last, Messages.locale()) : null;
        verdict.set(judged);
        cards.setAll(v == null ? List.of() : cards(v.report(), judged));
    }

    private static PolicyProfile defaultPolicy() {
        try {
            return new VerdictService().defaultPolicy(AggregatesRequest.LANE).orElse(null);
        } catch (org.releaseauditor.core.error.PolicyException e) {
            return null;
        }
    }

    /** The policy the cards are coloured by (default {@code min-cell-10}); null: none. */
    public ObjectProperty<PolicyProfile> policyProperty() {
        return policy;
    }

    /** The verdict of the shown complete result, or null. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The releases a series run can show (empty without a series); see {@link #selectRelease}. */
    public ObservableList<String> releaseChoices() {
        return releaseChoices;
    }

    public ReadOnlyIntegerProperty releaseIndexProperty() {
        return IntegerProperty.readOnlyIntegerProperty(releaseIndex);
    }

    /**
     * The summary cards of a report; each card's colour is the verdict's state of the metrics it
     * shows, neutral where the policy does not judge them or without a verdict. "Unsafe cells" is
     * never green while withheld cells are exposed: it shows the worst of both.
     */
    static List<AggCard> cards(AggregateReport r, Verdict v) {
        AggregateSummary s = r.summary();
        List<AggCard> out = new ArrayList<>();
        out.add(new AggCard("cardAggCells", Messages.get("uiagg.card.cells"), count(s.cells()),
                Messages.get("uiagg.card.cells.sub", count(s.tables()), count(s.suppressedCells())), Status.NEUTRAL,
                CardTips.of(Messages.get("uiagg.card.cells.explain"), "aggregates", v, "aggregates.cells")));
        out.add(new AggCard("cardAggUnsafe", Messages.get("uiagg.card.unsafe"), count(s.unsafeCells()),
                r.threshold() == null ? "" : r.threshold().describe(),
                SummaryCard.judged(v, "aggregates.unsafeCells", "aggregates.exposedCells"),
                CardTips.of(Messages.get("uiagg.card.unsafe.explain"), "aggregates", v, "aggregates.unsafeCells", "aggregates.exposedCells")));
        out.add(new AggCard("cardAggExposed", Messages.get("uiagg.card.exposed"),
                s.exposedCells() < 0 ? "\u2013" : count(s.exposedCells()),
                s.exposedCells() < 0 ? Messages.get("uiagg.card.off")
                        : Messages.get("uiagg.card.exposed.sub", count(r.audit().size())),
                s.exposedCells() < 0 ? Status.NEUTRAL : SummaryCard.judged(v, "aggregates.exposedCells"),
                CardTips.of(Messages.get("uiagg.card.exposed.explain"), "aggregates", v, "aggregates.exposedCells")));
        out.add(new AggCard("cardAggRecoverable", Messages.get("uiagg.card.recoverable"),
                count(s.recoverableCells()), Messages.get("uiagg.card.recoverable.sub",
                        count(r.differencing().stream().filter(c -> c.exact()).count())),
                SummaryCard.judged(v, "aggregates.recoverableCells"), CardTips.of(Messages.get("uiagg.card.recoverable.explain"), "aggregates", v, "aggregates.recoverableCells")));
        out.add(new AggCard("cardAggGroups", Messages.get("uiagg.card.groups"),
                r.groupBy() == null ? "\u2013" : count(s.disclosedGroups()),
                r.groupBy() == null ? Messages.get("uiagg.card.off") : String.join(" \u00d7 ", r.groupDims())
                        + " \u2192 " + r.groupBy(),
                r.groupBy() == null ? Status.NEUTRAL : SummaryCard.judged(v, "aggregates.disclosedGroups"),
                CardTips.of(Messages.get("uiagg.card.groups.explain"), "aggregates", v, "aggregates.disclosedGroups")));
        String[] rec = AggregateDisplay.recovery(r);
        if (rec != null) {
            out.add(new AggCard("cardAggRecovery", Messages.get("uiagg.card.recovery"), rec[0], rec[1],
                    v == null ? Status.NEUTRAL : SummaryCard.of(v.worstUnder("recovery")),
                    Messages.get("uiagg.card.recovery.explain")));
        }
        double min = AggregateDisplay.minCount(r);
        out.add(new AggCard("cardAggMin", Messages.get("uiagg.card.min"), AggregateDisplay.num(min),
                Messages.get("uiagg.card.min.sub"), v == null ? Status.NEUTRAL : SummaryCard.of(v.worstUnder("aggregates.minCount")),
                CardTips.of(Messages.get("uiagg.card.min.explain"), "aggregates", v, "aggregates.minCount")));
        return out;
    }

    static String count(long v) {
        return String.format(Messages.locale(), "%,d", v);
    }

    public AggregateSettingsViewModel settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<AggregateDisplay.View> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /**
     * The last complete result as the lane returned it (request, hashed inputs, JSON): what a case
     * records when {@link #resultStateProperty()} is {@link ResultState#CURRENT}.
     */
    @Override
    public ReadOnlyObjectProperty<LaneResult<AggregatesRequest, AggregatesOutput>> resultProperty() {
        return run.resultProperty();
    }

    @Override
    public ReadOnlyObjectProperty<ResultState> resultStateProperty() {
        return run.stateProperty();
    }

    /**
     * The attacker model and the tables' column roles of a result, from its own request: an
     * intruder holding the published tables (LP audit, differencing, group disclosure as run), and
     * each table's count and dimension columns.
     */
    @Override
    public RecordOptions recordOptions(LaneResult<?, ?> shown) {
        AggregatesRequest r = (AggregatesRequest) shown.request();
        RecordOptions o = RecordOptions.none();
        for (AggregatesRequest.Table t : r.tables()) {
            o = o.withRoles(AggregatesRequest.TABLE + t.name(), columnRoles(t));
        }
        return o.withAttacker(attackerName(r), r.attackerModelJson());
    }

    /** A table's columns as analysed: the count, and the dimensions as quasi-identifiers of the cells. */
    static Map<String, String> columnRoles(AggregatesRequest.Table t) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (t.dimensions() != null) {
            t.dimensions().forEach(d -> out.put(d, org.releaseauditor.core.model.AttributeRole.QUASI_IDENTIFIER.name()));
        }
        out.put(t.count(), org.releaseauditor.core.model.AttributeRole.COUNT.name());
        return out;
    }

    /** "Intruder with the published tables (3 tables; LP audit on)". */
    static String attackerName(AggregatesRequest r) {
        return Messages.get("record.attacker.aggregates", r.tables().size(),
                Messages.get(r.audit() ? "record.attacker.auditOn" : "record.attacker.auditOff"));
    }

    public ObservableList<AggCard> cards() {
        return cards;
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public TaskRunner tasks() {
        return tasks;
    }
}
