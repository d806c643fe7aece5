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

    /** Loads a delimited text file (CSV, TSV, semicolon, pipe) into a dictionary-encoded dataset. */
    public Dataset load(Path file, ImportOptions options, ProgressMonitor monitor) throws AuditException {
        return csv.read(file, options, monitor);
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
