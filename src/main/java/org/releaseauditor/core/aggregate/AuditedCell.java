package org.releaseauditor.core.aggregate;

import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.i18n.Messages;

/**
 * The feasibility interval of one withheld cell, given every published number of the release set.
 *
 * @param table    the table that withholds it
 * @param index    its row index in that table
 * @param cell     its key
 * @param low      smallest feasible value (integer-rounded when valid)
 * @param high     largest feasible value ({@code +∞} when nothing bounds it)
 * @param required the protection the interval must reach (width)
 * @param exposed  whether the interval is a single value or narrower than required
 * @param feasible false when the published numbers contradict each other around this cell
 * @param location the cell's location over every dimension of the release set: two tables that
 *                 withhold the same number share it, so it is counted once
 */
public record AuditedCell(String table, int index, List<String> cell, double low, double high, double required,
        boolean exposed, boolean feasible, List<String> location) {

    /** Relative tolerance when comparing a width with the required protection. */
    static final double TOLERANCE = 1e-9;

    /** Why a withheld cell is or is not exposed. */
    public enum Exposure {
        /** the published numbers force a single value: exposed whatever the required protection */
        EXACT,
        /** the interval is wider than a point but narrower than the required protection: exposed */
        NARROW,
        /** the interval is at least as wide as required (an interval exactly as wide as required is protected) */
        PROTECTED,
        /** the published numbers contradict each other around this cell */
        INFEASIBLE
    }

    public AuditedCell {
        cell = List.copyOf(cell);
        location = List.copyOf(location);
    }

    /** Without a release-set location: the table and key stand in for it. */
    public AuditedCell(String table, int index, List<String> cell, double low, double high, double required,
            boolean exposed, boolean feasible) {
        this(table, index, cell, low, high, required, exposed, feasible, withTable(table, cell));
    }

    private static List<String> withTable(String table, List<String> cell) {
        List<String> l = new java.util.ArrayList<>(cell);
        l.add(0, table);
        return l;
    }

    /**
     * Builds the finding for an interval, deciding exposure in one place: a single value is
     * exposed, and otherwise the interval is exposed only when it is narrower than required.
     */
    public static AuditedCell of(String table, int index, List<String> cell, double low, double high,
            ProtectionRequirement req, List<String> location) {
        boolean feasible = !Double.isNaN(low) && !Double.isNaN(high);
        double required = req.required(high);
        return new AuditedCell(table, index, cell, low, high, required,
                feasible && classify(low, high, required) != Exposure.PROTECTED, feasible, location);
    }

    private static Exposure classify(double low, double high, double required) {
        double w = high - low;
        if (w < 1e-6) {
            return Exposure.EXACT;
        }
        return w < required - TOLERANCE * Math.max(1, required) ? Exposure.NARROW : Exposure.PROTECTED;
    }

    public double width() {
        return high - low;
    }

    /** Why this cell is or is not exposed; never contradicts {@link #exposed()}. */
    public Exposure exposure() {
        if (!feasible) {
            return Exposure.INFEASIBLE;
        }
        if (!exposed) {
            return Exposure.PROTECTED;
        }
        return width() < 1e-6 ? Exposure.EXACT : Exposure.NARROW;
    }

    /** One sentence for a person, in {@code locale}, consistent with {@link #exposure()}. */
    public String explain(Locale locale) {
        return switch (exposure()) {
            case EXACT -> Messages.get(locale, "aggregate.audit.exact", ReleaseModel.fmt(low));
            case NARROW -> Messages.get(locale, "aggregate.audit.narrow", ReleaseModel.fmt(low), ReleaseModel.fmt(high),
                    ReleaseModel.fmt(width()), ReleaseModel.fmt(required));
            case PROTECTED -> Double.isInfinite(high)
                    ? Messages.get(locale, "aggregate.audit.unbounded", ReleaseModel.fmt(low))
                    : Messages.get(locale, "aggregate.audit.protected", ReleaseModel.fmt(low), ReleaseModel.fmt(high),
                            ReleaseModel.fmt(width()), ReleaseModel.fmt(required));
            case INFEASIBLE -> Messages.get(locale, "aggregate.audit.infeasible");
        };
    }

    /** {@link #explain(Locale)} in the current language. */
    public String explain() {
        return explain(Messages.locale());
    }
}
