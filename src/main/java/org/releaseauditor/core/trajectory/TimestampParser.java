package org.releaseauditor.core.trajectory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Parses timestamps to epoch seconds: ISO 8601 (with or without offset; a space instead of
 * {@code T} is accepted; a date alone means midnight), epoch seconds, epoch milliseconds, or a
 * custom {@link DateTimeFormatter} pattern. Local times are read in the configured zone.
 */
public final class TimestampParser {

    /** A timestamp format. */
    public enum Kind {
        ISO("ISO 8601"), EPOCH_SECONDS("epoch seconds"), EPOCH_MILLIS("epoch milliseconds"), PATTERN("pattern");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A user-readable name of the format. */
        public String label() {
            return label;
        }
    }

    /** Returned by {@link #parse} when a value cannot be read. */
    public static final long INVALID = Long.MIN_VALUE;

    /** Epoch values at or above this magnitude are read as milliseconds when auto-detecting. */
    private static final double MILLIS_THRESHOLD = 1e11;

    private final Kind kind;
    private final DateTimeFormatter pattern;
    private final ZoneId zone;

    private TimestampParser(Kind kind, DateTimeFormatter pattern, ZoneId zone) {
        this.kind = kind;
        this.pattern = pattern;
        this.zone = zone;
    }

    /** A parser of a fixed format. */
    public static TimestampParser of(Kind kind, ZoneId zone) {
        if (kind == Kind.PATTERN) {
            throw new IllegalArgumentException("use ofPattern");
        }
        return new TimestampParser(kind, null, zone);
    }

    /**
     * A parser of a custom pattern.
     *
     * @throws IllegalArgumentException when the pattern is invalid
     */
    public static TimestampParser ofPattern(String pattern, ZoneId zone) {
        return new TimestampParser(Kind.PATTERN, DateTimeFormatter.ofPattern(pattern, Locale.ROOT), zone);
    }

    /** The format of one value, guessed from its shape (never {@link Kind#PATTERN}); null if none fits. */
    public static Kind detect(String value) {
        String s = value.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (isNumber(s)) {
            try {
                return Math.abs(Double.parseDouble(s)) >= MILLIS_THRESHOLD ? Kind.EPOCH_MILLIS : Kind.EPOCH_SECONDS;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return parseIso(s, ZoneId.of("UTC")) == INVALID ? null : Kind.ISO;
    }

    private static boolean isNumber(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        boolean dot = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public Kind kind() {
        return kind;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Epoch seconds of {@code value}, or {@link #INVALID}. */
    public long parse(String value) {
        String s = value.trim();
        if (s.isEmpty()) {
            return INVALID;
        }
        switch (kind) {
            case EPOCH_SECONDS:
                return parseEpoch(s, 1);
            case EPOCH_MILLIS:
                return parseEpoch(s, 1000);
            case ISO:
                return parseIso(s, zone);
            default:
                return parsePattern(s);
        }
    }

    private static long parseEpoch(String s, int divisor) {
        if (!isNumber(s)) {
            return INVALID;
        }
        try {
            double d = Double.parseDouble(s);
            return (long) Math.floor(d / divisor);
        } catch (NumberFormatException e) {
            return INVALID;
        }
    }

    private static long parseIso(String raw, ZoneId zone) {
        String s = raw;
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(zone).toEpochSecond();
            }
            TemporalAccessor ta = DateTimeFormatter.ISO_DATE_TIME.parse(s);
            if (ta.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Instant.from(ta).getEpochSecond();
            }
            return LocalDateTime.from(ta).atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    private long parsePattern(String s) {
        try {
            TemporalAccessor ta = pattern.parse(s);
            if (ta.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Instant.from(ta).getEpochSecond();
            }
            if (ta.isSupported(ChronoField.HOUR_OF_DAY)) {
                return LocalDateTime.from(ta).atZone(zone).toEpochSecond();
            }
            return LocalDate.from(ta).atStartOfDay(zone).toEpochSecond();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }
}
