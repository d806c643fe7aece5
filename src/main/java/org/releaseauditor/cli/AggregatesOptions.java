package org.releaseauditor.cli;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import picocli.CommandLine.Option;

/** The aggregates lane's options ({@code analyze aggregates}, {@code case run --lane aggregates}). */
public final class AggregatesOptions implements LaneOptionSet {

    @Option(names = "--table", paramLabel = "NAME=FILE[,k=v...]",
            description = {"A count table (repeat for each table of the release set; in a case FILE may be a "
                    + "dataset id). Keys: count=COL, dims=a|b|c, magnitude=COL, scale=FACTOR, scaleColumn=COL, "
                    + "contrib=FILE, contribId=COL, contribValue=COL."})
    List<String> tables;

    @Option(names = "--hierarchy", paramLabel = "DIM=FILE",
            description = "Mapping file of a dimension: finest level first, one column per coarser level.")
    List<String> hierarchies;

    @Option(names = "--threshold", paramLabel = "N", description = "Threshold rule: minimum count.")
    Double threshold;

    @Option(names = "--operator", paramLabel = "lt|le",
            description = "Threshold comparison: lt (unsafe if count < N, tau-ARGUS/ACRO) or le (count <= N, "
                    + "sdcTable) (default: ${bundle:default.aggregates.operator}).")
    String operator;

    @Option(names = "--zero-unsafe", description = "Treat zero counts as unsafe.")
    Boolean zeroUnsafe;

    @Option(names = "--rules", paramLabel = "PRESET",
            description = {"A preset of the primary rules: acro (ACRO's defaults: count < 10 with zeros unsafe, "
                    + "n=2,k=90,op=ge dominance, p%% rule 10, all-zero contributions unsafe; the magnitude rules apply "
                    + "to the tables with magnitudes). Options given with it override it."})
    String rules;

    @Option(names = "--dominance", paramLabel = "n=N,k=K[,op=gt|ge]",
            description = {"(n,k)-dominance rule, e.g. n=3,k=75: unsafe if the n largest contributions are more "
                    + "than (op=gt, tau-ARGUS/sdcTable) or at least (op=ge, ACRO 1.x) k%% of the cell total (default op: "
                        + "${bundle:default.aggregates.dominance.operator})."})
    String dominance;

    @Option(names = "--p-percent", paramLabel = "P", description = "p%% rule: a cell is unsafe when the total minus the two largest contributions is below "
                    + "p%% of the largest.")
    Double pPercent;

    @Option(names = "--pq", paramLabel = "p=P,q=Q",
            description = {"pq rule (sdcTable), e.g. p=25,q=50: unsafe if the total minus the two largest "
                    + "contributions is below p/q of the largest (0 < p < q <= 100)."})
    String pq;

    @Option(names = "--zero-magnitude-unsafe",
            description = "With the p%% or pq rule: a cell whose contributions are all 0 is unsafe (ACRO).")
    Boolean zeroMagnitudeUnsafe;

    @Option(names = "--group", paramLabel = "dims=a|b,by=c[,allowed=M]",
            description = "Group disclosure: groups by dims whose members all (or all but M) share one value of by.")
    String group;

    @Option(names = "--audit", description = "Audit suppressed cells by linear programming over all tables.")
    Boolean audit;

    @Option(names = "--protection", paramLabel = "N|P%",
            description = "Required audit interval width: absolute (3) or percent of the value (20%%) (default: "
                    + "${bundle:default.aggregates.protection.absolute}).")
    String protection;

    @Option(names = "--width", paramLabel = "W",
            description = "Differencing: also report withheld cells pinned to an interval at most W wide (default: "
                    + "${bundle:default.aggregates.width}).")
    Double width;

    @Option(names = "--series", paramLabel = "[NAME=]FILE", arity = "1..*",
            description = "Later cumulative releases in time order (NAME defaults to the first table).")
    List<String> series;

    @Option(names = "--scale", paramLabel = "FACTOR",
            description = "Declared extrapolation factor for every table (rules use count / FACTOR).")
    Double scale;

    @Option(names = "--margin-tokens", paramLabel = "A|B",
            description = "Dimension values that mark margins (default: ${bundle:default.aggregates.marginTokens}).")
    String marginTokens;

    @Option(names = "--suppression-markers", paramLabel = "A|B",
            description = "Count values that mark suppressed cells; an empty item is the empty field (default: "
                    + "'${bundle:default.aggregates.suppressionMarkers}').")
    String suppressionMarkers;

    @Option(names = "--recover-from", paramLabel = "TRAJECTORIES",
            description = "Ground-truth trajectories (user, slot, area) for the recovery stress test.")
    String recoverFrom;

    @Option(names = "--slot", paramLabel = "DURATION",
            description = "Slot length: 15m, 1h, ... (default: ${bundle:default.aggregates.recovery.slotMinutes} minutes).")
    String slot;

    @Option(names = "--columns", paramLabel = "USER,SLOT,AREA",
            description = "Column names of the trajectory file; SLOT may be date+hour (default: "
                    + "${bundle:default.aggregates.recovery.userColumn},${bundle:default.aggregates.recovery.slotColumn},"
                    + "${bundle:default.aggregates.recovery.areaColumn}).")
    String columns;

    @Option(names = "--top-k", paramLabel = "K",
            description = "k of the top-k places uniqueness (default: ${bundle:default.aggregates.recovery.topK}).")
    Integer topK;

    @Option(names = "--tie-samples", paramLabel = "N",
            description = {"Recovery: random tie-breaks evaluated when the attack ties and there are too many "
                    + "users to try every tie-break, 0 to 1000 (default: ${bundle:default.aggregates.recovery.tieSamples})."})
    Integer tieSamples;

    @Override
    public String lane() {
        return AggregatesRequest.LANE;
    }

    @Override
    public LaneCall<AggregatesRequest> build(LaneRequest base) throws ConfigurationException {
        AggregatesRequest.Builder b = base == null ? AggregatesRequest.builder()
                : ((AggregatesRequest) base).toBuilder();
        b.scale(scale);
        for (String t : tables == null ? List.<String>of() : tables) {
            b.table(t, "--table");
        }
        for (String h : hierarchies == null ? List.<String>of() : hierarchies) {
            b.hierarchy(h);
        }
        for (String s : series == null ? List.<String>of() : series) {
            b.series(s);
        }
        // the preset first: the options given with it override it
        b.rules(rules);
        b.threshold(threshold).operator(operator).zeroUnsafe(zeroUnsafe).dominance(dominance).pPercent(pPercent)
                .pq(pq).zeroMagnitudeUnsafe(zeroMagnitudeUnsafe).group(group).audit(audit).protection(protection)
                .width(width).marginTokens(marginTokens).suppressionMarkers(suppressionMarkers)
                .recoverFrom(recoverFrom).recoveryColumns(columns).slot(slot).topK(topK).tieSamples(tieSamples);
        return b.buildCall();
    }
}
