package org.releaseauditor.cli;

import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The trajectories lane's options ({@code analyze trajectories}, {@code case run --lane trajectories}). */
public final class TrajectoriesOptions extends SummaryLaneOptions {

    @Option(names = "--data", paramLabel = "FILE",
            description = "Event file (CSV/TSV with a header, or SQLite); in a case also a dataset id.")
    String data;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "A trajectory summary (summarize trajectories, or the Spark job) audited instead of --data: "
                    + "columns, resolutions, sample, seed and sweep default to the summary's, and given ones must "
                    + "match it; in a case also a dataset id.")
    String summary;

    @Option(names = "--user", paramLabel = "COL", description = "Pseudonym column (required).")
    String user;

    @Option(names = "--time", paramLabel = "COL", description = "Timestamp column (required).")
    String time;

    @Option(names = "--location", paramLabel = "COL", description = "Location id column (or use --lat and --lng).")
    String location;

    @Option(names = "--lat", paramLabel = "COL", description = "Latitude column.")
    String lat;

    @Option(names = "--lng", paramLabel = "COL", description = "Longitude column.")
    String lng;

    @Option(names = "--time-format", paramLabel = "P",
            description = "auto, iso, epoch, epoch-ms, or a pattern such as 'yyyy-MM-dd HH:mm:ss' "
                    + "(default: ${bundle:default.trajectories.timeFormat}).")
    String timeFormat;

    @Option(names = "--zone", paramLabel = "Z",
            description = "Time zone of local timestamps and of day/hour bins (default: "
                    + "${bundle:default.trajectories.zone}).")
    String zone;

    @Option(names = "--spatial", paramLabel = "SPEC",
            description = "none, grid:500m, geohash:6 or map:FILE (location,area) (default: "
                    + "${bundle:default.trajectories.spatial}).")
    String spatial;

    @Option(names = "--temporal", paramLabel = "SPEC",
            description = "Time bins: 15m, 1h, 1d, tod:4h, weekday, weekday-tod:6h, none (default: "
                    + "${bundle:default.trajectories.temporal}).")
    String temporal;

    @Option(names = "--points", paramLabel = "RANGE",
            description = "p values (default: ${bundle:default.trajectories.minPoints}.."
                    + "${bundle:default.trajectories.maxPoints}).")
    String points;

    @Option(names = "--sample-users", paramLabel = "N",
            description = "Evaluate N sampled users; 0 = all users, exact (default: "
                    + "${bundle:default.trajectories.sampleUsers}).")
    Integer sampleUsers;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${bundle:default.trajectories.seed}).")
    Long seed;

    @Option(names = "--attacks", paramLabel = "LIST",
            description = "e.g. location:1-3,sequence:2,location-time:2,unique-location:2,frequency:2,probability:2,home-work")
    String attacks;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Relative tolerance of the frequency and probability attacks, 0..1 (default: "
                    + "${bundle:default.trajectories.tolerance}).")
    Double tolerance;

    @Option(names = "--exact-limit", paramLabel = "N",
            description = "Enumerate a user's k-subsets exactly up to N instances, else sample (default: "
                    + "${bundle:default.trajectories.exactLimit}).")
    Long exactLimit;

    @Option(names = "--sampled-instances", paramLabel = "N",
            description = "Instances per user in sampled mode (default: "
                    + "${bundle:default.trajectories.sampledInstances}).")
    Integer sampledInstances;

    @Option(names = "--attributes", paramLabel = "COLS", split = ",",
            description = "Per-person attribute columns the attacker also knows, e.g. age_band,gender.")
    List<String> attributes;

    @Option(names = "--sweep", paramLabel = "SPEC",
            description = "e.g. 'spatial=250m,500m,1km,2km;temporal=15m,1h,4h,1d'.")
    String sweep;

    @Option(names = "--sweep-points", paramLabel = "P",
            description = "p of the sweep (default: ${bundle:default.trajectories.sweep.points}).")
    Integer sweepPoints;

    @Option(names = "--home-work", paramLabel = "HOURS",
            description = "Night and weekday work hours for home/work sets, 'off' to skip (default: "
                    + "${bundle:default.trajectories.homeWork.nightFrom}-${bundle:default.trajectories.homeWork.nightTo},"
                    + "${bundle:default.trajectories.homeWork.dayFrom}-${bundle:default.trajectories.homeWork.dayTo}).")
    String homeWork;

    @Option(names = "--top-n", paramLabel = "N",
            description = "Top-N places up to N; 0 skips (default: ${bundle:default.trajectories.topN}).")
    Integer topN;

    @Mixin
    ImportOptionsMixin importOptions = new ImportOptionsMixin();

    @Override
    public String lane() {
        return TrajectoriesRequest.LANE;
    }

    @Override
    public LaneCall<TrajectoriesRequest> build(LaneRequest base) throws AuditException {
        TrajectoriesRequest.Builder b = base == null ? TrajectoriesRequest.builder()
                : ((TrajectoriesRequest) base).toBuilder();
        if (summary != null) {
            refuseRecordsWithSummary(new Object[][] {{"--data", data}});
            b.summary(summary);
            if (base == null) {
                b.fromSummary(file(summary));
            }
        }
        b.events(data).user(user).time(time).location(location).lat(lat).lng(lng).timeFormat(timeFormat).zone(zone)
                .spatial(spatial).temporal(temporal).points(points).sampleUsers(sampleUsers).seed(seed)
                .attacks(attacks).tolerance(tolerance).exactLimit(exactLimit).sampledInstances(sampledInstances)
                .attributes(attributes).sweep(sweep).sweepPoints(sweepPoints).homeWork(homeWork).topN(topN);
        importOptions.applyTo(b.importing());
        return b.buildCall();
    }

    /** Whether a summary is audited instead of the events. */
    boolean fromSummary() {
        return summary != null;
    }

    /** The given options that a summary does not use ({@code summarize trajectories}). */
    List<String> auditOnlyOptions() {
        return given(new Object[][] {{"--summary", summary}, {"--attacks", attacks}, {"--tolerance", tolerance},
            {"--exact-limit", exactLimit}, {"--sampled-instances", sampledInstances}, {"--home-work", homeWork},
            {"--top-n", topN}});
    }

    /** Where the events are (summarize trajectories), or null. */
    String dataLocation() {
        return data;
    }
}
