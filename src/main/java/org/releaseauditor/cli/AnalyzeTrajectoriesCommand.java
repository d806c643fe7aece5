package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.trajectories.TrajectoriesLane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-auditor analyze trajectories}: unicity, sweep, attacks, home/work and top-N of an event file. */
@Command(name = "trajectories", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-identification risk of pseudonymised location events (pseudonym, time, location):",
            "unicity for p known points, a coarsening sweep, background-knowledge attacks, "
                + "home/work and top-N anonymity sets. See src/docs/trajectories.md."})
public final class AnalyzeTrajectoriesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TrajectoriesOptions lane;

    @Option(names = "--per-user", paramLabel = "FILE", description = "Write uid,attack,k,risk to this CSV file.")
    Path perUser;

    @Mixin
    OutputOptions output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--print-request",
            description = "Print the request as JSON (every default filled in) and exit; see case run --request.")
    boolean printRequest;

    @Override
    public Integer call() throws AuditException {
        TrajectoriesLane trajectories = LaneRegistry.global().require("trajectories", TrajectoriesLane.class);
        if (perUser != null && lane.fromSummary()) {
            throw new ConfigurationException("summary.error.perUser");
        }
        return LaneRuns.analyze(spec, output, policy, printRequest, trajectories, lane.build(null),
                perUser == null ? null : (result, m) -> trajectories.writePerUser(result, perUser));
    }
}
