package org.releaseauditor.core.remediation.trajectory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.core.trajectory.TraceSet;
import org.releaseauditor.core.trajectory.Unicity;
import org.releaseauditor.core.trajectory.UnicityOptions;
import org.releaseauditor.core.trajectory.UnicityResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What-if remediation of a trajectory release: how much coarser space and time, or how few events
 * per user, bring unicity ε_p (at the number of points the policy names) under the policy's target.
 *
 * <ul>
 *   <li><b>Resolution:</b> unicity at every spatial × temporal resolution of the given ladders
 *       (same users, seed and draws as the audit, {@link Unicity}); the answer is the set of
 *       passing resolutions that coarsen least (no other passing one is at least as fine in both),
 *       and among them the one with the fewest coarsening steps.</li>
 *   <li><b>Events per user:</b> at the released resolution, the largest cap m on a ladder
 *       (1, 2, 3, 4, 6, 8, 12, …) such that keeping m randomly chosen events of every user (seeded,
 *       in time order) passes. Measured on the release, unicity need not fall with the cap: when
 *       every trace is thinned, the remaining points also become rarer, and often more users are
 *       unique, so the cap is a remedy only for some data. Every cap tried is reported.</li>
 * </ul>
 */
public final class TrajectoryRemediation {

    private static final Logger LOGGER = LoggerFactory.getLogger(TrajectoryRemediation.class);

    private TrajectoryRemediation() {
    }

    /** Runs the resolution grid and, if asked, the cap search. */
    public static TrajectoryRemediationResult run(EventTable table, List<UnicityTarget> targets,
                                                  TrajectoryRemediationOptions options, ProgressMonitor monitor)
            throws ConfigurationException {
        options.validate();
        if (targets.isEmpty()) {
            throw new ConfigurationException("remediation.trajectory.noTarget", "-");
        }
        long t0 = System.nanoTime();
        int maxP = 0;
        for (UnicityTarget t : targets) {
            maxP = Math.max(maxP, t.points());
        }
        int ns = options.spatial().size();
        int nt = options.temporal().size();
        int cells = ns * nt + (options.searchCap() ? 1 : 0);
        List<TrajectoryRemediationResult.Cell> grid = new ArrayList<>();
        String phase = Messages.get("remediation.progress.trajectory");
        int done = 0;
        for (int i = 0; i < ns; i++) {
            for (int j = 0; j < nt; j++) {
                monitor.checkCancelled();
                monitor.update(phase, done, cells);
                ProgressMonitor slice = monitor.slice((double) done / cells, (double) (done + 1) / cells);
                SpatialResolution s = options.spatial().get(i);
                TemporalResolution t = options.temporal().get(j);
                List<UnicityResult.Row> rows = unicity(table, s, t, maxP, options, slice);
                grid.add(new TrajectoryRemediationResult.Cell(i, j, s.label(), t.label(), rows, passes(rows, targets)));
                done++;
            }
        }
        List<TrajectoryRemediationResult.Cell> minimal = new ArrayList<>();
        for (TrajectoryRemediationResult.Cell c : grid) {
            if (!c.passes()) {
                continue;
            }
            boolean dominated = false;
            for (TrajectoryRemediationResult.Cell o : grid) {
                if (o != c && o.passes() && o.spatialIndex() <= c.spatialIndex()
                        && o.temporalIndex() <= c.temporalIndex()) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                minimal.add(c);
            }
        }
        TrajectoryRemediationResult.Cell recommended = null;
        for (TrajectoryRemediationResult.Cell c : minimal) {
            if (recommended == null || steps(c) < steps(recommended)
                    || steps(c) == steps(recommended) && c.spatialIndex() < recommended.spatialIndex()) {
                recommended = c;
            }
        }
        TrajectoryRemediationResult.CapSearch cap = null;
        if (options.searchCap()) {
            ProgressMonitor slice = monitor.slice((double) done / cells, 1.0);
            cap = capSearch(table, targets, options, maxP, grid.get(0), slice);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOGGER.info("Trajectory remediation: {} resolutions, {} pass, cap searched={}, {} ms", grid.size(),
                grid.stream().filter(TrajectoryRemediationResult.Cell::passes).count(), options.searchCap(), millis);
        monitor.update(phase, cells, cells);
        return new TrajectoryRemediationResult(targets, grid, minimal, recommended, cap, millis);
    }

    private static int steps(TrajectoryRemediationResult.Cell c) {
        return c.spatialIndex() + c.temporalIndex();
    }

    static boolean passes(List<UnicityResult.Row> rows, List<UnicityTarget> targets) {
        for (UnicityTarget t : targets) {
            if (!t.met(rows.get(t.points() - 1))) {
                return false;
            }
        }
        return true;
    }

    private static List<UnicityResult.Row> unicity(EventTable table, SpatialResolution s, TemporalResolution t,
                                                   int maxP, TrajectoryRemediationOptions o, ProgressMonitor m)
            throws ConfigurationException {
        TraceSet ts = TraceSet.build(table, s, t, m.slice(0, 0.4));
        UnicityResult r = Unicity.compute(ts, new UnicityOptions(maxP, o.sampleUsers(), o.seed(), o.useAttributes()),
                m.slice(0.4, 1));
        return r.rows();
    }

    private static TrajectoryRemediationResult.CapSearch capSearch(EventTable table, List<UnicityTarget> targets,
            TrajectoryRemediationOptions o, int maxP, TrajectoryRemediationResult.Cell released, ProgressMonitor m)
            throws ConfigurationException {
        int maxEvents = 0;
        for (int u = 0; u < table.userCount(); u++) {
            maxEvents = Math.max(maxEvents, table.userStart(u + 1) - table.userStart(u));
        }
        if (released.passes()) {
            return new TrajectoryRemediationResult.CapSearch(false, null, List.of(), List.of(), maxEvents);
        }
        SpatialResolution s = o.spatial().get(0);
        TemporalResolution t = o.temporal().get(0);
        List<TrajectoryRemediationResult.CapTry> tries = new ArrayList<>();
        int[] ladder = capLadder(maxEvents);
        Integer best = null;
        List<UnicityResult.Row> bestRows = List.of();
        for (int step = 0; step < ladder.length; step++) {
            m.checkCancelled();
            int cap = ladder[step];
            EventTable capped = capped(table, cap, o.seed());
            List<UnicityResult.Row> rows = unicity(capped, s, t, maxP, o,
                    m.slice((double) step / ladder.length, (double) (step + 1) / ladder.length));
            boolean ok = passes(rows, targets);
            UnicityResult.Row r = rows.get(targets.get(0).points() - 1);
            tries.add(new TrajectoryRemediationResult.CapTry(cap, r.fraction(), r.ciHigh(), ok));
            if (ok) {
                best = cap;
                bestRows = rows;
            }
        }
        return new TrajectoryRemediationResult.CapSearch(true, best, bestRows, tries, maxEvents);
    }

    /**
     * The caps tried: 1, 2, 3, 4, 6, 8, 12, 16, 24, … below the longest trace. Every cap is
     * evaluated, not bisected: unicity measured on the release does not fall monotonically with
     * the cap (thinning every trace also makes the remaining points rarer).
     */
    public static int[] capLadder(int maxEvents) {
        List<Integer> caps = new ArrayList<>();
        if (maxEvents > 1) {
            caps.add(1);
        }
        int a = 2;
        int b = 3;
        while (a < maxEvents) {
            caps.add(a);
            int next = 2 * a;
            a = b;
            b = next;
        }
        return caps.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The table with at most {@code cap} events per user: a user with more keeps {@code cap} of them
     * chosen uniformly at random (seeded per user), in time order.
     */
    public static EventTable capped(EventTable table, int cap, long seed) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1");
        }
        int users = table.userCount();
        int kept = 0;
        for (int u = 0; u < users; u++) {
            kept += Math.min(cap, table.userStart(u + 1) - table.userStart(u));
        }
        int[] user = new int[kept];
        long[] time = new long[kept];
        int[] location = new int[kept];
        int w = 0;
        for (int u = 0; u < users; u++) {
            int from = table.userStart(u);
            int n = table.userStart(u + 1) - from;
            int[] pick = choose(n, Math.min(cap, n), seed, u);
            for (int i : pick) {
                user[w] = u;
                time[w] = table.time(from + i);
                location[w] = table.location(from + i);
                w++;
            }
        }
        return rebuild(table, user, time, location);
    }

    /** k distinct indices of [0, n), ascending (all when k = n). */
    static int[] choose(int n, int k, long seed, int user) {
        if (k >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        long z = seed * 0x9E3779B97F4A7C15L + user * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        SplittableRandom rnd = new SplittableRandom(z);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, k);
        Arrays.sort(out);
        return out;
    }

    private static EventTable rebuild(EventTable table, int[] user, long[] time, int[] location) {
        int users = table.userCount();
        String[] names = new String[users];
        for (int u = 0; u < users; u++) {
            names[u] = table.userName(u);
        }
        int locs = table.locationCount();
        String[] locationNames = null;
        double[] lat = null;
        double[] lng = null;
        if (!table.hasCoordinates() || locs > 0 && table.locationName(0) != null) {
            locationNames = new String[locs];
            for (int i = 0; i < locs; i++) {
                locationNames[i] = table.locationName(i);
            }
        }
        if (table.hasCoordinates()) {
            lat = new double[locs];
            lng = new double[locs];
            for (int i = 0; i < locs; i++) {
                lat[i] = table.latitude(i);
                lng[i] = table.longitude(i);
            }
        }
        int[] attrs = null;
        if (table.hasAttributes()) {
            attrs = new int[users];
            for (int u = 0; u < users; u++) {
                attrs[u] = table.attributeClass(u);
            }
        }
        return EventTable.of(names, user, time, location, locationNames, lat, lng, attrs, table.attributeClasses(),
                table.zone());
    }

    /**
     * The released events after the transformation, ready to be written as a copy: pseudonym, time
     * (the start of its bin, local wall-clock time as {@code yyyy-MM-dd'T'HH:mm:ss}), location
     * (the area: the original id at resolution none, the mapped area name for a mapping, otherwise
     * {@code A<n>}) and, when known, the area's representative coordinates.
     */
    public record Transformed(String[] user, String[] time, String[] location, double[] lat, double[] lng) {
        public int size() {
            return user.length;
        }
    }

    /**
     * Applies a transformation to a copy of the events.
     *
     * @param cap events kept per user, or null for all
     * @throws ConfigurationException when the temporal resolution is cyclic (time of day, weekday):
     *                                such bins are not points in time and cannot be written
     */
    public static Transformed transform(EventTable table, SpatialResolution spatial, TemporalResolution temporal,
                                        Integer cap, long seed, ProgressMonitor monitor) throws ConfigurationException {
        if (temporal.kind() != TemporalResolution.Kind.BIN && temporal.kind() != TemporalResolution.Kind.NONE) {
            throw new ConfigurationException("remediation.trajectory.cyclicTime", temporal.label());
        }
        EventTable t = cap == null ? table : capped(table, cap, seed);
        SpatialResolution.AreaAssignment areas = spatial.assign(t);
        int n = t.eventCount();
        String[] user = new String[n];
        String[] time = new String[n];
        String[] location = new String[n];
        boolean coords = false;
        for (int a = 0; a < areas.areaCount() && !coords; a++) {
            coords = !Double.isNaN(areas.areaLat()[a]);
        }
        double[] lat = coords ? new double[n] : null;
        double[] lng = coords ? new double[n] : null;
        ZoneRules rules = t.zone().getRules();
        DateTimeFormatter fmt = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
        int e = 0;
        for (int u = 0; u < t.userCount(); u++) {
            for (int i = t.userStart(u); i < t.userStart(u + 1); i++) {
                if ((e & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                    monitor.checkCancelled();
                }
                user[e] = t.userName(u);
                long epoch = t.time(i);
                long local = epoch + rules.getOffset(Instant.ofEpochSecond(epoch)).getTotalSeconds();
                if (temporal.kind() == TemporalResolution.Kind.BIN) {
                    local = temporal.bin(local) * temporal.seconds();
                }
                time[e] = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC).format(fmt);
                int loc = t.location(i);
                int area = areas.areaOfLocation()[loc];
                if (spatial instanceof SpatialResolution.Identity) {
                    String name = t.locationName(loc);
                    location[e] = name != null ? name : "A" + area;
                } else if (spatial instanceof SpatialResolution.Mapping mp) {
                    location[e] = mp.locationToArea().get(t.locationName(loc));
                } else {
                    location[e] = "A" + area;
                }
                if (coords) {
                    lat[e] = areas.areaLat()[area];
                    lng[e] = areas.areaLng()[area];
                }
                e++;
            }
        }
        return new Transformed(user, time, location, lat, lng);
    }
}
