package org.releaseauditor.cli;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.remediation.RemediationCall;
import org.releaseauditor.service.remediation.TrajectoryRemediationRequest;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import picocli.CommandLine.Option;

/** The remediation options of {@code remediate trajectories} (the lane options come from {@link TrajectoriesOptions}). */
public final class RemediateTrajectoriesOptions {

    @Option(names = "--policy", paramLabel = "P", required = true,
            description = "The policy the copy must pass: a policy file with unicity rules, e.g. "
                    + "unicity.3.fraction <= 0.1 (required).")
    String policy;

    @Option(names = "--try-spatial", split = ",", paramLabel = "SPEC",
            description = "Coarser spatial resolutions to try after the released one, finest first, e.g. "
                    + "grid:1km,grid:2km,map:FILE (default: ${bundle:default.remediation.trajectories.spatial}: "
                    + "grids of 250 m to 10 km when there are coordinates).")
    List<String> spatial;

    @Option(names = "--try-temporal", split = ",", paramLabel = "SPEC",
            description = "Coarser time bins to try after the released one, e.g. 2h,4h,1d (default: "
                    + "${bundle:default.remediation.trajectories.temporal}: wider bins up to a day).")
    List<String> temporal;

    @Option(names = "--no-cap", description = "Do not search the number of events kept per user.")
    Boolean noCap;

    @Option(names = "--apply", paramLabel = "auto|resolution|cap",
            description = "Which change the copy gets: the least coarsening that passes, or else the largest "
                    + "passing cap (auto); only a resolution; only a cap (default: "
                    + "${bundle:default.remediation.trajectories.apply}).")
    String apply;

    @Option(names = "--at", paramLabel = "spatial=S,temporal=T,cap=N",
            description = "Apply this transformation instead of searching, e.g. spatial=grid:2km,temporal=4h.")
    String at;

    @Option(names = "--warn-as-fail", description = "The policy's WARN rules on unicity are targets as well.")
    Boolean warnAsFail;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Where the remediated copy is written (default: <name>_remediated.csv in the working "
                    + "folder); never over the input.")
    String write;

    RemediationCall<TrajectoryRemediationRequest> build(LaneCall<TrajectoriesRequest> lane)
            throws ConfigurationException {
        return TrajectoryRemediationRequest.builder().analysis(lane).policy(policy).spatial(spatial)
                .temporal(temporal).searchCap(noCap == null ? null : !noCap).apply(apply).at(at)
                .warnAsFail(warnAsFail).write(write).buildCall();
    }
}
