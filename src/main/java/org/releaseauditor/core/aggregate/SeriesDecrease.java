package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * A cell of a release series that is smaller in a later release than in the one before: the
 * series is then not cumulative, and its increments are not the counts of new people.
 *
 * @param table    the table
 * @param cell     the cell key
 * @param previous the earlier release's name
 * @param next     the later release's name
 * @param before   the raw count in the earlier release (0 when the cell was absent)
 * @param after    the raw count in the later release (0 when the cell is absent)
 */
public record SeriesDecrease(String table, List<String> cell, String previous, String next, double before,
        double after) {
    public SeriesDecrease {
        cell = List.copyOf(cell);
    }

    /** One line such as {@code w2:F[a1] fell from 43 to 40: the series is not cumulative}. */
    public String describe() {
        return next + ":" + table + "[" + String.join("|", cell) + "] fell from " + ReleaseModel.fmt(before) + " ("
                + previous + ") to " + ReleaseModel.fmt(after) + ": the series is not cumulative";
    }
}
