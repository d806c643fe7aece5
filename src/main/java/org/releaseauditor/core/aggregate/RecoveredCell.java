package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * A withheld or unpublished number that other published numbers give away.
 *
 * @param table      the table that withholds it ({@code unpublished} for a derived hierarchy cell,
 *                   or the table of the later release for a series increment)
 * @param cell       its key (table dimensions, or the release set's location)
 * @param low        lowest value consistent with the derivation
 * @param high       highest value; equals {@code low} when recovered exactly
 * @param kind       {@code published-elsewhere}, {@code margin}, {@code overlap}, {@code combination}
 *                   (pinned only by several identities together, found by the LP),
 *                   {@code bounded}, {@code derived} or {@code series-increment}
 * @param derivation the arithmetic that recovers it, with the published numbers
 * @param location   the number's identity for counting: its location over every dimension of
 *                   the release set (so a cell that two tables withhold counts once)
 */
public record RecoveredCell(String table, List<String> cell, double low, double high, String kind,
        String derivation, List<String> location) {
    public RecoveredCell {
        cell = List.copyOf(cell);
        location = List.copyOf(location);
    }

    /** Without a release-set location: the table and key stand in for it. */
    public RecoveredCell(String table, List<String> cell, double low, double high, String kind, String derivation) {
        this(table, cell, low, high, kind, derivation, prefixed(table, cell));
    }

    static List<String> prefixed(String first, List<String> rest) {
        List<String> l = new ArrayList<>(rest.size() + 1);
        l.add(first);
        l.addAll(rest);
        return l;
    }

    public boolean exact() {
        return low == high;
    }
}
