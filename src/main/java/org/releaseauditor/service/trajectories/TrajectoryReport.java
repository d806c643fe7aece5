package org.releaseauditor.service.trajectories;

import java.util.List;
import org.releaseauditor.core.trajectory.AnonymitySets;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.TopPlaces;
import org.releaseauditor.core.trajectory.UnicityResult;

/**
 * Results of one trajectory analysis. Its JSON and text hold no pseudonyms or event values; the
 * pseudonyms are kept in memory only for the explicitly requested per-user export
 * ({@code --per-user}) and never printed by {@link #toString()}.
 *
 * @param dataset    file name
 * @param users      users
 * @param events     events
 * @param locations  distinct locations
 * @param areas      areas at the analysis resolution
 * @param points     distinct (area, time bin) points at the analysis resolution
 * @param spatial    spatial resolution label
 * @param temporal   temporal resolution label
 * @param zone       time zone id
 * @param minPoints  smallest p reported
 * @param unicity    unicity rows (only p in minPoints..maxPoints)
 * @param sweep      sweep, or null
 * @param attacks    attack results
 * @param homeWork   home/work anonymity sets per spatial resolution (may be empty)
 * @param topN       top-N anonymity sets (may be empty)
 * @param areaMap    per area of the analysis resolution (for a map): users living there, unique users
 * @param pseudonyms the users' pseudonyms by user index (per-user export only)
 */
public record TrajectoryReport(String dataset, int users, int events, int locations, int areas, int points,
        String spatial, String temporal, String zone, int minPoints, UnicityResult unicity, SweepResult sweep,
        List<AttackResult> attacks, List<AnonymitySets> homeWork, List<TopPlaces.TopNResult> topN,
        List<AreaCell> areaMap, Pseudonyms pseudonyms) {

    public TrajectoryReport {
        attacks = List.copyOf(attacks);
        homeWork = List.copyOf(homeWork);
        topN = List.copyOf(topN);
        areaMap = List.copyOf(areaMap);
        pseudonyms = pseudonyms == null ? new Pseudonyms(List.of()) : pseudonyms;
    }

    /**
     * One area for the map heatmap: users whose most visited area it is, and how many of them are
     * unique with {@code points} points.
     */
    public record AreaCell(double lat, double lng, int users, int uniqueUsers, int points) {
    }

    /** Pseudonyms by user index; {@link #toString()} never shows them. */
    public static final class Pseudonyms {
        private final List<String> names;

        public Pseudonyms(List<String> names) {
            this.names = List.copyOf(names);
        }

        public List<String> names() {
            return names;
        }

        @Override
        public String toString() {
            return "Pseudonyms[" + names.size() + " users]";
        }
    }
}
