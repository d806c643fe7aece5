package org.releaseauditor.service;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.AuditStoreException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.CsvImporter;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.io.SqliteImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads datasets for every lane (GUI and CLI): delimited text files and SQLite tables/queries.
 * {@link #loadInput} also hashes the bytes and keeps a few recently loaded inputs (soft
 * references, so memory pressure frees them) for dashboards that re-run on every settings change.
 */
public final class DatasetService {
    private static final Logger LOGGER = LoggerFactory.getLogger(DatasetService.class);
    /** How many loaded inputs are kept for reuse, process-wide. */
    static final int CACHE_ENTRIES = 4;
    private static final Map<CacheKey, CacheEntry> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, CacheEntry> e) {
            return size() > CACHE_ENTRIES;
        }
    };

    private final CsvImporter csv = new CsvImporter();
    private final SqliteImporter sqlite = new SqliteImporter();

    /** A loaded input and the ref of the bytes it was read from (hashed). */
    public record LoadedInput(Dataset data, DatasetRef ref) {
    }

    /** Column names and types of an input, from its first rows. */
    public record Header(Path file, List<String> names, List<ColumnType> types) {
        public Header {
            names = List.copyOf(names);
            types = List.copyOf(types);
        }

        /** The type of a column, or null when there is no such column. */
        public ColumnType type(String column) {
            int i = names.indexOf(column);
            return i < 0 ? null : types.get(i);
        }
    }

    private record CacheKey(Path path, long size, Instant modified, ImportOptions options) {
    }

    private record CacheEntry(SoftReference<Dataset> data, String sha256, long size) {
    }

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
            return loadSqliteTable(file, onlyTable(file), options, monitor);
        }
        return csv.read(file, options, monitor);
    }

    private String onlyTable(Path file) throws AuditException {
        List<String> tables = listSqliteTables(file);
        if (tables.size() == 1) {
            return tables.get(0);
        }
        throw new ConfigurationException("io.error.sqliteNeedsTable", file.toString(),
                tables.isEmpty() ? "-" : String.join(", ", tables));
    }

    /**
     * Loads one input of a lane and binds it to its bytes: the file is hashed (SHA-256), read, and
     * checked not to have changed while it was read. When {@code ref} carries a SHA-256, the file
     * must hash to it (a registered or recorded file). The same file with the same size, time and
     * options is served from memory while it is cached.
     */
    public LoadedInput loadInput(DatasetRef ref, ImportOptions options, ProgressMonitor monitor)
            throws AuditException {
        Path file = ref.path();
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file.toString(), 0, 0, "io.error.notFound", file.toString());
        }
        CacheKey key = key(file, options);
        synchronized (CACHE) {
            CacheEntry hit = CACHE.get(key);
            Dataset data = hit == null ? null : hit.data().get();
            if (data != null) {
                checkExpected(ref, hit.sha256());
                return new LoadedInput(data, new DatasetRef(file, hit.sha256(), hit.size()));
            }
        }
        DatasetFingerprint fp = DatasetFingerprint.of(file, monitor.slice(0, 0.15));
        checkExpected(ref, fp.sha256());
        Dataset data = load(file, options, monitor.slice(0.15, 1));
        CacheKey after = key(file, options);
        if (after.size() != fp.sizeBytes() || !after.modified().equals(fp.lastModified())) {
            throw new DatasetFormatException(file.toString(), 0, 0, "input.error.changedWhileReading",
                    file.toString());
        }
        synchronized (CACHE) {
            CACHE.put(after, new CacheEntry(new SoftReference<>(data), fp.sha256(), fp.sizeBytes()));
        }
        LOGGER.info("Input {} read: sha256 {}, {} bytes, {} rows", file.getFileName(), fp.sha256(),
                fp.sizeBytes(), data.rowCount());
        return new LoadedInput(data, new DatasetRef(file, fp.sha256(), fp.sizeBytes()));
    }

    /** Reads a whole file with its own reader (mapping files, for example). */
    @FunctionalInterface
    public interface FileReader<T> {
        T read(Path file) throws AuditException;
    }

    /** What a {@link FileReader} read, with the ref of the bytes (hashed). */
    public record Bound<T>(T value, DatasetRef ref) {
    }

    /**
     * Reads a file that is not a table (an area mapping, for example) bound to its bytes, like
     * {@link #loadInput}: hashed first, checked against the expected SHA-256, and checked not to
     * have changed while it was read.
     */
    public <T> Bound<T> readFile(DatasetRef ref, FileReader<T> reader, ProgressMonitor monitor)
            throws AuditException {
        Path file = ref.path();
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file.toString(), 0, 0, "io.error.notFound", file.toString());
        }
        DatasetFingerprint fp = DatasetFingerprint.of(file, monitor);
        checkExpected(ref, fp.sha256());
        T value = reader.read(file);
        CacheKey after = key(file, null);
        if (after.size() != fp.sizeBytes() || !after.modified().equals(fp.lastModified())) {
            throw new DatasetFormatException(file.toString(), 0, 0, "input.error.changedWhileReading",
                    file.toString());
        }
        return new Bound<>(value, new DatasetRef(file, fp.sha256(), fp.sizeBytes()));
    }

    private static void checkExpected(DatasetRef ref, String found) throws AuditStoreException {
        if (ref.sha256() != null && !ref.sha256().equals(found)) {
            throw new AuditStoreException("input.error.hashMismatch", ref.path().toString(), ref.sha256(), found);
        }
    }

    private static CacheKey key(Path file, ImportOptions options) throws DatasetFormatException {
        try {
            return new CacheKey(file, Files.size(file), Files.getLastModifiedTime(file).toInstant(), options);
        } catch (IOException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "io.error.unreadable", file.toString(),
                    String.valueOf(e.getMessage()));
        }
    }

    /** Forgets every cached input (tests). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    /**
     * The column names and types of an input from its first rows (at most 1 MiB of a text file,
     * 200 rows of a table): what a lane request is checked against before any work.
     */
    public Header header(Path file, ImportOptions options) throws AuditException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file.toString(), 0, 0, "io.error.notFound", file.toString());
        }
        boolean db = options.sqliteQuery() != null || options.sqliteTable() != null || isSqlite(file);
        if (!db) {
            SniffResult s = csv.sniff(file, options);
            return new Header(file, s.columnNames(), s.columnTypes());
        }
        String sql;
        if (options.sqliteQuery() != null) {
            sql = "SELECT * FROM (" + options.sqliteQuery() + ") LIMIT 200";
        } else {
            String table = options.sqliteTable() != null ? options.sqliteTable() : onlyTable(file);
            List<String> tables = listSqliteTables(file);
            if (!tables.contains(table)) {
                throw new DatasetFormatException(file.toString(), 0, 0, "io.error.unknownTable", file.toString(),
                        table, tables.isEmpty() ? "-" : String.join(", ", tables));
            }
            sql = "SELECT * FROM \"" + table.replace("\"", "\"\"") + "\" LIMIT 200";
        }
        Dataset ds = sqlite.readQuery(file, sql, options, ProgressMonitor.none());
        List<ColumnType> types = new ArrayList<>();
        for (Column c : ds.columns()) {
            types.add(c.type());
        }
        return new Header(file, ds.columnNames(), types);
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
