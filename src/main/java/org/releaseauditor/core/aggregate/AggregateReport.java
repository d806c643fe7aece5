package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * Everything an aggregates analysis found, ready for the JSON/text writers and the dashboard.
 * Lists are empty (and {@code audit}/{@code recovery} null) when a check did not run.
 *
 * @param release        the release set's name
 * @param threshold      the threshold rule applied, or null
 * @param dominanceN     n of (n,k)-dominance (0 = off)
 * @param dominanceK     k of (n,k)-dominance
 * @param pPercent       p of the p % rule (NaN = off)
 * @param extrapolated   names of tables whose counts were inverted from a scaling factor
 * @param tables         primary-rule results per table
 * @param groups         group-disclosure findings
 * @param groupDims      the group dimensions checked (empty = not run)
 * @param groupBy        the dimension checked for group disclosure (null = not run)
 * @param differencing   numbers recovered by differencing (within the set and across the series)
 * @param audit          audit intervals of withheld cells, or null when not run
 * @param protection     the protection the audit required
 * @param recovery       the trajectory-recovery stress test, or null when not run
 * @param summary        the summary metrics
 */
public record AggregateReport(String release, ThresholdRule threshold, int dominanceN, double dominanceK,
        double pPercent, List<String> extrapolated, List<TableRuleResult> tables, List<DisclosedGroup> groups,
        List<String> groupDims, String groupBy, List<RecoveredCell> differencing, List<AuditedCell> audit,
        ProtectionRequirement protection, RecoveryResult recovery, AggregateSummary summary) {
    public AggregateReport {
        extrapolated = List.copyOf(extrapolated);
        tables = List.copyOf(tables);
        groups = List.copyOf(groups);
        groupDims = List.copyOf(groupDims);
        differencing = List.copyOf(differencing);
        audit = audit == null ? null : List.copyOf(audit);
    }
}
