package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Unicity and the background-knowledge attacks give the same result on several threads as on one:
 * every user's draw and risk, the counts and the instances, on random synthetic traces, for every
 * attack type, exact and sampled.
 */
class ParallelTrajectoryProperties {

    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterContainer
    static void shutdown() {
        POOL.shutdown();
    }

    @Property(tries = 40)
    void unicityDoesNotDependOnThreads(@ForAll @IntRange(min = 1, max = 3000) int users,
            @ForAll @IntRange(min = 1, max = 30) int events, @ForAll long seed) throws Exception {
        EventTable table = SyntheticTraces.generate(users, events, 200, seed, ProgressMonitor.none());
        TraceSet ts = TraceSet.build(table, new SpatialResolution.Identity(), TemporalResolution.bins(3600),
                ProgressMonitor.none());
        UnicityOptions opt = new UnicityOptions(4, users > 100 ? users / 2 : 0, seed, false);
        assertEquals(Unicity.compute(ts, opt, ProgressMonitor.none(), Workers.sequential()),
                Unicity.compute(ts, opt, ProgressMonitor.none(), Workers.of(POOL)));
    }

    @Property(tries = 60)
    void attacksDoNotDependOnThreads(@ForAll @IntRange(min = 1, max = 1500) int users,
            @ForAll @IntRange(min = 1, max = 15) int events, @ForAll @IntRange(min = 1, max = 3) int k,
            @ForAll AttackType type, @ForAll long seed, @ForAll boolean sampled) throws Exception {
        EventTable table = SyntheticTraces.generate(users, events, 60, seed, ProgressMonitor.none());
        TraceSet ts = TraceSet.build(table, new SpatialResolution.Identity(), TemporalResolution.bins(4 * 3600),
                ProgressMonitor.none());
        AttackSpec spec = new AttackSpec(type, k, type == AttackType.FREQUENCY || type == AttackType.PROBABILITY
                ? 0.2 : 0);
        AttackOptions opt = new AttackOptions(sampled ? 3 : Long.MAX_VALUE, 5, 0, seed);
        AttackResult one = new BackgroundKnowledgeAttack(ts).run(spec, opt, ProgressMonitor.none(), Workers.sequential());
        AttackResult many = new BackgroundKnowledgeAttack(ts).run(spec, opt, ProgressMonitor.none(),
                Workers.of(POOL));
        assertArrayEquals(one.risks(), many.risks(), 0.0);
        assertEquals(one.instances(), many.instances());
        assertEquals(one.sampledUsers(), many.sampledUsers());
        assertEquals(one.mode(), many.mode());
        assertEquals(one.meanRisk(), many.meanRisk(), 0.0);
    }
}
