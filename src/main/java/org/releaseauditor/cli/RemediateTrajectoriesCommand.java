package org.releaseauditor.cli;

import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.remediation.TrajectoryRemediationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code release-auditor remediate trajectories}: coarser space and time, or fewer events per user, re-audited. */
@Command(name = "trajectories", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the least coarsening of space x time (and the most events per user) that brings unicity "
                + "under the policy's targets; write the copy and re-audit it through the trajectories lane with the same "
                + "options. The lane options are those of 'analyze trajectories'."},
        footer = {"", "Example:",
            "  release-auditor remediate trajectories --data sample-datasets/trajectories/events_pseudonymised.csv \\",
            "      --user pseudonym --time timestamp --location cell --lat lat --lng lon --points 1..4 \\",
            "      --policy unicity-4.json --write events_remediated.csv",
            "", "Exit codes: 0 a passing change was found and its copy passes the re-audit; 1 none was found or the",
            "re-audit fails; 2 usage error; 3 input error; 130 cancelled."})
public final class RemediateTrajectoriesCommand extends RemediateCommandBase {
    @Mixin
    TrajectoriesOptions lane;

    @Mixin
    RemediateTrajectoriesOptions remediation;

    @Override
    public Integer call() throws AuditException {
        if (lane.summary != null) { // refused before any work, never silently ignored
            throw new org.releaseauditor.core.error.ConfigurationException("remediate.error.trajectorySummary");
        }
        return run(remediation.build(lane.build(null)),
                new TrajectoryRemediationService()::run);
    }
}
