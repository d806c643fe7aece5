package org.releaseauditor.core.trajectory;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/** Unicity at p points over every spatial × temporal resolution of a grid (same users and seed in every cell). */
public final class CoarseningSweep {

    private CoarseningSweep() {
    }

    /** A monitor that passes cancellation through but no progress (cells report as a whole). */
    private static ProgressMonitor cancelOnly(ProgressMonitor m) {
        return new ProgressMonitor() {
            @Override
            public void update(String phase, long done, long total) {
                // the sweep reports one unit per cell
            }

            @Override
            public boolean isCancelled() {
                return m.isCancelled();
            }
        };
    }

    public static SweepResult run(EventTable table, List<SpatialResolution> spatial, List<TemporalResolution> temporal,
            int points, int sampleUsers, long seed, boolean useAttributes, ProgressMonitor monitor)
            throws ConfigurationException {
        double[][] fraction = new double[spatial.size()][temporal.size()];
        int[][] unique = new int[spatial.size()][temporal.size()];
        int[] sampled = new int[spatial.size() * temporal.size()];
        int cells = spatial.size() * temporal.size();
        // cells in parallel (at most one trace set per thread alive); each cell's users on its thread
        SharedProgress progress = new SharedProgress(monitor, "sweep", cells);
        Workers workers = Workers.defaults();
        table.localSeconds(monitor); // shared by every cell: computed once, before the parallel part
        ConfigurationException[] failure = new ConfigurationException[1];
        workers.forEach(cells, cell -> {
            int i = cell / temporal.size();
            int j = cell % temporal.size();
            ProgressMonitor quiet = cancelOnly(monitor);
            TraceSet ts;
            try {
                ts = TraceSet.build(table, spatial.get(i), temporal.get(j), quiet);
            } catch (ConfigurationException e) {
                synchronized (failure) {
                    failure[0] = e;
                }
                return;
            }
            UnicityResult r = Unicity.compute(ts, new UnicityOptions(points, sampleUsers, seed, useAttributes), quiet,
                    Workers.sequential());
            UnicityResult.Row row = r.row(points);
            fraction[i][j] = row.fraction();
            unique[i][j] = row.uniqueUsers();
            sampled[cell] = row.sampledUsers();
            progress.add(1);
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        List<String> sl = new ArrayList<>();
        for (SpatialResolution s : spatial) {
            sl.add(s.label());
        }
        List<String> tl = new ArrayList<>();
        for (TemporalResolution t : temporal) {
            tl.add(t.label());
        }
        return new SweepResult(sl, tl, points, cells == 0 ? 0 : sampled[cells - 1], fraction, unique);
    }
}
