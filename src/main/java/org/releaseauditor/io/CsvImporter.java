package org.releaseauditor.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.error.ResourceLimitException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnCodes;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.model.TypeInference;
import org.releaseauditor.core.parallel.MemoryBudget;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CSV, TSV, semicolon- and pipe-separated text files into dictionary-encoded datasets.
 *
 * <p>{@link #sniff} looks at the first MiB to detect encoding, delimiter, quote character and
 * header and to preview rows. {@link #read} streams the file through 1 MiB byte buffers: each
 * field's bytes are hashed while splitting and looked up in a per-column byte-keyed dictionary; a
 * String is created only for a value seen for the first time. Each column gets compact codes (one
 * byte a row for up to 253 distinct values). Types are inferred from the distinct values
 * afterwards.
 *
 * <p>Files of {@value #MIN_PARALLEL_BYTES} bytes and more are split into byte ranges at line
 * feeds and read in parallel, each range with its own dictionaries; the dictionaries are then
 * merged in file order, so the dataset is identical to a sequential read. When a range cannot be
 * read on its own (a quoted field with a line break across a boundary, or any error) the whole file
 * is read sequentially, which also gives errors their exact line numbers.
 */
public final class CsvImporter {
    private static final Logger LOGGER = LoggerFactory.getLogger(CsvImporter.class);

    static final int BUFFER_SIZE = 1 << 20;
    /** Files smaller than this are read on one thread (splitting costs more than it saves). */
    static final long MIN_PARALLEL_BYTES = 8L << 20;
    static final int SAMPLE_SIZE = 1 << 20;
    private static final int SNIFF_RECORDS = 1000;
    private static final byte[] DELIMITERS = {',', ';', '\t', '|'};

    private final Workers workers;
    private final long minParallelBytes;
    /** Byte ranges the last {@link #read} used (1 = sequential); for tests. */
    volatile int lastChunks;

    /** An importer that reads large files with every core. */
    public CsvImporter() {
        this(Workers.defaults(), MIN_PARALLEL_BYTES);
    }

    /**
     * @param workers          the cores to read with
     * @param minParallelBytes smallest file read in parallel (tests use tiny values)
     */
    CsvImporter(Workers workers, long minParallelBytes) {
        this.workers = workers;
        this.minParallelBytes = minParallelBytes;
    }

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
     * Reads the whole file with every core (see {@link #CsvImporter(Workers, long)}). Progress is
     * reported in bytes; cancellation is checked every {@link ProgressMonitor#CHECK_INTERVAL} rows.
     */
    public Dataset read(Path file, ImportOptions opts, ProgressMonitor monitor)
            throws DatasetFormatException, ResourceLimitException {
        long t0 = System.nanoTime();
        String name = file.toString();
        Sample sample = readSample(file);
        Format fmt = detect(name, sample, opts);
        TextDecoder dec = new TextDecoder(fmt.charset());
        checkMemory(file, sample, fmt);
        String phase = Messages.get("io.progress.reading", file.getFileName());
        monitor.update(phase, 0, sample.fileSize());
        Dataset ds = null;
        int chunks = 1;
        if (!workers.isSequential() && sample.fileSize() >= minParallelBytes && Files.isRegularFile(file)) {
            Header header = header(file, name, fmt, dec);
            long dataBytes = sample.fileSize() - header.dataStart();
            if (header.names() != null && dataBytes > 0) {
                long[] bounds = chunkBounds(file, name, header.dataStart(), sample.fileSize(),
                        workers.tasks(dataBytes, Math.max(1, minParallelBytes / 4)));
                chunks = bounds.length - 1;
                if (chunks > 1) {
                    ds = readChunks(file, name, fmt, header.names(), bounds, sample, opts, phase, monitor);
                }
            }
        }
        if (ds == null) {
            chunks = 1;
            ds = readSequential(file, name, fmt, dec, sample, opts, phase, monitor);
        }
        lastChunks = chunks;
        monitor.update(phase, sample.fileSize(), sample.fileSize());
        LOGGER.info("Imported {} rows x {} columns from {} ({} bytes, {}, delimiter 0x{}, {} chunks) in {} ms",
                ds.rowCount(), ds.columns().size(), file.getFileName(), sample.fileSize(), fmt.charset().name(),
                Integer.toHexString(fmt.delimiter()), chunks, (System.nanoTime() - t0) / 1_000_000);
        return ds;
    }

    /**
     * Stops before reading when the dataset and a typical analysis of it cannot fit the heap:
     * rows estimated from the sample, columns from its first record (or its delimiters when the
     * first record is longer than the sample).
     */
    private void checkMemory(Path file, Sample sample, Format fmt) throws ResourceLimitException {
        long rows = estimateRows(sample);
        int from = fmt.bom() ? 3 : 0;
        long columns = 1;
        byte[] b = sample.bytes();
        int i = from;
        for (; i < sample.length() && b[i] != '\n' && b[i] != '\r'; i++) {
            if (b[i] == fmt.delimiter()) {
                columns++;
            }
        }
        if (i == sample.length() && !sample.whole()) {
            // the first record is longer than the sample: a very wide file
            columns = Math.round(columns * (double) sample.fileSize() / sample.length());
            rows = 1;
        }
        boolean parallel = !workers.isSequential() && sample.fileSize() >= minParallelBytes;
        // the larger of the read itself (a parallel read holds its ranges' codes and the merged
        // columns at once) and the columns afterwards with the analysis's per-row need
        long need = MemoryBudget.IMPORT_BASE + columns * MemoryBudget.IMPORT_PER_COLUMN
                + Math.max(rows * columns * (parallel ? 2 : 1), rows * columns + rows * MemoryBudget.ANALYSIS_PER_ROW);
        MemoryBudget.require(Messages.get("error.memory.import", file.getFileName()), need, rows, columns);
    }

    /** The whole file on the calling thread: the reference path, and the fallback of the parallel one. */
    private Dataset readSequential(Path file, String name, Format fmt, TextDecoder dec, Sample sample,
            ImportOptions opts, String phase, ProgressMonitor monitor) throws DatasetFormatException {
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
            int cap = (int) Math.max(1024, Math.min(ColumnEncoder.MAX_ROWS, estimate + estimate / 8 + 16));
            ColumnEncoder enc = new ColumnEncoder(name, names, dec, opts.missingTokens(), opts.suppressionMarkers(),
                    cap, false);
            do {
                enc.add(rr);
                if (enc.rows() % ProgressMonitor.CHECK_INTERVAL == 0) {
                    monitor.checkCancelled();
                    monitor.update(phase, rr.bytesConsumed(), sample.fileSize());
                }
            } while (rr.next());
            String[][] dicts = new String[names.size()][];
            ColumnCodes[] codes = new ColumnCodes[names.size()];
            for (int c = 0; c < names.size(); c++) {
                dicts[c] = enc.dictionary(c);
                codes[c] = enc.codes(c);
                enc.release(c);
            }
            return build(name, file, names, dicts, codes, opts);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** The column names and the byte offset where the data records start. */
    private record Header(List<String> names, long dataStart) {
    }

    /** Reads the header record (or the first record's width when there is no header). */
    private static Header header(Path file, String name, Format fmt, TextDecoder dec) throws DatasetFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            RecordReader rr = new RecordReader(in, name, fmt.delimiter(), fmt.quote(), 1 << 16, false);
            if (fmt.bom()) {
                rr.skip(3);
            }
            if (!rr.next()) {
                return new Header(null, 0);
            }
            if (fmt.header()) {
                return new Header(columnNames(name, rr, dec), rr.bytesConsumed());
            }
            return new Header(generatedNames(rr.fieldCount), fmt.bom() ? 3 : 0);
        } catch (IOException | DatasetFormatException e) {
            return new Header(null, 0); // the sequential path reports the precise error
        }
    }

    /**
     * Splits [start, end) into about {@code parts} byte ranges that each begin right after a line
     * feed. A range may still begin inside a quoted field that holds a line break; the reader of
     * the range before it then ends inside the quote, which {@link #readChunks} detects.
     */
    private static long[] chunkBounds(Path file, String name, long start, long end, int parts)
            throws DatasetFormatException {
        List<Long> bounds = new ArrayList<>();
        bounds.add(start);
        if (parts > 1) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer window = ByteBuffer.allocate(1 << 16);
                for (int k = 1; k < parts; k++) {
                    long at = Math.max(bounds.get(bounds.size() - 1), start + (end - start) * k / parts);
                    long next = nextLineStart(ch, window, at, end);
                    if (next > bounds.get(bounds.size() - 1) && next < end) {
                        bounds.add(next);
                    }
                }
            } catch (IOException e) {
                throw unreadable(name, e);
            }
        }
        bounds.add(end);
        long[] out = new long[bounds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bounds.get(i);
        }
        return out;
    }

    /** The offset after the first line feed at or after {@code at}, or {@code end} when there is none. */
    private static long nextLineStart(FileChannel ch, ByteBuffer window, long at, long end) throws IOException {
        long pos = at;
        while (pos < end) {
            window.clear();
            int r = ch.read(window, pos);
            if (r <= 0) {
                return end;
            }
            byte[] b = window.array();
            for (int i = 0; i < r; i++) {
                if (b[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += r;
        }
        return end;
    }

    /**
     * Reads byte ranges of the file in parallel, each into its own encoder, then merges the
     * dictionaries in file order and concatenates the codes. Returns null when a range cannot
     * be read on its own (a quoted line break across a boundary, or any error: the sequential read
     * then gives the exact same result or the precise error).
     */
    private Dataset readChunks(Path file, String name, Format fmt, List<String> names, long[] bounds, Sample sample,
            ImportOptions opts, String phase, ProgressMonitor monitor) throws DatasetFormatException {
        int k = bounds.length - 1;
        ColumnEncoder[] encoders = new ColumnEncoder[k];
        AtomicBoolean failed = new AtomicBoolean();
        SharedProgress progress = new SharedProgress(monitor, phase, sample.fileSize());
        double bytesPerRow = Math.max(1.0, (double) sample.fileSize() / Math.max(1, estimateRows(sample)));
        workers.forEach(k, j -> {
                if (failed.get()) {
                    return;
                }
                long from = bounds[j];
                long to = bounds[j + 1];
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    InputStream in = new RangeStream(ch, from, to);
                    RecordReader rr = new RecordReader(in, name, fmt.delimiter(), fmt.quote(), BUFFER_SIZE, false);
                    int cap = (int) Math.min(ColumnEncoder.MAX_ROWS, (long) ((to - from) / bytesPerRow * 1.1) + 16);
                    ColumnEncoder enc = new ColumnEncoder(name, names, new TextDecoder(fmt.charset()),
                            opts.missingTokens(), opts.suppressionMarkers(), cap, true);
                    long reported = 0;
                    while (rr.next()) {
                        enc.add(rr);
                        if (enc.rows() % ProgressMonitor.CHECK_INTERVAL == 0) {
                            if (failed.get()) {
                                return;
                            }
                            long now = rr.bytesConsumed();
                            progress.add(now - reported);
                            reported = now;
                        }
                    }
                    progress.add((to - from) - reported);
                    encoders[j] = enc;
                } catch (IOException | DatasetFormatException | RuntimeException e) {
                    if (e instanceof CancelledException c) {
                        throw c;
                    }
                    failed.set(true);
                    LOGGER.debug("Chunk {} of {} cannot be read on its own ({}); reading sequentially", j, k,
                            e.getClass().getSimpleName());
                }
            });
        if (failed.get()) {
            return null;
        }
        long total = 0;
        int[] offsets = new int[k];
        for (int j = 0; j < k; j++) {
            offsets[j] = (int) Math.min(Integer.MAX_VALUE, total);
            total += encoders[j].rows();
        }
        if (total > ColumnEncoder.MAX_ROWS) {
            throw new DatasetFormatException(name, 0, 0, "io.error.tooManyRows", name, ColumnEncoder.MAX_ROWS);
        }
        if (total == 0) {
            return null; // only blank lines after the header: the sequential read reports it
        }
        monitor.checkCancelled();
        int[][][] remap = ColumnEncoder.merge(encoders);
        int n = names.size();
        String[][] dicts = new String[n][];
        ColumnCodes[] codes = new ColumnCodes[n];
        int rows = (int) total;
        for (int c = 0; c < n; c++) {
            monitor.checkCancelled();
            dicts[c] = encoders[0].dictionary(c);
            ColumnCodes.Target target = new ColumnCodes.Target(rows, dicts[c].length);
            final int col = c;
            workers.forEach(k, j -> {
                target.put(encoders[j].codes(col), offsets[j], j == 0 ? null : remap[j][col]);
                encoders[j].release(col);
            });
            codes[c] = target.build();
        }
        return build(name, file, names, dicts, codes, opts);
    }

    /** The bytes [from, to) of a file channel as a stream (positional reads, no shared position). */
    private static final class RangeStream extends InputStream {
        private final FileChannel ch;
        private long pos;
        private final long end;

        RangeStream(FileChannel ch, long from, long to) {
            this.ch = ch;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) {
                return -1;
            }
            int want = (int) Math.min(len, end - pos);
            int r = ch.read(ByteBuffer.wrap(b, off, want), pos);
            if (r < 0) {
                return -1;
            }
            pos += r;
            return r;
        }
    }

    private Dataset build(String name, Path file, List<String> names, String[][] dicts, ColumnCodes[] codes,
            ImportOptions opts) throws DatasetFormatException {
        int n = names.size();
        ColumnTypes.checkOverrides(name, opts.typeOverrides(), names);
        List<Column> cols = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            String[] dict = dicts[c];
            ColumnType type = ColumnTypes.resolve(name, c, names.get(c), dict, opts.typeOverrides().get(names.get(c)));
            cols.add(new Column(names.get(c), type, dict, codes[c]));
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
