package org.releaseauditor.service.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.summary.SummaryJson;
import org.releaseauditor.service.DatasetService;

/**
 * Reads a file as a dataset before it is registered in a case (issue 14: {@code case add-dataset}
 * accepted anything). Delimited text goes through the CSV importer's sniffer, an SQLite database
 * through the SQLite importer (every table is counted, so a truncated file fails), a JSON file must
 * be a lane summary (its reader checks format and version); anything else is refused with the
 * reason. Returns the schema to record.
 */
final class DatasetCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SAMPLE = 64 * 1024;

    private DatasetCheck() {
    }

    static String schemaOf(Path data) throws AuditException {
        Path file = data.toAbsolutePath().normalize();
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(name, 0, 0, "case.error.notAFile", name);
        }
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE);
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetFormatException(name, 0, 0, "case.error.unreadableData", name, String.valueOf(e.getMessage()));
        }
        if (size == 0) {
            throw new DatasetFormatException(name, 0, 0, "io.error.empty", name);
        }
        String kind = executableKind(head);
        if (kind != null) {
            throw new DatasetFormatException(name, 0, 0, "case.error.notData", name, kind);
        }
        DatasetService datasets = new DatasetService();
        ObjectNode root = JSON.createObjectNode();
        if (startsLikeJson(head)) {
            // a lane summary (src/docs/spark.md): checked by its reader, recorded with its lane
            SummaryJson.Header h = SummaryJson.header(file);
            root.put("format", SummaryJson.FORMAT);
            root.put("lane", h.lane());
            root.put("producer", h.producer());
            root.put("input", h.input().name());
            return root.toString();
        }
        if (datasets.isSqlite(file)) {
            long announced = announcedSize(head);
            if (announced > 0 && size < announced) {
                throw new DatasetFormatException(name, 0, 0, "case.error.truncatedSqlite", name, size, announced);
            }
            List<String> tables = datasets.listSqliteTables(file);
            if (tables.isEmpty()) {
                throw new DatasetFormatException(name, 0, 0, "case.error.noTables", name);
            }
            root.put("format", "sqlite");
            ArrayNode ts = root.putArray("tables");
            for (String t : tables) {
                // counting every row walks the table's pages: a damaged or cut file fails here
                long rows = datasets.loadSqliteQuery(file, "SELECT count(*) AS n FROM \"" + t.replace("\"", "\"\"")
                        + "\"", ImportOptions.defaults(), ProgressMonitor.none()).rowCount();
                ObjectNode o = ts.addObject();
                o.put("name", t);
                o.put("queried", rows == 1);
            }
            return root.toString();
        }
        int controls = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        if (controls > 0 && controls * 100L > head.length) {
            throw new DatasetFormatException(name, 0, 0, "case.error.controlBytes", name, controls, head.length);
        }
        SniffResult sniff = datasets.sniff(file, ImportOptions.defaults());
        if (sniff.columnNames().isEmpty() || sniff.columnNames().stream().allMatch(String::isBlank)) {
            throw new DatasetFormatException(name, 1, 0, "case.error.noColumns", name);
        }
        root.put("format", "delimited");
        root.put("charset", sniff.charset());
        root.put("delimiter", String.valueOf(sniff.delimiter()));
        root.put("header", sniff.header());
        ArrayNode cols = root.putArray("columns");
        sniff.columnNames().forEach(cols::add);
        ArrayNode types = root.putArray("types");
        for (ColumnType t : sniff.columnTypes()) {
            types.add(t.name());
        }
        root.put("estimatedRows", sniff.estimatedRows());
        return root.toString();
    }

    /** Whether the first non-blank byte (after a UTF-8 BOM) is an opening brace. */
    static boolean startsLikeJson(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i < b.length && b[i] == '{';
    }

    /** The kind of an executable or document file by its magic number, or null. */
    static String executableKind(byte[] b) {
        if (starts(b, 0x7F, 'E', 'L', 'F')) {
            return "ELF executable";
        }
        if (starts(b, 'M', 'Z')) {
            return "Windows executable";
        }
        if (starts(b, 0xCA, 0xFE, 0xBA, 0xBE) || starts(b, 0xCF, 0xFA, 0xED, 0xFE)) {
            return "Mach-O or Java class file";
        }
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "PDF document";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "PNG image";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Page size times page count from an SQLite header (0 when the header is too short). */
    static long announcedSize(byte[] head) {
        if (head.length < 100) {
            return 0;
        }
        int pageSize = ((head[16] & 0xff) << 8) | (head[17] & 0xff);
        long pages = ((head[28] & 0xffL) << 24) | ((head[29] & 0xffL) << 16) | ((head[30] & 0xffL) << 8)
                | (head[31] & 0xffL);
        return pages * (pageSize == 1 ? 65536 : pageSize);
    }
}
