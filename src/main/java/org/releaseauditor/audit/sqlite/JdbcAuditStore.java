package org.releaseauditor.audit.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.releaseauditor.audit.AuditStore;
import org.releaseauditor.audit.LockWait;
import org.releaseauditor.audit.NewDataset;
import org.releaseauditor.audit.NewDecision;
import org.releaseauditor.audit.NewFindings;
import org.releaseauditor.audit.NewRun;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Receipt;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case file as an SQLite database (sqlite-jdbc). This class opens and closes the file and
 * serialises access; the work is split by job: {@link CaseSchema} (file format and migrations),
 * {@link CaseFileLock} (one writer per file identity), {@link EventChain} (appending to the hash
 * chain), {@link CaseRecorder} (the writes), {@link CaseQueries} (the reads) and
 * {@link ChainVerifier} (verification).
 *
 * <p>Durability: {@code synchronous=FULL}, foreign keys on, every write in one {@code BEGIN
 * IMMEDIATE} transaction that also appends its hash-chained event; write-ahead log while a writer
 * has the file open, rollback journal at rest. Concurrency: every method of one store runs one at
 * a time (the GUI may call from several threads); a write holds the case's write lock for its
 * transaction only, so several instances may write the same case one after the other, each
 * appending at the position it reads inside its own transaction.
 */
public final class JdbcAuditStore implements AuditStore {

    /** The schema version this application writes; a newer file is refused. */
    public static final int CURRENT_VERSION = CaseSchema.CURRENT_VERSION;
    /** SQLite {@code application_id} of case files: ASCII "RCAS". */
    public static final int APPLICATION_ID = CaseSchema.APPLICATION_ID;
    /** File name extension of case files. */
    public static final String EXTENSION = ".rcase";

    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcAuditStore.class);

    private final Path file;
    private final Connection conn;
    private final CaseAccess access;
    private final CaseFileLock.Identity identity;
    private final EventChain chain;
    private final CaseQueries queries;
    private final CaseRecorder recorder;
    private boolean closed;

    private JdbcAuditStore(CaseFileLock.Identity identity, Connection conn, CaseAccess access, String appVersion) {
        this.identity = identity;
        this.file = identity.canonical();
        this.conn = conn;
        this.access = access;
        this.chain = new EventChain(conn, file, identity, appVersion);
        this.queries = new CaseQueries(conn, file);
        this.recorder = new CaseRecorder(chain, queries, file);
    }

    // ------------------------------------------------------------------ opening

    /** Creates a new case file (it must not exist yet) and records the CASE_CREATED event. */
    public static JdbcAuditStore create(Path file, CaseInfo info, String actor, String appVersion)
            throws AuditStoreException {
        return create(file, info, actor, appVersion, LockWait.defaults());
    }

    /** As {@link #create(Path, CaseInfo, String, String)}, waiting for the lock as {@code wait} says. */
    public static JdbcAuditStore create(Path file, CaseInfo info, String actor, String appVersion, LockWait wait)
            throws AuditStoreException {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.exists(abs) || Files.isSymbolicLink(abs)) {
            throw new AuditStoreException("audit.error.exists", abs.toString());
        }
        Path canonical;
        try {
            canonical = abs.getParent().toRealPath().resolve(abs.getFileName());
        } catch (java.io.IOException e) {
            throw new AuditStoreException(e, "audit.error.sql", abs.toString(), String.valueOf(e.getMessage()));
        }
        CaseFileLock.Identity pending = new CaseFileLock.Identity(canonical, null, 1);
        JdbcAuditStore store = null;
        try (CaseFileLock.Held held = CaseFileLock.acquire(pending, wait)) {
            if (Files.exists(canonical)) {
                throw new AuditStoreException("audit.error.exists", canonical.toString());
            }
            Connection c = CaseSchema.connect(canonical, false);
            try (Statement st = c.createStatement()) {
                CaseSchema.enableWal(c);
                st.execute("PRAGMA application_id=" + APPLICATION_ID);
                CaseSchema.migrate(c, canonical, 0);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            store = new JdbcAuditStore(CaseFileLock.identify(canonical), c, CaseAccess.READ_WRITE, appVersion);
            store.chain.setLockWait(wait);
            store.recorder.insertCaseMeta(info, actor, held);
            LOGGER.info("Created case file {}", canonical);
            return store;
        } catch (SQLException e) {
            closeQuietly(store);
            throw SqlErrors.translate(e, canonical);
        } catch (AuditStoreException | RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /**
     * Opens an existing case. With {@code readOnly} false, the case is opened for writing unless
     * the file or its folder is not writable (then read-only, and {@link #access()} says why). A
     * case file with more than one hard link is refused for writing.
     */
    public static JdbcAuditStore open(Path file, boolean readOnly, String appVersion) throws AuditStoreException {
        return open(file, readOnly, appVersion, LockWait.defaults());
    }

    /** As {@link #open(Path, boolean, String)}, waiting for the lock as {@code wait} says. */
    public static JdbcAuditStore open(Path file, boolean readOnly, String appVersion, LockWait wait)
            throws AuditStoreException {
        CaseFileLock.Identity id = CaseFileLock.identify(file);
        Path real = id.canonical();
        if (!Files.isRegularFile(real)) {
            throw new AuditStoreException("audit.error.notFound", real.toString());
        }
        CaseSchema.checkHeader(real);
        CaseAccess access = CaseAccess.READ_ONLY_REQUESTED;
        if (!readOnly) {
            if (!Files.isWritable(real) || !Files.isWritable(real.getParent())) {
                access = CaseAccess.READ_ONLY_NOT_WRITABLE;
            } else {
                CaseFileLock.requireSingleLink(id);
                access = CaseAccess.READ_WRITE;
            }
        }
        boolean ro = access != CaseAccess.READ_WRITE;
        Connection c;
        try {
            c = CaseSchema.connect(real, ro);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, real);
        }
        JdbcAuditStore store = new JdbcAuditStore(id, c, access, appVersion);
        store.chain.setLockWait(wait);
        try {
            if (ro) {
                CaseSchema.validate(c, real);
            } else {
                try (CaseFileLock.Held held = CaseFileLock.acquire(id, wait)) {
                    CaseSchema.enableWal(c);
                    int version = CaseSchema.validate(c, real);
                    if (version < CURRENT_VERSION) {
                        CaseSchema.migrate(c, real, version);
                    }
                }
            }
        } catch (SQLException e) {
            closeQuietly(store);
            throw SqlErrors.translate(e, real);
        } catch (AuditStoreException | RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
        LOGGER.info("Opened case file {} ({})", real, access);
        return store;
    }

    // ------------------------------------------------------------------ accessors

    @Override
    public CaseAccess access() {
        return access;
    }

    @Override
    public String lockHolder() {
        return "";
    }

    /** The case file (its canonical path: symbolic links resolved). */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void setLockWait(LockWait wait) {
        chain.setLockWait(wait);
    }

    @Override
    public Optional<Receipt> lastReceipt() {
        return Optional.ofNullable(chain.lastReceipt());
    }

    @Override
    public synchronized int schemaVersion() throws AuditStoreException {
        return queries.schemaVersion();
    }

    private void requireWritable() throws AuditStoreException {
        if (readOnly()) {
            throw new AuditStoreException("audit.error.readOnly", file.toString());
        }
        if (closed) {
            throw new AuditStoreException("audit.error.closed", file.toString());
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public synchronized DatasetEntry addDataset(NewDataset d, String actor) throws AuditStoreException {
        requireWritable();
        return recorder.addDataset(d, actor);
    }

    @Override
    public synchronized RoleAssignment addRoleAssignment(long datasetId, String column, String role, String actor)
            throws AuditStoreException {
        requireWritable();
        return recorder.addRoleAssignment(datasetId, column, role, actor);
    }

    @Override
    public synchronized AttackerModel addAttackerModel(String name, String modelJson, String actor)
            throws AuditStoreException {
        requireWritable();
        return recorder.addAttackerModel(name, modelJson, actor);
    }

    @Override
    public synchronized RunEntry addRun(NewRun run, String actor) throws AuditStoreException {
        requireWritable();
        return recorder.addRun(run, actor);
    }

    @Override
    public synchronized List<FindingEntry> addFindings(long runId, NewFindings nf, String actor)
            throws AuditStoreException {
        requireWritable();
        return recorder.addFindings(runId, nf, actor);
    }

    @Override
    public synchronized DecisionEntry addDecision(NewDecision d) throws AuditStoreException {
        requireWritable();
        return recorder.addDecision(d);
    }

    @Override
    public synchronized Review addReview(long decisionId, String reviewer, String comment)
            throws AuditStoreException {
        requireWritable();
        return recorder.addReview(decisionId, reviewer, comment);
    }

    @Override
    public synchronized AuditEvent appendEvent(String actor, String action, String datasetSha256, String policyJson,
            String resultJson, String rationale) throws AuditStoreException {
        requireWritable();
        return recorder.appendEvent(actor, action, datasetSha256, policyJson, resultJson, rationale);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public synchronized CaseInfo caseInfo() throws AuditStoreException {
        return queries.caseInfo();
    }

    @Override
    public synchronized List<DatasetEntry> datasets() throws AuditStoreException {
        return queries.datasets();
    }

    @Override
    public synchronized Optional<DatasetEntry> dataset(long id) throws AuditStoreException {
        return queries.dataset(id);
    }

    @Override
    public synchronized List<RoleAssignment> roleAssignments() throws AuditStoreException {
        return queries.roleAssignments();
    }

    @Override
    public synchronized List<AttackerModel> attackerModels() throws AuditStoreException {
        return queries.attackerModels();
    }

    @Override
    public synchronized List<RunEntry> runs() throws AuditStoreException {
        return queries.runs();
    }

    @Override
    public synchronized Optional<RunEntry> run(long id) throws AuditStoreException {
        return queries.run(id);
    }

    @Override
    public synchronized List<FindingEntry> findings(long runId) throws AuditStoreException {
        return queries.findings(runId);
    }

    @Override
    public synchronized List<DecisionEntry> decisions() throws AuditStoreException {
        return queries.decisions();
    }

    @Override
    public synchronized Optional<DecisionRecord> decisionRecord(long decisionId) throws AuditStoreException {
        return queries.decisionRecord(decisionId);
    }

    @Override
    public synchronized List<OutputDecision> outputDecisions(long decisionId) throws AuditStoreException {
        return queries.outputDecisions(decisionId);
    }

    @Override
    public synchronized List<Review> reviews() throws AuditStoreException {
        return queries.reviews();
    }

    @Override
    public synchronized Optional<String> latestPolicyJson(long runId) throws AuditStoreException {
        return queries.latestPolicyJson(runId);
    }

    @Override
    public synchronized Optional<String> latestPolicyJsonById(String policyId) throws AuditStoreException {
        return queries.latestPolicyJsonById(policyId);
    }

    @Override
    public synchronized List<AuditEvent> events() throws AuditStoreException {
        return queries.events();
    }

    @Override
    public synchronized String headHash() throws AuditStoreException {
        return queries.headHash();
    }

    /** The canonical JSON of an event (everything except prev_hash and hash). */
    public static String canonicalEvent(long id, String occurredAt, String actor, String action, String datasetSha256,
            String policyJson, String resultJson, String rationale, String appVersion) {
        return EventChain.canonicalEvent(id, occurredAt, actor, action, datasetSha256, policyJson, resultJson,
                rationale, appVersion);
    }

    /** hash = SHA-256(prev_hash ‖ canonical JSON), over UTF-8 bytes, lower-case hex. */
    public static String eventHash(String prevHash, String canonicalJson) {
        return EventChain.eventHash(prevHash, canonicalJson);
    }

    // ------------------------------------------------------------------ verification

    @Override
    public synchronized List<VerificationItem> verifyChain() throws AuditStoreException {
        try {
            return ChainVerifier.verify(queries, queries.schemaVersion());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    @Override
    public synchronized void backupTo(Path target) throws AuditStoreException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            throw new AuditStoreException("audit.error.exists", abs.toString());
        }
        try (java.sql.PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, abs.toString());
            ps.execute();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    /** A pragma value of this connection as text (tests check the durability settings). */
    synchronized String pragma(String name) throws SQLException {
        return queries.pragma(name);
    }

    // ------------------------------------------------------------------ closing

    @Override
    public synchronized void close() throws AuditStoreException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!readOnly()) {
                // fold the write-ahead log into the file, unless another writer is busy right now
                try (CaseFileLock.Held held = CaseFileLock.acquire(identity, new LockWait(Duration.ZERO, null))) {
                    CaseSchema.toRest(conn, file);
                } catch (AuditStoreException e) {
                    LOGGER.debug("Case file {} left in WAL mode: {}", file, e.getMessage());
                }
            }
            conn.close();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) { // NOPMD - best effort clean-up after an earlier error
            LOGGER.debug("close failed", e);
        }
    }
}
