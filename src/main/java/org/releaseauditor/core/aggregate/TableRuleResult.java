package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * Primary-rule results of one table.
 *
 * @param table        the table name
 * @param cells        number of cells (margins included)
 * @param suppressed   number of cells published as suppressed
 * @param minCount     smallest non-zero published raw count (NaN when none)
 * @param extrapolated whether the rules ran on counts inverted from a declared scaling factor
 * @param unsafe       unsafe published cells with the rules that fired
 */
public record TableRuleResult(String table, int cells, int suppressed, double minCount, boolean extrapolated,
        List<UnsafeCell> unsafe) {
    public TableRuleResult {
        unsafe = List.copyOf(unsafe);
    }
}
