package org.releaseauditor.ui.remediation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.remediation.aggregate.AggregateRemediation;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.aggregates.AggregatesOutput;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.remediation.AggregateRemediationRequest;
import org.releaseauditor.service.remediation.AggregateRemediationService;
import org.releaseauditor.service.remediation.AggregateWhatIf;
import org.releaseauditor.service.remediation.Reaudit;
import org.releaseauditor.service.remediation.RemediationCall;
import org.releaseauditor.service.remediation.RemediationDefaults;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.ui.fx.BackgroundTasks;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.FxTasks;

/**
 * The aggregates <i>What if</i> panel's state. The source is the dashboard's latest result (with
 * the LP audit). The sliders set the protection a withheld cell needs (the width of the interval
 * the LP audit can pin it to, in counts and in percent) and the choice what to minimise (withheld
 * persons or withheld cells); every change runs primary and secondary suppression for that choice
 * and re-audits the copies through the aggregates lane after the debounce delay (the latest
 * change wins). <i>Find least change</i> runs the suppression at the protection the analysis asks
 * for (progress and Cancel); <i>Save remediated copy</i> writes one copy per table into a folder
 * with their SHA-256 and can record both runs in the open case.
 */
public final class AggregateWhatIfViewModel extends WhatIfViewModelBase {

    /** The comparison cards of the aggregates panel. */
    static final List<Comparisons.Spec> CARDS = List.of(
            new Comparisons.Spec("whatIfExposed", "whatif.card.exposed", "whatif.card.exposed.explain",
                    "aggregates.exposedCells", Comparisons.Format.COUNT),
            new Comparisons.Spec("whatIfUnsafe", "whatif.card.unsafe", "whatif.card.unsafe.explain",
                    "aggregates.unsafeCells", Comparisons.Format.COUNT),
            new Comparisons.Spec("whatIfWithheld", "whatif.card.withheld", "whatif.card.withheld.explain",
                    "aggregates.suppressedCells", Comparisons.Format.COUNT),
            new Comparisons.Spec("whatIfMinCount", "whatif.card.minCount", "whatif.card.minCount.explain",
                    "aggregates.minCount.*", Comparisons.Format.NUMBER));

    private final AggregateRemediationService service;
    private final Debouncer debouncer;
    private final ObjectProperty<LaneResult<AggregatesRequest, AggregatesOutput>> source = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final ObservableList<PolicyChoice> policies = FXCollections.observableArrayList();
    private final ObjectProperty<PolicyChoice> policy = new SimpleObjectProperty<>();
    private final ObservableList<String> objectives = FXCollections.observableArrayList(
            AggregateRemediationRequest.OBJECTIVES);
    private final StringProperty objective = new SimpleStringProperty();
    private final DoubleProperty absolute = new SimpleDoubleProperty(0);
    private final DoubleProperty percent = new SimpleDoubleProperty(0);
    private final ObservableList<CompareCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AggregateWhatIf> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Reaudit<AggregatesRequest, AggregatesOutput>> before =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AggregateWhatIf.Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ObservableList<String> methods = FXCollections.observableArrayList(
            AggregateRemediationRequest.METHODS);
    private final StringProperty method = new SimpleStringProperty("suppress");
    private final ObservableList<String> roundingBases = FXCollections.observableArrayList(BASES);
    private final StringProperty roundingBase = new SimpleStringProperty(AUTO);
    private final ReadOnlyObjectWrapper<AggregateWhatIf.AlternativePreview> alternative = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper previewed =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private boolean settingLevels;

    /** The rounding base choice that lets the service take the smallest of 3, 5, 10 that passes. */
    public static final String AUTO = "auto";
    static final List<String> BASES = List.of(AUTO, "3", "5", "10");

    public AggregateWhatIfViewModel(AggregateRemediationService service, BackgroundTasks tasks, Debouncer debouncer) {
        super(tasks);
        this.service = service;
        this.debouncer = debouncer;
        Map<String, String> defaults = RemediationDefaults.of();
        objective.set(defaults.get("default.remediation.aggregates.objective"));
        policies.setAll(PolicyChoice.builtIns());
        policy.set(policies.stream().filter(p -> p.ref().equals("min-cell-10")).findFirst()
                .orElse(policies.isEmpty() ? null : policies.get(0)));
        source.addListener((o, a, b) -> prepareIfActive());
        active.addListener((o, a, b) -> prepareIfActive());
        policy.addListener((o, a, b) -> prepareIfActive());
        objective.addListener((o, a, b) -> changed());
        method.addListener((o, a, b) -> changed());
        roundingBase.addListener((o, a, b) -> {
            if ("round".equals(method.get())) {
                changed();
            }
        });
        absolute.addListener((o, a, b) -> changed());
        percent.addListener((o, a, b) -> changed());
    }

    private void changed() {
        if (!settingLevels) {
            requestPreview();
        }
    }

    private void prepareIfActive() {
        if (active.get() && source.get() != null && policy.get() != null) {
            prepare();
        }
    }

    /** Takes the tables of the dashboard's result and judges it by the policy (off the FX thread). */
    public void prepare() {
        LaneResult<AggregatesRequest, AggregatesOutput> src = source.get();
        if (src == null || policy.get() == null) {
            return;
        }
        cancelAll();
        session.set(null);
        preview.set(null);
        alternative.set(null);
        previewed.set(false);
        saved.set(null);
        if (!src.request().audit()) {
            before.set(null);
            cards.clear();
            change.set("");
            status.set(Messages.get("whatif.agg.needsAudit"));
            return;
        }
        String ref = policy.get().ref();
        org.releaseauditor.core.policy.PolicyProfile profile = policy.get().profile();
        busy.set(true);
        status.set(Messages.get("whatif.status.preparing.agg"));
        Task<Prepared> t = FxTasks.of(Messages.get("whatif.task.prepare"), m -> {
            AggregateWhatIf w = service.prepare(src, AggregateRemediationRequest.builder().policy(ref)
                    .objective(objective.get()), profile);
            return new Prepared(w, w.judge(src));
        });
        prepareTask = t;
        tasks.run(t, prepared -> {
            if (t != prepareTask) {
                return;
            }
            busy.set(false);
            session.set(prepared.session());
            before.set(prepared.before());
            setProtection(prepared.session().protection(), false);
            refreshCards();
            previewNow();
        }, ex -> failed(t, ex));
    }

    private record Prepared(AggregateWhatIf session, Reaudit<AggregatesRequest, AggregatesOutput> before) {
    }

    private void setProtection(ProtectionRequirement p, boolean thenPreview) {
        settingLevels = true;
        try {
            absolute.set(p.absolute());
            percent.set(p.percent());
        } finally {
            settingLevels = false;
        }
        if (thenPreview) {
            previewNow();
        }
    }

    /** Suppresses and re-audits after the debounce delay; the latest request wins. */
    public void requestPreview() {
        debouncer.schedule(this::previewNow);
    }

    /** Suppresses for the current choice and re-audits the copies now (cancelling earlier work). */
    public void previewNow() {
        run(false);
    }

    /**
     * Suppression at the protection the analysis asks for (the least change the LP audit proves
     * safe for it), with progress and Cancel; the sliders move there.
     */
    public void findLeastChange() {
        AggregateWhatIf w = session.get();
        if (w == null) {
            return;
        }
        setProtection(w.protection(), false);
        run(true);
    }

    private void run(boolean asSearch) {
        AggregateWhatIf w = session.get();
        if (w == null) {
            return;
        }
        if (previewTask != null) {
            previewTask.cancel();
        }
        String o = objective.get();
        String how = method.get();
        Integer base = base();
        double abs = absolute.get();
        double pct = percent.get();
        busy.set(true);
        String title = Messages.get(asSearch ? "whatif.task.search" : "whatif.task.preview");
        if (!"suppress".equals(how)) {
            Task<AggregateWhatIf.AlternativePreview> t = FxTasks.of(title,
                    m -> w.previewAlternative(how, base, abs, pct, m));
            previewTask = t;
            java.util.function.Consumer<AggregateWhatIf.AlternativePreview> show = p -> {
                busy.set(false);
                preview.set(null);
                alternative.set(p);
                previewed.set(true);
                refreshCards();
            };
            runPreview(t, asSearch, show);
            return;
        }
        Task<AggregateWhatIf.Preview> t = FxTasks.of(title, m -> w.preview(o, abs, pct, m));
        previewTask = t;
        java.util.function.Consumer<AggregateWhatIf.Preview> show = p -> {
            busy.set(false);
            alternative.set(null);
            preview.set(p);
            previewed.set(true);
            refreshCards();
        };
        runPreview(t, asSearch, show);
    }

    /** Runs a preview as a search (progress, Cancel) or as the live re-audit (latest wins). */
    private <T> void runPreview(Task<T> t, boolean asSearch, java.util.function.Consumer<T> show) {
        if (asSearch) {
            startSearch(t, show);
        } else {
            status.set(Messages.get("whatif.status.reauditing"));
            tasks.run(t, p -> {
                if (t == previewTask) {
                    show.accept(p);
                }
            }, ex -> failed(t, ex));
        }
    }

    /** The chosen rounding base, or null for automatic. */
    private Integer base() {
        String b = roundingBase.get();
        return b == null || AUTO.equals(b) ? null : Integer.valueOf(b);
    }

    /** The re-audit of the current choice (suppression or alternative), or null. */
    public Reaudit<AggregatesRequest, AggregatesOutput> after() {
        if (alternative.get() != null) {
            return alternative.get().after();
        }
        return preview.get() == null ? null : preview.get().after();
    }

    private void refreshCards() {
        AggregateWhatIf.Preview p = preview.get();
        AggregateWhatIf.AlternativePreview alt = alternative.get();
        Reaudit<AggregatesRequest, AggregatesOutput> after = after();
        List<CompareCard> list = new ArrayList<>(Comparisons.cards(CARDS, before.get(), after));
        list.add(0, Comparisons.verdict(before.get(), after));
        cards.setAll(list);
        change.set(alt != null ? describe(alt) : p == null ? "" : describe(p.result()));
        if (p == null && alt == null) {
            status.set("");
        } else if (alt != null && !alt.found()) {
            status.set(describe(alt));
        } else if (after == null) {
            status.set(Messages.get("whatif.status.unsafe.agg"));
        } else {
            status.set(Messages.get(after.passed() ? "whatif.status.passes" : "whatif.status.fails",
                    after.policy().profile().id()));
        }
    }

    /** What the suppression withholds, in one line. */
    static String describe(AggregateRemediation.Result r) {
        long pinned = r.audit().stream().filter(AuditedCell::exposed).count();
        return Messages.get("whatif.agg.result", r.primary().size(), r.secondary().size(),
                Comparisons.format(r.suppressedTotal(), Comparisons.Format.NUMBER),
                r.safe() ? Messages.get("whatif.agg.safe") : Messages.get("whatif.agg.unsafe", pinned));
    }

    /** What a coarsening or rounding changes, in one line. */
    static String describe(AggregateWhatIf.AlternativePreview a) {
        if (a.coarsen() != null) {
            var c = a.coarsen();
            if (!c.found()) {
                return Messages.get("whatif.agg.result.coarsenNone", c.unsafeAfter());
            }
            String levels = String.join(", ", c.changed().stream().map(l -> l.dimension() + " \u2192 " + l.to())
                    .toList());
            return Messages.get("whatif.agg.result.coarsen", c.cellsBefore(), c.cellsAfter(), c.unsafeBefore(),
                    c.unsafeAfter(), levels);
        }
        var r = a.round().chosen();
        return Messages.get(a.round().found() ? "whatif.agg.result.round" : "whatif.agg.result.roundNone", r.base(),
                r.unsafeOnRounded(), r.exposed());
    }

    /** Withheld, unsafe and exposed cells of an audit (the chart's bars); -1 where not measured. */
    static long[] cellCounts(Reaudit<?, ?> r) {
        if (r == null) {
            return null;
        }
        Map<String, Double> m = Comparisons.metrics(r);
        String[] keys = {"aggregates.suppressedCells", "aggregates.unsafeCells", "aggregates.exposedCells"};
        long[] out = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Double v = m.get(keys[i]);
            out[i] = v == null || v.isNaN() ? 0 : Math.round(v);
        }
        return out;
    }

    /**
     * Where each table's copy goes: the first table's to {@code first}, every other table's next
     * to it as {@code <stem>_remediated.<ext>}.
     */
    Map<String, Path> outputs(Path first) {
        Map<String, Path> out = new LinkedHashMap<>();
        AggregateWhatIf w = session.get();
        if (w == null) {
            return out;
        }
        Path folder = first.toAbsolutePath().getParent();
        for (AggregatesRequest.Table t : w.request().analysis().tables()) {
            if (out.isEmpty()) {
                out.put(RemediationCall.COPY_OF + t.name(), first);
                continue;
            }
            out.put(RemediationCall.COPY_OF + t.name(), folder.resolve(defaultName(
                    w.inputs().roles().get(AggregatesRequest.TABLE + t.name()).fileName())));
        }
        return out;
    }

    /** {@code <stem>_remediated.<ext>} of a file name. */
    static String defaultName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) + "_remediated" + file.substring(dot) : file + "_remediated.csv";
    }

    /** The file the first table's copy is proposed under. */
    public String firstCopyName() {
        AggregateWhatIf w = session.get();
        if (w == null || w.request().analysis().tables().isEmpty()) {
            return "remediated.csv";
        }
        return defaultName(w.inputs().roles().get(AggregatesRequest.TABLE
                + w.request().analysis().tables().get(0).name()).fileName());
    }

    /** The folder of the first table. */
    public Path firstFolder() {
        AggregateWhatIf w = session.get();
        if (w == null || w.request().analysis().tables().isEmpty()) {
            return null;
        }
        return w.inputs().roles().get(AggregatesRequest.TABLE + w.request().analysis().tables().get(0).name())
                .path().getParent();
    }

    /** Writes the copies of the current choice (see {@link #outputs}) and re-audits them. */
    public void save(Path first) {
        AggregateWhatIf w = session.get();
        Reaudit<AggregatesRequest, AggregatesOutput> b = before.get();
        if (w == null || b == null) {
            return;
        }
        String o = objective.get();
        String how = method.get();
        Integer base = base();
        double abs = absolute.get();
        double pct = percent.get();
        Map<String, Path> outputs = outputs(first);
        busy.set(true);
        status.set(Messages.get("whatif.status.saving"));
        Task<RemediationOutcome> t = FxTasks.of(Messages.get("whatif.task.save"), m -> "suppress".equals(how)
                ? w.save(b, o, abs, pct, outputs, m) : w.saveAlternative(b, how, base, abs, pct, outputs, m));
        tasks.run(t, out -> {
            busy.set(false);
            if (!out.found()) {
                status.set(Messages.get("suppress".equals(how) ? "whatif.status.unsafe.agg"
                        : "whatif.status.notFound.agg"));
                return;
            }
            saved.set(out);
            status.set(Messages.get("whatif.status.saved", String.join(", ",
                    out.copies().values().stream().map(r -> r.fileName()).toList())));
        }, ex -> failed(t, ex));
    }

    public ObjectProperty<LaneResult<AggregatesRequest, AggregatesOutput>> sourceProperty() {
        return source;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<PolicyChoice> policies() {
        return policies;
    }

    public ObjectProperty<PolicyChoice> policyProperty() {
        return policy;
    }

    public ObservableList<String> objectives() {
        return objectives;
    }

    /** {@code total} (withheld persons) or {@code cells}. */
    public StringProperty objectiveProperty() {
        return objective;
    }

    /** The protection in counts: a withheld cell's interval must be at least this wide. */
    public DoubleProperty absoluteProperty() {
        return absolute;
    }

    /** The protection in percent of a withheld cell's upper bound. */
    public DoubleProperty percentProperty() {
        return percent;
    }

    /** {@code suppress}, {@code coarsen} or {@code round}. */
    public ObservableList<String> methods() {
        return methods;
    }

    public StringProperty methodProperty() {
        return method;
    }

    /** {@link #AUTO}, 3, 5 or 10. */
    public ObservableList<String> roundingBases() {
        return roundingBases;
    }

    public StringProperty roundingBaseProperty() {
        return roundingBase;
    }

    public ReadOnlyObjectProperty<AggregateWhatIf.AlternativePreview> alternativeProperty() {
        return alternative.getReadOnlyProperty();
    }

    /** Whether a choice has been re-audited (Save is possible). */
    public javafx.beans.property.ReadOnlyBooleanProperty previewedProperty() {
        return previewed.getReadOnlyProperty();
    }

    public ObservableList<CompareCard> cards() {
        return cards;
    }

    public ReadOnlyObjectProperty<AggregateWhatIf> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reaudit<AggregatesRequest, AggregatesOutput>> beforeProperty() {
        return before.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AggregateWhatIf.Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }
}
