package org.releaseauditor.cli;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.trajectory.AttackOptions;
import org.releaseauditor.core.trajectory.EventColumns;
import org.releaseauditor.core.trajectory.HomeWork;
import org.releaseauditor.service.trajectories.TrajectoryAnalysisService;
import org.releaseauditor.service.trajectories.TrajectoryOptionsParser;
import org.releaseauditor.service.trajectories.TrajectoryReport;
import org.releaseauditor.service.trajectories.TrajectoryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release-auditor analyze trajectories}: unicity, sweep, attacks, home/work and top-N of an event file. */
@Command(name = "trajectories", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-identification risk of pseudonymised location events (pseudonym, time, location):",
            "unicity for p known points, a coarsening sweep, background-knowledge attacks,",
            "home/work and top-N anonymity sets. See src/docs/trajectories.md."})
public final class AnalyzeTrajectoriesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Event file (CSV/TSV with a header).")
    Path data;

    @Option(names = "--user", required = true, paramLabel = "COL", description = "Pseudonym column.")
    String user;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "Timestamp column.")
    String time;

    @Option(names = "--location", paramLabel = "COL", description = "Location id column (or use --lat and --lng).")
    String location;

    @Option(names = "--lat", paramLabel = "COL", description = "Latitude column.")
    String lat;

    @Option(names = "--lng", paramLabel = "COL", description = "Longitude column.")
    String lng;

    @Option(names = "--time-format", paramLabel = "P", defaultValue = "auto",
            description = "auto (default), iso, epoch, epoch-ms, or a pattern such as 'yyyy-MM-dd HH:mm:ss'.")
    String timeFormat;

    @Option(names = "--zone", paramLabel = "Z", defaultValue = "UTC",
            description = "Time zone of local timestamps and of day/hour bins (default: UTC).")
    String zone;

    @Option(names = "--spatial", paramLabel = "SPEC", defaultValue = "none",
            description = "none (default), grid:500m, geohash:6 or map:FILE (location,area).")
    String spatial;

    @Option(names = "--temporal", paramLabel = "SPEC", defaultValue = "1h",
            description = "Time bins: 15m, 1h (default), 1d, tod:4h, weekday, weekday-tod:6h, none.")
    String temporal;

    @Option(names = "--points", paramLabel = "RANGE", defaultValue = "1..5", description = "p values (default 1..5).")
    String points;

    @Option(names = "--sample-users", paramLabel = "N", defaultValue = "0",
            description = "Evaluate N sampled users (default 0: all users, exact).")
    int sampleUsers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default 1).")
    long seed;

    @Option(names = "--attacks", paramLabel = "LIST",
            description = "e.g. location:1-3,sequence:2,location-time:2,unique-location:2,frequency:2,probability:2,home-work")
    String attacks;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0",
            description = "Relative tolerance of the frequency and probability attacks (0..1, default 0).")
    double tolerance;

    @Option(names = "--exact-limit", paramLabel = "N", defaultValue = "100000",
            description = "Enumerate a user's k-subsets exactly up to N instances, else sample (default 100000).")
    long exactLimit;

    @Option(names = "--sampled-instances", paramLabel = "N", defaultValue = "1000",
            description = "Instances per user in sampled mode (default 1000).")
    int sampledInstances;

    @Option(names = "--attributes", paramLabel = "COLS", split = ",",
            description = "Per-person attribute columns the attacker also knows, e.g. age_band,gender.")
    List<String> attributes;

    @Option(names = "--sweep", paramLabel = "SPEC",
            description = "e.g. 'spatial=250m,500m,1km,2km;temporal=15m,1h,4h,1d'.")
    String sweep;

    @Option(names = "--sweep-points", paramLabel = "P", defaultValue = "4", description = "p of the sweep (default 4).")
    int sweepPoints;

    @Option(names = "--home-work", paramLabel = "HOURS", defaultValue = "20-7,9-17",
            description = "Night and weekday work hours for home/work sets (default 20-7,9-17); 'off' to skip.")
    String homeWork;

    @Option(names = "--top-n", paramLabel = "N", defaultValue = "3", description = "Top-N places up to N (default 3; 0 skips).")
    int topN;

    @Option(names = "--per-user", paramLabel = "FILE", description = "Write uid,attack,k,risk to this CSV file.")
    Path perUser;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @picocli.CommandLine.Mixin
    PolicyOption policy;


    @picocli.CommandLine.Mixin
    ImportOptionsMixin importOptions;

    @Override
    public Integer call() throws Exception {
        if ((location == null && (lat == null || lng == null)) || (lat == null) != (lng == null)) {
            throw new ConfigurationException("trajectory.error.locationSpec");
        }
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigurationException("trajectory.error.badZone", zone);
        }
        int[] p = TrajectoryOptionsParser.range(points, "trajectory.error.badPoints");
        if (tolerance < 0 || tolerance > 1) {
            throw new ConfigurationException("trajectory.error.badNumber", "--tolerance", tolerance, "0..1");
        }
        if (sampleUsers < 0 || exactLimit < 1 || sampledInstances < 1 || sweepPoints < 1 || topN < 0) {
            throw new ConfigurationException("trajectory.error.badNumber", "--sample-users/--exact-limit/"
                    + "--sampled-instances/--sweep-points/--top-n", "", "positive numbers");
        }
        List<List<String>> sw = TrajectoryOptionsParser.sweep(sweep);
        ImportOptions io = importOptions.toOptions();
        TrajectoryRequest req = new TrajectoryRequest(data, io,
                new EventColumns(user, time, location, lat, lng, attributes, timeFormat, z), spatial, temporal, p[0],
                p[1], sampleUsers, seed, TrajectoryOptionsParser.attacks(attacks, tolerance),
                new AttackOptions(exactLimit, sampledInstances, 0, seed), sw.get(0), sw.get(1), sweepPoints,
                homeWork(homeWork), topN, perUser);
        TrajectoryAnalysisService service = new TrajectoryAnalysisService();
        try (ConsoleProgress monitor = ConsoleProgress.start(spec.commandLine().getErr(), output.quiet)) {
            TrajectoryReport report = service.analyze(req, monitor);
            StringWriter json = new StringWriter();
            service.writeJson(report, json);
            String text;
            if (output.json()) {
                text = json.toString();
            } else {
                StringWriter t = new StringWriter();
                service.writeText(report, t);
                text = t.toString();
            }
            return policy.emit(spec, output, text, json.toString());
        }
    }

    static HomeWork homeWork(String s) throws ConfigurationException {
        return TrajectoryOptionsParser.homeWork(s);
    }
}
