package org.releaseauditor.cli;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.ImportSettings;
import picocli.CommandLine.Option;

/**
 * Import options shared by every lane that reads a table ({@code @Mixin}). Each option is handed
 * unchanged to {@link ImportSettings.Builder}; everything not given is detected from the file.
 */
public final class ImportOptionsMixin {

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter: a character, or comma, semicolon, tab, pipe (default: detected).")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", description = "Quote character (default: detected, usually \").")
    String quote;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "UTF-8, windows-1252 or ISO-8859-1 (default: detected).")
    String encoding;

    @Option(names = "--header", negatable = true,
            description = "Whether the first row holds column names (default: detected).")
    Boolean header;

    @Option(names = "--missing", paramLabel = "TOKENS", split = ",",
            description = "Comma-separated tokens read as missing values; replaces the default (empty, NA, ?, NULL).")
    List<String> missing;

    @Option(names = "--suppressed", paramLabel = "TOKENS", split = ",",
            description = "Comma-separated suppression markers; replaces the default (*).")
    List<String> suppressed;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Override a column type: integer, decimal, datetime or categorical (repeatable).")
    List<String> types;

    @Option(names = "--sqlite-table", paramLabel = "NAME",
            description = "For an SQLite database file: the table or view to read (needed when it has several).")
    String sqliteTable;

    @Option(names = "--sqlite-query", paramLabel = "SQL",
            description = "For an SQLite database file: read the result of this SELECT instead of a table.")
    String sqliteQuery;

    /** Hands every given option to the request's import settings. */
    void applyTo(ImportSettings.Builder b) throws ConfigurationException {
        b.encoding(encoding).delimiter(delimiter).quote(quote).header(header).missing(missing).suppressed(suppressed)
                .sqliteTable(sqliteTable).sqliteQuery(sqliteQuery);
        if (types != null) {
            for (String t : types) {
                b.type(t);
            }
        }
    }
}
