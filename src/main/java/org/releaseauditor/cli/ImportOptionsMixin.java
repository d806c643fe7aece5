package org.releaseauditor.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.ImportOptions;
import picocli.CommandLine.Option;

/**
 * Import options shared by every command that reads a dataset ({@code @Mixin}). Everything not
 * given is sniffed from the file.
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
    List<String> types = new ArrayList<>();

    /** The options as given; null fields are sniffed. */
    @Option(names = "--sqlite-table", paramLabel = "NAME",
            description = "For an SQLite database file: the table or view to read (needed when it has several).")
    String sqliteTable;

    @Option(names = "--sqlite-query", paramLabel = "SQL",
            description = "For an SQLite database file: read the result of this SELECT instead of a table.")
    String sqliteQuery;

    public ImportOptions toOptions() throws ConfigurationException {
        Map<String, ColumnType> overrides = new LinkedHashMap<>();
        for (String t : types) {
            int eq = t.lastIndexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("io.cli.badType", t);
            }
            overrides.put(t.substring(0, eq).strip(), type(t, t.substring(eq + 1)));
        }
        return new ImportOptions(encoding(), character(delimiter, "io.cli.badDelimiter"),
                character(quote, "io.cli.badQuote"), header, tokens(missing), tokens(suppressed), overrides,
                sqliteTable, sqliteQuery);
    }

    private String encoding() throws ConfigurationException {
        if (encoding == null) {
            return null;
        }
        try {
            if (Charset.isSupported(encoding)) {
                return Charset.forName(encoding).name();
            }
        } catch (IllegalCharsetNameException e) {
            // reported below
        }
        throw new ConfigurationException("io.cli.badEncoding", encoding);
    }

    private static Set<String> tokens(List<String> list) {
        if (list == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : list) {
            out.add(s.strip());
        }
        return out;
    }

    static Character character(String s, String errorKey) throws ConfigurationException {
        if (s == null) {
            return null;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "tab":
            case "\\t":
                return '\t';
            case "pipe":
                return '|';
            default:
                if (s.length() == 1 && s.charAt(0) != '\n' && s.charAt(0) != '\r') {
                    return s.charAt(0);
                }
                throw new ConfigurationException(errorKey, s);
        }
    }

    private static ColumnType type(String option, String name) throws ConfigurationException {
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "integer":
            case "int":
                return ColumnType.INTEGER;
            case "decimal":
            case "double":
                return ColumnType.DECIMAL;
            case "datetime":
            case "date_time":
            case "date":
                return ColumnType.DATE_TIME;
            case "categorical":
            case "text":
                return ColumnType.CATEGORICAL;
            default:
                throw new ConfigurationException("io.cli.badType", option);
        }
    }
}
