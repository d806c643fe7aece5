package org.releaseauditor.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How to read a delimited text file. Every {@code null} means "sniff it". Shared by the GUI
 * import wizard and the CLI's import options.
 *
 * @param encoding           charset name (UTF-8, windows-1252, ISO-8859-1) or null to sniff
 * @param delimiter          field separator or null to sniff (comma, semicolon, tab, pipe)
 * @param quote              quote character or null to sniff (default {@code "})
 * @param header             whether the first row holds column names, or null to sniff
 * @param missingTokens      tokens read as missing values (default: empty, NA, ?, NULL)
 * @param suppressionMarkers tokens read as suppressed values (default: *)
 * @param typeOverrides      column name → type, overriding the inferred type
 * @param sqliteTable        for an SQLite database file: the table or view to read (null: the only one)
 * @param sqliteQuery        for an SQLite database file: a SELECT to read instead of a table
 */
public record ImportOptions(String encoding, Character delimiter, Character quote, Boolean header,
        Set<String> missingTokens, Set<String> suppressionMarkers, Map<String, ColumnType> typeOverrides,
        String sqliteTable, String sqliteQuery) {

    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "?", "NULL");
    public static final Set<String> DEFAULT_SUPPRESSED = Set.of("*");

    public ImportOptions {
        missingTokens = Set.copyOf(missingTokens == null ? DEFAULT_MISSING : missingTokens);
        suppressionMarkers = Set.copyOf(suppressionMarkers == null ? DEFAULT_SUPPRESSED : suppressionMarkers);
        typeOverrides = Map.copyOf(typeOverrides == null ? Map.of() : typeOverrides);
    }

    /** Options for a delimited text file. */
    public ImportOptions(String encoding, Character delimiter, Character quote, Boolean header,
            Set<String> missingTokens, Set<String> suppressionMarkers, Map<String, ColumnType> typeOverrides) {
        this(encoding, delimiter, quote, header, missingTokens, suppressionMarkers, typeOverrides, null, null);
    }

    /** Sniff everything; default missing and suppression tokens. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null, null, null, null);
    }

    public ImportOptions withDelimiter(Character d) {
        return new ImportOptions(encoding, d, quote, header, missingTokens, suppressionMarkers, typeOverrides,
                sqliteTable, sqliteQuery);
    }

    public ImportOptions withEncoding(String e) {
        return new ImportOptions(e, delimiter, quote, header, missingTokens, suppressionMarkers, typeOverrides,
                sqliteTable, sqliteQuery);
    }

    public ImportOptions withHeader(Boolean h) {
        return new ImportOptions(encoding, delimiter, quote, h, missingTokens, suppressionMarkers, typeOverrides,
                sqliteTable, sqliteQuery);
    }

    public ImportOptions withQuote(Character q) {
        return new ImportOptions(encoding, delimiter, q, header, missingTokens, suppressionMarkers, typeOverrides,
                sqliteTable, sqliteQuery);
    }

    /** Reads this table (or view) of an SQLite database file. */
    public ImportOptions withSqliteTable(String table) {
        return new ImportOptions(encoding, delimiter, quote, header, missingTokens, suppressionMarkers, typeOverrides,
                table, sqliteQuery);
    }

    /** Reads the result of this SELECT on an SQLite database file. */
    public ImportOptions withSqliteQuery(String sql) {
        return new ImportOptions(encoding, delimiter, quote, header, missingTokens, suppressionMarkers, typeOverrides,
                sqliteTable, sql);
    }

    public ImportOptions withTypeOverride(String column, ColumnType type) {
        Map<String, ColumnType> m = new LinkedHashMap<>(typeOverrides);
        m.put(column, type);
        return new ImportOptions(encoding, delimiter, quote, header, missingTokens, suppressionMarkers, m, sqliteTable,
                sqliteQuery);
    }
}
