package org.releaseauditor.ui.risk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.SummarySource;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.ui.decision.RecordableDashboard;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.LatestRun;
import org.releaseauditor.ui.fx.ResultState;
import org.releaseauditor.ui.fx.TaskRunner;
import org.releaseauditor.ui.main.LoadedDataset;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.charts.CardTips;
import org.releaseauditor.ui.charts.SummaryCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microdata dashboard's state. Settings changes re-run the analysis after a short pause; the
 * latest run wins and stale results never reach the view. Turns results into display data
 * (cards, table rows) with pure functions that are tested without the toolkit.
 */
public final class RiskDashboardViewModel implements RecordableDashboard {
    private static final Logger LOGGER = LoggerFactory.getLogger(RiskDashboardViewModel.class);
    static final String MASK = "\u2022\u2022\u2022";

    private final ProgressiveMicrodata lane;
    /** Writes per-record risks (the app's microdata lane), or null for a lane that cannot. */
    private final MicrodataLane perRecord;
    private final TaskRunner tasks;
    private final Debouncer debouncer;
    private final AttackerModelViewModel attackerModel;
    private final ObjectProperty<LoadedDataset> dataset = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<MicrodataAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final LatestRun<LaneResult<MicrodataRequest, MicrodataAnalysis>> run = new LatestRun<>();
    private final ReadOnlyObjectWrapper<Set<MicrodataParts.Part>> pending =
            new ReadOnlyObjectWrapper<>(Set.of());
    private final ObservableList<CardData> cards = FXCollections.observableArrayList();
    /** The policy the cards are coloured by (default: the lane's, {@code arx-defaults}); null: none. */
    private final ObjectProperty<PolicyProfile> policy = new SimpleObjectProperty<>(defaultPolicy());
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final VerdictService verdicts = new VerdictService();
    private final ObservableList<RiskiestRow> riskiest = FXCollections.observableArrayList();
    private final BooleanProperty revealed = new SimpleBooleanProperty(false);
    /** A microdata summary audited instead of a dataset (File → Open summary…), or null. */
    private final ReadOnlyObjectWrapper<Path> summary = new ReadOnlyObjectWrapper<>();
    /** Where the shown result came from when it was computed from a summary, else null. */
    private final ReadOnlyObjectWrapper<SummarySource> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final List<String> revealLog = new ArrayList<>();
    private TaskRunner.Job current;
    /** The ticket that marks the shown result while a new file is imported (0: no import). */
    private long importTicket;

    /**
     * @param lane the microdata lane (all analysis goes through it); the app's {@link MicrodataLane}
     *             publishes the parts as they come (summary first), any other lane the whole result
     */
    public RiskDashboardViewModel(Lane<MicrodataRequest, MicrodataAnalysis> lane, TaskRunner tasks,
            Debouncer debouncer, AttackerModelViewModel attackerModel) {
        this(lane instanceof MicrodataLane m ? ProgressiveMicrodata.of(m) : ProgressiveMicrodata.whole(lane),
                lane instanceof MicrodataLane m ? m : null, tasks, debouncer, attackerModel);
    }

    /** @param lane runs the microdata lane and publishes partial results (the summary first) */
    public RiskDashboardViewModel(ProgressiveMicrodata lane, TaskRunner tasks, Debouncer debouncer,
            AttackerModelViewModel attackerModel) {
        this(lane, null, tasks, debouncer, attackerModel);
    }

    private RiskDashboardViewModel(ProgressiveMicrodata lane, MicrodataLane perRecord, TaskRunner tasks,
            Debouncer debouncer, AttackerModelViewModel attackerModel) {
        this.lane = lane;
        this.perRecord = perRecord;
        this.tasks = tasks;
        this.debouncer = debouncer;
        this.attackerModel = attackerModel;
        attackerModel.triggers().forEach(t -> t.addListener(o -> settingsChanged()));
        attackerModel.attackerProperty().addListener(o -> refreshCards());
        policy.addListener(o -> refreshCards());
        dataset.addListener((o, a, b) -> {
            if (b != null) {
                summary.set(null);
                attackerModel.setColumns(b.data().columnNames(), b.roles());
                revealed.set(false);
                settingsChanged();
            }
        });
        revealed.addListener((o, a, b) -> {
            if (b && dataset.get() != null) {
                String entry = Messages.get("risk.reveal.logged", dataset.get().data().name());
                revealLog.add(entry);
                LOGGER.info("Auditor revealed the riskiest-class values of dataset {}", dataset.get().data().name());
            }
            refreshRiskiest();
        });
    }

    /**
     * A setting or the dataset changed: what is shown no longer matches (marked at once, not only
     * when the next run starts), a run for the old settings is cancelled, and a new one follows
     * after the debounce delay.
     */
    private void settingsChanged() {
        cancelJob();
        run.invalidate();
        pending.set(Set.of());
        showLastComplete();
        requestAnalysis();
    }

    /** Re-runs the analysis after the debounce delay; the latest request wins. */
    public void requestAnalysis() {
        debouncer.schedule(this::runNow);
    }

    /** Starts the analysis now, cancelling any running one. */
    public void runNow() {
        LoadedDataset ds = dataset.get();
        Path s = summary.get();
        if (ds == null && s == null) {
            return;
        }
        Optional<MicrodataRequest> request = attackerModel.toRequest(s != null ? ImportOptions.defaults()
                : ds.options());
        if (request.isEmpty()) {
            return;
        }
        cancelJob();
        MicrodataRequest req = request.get();
        // a summary is audited through the same lane, with the summary file as the input (role summary)
        LaneInputs inputs = s != null ? LaneInputs.of(MicrodataRequest.SUMMARY, s)
                : LaneInputs.of(MicrodataRequest.DATA, ds.path());
        String name = s != null ? String.valueOf(s.getFileName()) : ds.data().name();
        String title = Messages.get("risk.task", name);
        MicrodataAnalysis before = analysis.get();
        long ticket = run.start();
        current = tasks.start(title, (TaskRunner.Work<LaneResult<MicrodataRequest, MicrodataAnalysis>, MicrodataParts>)
                (m, publish) -> lane.analyze(req, inputs, publish, m),
                TaskRunner.Handlers.<LaneResult<MicrodataRequest, MicrodataAnalysis>, MicrodataParts>onSuccess(r -> {
                    if (run.complete(ticket, r)) {
                        current = null;
                        pending.set(Set.of());
                        error.set("");
                        source.set(SummarySource.of(r).orElse(null));
                        // the same analysis object again: same bytes and settings, the result was reused
                        notice.set(r.output() == before ? Messages.get("risk.run.unchanged", name) : "");
                        show(r.output());
                    }
                }).onPartial(parts -> {
                    MicrodataAnalysis partial = parts.toAnalysis(name, req);
                    if (partial != null && run.partial(ticket)) {
                        show(partial);
                        pending.set(parts.pending(req));
                    }
                }).onCancelled(() -> stopped(ticket)).onFailure(ex -> {
                    if (stopped(ticket)) {
                        if (ex instanceof AuditException ae) {
                            error.set(ae.getLocalizedMessage());
                        } else {
                            tasks.reportFailure(title, ex);
                        }
                    }
                }));
    }

    /**
     * Audits a microdata summary instead of a dataset (File → Open summary…): the attacker panel
     * offers the summary's quasi-identifiers (all selected, in the summary's order), sensitive
     * attributes and weight; the riskiest classes stay empty and cannot be revealed (a summary has
     * no values); SUDA2 and household risk show why they are not available.
     *
     * @throws AuditException when the file is not a microdata summary (checked before any work)
     */
    public void openSummary(Path file) throws AuditException {
        MicrodataRequest base = MicrodataRequest.builder().fromSummary(file).build();
        java.util.Map<String, AttributeRole> roles = new java.util.LinkedHashMap<>();
        base.quasiIdentifiers().forEach(q -> roles.put(q, AttributeRole.QUASI_IDENTIFIER));
        base.sensitive().forEach(a -> roles.putIfAbsent(a.column(), AttributeRole.SENSITIVE));
        if (base.weight() != null) {
            roles.putIfAbsent(base.weight(), AttributeRole.WEIGHT);
        }
        cancelJob();
        run.invalidate();
        dataset.set(null);
        revealed.set(false);
        summary.set(file);
        source.set(null);
        error.set("");
        show(null);
        attackerModel.setColumns(List.copyOf(roles.keySet()), roles);
        for (var a : base.sensitive()) {
            attackerModel.sensitive().stream().filter(c -> c.name().equals(a.column())).findFirst()
                    .ifPresent(c -> c.orderedProperty().set(a.ordered()));
        }
        requestAnalysis();
    }

    /** The run stopped without a result: the last complete result is shown again, marked as from earlier settings. */
    private boolean stopped(long ticket) {
        if (!run.stopped(ticket)) {
            return false;
        }
        current = null;
        pending.set(Set.of());
        showLastComplete();
        return true;
    }

    private void showLastComplete() {
        LaneResult<MicrodataRequest, MicrodataAnalysis> last = run.resultProperty().get();
        MicrodataAnalysis a = last == null ? null : last.output();
        if (analysis.get() != a) {
            show(a);
        }
    }

    private void cancelJob() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    /**
     * A new file is being imported ({@code true}) or its import ended ({@code false}). While it is
     * read, the shown result is marked as being recomputed and cannot be recorded; a run in
     * progress is cancelled. When the import fails or is cancelled, the shown result stays, marked
     * as from earlier settings (run the analysis again to record it); when it succeeds, the new
     * dataset's analysis follows.
     */
    public void importing(boolean on) {
        if (on) {
            cancelJob();
            importTicket = run.start();
            pending.set(Set.of());
            showLastComplete();
        } else if (importTicket != 0) {
            run.stopped(importTicket);
            importTicket = 0;
        }
    }

    /** Cancels the running analysis, if any: the last complete result stays, marked as from earlier settings. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Shows a result (FX thread). */
    private void show(MicrodataAnalysis a) {
        analysis.set(a);
        refreshCards();
        refreshRiskiest();
    }

    private void refreshCards() {
        MicrodataAnalysis a = analysis.get();
        // a complete result is judged by the policy; a partial one (still computing) is not judged yet
        LaneResult<MicrodataRequest, MicrodataAnalysis> last = run.resultProperty().get();
        Verdict v = a != null && last != null && last.output() == a
                ? verdicts.verdict(policy.get(), last, Messages.locale()) : null;
        verdict.set(v);
        cards.setAll(a == null ? List.of() : cards(a, attackerModel.attackerProperty().get(), v));
    }

    private static PolicyProfile defaultPolicy() {
        try {
            return new VerdictService().defaultPolicy(MicrodataRequest.LANE).orElse(null);
        } catch (org.releaseauditor.core.error.PolicyException e) {
            LOGGER.warn("Default microdata policy not available: {}", e.getMessage());
            return null;
        }
    }

    /** The policy the cards are coloured by; set it to colour them by another policy (null: none). */
    public ObjectProperty<PolicyProfile> policyProperty() {
        return policy;
    }

    /** The verdict of the shown complete result under {@link #policyProperty()}, or null. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    private void refreshRiskiest() {
        MicrodataAnalysis a = analysis.get();
        LoadedDataset ds = dataset.get();
        if (a == null || ds == null || source.get() != null) {
            riskiest.clear();
            return;
        }
        riskiest.setAll(riskiestRows(a, ds.data(), revealed.get()));
    }

    /**
     * The summary cards for a result and the highlighted attacker. Each card's colour is the
     * verdict's state of the metrics it shows (neutral where the policy does not judge them, or
     * without a verdict); no threshold is compared here.
     */
    static List<CardData> cards(MicrodataAnalysis a, AttackerType attacker, Verdict v) {
        String who = attacker == AttackerType.JOURNALIST ? "journalist" : "prosecutor";
        MicrodataResult r = a.result();
        List<CardData> out = new ArrayList<>();
        MicrodataResult.AttackerRisk risk = attacker == AttackerType.JOURNALIST ? r.journalist() : r.prosecutor();
        double applied = r.prosecutor().appliedThreshold();
        long minSize = Math.round(1.0 / applied);
        out.add(new CardData("cardRecords", Messages.get("card.records"), count(r.records()),
                r.suppressedRecords() > 0 ? Messages.get("card.records.suppressed", count(r.suppressedRecords())) : "",
                Status.NEUTRAL, CardTips.of(Messages.get("card.records.explain"), "microdata", v, "records")));
        out.add(new CardData("cardClasses", Messages.get("card.classes"), count(r.classes()),
                Messages.get("card.classes.sub", fmt(r.classes() == 0 ? 0 : (double) r.records() / r.classes())),
                Status.NEUTRAL, CardTips.of(Messages.get("card.classes.explain"), "microdata", v, "classes")));
        out.add(new CardData("cardK", Messages.get("card.k"), Integer.toString(r.k()),
                // when the policy judges k, the card says what the policy requires (not the attacker's threshold)
                v == null ? Messages.get("card.k.sub", minSize) : v.findingFor("k")
                        .map(f -> Messages.get("card.policy.requires", f.requirement(Messages.locale())))
                        .orElse(Messages.get("card.k.sub", minSize)), SummaryCard.judged(v, "k"),
                CardTips.of(Messages.get("card.k.explain"), "microdata", v, "k")));
        long uniques = Math.round(r.sampleUniqueness() * r.records());
        out.add(new CardData("cardUniques", Messages.get("card.uniques"), count(uniques),
                Messages.get("card.share", pct(r.sampleUniqueness())),
                SummaryCard.judged(v, "sampleUniqueness"),
                CardTips.of(Messages.get("card.uniques.explain"), "microdata", v, "sampleUniqueness")));
        if (attacker == AttackerType.MARKETER) {
            out.add(new CardData("cardAtRisk", Messages.get("card.marketer"), pct(r.marketerSuccessRate()),
                    Messages.get("card.marketer.sub"),
                    SummaryCard.judged(v, "marketer.successRate"),
                    CardTips.of(Messages.get("card.marketer.explain"), "microdata", v, "marketer.successRate")));
        } else {
            out.add(new CardData("cardAtRisk", Messages.get("card.atRisk"), pct(risk.recordsAtRisk()),
                    Messages.get("card.atRisk.sub", fmt(risk.appliedThreshold())),
                    SummaryCard.judged(v, who + ".recordsAtRisk"),
                    CardTips.of(Messages.get("card.atRisk.explain"), "microdata", v, who + ".recordsAtRisk")));
            out.add(new CardData("cardHighest", Messages.get("card.highest"), fmt(risk.highest()),
                    Messages.get("card.highest.sub", fmt(risk.appliedThreshold())),
                    SummaryCard.judged(v, who + ".highest"),
                    CardTips.of(Messages.get("card.highest.explain"), "microdata", v, who + ".highest")));
            out.add(new CardData("cardSuccess", Messages.get("card.success"), pct(risk.successRate()),
                    Messages.get("card.success.sub"),
                    SummaryCard.judged(v, who + ".successRate"),
                    CardTips.of(Messages.get("card.success.explain"), "microdata", v, who + ".successRate")));
        }
        MicrodataResult.PopulationUniqueness pu = r.populationUniqueness();
        if (pu != null) {
            String estimate = estimate(pu.dankar(), pu.dankarStatus());
            out.add(new CardData("cardPopulation", Messages.get("card.population"), estimate,
                    Messages.get("card.population.sub", dankarModel(pu), count(pu.populationSize())),
                    SummaryCard.judged(v, "populationUniqueness.dankar"),
                    CardTips.of(Messages.get("card.population.explain"), "microdata", v, "populationUniqueness.dankar")));
        }
        return out;
    }

    /** Rows of the riskiest-classes table: values masked unless revealed. */
    static List<RiskiestRow> riskiestRows(MicrodataAnalysis a, Dataset data, boolean reveal) {
        List<RiskiestRow> rows = new ArrayList<>();
        List<String> qis = a.config().quasiIdentifiers();
        for (MicrodataResult.ClassSummary c : a.result().riskiestClasses()) {
            List<String> values = new ArrayList<>(qis.size());
            for (String q : qis) {
                if (reveal) {
                    Column col = data.column(q).orElseThrow();
                    String v = col.valueAt(c.representativeRow());
                    values.add(v == null ? Messages.get("risk.missing") : v);
                } else {
                    values.add(MASK);
                }
            }
            rows.add(new RiskiestRow(c.size(), c.size() == 0 ? 1 : 1.0 / c.size(), values));
        }
        return rows;
    }

    /** Rows of the "weights and SUDA" table. */
    static List<MetricRow> individualRows(MicrodataAnalysis a) {
        return individualRows(a, null);
    }

    /**
     * Rows of the "weights and SUDA" table; for a result from a summary, the measures it cannot
     * give (SUDA2, household risk) are rows that say why.
     */
    static List<MetricRow> individualRows(MicrodataAnalysis a, SummarySource source) {
        List<MetricRow> rows = new ArrayList<>();
        var ir = a.individualRisk();
        if (ir == null && source == null) {
            // every complete analysis has the individual risk (r = 1/f_k without weights, as sdcMicro):
            // without it this is a partial result, and the individual risk is still computing
            rows.add(new MetricRow(Messages.get("ind.none"), "\u2026", Messages.get("ind.computing.explain")));
        } else if (ir == null) {
            rows.add(new MetricRow(Messages.get("ind.none"), "\u2013", Messages.get("ind.none.explain")));
        } else {
            rows.add(new MetricRow(Messages.get("ind.er"), fmt(ir.expectedReidentifications()),
                    Messages.get("ind.er.explain")));
            rows.add(new MetricRow(Messages.get("ind.global"), pct(ir.globalRisk()), Messages.get("ind.global.explain")));
            rows.add(new MetricRow(Messages.get("ind.max"), fmt(ir.maxRisk()), Messages.get("ind.max.explain")));
            for (var t : ir.recordsAboveThresholds()) {
                rows.add(new MetricRow(Messages.get("ind.above", fmt(t.threshold())), count(t.count()) + " ("
                        + pct(t.share()) + ")", Messages.get("ind.above.explain")));
            }
            if (ir.household() != null) {
                rows.add(new MetricRow(Messages.get("ind.household"), pct(ir.household().globalRisk()),
                        Messages.get("ind.household.explain")));
            }
        }
        if (source != null) {
            source.find("individualRisk.household").ifPresent(n -> rows.add(new MetricRow(
                    Messages.get("ind.household"), Messages.get("summary.ui.notAvailable"), n.reason())));
            source.find("suda").ifPresent(n -> rows.add(new MetricRow(Messages.get("suda.records"),
                    Messages.get("summary.ui.notAvailable"), n.reason())));
        }
        var s = a.suda();
        if (s != null) {
            rows.add(new MetricRow(Messages.get("suda.records"), count(s.recordsWithMsu()) + " / " + count(s.records()),
                    Messages.get("suda.records.explain", s.maxMsuSize())));
            rows.add(new MetricRow(Messages.get("suda.max"), fmt(s.score().max()), Messages.get("suda.max.explain")));
            rows.add(new MetricRow(Messages.get("suda.dis"), fmt(s.disScore().max()), Messages.get("suda.dis.explain")));
            for (var v : s.variableContributions()) {
                rows.add(new MetricRow(Messages.get("suda.contribution", v.variable()), pct(v.contribution()),
                        Messages.get("suda.contribution.explain")));
            }
        }
        return rows;
    }

    /**
     * Writes the per-record risks of the shown result to a CSV file in the background (the same
     * file as {@code --per-record}): QI values masked unless {@code revealValues}, which is logged
     * like the reveal of the riskiest classes. Computed with the result's request on the bytes the
     * result was computed from.
     *
     * @param then called on the FX thread with the number of rows written
     * @return the task, or empty when there is no result or it came from a summary (see
     *         {@link #perRecordAvailable()})
     */
    public Optional<TaskRunner.Job> exportPerRecord(Path file, boolean revealValues,
            java.util.function.Consumer<Integer> then) {
        LaneResult<MicrodataRequest, MicrodataAnalysis> r = run.resultProperty().get();
        if (!perRecordAvailable()) {
            return Optional.empty();
        }
        if (revealValues) {
            String entry = Messages.get("risk.perRecord.revealLogged", r.output().datasetName());
            revealLog.add(entry);
            LOGGER.info("Auditor exported per-record risks of dataset {} with the quasi-identifier values",
                    r.output().datasetName());
        }
        return Optional.of(tasks.start(Messages.get("risk.perRecord.task", r.output().datasetName()),
                (TaskRunner.Work<Integer, Void>) (m, publish) -> perRecord.writePerRecord(r, file, revealValues, m),
                TaskRunner.Handlers.<Integer, Void>onSuccess(n -> {
                    if (then != null) {
                        then.accept(n);
                    }
                })));
    }

    /** Whether per-record risks can be exported: a result computed from records (not from a summary). */
    public boolean perRecordAvailable() {
        LaneResult<MicrodataRequest, MicrodataAnalysis> r = run.resultProperty().get();
        return perRecord != null && r != null && r.inputs().get(MicrodataRequest.DATA).isPresent();
    }

    /** An estimate as shown: the percentage, or the localised status when the model gave none. */
    static String estimate(Double value, MicrodataResult.ModelStatus status) {
        if (value != null) {
            return pct(value);
        }
        return status == null ? "\u2013" : Messages.get("population.status." + status.status().name());
    }

    /** The SNB variant in words (ARX's equations, or the corrected ones). */
    static String snbVariant(org.releaseauditor.core.risk.SnbVariant v) {
        return Messages.get("population.snbVariant." + (v == null ? "ARX" : v.name()));
    }

    /**
     * The model Dankar's rule picked, with ARX's names: DANKAR when the sample has no uniques (no
     * model fitted, every estimate 0); for SNB with the variant of its equations.
     */
    static String dankarModel(MicrodataResult.PopulationUniqueness p) {
        if (p.dankarModel() == null) {
            return "\u2013";
        }
        if (p.dankarModel() == MicrodataResult.UniquenessModel.SNB) {
            return Messages.get("population.model.snb", snbVariant(p.snbVariant()));
        }
        return switch (p.dankarModel()) {
            case PITMAN -> "Pitman";
            case ZAYATZ -> "Zayatz";
            default -> p.dankarModel().name();
        };
    }

    /** The Dankar estimate with the model it came from, e.g. "0.12 % (PITMAN)". */
    static String dankarText(MicrodataResult.PopulationUniqueness p) {
        return estimate(p.dankar(), p.dankarStatus()) + " (" + dankarModel(p) + ")";
    }

    /**
     * Why models gave no estimate, one "model: status (reason)" per model that is not OK, for the
     * notes column and the tooltips; empty when every model estimated.
     */
    static String populationNotes(MicrodataResult.PopulationUniqueness p) {
        List<String> notes = new ArrayList<>();
        note(notes, "Pitman", p.pitmanStatus());
        note(notes, "Zayatz", p.zayatzStatus());
        note(notes, "SNB", p.snbStatus());
        note(notes, "Dankar", p.dankarStatus());
        return String.join("; ", notes);
    }

    private static void note(List<String> notes, String model, MicrodataResult.ModelStatus s) {
        if (s == null || s.status() == MicrodataResult.EstimateStatus.OK) {
            return;
        }
        String status = Messages.get("population.status." + s.status().name());
        String reason = s.reason(Messages.locale());
        notes.add(reason.isBlank() ? Messages.get("population.note.short", model, status)
                : Messages.get("population.note", model, status, reason));
    }

    static String count(long v) {
        return String.format(Messages.locale(), "%,d", v);
    }

    static String pct(double v) {
        return String.format(Messages.locale(), v != 0 && Math.abs(v) < 0.001 ? "%.4f %%" : "%.2f %%", v * 100);
    }

    static String fmt(double v) {
        return org.releaseauditor.ui.fx.Numbers.sig(v, 4);
    }

    public ObjectProperty<LoadedDataset> datasetProperty() {
        return dataset;
    }

    public ReadOnlyObjectProperty<MicrodataAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /**
     * The last complete result as the lane returned it (request, hashed inputs, JSON): what a case
     * records when {@link #resultStateProperty()} is {@link ResultState#CURRENT}.
     */
    @Override
    public ReadOnlyObjectProperty<LaneResult<MicrodataRequest, MicrodataAnalysis>> resultProperty() {
        return run.resultProperty();
    }

    @Override
    public ReadOnlyObjectProperty<ResultState> resultStateProperty() {
        return run.stateProperty();
    }

    /** The parts of the shown analysis that are still computing (empty unless partial results are shown). */
    public ReadOnlyObjectProperty<Set<MicrodataParts.Part>> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /**
     * The attacker model and column roles of a result, from its own request: the preset's name
     * (in the session's language) and the request's attacker parameters, and the roles of the
     * analysed file's columns (quasi-identifiers, sensitive, weight and household as analysed; the
     * other columns as the auditor imported them).
     */
    @Override
    public RecordOptions recordOptions(LaneResult<?, ?> shown) {
        MicrodataRequest r = (MicrodataRequest) shown.request();
        LoadedDataset ds = dataset.get();
        java.nio.file.Path analysed = shown.inputs().get(MicrodataRequest.DATA).map(d -> d.path()).orElse(null);
        java.util.Map<String, AttributeRole> imported = ds != null && analysed != null
                && ds.path().toAbsolutePath().normalize().equals(analysed) ? ds.roles() : java.util.Map.of();
        return RecordOptions.none().withRoles(MicrodataRequest.DATA, columnRoles(r, imported))
                .withAttacker(attackerName(r), r.attackerModelJson());
    }

    /** The display name of a request's attacker preset ("Custom" without one). */
    static String attackerName(MicrodataRequest r) {
        String id = r.attackerPreset() == null ? "custom" : r.attackerPreset();
        return AttackerPreset.builtIn().stream().filter(p -> p.id().equals(id)).findFirst()
                .map(p -> Messages.get(p.nameKey())).orElse(id);
    }

    /**
     * Column roles as analysed: the request's quasi-identifiers, sensitive attributes, weight and
     * household; the imported role for every other column, except that a column imported as
     * quasi-identifier or sensitive but not used so is recorded as insensitive.
     */
    static java.util.Map<String, String> columnRoles(MicrodataRequest r, java.util.Map<String, AttributeRole> imported) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        imported.forEach((c, role) -> out.put(c, (role == AttributeRole.QUASI_IDENTIFIER
                || role == AttributeRole.SENSITIVE || role == AttributeRole.WEIGHT
                || role == AttributeRole.HOUSEHOLD ? AttributeRole.INSENSITIVE : role).name()));
        r.quasiIdentifiers().forEach(c -> out.put(c, AttributeRole.QUASI_IDENTIFIER.name()));
        r.sensitive().forEach(sa -> out.put(sa.column(), AttributeRole.SENSITIVE.name()));
        if (r.weight() != null && !r.weight().isBlank()) {
            out.put(r.weight(), AttributeRole.WEIGHT.name());
        }
        if (r.household() != null && !r.household().isBlank()) {
            out.put(r.household(), AttributeRole.HOUSEHOLD.name());
        }
        return out;
    }

    public ObservableList<CardData> cards() {
        return cards;
    }

    public ObservableList<RiskiestRow> riskiest() {
        return riskiest;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** What was revealed in this session (shown in the audit trail, recorded in an open case). */
    public List<String> revealLog() {
        return List.copyOf(revealLog);
    }

    /** The summary audited instead of a dataset, or null. */
    public ReadOnlyObjectProperty<Path> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Where the shown result came from when computed from a summary (with what it cannot give), else null. */
    public ReadOnlyObjectProperty<SummarySource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /**
     * A note on the last run (localised), e.g. that Run gave the same result again because neither
     * the file nor the settings changed; empty otherwise.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last analysis error (localised), empty after a result. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The source line and the unavailable measures of a summary-based result, for the dashboard; empty otherwise. */
    public static String sourceText(SummarySource s) {
        return s == null ? "" : s.text().strip();
    }

    public AttackerModelViewModel attackerModel() {
        return attackerModel;
    }
}
