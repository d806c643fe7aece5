package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * Primary-rule results of one table, with the rule-independent figures that policies read
 * (ACRO's checks expressed as metrics, see {@code acro-defaults}).
 *
 * @param table        the table name
 * @param cells        number of cells (margins included)
 * @param suppressed   number of cells published as suppressed
 * @param minCount     smallest non-zero published raw count (NaN when none)
 * @param extrapolated whether the rules ran on counts inverted from a declared scaling factor
 * @param unsafe       unsafe published cells with the rules that fired
 * @param zeroCells    published cells whose raw count is 0
 * @param maxTop1Share largest share of one contributor in a published cell (NaN: no contributions)
 * @param maxTop2Share largest share of the two largest contributors together (NaN: none)
 * @param minPRatio    smallest {@code (T − x1 − x2)/x1} over published cells with x1 &gt; 0, the
 *                     ratio that the p % rule (p/100), the pq rule (p/q) and ACRO's p-ratio
 *                     check (0.10) compare against (NaN: no contributions)
 * @param zeroMagnitudeCells published cells with contributions that are all 0 (ACRO flags them
 *                     when zeros are disclosive)
 */
public record TableRuleResult(String table, int cells, int suppressed, double minCount, boolean extrapolated,
        List<UnsafeCell> unsafe, int zeroCells, double maxTop1Share, double maxTop2Share, double minPRatio,
        int zeroMagnitudeCells) {
    public TableRuleResult {
        unsafe = List.copyOf(unsafe);
    }

    /** Without the contribution figures (no contributions, no zero count). */
    public TableRuleResult(String table, int cells, int suppressed, double minCount, boolean extrapolated,
            List<UnsafeCell> unsafe) {
        this(table, cells, suppressed, minCount, extrapolated, unsafe, 0, Double.NaN, Double.NaN, Double.NaN, 0);
    }
}
