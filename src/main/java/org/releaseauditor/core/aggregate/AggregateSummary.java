package org.releaseauditor.core.aggregate;

import java.util.Map;

/**
 * Summary metrics of an aggregates analysis, for policies ({@code aggregates.*}).
 *
 * @param tables           number of tables in the release set
 * @param cells            number of cells over all tables
 * @param suppressedCells  cells published as suppressed
 * @param unsafeCells      published cells failing a primary rule ({@code aggregates.unsafeCells})
 * @param exposedCells     withheld cells whose audit interval is narrower than required
 *                         ({@code aggregates.exposedCells}); -1 when the audit did not run
 * @param recoverableCells withheld or hidden numbers recovered by differencing
 *                         ({@code aggregates.recoverableCells})
 * @param disclosedGroups  groups found by the group-disclosure check
 * @param minCount         per table, the smallest non-zero published raw count ({@code minCount})
 */
public record AggregateSummary(int tables, long cells, long suppressedCells, long unsafeCells, long exposedCells,
        long recoverableCells, long disclosedGroups, Map<String, Double> minCount) {
    public AggregateSummary {
        minCount = Map.copyOf(minCount);
    }
}
