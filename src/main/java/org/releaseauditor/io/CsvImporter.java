package org.releaseauditor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.model.TypeInference;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CSV, TSV, semicolon- and pipe-separated text files into dictionary-encoded datasets.
 *
 * <p>{@link #sniff} looks at the first MiB to detect encoding, delimiter, quote character and
 * header and to preview rows. {@link #read} streams the whole file through a 1 MiB byte buffer:
 * each field's bytes are hashed while splitting and looked up in a per-column byte-keyed
 * dictionary; a String is created only for a value seen for the first time. Each column gets its
 * own {@code int[]} of codes. Types are inferred from the distinct values afterwards.
 */
public final class CsvImporter {
    private static final Logger LOGGER = LoggerFactory.getLogger(CsvImporter.class);

    static final int BUFFER_SIZE = 1 << 20;
    static final int SAMPLE_SIZE = 1 << 20;
    private static final int SNIFF_RECORDS = 1000;
    private static final byte[] DELIMITERS = {',', ';', '\t', '|'};

    /** What detection and options decided about the file's format. */
    private record Format(Charset charset, boolean bom, byte delimiter, byte quote, boolean header) {
    }

    /** The first bytes of the file. */
    private record Sample(byte[] bytes, int length, boolean whole, long fileSize) {
    }

    /** Detects the format of a file and previews its first rows (reads at most 1 MiB). */
    public SniffResult sniff(Path file, ImportOptions opts) throws DatasetFormatException {
        String name = file.toString();
        Sample sample = readSample(file);
        Format fmt = detect(name, sample, opts);
        TextDecoder dec = new TextDecoder(fmt.charset());
        RecordReader rr = sampleReader(name, sample, fmt);
        try {
            List<String> names;
            int n;
            long headerEnd = 0;
            List<String[]> rows = new ArrayList<>();
            if (fmt.header()) {
                if (!rr.next()) {
                    throw new DatasetFormatException(name, 1, 0, "io.error.empty", name);
                }
                names = columnNames(name, rr, dec);
                headerEnd = rr.bytesConsumed();
            } else {
                names = null;
            }
            while (rows.size() < SNIFF_RECORDS && rr.next()) {
                rows.add(fields(rr, dec, true));
            }
            if (names == null) {
                if (rows.isEmpty()) {
                    throw new DatasetFormatException(name, 1, 0, "io.error.empty", name);
                }
                names = generatedNames(rows.get(0).length);
            }
            n = names.size();
            if (rows.isEmpty()) {
                throw new DatasetFormatException(name, 2, 0, "io.error.headerOnly", name, n);
            }
            long dataEnd = rr.bytesConsumed();
            boolean exact = sample.whole();
            long counted = rows.size();
            while (exact && rr.next()) {
                rr.requireFields(n);
                counted++;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).length != n) {
                    // line numbers are not tracked per sampled row; re-read to locate precisely
                    locateRagged(name, sample, fmt, n);
                }
            }
            List<ColumnType> types = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                Set<String> distinct = new HashSet<>();
                for (String[] r : rows) {
                    String v = r[c];
                    if (!opts.missingTokens().contains(v) && !opts.suppressionMarkers().contains(v)) {
                        distinct.add(v);
                    }
                }
                types.add(TypeInference.infer(distinct.toArray(new String[0])));
            }
            ColumnTypes.checkOverrides(name, opts.typeOverrides(), names);
            for (Map.Entry<String, ColumnType> e : opts.typeOverrides().entrySet()) {
                types.set(names.indexOf(e.getKey()), e.getValue());
            }
            long estimate;
            if (exact) {
                estimate = counted;
            } else {
                double perRow = (double) (dataEnd - headerEnd) / rows.size();
                estimate = Math.round((sample.fileSize() - headerEnd) / perRow);
            }
            List<List<String>> preview = new ArrayList<>();
            for (int i = 0; i < Math.min(SniffResult.PREVIEW_ROWS, rows.size()); i++) {
                preview.add(Arrays.asList(rows.get(i)));
            }
            return new SniffResult(fmt.charset().name(), fmt.bom(), (char) fmt.delimiter(), (char) fmt.quote(),
                    fmt.header(), names, types, preview, sample.fileSize(), estimate, exact);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /**
     * Reads the whole file. Progress is reported in bytes; cancellation is checked every
     * {@link ProgressMonitor#CHECK_INTERVAL} rows.
     */
    public Dataset read(Path file, ImportOptions opts, ProgressMonitor monitor) throws DatasetFormatException {
        long t0 = System.nanoTime();
        String name = file.toString();
        Sample sample = readSample(file);
        Format fmt = detect(name, sample, opts);
        TextDecoder dec = new TextDecoder(fmt.charset());
        String phase = Messages.get("io.progress.reading", file.getFileName());
        monitor.update(phase, 0, sample.fileSize());
        try (InputStream in = Files.newInputStream(file)) {
            RecordReader rr = new RecordReader(in, name, fmt.delimiter(), fmt.quote(), BUFFER_SIZE, false);
            if (fmt.bom()) {
                rr.skip(3);
            }
            List<String> names;
            if (!rr.next()) {
                throw new DatasetFormatException(name, 1, 0, "io.error.empty", name);
            }
            if (fmt.header()) {
                names = columnNames(name, rr, dec);
                if (!rr.next()) {
                    throw new DatasetFormatException(name, 2, 0, "io.error.headerOnly", name, names.size());
                }
            } else {
                names = generatedNames(rr.fieldCount);
            }
            long estimate = estimateRows(sample);
            int cap = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 16, estimate + estimate / 8 + 16));
            ColumnEncoder enc = new ColumnEncoder(name, names, dec, opts.missingTokens(), opts.suppressionMarkers(),
                    cap);
            do {
                enc.add(rr);
                if (enc.rows() % ProgressMonitor.CHECK_INTERVAL == 0) {
                    monitor.checkCancelled();
                    monitor.update(phase, rr.bytesConsumed(), sample.fileSize());
                }
            } while (rr.next());
            monitor.update(phase, sample.fileSize(), sample.fileSize());
            Dataset ds = build(name, file, names, enc, opts);
            LOGGER.info("Imported {} rows x {} columns from {} ({} bytes, {}, delimiter 0x{}) in {} ms", enc.rows(),
                    names.size(),
                    file.getFileName(), sample.fileSize(), fmt.charset().name(),
                    Integer.toHexString(fmt.delimiter()), (System.nanoTime() - t0) / 1_000_000);
            return ds;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private Dataset build(String name, Path file, List<String> names, ColumnEncoder enc, ImportOptions opts)
            throws DatasetFormatException {
        int n = names.size();
        ColumnTypes.checkOverrides(name, opts.typeOverrides(), names);
        List<Column> cols = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            String[] dict = enc.dictionary(c);
            ColumnType type = ColumnTypes.resolve(name, c, names.get(c), dict, opts.typeOverrides().get(names.get(c)));
            cols.add(new Column(names.get(c), type, dict, enc.takeCodes(c), enc.rows()));
        }
        return new Dataset(file.getFileName().toString(), cols);
    }

    private static long estimateRows(Sample sample) {
        int lines = 0;
        for (int i = 0; i < sample.length(); i++) {
            if (sample.bytes()[i] == '\n') {
                lines++;
            }
        }
        if (sample.whole()) {
            return lines + 1L;
        }
        return lines == 0 ? 1024 : Math.round((double) sample.fileSize() / sample.length() * lines);
    }

    // ---------------------------------------------------------------- file access and magic bytes

    private static Sample readSample(Path file) throws DatasetFormatException {
        String name = file.toString();
        byte[] buf = FileHead.read(file, SAMPLE_SIZE);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw FileHead.unreadable(name, e);
        }
        if (buf.length == 0) {
            throw new DatasetFormatException(name, 1, 0, "io.error.empty", name);
        }
        checkMagic(name, buf, buf.length);
        return new Sample(buf, buf.length, buf.length >= size, size);
    }

    private static DatasetFormatException unreadable(String name, IOException e) {
        return FileHead.unreadable(name, e);
    }

    private static void checkMagic(String name, byte[] b, int len) throws DatasetFormatException {
        String kind = null;
        if (startsWith(b, len, 0x1F, 0x8B)) {
            kind = "gzip";
        } else if (startsWith(b, len, 'P', 'K', 3, 4) || startsWith(b, len, 'P', 'K', 5, 6)) {
            kind = "zip";
        } else if (startsWith(b, len, 'B', 'Z', 'h')) {
            kind = "bzip2";
        } else if (startsWith(b, len, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            kind = "xz";
        } else if (startsWith(b, len, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            kind = "7-Zip";
        } else if (startsWith(b, len, 0x28, 0xB5, 0x2F, 0xFD)) {
            kind = "zstd";
        }
        if (kind != null) {
            throw new DatasetFormatException(name, 0, 0, "io.error.compressed", name, kind);
        }
        if (startsWith(b, len, 'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0)) {
            throw new DatasetFormatException(name, 0, 0, "io.error.sqliteFile", name);
        }
        if (startsWith(b, len, 0xFE, 0xFF) || startsWith(b, len, 0xFF, 0xFE)) {
            throw new DatasetFormatException(name, 1, 1, "io.error.utf16", name);
        }
        for (int i = 0; i < len; i++) {
            if (b[i] == 0) {
                long line = 1;
                for (int k = 0; k < i; k++) {
                    if (b[k] == '\n') {
                        line++;
                    }
                }
                throw new DatasetFormatException(name, line, 0, "io.error.binary", name, i + 1L, line);
            }
        }
    }

    private static boolean startsWith(byte[] b, int len, int... magic) {
        if (len < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- detection

    private Format detect(String name, Sample sample, ImportOptions opts) throws DatasetFormatException {
        byte[] b = sample.bytes();
        int len = sample.length();
        boolean bom = startsWith(b, len, 0xEF, 0xBB, 0xBF);
        Charset cs;
        if (opts.encoding() != null) {
            cs = charset(name, opts.encoding());
        } else if (bom || TextDecoder.isValidUtf8(b, 0, len, !sample.whole())) {
            cs = StandardCharsets.UTF_8;
        } else {
            cs = Charset.forName("windows-1252");
        }
        if (bom && !cs.equals(StandardCharsets.UTF_8)) {
            bom = false; // a forced single-byte encoding reads the mark as text; we still skip nothing
        }
        int from = bom ? 3 : 0;
        byte quote = opts.quote() != null ? ascii(name, opts.quote()) : sniffQuote(b, from, len);
        byte delim = opts.delimiter() != null ? ascii(name, opts.delimiter())
                : sniffDelimiter(name, sample, from, quote);
        if (delim == quote) {
            throw new DatasetFormatException(name, 0, 0, "io.error.delimiterIsQuote", name,
                    String.valueOf((char) delim));
        }
        Format noHeader = new Format(cs, bom, delim, quote, false);
        boolean header = opts.header() != null ? opts.header()
                : sniffHeader(name, sample, noHeader, opts);
        return new Format(cs, bom, delim, quote, header);
    }

    private static Charset charset(String name, String encoding) throws DatasetFormatException {
        Charset cs;
        try {
            cs = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DatasetFormatException(name, 0, 0, "io.error.encodingUnsupported", name, encoding);
        }
        if (!TextDecoder.isAsciiCompatible(cs)) {
            throw new DatasetFormatException(name, 0, 0, "io.error.encodingUnsupported", name, encoding);
        }
        return cs;
    }

    private static byte ascii(String name, char c) throws DatasetFormatException {
        if (c == 0 || c > 0x7E || c == '\n' || c == '\r') {
            throw new DatasetFormatException(name, 0, 0, "io.error.badSeparator", name, String.valueOf((int) c));
        }
        return (byte) c;
    }

    /** Double quote unless single quotes clearly enclose fields more often. */
    private static byte sniffQuote(byte[] b, int from, int len) {
        int dq = 0;
        int sq = 0;
        for (int i = from; i < len; i++) {
            byte c = b[i];
            if (c == '"' || c == '\'') {
                boolean atStart = i == from || isBoundary(b[i - 1]);
                boolean atEnd = i + 1 >= len || isBoundary(b[i + 1]);
                if (atStart || atEnd) {
                    if (c == '"') {
                        dq++;
                    } else {
                        sq++;
                    }
                }
            }
        }
        return sq > dq && sq >= 2 ? (byte) '\'' : (byte) '"';
    }

    private static boolean isBoundary(byte c) {
        return c == ',' || c == ';' || c == '\t' || c == '|' || c == '\n' || c == '\r';
    }

    /**
     * The candidate that splits the sampled records into the same number (at least two) of fields
     * most consistently; ties go to more fields, then to the order comma, semicolon, tab, pipe.
     * Comma when no candidate splits anything (a one-column file).
     */
    private byte sniffDelimiter(String name, Sample sample, int from, byte quote) throws DatasetFormatException {
        byte best = ',';
        double bestScore = 0;
        DatasetFormatException quoting = null;
        for (byte d : DELIMITERS) {
            Map<Integer, Integer> freq = new HashMap<>();
            int records = 0;
            try {
                RecordReader rr = new RecordReader(new java.io.ByteArrayInputStream(sample.bytes(), from,
                        sample.length() - from), name, d, quote, 1 << 16, !sample.whole());
                while (records < 200 && rr.next()) {
                    records++;
                    freq.merge(rr.fieldCount, 1, Integer::sum);
                }
            } catch (IOException e) {
                continue; // this candidate cannot split the sample cleanly
            } catch (DatasetFormatException e) {
                // a broken quote further down: judge the candidate on the records before it, so that
                // reading reports the quote itself instead of a wrong one-column guess
                quoting = quoting == null ? e : quoting;
            }
            if (records == 0) {
                continue;
            }
            int mode = 0;
            int modeCount = 0;
            for (Map.Entry<Integer, Integer> e : freq.entrySet()) {
                if (e.getValue() > modeCount || e.getValue() == modeCount && e.getKey() > mode) {
                    mode = e.getKey();
                    modeCount = e.getValue();
                }
            }
            if (mode < 2) {
                continue;
            }
            double score = (double) modeCount / records + Math.min(mode, 1000) * 1e-6;
            if (score > bestScore + 1e-12) {
                bestScore = score;
                best = d;
            }
        }
        if (bestScore == 0 && quoting != null) {
            throw new DatasetFormatException(name, quoting.line(), quoting.column(), "io.error.delimiterQuoting", name,
                    quoting.getMessage());
        }
        return best;
    }

    /**
     * Header when no cell of the first row is a number or a date (years next to text labels are
     * allowed, as in {@code area,2019,2020}) and no column speaks against it
     * (empty or repeated names are reported later as errors, not taken as data); a column speaks for a header when its data is numeric or a date but its first
     * cell is not, and against it when the first cell has the data's type or repeats a data value.
     */
    private boolean sniffHeader(String name, Sample sample, Format fmt, ImportOptions opts) {
        List<String[]> rows = new ArrayList<>();
        try {
            RecordReader rr = sampleReader(name, sample, fmt);
            TextDecoder dec = new TextDecoder(fmt.charset());
            while (rows.size() < 200 && rr.next()) {
                rows.add(fields(rr, dec, true));
            }
        } catch (IOException | DatasetFormatException e) {
            return true; // reading reports the precise error later
        }
        if (rows.isEmpty()) {
            return true;
        }
        String[] first = rows.get(0);
        boolean hasText = false;
        for (String cell : first) {
            String s = cell.strip();
            hasText |= !s.isEmpty() && !TypeInference.matches(s, ColumnType.DECIMAL)
                    && !TypeInference.matches(s, ColumnType.DATE_TIME);
        }
        for (String cell : first) {
            String s = cell.strip();
            boolean yearLabel = hasText && isYear(s); // "area,2019,2020" heads a statistical table
            if (!s.isEmpty() && !yearLabel && (TypeInference.matches(s, ColumnType.DECIMAL)
                    || TypeInference.matches(s, ColumnType.DATE_TIME))) {
                return false;
            }
        }
        if (rows.size() == 1) {
            return true;
        }
        int votes = 0;
        for (int c = 0; c < first.length; c++) {
            Set<String> data = new HashSet<>();
            for (int r = 1; r < rows.size(); r++) {
                String[] row = rows.get(r);
                if (c < row.length && !opts.missingTokens().contains(row[c])
                        && !opts.suppressionMarkers().contains(row[c])) {
                    data.add(row[c]);
                }
            }
            ColumnType t = TypeInference.infer(data.toArray(new String[0]));
            if (t != ColumnType.CATEGORICAL) {
                votes++;
            } else if (data.contains(first[c])) {
                votes--;
            }
        }
        return votes >= 0;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isYear(String s) {
        if (s.length() != 4 || !TypeInference.matches(s, ColumnType.INTEGER)) {
            return false;
        }
        int y = Integer.parseInt(s);
        return y >= 1800 && y <= 2199;
    }

    private static RecordReader sampleReader(String name, Sample sample, Format fmt) throws DatasetFormatException {
        int from = fmt.bom() ? 3 : 0;
        return new RecordReader(new java.io.ByteArrayInputStream(sample.bytes(), from, sample.length() - from), name,
                fmt.delimiter(), fmt.quote(), Math.max(1 << 16, sample.length()), !sample.whole());
    }

    /** Decoded fields of the current record (sniffing, header). */
    private static String[] fields(RecordReader rr, TextDecoder dec, boolean lenient) {
        String[] out = new String[rr.fieldCount];
        byte[] scratch = null;
        for (int f = 0; f < rr.fieldCount; f++) {
            byte[] src = rr.buffer();
            int s = rr.starts[f];
            int len = rr.ends[f] - s;
            if (rr.escaped[f]) {
                scratch = new byte[len];
                len = rr.unescape(f, scratch);
                src = scratch;
                s = 0;
            }
            out[f] = lenient ? dec.decodeLenient(src, s, len) : dec.decode(src, s, len);
        }
        return out;
    }

    private static List<String> columnNames(String name, RecordReader rr, TextDecoder dec)
            throws DatasetFormatException {
        String[] raw = fields(rr, dec, false);
        List<String> names = new ArrayList<>(raw.length);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null) {
                throw invalidUtf8(name, rr.recordLine, i + 1, "#" + (i + 1));
            }
            String n = raw[i].strip();
            if (n.isEmpty()) {
                throw new DatasetFormatException(name, rr.recordLine, i + 1, "io.error.emptyColumnName", name,
                        rr.recordLine, i + 1);
            }
            Integer prev = index.putIfAbsent(n, i);
            if (prev != null) {
                throw new DatasetFormatException(name, rr.recordLine, i + 1, "io.error.duplicateColumn", name,
                        rr.recordLine, n, prev + 1, i + 1);
            }
            names.add(n);
        }
        return names;
    }

    private static List<String> generatedNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("column" + i);
        }
        return names;
    }

    private static DatasetFormatException invalidUtf8(String name, long line, int column, String columnName) {
        return new DatasetFormatException(name, line, column, "io.error.invalidUtf8", name, line, column, columnName);
    }

    /** Re-reads the sample to report the first record whose field count differs from {@code n}. */
    private static void locateRagged(String name, Sample sample, Format fmt, int n)
            throws IOException, DatasetFormatException {
        RecordReader rr = sampleReader(name, sample, fmt);
        boolean first = fmt.header();
        while (rr.next()) {
            if (first) {
                first = false;
                continue;
            }
            rr.requireFields(n);
        }
    }
}
