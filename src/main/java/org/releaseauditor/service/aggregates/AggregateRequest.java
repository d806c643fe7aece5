package org.releaseauditor.service.aggregates;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.TableSpec;
import org.releaseauditor.core.aggregate.ThresholdRule;

/**
 * What an aggregates analysis should load and check (shared by the CLI and the GUI).
 *
 * @param tables         the release set's tables
 * @param hierarchies    dimension → mapping file
 * @param threshold      threshold rule, or null
 * @param dominanceN     n of (n,k)-dominance (0 = off)
 * @param dominanceK     k in percent
 * @param pPercent       p of the p % rule (NaN = off)
 * @param group          group-disclosure check, or null
 * @param audit          whether to run the LP audit of withheld cells
 * @param protection     the protection the audit requires
 * @param width          differencing: report withheld cells pinned to at most this width (0 = exact)
 * @param series         later releases in time order: table name → files (cumulative counts)
 * @param recovery       trajectory-recovery stress test, or null
 */
public record AggregateRequest(List<TableInput> tables, Map<String, Path> hierarchies, ThresholdRule threshold,
        int dominanceN, double dominanceK, double pPercent, GroupCheck group, boolean audit,
        ProtectionRequirement protection, double width, Map<String, List<Path>> series, RecoveryInput recovery) {

    public AggregateRequest {
        tables = List.copyOf(tables);
        hierarchies = Map.copyOf(hierarchies);
        series = Map.copyOf(series);
        protection = protection == null ? ProtectionRequirement.exactOnly() : protection;
    }

    /**
     * One table: its reading spec and file, and optional contributions.
     *
     * @param contributions contributor or microdata file, or null
     * @param contributorId contributor id column (null: every row is its own contributor)
     * @param contributionValue value column (null: every row contributes 1)
     */
    public record TableInput(TableSpec spec, Path file, Path contributions, String contributorId,
            String contributionValue) {
        public static TableInput of(TableSpec spec, Path file) {
            return new TableInput(spec, file, null, null, null);
        }
    }

    /** Group disclosure: groups by {@code dims}, disclosed category of {@code by}. */
    public record GroupCheck(List<String> dims, String by, double allowedOutside) {
        public GroupCheck {
            dims = List.copyOf(dims);
        }
    }

    /** Trajectory recovery from a ground-truth file with user, slot and area columns. */
    public record RecoveryInput(Path file, String userColumn, String slotColumn, String areaColumn, int slotMinutes,
            int topK) {
    }
}
