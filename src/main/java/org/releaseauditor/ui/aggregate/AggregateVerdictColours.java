package org.releaseauditor.ui.aggregate;

import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.CellStatus;
import org.releaseauditor.core.verdict.Verdict;
import org.releaseauditor.core.verdict.VerdictStatus;
import org.releaseauditor.ui.charts.VerdictStyles;

/**
 * The verdict state of the aggregates dashboard's cells, chips and map areas (issue 13). The
 * lane's own status of a cell (unsafe, exposed, recovered under the rules set in the side panel)
 * says what a cell is; its colour says what the policy in force makes of it: an unsafe cell has
 * the verdict's state of {@code aggregates.unsafeCells}, an exposed one that of
 * {@code aggregates.exposedCells}, a recovered one that of {@code aggregates.recoverableCells} (or
 * of the recovery rules), and a published count that breaks the policy's rule on the table's
 * smallest count ({@code aggregates.minCount.TABLE}) or on zero cells has that rule's state. A
 * cell no rule of the policy is about stays neutral.
 */
final class AggregateVerdictColours {
    private AggregateVerdictColours() {
    }

    /** The state the policy gives a kind of cell (the legend chips). */
    static VerdictStatus categoryStatus(Verdict v, CellStatus s) {
        if (v == null) {
            return VerdictStatus.NOT_JUDGED;
        }
        return switch (s) {
            case UNSAFE -> problem(v.statusOf("aggregates.unsafeCells"));
            case EXPOSED -> problem(v.statusOf("aggregates.exposedCells"));
            case RECOVERED -> problem(v.statusOf("aggregates.recoverableCells").worst(v.worstUnder("recovery")));
            case SAFE, SUPPRESSED -> VerdictStatus.NOT_JUDGED;
        };
    }

    /** As {@link #cellStatus(Verdict, AggregateDisplay.CellRow, AggregateReport)} without the audit. */
    static VerdictStatus cellStatus(Verdict v, AggregateDisplay.CellRow row) {
        return cellStatus(v, row, null);
    }

    /**
     * The state of one cell: its kind's state, or that of a rule its published count breaks. A
     * recovered cell that the audit also exposed (the lane shows it as recovered) has the state of
     * the exposed cells too.
     */
    static VerdictStatus cellStatus(Verdict v, AggregateDisplay.CellRow row, AggregateReport report) {
        VerdictStatus s = categoryStatus(v, row.status());
        if (v != null && row.status() == CellStatus.RECOVERED
                && exposed(report).contains(row.table() + "|" + row.index())) {
            s = s.worst(categoryStatus(v, CellStatus.EXPOSED));
        }
        if (v != null && row.status() != CellStatus.SUPPRESSED && !Double.isNaN(row.raw())) {
            s = VerdictStyles.worst(s, VerdictStyles.breach(v, "aggregates.minCount." + row.table(), row.raw()));
            if (row.raw() == 0) {
                s = VerdictStyles.worst(s, problem(v.statusOf("aggregates.zeroCells")));
            }
        }
        return s;
    }

    /**
     * The legend chip of a kind of cell: as {@link #categoryStatus}, and for "recovered" also the
     * state of exposed cells when the audit exposed some of the recovered cells (the rows show them
     * as recovered), so that the chip and the rows agree.
     */
    static VerdictStatus chipStatus(Verdict v, CellStatus s, AggregateDisplay.View view) {
        VerdictStatus st = categoryStatus(v, s);
        if (v == null || view == null || s != CellStatus.RECOVERED) {
            return st;
        }
        java.util.Set<String> exposed = exposed(view.report());
        for (AggregateDisplay.TableGrid g : view.grids()) {
            for (AggregateDisplay.CellRow r : g.rows()) {
                if (r.status() == CellStatus.RECOVERED && exposed.contains(r.table() + "|" + r.index())) {
                    return st.worst(categoryStatus(v, CellStatus.EXPOSED));
                }
            }
        }
        return st;
    }

    /** "table|index" of every cell the audit exposed, for the last report asked about (by identity). */
    private static volatile Exposed lastExposed;

    private record Exposed(AggregateReport report, java.util.Set<String> cells) {
    }

    private static java.util.Set<String> exposed(AggregateReport report) {
        if (report == null || report.audit() == null) {
            return java.util.Set.of();
        }
        Exposed e = lastExposed;
        if (e == null || e.report() != report) {
            java.util.Set<String> out = new java.util.HashSet<>();
            report.audit().stream().filter(a -> a.exposed()).forEach(a -> out.add(a.table() + "|" + a.index()));
            e = new Exposed(report, out);
            lastExposed = e;
        }
        return e.cells();
    }

    /** An area of the map whose smallest published count breaks the policy's smallest-count rule. */
    static VerdictStatus areaStatus(Verdict v, String table, double minCount) {
        return VerdictStyles.breach(v, "aggregates.minCount." + table, minCount);
    }

    /** The state of the "has flagged cells" mark of the time grid: the worst kind of flagged cell. */
    static VerdictStatus flagStatus(Verdict v) {
        return categoryStatus(v, CellStatus.UNSAFE).worst(categoryStatus(v, CellStatus.EXPOSED))
                .worst(categoryStatus(v, CellStatus.RECOVERED));
    }

    /** Only WARN and FAIL mark a cell: a kind of cell the policy passes is not coloured green. */
    private static VerdictStatus problem(VerdictStatus s) {
        return s == VerdictStatus.WARN || s == VerdictStatus.FAIL ? s : VerdictStatus.NOT_JUDGED;
    }
}
