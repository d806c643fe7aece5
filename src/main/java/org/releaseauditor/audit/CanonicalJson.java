package org.releaseauditor.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON used for hashing (documented in {@code src/docs/audit-cases.md} so that a
 * regulator can re-implement it): one JSON object, keys sorted by UTF-16 code unit order (all our
 * keys are ASCII), no whitespace; values are JSON strings, integers, nested canonical objects or
 * {@code null}. Strings escape only {@code "} and {@code \} and U+0000..U+001F ({@code \b \f \n
 * \r \t} and otherwise {@code \}{@code u00xx}, lower-case hex); every other character is written
 * as itself in UTF-8. This equals RFC 8785 (JCS) for these value types.
 */
public final class CanonicalJson {

    /** The {@code prev_hash} of the first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private CanonicalJson() {
    }

    /** Writes a map (String, Long/Integer, Map, or null values) as canonical JSON. */
    public static String write(Map<String, ?> object) {
        StringBuilder sb = new StringBuilder();
        writeObject(sb, object);
        return sb.toString();
    }

    /** Writes a list (of the same value types) as a canonical JSON array. */
    public static String writeArray(Iterable<?> values) {
        StringBuilder sb = new StringBuilder();
        writeValue(sb, values);
        return sb.toString();
    }

    private static void writeObject(StringBuilder sb, Map<String, ?> object) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : new TreeMap<>(object).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            writeString(sb, e.getKey());
            sb.append(':');
            writeValue(sb, e.getValue());
        }
        sb.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Long || v instanceof Integer) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            writeObject(sb, (Map<String, ?>) m);
        } else if (v instanceof Iterable<?> it) {
            sb.append('[');
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeValue(sb, o);
            }
            sb.append(']');
        } else {
            writeString(sb, v.toString());
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
