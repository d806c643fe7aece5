package org.releaseauditor.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.ImportOptions;

/**
 * How a lane reads a delimited text or SQLite input, as part of a lane request: the builder takes
 * the values as typed on the command line ({@code --delimiter tab}, {@code --type age=integer}),
 * and {@link #toJson}/{@link #read} give the {@code "import"} object of the request JSON. Unset
 * fields mean "detect"; the missing and suppression tokens default to the importer's.
 */
public final class ImportSettings {

    private ImportSettings() {
    }

    /** The {@code "import"} object: every field written, sets sorted. */
    public static ObjectNode toJson(ImportOptions o) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("encoding", o.encoding());
        n.put("delimiter", o.delimiter() == null ? null : String.valueOf(o.delimiter()));
        n.put("quote", o.quote() == null ? null : String.valueOf(o.quote()));
        if (o.header() == null) {
            n.putNull("header");
        } else {
            n.put("header", o.header());
        }
        new TreeSet<>(o.missingTokens()).forEach(n.putArray("missing")::add);
        new TreeSet<>(o.suppressionMarkers()).forEach(n.putArray("suppressed")::add);
        ObjectNode types = n.putObject("types");
        new java.util.TreeMap<>(o.typeOverrides()).forEach((c, t) -> types.put(c, t.name()));
        n.put("sqliteTable", o.sqliteTable());
        n.put("sqliteQuery", o.sqliteQuery());
        return n;
    }

    /** Reads an {@code "import"} object into the builder. */
    public static void read(ObjectNode n, Builder b, String where) throws ConfigurationException {
        RequestJson.Reader r = new RequestJson.Reader(n, where + ".import");
        b.encoding(r.string("encoding"));
        b.delimiter(r.string("delimiter"));
        b.quote(r.string("quote"));
        b.header(r.bool("header"));
        b.missing(r.strings("missing"));
        b.suppressed(r.strings("suppressed"));
        ObjectNode types = r.object("types");
        if (types != null) {
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = types.fields(); it
                    .hasNext();) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
                b.type(e.getKey() + "=" + e.getValue().asText());
            }
        }
        b.sqliteTable(r.string("sqliteTable"));
        b.sqliteQuery(r.string("sqliteQuery"));
        r.finish();
    }

    /** Collects import settings; null arguments leave a field as it is. */
    public static final class Builder {
        private String encoding;
        private Character delimiter;
        private Character quote;
        private Boolean header;
        private Set<String> missing;
        private Set<String> suppressed;
        private final Map<String, ColumnType> types = new LinkedHashMap<>();
        private String sqliteTable;
        private String sqliteQuery;

        /** Starts from options chosen elsewhere (the GUI's import wizard). */
        public Builder options(ImportOptions o) {
            encoding = o.encoding();
            delimiter = o.delimiter();
            quote = o.quote();
            header = o.header();
            missing = o.missingTokens();
            suppressed = o.suppressionMarkers();
            types.clear();
            types.putAll(o.typeOverrides());
            sqliteTable = o.sqliteTable();
            sqliteQuery = o.sqliteQuery();
            return this;
        }

        /** UTF-8, windows-1252, ISO-8859-1, … (null: detect). */
        public Builder encoding(String name) throws ConfigurationException {
            if (name == null) {
                return this;
            }
            try {
                if (Charset.isSupported(name)) {
                    encoding = Charset.forName(name).name();
                    return this;
                }
            } catch (IllegalCharsetNameException e) {
                // reported below
            }
            throw new ConfigurationException("io.cli.badEncoding", name);
        }

        /** A character, or comma, semicolon, tab, pipe (null: detect). */
        public Builder delimiter(String d) throws ConfigurationException {
            if (d != null) {
                delimiter = character(d, "io.cli.badDelimiter");
            }
            return this;
        }

        public Builder quote(String q) throws ConfigurationException {
            if (q != null) {
                quote = character(q, "io.cli.badQuote");
            }
            return this;
        }

        public Builder header(Boolean h) {
            if (h != null) {
                header = h;
            }
            return this;
        }

        /** Tokens read as missing values (replaces the default). */
        public Builder missing(List<String> tokens) {
            if (tokens != null) {
                missing = strip(tokens);
            }
            return this;
        }

        /** Tokens read as suppressed values (replaces the default). */
        public Builder suppressed(List<String> tokens) {
            if (tokens != null) {
                suppressed = strip(tokens);
            }
            return this;
        }

        /** {@code COLUMN=integer|decimal|datetime|categorical}. */
        public Builder type(String columnEqualsType) throws ConfigurationException {
            if (columnEqualsType == null) {
                return this;
            }
            int eq = columnEqualsType.lastIndexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("io.cli.badType", columnEqualsType);
            }
            types.put(columnEqualsType.substring(0, eq).strip(), columnType(columnEqualsType,
                    columnEqualsType.substring(eq + 1)));
            return this;
        }

        public Builder sqliteTable(String table) {
            if (table != null) {
                sqliteTable = table;
            }
            return this;
        }

        public Builder sqliteQuery(String sql) {
            if (sql != null) {
                sqliteQuery = sql;
            }
            return this;
        }

        public ImportOptions build() {
            return new ImportOptions(encoding, delimiter, quote, header, missing, suppressed, types, sqliteTable,
                    sqliteQuery);
        }

        private static Set<String> strip(List<String> tokens) {
            Set<String> out = new LinkedHashSet<>();
            for (String s : tokens) {
                out.add(s.strip());
            }
            return out;
        }
    }

    static Character character(String s, String errorKey) throws ConfigurationException {
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

    private static ColumnType columnType(String option, String name) throws ConfigurationException {
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
