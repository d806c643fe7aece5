package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.aggregates.AggregatesLane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-auditor analyze aggregates}: audit a release set of count tables. */
@Command(name = "aggregates", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audit a release set of count tables: primary rules (threshold, dominance, p%%), "
                + "group disclosure, differencing, LP audit of suppressed cells, trajectory recovery."})
public final class AnalyzeAggregatesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AggregatesOptions lane;

    @Mixin
    OutputOptions output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--print-request",
            description = "Print the request as JSON (every default filled in) and exit; see case run --request.")
    boolean printRequest;

    @Override
    public Integer call() throws AuditException {
        return LaneRuns.analyze(spec, output, policy, printRequest,
                LaneRegistry.global().require("aggregates", AggregatesLane.class), lane.build(null), null);
    }
}
