package org.releaseauditor.service;

import java.nio.file.Path;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.CsvImporter;
import org.releaseauditor.io.SqliteImporter;

/** Loads datasets for every lane (GUI and CLI): delimited text files and SQLite tables/queries. */
public final class DatasetService {
    private final CsvImporter csv = new CsvImporter();
    private final SqliteImporter sqlite = new SqliteImporter();

    /**
     * Loads a delimited text file (CSV, TSV, semicolon, pipe) into a dictionary-encoded dataset, or
     * a table or query of an SQLite database file ({@link ImportOptions#sqliteTable()},
     * {@link ImportOptions#sqliteQuery()}; a database with a single table needs neither).
     */
    public Dataset load(Path file, ImportOptions options, ProgressMonitor monitor) throws AuditException {
        if (options.sqliteQuery() != null) {
            return loadSqliteQuery(file, options.sqliteQuery(), options, monitor);
        }
        if (options.sqliteTable() != null) {
            return loadSqliteTable(file, options.sqliteTable(), options, monitor);
        }
        if (isSqlite(file)) {
            List<String> tables = listSqliteTables(file);
            if (tables.size() == 1) {
                return loadSqliteTable(file, tables.get(0), options, monitor);
            }
            throw new org.releaseauditor.core.error.ConfigurationException("io.error.sqliteNeedsTable",
                    file.toString(), tables.isEmpty() ? "-" : String.join(", ", tables));
        }
        return csv.read(file, options, monitor);
    }

    /** Whether a file is an SQLite database (by its 16-byte header). */
    public boolean isSqlite(Path file) {
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return java.util.Arrays.equals(head, magic);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Detects the format of a delimited text file and previews its first rows (import wizard). */
    public SniffResult sniff(Path file, ImportOptions options) throws AuditException {
        return csv.sniff(file, options);
    }

    /** The tables and views of an SQLite database. */
    public List<String> listSqliteTables(Path db) throws AuditException {
        return sqlite.listTables(db);
    }

    /** Loads one table or view of an SQLite database. */
    public Dataset loadSqliteTable(Path db, String table, ImportOptions options, ProgressMonitor monitor)
            throws AuditException {
        return sqlite.readTable(db, table, options, monitor);
    }

    /** Loads the result of a reading SQL query on an SQLite database. */
    public Dataset loadSqliteQuery(Path db, String sql, ImportOptions options, ProgressMonitor monitor)
            throws AuditException {
        return sqlite.readQuery(db, sql, options, monitor);
    }
}
