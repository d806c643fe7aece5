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
        description = {"Benchmark the trajectory lane on fixed-seed synthetic events: index, unicity, the 4x4 "
                + "coarsening sweep and an exact location attack, for each --users count (200 events a user by default:",
            "1 M and 10 M events). Wall and process CPU time (all threads); the targets (unicity < 10 s, "
                + "sweep < 60 s, attack < 30 s) were set for 100,000 users."})
public final class BenchTrajectoriesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--users", split = ",", defaultValue = "5000,50000",
            description = "User counts, one run each (default: ${DEFAULT-VALUE}).")
    List<Integer> users;

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
        if (users.isEmpty() || users.stream().anyMatch(u -> u < 1) || events < 1 || attackUsers < 1
                || attackEvents < 1) {
            spec.commandLine().getErr().println("bench trajectories: sizes must be at least 1");
            return ExitCodes.USAGE;
        }
        out.printf(Locale.ROOT, "bench trajectories (seed %d, %d cores, max heap %d MB; targets apply to wall time)%n",
                seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        for (int u : users) {
            out.printf(Locale.ROOT, "%,d users x %d events = %,d events%n", u, events, (long) u * events);
            new TrajectoryBenchmarkService().run(u, events, attackUsers, attackEvents, seed, new CancellationFlag(),
                    s -> {
                        String target = s.targetSeconds() > 0 ? String.format(Locale.ROOT, " (target < %.0f s at 100k"
                                + " users)", s.targetSeconds()) : "";
                        out.printf(Locale.ROOT, "%-62s %7.2f s wall, %7.2f s CPU%s%n    %s%n", s.name(),
                                s.seconds(), s.cpuSeconds(), target, s.detail());
                        out.flush();
                    });
        }
        out.flush();
        return ExitCodes.OK;
    }
}
