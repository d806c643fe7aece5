package org.releaseauditor.service.bench;

import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.trajectory.AttackOptions;
import org.releaseauditor.core.trajectory.AttackResult;
import org.releaseauditor.core.trajectory.AttackSpec;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.core.trajectory.BackgroundKnowledgeAttack;
import org.releaseauditor.core.trajectory.CoarseningSweep;
import org.releaseauditor.core.trajectory.EventTable;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.SweepResult;
import org.releaseauditor.core.trajectory.SyntheticTraces;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.core.trajectory.TraceSet;
import org.releaseauditor.core.trajectory.Unicity;
import org.releaseauditor.core.trajectory.UnicityOptions;
import org.releaseauditor.core.trajectory.UnicityResult;

/** The trajectory benchmark: fixed-seed synthetic events, timed unicity, sweep and attack. */
public final class TrajectoryBenchmarkService {

    /** One timed step (CPU: the whole process, all threads). */
    public record Step(String name, double seconds, double cpuSeconds, double targetSeconds, String detail) {
        public boolean withinTarget() {
            return targetSeconds <= 0 || seconds <= targetSeconds;
        }
    }

    /**
     * @param users         users of the unicity and sweep set
     * @param events        events per user
     * @param attackUsers   users of the attack set
     * @param attackEvents  events per user of the attack set
     * @param seed          seed
     * @param listener      receives each step when it is done
     */
    public List<Step> run(int users, int events, int attackUsers, int attackEvents, long seed, ProgressMonitor monitor,
            java.util.function.Consumer<Step> listener) throws ConfigurationException {
        List<Step> steps = new ArrayList<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean add(Step s) {
                listener.accept(s);
                return super.add(s);
            }
        };
        int antennas = 4_000;
        long t0 = System.nanoTime();
        long c0 = cpu();
        EventTable table = SyntheticTraces.generate(users, events, antennas, seed, monitor);
        steps.add(new Step("generate " + users + " users x " + events + " events", secs(t0), cpuSecs(c0), 0,
                table.eventCount() + " events, " + antennas + " antennas"));

        t0 = System.nanoTime();
        c0 = cpu();
        TraceSet ts = TraceSet.build(table, new SpatialResolution.Identity(), TemporalResolution.bins(3600), monitor);
        steps.add(new Step("index antenna x 1h", secs(t0), cpuSecs(c0), 0, ts.pointCount() + " distinct points"));

        t0 = System.nanoTime();
        c0 = cpu();
        UnicityResult u = Unicity.compute(ts, new UnicityOptions(5, 0, seed, false), monitor);
        StringBuilder d = new StringBuilder();
        for (UnicityResult.Row r : u.rows()) {
            d.append(String.format(java.util.Locale.ROOT, "e%d=%.4f ", r.points(), r.fraction()));
        }
        steps.add(new Step("unicity p=1..5, all users", secs(t0), cpuSecs(c0), 10, d.toString().trim()));

        t0 = System.nanoTime();
        c0 = cpu();
        List<SpatialResolution> spatial = List.of(new SpatialResolution.Grid(250), new SpatialResolution.Grid(500),
                new SpatialResolution.Grid(1000), new SpatialResolution.Grid(2000));
        List<TemporalResolution> temporal = List.of(TemporalResolution.bins(900), TemporalResolution.bins(3600),
                TemporalResolution.bins(4 * 3600), TemporalResolution.bins(86_400));
        SweepResult sweep = CoarseningSweep.run(table, spatial, temporal, 4, 0, seed, false, monitor);
        double[][] f = sweep.fraction();
        steps.add(new Step("sweep 4x4 (p=4, all users, index included)", secs(t0), cpuSecs(c0), 60,
                String.format(java.util.Locale.ROOT, "250m/15m=%.4f 2km/1d=%.4f", f[0][0], f[3][3])));

        table = null;
        ts = null;
        t0 = System.nanoTime();
        c0 = cpu();
        EventTable small = SyntheticTraces.generate(attackUsers, attackEvents, antennas, seed, monitor);
        TraceSet sts = TraceSet.build(small, new SpatialResolution.Grid(2000), TemporalResolution.none(), monitor);
        double prep = secs(t0);
        t0 = System.nanoTime();
        c0 = cpu();
        AttackResult a = new BackgroundKnowledgeAttack(sts).run(new AttackSpec(AttackType.LOCATION, 2, 0),
                new AttackOptions(Long.MAX_VALUE, 1, 0, seed), monitor);
        steps.add(new Step("location attack k=2 (grid:2km), exact, " + attackUsers + " users x " + attackEvents + " events",
                secs(t0), cpuSecs(c0), 30, String.format(java.util.Locale.ROOT, "mode=%s mean=%.4f risk1=%.4f instances=%d (setup %.1fs)",
                        a.mode().id(), a.meanRisk(), a.fractionRisk1(), a.instances(), prep)));
        return steps;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU time of the whole process (every thread works in parallel parts). */
    private static long cpu() {
        return MicrodataBenchmark.processCpuNanos();
    }

    private static double cpuSecs(long c0) {
        return (cpu() - c0) / 1e9;
    }
}
