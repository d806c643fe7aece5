package org.releaseauditor.core.trajectory;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

/** Unicity at p points over every spatial × temporal resolution of a grid (same users and seed in every cell). */
public final class CoarseningSweep {

    private CoarseningSweep() {
    }

    public static SweepResult run(EventTable table, List<SpatialResolution> spatial, List<TemporalResolution> temporal,
            int points, int sampleUsers, long seed, boolean useAttributes, ProgressMonitor monitor)
            throws ConfigurationException {
        double[][] fraction = new double[spatial.size()][temporal.size()];
        int[][] unique = new int[spatial.size()][temporal.size()];
        int sampled = 0;
        int cells = spatial.size() * temporal.size();
        int done = 0;
        for (int i = 0; i < spatial.size(); i++) {
            for (int j = 0; j < temporal.size(); j++) {
                ProgressMonitor cell = monitor.slice((double) done / cells, (double) (done + 1) / cells);
                TraceSet ts = TraceSet.build(table, spatial.get(i), temporal.get(j), cell.slice(0, 0.5));
                UnicityResult r = Unicity.compute(ts, new UnicityOptions(points, sampleUsers, seed, useAttributes),
                        cell.slice(0.5, 1));
                UnicityResult.Row row = r.row(points);
                fraction[i][j] = row.fraction();
                unique[i][j] = row.uniqueUsers();
                sampled = row.sampledUsers();
                done++;
            }
        }
        List<String> sl = new ArrayList<>();
        for (SpatialResolution s : spatial) {
            sl.add(s.label());
        }
        List<String> tl = new ArrayList<>();
        for (TemporalResolution t : temporal) {
            tl.add(t.label());
        }
        return new SweepResult(sl, tl, points, sampled, fraction, unique);
    }
}
