package org.releaseauditor.service.trajectories;

import java.nio.file.Path;
import java.util.List;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.trajectory.AttackOptions;
import org.releaseauditor.core.trajectory.AttackSpec;
import org.releaseauditor.core.trajectory.EventColumns;
import org.releaseauditor.core.trajectory.HomeWork;

/**
 * One trajectory analysis, as given on the command line or in the GUI settings panel. Resolution
 * and sweep entries are specs as documented in {@code src/docs/trajectories.md}
 * ({@code grid:500m}, {@code geohash:6}, {@code map:FILE}, {@code none}; {@code 1h}, {@code tod:4h}, ...).
 *
 * @param data          event file
 * @param importOptions how to read it
 * @param columns       which columns hold the events
 * @param spatial       spatial resolution spec
 * @param temporal      temporal resolution spec
 * @param minPoints     smallest p reported
 * @param maxPoints     largest p reported
 * @param sampleUsers   users sampled for unicity and attacks, 0 = all
 * @param seed          seed of every random choice
 * @param attacks       attacks to run (may be empty)
 * @param attackOptions enumeration limits of the attacks (its sampleUsers and seed are overridden by this request's)
 * @param sweepSpatial  spatial specs of the sweep (empty = no sweep)
 * @param sweepTemporal temporal specs of the sweep
 * @param sweepPoints   p of the sweep
 * @param homeWork      hours of home and work (null = no home/work sets)
 * @param topN          largest N of the top-N sets (0 = none)
 * @param perUserFile   CSV file for per-user attack risks, or null
 */
public record TrajectoryRequest(Path data, ImportOptions importOptions, EventColumns columns, String spatial,
        String temporal, int minPoints, int maxPoints, int sampleUsers, long seed, List<AttackSpec> attacks,
        AttackOptions attackOptions, List<String> sweepSpatial, List<String> sweepTemporal, int sweepPoints,
        HomeWork homeWork, int topN, Path perUserFile) {

    public TrajectoryRequest {
        attacks = List.copyOf(attacks);
        sweepSpatial = List.copyOf(sweepSpatial);
        sweepTemporal = List.copyOf(sweepTemporal);
        importOptions = importOptions == null ? ImportOptions.defaults() : importOptions;
        attackOptions = attackOptions == null ? AttackOptions.defaults() : attackOptions;
    }
}
