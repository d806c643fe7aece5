package org.releaseauditor.service.aggregates;

import java.util.Objects;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.ReleaseSet;

/**
 * The typed result of the aggregates lane: the report, and the release set as it was read (the
 * dashboard draws its tables, map and time grid from it).
 *
 * @param release the loaded tables and hierarchies
 * @param report  every finding
 */
public record AggregatesOutput(ReleaseSet release, AggregateReport report) {
    public AggregatesOutput {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(report, "report");
    }
}
