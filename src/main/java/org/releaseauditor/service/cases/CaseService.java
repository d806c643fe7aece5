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
import org.releaseauditor.audit.AuditStore;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.audit.sqlite.JdbcAuditStore;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.CaseInfo;
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
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.service.AppVersion;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.policy.PolicyOutcome;
import org.releaseauditor.service.policy.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit-case use cases shared by the CLI and the GUI: create and open a case, register
 * datasets, record roles, attacker models and analysis runs, evaluate policies, decide, list the
 * history and verify. One instance wraps one open case file; close it when done.
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
     * copied. {@code schemaJson} may be null: the header line is then read for column names.
     */
    public DatasetEntry addDataset(Path data, String schemaJson, ProgressMonitor monitor) throws AuditException {
        DatasetFingerprint fp = DatasetFingerprint.of(data, monitor);
        String schema = schemaJson != null ? requireJson(schemaJson, "schema") : headerSchema(fp.path());
        return store.addDataset(new NewDataset(fp.path().toString(), fp.sha256(), fp.sizeBytes(), fp.lastModified(),
                schema), actor);
    }

    /** A minimal schema from the first line of a delimited text file: column names only. */
    static String headerSchema(Path file) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cols = root.putArray("columns");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buf = new char[65536];
            int n = r.read(buf);
            String text = n <= 0 ? "" : new String(buf, 0, n);
            int nl = text.indexOf('\n');
            String head = (nl >= 0 ? text.substring(0, nl) : text).replace("\r", "");
            if (head.startsWith("\uFEFF")) {
                head = head.substring(1);
            }
            char d = head.indexOf('\t') >= 0 ? '\t' : head.indexOf(';') >= 0 ? ';' : ',';
            root.put("delimiter", String.valueOf(d));
            for (String c : head.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1)) {
                cols.add(c.strip().replaceAll("^\"|\"$", ""));
            }
        } catch (IOException e) {
            root.put("note", "header not readable as UTF-8 text");
        }
        return root.toString();
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
        PolicyOutcome outcome = policies.evaluate(policyRef, parse(run.resultJson(), "result"));
        List<NewFindings.Item> items = new ArrayList<>();
        for (Finding f : outcome.evaluation().findings()) {
            items.add(new NewFindings.Item(f.metricKey(), f.rule().operator().symbol(), f.threshold(), f.measured(),
                    f.status().name(), f.explanation()));
        }
        store.addFindings(runId, new NewFindings(outcome.profile().id(), outcome.profile().version(),
                outcome.policyJson(), items), actor);
        return outcome.evaluation();
    }

    // ------------------------------------------------------------------ decisions

    /**
     * Records a decision. Requires a non-empty rationale and auditor name (and conditions for
     * {@link DecisionOutcome#APPROVE_WITH_CONDITIONS}). It rests on {@code runIds} (all runs when
     * empty); every dataset of those runs is re-hashed first and the decision is refused if a
     * file changed since its analysis. The policy copy is {@code policyRef}'s, or else the one of
     * the latest evaluation of those runs.
     */
    public DecisionEntry decide(DecisionOutcome outcome, String conditions, String rationale, String auditor,
            List<Long> runIds, String policyRef, ProgressMonitor monitor) throws AuditException {
        if (rationale == null || rationale.isBlank()) {
            throw new ConfigurationException("case.error.rationaleRequired");
        }
        if (auditor == null || auditor.isBlank()) {
            throw new ConfigurationException("case.error.auditorRequired");
        }
        String cond = conditions == null ? "" : conditions.strip();
        if (outcome == DecisionOutcome.APPROVE_WITH_CONDITIONS && cond.isEmpty()) {
            throw new ConfigurationException("case.error.conditionsRequired");
        }
        if (outcome != DecisionOutcome.APPROVE_WITH_CONDITIONS && !cond.isEmpty()) {
            throw new ConfigurationException("case.error.conditionsOnlyWithConditions", outcome);
        }
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
        Set<Long> dsIds = new LinkedHashSet<>();
        runs.forEach(r -> dsIds.addAll(r.datasetIds()));
        Map<String, String> shas = new TreeMap<>();
        for (long id : dsIds) {
            DatasetEntry ds = store.dataset(id).orElseThrow();
            checkUnchanged(ds, Path.of(ds.path()), monitor);
            shas.put(Long.toString(id), ds.sha256());
        }
        String policyJson = null;
        if (policyRef != null && !policyRef.isBlank()) {
            policyJson = policies.toJson(policies.load(policyRef));
        } else {
            for (RunEntry r : runs) {
                Optional<String> p = store.latestPolicyJson(r.id());
                if (p.isPresent()) {
                    policyJson = p.get();
                }
            }
        }
        ObjectNode shaJson = JSON.createObjectNode();
        shas.forEach(shaJson::put);
        return store.addDecision(new NewDecision(outcome, cond, rationale.strip(), auditor.strip(),
                shaJson.toString(), policyJson, runs.stream().map(RunEntry::id).toList()));
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
        VerificationReport report = new VerificationReport(items, head, n);
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
