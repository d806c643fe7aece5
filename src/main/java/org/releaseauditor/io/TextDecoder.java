package org.releaseauditor.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns field bytes into a String, only for values seen for the first time. UTF-8 is decoded
 * strictly (invalid input is reported, never replaced); single-byte charsets cannot fail. ASCII
 * bytes take a fast path.
 */
final class TextDecoder {
    private static final byte[] ASCII_PROBE = "\n\r,;\t|\"'".getBytes(StandardCharsets.US_ASCII);

    private final Charset charset;
    private final boolean utf8;
    private final CharsetDecoder strict;

    TextDecoder(Charset charset) {
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether the charset encodes line breaks, delimiters and quotes as single ASCII bytes. */
    static boolean isAsciiCompatible(Charset cs) {
        if (!cs.canEncode()) {
            return false;
        }
        byte[] enc = "\n\r,;\t|\"'".getBytes(cs);
        return java.util.Arrays.equals(enc, ASCII_PROBE)
                && !cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")
                && !cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-32");
    }

    Charset charset() {
        return charset;
    }

    /** The decoded text, or null when the bytes are not valid in the charset (UTF-8 only). */
    String decode(byte[] b, int off, int len) {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        if (!utf8) {
            return new String(b, off, len, charset);
        }
        try {
            CharBuffer cb = strict.reset().decode(ByteBuffer.wrap(b, off, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Lenient decoding (replacement characters) for previews of possibly truncated samples. */
    String decodeLenient(byte[] b, int off, int len) {
        return new String(b, off, len, charset);
    }

    /**
     * Whether {@code b[0..len)} is valid UTF-8; a sequence cut off at the end is accepted when
     * {@code truncated} (the sample ends inside a character).
     */
    static boolean isValidUtf8(byte[] b, int from, int len, boolean truncated) {
        int i = from;
        int end = from + len;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= end) {
                return truncated && continuationOk(b, i + 1, end);
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }

    private static boolean continuationOk(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}
