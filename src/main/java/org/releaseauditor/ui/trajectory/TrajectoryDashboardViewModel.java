package org.releaseauditor.ui.trajectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.trajectory.AnonymitySets;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.TopPlaces;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.service.policy.VerdictService;
import org.releaseauditor.ui.charts.CardTips;
import org.releaseauditor.ui.charts.SummaryCard;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.charts.SummaryCard.Status;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.ui.decision.RecordableDashboard;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.LatestRun;
import org.releaseauditor.ui.fx.ResultState;
import org.releaseauditor.ui.fx.TaskRunner;
import org.releaseauditor.ui.risk.CardData;

/**
 * The trajectory dashboard's state (no nodes). A settings change re-runs the analysis after the
 * debounce delay; a new run cancels the previous one and only the latest run's result is shown.
 * Turns a {@link TrajectoryReport} into display rows with pure functions tested without the toolkit.
 */
public final class TrajectoryDashboardViewModel implements RecordableDashboard {
    /** The p of the ε card. */
    static final int CARD_POINTS = 4;

    private final Lane<TrajectoriesRequest, TrajectoryReport> lane;
    private final TaskRunner tasks;
    private final Debouncer debouncer;
    private final TrajectorySettingsViewModel settings;
    private final ReadOnlyObjectWrapper<TrajectoryReport> report = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<PolicyProfile> policy = new SimpleObjectProperty<>(defaultPolicy());
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final VerdictService verdicts = new VerdictService();
    private final LatestRun<LaneResult<TrajectoriesRequest, TrajectoryReport>> run = new LatestRun<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<CardData> cards = FXCollections.observableArrayList();
    private TaskRunner.Job current;
    private int runs;
    /** A trajectory summary audited instead of the settings' event file (File → Open summary…), or null. */
    private final ReadOnlyObjectWrapper<java.nio.file.Path> summary = new ReadOnlyObjectWrapper<>();
    /** Where the shown result came from when computed from a summary, else null. */
    private final ReadOnlyObjectWrapper<org.releaseauditor.service.SummarySource> source =
            new ReadOnlyObjectWrapper<>();
    private LaneCall<TrajectoriesRequest> summaryCall;

    /** @param lane the trajectories lane (all analysis goes through it) */
    public TrajectoryDashboardViewModel(Lane<TrajectoriesRequest, TrajectoryReport> lane, TaskRunner tasks,
            Debouncer debouncer, TrajectorySettingsViewModel settings) {
        this.lane = lane;
        this.tasks = tasks;
        this.debouncer = debouncer;
        this.settings = settings;
        // a change in the settings leaves a summary and audits the settings' event file again
        settings.triggers().forEach(t -> t.addListener(o -> {
            leaveSummary();
            settingsChanged();
        }));
        policy.addListener(o -> refreshCards());
    }

    /** A setting changed: the shown result is from earlier settings at once; a new run follows after the delay. */
    private void settingsChanged() {
        cancelJob();
        run.invalidate();
        requestAnalysis();
    }

    private void leaveSummary() {
        summaryCall = null;
        summary.set(null);
    }

    /**
     * Audits a trajectory summary (File → Open summary…) with the options it was made with (its
     * columns, resolutions, sample, seed, sweep and points 1..P) through the lane; attacks,
     * home/work and top-N are not available from a summary and say why. A later change in the
     * settings panel goes back to the event file.
     *
     * @throws AuditException when the file is not a trajectory summary (checked before any work)
     */
    public void openSummary(java.nio.file.Path file) throws AuditException {
        summaryCall = TrajectoriesRequest.builder().fromSummary(file).summary(file.toString()).buildCall();
        summary.set(file);
        run.invalidate();
        run(summaryCall);
    }

    /** Re-runs after the debounce delay; the latest request wins. */
    public void requestAnalysis() {
        debouncer.schedule(this::runNow);
    }

    /** Starts the analysis now, cancelling a running one. Does nothing while the settings are invalid. */
    public void runNow() {
        if (summaryCall != null) {
            run(summaryCall);
            return;
        }
        Optional<LaneCall<TrajectoriesRequest>> req = settings.validate();
        if (req.isEmpty()) {
            return;
        }
        run(req.get());
    }

    private void run(LaneCall<TrajectoriesRequest> call) {
        cancelJob();
        LaneInputs inputs = inputs(call);
        String role = inputs.get(TrajectoriesRequest.SUMMARY).isPresent() ? TrajectoriesRequest.SUMMARY
                : TrajectoriesRequest.EVENTS;
        String title = Messages.get("uitraj.task", inputs.roles().get(role).fileName());
        long ticket = run.start();
        runs++;
        current = tasks.start(title,
                (TaskRunner.Work<LaneResult<TrajectoriesRequest, TrajectoryReport>, Void>)
                        (m, publish) -> lane.analyze(call.request(), inputs, m),
                TaskRunner.Handlers.<LaneResult<TrajectoriesRequest, TrajectoryReport>, Void>onSuccess(r -> {
                    if (run.complete(ticket, r)) {
                        current = null;
                        source.set(org.releaseauditor.service.SummarySource.of(r).orElse(null));
                        apply(r.output());
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

    private boolean stopped(long ticket) {
        if (!run.stopped(ticket)) {
            return false;
        }
        current = null;
        return true;
    }

    private void cancelJob() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    /** The inputs of a settings call: every location is a file. */
    static LaneInputs inputs(LaneCall<TrajectoriesRequest> call) {
        LaneInputs.Builder b = LaneInputs.builder();
        call.inputs().forEach((role, location) -> b.put(role, Path.of(location)));
        return b.build();
    }

    /** Cancels the running analysis, if any: the last complete result stays, marked as from earlier settings. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Shows a report (FX thread). */
    void apply(TrajectoryReport r) {
        error.set("");
        report.set(r);
        refreshCards();
    }

    /** The cards of the shown report, coloured by the verdict of {@link #policyProperty()} on the complete result. */
    private void refreshCards() {
        TrajectoryReport r = report.get();
        LaneResult<TrajectoriesRequest, TrajectoryReport> last = run.resultProperty().get();
        Verdict v = r != null && last != null && last.output() == r
                ? verdicts.verdict(policy.get(), last, Messages.locale()) : null;
        verdict.set(v);
        cards.setAll(r == null ? List.of() : cards(r, v));
    }

    private static PolicyProfile defaultPolicy() {
        try {
            return new VerdictService().defaultPolicy(TrajectoriesRequest.LANE).orElse(null);
        } catch (org.releaseauditor.core.error.PolicyException e) {
            return null;
        }
    }

    /** The policy the cards are coloured by (default {@code trajectory-unicity-10}); null: none. */
    public ObjectProperty<PolicyProfile> policyProperty() {
        return policy;
    }

    /** The verdict of the shown complete result, or null. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** How many runs were started (tests). */
    int runsStarted() {
        return runs;
    }

    // ---------------------------------------------------------------- display data

    /** One attack × k line of the attack table. */
    public record AttackRow(String attack, int k, String mode, int evaluatedUsers, double meanRisk, double medianRisk,
            double fractionRisk1) {
    }

    /**
     * One anonymity-set summary line (home/work per resolution, top-N per N), with the result
     * element it shows ({@code homeWork.0}, {@code topN.1}) and the name of that element.
     */
    public record SetRow(String label, String resolution, int users, int excluded, double medianSize,
            double fractionSize1, String path, String name) {

        /** The catalogue key of the element this line shows (F1 help). */
        public org.releaseauditor.ui.help.MetricHelp.Key helpKey() {
            return path == null ? null : new org.releaseauditor.ui.help.MetricHelp.Key("trajectories", path,
                    List.of(name));
        }
    }

    /**
     * The area map binned onto a plain lat/lon grid: rows from north to south, columns from west
     * to east; NaN where no user lives.
     */
    public record AreaGrid(List<String> rowLabels, List<String> columnLabels, double[][] unique, int[][] users,
            int points, double max) {
    }

    /** The unicity row of p, or null. */
    static UnicityResult.Row unicityAt(TrajectoryReport r, int p) {
        return r.unicity().row(p);
    }

    /** The row the ε card shows: p = 4 if computed, else the largest computed p below it, else the first. */
    static UnicityResult.Row cardRow(TrajectoryReport r) {
        UnicityResult.Row best = null;
        for (UnicityResult.Row row : r.unicity().rows()) {
            if (row.points() <= CARD_POINTS && (best == null || row.points() > best.points())) {
                best = row;
            }
        }
        return best != null || r.unicity().rows().isEmpty() ? best : r.unicity().rows().get(0);
    }

    static List<AttackRow> attackRows(TrajectoryReport r) {
        List<AttackRow> out = new ArrayList<>();
        for (AttackResult a : r.attacks()) {
            out.add(new AttackRow(a.attack().id(), a.k(), Messages.get("uitraj.mode." + a.mode().id()), a.evaluatedUsers(), a.meanRisk(),
                    a.medianRisk(), a.fractionRisk1()));
        }
        return out;
    }

    static List<SetRow> homeWorkRows(TrajectoryReport r) {
        List<SetRow> out = new ArrayList<>();
        for (int i = 0; i < r.homeWork().size(); i++) {
            AnonymitySets s = r.homeWork().get(i);
            out.add(new SetRow(Messages.get("uitraj.homeWork.label"), s.resolution(), s.users(), s.excluded(),
                    s.medianSize(), s.fractionSize1(), "homeWork." + i, ResolutionText.spatial(s.resolution())));
        }
        for (int i = 0; i < r.topN().size(); i++) {
            TopPlaces.TopNResult t = r.topN().get(i);
            AnonymitySets s = t.sets();
            out.add(new SetRow(Messages.get("uitraj.topN.label", t.n()), s.resolution(), s.users(), s.excluded(),
                    s.medianSize(), s.fractionSize1(), "topN." + i, Integer.toString(t.n())));
        }
        return out;
    }

    /** Series label of an attack result: "location k=2". */
    static String attackLabel(AttackResult a) {
        return a.attack().id() + (a.attack() == org.releaseauditor.core.trajectory.AttackType.HOME_WORK ? ""
                : " k=" + a.k());
    }

    /** Bins the area map onto at most {@code maxCells} × {@code maxCells} lat/lon cells. */
    static AreaGrid areaGrid(List<TrajectoryReport.AreaCell> cells, int maxCells) {
        if (cells.isEmpty()) {
            return null;
        }
        double latMin = Double.POSITIVE_INFINITY;
        double latMax = Double.NEGATIVE_INFINITY;
        double lngMin = Double.POSITIVE_INFINITY;
        double lngMax = Double.NEGATIVE_INFINITY;
        for (TrajectoryReport.AreaCell c : cells) {
            latMin = Math.min(latMin, c.lat());
            latMax = Math.max(latMax, c.lat());
            lngMin = Math.min(lngMin, c.lng());
            lngMax = Math.max(lngMax, c.lng());
        }
        int n = Math.max(1, Math.min(maxCells, (int) Math.ceil(Math.sqrt(cells.size()))));
        int rows = latMax > latMin ? n : 1;
        int cols = lngMax > lngMin ? n : 1;
        double dLat = rows == 1 ? 1 : (latMax - latMin) / rows;
        double dLng = cols == 1 ? 1 : (lngMax - lngMin) / cols;
        double[][] unique = new double[rows][cols];
        int[][] users = new int[rows][cols];
        for (double[] row : unique) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (TrajectoryReport.AreaCell c : cells) {
            int rr = rows == 1 ? 0 : Math.min(rows - 1, (int) ((latMax - c.lat()) / dLat));
            int cc = cols == 1 ? 0 : Math.min(cols - 1, (int) ((c.lng() - lngMin) / dLng));
            unique[rr][cc] = (Double.isNaN(unique[rr][cc]) ? 0 : unique[rr][cc]) + c.uniqueUsers();
            users[rr][cc] += c.users();
        }
        double max = 0;
        for (double[] row : unique) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        List<String> rowLabels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            rowLabels.add(org.releaseauditor.ui.fx.Numbers.fixed(rows == 1 ? latMin : latMax - (i + 0.5) * dLat, 3));
        }
        List<String> colLabels = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            colLabels.add(org.releaseauditor.ui.fx.Numbers.fixed(cols == 1 ? lngMin : lngMin + (j + 0.5) * dLng, 3));
        }
        return new AreaGrid(rowLabels, colLabels, unique, users, cells.get(0).points(), max);
    }

    /**
     * The summary cards; each card's colour is the verdict's state of the metric it shows (the
     * same element of the result's arrays), neutral where the policy does not judge it or
     * without a verdict.
     */
    static List<CardData> cards(TrajectoryReport r, Verdict v) {
        List<CardData> out = new ArrayList<>();
        out.add(new CardData("trajCardUsers", Messages.get("uitraj.card.users"), count(r.users()),
                Messages.get("uitraj.card.users.sub", count(r.areas()), ResolutionText.spatial(r.spatial())), Status.NEUTRAL,
                CardTips.of(Messages.get("uitraj.card.users.explain"), "trajectories", v, "users")));
        out.add(new CardData("trajCardEvents", Messages.get("uitraj.card.events"), count(r.events()),
                Messages.get("uitraj.card.events.sub", count(r.points()),
                        ResolutionText.temporal(r.temporal())), Status.NEUTRAL,
                CardTips.of(Messages.get("uitraj.card.events.explain"), "trajectories", v, "events")));
        UnicityResult.Row row = cardRow(r);
        if (row != null) {
            out.add(new CardData("trajCardUnicity", Messages.get("uitraj.card.unicity", row.points()),
                    pct(row.fraction()), Messages.get("uitraj.card.unicity.sub", pct(row.ciLow()), pct(row.ciHigh()),
                            count(row.sampledUsers())),
                    SummaryCard.judged(v, "unicity." + r.unicity().rows().indexOf(row) + ".fraction",
                            "unicity." + r.unicity().rows().indexOf(row) + ".ciHigh"),
                    CardTips.of(Messages.get("uitraj.card.unicity.explain"), "trajectories", v, List.of(Integer.toString(row.points())), "unicity." + r.unicity().rows().indexOf(row) + ".fraction", "unicity." + r.unicity().rows().indexOf(row) + ".ciHigh")));
        }
        if (!r.attacks().isEmpty()) {
            AttackResult a = r.attacks().get(0);
            out.add(new CardData("trajCardAttack", Messages.get("uitraj.card.attack", attackLabel(a)),
                    pct(a.fractionRisk1()), Messages.get("uitraj.card.attack.sub", fmt(a.meanRisk()), Messages.get("uitraj.mode." + a.mode().id())),
                    SummaryCard.judged(v, "attacks.0.fractionRisk1"),
                    CardTips.of(Messages.get("uitraj.card.attack.explain"), "trajectories", v, "attacks.0.fractionRisk1")));
        }
        if (!r.homeWork().isEmpty()) {
            AnonymitySets s = r.homeWork().get(0);
            out.add(new CardData("trajCardHomeWork", Messages.get("uitraj.card.homeWork"), size(s.medianSize()),
                    Messages.get("uitraj.card.homeWork.sub", pct(s.fractionSize1()), count(s.excluded())),
                    SummaryCard.judged(v, "homeWork.0.fractionSize1", "homeWork.0.medianSize"),
                    CardTips.of(Messages.get("uitraj.card.homeWork.explain"), "trajectories", v, "homeWork.0.fractionSize1")));
        }
        return out;
    }

    /** A fraction as the unicity table shows it (four decimals, locale-independent). */
    public static String fraction(double v) {
        return org.releaseauditor.ui.fx.Numbers.fixed(v, 4);
    }

    static String count(long v) {
        return String.format(Messages.locale(), "%,d", v);
    }

    static String pct(double v) {
        return String.format(Messages.locale(), "%.1f %%", v * 100);
    }

    /** A set size: whole numbers without decimals, medians between two sizes with one. */
    static String size(double v) {
        return v == Math.rint(v) ? org.releaseauditor.ui.fx.Numbers.fixed(v, 0) : org.releaseauditor.ui.fx.Numbers.fixed(v, 1);
    }

    static String fmt(double v) {
        return org.releaseauditor.ui.fx.Numbers.sig(v, 3);
    }

    public TrajectorySettingsViewModel settings() {
        return settings;
    }

    /** The summary audited instead of the event file, or null. */
    public ReadOnlyObjectProperty<java.nio.file.Path> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Where the shown result came from when computed from a summary (with what it cannot give), else null. */
    public ReadOnlyObjectProperty<org.releaseauditor.service.SummarySource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrajectoryReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /**
     * The last complete result as the lane returned it (request, hashed inputs, JSON): what a case
     * records when {@link #resultStateProperty()} is {@link ResultState#CURRENT}.
     */
    @Override
    public ReadOnlyObjectProperty<LaneResult<TrajectoriesRequest, TrajectoryReport>> resultProperty() {
        return run.resultProperty();
    }

    @Override
    public ReadOnlyObjectProperty<ResultState> resultStateProperty() {
        return run.stateProperty();
    }

    /**
     * The attacker model and the event file's column roles of a result, from its own request:
     * the background knowledge (points, attacks, attributes) and pseudonym, timestamp and location
     * columns.
     */
    @Override
    public RecordOptions recordOptions(LaneResult<?, ?> shown) {
        TrajectoriesRequest r = (TrajectoriesRequest) shown.request();
        return RecordOptions.none().withRoles(TrajectoriesRequest.EVENTS, columnRoles(r))
                .withAttacker(attackerName(r), r.attackerModelJson());
    }

    /** The event file's columns as analysed: pseudonym, timestamp, location (or lat/lng), known attributes. */
    static java.util.Map<String, String> columnRoles(TrajectoriesRequest r) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put(r.user(), AttributeRole.PSEUDONYM.name());
        out.put(r.time(), AttributeRole.TIMESTAMP.name());
        for (String c : java.util.Arrays.asList(r.location(), r.lat(), r.lng())) {
            if (c != null && !c.isBlank()) {
                out.put(c, AttributeRole.LOCATION.name());
            }
        }
        r.attributes().forEach(a -> out.put(a, AttributeRole.QUASI_IDENTIFIER.name()));
        return out;
    }

    /** "Background knowledge: 1–5 points at cell / 1h; attacks location k=2, home-work". */
    static String attackerName(TrajectoriesRequest r) {
        List<String> attacks = new ArrayList<>();
        for (TrajectoriesRequest.Attack a : r.attacks()) {
            attacks.add(a.type() == org.releaseauditor.core.trajectory.AttackType.HOME_WORK ? a.type().id()
                    : a.type().id() + " k=" + a.k());
        }
        if (!r.attributes().isEmpty()) {
            attacks.add(String.join(", ", r.attributes()));
        }
        return Messages.get("record.attacker.trajectories", r.minPoints(), r.maxPoints(),
                ResolutionText.spatial(r.spatial()), ResolutionText.temporal(r.temporal()),
                attacks.isEmpty() ? Messages.get("record.attacker.none") : String.join("; ", attacks));
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<CardData> cards() {
        return cards;
    }
}
