package org.releaseauditor.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.releaseauditor.core.error.DatasetFormatException;

/**
 * Byte-level RFC 4180 record splitter over a large buffer. For each record it fills per-field
 * start/end offsets into {@link #buffer()} and whether the field holds doubled quotes. Unquoted
 * fields are scanned eight bytes at a time. No objects are created per record or field.
 *
 * <p>Rules: fields are separated by the delimiter; records end at LF, CRLF or CR; a field that
 * starts with the quote character is quoted and may contain delimiters, line breaks and doubled
 * quotes; completely empty lines are skipped. A quote inside an unquoted field is kept as text.
 */
final class RecordReader {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LF = 0x0A * ONES;
    private static final long CR = 0x0D * ONES;

    /** Nonzero where a byte of {@code x} is zero (exact for the lowest such byte). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /**
     * The position of the first delimiter, LF or CR at or after {@code p}, or {@code lim}. Looks
     * at eight bytes per step (SWAR) while they are available.
     */
    private static int scan(byte[] b, int p, int lim, byte d, long dMask) {
        while (p + 8 <= lim) {
            long w = (long) LONG_LE.get(b, p);
            long m = zeroBytes(w ^ dMask) | zeroBytes(w ^ LF) | zeroBytes(w ^ CR);
            if (m != 0) {
                return p + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            p += 8;
        }
        while (p < lim) {
            byte c = b[p];
            if (c == d || c == '\n' || c == '\r') {
                return p;
            }
            p++;
        }
        return lim;
    }

    /** A record longer than this is almost surely an unterminated quote. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    private final int maxRecordBytes;
    private final InputStream in;
    private final String file;
    private final byte delim;
    private final byte quote;
    private final boolean truncated;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean pendingLf;
    private long consumedBefore;

    int[] starts = new int[16];
    int[] ends = new int[16];
    boolean[] escaped = new boolean[16];
    int fieldCount;
    /** 1-based line on which the current record starts. */
    long recordLine;
    private long nextLine = 1;

    /**
     * @param truncated true when {@code in} is only a prefix of the file (sniffing): a record cut
     *                  off at the end is dropped instead of reported as an error
     */
    RecordReader(InputStream in, String file, byte delim, byte quote, int bufferSize, boolean truncated) {
        this(in, file, delim, quote, bufferSize, truncated, MAX_RECORD_BYTES);
    }

    /** @param maxRecordBytes longest record accepted (the buffer never grows beyond it) */
    RecordReader(InputStream in, String file, byte delim, byte quote, int bufferSize, boolean truncated,
            int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
        this.in = in;
        this.file = file;
        this.delim = delim;
        this.quote = quote;
        this.truncated = truncated;
        this.buf = new byte[bufferSize];
    }

    byte[] buffer() {
        return buf;
    }

    /** Bytes of the input consumed so far (up to the end of the current record). */
    long bytesConsumed() {
        return consumedBefore + pos;
    }

    /** Skips {@code n} bytes at the very start (a byte-order mark). */
    void skip(int n) throws IOException, DatasetFormatException {
        while (limit - pos < n && fill()) {
            // read until enough bytes are there
        }
        pos += Math.min(n, limit - pos);
    }

    /** Fails when the current record does not have {@code expected} fields. */
    void requireFields(int expected) throws DatasetFormatException {
        int fc = fieldCount;
        if (fc != expected) {
            throw new DatasetFormatException(file, recordLine, Math.min(fc, expected) + 1, "io.error.ragged", file,
                    recordLine, expected, fc);
        }
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException, DatasetFormatException {
        while (true) {
            if (pendingLf) {
                if (pos >= limit && !fill()) {
                    return false;
                }
                if (buf[pos] == '\n') {
                    pos++;
                }
                pendingLf = false;
            }
            if (pos >= limit && !fill()) {
                return false;
            }
            byte c = buf[pos];
            if (c == '\n' || c == '\r') {
                // empty line
                pos++;
                nextLine++;
                pendingLf = c == '\r';
                continue;
            }
            int r = parse();
            if (r > 0) {
                return true;
            }
            if (r < 0) {
                return false;
            }
            if (!fill()) {
                // no more input: parse again with eof set
                int again = parse();
                if (again == 0) {
                    throw new IllegalStateException("parser wants more input at end of file");
                }
                return again > 0;
            }
        }
    }

    /**
     * Moves the unconsumed bytes to the buffer start (growing it when one record fills it) and
     * reads more. Returns false when nothing more could be read.
     */
    private boolean fill() throws IOException, DatasetFormatException {
        if (eof) {
            return false;
        }
        int keep = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
            consumedBefore += pos;
            pos = 0;
            limit = keep;
        }
        if (limit == buf.length) {
            if (buf.length >= maxRecordBytes) {
                throw new DatasetFormatException(file, nextLine, 0, "io.error.recordTooLong", file, nextLine,
                        Math.max(1, maxRecordBytes >> 20));
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int total = 0;
        while (limit < buf.length) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                break;
            }
            limit += r;
            total += r;
        }
        return total > 0;
    }

    private void ensureFields(int f) {
        if (f >= starts.length) {
            int n = starts.length * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            escaped = Arrays.copyOf(escaped, n);
        }
    }

    /** 1 = record parsed, 0 = needs more input, -1 = truncated record dropped (sniffing). */
    private int parse() throws DatasetFormatException {
        final byte[] b = buf;
        final int lim = limit;
        final byte d = delim;
        final byte q = quote;
        final long dMask = (d & 0xFFL) * ONES;
        int p = pos;
        int f = 0;
        int nl = 0;
        while (true) {
            ensureFields(f);
            if (p < lim && b[p] == q) {
                int openLine = nl;
                p++;
                int start = p;
                boolean esc = false;
                while (true) {
                    if (p >= lim) {
                        if (!eof) {
                            return 0;
                        }
                        if (truncated) {
                            return -1;
                        }
                        throw new DatasetFormatException(file, nextLine + openLine, f + 1, "io.error.unterminatedQuote",
                                file, nextLine + openLine, f + 1, String.valueOf((char) q));
                    }
                    byte c = b[p];
                    if (c == q) {
                        if (p + 1 >= lim && !eof) {
                            return 0;
                        }
                        if (p + 1 < lim && b[p + 1] == q) {
                            esc = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        nl++;
                    }
                    p++;
                }
                starts[f] = start;
                ends[f] = p;
                escaped[f] = esc;
                f++;
                p++; // closing quote
                if (p >= lim) {
                    if (!eof) {
                        return 0;
                    }
                    return truncated ? -1 : finish(f, p, nl, false);
                }
                byte c = b[p];
                if (c == d) {
                    p++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    return finish(f, p, nl, true);
                }
                throw new DatasetFormatException(file, nextLine + nl, f, "io.error.afterQuote", file, nextLine + nl, f,
                        printable(c));
            }
            int start = p;
            p = scan(b, p, lim, d, dMask);
            if (p >= lim && !eof) {
                return 0;
            }
            if (p >= lim && truncated) {
                return -1;
            }
            starts[f] = start;
            ends[f] = p;
            escaped[f] = false;
            f++;
            if (p >= lim) {
                return finish(f, p, nl, false);
            }
            if (b[p] == d) {
                p++;
                continue;
            }
            return finish(f, p, nl, true);
        }
    }

    private int finish(int f, int p, int nl, boolean atTerminator) {
        fieldCount = f;
        recordLine = nextLine;
        int end = p;
        int lines = nl;
        if (atTerminator) {
            byte c = buf[end++];
            lines++;
            if (c == '\r') {
                if (end < limit) {
                    if (buf[end] == '\n') {
                        end++;
                    }
                } else {
                    pendingLf = true;
                }
            }
        }
        nextLine += lines;
        pos = end;
        return 1;
    }

    private static String printable(byte c) {
        int v = c & 0xFF;
        return v >= 0x20 && v < 0x7F ? String.valueOf((char) v) : String.format("0x%02X", v);
    }

    /**
     * Copies field {@code f} into {@code dst} with doubled quotes collapsed; returns the length.
     * Only needed when {@link #escaped} is set.
     */
    int unescape(int f, byte[] dst) {
        int n = 0;
        for (int i = starts[f]; i < ends[f]; i++) {
            byte c = buf[i];
            dst[n++] = c;
            if (c == quote) {
                i++;
            }
        }
        return n;
    }
}
