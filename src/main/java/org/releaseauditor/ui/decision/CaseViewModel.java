package org.releaseauditor.ui.decision;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseRecords;
import org.releaseauditor.service.cases.CaseService;
import org.releaseauditor.service.cases.DecisionRequest;
import org.releaseauditor.service.cases.CaseVerdictService;
import org.releaseauditor.service.cases.RecordOptions;
import org.releaseauditor.service.cases.ReportFormat;
import org.releaseauditor.service.cases.ReportService;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.ui.fx.TaskRunner;
import org.releaseauditor.ui.fx.FxTasks;
import org.releaseauditor.ui.main.LoadedDataset;

/**
 * The open audit case in the GUI: create/open (read-only for regulators), record the current
 * analysis as a run, evaluate a policy, decide, export the report, and verify the chain. Every
 * case operation runs on one writer (a single background thread in the app), one after the other
 * in the order they were asked for, never on the FX thread; lists are refreshed on success. The
 * open {@link CaseService} outlives the window: a rebuilt window (View → Language) shows the same
 * case, still writable.
 */
public final class CaseViewModel {
    /** What the case snapshot holds after every refresh. */
    public record Snapshot(CaseInfo info, String notice, boolean readOnly, List<DatasetEntry> datasets,
            List<RunEntry> runs, List<DecisionEntry> decisions, List<AuditEvent> events, String headHash) {
    }

    /**
     * What the decision form needs besides the snapshot, read with it: the verdict of every run,
     * the recorded findings that FAIL (for the override) and the decision in force with its record,
     * outputs and reviews.
     */
    public record FormState(List<org.releaseauditor.core.verdict.RunVerdict> runVerdicts,
            List<CaseRecords.FailedFinding> failing, java.util.Optional<CaseRecords.DecisionDetails> current,
            String controller) {
        public FormState {
            runVerdicts = List.copyOf(runVerdicts);
            failing = List.copyOf(failing);
        }

        /** The verdict of one output over the given runs: the worst result of the runs that analysed it. */
        public org.releaseauditor.core.verdict.ReleaseResult outputResult(long datasetId, java.util.Collection<Long> runIds) {
            return org.releaseauditor.core.verdict.ReleaseResult.worstOf(runVerdicts.stream()
                    .filter(r -> runIds.contains(r.runId()) && r.outputs().contains(datasetId))
                    .map(org.releaseauditor.core.verdict.RunVerdict::result).toList());
        }

        /** The failed findings of the given runs. */
        public List<CaseRecords.FailedFinding> failing(java.util.Collection<Long> runIds) {
            return failing.stream().filter(f -> runIds.contains(f.runId())).toList();
        }
    }

    private final TaskRunner writer;
    private final ObjectProperty<CaseService> openCase = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<VerdictContent> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FormState> formState = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringProperty verdictError = new SimpleStringProperty("");
    private final ObservableList<FindingEntry> findings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<org.releaseauditor.core.policy.PolicyProfile> findingsPolicy =
            new ReadOnlyObjectWrapper<>();
    private final ObservableList<VerificationItem> verification = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    /** @param writer runs the case operations one after the other (the app's case writer) */
    public CaseViewModel(TaskRunner writer) {
        this.writer = writer;
        openCase.addListener((o, a, b) -> writable.set(b != null && !b.readOnly()));
    }

    /** Creates a new case file and opens it. */
    public void create(Path file, String title, String dataProduct, String controller, String auditor) {
        run(Messages.get("case.task.create"), m -> CaseService.create(file,
                new CaseInfo(title, dataProduct, controller, auditor, Instant.now()), LaneRegistry.global()),
                this::setCase);
    }

    /**
     * Opens a case; {@code readOnly} for regulators. When that file is already open in the access
     * asked for (writable, or read-only when read-only was asked), the open case is kept and only
     * refreshed: the app never opens a second instance of its own case.
     */
    public void open(Path file, boolean readOnly, Consumer<CaseService> then) {
        CaseService current = openCase.get();
        run(Messages.get("case.task.open"), m -> {
            if (current != null && current.readOnly() == readOnly && sameFile(current.file(), file)) {
                return current;
            }
            return CaseService.open(file, readOnly, LaneRegistry.global());
        }, cs -> {
            setCase(cs);
            if (then != null) {
                then.accept(cs);
            }
        });
    }

    /** Whether two paths name the same file (links resolved); false when either does not exist. */
    static boolean sameFile(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void setCase(CaseService cs) {
        CaseService old = openCase.get();
        if (old != cs) {
            openCase.set(cs);
            findings.clear();
            verification.clear();
            if (old != null) {
                closeLater(old);
            }
        }
        refresh();
    }

    /** Closes a case on the writer, after the work queued before it. */
    private void closeLater(CaseService cs) {
        run(Messages.get("case.task.close"), m -> {
            cs.close();
            return cs;
        }, c -> { });
    }

    /** Reloads the lists from the case file. */
    public void refresh() {
        CaseService cs = openCase.get();
        if (cs == null) {
            snapshot.set(null);
            formState.set(null);
            return;
        }
        Locale locale = Messages.locale();
        run(Messages.get("case.task.refresh"), m -> {
            Snapshot s = new Snapshot(cs.info(), cs.accessNotice(), cs.readOnly(), cs.datasets(), cs.runs(),
                    cs.decisions(), cs.history(), cs.headHash());
            // the verdict panel reads the same verdict as the report's first page; a verdict that
            // cannot be computed must not hide the rest of the case
            VerdictContent v = null;
            String error = "";
            List<org.releaseauditor.core.verdict.RunVerdict> runVerdicts = List.of();
            try {
                CaseVerdictService.CaseVerdict cv = new CaseVerdictService().verdict(cs, locale);
                runVerdicts = cv.allRuns();
                v = VerdictContent.of(cv, s.info(), s.headHash(), cs.file(), locale);
            } catch (org.releaseauditor.core.error.AuditException e) {
                error = e.getLocalizedMessage();
            }
            FormState form = new FormState(runVerdicts, s.runs().isEmpty() ? List.of() : cs.failingFindings(List.of()),
                    cs.currentDecisionDetails(), s.info().controller());
            return new Refreshed(s, v, error, form);
        }, r -> {
            if (openCase.get() == cs) {
                verdict.set(r.verdict());
                verdictError.set(r.error());
                formState.set(r.form());
                snapshot.set(r.snapshot());
            }
        });
    }

    /**
     * Records the microdata dashboard's current result in the case: the dataset (re-hashed: a file
     * that changed since it was analysed is refused), its column roles, the attacker model (the
     * preset's name with the request's attacker settings) and the run with its request and result.
     */
    public void recordAnalysis(LoadedDataset dataset, LaneResult<MicrodataRequest, MicrodataAnalysis> result,
            String attackerName) {
        RecordOptions options = RecordOptions.none();
        // an analysis of a summary (File → Open summary…) has no dataset and no column roles to record
        if (dataset != null) {
            Map<String, String> roles = new LinkedHashMap<>();
            dataset.roles().forEach((c, r) -> roles.put(c, r.name()));
            options = options.withRoles(MicrodataRequest.DATA, roles);
        }
        record(result, options.withAttacker(attackerName, result.request().attackerModelJson()));
    }

    /**
     * Records any lane's result in the open case through {@link CaseService#record}, on the case
     * writer; the message says which run was recorded (with the new head hash), or a dialog says
     * why nothing was (for example an input file that changed since it was analysed).
     */
    public void record(LaneResult<?, ?> result, RecordOptions options) {
        CaseService cs = requireWritable();
        if (cs == null) {
            return;
        }
        run(Messages.get("case.task.record"), m -> {
            RunEntry r = cs.record(result, options, m);
            return new Recorded(r, cs.lastReceipt().map(x -> x.headHash()).orElse(null));
        }, r -> {
            message.set(r.head() == null ? Messages.get("case.recorded", r.run().id())
                    : Messages.get("case.recorded.receipt", r.run().id(), shortHash(r.head())));
            refresh();
        });
    }

    private record Refreshed(Snapshot snapshot, VerdictContent verdict, String error, FormState form) {
    }

    private record Recorded(RunEntry run, String head) {
    }

    /** Evaluates a policy for a run and shows the findings. */
    public void evaluate(long runId, String policyRef) {
        CaseService cs = requireWritable();
        if (cs == null) {
            return;
        }
        run(Messages.get("case.task.evaluate"), m -> {
            cs.evaluatePolicy(runId, policyRef);
            return RunFindings.of(cs, runId);
        }, f -> {
            f.show(this);
            refresh();
        });
    }

    /** A run's latest findings and the recorded policy they were evaluated against, read together. */
    private record RunFindings(List<FindingEntry> findings,
            java.util.Optional<org.releaseauditor.core.policy.PolicyProfile> policy) {
        static RunFindings of(CaseService cs, long runId) throws org.releaseauditor.core.error.AuditException {
            return new RunFindings(latest(cs.findings(runId)), cs.recordedPolicy(runId));
        }

        void show(CaseViewModel vm) {
            // the policy first: a listener on the list then already sees the matching policy
            policy.ifPresent(vm.findingsPolicy::set);
            vm.findings.setAll(findings);
        }
    }

    /** Shows the stored findings of a run (latest evaluation). */
    public void showFindings(long runId) {
        CaseService cs = openCase.get();
        if (cs == null) {
            return;
        }
        run(Messages.get("case.task.refresh"), m -> RunFindings.of(cs, runId), f -> f.show(this));
    }

    /** The findings of the latest evaluation (same policy id and the newest timestamp). */
    static List<FindingEntry> latest(List<FindingEntry> all) {
        if (all.isEmpty()) {
            return all;
        }
        Instant newest = all.stream().map(FindingEntry::at).max(Instant::compareTo).orElseThrow();
        Map<String, FindingEntry> byMetric = new LinkedHashMap<>();
        for (FindingEntry f : all) {
            if (!f.at().isBefore(newest.minusSeconds(1))) {
                byMetric.put(f.metric(), f);
            }
        }
        return new ArrayList<>(byMetric.values());
    }

    /** Records a decision; the service re-hashes the files and refuses if one changed. */
    public void decide(DecisionOutcome outcome, String conditions, String rationale, String auditor,
            List<Long> runIds, String policyRef) {
        CaseService cs = requireWritable();
        if (cs == null) {
            return;
        }
        run(Messages.get("case.task.decide"),
                m -> cs.decide(outcome, conditions, rationale, auditor, runIds, policyRef, m), d -> {
                    message.set(Messages.get("case.decided", Messages.get("decision." + d.outcome().name()), d.id()));
                    refresh();
                });
    }

    /**
     * Records a decision from the decision form through {@link CaseService#decide(DecisionRequest,
     * org.releaseauditor.core.progress.ProgressMonitor)}: the service checks every rule (override,
     * outputs, conditions) and re-hashes the files. A refusal goes to {@code refused} in the words of
     * the form; anything else unexpected to the app's error dialog.
     */
    public void decide(DecisionRequest request, Consumer<String> refused) {
        CaseService cs = requireWritable();
        if (cs == null) {
            return;
        }
        runForm(Messages.get("case.task.decide"), m -> cs.decide(request, m), d -> {
            org.releaseauditor.core.casefile.DecisionEntry e = d.details().decision();
            message.set(Messages.get("case.decided", Messages.get("decision." + e.outcome().name()), e.id()));
            refresh();
        }, refused);
    }

    /**
     * The second reviewer signs the decision in force (a separate chained event), recorded with the
     * reviewer as the event's actor. Refused (to {@code refused}, in words) when the reviewer made
     * the decision or signed it already.
     */
    public void review(String reviewer, String comment, Consumer<String> refused) {
        CaseService cs = requireWritable();
        if (cs == null) {
            return;
        }
        runForm(Messages.get("case.review.task"), m -> {
            String actor = cs.actor();
            try {
                if (reviewer != null && !reviewer.isBlank()) {
                    cs.setActor(reviewer.strip());
                }
                return cs.review(reviewer, comment);
            } finally {
                cs.setActor(actor);
            }
        }, r -> {
            message.set(Messages.get("case.review.recorded", r.review().reviewer(), r.review().decisionId(),
                    shortHash(r.receipt().headHash())));
            refresh();
        }, refused);
    }

    /**
     * Writes exactly the approved outputs of the decision in force, the report, a copy of the case
     * file and SHA256SUMS to {@code dir} (as {@code case export CASE --to DIR}); {@code refused}
     * says why nothing was written (nothing approved, review missing, folder not empty).
     */
    public void exportApproved(Path dir, Consumer<String> refused) {
        CaseService cs = openCase.get();
        if (cs == null) {
            message.set(Messages.get("case.none"));
            return;
        }
        Locale locale = Messages.locale();
        runForm(Messages.get("case.exportDir.task"),
                m -> new org.releaseauditor.service.cases.CaseExport().export(cs.file(), dir, null, locale, m),
                r -> message.set(Messages.get("case.exportDir.done", r.outputs().size(), r.decisionId(), r.dir())),
                refused);
    }

    /** Exports the report (HTML or PDF) in the current language. */
    public void export(Path out, boolean pdf, boolean includeRecords) {
        CaseService cs = openCase.get();
        if (cs == null) {
            message.set(Messages.get("case.none"));
            return;
        }
        run(Messages.get("case.task.report"), m -> {
            new ReportService().export(cs, pdf ? ReportFormat.PDF : ReportFormat.HTML, out, Messages.locale(),
                    includeRecords, null, m);
            return out;
        }, p -> message.set(Messages.get("case.exported", p.getFileName())));
    }

    /** Recomputes the hash chain and re-hashes the dataset files. */
    public void verify() {
        CaseService cs = openCase.get();
        if (cs == null) {
            message.set(Messages.get("case.none"));
            return;
        }
        run(Messages.get("case.task.verify"), m -> cs.verify(null, m), (VerificationReport r) -> {
            verification.setAll(r.items());
            boolean ok = r.items().stream().allMatch(VerificationItem::ok);
            message.set(Messages.get(ok ? "case.verify.ok" : "case.verify.broken", r.events(),
                    r.headHash() == null ? "" : r.headHash().substring(0, Math.min(16, r.headHash().length()))));
        });
    }

    private CaseService requireWritable() {
        CaseService cs = openCase.get();
        if (cs == null) {
            message.set(Messages.get("case.none"));
            return null;
        }
        if (cs.readOnly()) {
            message.set(Messages.get("case.readOnly"));
            return null;
        }
        return cs;
    }

    /**
     * Runs form work on the writer: {@link #busyProperty()} is true meanwhile; a refusal of the
     * service ({@link org.releaseauditor.core.error.AuditException}) goes to {@code refused} in the
     * words of the form; anything else to the app's error dialog (never a stack trace).
     */
    private <T> void runForm(String title, FxTasks.Work<T> work, Consumer<T> onSuccess, Consumer<String> refused) {
        busy.set(true);
        writer.start(title, (TaskRunner.Work<T, Void>) (m, publish) -> work.run(m),
                TaskRunner.Handlers.<T, Void>onSuccess(t -> {
                    busy.set(false);
                    onSuccess.accept(t);
                }).onFailure(ex -> {
                    busy.set(false);
                    if (ex instanceof org.releaseauditor.core.error.AuditException ae && refused != null) {
                        refused.accept(DecisionFormText.refusal(ae));
                    } else {
                        writer.reportFailure(title, ex);
                    }
                }).onCancelled(() -> busy.set(false)));
    }

    private <T> void run(String title, FxTasks.Work<T> work, Consumer<T> onSuccess) {
        writer.start(title, (TaskRunner.Work<T, Void>) (m, publish) -> work.run(m),
                TaskRunner.Handlers.<T, Void>onSuccess(onSuccess));
    }

    /**
     * Closes the open case (application exit). The store finishes a write in progress first;
     * callable from any thread.
     */
    public void close() {
        CaseService cs = openCase.get();
        if (cs != null) {
            try {
                cs.close();
            } catch (org.releaseauditor.core.error.AuditStoreException e) {
                // closing on exit: nothing more to do
            }
        }
    }

    static String shortHash(String h) {
        return h == null ? "" : h.substring(0, Math.min(12, h.length())).toLowerCase(Locale.ROOT);
    }

    public ReadOnlyObjectProperty<CaseService> openCaseProperty() {
        return openCase;
    }

    /** Whether a case is open for writing (recording and deciding are possible). */
    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The verdict of the open case (as the report's verdict page), refreshed with the snapshot; null without a case. */
    public ReadOnlyObjectProperty<VerdictContent> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Why the verdict could not be computed (empty when it could). */
    public StringProperty verdictErrorProperty() {
        return verdictError;
    }

    /** What the decision form shows besides the snapshot; null without a case. */
    public ReadOnlyObjectProperty<FormState> formStateProperty() {
        return formState.getReadOnlyProperty();
    }

    /** True while a decision, review or export of the form runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<FindingEntry> findings() {
        return findings;
    }

    /**
     * The policy the listed findings were evaluated against, as recorded in the case (it may be a
     * policy imported in another session, not a built-in); null until a run's findings are shown.
     */
    public ReadOnlyObjectProperty<org.releaseauditor.core.policy.PolicyProfile> findingsPolicyProperty() {
        return findingsPolicy.getReadOnlyProperty();
    }

    public ObservableList<VerificationItem> verification() {
        return verification;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
