package org.releaseauditor.ui.remediation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.remediation.microdata.MicrodataSearchResult;
import org.releaseauditor.core.remediation.microdata.NodeResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationService;
import org.releaseauditor.service.remediation.MicrodataWhatIf;
import org.releaseauditor.service.remediation.Reaudit;
import org.releaseauditor.service.remediation.RemediationDefaults;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.ui.fx.BackgroundTasks;
import org.releaseauditor.ui.fx.Debouncer;
import org.releaseauditor.ui.fx.FxTasks;

/**
 * The microdata <i>What if</i> panel's state. The source is the dashboard's latest result; when
 * the panel is active, the release is prepared once (hierarchies built, records grouped), then
 * every change of a level slider re-scores the transformation and re-audits its copy through the
 * microdata lane after 250 ms of quiet (the latest change wins; earlier work is cancelled).
 * <i>Find least change</i> runs the same search as {@code remediate microdata} and sets the
 * sliders to its optimum; <i>Save remediated copy</i> writes the copy with its SHA-256 and can
 * record both runs and the copy in the open case. Defaults come from the remediation request.
 */
public final class MicrodataWhatIfViewModel extends WhatIfViewModelBase {

    /** The comparison cards of the microdata panel. */
    static final List<Comparisons.Spec> CARDS = List.of(
            new Comparisons.Spec("whatIfK", "whatif.card.k", "whatif.card.k.explain", "k", Comparisons.Format.COUNT),
            new Comparisons.Spec("whatIfAtRisk", "whatif.card.atRisk", "whatif.card.atRisk.explain",
                    "prosecutor.recordsAtRisk", Comparisons.Format.SHARE),
            new Comparisons.Spec("whatIfHighest", "whatif.card.highest", "whatif.card.highest.explain",
                    "prosecutor.highest", Comparisons.Format.NUMBER),
            new Comparisons.Spec("whatIfUniques", "whatif.card.uniques", "whatif.card.uniques.explain",
                    "sampleUniqueness", Comparisons.Format.SHARE),
            new Comparisons.Spec("whatIfSuppressed", "whatif.card.suppressed", "whatif.card.suppressed.explain",
                    "suppressedRecords", Comparisons.Format.COUNT));

    /** One slider: a quasi-identifier, its hierarchy's height and an example label per level. */
    public static final class LevelRow {
        private final String qi;
        private final int height;
        private final List<String> labels;
        private final IntegerProperty level = new SimpleIntegerProperty(0);

        LevelRow(String qi, int height, List<String> labels) {
            this.qi = qi;
            this.height = height;
            this.labels = List.copyOf(labels);
        }

        public String qi() {
            return qi;
        }

        public int height() {
            return height;
        }

        /** The example label of a level. */
        public String label(int l) {
            return labels.get(Math.max(0, Math.min(l, labels.size() - 1)));
        }

        public IntegerProperty levelProperty() {
            return level;
        }
    }

    private final MicrodataRemediationService service;
    private final Debouncer debouncer;
    private final ObjectProperty<LaneResult<MicrodataRequest, MicrodataAnalysis>> source = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final ObservableList<PolicyChoice> policies = FXCollections.observableArrayList();
    private final ObjectProperty<PolicyChoice> policy = new SimpleObjectProperty<>();
    private final ObservableList<String> measures = FXCollections.observableArrayList(
            MicrodataRemediationService.measures());
    private final StringProperty measure = new SimpleStringProperty();
    private final ObjectProperty<Double> maxSuppression = new SimpleObjectProperty<>();
    private final ObservableList<LevelRow> levels = FXCollections.observableArrayList();
    private final ObservableList<CompareCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MicrodataWhatIf> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Reaudit<MicrodataRequest, MicrodataAnalysis>> before =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MicrodataWhatIf.Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MicrodataSearchResult> search = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private boolean settingLevels;

    public MicrodataWhatIfViewModel(MicrodataRemediationService service, BackgroundTasks tasks, Debouncer debouncer) {
        super(tasks);
        this.service = service;
        this.debouncer = debouncer;
        Map<String, String> defaults = RemediationDefaults.of();
        measure.set(defaults.get("default.remediation.microdata.measure"));
        maxSuppression.set(Double.valueOf(defaults.get("default.remediation.microdata.maxSuppression")));
        policies.setAll(PolicyChoice.builtIns());
        policy.set(policies.stream().filter(p -> p.ref().equals("min-group-5")).findFirst()
                .orElse(policies.isEmpty() ? null : policies.get(0)));
        source.addListener((o, a, b) -> prepareIfActive());
        active.addListener((o, a, b) -> prepareIfActive());
        policy.addListener((o, a, b) -> prepareIfActive());
        measure.addListener((o, a, b) -> prepareIfActive());
        maxSuppression.addListener((o, a, b) -> prepareIfActive());
    }

    private void prepareIfActive() {
        if (active.get() && source.get() != null && policy.get() != null) {
            prepare();
        }
    }

    /** The remediation options the panel sets (the analysis comes from the dashboard's result). */
    MicrodataRemediationRequest.Builder options() throws ConfigurationException {
        return MicrodataRemediationRequest.builder().policy(policy.get().ref()).measure(measure.get())
                .maxSuppression(maxSuppression.get());
    }

    /** Prepares the release shown by the dashboard (off the FX thread). */
    public void prepare() {
        LaneResult<MicrodataRequest, MicrodataAnalysis> src = source.get();
        if (src == null || policy.get() == null) {
            return;
        }
        cancelAll();
        List<Integer> keep = currentLevels();
        List<String> keepQis = levels.stream().map(LevelRow::qi).toList();
        busy.set(true);
        status.set(Messages.get("whatif.status.preparing"));
        Task<Prepared> t = FxTasks.of(Messages.get("whatif.task.prepare"), m -> {
            MicrodataWhatIf w = service.prepare(src, options(), m);
            return new Prepared(w, w.judge(src));
        });
        prepareTask = t;
        tasks.run(t, prepared -> {
            if (t != prepareTask) {
                return;
            }
            MicrodataWhatIf w = prepared.session();
            busy.set(false);
            preview.set(null);
            session.set(w);
            before.set(prepared.before());
            List<LevelRow> rows = new ArrayList<>();
            for (int d = 0; d < w.quasiIdentifiers().size(); d++) {
                LevelRow row = new LevelRow(w.quasiIdentifiers().get(d), w.heights()[d], w.exampleLabels(d));
                if (keepQis.equals(w.quasiIdentifiers()) && d < keep.size()) {
                    row.level.set(Math.min(keep.get(d), row.height));
                }
                row.level.addListener((o, a, b) -> {
                    if (!settingLevels) {
                        requestPreview();
                    }
                });
                rows.add(row);
            }
            levels.setAll(rows);
            refreshCards();
            previewNow();
        }, ex -> failed(t, ex));
    }

    private record Prepared(MicrodataWhatIf session, Reaudit<MicrodataRequest, MicrodataAnalysis> before) {
    }

    /** The levels of the sliders, in QI order. */
    public List<Integer> currentLevels() {
        return levels.stream().map(r -> r.level.get()).toList();
    }

    int[] levelArray() {
        return levels.stream().mapToInt(r -> r.level.get()).toArray();
    }

    /** Re-scores and re-audits after the debounce delay; the latest request wins. */
    public void requestPreview() {
        debouncer.schedule(this::previewNow);
    }

    /** Scores the sliders' transformation and re-audits its copy now (cancelling earlier work). */
    public void previewNow() {
        MicrodataWhatIf w = session.get();
        if (w == null || levels.isEmpty()) {
            return;
        }
        if (previewTask != null) {
            previewTask.cancel();
        }
        int[] lv = levelArray();
        busy.set(true);
        status.set(Messages.get("whatif.status.reauditing"));
        Task<MicrodataWhatIf.Preview> t = FxTasks.of(Messages.get("whatif.task.preview"), m -> w.preview(lv, m));
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

    private void refreshCards() {
        MicrodataWhatIf.Preview p = preview.get();
        Reaudit<MicrodataRequest, MicrodataAnalysis> after = p == null ? null : p.after();
        List<CompareCard> list = new ArrayList<>(Comparisons.cards(CARDS, before.get(), after));
        list.add(0, Comparisons.verdict(before.get(), after));
        cards.setAll(list);
        change.set(p == null ? "" : describe(p.evaluation().node(), measure.get()));
        status.set(after == null ? "" : Messages.get(after.passed() ? "whatif.status.passes" : "whatif.status.fails",
                after.policy().profile().id()));
    }

    /** What the transformation changes, in one line: suppressed records and the information loss. */
    static String describe(NodeResult node, String measureId) {
        double loss = Double.NaN;
        for (var e : node.losses().entrySet()) {
            if (e.getKey().id().equals(measureId)) {
                loss = e.getValue();
            }
        }
        return Messages.get(node.feasible() ? "whatif.change.feasible" : "whatif.change.infeasible",
                Comparisons.format((double) node.suppressedRecords(), Comparisons.Format.COUNT),
                node.suppressBelow(), Double.isNaN(loss) ? "\u2013" : Comparisons.format(loss, Comparisons.Format.NUMBER),
                measureId);
    }

    /** Searches the least change that passes (progress and Cancel); the sliders are set to the optimum. */
    public void findLeastChange() {
        MicrodataWhatIf w = session.get();
        if (w == null) {
            return;
        }
        startSearch(FxTasks.of(Messages.get("whatif.task.search"), w::search), r -> {
            search.set(r);
            if (r.optimum() == null) {
                status.set(Messages.get("whatif.status.notFound"));
                return;
            }
            setLevels(r.optimum().levels());
        });
    }

    /** Sets every slider at once and previews once. */
    public void setLevels(List<Integer> values) {
        settingLevels = true;
        try {
            for (int d = 0; d < levels.size() && d < values.size(); d++) {
                levels.get(d).level.set(values.get(d));
            }
        } finally {
            settingLevels = false;
        }
        previewNow();
    }

    /** Writes the copy of the sliders' transformation to {@code file} and re-audits it. */
    public void save(Path file) {
        MicrodataWhatIf w = session.get();
        Reaudit<MicrodataRequest, MicrodataAnalysis> b = before.get();
        if (w == null || b == null) {
            return;
        }
        int[] lv = levelArray();
        busy.set(true);
        status.set(Messages.get("whatif.status.saving"));
        Task<RemediationOutcome> t = FxTasks.of(Messages.get("whatif.task.save"), m -> w.save(b, lv, file, m));
        tasks.run(t, o -> {
            busy.set(false);
            saved.set(o);
            status.set(Messages.get("whatif.status.saved", o.copies().values().iterator().next().fileName()));
        }, ex -> failed(t, ex));
    }

    public ObjectProperty<LaneResult<MicrodataRequest, MicrodataAnalysis>> sourceProperty() {
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

    public ObservableList<String> measures() {
        return measures;
    }

    public StringProperty measureProperty() {
        return measure;
    }

    public ObjectProperty<Double> maxSuppressionProperty() {
        return maxSuppression;
    }

    public ObservableList<LevelRow> levels() {
        return levels;
    }

    public ObservableList<CompareCard> cards() {
        return cards;
    }

    public ReadOnlyObjectProperty<MicrodataWhatIf> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Reaudit<MicrodataRequest, MicrodataAnalysis>> beforeProperty() {
        return before.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MicrodataWhatIf.Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MicrodataSearchResult> searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }
}
