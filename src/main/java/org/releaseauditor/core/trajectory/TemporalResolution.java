package org.releaseauditor.core.trajectory;

import java.util.Locale;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * How timestamps are generalised to time bins, in the table's time zone.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: time is ignored (points are areas only);</li>
 *   <li>{@link Kind#BIN}: absolute bins of {@code seconds} (minutes to days), aligned to local midnight;</li>
 *   <li>{@link Kind#TIME_OF_DAY}: classes of {@code seconds} within the day, the date dropped;</li>
 *   <li>{@link Kind#WEEKDAY}: the day of the week (7 classes);</li>
 *   <li>{@link Kind#WEEKDAY_TIME_OF_DAY}: day of week × time-of-day class.</li>
 * </ul>
 */
public record TemporalResolution(Kind kind, long seconds) {

    public enum Kind { NONE, BIN, TIME_OF_DAY, WEEKDAY, WEEKDAY_TIME_OF_DAY }

    private static final long DAY = 86_400;

    public TemporalResolution {
        if ((kind == Kind.BIN || kind == Kind.TIME_OF_DAY || kind == Kind.WEEKDAY_TIME_OF_DAY) && seconds <= 0) {
            throw new IllegalArgumentException("bin width must be positive");
        }
    }

    public static TemporalResolution bins(long seconds) {
        return new TemporalResolution(Kind.BIN, seconds);
    }

    public static TemporalResolution none() {
        return new TemporalResolution(Kind.NONE, 0);
    }

    /** The bin of a local epoch second (epoch second + zone offset); not dense for {@link Kind#BIN}. */
    public long bin(long localSecond) {
        switch (kind) {
            case NONE:
                return 0;
            case BIN:
                return Math.floorDiv(localSecond, seconds);
            case TIME_OF_DAY:
                return Math.floorMod(localSecond, DAY) / seconds;
            case WEEKDAY:
                return weekday(localSecond);
            default:
                long perDay = (DAY + seconds - 1) / seconds;
                return weekday(localSecond) * perDay + Math.floorMod(localSecond, DAY) / seconds;
        }
    }

    /** {min, max} bin of local seconds in [minLocal, maxLocal] (bins of classes: the whole class range). */
    public long[] binRange(long minLocal, long maxLocal) {
        switch (kind) {
            case NONE:
                return new long[] {0, 0};
            case BIN:
                return new long[] {bin(minLocal), bin(maxLocal)};
            case TIME_OF_DAY:
                return new long[] {0, (DAY + seconds - 1) / seconds - 1};
            case WEEKDAY:
                return new long[] {0, 6};
            default:
                return new long[] {0, 7 * ((DAY + seconds - 1) / seconds) - 1};
        }
    }

    /** Day of week 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
    static long weekday(long localSecond) {
        return Math.floorMod(Math.floorDiv(localSecond, DAY) + 3, 7);
    }

    /** A label such as {@code 1h}, {@code tod:4h}, {@code weekday}, {@code none}. */
    public String label() {
        switch (kind) {
            case NONE:
                return "none";
            case BIN:
                return duration(seconds);
            case TIME_OF_DAY:
                return "tod:" + duration(seconds);
            case WEEKDAY:
                return "weekday";
            default:
                return "weekday-tod:" + duration(seconds);
        }
    }

    static String duration(long s) {
        if (s % DAY == 0) {
            return s / DAY + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /** Parses {@code 15m}, {@code 1h}, {@code 1d}, {@code 30s}, {@code tod:4h}, {@code weekday}, {@code weekday-tod:6h}, {@code none}. */
    public static TemporalResolution parse(String spec) throws ConfigurationException {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.equals("none")) {
                return none();
            }
            if (s.equals("weekday")) {
                return new TemporalResolution(Kind.WEEKDAY, DAY);
            }
            if (s.startsWith("tod:")) {
                return new TemporalResolution(Kind.TIME_OF_DAY, parseDuration(s.substring(4), spec));
            }
            if (s.startsWith("weekday-tod:")) {
                return new TemporalResolution(Kind.WEEKDAY_TIME_OF_DAY, parseDuration(s.substring(12), spec));
            }
            return bins(parseDuration(s, spec));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("trajectory.error.badTemporal", spec);
        }
    }

    private static long parseDuration(String s, String spec) throws ConfigurationException {
        if (s.length() < 2) {
            throw new ConfigurationException("trajectory.error.badTemporal", spec);
        }
        long unit;
        switch (s.charAt(s.length() - 1)) {
            case 's':
                unit = 1;
                break;
            case 'm':
                unit = 60;
                break;
            case 'h':
                unit = 3600;
                break;
            case 'd':
                unit = DAY;
                break;
            case 'w':
                unit = 7 * DAY;
                break;
            default:
                throw new ConfigurationException("trajectory.error.badTemporal", spec);
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        if (n <= 0) {
            throw new ConfigurationException("trajectory.error.badTemporal", spec);
        }
        return n * unit;
    }
}
