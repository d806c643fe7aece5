package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * Everything an aggregates analysis found, ready for the JSON/text writers and the dashboard.
 * Lists are empty (and {@code audit}/{@code recovery} null) when a check did not run. The
 * per-table, group, differencing and audit lists are those of the first (base) release, as the
 * dashboard shows it; {@code releases} holds every release of a series with its own results,
 * and {@code summary} covers all of them.
 *
 * @param release         the base release set's name
 * @param rules           the primary rules applied (threshold with its operator, dominance with its
 *                        boundary, p %, pq)
 * @param extrapolated    names of tables whose counts were inverted from a scaling factor
 * @param tables          primary-rule results per table of the base release
 * @param groups          group-disclosure findings of the base release
 * @param groupDims       the group dimensions checked (empty = not run)
 * @param groupBy         the dimension checked for group disclosure (null = not run)
 * @param differencing    numbers recovered by differencing in the base release, and the series
 *                        increments across releases
 * @param audit           audit intervals of the base release's withheld cells, or null when not run
 * @param protection      the protection the audit required
 * @param recovery        the trajectory-recovery stress test, or null when not run
 * @param summary         the summary metrics over every release
 * @param releases        every release with its results (the base release first); empty when the
 *                        report was built without {@link AggregateAnalysis}
 * @param seriesDecreases cells that decrease between consecutive releases (not cumulative)
 * @param width           the differencing width applied
 */
public record AggregateReport(String release, PrimaryRuleConfig rules, List<String> extrapolated,
        List<TableRuleResult> tables, List<DisclosedGroup> groups, List<String> groupDims, String groupBy,
        List<RecoveredCell> differencing, List<AuditedCell> audit, ProtectionRequirement protection,
        RecoveryResult recovery, AggregateSummary summary, List<ReleaseResult> releases,
        List<SeriesDecrease> seriesDecreases, double width) {
    public AggregateReport {
        rules = rules == null ? PrimaryRuleConfig.thresholdOnly(null) : rules;
        extrapolated = List.copyOf(extrapolated);
        tables = List.copyOf(tables);
        groups = List.copyOf(groups);
        groupDims = List.copyOf(groupDims);
        differencing = List.copyOf(differencing);
        audit = audit == null ? null : List.copyOf(audit);
        releases = List.copyOf(releases);
        seriesDecreases = List.copyOf(seriesDecreases);
    }

    /** The former form: threshold, dominance with the {@code >} boundary and p %, one release. */
    public AggregateReport(String release, ThresholdRule threshold, int dominanceN, double dominanceK,
            double pPercent, List<String> extrapolated, List<TableRuleResult> tables, List<DisclosedGroup> groups,
            List<String> groupDims, String groupBy, List<RecoveredCell> differencing, List<AuditedCell> audit,
            ProtectionRequirement protection, RecoveryResult recovery, AggregateSummary summary) {
        this(release, new PrimaryRuleConfig(threshold, dominanceN, dominanceK, pPercent), extrapolated, tables, groups,
                groupDims, groupBy, differencing, audit, protection, recovery, summary, List.of(), List.of(), 0);
    }

    /**
     * The report as seen from release {@code i} of the series (0 = the first): that release's
     * tables, groups, differencing (with the series increments into it) and audit, and its own
     * summary. The rules, recovery, release list and series decreases stay those of the whole
     * analysis. Without per-release results, release 0 is this report itself.
     */
    public AggregateReport ofRelease(int i) {
        if (releases.isEmpty() && i == 0) {
            return this;
        }
        ReleaseResult r = releases.get(i);
        List<RecoveredCell> diff = new java.util.ArrayList<>(r.differencing());
        if (i > 0) {
            String prefix = r.name() + ":";
            for (RecoveredCell c : differencing) {
                if ("series-increment".equals(c.kind()) && !c.location().isEmpty()
                        && c.location().get(0).startsWith(prefix)) {
                    diff.add(c);
                }
            }
        }
        List<String> scaled = new java.util.ArrayList<>();
        for (TableRuleResult t : r.tables()) {
            if (t.extrapolated()) {
                scaled.add(t.table());
            }
        }
        return new AggregateReport(r.name(), rules, scaled, r.tables(), r.groups(),
                groupDims, groupBy, diff, r.audit(), protection, recovery, r.summary(), releases, seriesDecreases,
                width);
    }

    /** The threshold rule applied, or null. */
    public ThresholdRule threshold() {
        return rules.threshold();
    }

    /** n of (n,k)-dominance (0 = off). */
    public int dominanceN() {
        return rules.dominanceN();
    }

    /** k of (n,k)-dominance (NaN = off). */
    public double dominanceK() {
        return rules.dominanceK();
    }

    /** The dominance rule with its boundary operator, or null. */
    public DominanceRule dominance() {
        return rules.dominance();
    }

    /** p of the p % rule (NaN = off). */
    public double pPercent() {
        return rules.pPercent();
    }

    /** The pq rule, or null. */
    public PqRule pq() {
        return rules.pq();
    }
}
