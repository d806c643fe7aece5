package org.releaseauditor.ui.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.evaluation.AttackResult;
import org.releaseauditor.core.evaluation.EvaluationNote;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.evaluation.Rate;
import org.releaseauditor.core.evaluation.ResidualRisk;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.evaluation.EvaluationRequest;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.charts.CardTips;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.ui.fx.BackgroundTasks;
import org.releaseauditor.ui.fx.FxTasks;
import org.releaseauditor.ui.risk.CardData;

/**
 * The evaluation dashboard's state (no nodes). {@link #run()} evaluates the settings through the
 * evaluation lane off the FX thread; a new run cancels the previous one and only the latest run's
 * result is shown. Turns an {@link EvaluationResult} into cards, table rows, chart data and
 * readings with pure functions tested without the toolkit.
 */
public final class EvaluationDashboardViewModel {
    /** The policy the cards are coloured by (default {@code evaluation-residual-risk}); null: none. */
    private final javafx.beans.property.ObjectProperty<PolicyProfile> policy =
            new javafx.beans.property.SimpleObjectProperty<>(defaultPolicy());
    private final VerdictService verdicts = new VerdictService();
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();

    private final Lane<EvaluationRequest, EvaluationResult> lane;
    private final BackgroundTasks tasks;
    private final EvaluationSettingsViewModel settings;
    private final ReadOnlyObjectWrapper<LaneResult<EvaluationRequest, EvaluationResult>> result =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EvaluationResult> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<CardData> cards = FXCollections.observableArrayList();
    private final ObservableList<AttackRow> rows = FXCollections.observableArrayList();
    private Task<LaneResult<EvaluationRequest, EvaluationResult>> current;
    /** Bumped by every run and cancel: only the run of the current generation may show its result. */
    private long generation;
    private int runs;

    /** @param lane the evaluation lane (all analysis goes through it) */
    public EvaluationDashboardViewModel(Lane<EvaluationRequest, EvaluationResult> lane, BackgroundTasks tasks,
            EvaluationSettingsViewModel settings) {
        this.lane = lane;
        this.tasks = tasks;
        this.settings = settings;
        policy.addListener(o -> rejudge());
    }

    /** Starts the evaluation now, cancelling a running one. Does nothing while the settings are invalid. */
    public void run() {
        Optional<LaneCall<EvaluationRequest>> req = settings.validate();
        if (req.isEmpty()) {
            return;
        }
        cancel();
        LaneCall<EvaluationRequest> call = req.get();
        LaneInputs inputs = inputs(call);
        String title = Messages.get("uieval.task", inputs.roles().get(EvaluationRequest.RELEASE).fileName());
        Task<LaneResult<EvaluationRequest, EvaluationResult>> task = FxTasks.of(title,
                m -> lane.analyze(call.request(), inputs, m));
        long mine = ++generation;
        current = task;
        runs++;
        error.set("");
        running.set(true);
        task.stateProperty().addListener((o, a, state) -> {
            if (mine == generation && (state == Worker.State.CANCELLED || state == Worker.State.FAILED
                    || state == Worker.State.SUCCEEDED)) {
                running.set(false);
                current = null;
            }
        });
        tasks.run(task, r -> {
            if (mine == generation) {
                show(r);
            }
        }, ex -> {
            if (mine == generation) {
                if (ex instanceof AuditException ae) {
                    error.set(ae.getLocalizedMessage());
                } else {
                    tasks.reportFailure(title, ex);
                }
            }
        });
    }

    /** The inputs of a settings call: every location is a file. */
    static LaneInputs inputs(LaneCall<EvaluationRequest> call) {
        LaneInputs.Builder b = LaneInputs.builder();
        call.inputs().forEach((role, location) -> b.put(role, Path.of(location)));
        return b.build();
    }

    /** Cancels the running evaluation, if any; its result will not be shown. */
    public void cancel() {
        generation++;
        if (current != null) {
            current.cancel();
            current = null;
        }
        running.set(false);
    }

    /** Shows a result (FX thread, latest run only). */
    void show(LaneResult<EvaluationRequest, EvaluationResult> r) {
        EvaluationResult e = r == null ? null : r.output();
        rows.setAll(e == null ? List.of() : rows(e, Messages.locale()));
        Verdict v = r == null ? null : verdicts.verdict(policy.get(), r, Messages.locale());
        verdict.set(v);
        cards.setAll(e == null ? List.of() : cards(e, v));
        evaluation.set(e);
        // last: listeners of the result see the rows and cards of the same result
        result.set(r);
    }

    /** How many runs were started (tests). */
    int runsStarted() {
        return runs;
    }

    // ---------------------------------------------------------------- display data

    /**
     * One attack as the table and the readings show it.
     *
     * @param key          the attack's path in the result ({@code linkability}, …)
     * @param name         short display name
     * @param attacks      attacks on the original
     * @param successes    successes on the original, as "successes / attacks"
     * @param attackRate   success against the original, with its interval
     * @param controlRate  success against the control set (text "–" without one)
     * @param baselineRate random guessing
     * @param residualRisk residual risk with its interval ("–" without a control set)
     * @param residual     the residual risk's value, or NaN
     * @param reading      the plain-language reading in the current language
     * @param notes        the attack's notes
     */
    public record AttackRow(String key, String name, int attacks, String successes, String attackRate,
            String controlRate, String baselineRate, String residualRisk, double residual, String reading,
            List<String> notes) {
        public AttackRow {
            notes = List.copyOf(notes);
        }
    }

    static List<AttackRow> rows(EvaluationResult r, Locale locale) {
        List<AttackRow> out = new ArrayList<>();
        for (AttackResult a : r.attacks()) {
            List<String> notes = a.notes().stream().map(n -> n.text(locale)).toList();
            ResidualRisk rr = a.residualRisk();
            out.add(new AttackRow(a.type().path(), shortName(a, locale), a.attacks(),
                    count(a.attackRate().successes()) + " / " + a.attacks(), interval(a.attackRate(), locale),
                    interval(a.controlRate(), locale), interval(a.baselineRate(), locale),
                    rr == null ? "\u2013" : interval(rr.value(), rr.low(), rr.high(), locale),
                    rr == null ? Double.NaN : rr.value(), a.reading().text(locale), notes));
        }
        return out;
    }

    /** The attack's short name for tables and charts ("Singling out, 1 attribute"). */
    static String shortName(AttackResult a, Locale locale) {
        return Messages.get(locale, "uieval.short." + a.type().path());
    }

    /** The notes on the whole evaluation (no control set, …) in the current language. */
    static List<String> notes(EvaluationResult r, Locale locale) {
        return r.notes().stream().map((EvaluationNote n) -> n.text(locale)).toList();
    }

    private static PolicyProfile defaultPolicy() {
        try {
            return new VerdictService().defaultPolicy(EvaluationRequest.LANE).orElse(null);
        } catch (org.releaseauditor.core.error.PolicyException e) {
            return null;
        }
    }

    /** The policy the cards and the chart are coloured by; a change re-judges the shown result at once. */
    public javafx.beans.property.ObjectProperty<PolicyProfile> policyProperty() {
        return policy;
    }

    /** The verdict of the shown result under {@link #policyProperty()}, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The policy changed: the shown result is judged again (no new run), cards first, then the verdict. */
    private void rejudge() {
        LaneResult<EvaluationRequest, EvaluationResult> r = result.get();
        if (r == null) {
            verdict.set(null);
            return;
        }
        Verdict v = verdicts.verdict(policy.get(), r, Messages.locale());
        cards.setAll(cards(r.output(), v));
        verdict.set(v);
    }

    /**
     * One card per attack: its residual risk (or, without a control set, its attack rate). The
     * colour is the verdict's state of the attack's residual risk (value and upper end), neutral
     * where the policy does not judge it or without a verdict.
     */
    static List<CardData> cards(EvaluationResult r, Verdict v) {
        Locale locale = Messages.locale();
        List<CardData> out = new ArrayList<>();
        for (AttackResult a : r.attacks()) {
            String id = "evalCard-" + a.type().path().replace('.', '-');
            String name = Messages.get(a.type().labelKey());
            ResidualRisk rr = a.residualRisk();
            if (rr != null) {
                String path = a.type().path() + ".residualRisk";
                Status status = SummaryCard.judged(v, path + ".value", path + ".high");
                out.add(new CardData(id, name, pct(rr.value(), locale),
                        Messages.get("uieval.card.residual.sub", pct(rr.low(), locale), pct(rr.high(), locale),
                                pct(a.attackRate().value(), locale), pct(a.controlRate().value(), locale)),
                        status, CardTips.of(Messages.get("uieval.card.residual.explain"), "evaluation", v,
                                path + ".value", path + ".high")));
            } else {
                out.add(new CardData(id, name, pct(a.attackRate().value(), locale),
                        Messages.get("uieval.card.noControl.sub", pct(a.baselineRate().value(), locale)),
                        Status.NEUTRAL, Messages.get("uieval.card.noControl.explain")));
            }
        }
        return out;
    }

    /**
     * The chart data: per attack (category) the attack, control and baseline rates (series) as
     * value ± the half-width of the interval (the Wilson interval is symmetric about its centre).
     */
    static DefaultStatisticalCategoryDataset chartData(EvaluationResult r, Locale locale) {
        DefaultStatisticalCategoryDataset d = new DefaultStatisticalCategoryDataset();
        String attack = Messages.get(locale, "uieval.chart.attack");
        String control = Messages.get(locale, "uieval.chart.control");
        String baseline = Messages.get(locale, "uieval.chart.baseline");
        for (AttackResult a : r.attacks()) {
            // at most two short lines under the bar group
            String name = Messages.get(locale, "uieval.chart.cat." + a.type().path());
            add(d, a.attackRate(), attack, name);
            if (a.controlRate() != null) {
                add(d, a.controlRate(), control, name);
            }
            add(d, a.baselineRate(), baseline, name);
        }
        return d;
    }

    private static void add(DefaultStatisticalCategoryDataset d, Rate rate, String series, String category) {
        d.add(rate.value(), (rate.high() - rate.low()) / 2, series, category);
    }

    static String interval(Rate rate, Locale locale) {
        return rate == null ? "\u2013" : interval(rate.value(), rate.low(), rate.high(), locale);
    }

    /** {@code 10.8 % (8.0–13.5)} in the given language (a no-break space before the per cent sign). */
    static String interval(double value, double low, double high, Locale locale) {
        return String.format(locale, "%.1f\u00a0%% (%.1f\u2013%.1f)", value * 100, low * 100, high * 100);
    }

    /** {@code 10.8 %} in the given language (a no-break space before the per cent sign). */
    static String pct(double share, Locale locale) {
        return String.format(locale, "%.1f\u00a0%%", share * 100);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : org.releaseauditor.ui.fx.Numbers.fixed(v, 1);
    }

    public EvaluationSettingsViewModel settings() {
        return settings;
    }

    /** The latest result as the lane returned it (request, hashed inputs, JSON): what a case records. */
    public ReadOnlyObjectProperty<LaneResult<EvaluationRequest, EvaluationResult>> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The typed result shown. */
    public ReadOnlyObjectProperty<EvaluationResult> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether this dashboard's latest run is still going. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ObservableList<CardData> cards() {
        return cards;
    }

    public ObservableList<AttackRow> rows() {
        return rows;
    }
}
