package org.releaseauditor.service.aggregates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.ReleaseSet;

/**
 * The typed result of the aggregates lane: the report, and the release set as it was read (the
 * dashboard draws its tables, map and time grid from it), with the later releases of its series.
 *
 * @param release the loaded tables and hierarchies (the first release)
 * @param report  every finding; {@code report.releases()} holds one result per release, in the
 *                order of {@link #releases()}
 * @param later   the later releases of the series, in time order (empty without a series)
 */
public record AggregatesOutput(ReleaseSet release, AggregateReport report, List<ReleaseSet> later) {
    public AggregatesOutput {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(report, "report");
        later = later == null ? List.of() : List.copyOf(later);
    }

    /** A single release (no series). */
    public AggregatesOutput(ReleaseSet release, AggregateReport report) {
        this(release, report, List.of());
    }

    /** Every release, the first one first. */
    public List<ReleaseSet> releases() {
        List<ReleaseSet> all = new ArrayList<>();
        all.add(release);
        all.addAll(later);
        return List.copyOf(all);
    }
}
