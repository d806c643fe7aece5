package org.releaseauditor.ui.remediation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.remediation.trajectory.TrajectoryRemediationResult;
import org.releaseauditor.core.remediation.trajectory.UnicityTarget;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.remediation.Reaudit;
import org.releaseauditor.service.remediation.RemediationDefaults;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.service.remediation.TrajectoryRemediationRequest;
import org.releaseauditor.service.remediation.TrajectoryRemediationService;
import org.releaseauditor.service.remediation.TrajectoryWhatIf;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.ui.fx.BackgroundTasks;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.FxTasks;

/**
 * The trajectories <i>What if</i> panel's state. The source is the dashboard's latest result;
 * the target is a unicity policy of its own (at most a share of the users unique from a number of
 * known points; 10 % from 4 points by default, de Montjoye et al. 2013). When the panel is active
 * the events are read once and the ladders of coarser resolutions and per-person caps are built;
 * every change of the three sliders (space, time, events per person) re-scores unicity and
 * re-audits the copy through the trajectories lane after the debounce delay (the latest change
 * wins; earlier work is cancelled). <i>Find least change</i> runs the same search as
 * {@code remediate trajectories} and sets the sliders to its recommendation; <i>Save remediated
 * copy</i> writes the copy with its SHA-256 and can record both runs in the open case.
 */
public final class TrajectoryWhatIfViewModel extends WhatIfViewModelBase {

    private static final Pattern UNICITY = Pattern.compile("unicity\\.(\\d+)\\.fraction");

    private final TrajectoryRemediationService service;
    private final Debouncer debouncer;
    private final ObjectProperty<LaneResult<TrajectoriesRequest, TrajectoryReport>> source = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final IntegerProperty targetPoints = new SimpleIntegerProperty();
    private final ObjectProperty<Double> targetShare = new SimpleObjectProperty<>();
    private final IntegerProperty spatial = new SimpleIntegerProperty(0);
    private final IntegerProperty temporal = new SimpleIntegerProperty(0);
    private final IntegerProperty cap = new SimpleIntegerProperty(0);
    private final ObservableList<String> spatialLabels = FXCollections.observableArrayList();
    private final ObservableList<String> temporalLabels = FXCollections.observableArrayList();
    private final ObservableList<String> capLabels = FXCollections.observableArrayList();
    private final ObservableList<CompareCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrajectoryWhatIf> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Reaudit<TrajectoriesRequest, TrajectoryReport>> before =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrajectoryWhatIf.Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrajectoryRemediationResult> search = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final ObservableList<PolicyChoice> policies = FXCollections.observableArrayList();
    private final ObjectProperty<PolicyChoice> policy = new SimpleObjectProperty<>();
    private int[] caps = new int[0];
    private boolean settingLevels;
    private boolean settingTarget;

    public TrajectoryWhatIfViewModel(TrajectoryRemediationService service, BackgroundTasks tasks,
            Debouncer debouncer) {
        super(tasks);
        this.service = service;
        this.debouncer = debouncer;
        Map<String, String> defaults = RemediationDefaults.of();
        targetPoints.set(Integer.parseInt(defaults.get("default.remediation.trajectories.targetPoints")));
        targetShare.set(Double.valueOf(defaults.get("default.remediation.trajectories.targetShare")));
        source.addListener((o, a, b) -> prepareIfActive());
        active.addListener((o, a, b) -> prepareIfActive());
        policies.setAll(PolicyChoice.builtIns(TrajectoryWhatIfViewModel::hasTarget));
        targetPoints.addListener((o, a, b) -> targetEdited());
        targetShare.addListener((o, a, b) -> targetEdited());
        policy.addListener((o, a, b) -> {
            if (b != null) {
                showTarget(b);
            }
            prepareIfActive();
        });
        for (IntegerProperty p : new IntegerProperty[] {spatial, temporal, cap}) {
            p.addListener((o, a, b) -> {
                if (!settingLevels) {
                    requestPreview();
                }
            });
        }
    }

    /** Whether a policy has a unicity target the remediation can meet. */
    static boolean hasTarget(PolicyProfile p) {
        try {
            return !UnicityTarget.fromPolicy(p, false).isEmpty();
        } catch (org.releaseauditor.core.error.ConfigurationException e) {
            return false;
        }
    }

    /** An own target (points, share) replaces a chosen policy. */
    private void targetEdited() {
        if (settingTarget) {
            return;
        }
        if (policy.get() != null) {
            policy.set(null);
        } else {
            prepareIfActive();
        }
    }

    /** Shows a policy's first unicity target in the points and share fields (and the chart). */
    private void showTarget(PolicyChoice c) {
        try {
            UnicityTarget t = UnicityTarget.fromPolicy(c.profile(), false).get(0);
            settingTarget = true;
            targetPoints.set(t.points());
            targetShare.set(t.threshold());
        } catch (org.releaseauditor.core.error.ConfigurationException e) {
            // prepare reports it
        } finally {
            settingTarget = false;
        }
    }

    private void prepareIfActive() {
        if (active.get() && source.get() != null && targetShare.get() != null) {
            prepare();
        }
    }

    /** Reads the release shown by the dashboard and builds the ladders (off the FX thread). */
    public void prepare() {
        LaneResult<TrajectoriesRequest, TrajectoryReport> src = source.get();
        if (src == null) {
            return;
        }
        cancelAll();
        int points = targetPoints.get();
        double share = targetShare.get();
        PolicyChoice chosen = policy.get();
        target.set(chosen == null
                ? Messages.get("whatif.traj.target", Comparisons.format(share, Comparisons.Format.SHARE), points)
                : Messages.get("whatif.traj.targetPolicy", chosen.profile().id(), targets(chosen.profile())));
        busy.set(true);
        status.set(Messages.get("whatif.status.preparing.traj"));
        Task<Prepared> t = FxTasks.of(Messages.get("whatif.task.prepare"), m -> {
            PolicyProfile profile;
            String ref;
            if (chosen == null) {
                profile = TrajectoryRemediationService.unicityTarget(points, share);
                ref = TrajectoryRemediationService.writePolicy(profile).toString();
            } else {
                profile = chosen.profile();
                ref = chosen.ref();
            }
            TrajectoryWhatIf w = service.prepare(src, TrajectoryRemediationRequest.builder().policy(ref), profile, m);
            return new Prepared(w, w.judge(src));
        });
        prepareTask = t;
        tasks.run(t, prepared -> {
            if (t != prepareTask) {
                return;
            }
            TrajectoryWhatIf w = prepared.session();
            busy.set(false);
            preview.set(null);
            search.set(null);
            saved.set(null);
            session.set(w);
            before.set(prepared.before());
            caps = w.caps();
            List<String> capTexts = new ArrayList<>();
            capTexts.add(Messages.get("whatif.traj.capAll"));
            for (int i = caps.length - 1; i >= 0; i--) {
                capTexts.add(Integer.toString(caps[i]));
            }
            settingLevels = true;
            try {
                spatialLabels.setAll(w.spatialLabels());
                temporalLabels.setAll(w.temporalLabels());
                capLabels.setAll(capTexts);
                spatial.set(Math.min(spatial.get(), spatialLabels.size() - 1));
                temporal.set(Math.min(temporal.get(), temporalLabels.size() - 1));
                cap.set(Math.min(cap.get(), caps.length));
            } finally {
                settingLevels = false;
            }
            refreshCards();
            previewNow();
        }, ex -> failed(t, ex));
    }

    private record Prepared(TrajectoryWhatIf session, Reaudit<TrajectoriesRequest, TrajectoryReport> before) {
    }

    /**
     * The events-per-person cap of a slider position: 0 keeps all events, position i keeps the i-th
     * largest cap of the ladder (so moving right always releases less).
     */
    public Integer capAt(int position) {
        return position <= 0 || caps.length == 0 ? null : caps[Math.max(0, caps.length - position)];
    }

    /** The slider position of a cap (0 for null or a cap not on the ladder). */
    int capPosition(Integer value) {
        if (value == null) {
            return 0;
        }
        for (int i = 0; i < caps.length; i++) {
            if (caps[i] == value) {
                return caps.length - i;
            }
        }
        return 0;
    }

    /** Re-scores and re-audits after the debounce delay; the latest request wins. */
    public void requestPreview() {
        debouncer.schedule(this::previewNow);
    }

    /** Scores the sliders' choice and re-audits its copy now (cancelling earlier work). */
    public void previewNow() {
        TrajectoryWhatIf w = session.get();
        if (w == null) {
            return;
        }
        if (previewTask != null) {
            previewTask.cancel();
        }
        int s = spatial.get();
        int tm = temporal.get();
        Integer c = capAt(cap.get());
        busy.set(true);
        status.set(Messages.get("whatif.status.reauditing"));
        Task<TrajectoryWhatIf.Preview> t = FxTasks.of(Messages.get("whatif.task.preview"),
                m -> w.preview(s, tm, c, m));
        previewTask = t;
        tasks.run(t, p -> {
            if (t != previewTask) {
                return;
            }
            busy.set(false);
            preview.set(p);
            refreshCards();
        }, ex -> failed(t, ex));
    }

    /** The cards: the policy, unicity at the target's points with its upper bound, users and events. */
    List<Comparisons.Spec> specs() {
        int row = targetPoints.get() - 1;
        return List.of(
                new Comparisons.Spec("whatIfUnicity", "whatif.card.unicity", "whatif.card.unicity.explain",
                        "unicity." + row + ".fraction", Comparisons.Format.SHARE),
                new Comparisons.Spec("whatIfUnicityHigh", "whatif.card.unicityHigh", "whatif.card.unicityHigh.explain",
                        "unicity." + row + ".ciHigh", Comparisons.Format.SHARE),
                new Comparisons.Spec("whatIfUsers", "whatif.card.users", "whatif.card.users.explain", "users",
                        Comparisons.Format.COUNT),
                new Comparisons.Spec("whatIfEvents", "whatif.card.events", "whatif.card.events.explain", "events",
                        Comparisons.Format.COUNT));
    }

    private void refreshCards() {
        TrajectoryWhatIf.Preview p = preview.get();
        Reaudit<TrajectoriesRequest, TrajectoryReport> after = p == null ? null : p.after();
        List<CompareCard> list = new ArrayList<>(Comparisons.cards(specs(), before.get(), after));
        list.add(0, Comparisons.verdict(before.get(), after));
        cards.setAll(list);
        change.set(p == null ? "" : describe(p.cell(), targetPoints.get(), capAt(cap.get())));
        status.set(after == null ? "" : Messages.get(after.passed() ? "whatif.status.passes" : "whatif.status.fails",
                after.policy().profile().id()));
    }

    /** The scored choice in one line: unicity at the target's points, its upper bound and the resolution. */
    static String describe(TrajectoryRemediationResult.Cell cell, int points, Integer cap) {
        UnicityResult.Row r = points >= 1 && points <= cell.rows().size() ? cell.row(points) : null;
        return Messages.get("whatif.traj.cell",
                r == null ? "\u2013" : Comparisons.format(r.fraction(), Comparisons.Format.SHARE), points,
                r == null ? "\u2013" : Comparisons.format(r.ciHigh(), Comparisons.Format.SHARE),
                org.releaseauditor.ui.trajectory.ResolutionText.spatial(cell.spatial()),
                org.releaseauditor.ui.trajectory.ResolutionText.temporal(cell.temporal()), cap == null ? Messages.get("whatif.traj.capAll") : cap);
    }

    /** Unicity against known points of an audit, as (points, share) pairs for the chart. */
    static List<double[]> curve(Reaudit<?, ?> r) {
        List<double[]> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        Map<String, Double> m = Comparisons.metrics(r);
        TreeMap<Integer, double[]> rows = new TreeMap<>();
        for (Map.Entry<String, Double> e : m.entrySet()) {
            Matcher x = UNICITY.matcher(e.getKey());
            if (x.matches() && e.getValue() != null && !e.getValue().isNaN()) {
                int i = Integer.parseInt(x.group(1));
                Double pts = m.get("unicity." + i + ".points");
                rows.put(i, new double[] {pts == null ? i + 1 : pts, e.getValue()});
            }
        }
        out.addAll(rows.values());
        return out;
    }

    /**
     * Runs the whole grid and the cap search (progress and Cancel) and sets the sliders to the
     * recommendation: the least coarsening that passes, or else the largest passing cap.
     */
    public void findLeastChange() {
        TrajectoryWhatIf w = session.get();
        if (w == null) {
            return;
        }
        startSearch(FxTasks.of(Messages.get("whatif.task.search"), w::search), r -> {
            search.set(r);
            if (r.recommended() != null) {
                setChoice(r.recommended().spatialIndex(), r.recommended().temporalIndex(), null);
            } else if (r.cap() != null && r.cap().cap() != null) {
                setChoice(0, 0, r.cap().cap());
            } else {
                status.set(Messages.get("whatif.status.notFound.traj"));
            }
        });
    }

    /** Sets the three sliders at once and previews once. */
    public void setChoice(int spatialIndex, int temporalIndex, Integer capValue) {
        settingLevels = true;
        try {
            spatial.set(spatialIndex);
            temporal.set(temporalIndex);
            cap.set(capPosition(capValue));
        } finally {
            settingLevels = false;
        }
        previewNow();
    }

    /** Writes the copy of the sliders' choice to {@code file} and re-audits it. */
    public void save(Path file) {
        TrajectoryWhatIf w = session.get();
        Reaudit<TrajectoriesRequest, TrajectoryReport> b = before.get();
        if (w == null || b == null) {
            return;
        }
        int s = spatial.get();
        int tm = temporal.get();
        Integer c = capAt(cap.get());
        busy.set(true);
        status.set(Messages.get("whatif.status.saving"));
        Task<RemediationOutcome> t = FxTasks.of(Messages.get("whatif.task.save"), m -> w.save(b, s, tm, c, file, m));
        tasks.run(t, o -> {
            busy.set(false);
            saved.set(o);
            status.set(Messages.get("whatif.status.saved", o.copies().values().iterator().next().fileName()));
        }, ex -> failed(t, ex));
    }

    public ObjectProperty<LaneResult<TrajectoriesRequest, TrajectoryReport>> sourceProperty() {
        return source;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** A policy's unicity rules in one line. */
    static String targets(PolicyProfile p) {
        try {
            return String.join("; ", UnicityTarget.fromPolicy(p, false).stream().map(UnicityTarget::describe)
                    .toList());
        } catch (org.releaseauditor.core.error.ConfigurationException e) {
            return e.getLocalizedMessage();
        }
    }

    /** Policies with a unicity target: the built-in ones and any imported file. */
    public ObservableList<PolicyChoice> policies() {
        return policies;
    }

    /** The chosen policy, or null for the own target (points and share). */
    public ObjectProperty<PolicyChoice> policyProperty() {
        return policy;
    }

    public IntegerProperty targetPointsProperty() {
        return targetPoints;
    }

    public ObjectProperty<Double> targetShareProperty() {
        return targetShare;
    }

    /** Slider position into {@link #spatialLabels()} (0: as released). */
    public IntegerProperty spatialProperty() {
        return spatial;
    }

    /** Slider position into {@link #temporalLabels()} (0: as released). */
    public IntegerProperty temporalProperty() {
        return temporal;
    }

    /** Slider position into {@link #capLabels()} (0: all events). */
    public IntegerProperty capProperty() {
        return cap;
    }

    public ObservableList<String> spatialLabels() {
        return spatialLabels;
    }

    public ObservableList<String> temporalLabels() {
        return temporalLabels;
    }

    public ObservableList<String> capLabels() {
        return capLabels;
    }

    public ObservableList<CompareCard> cards() {
        return cards;
    }

    public ReadOnlyObjectProperty<TrajectoryWhatIf> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reaudit<TrajectoriesRequest, TrajectoryReport>> beforeProperty() {
        return before.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrajectoryWhatIf.Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrajectoryRemediationResult> searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }

    /** The target in words ("Target: at most 10 % unique from 4 points"). */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }
}
