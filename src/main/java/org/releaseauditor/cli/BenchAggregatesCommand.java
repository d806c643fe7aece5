package org.releaseauditor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.service.bench.AggregateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release-auditor bench aggregates}: fixed-seed timings of the primary rules and the LP audit. */
@Command(name = "aggregates", mixinStandardHelpOptions = true,
        description = {"Time the LP audit of the bundled footfall release, the primary rules on 5 tables "
                + "(~200k cells) and on one table of 1 M and 10 M cells, and the LP audit of 100..1000 "
                + "withheld cells in 3 linked tables (fixed seed)."})
public final class BenchAggregatesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--areas", defaultValue = "250", description = "Areas of the linked audit tables.")
    int areas;

    @Option(names = "--suppressed", split = ",", defaultValue = "100,250,500,1000",
            description = "Numbers of withheld cells to audit.")
    List<Integer> suppressed;

    @Option(names = "--recovery-users", split = ",", defaultValue = "100,200",
            description = "User counts for the trajectory-recovery timing (3 days, hourly).")
    List<Integer> recoveryUsers;

    @Option(names = "--cells", split = ",", defaultValue = "1000000,10000000",
            description = "Cell counts of the one-table primary-rules timing (default: ${DEFAULT-VALUE}).")
    List<Long> cells;

    @Option(names = "--samples", defaultValue = "sample-datasets",
            description = "The sample-datasets folder, for the footfall audit (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path samples;

    @Override
    public Integer call() throws AuditException {
        PrintWriter out = spec.commandLine().getOut();
        CancellationFlag monitor = new CancellationFlag();
        AggregateBenchmark bench = new AggregateBenchmark();
        if (java.nio.file.Files.isRegularFile(samples.resolve("aggregates/footfall_hourly_withheld.csv"))) {
            bench.footfall(samples, monitor); // warm-up
            AggregateBenchmark.FootfallTiming f = bench.footfall(samples, monitor);
            out.printf("footfall LP audit (%d cells, %d withheld, %d exposed): load %.3f s, model %.3f s, "
                    + "audit %.3f s, %.3f s CPU in all (target < 3 s whole process)%n", f.cells(), f.withheld(),
                    f.exposed(), f.loadSeconds(), f.modelSeconds(), f.auditSeconds(), f.cpuSeconds());
        } else {
            out.printf("footfall LP audit skipped: no %s (use --samples)%n",
                    samples.resolve("aggregates/footfall_hourly_withheld.csv"));
        }
        out.flush();
        for (long n : cells) {
            ReleaseSet big = AggregateBenchmark.bigTable(n, seed);
            AggregateBenchmark.RulesTiming r = bench.rules(big, monitor);
            out.printf("primary rules, one table of %,d cells: %d unsafe (count < 10): %.3f s%n", r.cells(), r.unsafe(),
                    r.seconds());
            out.flush();
        }
        ReleaseSet five = AggregateBenchmark.fiveTables(seed);
        AggregateBenchmark.RulesTiming r = bench.rules(five, monitor);
        out.printf("primary rules: %d tables, %d cells, %d unsafe (count < 10): %.3f s (target < 2 s)%n", r.tables(),
                r.cells(), r.unsafe(), r.seconds());
        double[] mb = bench.modelBuild(five, monitor);
        out.printf("model build (identities + margin checks, table by table): %d identities, %.3f s%n",
                (long) mb[1], mb[0]);
        out.flush();
        out.printf("LP audit, 3 linked tables (area x hour, area x age, hour x age; %d areas):%n", areas);
        out.printf("%10s %8s %10s %9s %9s%n", "suppressed", "exposed", "identities", "build s", "audit s");
        for (int n : suppressed) {
            AggregateBenchmark.AuditTiming t = bench.audit(areas, n, seed, monitor);
            out.printf("%10d %8d %10d %9.3f %9.3f%n", t.suppressed(), t.exposed(), t.identities(), t.buildSeconds(),
                    t.auditSeconds());
            out.flush();
        }
        out.printf("trajectory recovery (commuters on a 20 x 20 grid, hourly slots):%n");
        out.printf("%6s %6s %9s %11s %10s %9s%n", "users", "slots", "accuracy", "within-day", "top2-uniq", "seconds");
        for (int users : recoveryUsers) {
            AggregateBenchmark.RecoveryTiming t = bench.recovery(users, 3, seed, monitor);
            out.printf("%6d %6d %9.3f %11.3f %10.3f %9.3f%n", t.users(), t.slots(), t.accuracy(), t.withinDayAccuracy(),
                    t.topKUniqueness(), t.seconds());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
