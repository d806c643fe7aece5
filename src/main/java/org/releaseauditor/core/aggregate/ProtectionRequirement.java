package org.releaseauditor.core.aggregate;

/**
 * How wide a withheld cell's feasibility interval must be.
 *
 * @param absolute minimum width in counts (an exactly known cell is always exposed)
 * @param percent  minimum width as a percentage of the cell's value; the value is unknown to the
 *                 auditor of a published file, so the interval's upper bound stands in for it
 *                 (conservative: it asks for more protection)
 */
public record ProtectionRequirement(double absolute, double percent) {

    public static ProtectionRequirement exactOnly() {
        return new ProtectionRequirement(0, 0);
    }

    /** The width required for a cell whose feasible values reach up to {@code high}. */
    public double required(double high) {
        double pct = Double.isInfinite(high) ? 0 : percent / 100.0 * high;
        return Math.max(absolute, pct);
    }
}
