package org.releaseauditor.cli;

import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.remediation.AggregateRemediationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code release-auditor remediate aggregates}: primary and secondary suppression proven by the LP audit, re-audited. */
@Command(name = "aggregates", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Withhold the cells the primary rules find unsafe, then the fewest more (secondary suppression)",
            "until the LP audit of all co-released tables proves every withheld cell protected; write the copies and "
                + "re-audit them through the aggregates lane with the same options (the LP audit is always on). The lane "
                + "options are those of 'analyze aggregates'. Instead of suppression, --method coarsen sums table "
                + "dimensions up along their hierarchies (the least coarsening that passes), and --method round rounds "
                + "every cell to a base (half up) with the margins recomputed as the sum of the rounded cells."},
        footer = {"", "Example:",
            "  release-auditor remediate aggregates --table 'footfall=slice.csv,dims=date|hour|area|age_band|gender' \\",
            "      --threshold 10 --operator lt --policy min-cell-10 --write slice_remediated.csv",
            "  release-auditor remediate aggregates --table 'footfall=footfall_hourly.csv,dims=date|hour|area|age_band|gender' \\",
            "      --threshold 10 --operator lt --policy min-cell-10 --method round --write footfall_rounded.csv",
            "", "Exit codes: 0 the change passes its check (suppression proven safe, coarsening or rounding",
            "passing the rules) and the copies pass the re-audit; 1 otherwise;",
            "2 usage error; 3 input error; 130 cancelled."})
public final class RemediateAggregatesCommand extends RemediateCommandBase {
    @Mixin
    AggregatesOptions lane;

    @Mixin
    RemediateAggregatesOptions remediation;

    @Override
    public Integer call() throws AuditException {
        return run(remediation.build(lane.build(null)),
                new AggregateRemediationService()::run);
    }
}
