package org.releaseauditor.audit.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.AuditStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The file format of a case: header checks before SQLite touches the file, connection settings,
 * numbered migrations ({@code migrations/V00n__*.sql}), the tables each schema version has, and
 * the journal mode at rest.
 */
final class CaseSchema {

    /** The schema version this application writes; a newer file is refused. */
    static final int CURRENT_VERSION = 2;
    /** SQLite {@code application_id} of case files: ASCII "RCAS". */
    static final int APPLICATION_ID = 0x52434153;
    /** How long SQLite itself waits for a lock held by another connection. */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private static final Logger LOGGER = LoggerFactory.getLogger(CaseSchema.class);
    private static final List<String> MIGRATIONS = List.of("V001__init.sql", "V002__decision_record.sql");
    private static final List<String> V1_TABLES = List.of("case_meta", "dataset", "role_assignment",
            "attacker_model", "analysis_run", "finding", "decision");
    private static final List<String> V2_TABLES = List.of("decision_record", "output_decision", "review");

    private CaseSchema() {
    }

    /** The tables whose rows are bound to events, in a file of the given schema version. */
    static List<String> rowTables(int version) {
        List<String> t = new ArrayList<>(V1_TABLES);
        if (version >= 2) {
            t.addAll(V2_TABLES);
        }
        return t;
    }

    /**
     * Checks the SQLite header before the driver opens the file: the magic string, and that the
     * file is at least as long as the page count in its header says (a truncated copy).
     */
    static void checkHeader(Path abs) throws AuditStoreException {
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
        long expected = announcedSize(head);
        try {
            long size = Files.size(abs);
            if (truncated(size, expected, Files.exists(walOf(abs)))) {
                throw new AuditStoreException("audit.error.truncated", abs.toString(), size, expected);
            }
        } catch (IOException e) {
            throw new AuditStoreException(e, "audit.error.unreadable", abs.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Page size (header bytes 16-17, 1 meaning 65536) times page count (bytes 28-31). */
    static long announcedSize(byte[] head) {
        int pageSize = ((head[16] & 0xff) << 8) | (head[17] & 0xff);
        long pages = ((head[28] & 0xffL) << 24) | ((head[29] & 0xffL) << 16) | ((head[30] & 0xffL) << 8)
                | (head[31] & 0xffL);
        long realPageSize = pageSize == 1 ? 65536 : pageSize;
        return pages * realPageSize;
    }

    /**
     * A file is truncated when it is shorter than its header announces; with a write-ahead log
     * next to it the header may be stale, so the check is skipped then.
     */
    static boolean truncated(long size, long announced, boolean walExists) {
        return !walExists && announced > 0 && size < announced;
    }

    static Path walOf(Path abs) {
        return abs.resolveSibling(abs.getFileName() + "-wal");
    }

    /** A connection with the durability settings of a case file. */
    static Connection connect(Path abs, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.setReadOnly(readOnly);
        Connection c = cfg.createConnection("jdbc:sqlite:" + abs);
        c.setAutoCommit(true);
        return c;
    }

    static int intPragma(Connection conn, String name) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Checks that the file is a case this application can read: application id, a schema version
     * not newer than ours, and SQLite's quick check. Returns the schema version.
     */
    static int validate(Connection conn, Path file) throws AuditStoreException, SQLException {
        int version = intPragma(conn, "user_version");
        int appId = intPragma(conn, "application_id");
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
        // the version in the file header must be the one its tables were built to: a changed
        // header byte would otherwise make a reader skip tables (or migrate twice) unnoticed
        java.util.Set<String> expected = version < 0 ? java.util.Set.of() : tablesUpTo(version);
        java.util.Set<String> present = new java.util.TreeSet<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        if (version < 0 || !present.equals(expected)) {
            throw new AuditStoreException("audit.error.corrupt", file.toString(),
                    "schema version " + version + " does not match the tables in the file");
        }
        return version;
    }

    /** The tables that the migrations up to {@code version} create. */
    static java.util.Set<String> tablesUpTo(int version) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.regex.Pattern create = java.util.regex.Pattern.compile(
                "(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)");
        for (int v = 1; v <= Math.min(version, CURRENT_VERSION); v++) {
            java.util.regex.Matcher m = create.matcher(migrationSql(v));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Write-ahead log while a writer has the case open (concurrent readers, crash safety). */
    static void enableWal(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
        }
    }

    /**
     * Prepares the file for rest when a writer closes: folds the write-ahead log into the file
     * and switches back to a rollback journal, so the case is one self-contained file that a
     * read-only reader (or a read-only medium) opens without {@code -wal}/{@code -shm} files. When
     * another connection still uses the case, SQLite refuses the switch and the file stays in WAL
     * mode, which is just as safe.
     */
    static void toRest(Connection conn, Path file) {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA busy_timeout = 200");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("PRAGMA journal_mode=DELETE");
        } catch (SQLException e) {
            LOGGER.debug("Case file {} stays in WAL mode: {}", file, e.getMessage());
        }
    }

    /** Applies the migrations after {@code from}, each in one transaction. */
    static void migrate(Connection conn, Path file, int from) throws SQLException {
        for (int v = from + 1; v <= CURRENT_VERSION; v++) {
            String sql = migrationSql(v);
            try (Statement st = conn.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                try {
                    for (String stmt : sql.split("(?m)^-- ;;\\s*$")) {
                        String body = stmt.strip();
                        if (!body.isEmpty()
                                && !body.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                            st.execute(body);
                        }
                    }
                    st.execute("PRAGMA user_version=" + v);
                    st.execute("COMMIT");
                } catch (SQLException e) {
                    st.execute("ROLLBACK");
                    throw e;
                }
            }
            LOGGER.info("Migrated case file {} to schema version {}", file, v);
        }
    }

    static String migrationSql(int version) {
        String res = "/org/releaseauditor/audit/migrations/" + MIGRATIONS.get(version - 1);
        try (InputStream in = CaseSchema.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + res);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration resource " + res, e);
        }
    }
}
