package org.releaseauditor.core.aggregate;

import java.util.List;
import java.util.Set;

/**
 * How to read one count table of a release set.
 *
 * @param name               the table's name in reports
 * @param countColumn        the count column (default {@code count})
 * @param dimensions         dimension columns; empty = every column except count, magnitude and scale
 * @param magnitudeColumn    optional magnitude column (for example spend), or null
 * @param scale              declared extrapolation factor of the whole table (1 = none); the raw
 *                           count is the published count divided by it
 * @param scaleColumn        optional per-cell scaling-factor column, or null
 * @param marginTokens       dimension values that mark a margin or total (default Total, All, *)
 * @param suppressionMarkers count values that mark a suppressed cell (default empty, x, X, &lt;5, ..)
 */
public record TableSpec(String name, String countColumn, List<String> dimensions, String magnitudeColumn,
        double scale, String scaleColumn, Set<String> marginTokens, Set<String> suppressionMarkers) {

    public static final Set<String> DEFAULT_MARGINS = Set.of("Total", "All", "*");
    public static final Set<String> DEFAULT_SUPPRESSION = Set.of("", "x", "X", ".", "..", "<5", "c", "NA");

    public TableSpec {
        countColumn = countColumn == null ? "count" : countColumn;
        dimensions = List.copyOf(dimensions == null ? List.of() : dimensions);
        scale = scale == 0 ? 1.0 : scale;
        marginTokens = Set.copyOf(marginTokens == null ? DEFAULT_MARGINS : marginTokens);
        suppressionMarkers = Set.copyOf(suppressionMarkers == null ? DEFAULT_SUPPRESSION : suppressionMarkers);
    }

    /** A table with default count column, inferred dimensions, no magnitude and no scaling. */
    public static TableSpec of(String name) {
        return new TableSpec(name, null, null, null, 1.0, null, null, null);
    }

    public TableSpec withDimensions(List<String> dims) {
        return new TableSpec(name, countColumn, dims, magnitudeColumn, scale, scaleColumn, marginTokens,
                suppressionMarkers);
    }

    public TableSpec withCount(String column) {
        return new TableSpec(name, column, dimensions, magnitudeColumn, scale, scaleColumn, marginTokens,
                suppressionMarkers);
    }

    public TableSpec withMagnitude(String column) {
        return new TableSpec(name, countColumn, dimensions, column, scale, scaleColumn, marginTokens,
                suppressionMarkers);
    }

    public TableSpec withScale(double factor, String column) {
        return new TableSpec(name, countColumn, dimensions, magnitudeColumn, factor, column, marginTokens,
                suppressionMarkers);
    }

    public TableSpec withTokens(Set<String> margins, Set<String> suppression) {
        return new TableSpec(name, countColumn, dimensions, magnitudeColumn, scale, scaleColumn, margins,
                suppression);
    }

    /** Whether counts are declared as extrapolated (rules then apply to inverted counts). */
    public boolean extrapolated() {
        return scale != 1.0 || scaleColumn != null;
    }
}
