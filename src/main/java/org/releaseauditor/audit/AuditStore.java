package org.releaseauditor.audit;

import java.util.List;
import java.util.Optional;
import org.releaseauditor.core.casefile.AttackerModel;
import org.releaseauditor.core.casefile.AuditEvent;
import org.releaseauditor.core.casefile.CaseAccess;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionEntry;
import org.releaseauditor.core.casefile.DecisionRecord;
import org.releaseauditor.core.casefile.OutputDecision;
import org.releaseauditor.core.casefile.Receipt;
import org.releaseauditor.core.casefile.Review;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditStoreException;

/**
 * An open audit case. Every write appends a row and the event that binds it to the hash chain
 * in one transaction; nothing is ever updated or deleted. Implementations are thread-safe:
 * operations on one store run one at a time, and writes to one case file are serialised across
 * stores, threads and processes (a writer that finds the case busy waits up to
 * {@link #setLockWait its limit}, then the write is refused with "busy, try again").
 */
public interface AuditStore extends AutoCloseable {

    /** How the case was opened (read-write, or read-only and why). */
    CaseAccess access();

    /** For {@link CaseAccess#READ_ONLY_LOCKED}: who holds the write lock, else empty. */
    String lockHolder();

    /** Whether writes are refused. */
    default boolean readOnly() {
        return access() != CaseAccess.READ_WRITE;
    }

    /** The schema version of the file. */
    int schemaVersion() throws AuditStoreException;

    CaseInfo caseInfo() throws AuditStoreException;

    DatasetEntry addDataset(NewDataset dataset, String actor) throws AuditStoreException;

    RoleAssignment addRoleAssignment(long datasetId, String column, String role, String actor)
            throws AuditStoreException;

    AttackerModel addAttackerModel(String name, String modelJson, String actor) throws AuditStoreException;

    RunEntry addRun(NewRun run, String actor) throws AuditStoreException;

    /** Stores all findings of one policy evaluation of one run, under one event. */
    List<FindingEntry> addFindings(long runId, NewFindings findings, String actor) throws AuditStoreException;

    /**
     * Stores a decision; the store fills in the chain head and the superseded decision, and, with
     * a record, seals the state it rests on (head, run result hashes, output hashes).
     */
    DecisionEntry addDecision(NewDecision decision) throws AuditStoreException;

    /**
     * Records a second reviewer's sign-off of a decision as its own event. Refused when the
     * decision is no longer the one in force.
     */
    Review addReview(long decisionId, String reviewer, String comment) throws AuditStoreException;

    /** Appends a free event that references no row (notes, tests). */
    AuditEvent appendEvent(String actor, String action, String datasetSha256, String policyJson,
            String resultJson, String rationale) throws AuditStoreException;

    List<DatasetEntry> datasets() throws AuditStoreException;

    Optional<DatasetEntry> dataset(long id) throws AuditStoreException;

    List<RoleAssignment> roleAssignments() throws AuditStoreException;

    List<AttackerModel> attackerModels() throws AuditStoreException;

    List<RunEntry> runs() throws AuditStoreException;

    Optional<RunEntry> run(long id) throws AuditStoreException;

    List<FindingEntry> findings(long runId) throws AuditStoreException;

    List<DecisionEntry> decisions() throws AuditStoreException;

    /** The schema-2 record of a decision (GDPR fields, override, seal), if it has one. */
    Optional<DecisionRecord> decisionRecord(long decisionId) throws AuditStoreException;

    /** The per-output decisions of a decision (empty for decisions without a record). */
    List<OutputDecision> outputDecisions(long decisionId) throws AuditStoreException;

    /** Every review, oldest first. */
    List<Review> reviews() throws AuditStoreException;

    /** The exact policy copy of the latest evaluation of a run, if it was evaluated. */
    Optional<String> latestPolicyJson(long runId) throws AuditStoreException;

    /** The exact copy of the latest evaluation with the policy of that id, in any run, if one was recorded. */
    Optional<String> latestPolicyJsonById(String policyId) throws AuditStoreException;

    List<AuditEvent> events() throws AuditStoreException;

    /** Hash of the last event, or the genesis value (64 zeros) for an empty log. */
    String headHash() throws AuditStoreException;

    /**
     * Recomputes the chain and the row digests (not the dataset files, which the service
     * re-hashes). Each item is OK or BROKEN with what is wrong.
     */
    List<VerificationItem> verifyChain() throws AuditStoreException;

    /**
     * The receipt of the calling thread's last write through this store: the event it appended
     * and the new head hash. Empty before the first write.
     */
    Optional<Receipt> lastReceipt();

    /**
     * Writes a consistent copy of the whole case to {@code target} (which must not exist), even
     * while other writers append: SQLite's {@code VACUUM INTO}. The copy verifies on its own.
     */
    void backupTo(java.nio.file.Path target) throws AuditStoreException;

    /** How long writes wait for a case another writer is busy with. */
    void setLockWait(LockWait wait);

    @Override
    void close() throws AuditStoreException;
}
