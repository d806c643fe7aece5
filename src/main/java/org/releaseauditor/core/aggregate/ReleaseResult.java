package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * Everything found in one release of a series (or the only release): the same checks run on
 * every release, so a later release with a cell of 4 fails the policy like the first would.
 *
 * @param name         the release's name
 * @param tables       primary-rule results per table
 * @param groups       group-disclosure findings (empty when not run or not applicable)
 * @param differencing numbers recovered within this release
 * @param audit        audit intervals of this release's withheld cells, or null when not run
 * @param summary      this release's figures
 */
public record ReleaseResult(String name, List<TableRuleResult> tables, List<DisclosedGroup> groups,
        List<RecoveredCell> differencing, List<AuditedCell> audit, AggregateSummary summary) {
    public ReleaseResult {
        tables = List.copyOf(tables);
        groups = List.copyOf(groups);
        differencing = List.copyOf(differencing);
        audit = audit == null ? null : List.copyOf(audit);
    }
}
