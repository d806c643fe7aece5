package org.releaseauditor.core.remediation.trajectory;

import java.util.List;
import org.releaseauditor.core.trajectory.UnicityResult;

/**
 * The outcome of a trajectory remediation.
 *
 * @param targets      the unicity bounds the release must meet
 * @param grid         every evaluated resolution (spatial × temporal), finest first
 * @param minimal      the passing resolutions that are the least coarsening: no other passing
 *                     resolution is at least as fine in both dimensions
 * @param recommended  the minimal resolution with the fewest coarsening steps (spatial steps plus
 *                     temporal steps; ties: the finer space), or null when none passes
 * @param cap          the per-user event cap at the released resolution, or null when not searched
 * @param runtimeMillis wall-clock time
 */
public record TrajectoryRemediationResult(List<UnicityTarget> targets, List<Cell> grid, List<Cell> minimal,
                                          Cell recommended, CapSearch cap, long runtimeMillis) {

    public TrajectoryRemediationResult {
        targets = List.copyOf(targets);
        grid = List.copyOf(grid);
        minimal = List.copyOf(minimal);
    }

    /** The released resolution (the first cell). */
    public Cell before() {
        return grid.get(0);
    }

    /**
     * One resolution.
     *
     * @param spatialIndex  position in the spatial list (0: as released)
     * @param temporalIndex position in the temporal list (0: as released)
     * @param spatial       its label, e.g. grid:2km
     * @param temporal      its label, e.g. 4h
     * @param rows          unicity for p = 1..max target p, with Wilson intervals
     * @param passes        whether every target is met
     */
    public record Cell(int spatialIndex, int temporalIndex, String spatial, String temporal,
                       List<UnicityResult.Row> rows, boolean passes) {
        public Cell {
            rows = List.copyOf(rows);
        }

        /** The row of p known points. */
        public UnicityResult.Row row(int points) {
            return rows.get(points - 1);
        }
    }

    /**
     * The search for the most events per user that still passes at the released resolution (caps
     * from {@link TrajectoryRemediation#capLadder}).
     *
     * @param needed      false when the release passes without a cap
     * @param cap         the largest passing cap, or null when even the smallest fails
     * @param rows        unicity at that cap (empty when none passes)
     * @param evaluated   every cap tried, with whether it passed, ascending
     * @param maxEvents   the most events any user has
     */
    public record CapSearch(boolean needed, Integer cap, List<UnicityResult.Row> rows, List<CapTry> evaluated,
                            int maxEvents) {
        public CapSearch {
            rows = List.copyOf(rows);
            evaluated = List.copyOf(evaluated);
        }
    }

    /** One cap tried. */
    public record CapTry(int cap, double fraction, double ciHigh, boolean passes) {
    }
}
