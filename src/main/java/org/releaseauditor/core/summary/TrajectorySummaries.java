package org.releaseauditor.core.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.core.trajectory.TraceSet;
import org.releaseauditor.core.trajectory.Unicity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link TrajectorySummary} from a loaded event table, in process: the raw-data path's
 * user sample and point draws ({@link Unicity}), and for each draw the number of users whose
 * trace contains it, from an inverted index (point → sorted users).
 */
public final class TrajectorySummaries {
    private static final Logger LOGGER = LoggerFactory.getLogger(TrajectorySummaries.class);

    private TrajectorySummaries() {
    }

    /**
     * Summarises an event table.
     *
     * @param table         the events
     * @param options       the options (labels of the resolutions below, points, sample, seed)
     * @param spatial       the analysis's spatial resolution
     * @param temporal      the analysis's temporal resolution
     * @param sweepSpatial  the sweep's spatial resolutions (empty: no sweep)
     * @param sweepTemporal the sweep's temporal resolutions
     * @param input         the input's name and fingerprint
     * @param monitor       progress and cancellation
     */
    public static TrajectorySummary build(EventTable table, TrajectorySummary.Options options,
            SpatialResolution spatial, TemporalResolution temporal, List<SpatialResolution> sweepSpatial,
            List<TemporalResolution> sweepTemporal, SummaryInput input, ProgressMonitor monitor)
            throws ConfigurationException {
        boolean attrs = table.hasAttributes();
        int[] sampled = Unicity.sampleUsers(table.userCount(), options.sampleUsers(), options.seed());
        LOGGER.info("Trajectory summary: users={}, events={}, sampled={}", table.userCount(), table.eventCount(),
                sampled.length);
        int cells = sweepSpatial.size() * sweepTemporal.size();
        double share = 1.0 / (1 + cells);
        TraceSet ts = TraceSet.build(table, spatial, temporal, monitor.slice(0, share / 2));
        TrajectorySummary.Resolution main = resolution(ts, sampled, 1, options.maxPoints(), options.seed(), attrs,
                monitor.slice(share / 2, share));
        List<TrajectorySummary.Resolution> sweep = new ArrayList<>();
        int done = 1;
        for (SpatialResolution s : sweepSpatial) {
            for (TemporalResolution t : sweepTemporal) {
                ProgressMonitor cell = monitor.slice(done * share, (done + 1) * share);
                TraceSet other = TraceSet.build(table, s, t, cell.slice(0, 0.5));
                sweep.add(resolution(other, sampled, options.sweepPoints(), options.sweepPoints(), options.seed(),
                        attrs, cell.slice(0.5, 1)));
                done++;
            }
        }
        return new TrajectorySummary(input, options, "in-process", table.userCount(), table.eventCount(),
                table.locationCount(), main, sweep);
    }

    /** The draws of the sampled users at one resolution, with their match counts for p in fromP..toP. */
    static TrajectorySummary.Resolution resolution(TraceSet ts, int[] sampled, int fromP, int toP, long seed,
            boolean attrs, ProgressMonitor monitor) {
        int users = ts.userCount();
        // inverted index: point -> ascending users
        int points = ts.pointCount();
        int[] start = new int[points + 1];
        for (int u = 0; u < users; u++) {
            int d = ts.distinctPointCount(u);
            for (int i = 0; i < d; i++) {
                start[ts.distinctPoint(u, i) + 1]++;
            }
        }
        for (int p = 0; p < points; p++) {
            start[p + 1] += start[p];
        }
        int[] fill = Arrays.copyOf(start, points);
        int[] posting = new int[start[points]];
        for (int u = 0; u < users; u++) {
            if ((u & 1023) == 0) {
                monitor.checkCancelled();
            }
            int d = ts.distinctPointCount(u);
            for (int i = 0; i < d; i++) {
                posting[fill[ts.distinctPoint(u, i)]++] = u;
            }
        }
        int span = toP - fromP + 1;
        int[] drawn = new int[sampled.length];
        int[] matches = new int[sampled.length * span];
        for (int s = 0; s < sampled.length; s++) {
            if ((s & 1023) == 0) {
                monitor.checkCancelled();
                monitor.update("unicity", s, sampled.length);
            }
            int u = sampled[s];
            int[] idx = Unicity.drawPositions(ts.distinctPointCount(u), toP, Unicity.pointSeed(seed, u));
            int[] pts = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                pts[i] = ts.distinctPoint(u, idx[i]);
            }
            drawn[s] = idx.length;
            for (int p = fromP; p <= toP; p++) {
                int k = Math.min(p, idx.length);
                matches[s * span + (p - fromP)] = count(ts, u, pts, k, attrs, start, posting);
            }
        }
        return new TrajectorySummary.Resolution(ts.spatial().label(), ts.temporal().label(), ts.areaCount(),
                ts.pointCount(), fromP, toP, drawn, matches);
    }

    /** Users whose trace holds the first k points (and, with attributes, who share u's attributes). */
    private static int count(TraceSet ts, int u, int[] pts, int k, boolean attrs, int[] start, int[] posting) {
        int smallest = 0;
        for (int i = 1; i < k; i++) {
            if (start[pts[i] + 1] - start[pts[i]] < start[pts[smallest] + 1] - start[pts[smallest]]) {
                smallest = i;
            }
        }
        int cls = ts.attributeClass(u);
        int n = 0;
        for (int j = start[pts[smallest]]; j < start[pts[smallest] + 1]; j++) {
            int v = posting[j];
            boolean all = !attrs || ts.attributeClass(v) == cls;
            for (int i = 0; i < k && all; i++) {
                if (i != smallest) {
                    all = Arrays.binarySearch(posting, start[pts[i]], start[pts[i] + 1], v) >= 0;
                }
            }
            if (all) {
                n++;
            }
        }
        return n;
    }
}
