package org.releaseauditor.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.remediation.microdata.GeneralizationHierarchy;

/**
 * Reads and writes generalisation hierarchies in ARX's CSV format ({@code Hierarchy.create(file,
 * charset, ';')} / {@code Hierarchy.save}): UTF-8, no header, one row per original value, one
 * field per level from the original value to the most general, fields separated by {@code ;},
 * optionally quoted with {@code "} (a quote inside a quoted field is doubled). As ARX's reader
 * (univocity with its defaults) does, whitespace around unquoted fields is trimmed and empty lines
 * are skipped. A UTF-8 byte-order mark is ignored.
 */
public final class HierarchyCsv {

    /** ARX's default delimiter. */
    public static final char DELIMITER = ';';
    private static final char QUOTE = '"';

    private HierarchyCsv() {
    }

    /** Reads the hierarchy of {@code attribute} with ARX's default delimiter {@code ;}. */
    public static GeneralizationHierarchy read(Path file, String attribute)
            throws DatasetFormatException, ConfigurationException {
        return read(file, attribute, DELIMITER);
    }

    /**
     * Reads the hierarchy of {@code attribute} from {@code file}. Its source is recorded as the
     * file name and the SHA-256 of its bytes.
     */
    public static GeneralizationHierarchy read(Path file, String attribute, char delimiter)
            throws DatasetFormatException, ConfigurationException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new DatasetFormatException(name, 0, 0, "io.error.directory", name);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(e, name, 0, 0, "io.error.notFound", name);
        } catch (IOException e) {
            throw new DatasetFormatException(e, name, 0, 0, "io.error.unreadable", name, String.valueOf(e.getMessage()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(e, name, 0, 0, "remediation.hierarchyFile.encoding", name);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> rows = parse(name, text, delimiter);
        if (rows.isEmpty()) {
            throw new DatasetFormatException(name, 0, 0, "remediation.hierarchyFile.empty", name, attribute);
        }
        int levels = rows.get(0).length;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != levels) {
                throw new DatasetFormatException(name, r + 1, 0, "remediation.hierarchyFile.ragged", name, r + 1,
                        rows.get(r).length, levels, String.valueOf(delimiter));
            }
        }
        String source = file.getFileName() + " sha256:" + sha256(bytes);
        return GeneralizationHierarchy.of(attribute, source, rows);
    }

    /** Splits the text into rows of fields (line numbers in errors are 1-based physical lines). */
    static List<String[]> parse(String file, String text, char delimiter) throws DatasetFormatException {
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int n = text.length();
        int i = 0;
        long line = 1;
        while (i < n) {
            // one record
            fields.clear();
            long recordLine = line;
            boolean recordEnd = false;
            boolean emptyLine = true;
            while (!recordEnd) {
                field.setLength(0);
                boolean quoted = false;
                int start = i;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && text.charAt(i) != delimiter) {
                    i++;
                }
                if (i < n && text.charAt(i) == QUOTE) {
                    quoted = true;
                    emptyLine = false;
                    int col = i + 1;
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == QUOTE) {
                            if (i + 1 < n && text.charAt(i + 1) == QUOTE) {
                                field.append(QUOTE);
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (!closed) {
                        throw new DatasetFormatException(file, recordLine, col, "io.error.unterminatedQuote", file,
                                recordLine, col, "\"");
                    }
                    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t') && text.charAt(i) != delimiter) {
                        i++;
                    }
                } else {
                    i = start;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == delimiter || c == '\n' || c == '\r') {
                            break;
                        }
                        field.append(c);
                        i++;
                    }
                }
                String value = quoted ? field.toString() : field.toString().strip();
                if (!value.isEmpty()) {
                    emptyLine = false;
                }
                fields.add(value);
                if (i >= n) {
                    recordEnd = true;
                } else {
                    char c = text.charAt(i);
                    if (c == delimiter) {
                        emptyLine = false;
                        i++;
                    } else if (c == '\r' || c == '\n') {
                        i++;
                        if (c == '\r' && i < n && text.charAt(i) == '\n') {
                            i++;
                        }
                        line++;
                        recordEnd = true;
                    } else {
                        throw new DatasetFormatException(file, recordLine, 0, "io.error.afterQuote", file, recordLine,
                                0, String.valueOf(c));
                    }
                }
            }
            if (!(emptyLine && fields.size() == 1)) {
                rows.add(fields.toArray(new String[0]));
            }
        }
        return rows;
    }

    /** Writes a hierarchy in the same format (for example an automatic one, to edit it). */
    public static void write(GeneralizationHierarchy h, Writer out) throws IOException {
        for (String[] row : h.rows()) {
            for (int l = 0; l < row.length; l++) {
                if (l > 0) {
                    out.write(DELIMITER);
                }
                out.write(quote(row[l]));
            }
            out.write('\n');
        }
    }

    private static String quote(String v) {
        boolean needs = v.isEmpty() || v.indexOf(DELIMITER) >= 0 || v.indexOf(QUOTE) >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0 || !v.equals(v.strip());
        return needs ? QUOTE + v.replace("\"", "\"\"") + QUOTE : v;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
