package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * The feasibility interval of one withheld cell, given every published number of the release set.
 *
 * @param table    the table that withholds it
 * @param index    its row index in that table
 * @param cell     its key
 * @param low      smallest feasible value (integer-rounded when valid)
 * @param high     largest feasible value ({@code +∞} when nothing bounds it)
 * @param required the protection the interval must reach (width)
 * @param exposed  whether the interval is narrower than required (or a single value)
 * @param feasible false when the published numbers contradict each other around this cell
 */
public record AuditedCell(String table, int index, List<String> cell, double low, double high, double required,
        boolean exposed, boolean feasible) {
    public AuditedCell {
        cell = List.copyOf(cell);
    }

    public double width() {
        return high - low;
    }
}
