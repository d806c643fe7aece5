package org.releaseauditor.service.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.releaseauditor.audit.AuditStore;
import org.releaseauditor.audit.LockWait;
import org.releaseauditor.audit.PolicyJson;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.audit.sqlite.JdbcAuditStore;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.CaseStatus;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.casefile.Receipt;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.casefile.VerificationReport;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.service.AppVersion;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.cases.CaseRecords.Decided;
import org.releaseauditor.service.cases.CaseRecords.DecisionDetails;
import org.releaseauditor.service.cases.CaseRecords.FailedFinding;
import org.releaseauditor.service.cases.CaseRecords.Reviewed;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.policy.PolicyOutcome;
import org.releaseauditor.service.policy.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit-case use cases shared by the CLI and the GUI: create and open a case, register
 * datasets, record roles, attacker models and analysis runs, evaluate policies, decide, list the
 * history and verify. One instance wraps one open case file; close it when done.
 *
 * <p>Thread-safe: the store runs one operation at a time, and every write holds the case's write
 * lock (per file identity, across threads, open instances and processes) for its transaction, so
 * case writes are serial. A write that finds the case busy waits up to
 * {@link #setBusyWait its limit}, then fails with "busy, try again". After every write,
 * {@link #lastReceipt()} gives the new head hash.
 */
public final class CaseService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CaseService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditStore store;
    private final Path file;
    private final LaneRegistry lanes;
    private final PolicyService policies = new PolicyService();
    private String actor = defaultActor();

    private CaseService(AuditStore store, Path file, LaneRegistry lanes) {
        this.store = store;
        this.file = file;
        this.lanes = lanes;
    }

    private static String defaultActor() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "unknown" : u;
    }

    /** Creates a new case file; the file must not exist. */
    public static CaseService create(Path file, CaseInfo info, LaneRegistry lanes) throws AuditException {
        if (info.title().isBlank()) {
            throw new ConfigurationException("case.error.titleRequired");
        }
        String who = info.auditor().isBlank() ? defaultActor() : info.auditor();
        JdbcAuditStore s = JdbcAuditStore.create(file, info, who, AppVersion.get());
        CaseService cs = new CaseService(s, s.file(), lanes);
        cs.actor = who;
        return cs;
    }

    /**
     * Opens a case. With {@code readOnly} false it is opened for writing unless another instance
     * holds it (then read-only; see {@link #access()} and {@link #accessNotice()}).
     */
    public static CaseService open(Path file, boolean readOnly, LaneRegistry lanes) throws AuditException {
        JdbcAuditStore s = JdbcAuditStore.open(file, readOnly, AppVersion.get());
        return new CaseService(s, s.file(), lanes);
    }

    public Path file() {
        return file;
    }

    /** How long a write waits for another writer unless told otherwise. */
    public static Duration defaultBusyWait() {
        return LockWait.DEFAULT_TIMEOUT;
    }

    /**
     * How long a write waits when another writer (thread, window or process) is busy with the
     * case, and where the wait is reported ({@code monitor.update} about every second; cancelling
     * the monitor stops the wait). Default: {@link LockWait#DEFAULT_TIMEOUT}, silently.
     */
    public void setBusyWait(Duration timeout, ProgressMonitor monitor) {
        timeout = timeout == null ? defaultBusyWait() : timeout;
        ProgressMonitor m = monitor == null ? ProgressMonitor.none() : monitor;
        store.setLockWait(new LockWait(timeout, (holder, waited, limit) -> {
            if (m.isCancelled()) {
                throw new CancelledException();
            }
            m.update(Messages.get("case.progress.busy", holder, waited.toSeconds(), limit.toSeconds()),
                    waited.toMillis(), limit.toMillis());
        }));
    }

    /**
     * The receipt of this thread's last write: the event it appended and the new head hash.
     * Keep it outside the case; {@code verify --head HASH} later proves the case still has it.
     */
    public Optional<Receipt> lastReceipt() {
        return store.lastReceipt();
    }

    public CaseAccess access() {
        return store.access();
    }

    public boolean readOnly() {
        return store.readOnly();
    }

    /** A one-line notice when the case is read-only (why), else empty. */
    public String accessNotice() {
        return switch (store.access()) {
            case READ_WRITE -> "";
            case READ_ONLY_REQUESTED -> Messages.get("case.notice.readOnlyRequested", file);
            case READ_ONLY_LOCKED -> Messages.get("case.notice.readOnlyLocked", file, store.lockHolder());
            case READ_ONLY_NOT_WRITABLE -> Messages.get("case.notice.readOnlyNotWritable", file);
        };
    }

    /** Who is recorded as the actor of later events (default: the OS user name). */
    public void setActor(String actor) {
        if (actor != null && !actor.isBlank()) {
            this.actor = actor.strip();
        }
    }

    public String actor() {
        return actor;
    }

    public CaseInfo info() throws AuditStoreException {
        return store.caseInfo();
    }

    public int schemaVersion() throws AuditStoreException {
        return store.schemaVersion();
    }

    // ------------------------------------------------------------------ datasets, roles, models

    /**
     * Registers a dataset file: fingerprint (SHA-256, size, time) and schema. The data is not
     * copied. The file must be readable as a dataset (CSV/TSV or SQLite): an empty file, a binary
     * file, an archive or a truncated database is refused with the reason. {@code schemaJson} may
     * be null: the schema the importer detected is recorded then.
     */
    public DatasetEntry addDataset(Path data, String schemaJson, ProgressMonitor monitor) throws AuditException {
        String detected = DatasetCheck.schemaOf(data);
        DatasetFingerprint fp = DatasetFingerprint.of(data, monitor);
        String schema = schemaJson != null ? requireJson(schemaJson, "schema") : detected;
        return store.addDataset(new NewDataset(fp.path().toString(), fp.sha256(), fp.sizeBytes(), fp.lastModified(),
                schema), actor);
    }

    public RoleAssignment assignRole(long datasetId, String column, String role) throws AuditException {
        return store.addRoleAssignment(datasetId, column, role, actor);
    }

    public AttackerModel recordAttackerModel(String name, String modelJson) throws AuditException {
        return store.addAttackerModel(name, requireJson(modelJson, "attacker model"), actor);
    }

    // ------------------------------------------------------------------ runs and policies

    /**
     * Records a run computed elsewhere, as raw JSON (tests and imports). Prefer
     * {@link #record(LaneResult, RecordOptions)}, which binds the run to the bytes it read.
     */
    public RunEntry recordRun(String lane, String paramsJson, String resultJson, List<Long> datasetIds)
            throws AuditException {
        return store.addRun(new NewRun(lane, AppVersion.get(), requireJson(paramsJson, "parameters"),
                requireJson(resultJson, "result"), datasetIds), actor);
    }

    /** Records a lane result: {@link #record(LaneResult, RecordOptions)} without roles or attacker. */
    public RunEntry record(LaneResult<?, ?> result, ProgressMonitor monitor) throws AuditException {
        return record(result, RecordOptions.none(), monitor);
    }

    /**
     * Records a lane result as a run of this case: the request's canonical JSON as the run's
     * parameters, the result JSON as its result, and every input as a dataset of the case. Each
     * input file is re-hashed first: when its bytes differ from those the result was computed
     * from, nothing is recorded and the message says which file changed. An input is matched to
     * the dataset registered with the same path and SHA-256, or registered as a new dataset.
     * With {@code options}, column roles (per input role) and the attacker model (its name and
     * JSON, for example a GUI preset) are recorded before the run.
     */
    public RunEntry record(LaneResult<?, ?> result, RecordOptions options, ProgressMonitor monitor)
            throws AuditException {
        lanes.require(result.lane());
        List<Long> ids = new ArrayList<>();
        List<DatasetEntry> entries = new ArrayList<>();
        for (Map.Entry<String, DatasetRef> in : result.inputs().roles().entrySet()) {
            DatasetRef ref = in.getValue();
            if (!ref.hashed()) {
                throw new ConfigurationException("case.error.unhashedInput", in.getKey(), ref.path().toString());
            }
            if (!Files.isRegularFile(ref.path())) {
                throw new AuditStoreException("case.error.inputMissing", in.getKey(), ref.path().toString());
            }
            DatasetFingerprint now = DatasetFingerprint.of(ref.path(), monitor);
            if (!now.sha256().equals(ref.sha256())) {
                LOGGER.info("Case {}: not recording the {} result: input {} changed (analysed sha256 {}, now {})",
                        file.getFileName(), result.lane(), in.getKey(), ref.sha256(), now.sha256());
                throw new AuditStoreException("case.error.resultStale", in.getKey(), ref.path().toString(),
                        ref.sha256(), now.sha256());
            }
        }
        for (Map.Entry<String, DatasetRef> in : result.inputs().roles().entrySet()) {
            DatasetEntry ds = findDataset(in.getValue());
            if (ds == null) {
                ds = addDataset(in.getValue().path(), null, monitor);
                if (!ds.sha256().equals(in.getValue().sha256())) {
                    throw new AuditStoreException("case.error.resultStale", in.getKey(), ds.path(),
                            in.getValue().sha256(), ds.sha256());
                }
            }
            entries.add(ds);
            if (!ids.contains(ds.id())) {
                ids.add(ds.id());
            }
        }
        int i = 0;
        for (String role : result.inputs().roles().keySet()) {
            DatasetEntry ds = entries.get(i++);
            for (Map.Entry<String, String> r : options.columnRoles().getOrDefault(role, Map.of()).entrySet()) {
                assignRole(ds.id(), r.getKey(), r.getValue());
            }
        }
        if (options.attackerName() != null) {
            recordAttackerModel(options.attackerName(), options.attackerJson() == null ? "{}"
                    : options.attackerJson());
        }
        RunEntry run = recordRun(result.lane(), result.requestJson(), result.json(), ids);
        LOGGER.info("Case {}: run {} of lane {} recorded on datasets {}", file.getFileName(), run.id(), run.lane(),
                ids);
        return run;
    }

    private DatasetEntry findDataset(DatasetRef ref) throws AuditStoreException {
        String path = ref.path().toString();
        for (DatasetEntry d : store.datasets()) {
            if (d.path().equals(path) && d.sha256().equals(ref.sha256())) {
                return d;
            }
        }
        return null;
    }

    /**
     * Runs a lane on datasets of the case and records the run. {@code inputs} maps each input
     * role to a dataset id of the case or a file path (registered first if new). Each file must
     * still have the content it was registered with; the lane reads it bound to that SHA-256, so
     * a run always describes exactly the registered bytes.
     */
    public RunEntry run(LaneRequest request, Map<String, String> inputs, ProgressMonitor monitor)
            throws AuditException {
        return record(analyze(request, inputs, monitor), monitor);
    }

    /** Like {@link #run}, but returns the result without recording it. */
    public LaneResult<?, ?> analyze(LaneRequest request, Map<String, String> inputs, ProgressMonitor monitor)
            throws AuditException {
        Lane<?, ?> lane = lanes.require(request.lane());
        // check the request against the files before a new file is registered in the case
        LaneInputs.Builder unread = LaneInputs.builder();
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            unread.put(e.getKey(), DatasetRef.of(e.getValue().matches("\\d+")
                    ? Path.of(resolveDataset(e.getValue(), monitor).path()) : Path.of(e.getValue())));
        }
        lane.validateAny(request, unread.build());
        LaneInputs.Builder b = LaneInputs.builder();
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            DatasetEntry ds = resolveDataset(e.getValue(), monitor);
            b.put(e.getKey(), DatasetRef.expecting(Path.of(ds.path()), ds.sha256()));
        }
        LaneInputs in = b.build();
        LOGGER.info("Case {}: running lane {} on inputs {}", file.getFileName(), lane.name(), in.roles().keySet());
        return lane.analyzeAny(request, in, monitor);
    }

    /**
     * A dataset of the case by id, or by path (registered first when the case does not know the
     * file yet).
     */
    public DatasetEntry resolveDataset(String ref, ProgressMonitor monitor) throws AuditException {
        if (ref.matches("\\d+")) {
            long id = Long.parseLong(ref);
            return store.dataset(id).orElseThrow(() -> new ConfigurationException("case.error.noDataset", ref,
                    file.toString()));
        }
        Path p = Path.of(ref).toAbsolutePath().normalize();
        DatasetEntry latest = null;
        for (DatasetEntry d : store.datasets()) {
            if (Path.of(d.path()).equals(p)) {
                latest = d;
            }
        }
        return latest != null ? latest : addDataset(p, null, monitor);
    }

    /**
     * Re-runs recorded runs from their stored requests and the files their results read, and
     * compares the new results with the recorded ones ({@code case rerun}). The case is not
     * changed. With {@code dataDir}, every input is looked for as {@code dataDir/<file name>}.
     *
     * @param runIds the runs to re-run, or empty for every run
     */
    public List<RerunReport> rerun(List<Long> runIds, Path dataDir, ProgressMonitor monitor) throws AuditException {
        List<RunEntry> runs = new ArrayList<>();
        if (runIds.isEmpty()) {
            runs.addAll(store.runs());
        } else {
            for (long id : runIds) {
                runs.add(store.run(id).orElseThrow(() -> new ConfigurationException("case.error.noRun", id,
                        file.toString())));
            }
        }
        List<RerunReport> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            out.add(Rerun.run(lanes, runs.get(i), dataDir, monitor.slice((double) i / runs.size(),
                    (double) (i + 1) / runs.size())));
        }
        return out;
    }

    /** Refuses when the file at {@code where} is missing or no longer has the dataset's SHA-256. */
    void checkUnchangedAt(DatasetEntry ds, Path where, ProgressMonitor monitor) throws AuditException {
        checkUnchanged(ds, where, monitor);
    }

    /** The chain, row and seal checks of the case file alone (no data files). */
    List<VerificationItem> verifyChainOnly() throws AuditStoreException {
        return store.verifyChain();
    }

    private void checkUnchanged(DatasetEntry ds, Path where, ProgressMonitor monitor) throws AuditException {
        if (!Files.exists(where)) {
            throw new AuditStoreException("case.error.datasetMissing", ds.id(), where.toString());
        }
        DatasetFingerprint now = DatasetFingerprint.of(where, monitor);
        if (!now.sha256().equals(ds.sha256())) {
            LOGGER.info("Case {}: dataset {} changed (expected sha256 {}, found {})", file.getFileName(), ds.id(),
                    ds.sha256(), now.sha256());
            throw new AuditStoreException("case.error.datasetChanged", ds.id(), where.toString(), ds.sha256(),
                    now.sha256());
        }
    }

    /** Evaluates a policy on a stored run and stores the findings with the exact policy copy. */
    public PolicyEvaluation evaluatePolicy(long runId, String policyRef) throws AuditException {
        RunEntry run = store.run(runId).orElseThrow(() -> new ConfigurationException("case.error.noRun", runId,
                file.toString()));
        PolicyOutcome outcome = policies.evaluate(loadPolicy(policyRef), parse(run.resultJson(), "result"));
        List<NewFindings.Item> items = new ArrayList<>();
        for (Finding f : outcome.evaluation().findings()) {
            items.add(new NewFindings.Item(f.metricKey(), f.rule().operator().symbol(), f.threshold(), f.measured(),
                    f.status().name(), f.explanation()));
        }
        store.addFindings(runId, new NewFindings(outcome.profile().id(), outcome.profile().version(),
                outcome.policyJson(), items), actor);
        return outcome.evaluation();
    }

    /**
     * Loads a policy reference: a built-in id, the path of a policy file, or the id of a policy
     * recorded in this case (its latest exact copy), so that a policy imported in an earlier
     * session can be evaluated again without its file.
     */
    private PolicyProfile loadPolicy(String policyRef) throws AuditException {
        try {
            return policies.load(policyRef);
        } catch (org.releaseauditor.core.error.PolicyException e) {
            Optional<String> recorded = policyRef == null ? Optional.empty() : store.latestPolicyJsonById(policyRef);
            if (recorded.isEmpty()) {
                throw "policy.error.unknown".equals(e.messageKey())
                        ? new org.releaseauditor.core.error.PolicyException("case.error.unknownPolicy", policyRef,
                                String.join(", ", PolicyJson.BUILT_IN_IDS))
                        : e;
            }
            return policies.parse(recorded.get(), file.toString());
        }
    }

    /** The policy of a run's latest evaluation, as recorded (its exact copy), if the run was evaluated. */
    public Optional<PolicyProfile> recordedPolicy(long runId) throws AuditException {
        Optional<String> json = store.latestPolicyJson(runId);
        return json.isEmpty() ? Optional.empty() : Optional.of(policies.parse(json.get(), file.toString()));
    }

    // ------------------------------------------------------------------ decisions

    /**
     * Records a decision (the form of earlier versions). See {@link #decide(DecisionRequest, ProgressMonitor)}:
     * every output of the runs gets the outcome; approving while a finding FAILs is refused here,
     * because this form has no override justification.
     */
    public DecisionEntry decide(DecisionOutcome outcome, String conditions, String rationale, String auditor,
            List<Long> runIds, String policyRef, ProgressMonitor monitor) throws AuditException {
        return decide(DecisionRequest.builder().outcome(outcome).conditions(conditions).rationale(rationale)
                .auditor(auditor).runs(runIds).policy(policyRef).build(), monitor).details().decision();
    }

    /**
     * Records a decision with its GDPR record, per-output decisions, conditions and seal.
     *
     * <p>Rules (each violation is a {@link ConfigurationException}, exit 2 in the CLI):
     * a non-empty rationale and auditor; conditions only with APPROVE_WITH_CONDITIONS, and required
     * with it; per-output decisions must cover every output of the runs (the datasets they
     * analysed) and the release outcome is {@link DecisionRules#derive derived} from them (a given
     * outcome must agree); approving an output while a recorded finding of one of its runs FAILs
     * (latest evaluation of each policy) needs {@code overrideJustification}, and the message names
     * the failed findings; a structured condition must name a file registered in the case.
     *
     * <p>Every dataset is re-hashed first, and the decision is refused if a file changed since its
     * analysis. The store seals the state inside its write transaction: the head before the
     * decision, the result hash of each run and the hash of each output. With
     * {@code expectedHead}, the decision is refused if the case moved on meanwhile.
     */
    public Decided decide(DecisionRequest req, ProgressMonitor monitor) throws AuditException {
        if (req.rationale() == null || req.rationale().isBlank()) {
            throw new ConfigurationException("case.error.rationaleRequired");
        }
        if (req.auditor() == null || req.auditor().isBlank()) {
            throw new ConfigurationException("case.error.auditorRequired");
        }
        List<RunEntry> runs = resolveRuns(req.runIds());
        Set<Long> runOutputs = new LinkedHashSet<>();
        runs.forEach(r -> runOutputs.addAll(r.datasetIds()));

        // structured conditions: the file must be a dataset of the case
        List<ObjectNode> conditionNodes = new ArrayList<>();
        List<String> conditionTexts = new ArrayList<>();
        if (!req.conditions().isEmpty()) {
            conditionTexts.add(req.conditions());
            conditionNodes.add(JSON.createObjectNode().put("text", req.conditions()));
        }
        Set<Long> extraOutputs = new LinkedHashSet<>();
        for (DecisionRequest.ConditionInput c : req.structuredConditions()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("text", c.text() == null ? "" : c.text().strip());
            if (c.outputSha256() != null) {
                String sha = c.outputSha256().strip().toLowerCase(Locale.ROOT);
                if (!sha.matches("[0-9a-f]{64}")) {
                    throw new ConfigurationException("case.error.conditionSha", c.outputSha256());
                }
                DatasetEntry ds = store.datasets().stream().filter(d -> d.sha256().equals(sha)).findFirst()
                        .orElseThrow(() -> new ConfigurationException("case.error.conditionUnknownFile", sha,
                                file.toString()));
                ObjectNode o = n.putObject("output");
                o.put("sha256", sha);
                o.put("datasetId", ds.id());
                if (c.replaces() != null) {
                    if (!runOutputs.contains(c.replaces())) {
                        throw new ConfigurationException("case.error.conditionReplaces", c.replaces());
                    }
                    o.put("replaces", c.replaces());
                } else {
                    o.putNull("replaces");
                }
                extraOutputs.add(ds.id());
            }
            if (!n.path("text").asText().isEmpty()) {
                conditionTexts.add(n.path("text").asText());
            }
            conditionNodes.add(n);
        }

        // per-output decisions and the release outcome
        Map<Long, DecisionRequest.OutputChoice> choices = new LinkedHashMap<>();
        for (DecisionRequest.OutputChoice o : req.outputs()) {
            if (store.dataset(o.datasetId()).isEmpty()) {
                throw new ConfigurationException("case.error.noDataset", Long.toString(o.datasetId()), file.toString());
            }
            if (choices.put(o.datasetId(), o) != null) {
                throw new ConfigurationException("case.error.outputTwice", o.datasetId());
            }
        }
        boolean hasConditions = !conditionTexts.isEmpty();
        DecisionOutcome outcome;
        if (choices.isEmpty()) {
            if (req.outcome() == null) {
                throw new ConfigurationException("case.error.outcomeRequired");
            }
            outcome = req.outcome();
            boolean approve = outcome != DecisionOutcome.REJECT;
            for (long id : runOutputs) {
                choices.put(id, new DecisionRequest.OutputChoice(id, approve, ""));
            }
        } else {
            List<Long> missing = runOutputs.stream().filter(id -> !choices.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw new ConfigurationException("case.error.outputMissing", missing.toString());
            }
            outcome = DecisionRules.derive(choices.values().stream().map(DecisionRequest.OutputChoice::approve)
                    .toList(), hasConditions);
            if (req.outcome() != null && req.outcome() != outcome) {
                throw new ConfigurationException("case.error.outcomeMismatch", req.outcome(), outcome);
            }
        }
        List<Long> approvedIds = choices.values().stream().filter(DecisionRequest.OutputChoice::approve)
                .map(DecisionRequest.OutputChoice::datasetId).toList();
        String cond = String.join("; ", conditionTexts);
        if (outcome == DecisionOutcome.APPROVE_WITH_CONDITIONS && cond.isEmpty()) {
            if (approvedIds.size() < choices.size()) {
                cond = Messages.get("case.condition.onlyApproved", approvedIds.toString());
                conditionNodes.add(JSON.createObjectNode().put("text", cond));
            } else {
                throw new ConfigurationException("case.error.conditionsRequired");
            }
        }
        if (outcome != DecisionOutcome.APPROVE_WITH_CONDITIONS && !cond.isEmpty()) {
            throw new ConfigurationException("case.error.conditionsOnlyWithConditions", outcome);
        }

        // re-hash every output before deciding
        Set<Long> dsIds = new LinkedHashSet<>(runOutputs);
        dsIds.addAll(choices.keySet());
        dsIds.addAll(extraOutputs);
        Map<String, String> shas = new TreeMap<>();
        for (long id : dsIds) {
            DatasetEntry ds = store.dataset(id).orElseThrow();
            checkUnchanged(ds, Path.of(ds.path()), monitor);
            shas.put(Long.toString(id), ds.sha256());
        }
        // an approval over failing findings needs an override justification
        List<FailedFinding> failed = DecisionRules.overridden(
                failingFindings(runs.stream().map(RunEntry::id).toList()), outcome, approvedIds);
        String override = req.overrideJustification() == null ? null : req.overrideJustification().strip();
        if (override != null && override.isEmpty()) {
            override = null;
        }
        if (!failed.isEmpty() && override == null) {
            throw new ConfigurationException("case.error.overrideRequired",
                    String.join("; ", failed.stream().map(FailedFinding::describe).toList()));
        }

        String policyJson = null;
        if (req.policyRef() != null && !req.policyRef().isBlank()) {
            policyJson = policies.toJson(loadPolicy(req.policyRef()));
        } else {
            for (RunEntry r : runs) {
                Optional<String> p = store.latestPolicyJson(r.id());
                if (p.isPresent()) {
                    policyJson = p.get();
                }
            }
        }
        boolean reviewRequired = requiresReview(policyJson);
        ArrayNode overridden = JSON.createArrayNode();
        if (override != null) {
            for (FailedFinding f : failed) {
                ObjectNode o = overridden.addObject();
                o.put("run", f.runId());
                o.put("finding", f.findingId());
                o.put("policy", f.policyId());
                o.put("metric", f.metric());
                o.put("operator", f.operator());
                o.put("threshold", Double.toString(f.threshold()));
                o.put("measured", f.measured() == null ? null : Double.toString(f.measured()));
            }
        }
        String controller = req.controller() == null || req.controller().isBlank() ? info().controller()
                : req.controller().strip();
        List<NewDecision.NewOutput> outs = new ArrayList<>();
        for (DecisionRequest.OutputChoice o : choices.values()) {
            outs.add(new NewDecision.NewOutput(o.datasetId(), o.approve(), o.comment()));
        }
        ArrayNode condArray = JSON.createArrayNode();
        conditionNodes.forEach(condArray::add);
        NewDecision.NewDecisionRecord record = new NewDecision.NewDecisionRecord(req.purpose(),
                req.legalBasis().stream().sorted().map(LegalBasis::name).toList(), req.legalBasisText(),
                req.recipients(), req.retention(), controller, override, overridden.toString(), condArray.toString(),
                reviewRequired, outs);
        ObjectNode shaJson = JSON.createObjectNode();
        shas.forEach(shaJson::put);
        DecisionEntry d = store.addDecision(new NewDecision(outcome, cond, req.rationale().strip(),
                req.auditor().strip(), shaJson.toString(), policyJson, runs.stream().map(RunEntry::id).toList(),
                record, req.expectedHead()));
        return new Decided(details(d), store.lastReceipt().orElseThrow());
    }

    private List<RunEntry> resolveRuns(List<Long> runIds) throws AuditException {
        List<RunEntry> runs = new ArrayList<>();
        if (runIds == null || runIds.isEmpty()) {
            runs.addAll(store.runs());
        } else {
            for (long id : runIds) {
                runs.add(store.run(id).orElseThrow(() -> new ConfigurationException("case.error.noRun", id,
                        file.toString())));
            }
        }
        if (runs.isEmpty()) {
            throw new ConfigurationException("case.error.noRuns", file.toString());
        }
        return runs;
    }

    static boolean requiresReview(String policyJson) {
        if (policyJson == null) {
            return false;
        }
        try {
            return PolicyJson.parse(policyJson, "decision policy").requireSecondReviewer();
        } catch (AuditException e) {
            return false;
        }
    }

    /**
     * The recorded findings that FAIL on the given runs (all runs when empty): of each policy
     * evaluated on a run, those of its latest evaluation. The GUI shows them next to the override
     * field; approving an output of such a run needs an override justification.
     */
    public List<FailedFinding> failingFindings(List<Long> runIds) throws AuditException {
        List<FailedFinding> out = new ArrayList<>();
        for (RunEntry r : resolveRuns(runIds)) {
            for (FindingEntry f : DecisionRules.latestPerPolicy(store.findings(r.id()))) {
                if ("FAIL".equals(f.status())) {
                    out.add(new FailedFinding(r.id(), f.id(), f.policyId(), f.metric(), f.operator(), f.threshold(),
                            f.measured(), f.explanation(), r.datasetIds()));
                }
            }
        }
        return out;
    }

    /** A decision with its record, outputs and reviews. */
    public DecisionDetails details(DecisionEntry d) throws AuditStoreException {
        List<Review> reviews = store.reviews().stream().filter(r -> r.decisionId() == d.id()).toList();
        Optional<DecisionRecord> rec = store.decisionRecord(d.id());
        boolean required = rec.map(DecisionRecord::reviewRequired).orElse(requiresReview(d.policyJson()));
        return new DecisionDetails(d, rec, store.outputDecisions(d.id()), reviews, required);
    }

    /** The decision in force with everything recorded about it. */
    public Optional<DecisionDetails> currentDecisionDetails() throws AuditStoreException {
        Optional<DecisionEntry> d = currentDecision();
        return d.isPresent() ? Optional.of(details(d.get())) : Optional.empty();
    }

    /**
     * The second reviewer signs the decision in force (four eyes), as its own chained event.
     * Refused (usage error) when there is no decision, the reviewer is blank, is the decider, or
     * has signed this decision already.
     */
    public Reviewed review(String reviewer, String comment) throws AuditException {
        if (reviewer == null || reviewer.isBlank()) {
            throw new ConfigurationException("case.error.reviewerRequired");
        }
        DecisionEntry current = currentDecision().orElseThrow(() -> new ConfigurationException(
                "case.error.nothingToReview", file.toString()));
        String who = reviewer.strip();
        if (samePerson(who, current.auditor())) {
            throw new ConfigurationException("case.error.reviewerIsDecider", who, current.id());
        }
        for (Review r : store.reviews()) {
            if (r.decisionId() == current.id() && samePerson(r.reviewer(), who)) {
                throw new ConfigurationException("case.error.alreadyReviewed", who, current.id());
            }
        }
        Review r = store.addReview(current.id(), who, comment == null ? "" : comment.strip());
        return new Reviewed(r, store.lastReceipt().orElseThrow());
    }

    /** Names compare case-insensitively, with runs of white space as one space. */
    static boolean samePerson(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether the case ends in a decision in force, awaits a review, or is still open. */
    public CaseStatus status() throws AuditStoreException {
        Optional<DecisionDetails> cur = currentDecisionDetails();
        return DecisionRules.status(store.events(), store.decisions(), store.reviews(),
                cur.map(DecisionDetails::reviewRequired).orElse(false));
    }

    /**
     * Checks a receipt: the case must still contain the event whose hash is {@code head}. A
     * missing head means events were cut from the end, or the file was replaced.
     */
    public VerificationItem verifyHead(String head) throws AuditException {
        String h = head == null ? "" : head.strip().toLowerCase(Locale.ROOT);
        if (!h.matches("[0-9a-f]{64}")) {
            throw new ConfigurationException("case.error.badHead", String.valueOf(head));
        }
        String subject = Messages.get("verify.subject.head", h);
        List<AuditEvent> events = store.events();
        for (AuditEvent e : events) {
            if (e.hash().equals(h)) {
                return new VerificationItem("head", subject, true, Messages.get("verify.head.ok", e.id(),
                        events.size()));
            }
        }
        return new VerificationItem("head", subject, false, Messages.get("verify.head.missing", events.size()));
    }

    /** Writes a consistent copy of the case file (for export and backups). */
    public void copyTo(Path target) throws AuditStoreException {
        store.backupTo(target);
    }

    /** The decision in force: the latest one (it supersedes all earlier ones). */
    public Optional<DecisionEntry> currentDecision() throws AuditStoreException {
        List<DecisionEntry> d = store.decisions();
        return d.isEmpty() ? Optional.empty() : Optional.of(d.get(d.size() - 1));
    }

    // ------------------------------------------------------------------ reading

    public List<DatasetEntry> datasets() throws AuditStoreException {
        return store.datasets();
    }

    public List<RoleAssignment> roleAssignments() throws AuditStoreException {
        return store.roleAssignments();
    }

    public List<AttackerModel> attackerModels() throws AuditStoreException {
        return store.attackerModels();
    }

    public List<RunEntry> runs() throws AuditStoreException {
        return store.runs();
    }

    public List<FindingEntry> findings(long runId) throws AuditStoreException {
        return store.findings(runId);
    }

    public List<DecisionEntry> decisions() throws AuditStoreException {
        return store.decisions();
    }

    /** The event log, oldest first. */
    public List<AuditEvent> history() throws AuditStoreException {
        return store.events();
    }

    public String headHash() throws AuditStoreException {
        return store.headHash();
    }

    // ------------------------------------------------------------------ verify

    /**
     * Recomputes the chain and row digests and re-hashes every dataset file, at its recorded path
     * or, with {@code dataDir}, at {@code dataDir/<file name>}.
     */
    public VerificationReport verify(Path dataDir, ProgressMonitor monitor) throws AuditStoreException {
        List<VerificationItem> items = new ArrayList<>(store.verifyChain());
        for (DatasetEntry ds : store.datasets()) {
            monitor.checkCancelled();
            Path recorded = Path.of(ds.path());
            Path where = dataDir == null ? recorded : dataDir.resolve(recorded.getFileName());
            String subject = Messages.get("verify.subject.file", ds.id(), where);
            if (!Files.isRegularFile(where)) {
                items.add(new VerificationItem("file", subject, false, Messages.get("verify.file.missing")));
                continue;
            }
            try {
                DatasetFingerprint fp = DatasetFingerprint.of(where, monitor);
                boolean ok = fp.sha256().equals(ds.sha256());
                items.add(new VerificationItem("file", subject, ok, ok ? Messages.get("verify.file.ok", fp.sha256())
                        : Messages.get("verify.file.changed", ds.sha256(), fp.sha256())));
            } catch (DatasetFormatException e) {
                items.add(new VerificationItem("file", subject, false, e.getLocalizedMessage()));
            }
        }
        String head = store.headHash();
        long n = store.events().size();
        VerificationReport report = new VerificationReport(items, head, n, status());
        LOGGER.info("Case {}: verify {} ({} events, head {})", file.getFileName(), report.allOk() ? "OK" : "BROKEN",
                n, head);
        return report;
    }

    // ------------------------------------------------------------------ helpers

    private static String requireJson(String json, String what) throws ConfigurationException {
        parse(json, what);
        return json;
    }

    static JsonNode parse(String json, String what) throws ConfigurationException {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null) {
                throw new ConfigurationException("case.error.badJson", what, "empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("case.error.badJson", what, e.getOriginalMessage());
        }
    }

    /** The underlying store, for the report service. */
    AuditStore store() {
        return store;
    }

    @Override
    public void close() throws AuditStoreException {
        store.close();
    }
}
