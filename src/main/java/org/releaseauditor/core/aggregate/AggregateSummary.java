package org.releaseauditor.core.aggregate;

import java.util.Map;

/**
 * Summary metrics of an aggregates analysis, for policies ({@code aggregates.*}). Over a series,
 * every figure covers every release: counts add up, {@code minCount} and {@code minPRatio} take
 * the smallest, the shares the largest, so a policy fails when any release fails. Cells are
 * counted once per release even when several tables publish or withhold them.
 *
 * @param tables             number of tables (over all releases)
 * @param cells              number of cells over all tables
 * @param suppressedCells    cells published as suppressed
 * @param unsafeCells        distinct published cells failing a primary rule ({@code aggregates.unsafeCells})
 * @param exposedCells       distinct withheld cells whose audit interval is a single value or
 *                           narrower than required ({@code aggregates.exposedCells}); -1 when the
 *                           audit did not run
 * @param recoverableCells   distinct withheld or hidden numbers recovered by differencing, series
 *                           increments included ({@code aggregates.recoverableCells})
 * @param disclosedGroups    groups found by the group-disclosure check
 * @param minCount           per table, the smallest non-zero published raw count ({@code minCount})
 * @param releases           number of releases checked (1 without a series)
 * @param zeroCells          published cells with a raw count of 0 (ACRO: zeros are disclosive); -1
 *                           when not measured
 * @param zeroMagnitudeCells published cells whose contributions are all 0
 * @param maxTop1Share       largest share of one contributor in a published cell (NaN: no contributions)
 * @param maxTop2Share       largest share of the two largest contributors (ACRO's NK check, n = 2)
 * @param minPRatio          smallest {@code (T − x1 − x2)/x1} (ACRO's p-ratio, p % and pq rules)
 * @param seriesDecreases    cells of a series that decrease between consecutive releases (the
 *                           series is then not cumulative)
 */
public record AggregateSummary(int tables, long cells, long suppressedCells, long unsafeCells, long exposedCells,
        long recoverableCells, long disclosedGroups, Map<String, Double> minCount, int releases, long zeroCells,
        long zeroMagnitudeCells, double maxTop1Share, double maxTop2Share, double minPRatio, long seriesDecreases) {
    public AggregateSummary {
        minCount = Map.copyOf(minCount);
    }

    /**
     * The former form, without the figures it did not compute: zero cells, zero-magnitude cells
     * and series decreases are -1 (not measured, written as null) and the shares NaN.
     */
    public AggregateSummary(int tables, long cells, long suppressedCells, long unsafeCells, long exposedCells,
            long recoverableCells, long disclosedGroups, Map<String, Double> minCount) {
        this(tables, cells, suppressedCells, unsafeCells, exposedCells, recoverableCells, disclosedGroups, minCount, 1,
                -1, -1, Double.NaN, Double.NaN, Double.NaN, -1);
    }
}
