package org.releaseauditor.audit.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.releaseauditor.audit.AuditStore;
import org.releaseauditor.audit.CanonicalJson;
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
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RoleAssignment;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.casefile.VerificationItem;
import org.releaseauditor.core.error.AuditStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The case file as an SQLite database (sqlite-jdbc).
 *
 * <p>Durability: WAL journal, {@code synchronous=FULL}, foreign keys on, every write in one
 * {@code BEGIN IMMEDIATE} transaction that also appends its hash-chained event. Locking: a
 * read-write instance holds an exclusive OS lock on {@code <case>.lock} (released by the OS when
 * the process dies, so a crash never leaves a stale lock); a second instance that cannot get the
 * lock opens the case read-only. SQLite's own file locking protects the database itself.
 */
public final class JdbcAuditStore implements AuditStore {

    /** The schema version this application writes; a newer file is refused. */
    public static final int CURRENT_VERSION = 1;
    /** SQLite {@code application_id} of case files: ASCII "RCAS". */
    public static final int APPLICATION_ID = 0x52434153;
    /** File name extension of case files. */
    public static final String EXTENSION = ".rcase";

    private static final Logger LOGGER = LoggerFactory.getLogger(JdbcAuditStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MIGRATIONS = List.of("V001__init.sql");
    private static final List<String> ROW_TABLES = List.of("case_meta", "dataset", "role_assignment",
            "attacker_model", "analysis_run", "finding", "decision");

    private final Path file;
    private final Connection conn;
    private final CaseAccess access;
    private final String lockHolder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String appVersion;

    private JdbcAuditStore(Path file, Connection conn, CaseAccess access, String lockHolder, FileChannel lockChannel,
            FileLock lock, String appVersion) {
        this.file = file;
        this.conn = conn;
        this.access = access;
        this.lockHolder = lockHolder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.appVersion = appVersion;
    }

    // ------------------------------------------------------------------ opening

    /** Creates a new case file (it must not exist yet) and records the CASE_CREATED event. */
    public static JdbcAuditStore create(Path file, CaseInfo info, String actor, String appVersion)
            throws AuditStoreException {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            throw new AuditStoreException("audit.error.exists", abs.toString());
        }
        LockResult lr = tryLock(abs);
        if (lr.lock == null) {
            closeQuietly(lr.channel);
            throw new AuditStoreException("audit.error.lockedCreate", abs.toString(), lr.holder);
        }
        JdbcAuditStore store = null;
        try {
            Connection c = connect(abs, false);
            store = new JdbcAuditStore(abs, c, CaseAccess.READ_WRITE, "", lr.channel, lr.lock, appVersion);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA application_id=" + APPLICATION_ID);
            }
            store.migrate(0);
            store.insertCaseMeta(info, actor);
            LOGGER.info("Created case file {}", abs);
            return store;
        } catch (SQLException e) {
            if (store != null) {
                closeQuietly(store);
            } else {
                releaseQuietly(lr);
            }
            throw new AuditStoreException(e, "audit.error.sql", abs.toString(), String.valueOf(e.getMessage()));
        } catch (AuditStoreException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /**
     * Opens an existing case. With {@code readOnly} false, the case is opened for writing unless
     * another instance holds its lock or the file is not writable; then it opens read-only, and
     * {@link #access()} says why.
     */
    public static JdbcAuditStore open(Path file, boolean readOnly, String appVersion) throws AuditStoreException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new AuditStoreException("audit.error.notFound", abs.toString());
        }
        checkHeader(abs);
        CaseAccess access = CaseAccess.READ_ONLY_REQUESTED;
        LockResult lr = new LockResult(null, null, "");
        if (!readOnly) {
            if (!Files.isWritable(abs) || !Files.isWritable(abs.getParent())) {
                access = CaseAccess.READ_ONLY_NOT_WRITABLE;
            } else {
                lr = tryLock(abs);
                if (lr.lock != null) {
                    access = CaseAccess.READ_WRITE;
                } else {
                    closeQuietly(lr.channel);
                    access = lr.channel == null ? CaseAccess.READ_ONLY_NOT_WRITABLE : CaseAccess.READ_ONLY_LOCKED;
                    lr = new LockResult(null, null, lr.holder);
                }
            }
        }
        boolean ro = access != CaseAccess.READ_WRITE;
        Connection c;
        try {
            c = connect(abs, ro);
        } catch (SQLException e) {
            releaseQuietly(lr);
            throw translate(e, abs);
        }
        JdbcAuditStore store = new JdbcAuditStore(abs, c, access, lr.holder, lr.channel, lr.lock, appVersion);
        try {
            store.validateAndMigrate();
        } catch (AuditStoreException e) {
            closeQuietly(store);
            throw e;
        }
        LOGGER.info("Opened case file {} ({})", abs, access);
        return store;
    }

    private static void checkHeader(Path abs) throws AuditStoreException {
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        byte[] head = new byte[100];
        int n;
        try (InputStream in = Files.newInputStream(abs)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new AuditStoreException(e, "audit.error.unreadable", abs.toString(), String.valueOf(e.getMessage()));
        }
        if (n < magic.length || !java.util.Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
            throw new AuditStoreException("audit.error.notSqlite", abs.toString());
        }
        if (n < 100) {
            throw new AuditStoreException("audit.error.corrupt", abs.toString(), "header shorter than 100 bytes");
        }
        // page size (bytes 16-17) and page count in header (bytes 28-31) vs. actual size
        int pageSize = ((head[16] & 0xff) << 8) | (head[17] & 0xff);
        long pages = ((head[28] & 0xffL) << 24) | ((head[29] & 0xffL) << 16) | ((head[30] & 0xffL) << 8)
                | (head[31] & 0xffL);
        long realPageSize = pageSize == 1 ? 65536 : pageSize;
        try {
            long size = Files.size(abs);
            if (pages > 0 && size < pages * realPageSize && !Files.exists(walOf(abs))) {
                throw new AuditStoreException("audit.error.truncated", abs.toString(), size, pages * realPageSize);
            }
        } catch (IOException e) {
            throw new AuditStoreException(e, "audit.error.unreadable", abs.toString(), String.valueOf(e.getMessage()));
        }
    }

    private static Path walOf(Path abs) {
        return abs.resolveSibling(abs.getFileName() + "-wal");
    }

    private static Connection connect(Path abs, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(10_000);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        cfg.setReadOnly(readOnly);
        Connection c = cfg.createConnection("jdbc:sqlite:" + abs);
        c.setAutoCommit(true);
        return c;
    }

    private record LockResult(FileChannel channel, FileLock lock, String holder) {
    }

    /** The lock file of a case: {@code <case>.lock} next to it. */
    public static Path lockFileOf(Path caseFile) {
        Path abs = caseFile.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".lock");
    }

    private static LockResult tryLock(Path abs) {
        Path lockFile = lockFileOf(abs);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            return new LockResult(null, null, "");
        }
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                return new LockResult(ch, null, readHolder(ch));
            }
            String me = ManagementFactory.getRuntimeMXBean().getName() + " since "
                    + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new LockResult(ch, l, "");
        } catch (OverlappingFileLockException e) {
            return new LockResult(ch, null, readHolder(ch));
        } catch (IOException e) {
            return new LockResult(ch, null, "");
        }
    }

    private static String readHolder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            int n = ch.read(buf, 0);
            return n <= 0 ? "?" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private void validateAndMigrate() throws AuditStoreException {
        try {
            int version;
            int appId;
            try (Statement st = conn.createStatement()) {
                version = intPragma(st, "user_version");
                appId = intPragma(st, "application_id");
            }
            if (version > CURRENT_VERSION) {
                throw new AuditStoreException("audit.error.newerSchema", file.toString(), version, CURRENT_VERSION);
            }
            if (appId != APPLICATION_ID || version == 0) {
                throw new AuditStoreException("audit.error.notACase", file.toString());
            }
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "ok";
                if (!"ok".equals(first)) {
                    throw new AuditStoreException("audit.error.corrupt", file.toString(), first);
                }
            }
            if (!readOnly()) {
                try (Statement st = conn.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                }
                if (version < CURRENT_VERSION) {
                    migrate(version);
                }
            } else if (version < CURRENT_VERSION) {
                throw new AuditStoreException("audit.error.olderSchemaReadOnly", file.toString(), version,
                        CURRENT_VERSION);
            }
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private static int intPragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void migrate(int from) throws AuditStoreException, SQLException {
        for (int v = from + 1; v <= CURRENT_VERSION; v++) {
            String res = "/org/releaseauditor/audit/migrations/" + MIGRATIONS.get(v - 1);
            String sql;
            try (InputStream in = JdbcAuditStore.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("missing migration resource " + res);
                }
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration resource " + res, e);
            }
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String stmt : sql.split("(?m)^-- ;;\\s*$")) {
                    String body = stmt.strip();
                    if (!body.isEmpty() && !body.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                        st.execute(body);
                    }
                }
                st.execute("PRAGMA user_version=" + v);
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
            LOGGER.info("Migrated case file {} to schema version {}", file, v);
        }
    }

    static AuditStoreException translate(SQLException e, Path file) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new AuditStoreException(e, "audit.error.notSqlite", file.toString());
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_CORRUPT_INDEX
                    || code == SQLiteErrorCode.SQLITE_CORRUPT_SEQUENCE || code == SQLiteErrorCode.SQLITE_CORRUPT_VTAB) {
                return new AuditStoreException(e, "audit.error.corrupt", file.toString(), se.getMessage());
            }
            if (code == SQLiteErrorCode.SQLITE_READONLY) {
                return new AuditStoreException(e, "audit.error.readOnly", file.toString());
            }
            if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER) {
                return new AuditStoreException(e, "audit.error.appendOnly", file.toString());
            }
        }
        return new AuditStoreException(e, "audit.error.sql", file.toString(), String.valueOf(e.getMessage()));
    }

    // ------------------------------------------------------------------ accessors

    @Override
    public CaseAccess access() {
        return access;
    }

    @Override
    public String lockHolder() {
        return lockHolder;
    }

    /** The case file. */
    public Path file() {
        return file;
    }

    @Override
    public int schemaVersion() throws AuditStoreException {
        try (Statement st = conn.createStatement()) {
            return intPragma(st, "user_version");
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    // ------------------------------------------------------------------ writing

    private static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @FunctionalInterface
    private interface TxBody<T> {
        T run(String at) throws SQLException, AuditStoreException;
    }

    private <T> T inTransaction(TxBody<T> body) throws AuditStoreException {
        if (readOnly()) {
            throw new AuditStoreException("audit.error.readOnly", file.toString());
        }
        try {
            conn.setAutoCommit(false);
            try {
                T result = body.run(now());
                conn.commit();
                return result;
            } catch (SQLException | AuditStoreException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private long nextId(String table) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long insert(String table, Map<String, Object> values) throws SQLException {
        long id = values.containsKey("id") ? ((Number) values.get("id")).longValue() : nextId(table);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", id);
        all.putAll(values);
        String cols = String.join(", ", all.keySet());
        String qs = String.join(", ", java.util.Collections.nCopies(all.size(), "?"));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + qs + ")")) {
            int i = 1;
            for (Object v : all.values()) {
                ps.setObject(i++, v);
            }
            ps.executeUpdate();
        }
        return id;
    }

    /** Canonical JSON of a stored row: column name → INTEGER as number, anything else as string. */
    private Map<String, Object> rowValues(String table, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object o = rs.getObject(i);
                    if (o == null) {
                        row.put(md.getColumnName(i), null);
                    } else if (o instanceof Integer || o instanceof Long) {
                        row.put(md.getColumnName(i), ((Number) o).longValue());
                    } else {
                        row.put(md.getColumnName(i), rs.getString(i));
                    }
                }
                return row;
            }
        }
    }

    /** The event payload entry for one row: table, id, digest of the row and of each column. */
    private Map<String, Object> rowRef(String table, long id) throws SQLException {
        Map<String, Object> row = rowValues(table, id);
        Map<String, Object> cols = new TreeMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            Map<String, Object> one = new TreeMap<>();
            one.put("v", e.getValue());
            cols.put(e.getKey(), CanonicalJson.sha256(CanonicalJson.write(one)));
        }
        Map<String, Object> ref = new TreeMap<>();
        ref.put("table", table);
        ref.put("id", id);
        ref.put("digest", CanonicalJson.sha256(CanonicalJson.write(row)));
        ref.put("columns", cols);
        return ref;
    }

    private String payload(List<Map<String, Object>> refs) {
        Map<String, Object> p = new TreeMap<>();
        p.put("rows", refs);
        return CanonicalJson.write(p);
    }

    /** The canonical JSON of an event (everything except prev_hash and hash). */
    public static String canonicalEvent(long id, String occurredAt, String actor, String action, String datasetSha256,
            String policyJson, String resultJson, String rationale, String appVersion) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", id);
        m.put("occurred_at", occurredAt);
        m.put("actor", actor);
        m.put("action", action);
        m.put("dataset_sha256", datasetSha256);
        m.put("policy_json", policyJson);
        m.put("result_json", resultJson);
        m.put("rationale", rationale);
        m.put("app_version", appVersion);
        return CanonicalJson.write(m);
    }

    /** hash = SHA-256(prev_hash ‖ canonical JSON), over UTF-8 bytes, lower-case hex. */
    public static String eventHash(String prevHash, String canonicalJson) {
        return CanonicalJson.sha256(prevHash + canonicalJson);
    }

    private AuditEvent writeEvent(String at, String actor, String action, String datasetSha256, String policyJson,
            String resultJson, String rationale) throws SQLException {
        long id;
        String prev;
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
                id = rs.getLong(1) + 1;
                prev = rs.getString(2);
            } else {
                id = 1;
                prev = CanonicalJson.GENESIS;
            }
        }
        String canonical = canonicalEvent(id, at, actor, action, datasetSha256, policyJson, resultJson, rationale,
                appVersion);
        String hash = eventHash(prev, canonical);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("occurred_at", at);
        v.put("actor", actor);
        v.put("action", action);
        v.put("dataset_sha256", datasetSha256);
        v.put("policy_json", policyJson);
        v.put("result_json", resultJson);
        v.put("rationale", rationale);
        v.put("app_version", appVersion);
        v.put("prev_hash", prev);
        v.put("hash", hash);
        insert("audit_event", v);
        return new AuditEvent(id, at, actor, action, datasetSha256, policyJson, resultJson, rationale, appVersion, prev,
                hash);
    }

    private void insertCaseMeta(CaseInfo info, String actor) throws AuditStoreException {
        inTransaction(at -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", 1L);
            v.put("title", info.title());
            v.put("data_product", info.dataProduct());
            v.put("controller", info.controller());
            v.put("auditor", info.auditor());
            v.put("created_at", at);
            insert("case_meta", v);
            writeEvent(at, actor, "CASE_CREATED", null, null, payload(List.of(rowRef("case_meta", 1))), null);
            return null;
        });
    }

    @Override
    public DatasetEntry addDataset(NewDataset d, String actor) throws AuditStoreException {
        return inTransaction(at -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("path", d.path());
            v.put("sha256", d.sha256());
            v.put("size_bytes", d.sizeBytes());
            v.put("last_modified", DateTimeFormatter.ISO_INSTANT.format(d.lastModified()));
            v.put("schema_json", d.schemaJson() == null ? "{}" : d.schemaJson());
            v.put("added_at", at);
            long id = insert("dataset", v);
            writeEvent(at, actor, "DATASET_ADDED", d.sha256(), null, payload(List.of(rowRef("dataset", id))), null);
            LOGGER.info("Case {}: dataset {} added (sha256 {}, {} bytes)", file.getFileName(), id, d.sha256(),
                    d.sizeBytes());
            return dataset(id).orElseThrow();
        });
    }

    @Override
    public RoleAssignment addRoleAssignment(long datasetId, String column, String role, String actor)
            throws AuditStoreException {
        return inTransaction(at -> {
            DatasetEntry ds = dataset(datasetId).orElseThrow(
                    () -> new AuditStoreException("audit.error.noDataset", datasetId, file.toString()));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("dataset_id", datasetId);
            v.put("column_name", column);
            v.put("role", role);
            v.put("actor", actor);
            v.put("assigned_at", at);
            long id = insert("role_assignment", v);
            writeEvent(at, actor, "ROLE_ASSIGNED", ds.sha256(), null, payload(List.of(rowRef("role_assignment", id))),
                    null);
            return new RoleAssignment(id, datasetId, column, role, actor, Instant.parse(at));
        });
    }

    @Override
    public AttackerModel addAttackerModel(String name, String modelJson, String actor) throws AuditStoreException {
        return inTransaction(at -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", name);
            v.put("model_json", modelJson);
            v.put("actor", actor);
            v.put("recorded_at", at);
            long id = insert("attacker_model", v);
            writeEvent(at, actor, "ATTACKER_MODEL_RECORDED", null, null,
                    payload(List.of(rowRef("attacker_model", id))), null);
            return new AttackerModel(id, name, modelJson, actor, Instant.parse(at));
        });
    }

    @Override
    public RunEntry addRun(NewRun run, String actor) throws AuditStoreException {
        return inTransaction(at -> {
            List<String> shas = new ArrayList<>();
            for (long dsId : run.datasetIds()) {
                shas.add(dataset(dsId).orElseThrow(
                        () -> new AuditStoreException("audit.error.noDataset", dsId, file.toString())).sha256());
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lane", run.lane());
            v.put("engine_version", run.engineVersion());
            v.put("params_json", run.paramsJson());
            v.put("result_json", run.resultJson());
            v.put("dataset_ids", idsJson(run.datasetIds()));
            v.put("actor", actor);
            v.put("run_at", at);
            long id = insert("analysis_run", v);
            writeEvent(at, actor, "RUN_RECORDED", shas.isEmpty() ? null : String.join(",", shas), null,
                    payload(List.of(rowRef("analysis_run", id))), null);
            LOGGER.info("Case {}: run {} recorded (lane {}, datasets {})", file.getFileName(), id, run.lane(),
                    run.datasetIds());
            return run(id).orElseThrow();
        });
    }

    @Override
    public List<FindingEntry> addFindings(long runId, NewFindings nf, String actor) throws AuditStoreException {
        return inTransaction(at -> {
            RunEntry run = run(runId).orElseThrow(() -> new AuditStoreException("audit.error.noRun", runId,
                    file.toString()));
            List<Map<String, Object>> refs = new ArrayList<>();
            for (NewFindings.Item f : nf.findings()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("run_id", runId);
                v.put("policy_id", nf.policyId());
                v.put("policy_version", nf.policyVersion());
                v.put("policy_json", nf.policyJson());
                v.put("metric", f.metric());
                v.put("operator", f.operator());
                v.put("threshold", Double.toString(f.threshold()));
                v.put("measured", f.measured() == null ? null : Double.toString(f.measured()));
                v.put("status", f.status());
                v.put("explanation", f.explanation());
                v.put("evaluated_at", at);
                long id = insert("finding", v);
                refs.add(rowRef("finding", id));
            }
            String shas = datasetShas(run.datasetIds());
            writeEvent(at, actor, "POLICY_EVALUATED", shas, nf.policyJson(), payload(refs), null);
            return findings(runId).stream().filter(f -> f.at().equals(Instant.parse(at))).toList();
        });
    }

    private String datasetShas(List<Long> ids) throws AuditStoreException {
        List<String> shas = new ArrayList<>();
        for (long id : ids) {
            dataset(id).ifPresent(d -> shas.add(d.sha256()));
        }
        return shas.isEmpty() ? null : String.join(",", shas);
    }

    @Override
    public DecisionEntry addDecision(NewDecision d) throws AuditStoreException {
        return inTransaction(at -> {
            for (long runId : d.runIds()) {
                if (run(runId).isEmpty()) {
                    throw new AuditStoreException("audit.error.noRun", runId, file.toString());
                }
            }
            String head = headHashSql();
            Long supersedes = null;
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT MAX(id) FROM decision")) {
                if (rs.next()) {
                    long m = rs.getLong(1);
                    supersedes = rs.wasNull() ? null : m;
                }
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("outcome", d.outcome().name());
            v.put("conditions", d.conditions());
            v.put("rationale", d.rationale());
            v.put("auditor", d.auditor());
            v.put("dataset_sha256s", d.datasetSha256s());
            v.put("policy_json", d.policyJson());
            v.put("run_ids", idsJson(d.runIds()));
            v.put("chain_head", head);
            v.put("supersedes", supersedes);
            v.put("decided_at", at);
            long id = insert("decision", v);
            List<String> shas = new ArrayList<>();
            try {
                JSON.readTree(d.datasetSha256s()).forEach(n -> shas.add(n.asText()));
            } catch (IOException e) {
                throw new SQLException("malformed dataset hash map", e);
            }
            writeEvent(at, d.auditor(), "DECISION_RECORDED", shas.isEmpty() ? null : String.join(",", shas),
                    d.policyJson(), payload(List.of(rowRef("decision", id))), d.rationale());
            LOGGER.info("Case {}: decision {} recorded ({}), supersedes {}", file.getFileName(), id, d.outcome(),
                    supersedes);
            return decisions().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    @Override
    public AuditEvent appendEvent(String actor, String action, String datasetSha256, String policyJson,
            String resultJson, String rationale) throws AuditStoreException {
        return inTransaction(at -> writeEvent(at, actor, action, datasetSha256, policyJson, resultJson, rationale));
    }

    private static String idsJson(List<Long> ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return sb.append(']').toString();
    }

    private static List<Long> parseIds(String json) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(json)) {
                ids.add(n.asLong());
            }
        } catch (IOException e) {
            throw new SQLException("malformed id list", e);
        }
        return ids;
    }

    // ------------------------------------------------------------------ reading

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    private <T> List<T> read(String sql, RowMapper<T> mapper, Object... args) throws AuditStoreException {
        try {
            return query(sql, mapper, args);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private static Instant instant(String s) throws SQLException {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new SQLException("malformed timestamp", e);
        }
    }

    @Override
    public CaseInfo caseInfo() throws AuditStoreException {
        List<CaseInfo> l = read("SELECT title, data_product, controller, auditor, created_at FROM case_meta WHERE id = 1",
                rs -> new CaseInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getString(5))));
        if (l.isEmpty()) {
            throw new AuditStoreException("audit.error.notACase", file.toString());
        }
        return l.get(0);
    }

    private static DatasetEntry mapDataset(ResultSet rs) throws SQLException {
        return new DatasetEntry(rs.getLong("id"), rs.getString("path"), rs.getString("sha256"), rs.getLong("size_bytes"),
                instant(rs.getString("last_modified")), rs.getString("schema_json"), instant(rs.getString("added_at")));
    }

    @Override
    public List<DatasetEntry> datasets() throws AuditStoreException {
        return read("SELECT * FROM dataset ORDER BY id", JdbcAuditStore::mapDataset);
    }

    @Override
    public Optional<DatasetEntry> dataset(long id) throws AuditStoreException {
        return read("SELECT * FROM dataset WHERE id = ?", JdbcAuditStore::mapDataset, id).stream().findFirst();
    }

    @Override
    public List<RoleAssignment> roleAssignments() throws AuditStoreException {
        return read("SELECT * FROM role_assignment ORDER BY id", rs -> new RoleAssignment(rs.getLong("id"),
                rs.getLong("dataset_id"), rs.getString("column_name"), rs.getString("role"), rs.getString("actor"),
                instant(rs.getString("assigned_at"))));
    }

    @Override
    public List<AttackerModel> attackerModels() throws AuditStoreException {
        return read("SELECT * FROM attacker_model ORDER BY id", rs -> new AttackerModel(rs.getLong("id"),
                rs.getString("name"), rs.getString("model_json"), rs.getString("actor"),
                instant(rs.getString("recorded_at"))));
    }

    private static RunEntry mapRun(ResultSet rs) throws SQLException {
        return new RunEntry(rs.getLong("id"), rs.getString("lane"), rs.getString("engine_version"),
                rs.getString("params_json"), rs.getString("result_json"), parseIds(rs.getString("dataset_ids")),
                rs.getString("actor"), instant(rs.getString("run_at")));
    }

    @Override
    public List<RunEntry> runs() throws AuditStoreException {
        return read("SELECT * FROM analysis_run ORDER BY id", JdbcAuditStore::mapRun);
    }

    @Override
    public Optional<RunEntry> run(long id) throws AuditStoreException {
        return read("SELECT * FROM analysis_run WHERE id = ?", JdbcAuditStore::mapRun, id).stream().findFirst();
    }

    @Override
    public List<FindingEntry> findings(long runId) throws AuditStoreException {
        return read("SELECT * FROM finding WHERE run_id = ? ORDER BY id", rs -> {
            String measured = rs.getString("measured");
            return new FindingEntry(rs.getLong("id"), rs.getLong("run_id"), rs.getString("policy_id"),
                    rs.getString("policy_version"), rs.getString("metric"), rs.getString("operator"),
                    Double.parseDouble(rs.getString("threshold")), measured == null ? null : Double.valueOf(measured),
                    rs.getString("status"), rs.getString("explanation"), instant(rs.getString("evaluated_at")));
        }, runId);
    }

    @Override
    public Optional<String> latestPolicyJson(long runId) throws AuditStoreException {
        return read("SELECT policy_json FROM finding WHERE run_id = ? ORDER BY id DESC LIMIT 1", rs -> rs.getString(1),
                runId).stream().findFirst();
    }

    @Override
    public List<DecisionEntry> decisions() throws AuditStoreException {
        return read("SELECT * FROM decision ORDER BY id", rs -> {
            long sup = rs.getLong("supersedes");
            Long supersedes = rs.wasNull() ? null : sup;
            return new DecisionEntry(rs.getLong("id"), DecisionOutcome.valueOf(rs.getString("outcome")),
                    rs.getString("conditions"), rs.getString("rationale"), rs.getString("auditor"),
                    rs.getString("dataset_sha256s"), rs.getString("policy_json"), parseIds(rs.getString("run_ids")),
                    rs.getString("chain_head"), supersedes, instant(rs.getString("decided_at")));
        });
    }

    private static AuditEvent mapEvent(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getString("occurred_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("dataset_sha256"), rs.getString("policy_json"),
                rs.getString("result_json"), rs.getString("rationale"), rs.getString("app_version"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    @Override
    public List<AuditEvent> events() throws AuditStoreException {
        return read("SELECT * FROM audit_event ORDER BY id", JdbcAuditStore::mapEvent);
    }

    @Override
    public String headHash() throws AuditStoreException {
        try {
            return headHashSql();
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private String headHashSql() throws SQLException {
        List<String> l = query("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1", rs -> rs.getString(1));
        return l.isEmpty() ? CanonicalJson.GENESIS : l.get(0);
    }

    // ------------------------------------------------------------------ verification

    @Override
    public List<VerificationItem> verifyChain() throws AuditStoreException {
        try {
            return ChainVerifier.verify(this);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /** Raw events read through plain JDBC, including rows whose types were tampered with. */
    List<Map<String, Object>> rawEvents() throws SQLException {
        List<Long> ids = query("SELECT rowid FROM audit_event ORDER BY rowid", rs -> rs.getLong(1));
        List<Map<String, Object>> out = new ArrayList<>();
        for (long rowid : ids) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM audit_event WHERE rowid = ?")) {
                ps.setLong(1, rowid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ResultSetMetaData md = rs.getMetaData();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object o = rs.getObject(i);
                        row.put(md.getColumnName(i), o instanceof Number n && !(o instanceof Double) ? n.longValue()
                                : o == null ? null : rs.getString(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    Map<String, Object> row(String table, long id) throws SQLException {
        return rowValues(table, id);
    }

    List<Long> rowIds(String table) throws SQLException {
        return query("SELECT id FROM " + table + " ORDER BY id", rs -> rs.getLong(1));
    }

    static List<String> rowTables() {
        return ROW_TABLES;
    }

    List<String> integrityCheck() throws SQLException {
        return query("PRAGMA integrity_check", rs -> rs.getString(1));
    }

    Path path() {
        return file;
    }

    /** A pragma value of this connection as text (tests check the durability settings). */
    String pragma(String name) throws SQLException {
        return query("PRAGMA " + name, rs -> rs.getString(1)).stream().findFirst().orElse("");
    }

    // ------------------------------------------------------------------ closing

    @Override
    public void close() throws AuditStoreException {
        try {
            if (!readOnly()) {
                try (Statement st = conn.createStatement()) {
                    // fold the WAL into the main file so the .rcase file alone is complete
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException e) {
                    LOGGER.warn("Checkpoint of case file {} failed: {}", file, e.getMessage());
                }
            }
            conn.close();
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            releaseQuietly(new LockResult(lockChannel, lock, ""));
        }
    }

    private static void releaseQuietly(LockResult lr) {
        try {
            if (lr.lock != null && lr.lock.isValid()) {
                lr.lock.release();
            }
        } catch (IOException e) {
            LOGGER.debug("releasing lock failed", e);
        }
        closeQuietly(lr.channel);
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
