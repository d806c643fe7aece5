package org.releaseauditor.core.summary;

import java.util.List;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.UnicityResult;

/**
 * A trajectory audit made from a summary: the fields of the raw-data path's report that a summary
 * supports (the service maps them onto its report with empty attacks, home/work, top-N and area map).
 *
 * @param dataset     file name of the input
 * @param users       users
 * @param events      events
 * @param locations   distinct locations
 * @param areas       areas at the analysis resolution
 * @param points      distinct (area, time bin) points at the analysis resolution
 * @param spatial     spatial label
 * @param temporal    temporal label
 * @param zone        time zone id
 * @param minPoints   smallest p reported
 * @param unicity     unicity rows for p in minPoints..maxPoints, with the per-user minimal p
 * @param sweep       the coarsening sweep, or null
 * @param unavailable measures a summary cannot give, with the reason
 * @param input       the input the summary was made from
 * @param producer    "in-process" or "spark"
 */
public record SummaryTrajectoryAnalysis(String dataset, int users, int events, int locations, int areas, int points,
        String spatial, String temporal, String zone, int minPoints, UnicityResult unicity, SweepResult sweep,
        List<Unavailable> unavailable, SummaryInput input, String producer) {
    public SummaryTrajectoryAnalysis {
        unavailable = List.copyOf(unavailable);
    }
}
