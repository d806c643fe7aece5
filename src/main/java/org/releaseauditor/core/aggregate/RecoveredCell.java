package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * A withheld or unpublished number that other published numbers give away.
 *
 * @param table      the table that withholds it ({@code unpublished} for a derived hierarchy cell,
 *                   or the table of the later release for a series increment)
 * @param cell       its key (table dimensions, or the release set's location)
 * @param low        lowest value consistent with the derivation
 * @param high       highest value; equals {@code low} when recovered exactly
 * @param kind       {@code published-elsewhere}, {@code margin}, {@code overlap}, {@code bounded},
 *                   {@code derived} or {@code series-increment}
 * @param derivation the arithmetic that recovers it, with the published numbers
 */
public record RecoveredCell(String table, List<String> cell, double low, double high, String kind,
        String derivation) {
    public RecoveredCell {
        cell = List.copyOf(cell);
    }

    public boolean exact() {
        return low == high;
    }
}
