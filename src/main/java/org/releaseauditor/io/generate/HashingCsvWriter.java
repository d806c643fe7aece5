package org.releaseauditor.io.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.releaseauditor.core.generate.GeneratedFile;

/**
 * A fast writer of ASCII CSV lines that hashes (SHA-256) and counts what it writes. Values are
 * written without quoting, so callers only pass values without commas, quotes or line breaks.
 * Lines end with {@code \n}.
 */
final class HashingCsvWriter implements AutoCloseable {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final OutputStream out;
    private final MessageDigest digest;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long bytes;
    private long rows = -1;
    private boolean closed;
    private GeneratedFile result;

    HashingCsvWriter(Path dir, String name, String header) throws IOException {
        this.name = name;
        this.out = Files.newOutputStream(dir.resolve(name));
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        ascii(header);
        endLine();
    }

    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        digest.update(buf, 0, pos);
        out.write(buf, 0, pos);
        bytes += pos;
        pos = 0;
    }

    HashingCsvWriter ascii(String s) throws IOException {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
        return this;
    }

    HashingCsvWriter bytes(byte[] b) throws IOException {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    HashingCsvWriter comma() throws IOException {
        ensure(1);
        buf[pos++] = ',';
        return this;
    }

    HashingCsvWriter integer(long v) throws IOException {
        ensure(20);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[pos++] = (byte) ('0' + v);
            return this;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Two digits with a leading zero. */
    HashingCsvWriter twoDigits(int v) throws IOException {
        ensure(2);
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
        return this;
    }

    /** {@code digits} lower-case hex digits of {@code v}. */
    HashingCsvWriter hex(long v, int digits) throws IOException {
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            buf[pos++] = HEX[(int) ((v >>> (4 * i)) & 0xF)];
        }
        return this;
    }

    /** A single ASCII character. */
    HashingCsvWriter ch(char c) throws IOException {
        ensure(1);
        buf[pos++] = (byte) c;
        return this;
    }

    void endLine() throws IOException {
        ensure(1);
        buf[pos++] = '\n';
        rows++;
    }

    /** Flushes, closes and summarises the file (idempotent). */
    GeneratedFile finish() throws IOException {
        if (result == null) {
            flushBuffer();
            out.close();
            closed = true;
            result = new GeneratedFile(name, rows, bytes, HexFormat.of().formatHex(digest.digest()));
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
