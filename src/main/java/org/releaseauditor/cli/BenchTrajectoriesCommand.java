package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.service.bench.TrajectoryBenchmarkService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release-auditor bench trajectories}: times unicity, the coarsening sweep and an exact attack. */
@Command(name = "trajectories", mixinStandardHelpOptions = true,
        description = "Benchmark the trajectory lane on fixed-seed synthetic events (targets: unicity < 10 s, "
                + "4x4 sweep < 60 s, exact location attack k=2 < 30 s).")
public final class BenchTrajectoriesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--users", defaultValue = "100000", description = "Users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--events", defaultValue = "200", description = "Events per user (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--attack-users", defaultValue = "10000",
            description = "Users of the attack set (default: ${DEFAULT-VALUE}).")
    int attackUsers;

    @Option(names = "--attack-events", defaultValue = "50",
            description = "Events per user of the attack set (default: ${DEFAULT-VALUE}).")
    int attackEvents;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (users < 1 || events < 1 || attackUsers < 1 || attackEvents < 1) {
            spec.commandLine().getErr().println("bench trajectories: sizes must be at least 1");
            return ExitCodes.USAGE;
        }
        out.printf(Locale.ROOT, "bench trajectories (seed %d, %d cores, max heap %d MB; targets apply to wall time)%n",
                seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        List<TrajectoryBenchmarkService.Step> steps = new TrajectoryBenchmarkService().run(users, events, attackUsers,
                attackEvents, seed, new CancellationFlag(), s -> {
                    String target = s.targetSeconds() > 0 ? String.format(Locale.ROOT, " (target < %.0f s: %s)",
                            s.targetSeconds(), s.withinTarget() ? "ok" : "MISSED") : "";
                    out.printf(Locale.ROOT, "%-62s %7.2f s wall, %7.2f s thread CPU%s%n    %s%n", s.name(),
                            s.seconds(), s.cpuSeconds(), target, s.detail());
                    out.flush();
                });
        boolean ok = true;
        for (TrajectoryBenchmarkService.Step s : steps) {
            ok &= s.withinTarget();
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.POLICY_FAILED;
    }
}
