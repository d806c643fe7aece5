package org.releaseauditor.core.aggregate;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * The checks of an aggregates analysis ({@link AggregateAnalysis#run}). Lane defaults (for
 * example the rule for derived numbers when no threshold is given) are chosen by the service;
 * this record only carries them.
 *
 * @param rules          the primary rules (threshold, dominance with its boundary, p %, pq)
 * @param groupDims      group disclosure: the dimensions that form a group (empty = off)
 * @param groupBy        group disclosure: the dimension whose category is disclosed (null = off)
 * @param allowedOutside group disclosure: members allowed outside the majority category (≥ 0)
 * @param audit          whether to report the LP audit of withheld cells
 * @param protection     the protection the audit requires (null = exact only)
 * @param width          differencing: report withheld cells pinned to at most this width
 *                       (0 = exact only); with a width above 0 the LP runs even without
 *                       {@code audit}, so that differencing and the audit agree
 * @param derivedRule    the rule that decides whether a derived number or a series increment
 *                       is reported (never null)
 */
public record AggregateConfig(PrimaryRuleConfig rules, List<String> groupDims, String groupBy, double allowedOutside,
        boolean audit, ProtectionRequirement protection, double width, ThresholdRule derivedRule) {

    public AggregateConfig {
        groupDims = List.copyOf(groupDims == null ? List.of() : groupDims);
        protection = protection == null ? ProtectionRequirement.exactOnly() : protection;
    }

    /** Whether the group-disclosure check is on. */
    public boolean groupCheck() {
        return groupBy != null && !groupDims.isEmpty();
    }

    /** Whether the LP runs (for the audit or for differencing within a width). */
    public boolean needsLp() {
        return audit || width > 0;
    }

    /** Checks every option before any work starts. */
    public void validate() throws ConfigurationException {
        if (rules == null) {
            throw new ConfigurationException("aggregate.error.option", "rules", "", "a primary-rule configuration");
        }
        rules.validate();
        if (derivedRule == null) {
            throw new ConfigurationException("aggregate.error.option", "derived rule", "", "a threshold rule");
        }
        if (!(width >= 0) || Double.isInfinite(width)) {
            throw new ConfigurationException("aggregate.error.option", "--width", ReleaseModel.fmt(width),
                    "a number of 0 or more");
        }
        if (!(protection.absolute() >= 0) || !(protection.percent() >= 0) || protection.percent() > 100
                || Double.isInfinite(protection.absolute())) {
            throw new ConfigurationException("aggregate.error.option", "--protection",
                    ReleaseModel.fmt(protection.absolute()) + "/" + ReleaseModel.fmt(protection.percent()) + "%",
                    "a width of 0 or more, or a percentage from 0 to 100");
        }
        if ((groupBy == null) != groupDims.isEmpty()) {
            throw new ConfigurationException("aggregate.error.option", "--group", String.join("|", groupDims) + ","
                    + groupBy, "dims=a|b,by=c");
        }
        if (groupCheck() && (!(allowedOutside >= 0) || Double.isInfinite(allowedOutside))) {
            throw new ConfigurationException("aggregate.error.option", "--group allowed",
                    ReleaseModel.fmt(allowedOutside), "a number of 0 or more");
        }
    }
}
