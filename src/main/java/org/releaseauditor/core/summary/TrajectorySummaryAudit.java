package org.releaseauditor.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.releaseauditor.core.trajectory.Wilson;

/**
 * Unicity ε_p and the coarsening sweep from a {@link TrajectorySummary} alone: a sampled user is
 * unique given p points when its match count is 1. Same users, draws and uniqueness test as the
 * raw-data path ({@code Unicity}), so the same numbers. Not available without events:
 * background-knowledge attacks, home/work and top-N anonymity sets, and the area map.
 */
public final class TrajectorySummaryAudit {

    private TrajectorySummaryAudit() {
    }

    /**
     * Audits a summary.
     *
     * @param s         the summary (checked with {@link TrajectorySummary#validate()})
     * @param minPoints smallest p reported (≥ 1)
     * @param maxPoints largest p (at most the summary's)
     * @param monitor   cancellation
     * @throws ConfigurationException when the summary lacks the points asked for
     */
    public static SummaryTrajectoryAnalysis analyze(TrajectorySummary s, int minPoints, int maxPoints,
            ProgressMonitor monitor) throws ConfigurationException {
        s.validate();
        if (maxPoints > s.options().maxPoints()) {
            throw new ConfigurationException("summary.error.pointsMissing", maxPoints, s.options().maxPoints());
        }
        if (minPoints < 1 || minPoints > maxPoints) {
            throw new ConfigurationException("risk.config.invalidParameter", "minimum points", minPoints,
                    "1.." + maxPoints);
        }
        TrajectorySummary.Resolution r = s.main();
        int[] sampled = s.sampledUsers();
        int[] unique = new int[maxPoints + 1];
        int[] shortUsers = new int[maxPoints + 1];
        int[] minimal = new int[s.users()];
        Arrays.fill(minimal, -1);
        for (int i = 0; i < sampled.length; i++) {
            if ((i & 1023) == 0) {
                monitor.checkCancelled();
            }
            int u = sampled[i];
            minimal[u] = 0;
            for (int p = 1; p <= maxPoints; p++) {
                if (r.drawn(i) < p) {
                    shortUsers[p]++;
                }
                if (r.matches(i, p) == 1) {
                    unique[p]++;
                    if (minimal[u] == 0) {
                        minimal[u] = p;
                    }
                }
            }
        }
        List<UnicityResult.Row> rows = new ArrayList<>();
        int n = sampled.length;
        for (int p = minPoints; p <= maxPoints; p++) {
            double[] ci = Wilson.interval95(unique[p], n);
            rows.add(new UnicityResult.Row(p, n, unique[p], shortUsers[p], n == 0 ? 0 : (double) unique[p] / n, ci[0],
                    ci[1]));
        }
        boolean attrs = !s.options().attributes().isEmpty();
        UnicityResult unicity = new UnicityResult(r.spatial() + " x " + r.temporal(), n == s.users(),
                s.options().seed(), attrs, rows, minimal);
        SweepResult sweep = null;
        if (!s.sweep().isEmpty()) {
            List<String> sl = s.options().sweepSpatial();
            List<String> tl = s.options().sweepTemporal();
            double[][] fraction = new double[sl.size()][tl.size()];
            int[][] uniqueUsers = new int[sl.size()][tl.size()];
            int p = s.options().sweepPoints();
            for (int i = 0; i < sl.size(); i++) {
                for (int j = 0; j < tl.size(); j++) {
                    TrajectorySummary.Resolution cell = s.sweep().get(i * tl.size() + j);
                    int u = 0;
                    for (int k = 0; k < cell.sampled(); k++) {
                        if (cell.matches(k, p) == 1) {
                            u++;
                        }
                    }
                    uniqueUsers[i][j] = u;
                    fraction[i][j] = n == 0 ? 0 : (double) u / n;
                }
            }
            sweep = new SweepResult(sl, tl, p, n, fraction, uniqueUsers);
        }
        List<Unavailable> unavailable = List.of(new Unavailable("attacks", "summary.unavailable.attacks"),
                new Unavailable("homeWork", "summary.unavailable.homeWork"),
                new Unavailable("topN", "summary.unavailable.topN"),
                new Unavailable("areaMap", "summary.unavailable.areaMap"));
        return new SummaryTrajectoryAnalysis(MicrodataSummaryAudit.datasetName(s.input().name()), s.users(),
                s.events(), s.locations(), r.areas(), r.points(), r.spatial(), r.temporal(), s.options().zone(),
                minPoints, unicity, sweep, unavailable, s.input(), s.producer());
    }

    /**
     * Checks an option given with {@code --summary} against the summary's (null = not given, fine).
     *
     * @throws ConfigurationException {@code summary.error.optionDiffers} naming the option
     */
    public static void requireSame(String option, Object given, Object inSummary) throws ConfigurationException {
        if (given != null && !Objects.equals(given, inSummary)) {
            throw new ConfigurationException("summary.error.optionDiffers", option, given,
                    inSummary == null ? "-" : inSummary);
        }
    }
}
