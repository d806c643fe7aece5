package org.releaseauditor.ui.trajectory;

import java.util.List;
import org.releaseauditor.core.i18n.Messages;

/**
 * A trajectory resolution as a person reads it, in the session's language: the lane's labels
 * ({@code none}, {@code 1h}, {@code tod:4h}, {@code weekday}, {@code grid:500m}) are a syntax for
 * requests and the CLI; on screen {@code none} reads "locations as given" or "times as given", and
 * the time-of-day and weekday bins and durations are spelled out. Grid, geohash and map labels stay
 * as they are (numbers and file names).
 */
public final class ResolutionText {

    private ResolutionText() {
    }

    /** A spatial resolution label ({@code none}, {@code grid:500m}, {@code geohash:6}, {@code map:NAME}). */
    public static String spatial(String label) {
        if (label == null) {
            return "\u2013";
        }
        return label.strip().equals("none") ? Messages.get("uitraj.res.spatial.none") : label;
    }

    /** A temporal resolution label ({@code none}, {@code 15m}, {@code 1h}, {@code tod:4h}, {@code weekday}, …). */
    public static String temporal(String label) {
        if (label == null) {
            return "\u2013";
        }
        String s = label.strip();
        if (s.equals("none")) {
            return Messages.get("uitraj.res.temporal.none");
        }
        if (s.equals("weekday")) {
            return Messages.get("uitraj.res.weekday");
        }
        if (s.startsWith("weekday-tod:")) {
            return Messages.get("uitraj.res.weekdayTod", duration(s.substring("weekday-tod:".length())));
        }
        if (s.startsWith("tod:")) {
            return Messages.get("uitraj.res.tod", duration(s.substring("tod:".length())));
        }
        return duration(s);
    }

    /**
     * A label where a word would not fit (the What-if sliders' value next to its name): only
     * {@code none} is translated ("keine"); the other labels are short as they are.
     */
    public static String brief(String label) {
        if (label == null) {
            return "\u2013";
        }
        return label.strip().equals("none") ? Messages.get("uitraj.res.none.brief") : label;
    }

    /** Every label of a list through {@link #spatial(String)}. */
    public static List<String> spatialAll(List<String> labels) {
        return labels.stream().map(ResolutionText::spatial).toList();
    }

    /** Every label of a list through {@link #temporal(String)}. */
    public static List<String> temporalAll(List<String> labels) {
        return labels.stream().map(ResolutionText::temporal).toList();
    }

    /** {@code 15m}, {@code 4h}, {@code 1d} spelled out; anything else unchanged. */
    static String duration(String d) {
        if (d.length() < 2) {
            return d;
        }
        String number = d.substring(0, d.length() - 1);
        if (!number.chars().allMatch(Character::isDigit)) {
            return d;
        }
        return switch (d.charAt(d.length() - 1)) {
            case 'm' -> Messages.get("uitraj.res.minutes", number);
            case 'h' -> Messages.get("uitraj.res.hours", number);
            case 'd' -> Messages.get("uitraj.res.days", number);
            default -> d;
        };
    }
}
