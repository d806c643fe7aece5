package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.remediation.AggregateRemediationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-auditor remediate aggregates}: primary and secondary suppression proven by the LP audit, re-audited. */
@Command(name = "aggregates", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Withhold the cells the primary rules find unsafe, then the fewest more (secondary suppression)",
            "until the LP audit of all co-released tables proves every withheld cell protected; write the copies and",
            "re-audit them through the aggregates lane with the same options (the LP audit is always on). The lane",
            "options are those of 'analyze aggregates'."},
        footer = {"", "Example:",
            "  release-auditor remediate aggregates --table 'footfall=slice.csv,dims=date|hour|area|age_band|gender' \\",
            "      --threshold 10 --operator lt --policy min-cell-10 --write slice_remediated.csv",
            "", "Exit codes: 0 the suppression was proven safe and the copies pass the re-audit; 1 otherwise;",
            "2 usage error; 3 input error; 130 cancelled."})
public final class RemediateAggregatesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AggregatesOptions lane;

    @Mixin
    RemediateAggregatesOptions remediation;

    @Mixin
    OutputOptions output;

    @Mixin
    RemediationCaseOptions record;

    @Option(names = "--print-request",
            description = "Print the remediation request as JSON (every default filled in) and exit.")
    boolean printRequest;

    @Override
    public Integer call() throws AuditException {
        return RemediationRuns.run(spec, output, record, printRequest, remediation.build(lane.build(null)),
                new AggregateRemediationService()::run);
    }
}
