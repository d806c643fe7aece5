package org.releaseauditor.service.trajectories;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.summary.TrajectorySummary;
import org.releaseauditor.core.trajectory.AttackOptions;
import org.releaseauditor.core.trajectory.AttackSpec;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.core.trajectory.EventColumns;
import org.releaseauditor.core.trajectory.HomeWork;
import org.releaseauditor.core.trajectory.SpatialResolution;
import org.releaseauditor.core.trajectory.TemporalResolution;
import org.releaseauditor.service.ImportSettings;
import org.releaseauditor.service.LaneRequestBuilder;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.RequestJson;
import org.releaseauditor.service.SummarySource;

/**
 * One trajectory analysis: the event columns, the resolution, the p values of unicity, sampling,
 * attacks, the coarsening sweep, home/work hours and top-N, plus how the file is read. Every
 * default of the trajectories lane is defined here, in {@link Builder}. Inputs: {@code events}
 * (required) and {@code areaMap} (a location,area mapping file, required when the spatial
 * resolution or a sweep entry is {@code map}).
 *
 * <p>Resolution specs are those of {@code src/docs/trajectories.md}: spatial {@code none},
 * {@code grid:500m}, {@code geohash:6} or {@code map}; temporal {@code 15m}, {@code 1h},
 * {@code tod:4h}, {@code weekday}, …
 *
 * @param user             pseudonym column
 * @param time             timestamp column
 * @param location         location-id column, or null with coordinates only
 * @param lat              latitude column, or null
 * @param lng              longitude column, or null
 * @param attributes       per-person attribute columns the attacker also knows
 * @param timeFormat       auto, iso, epoch, epoch-ms or a java.time pattern
 * @param zone             time zone of local timestamps and of calendar bins
 * @param spatial          spatial resolution spec
 * @param temporal         temporal resolution spec
 * @param minPoints        smallest p reported
 * @param maxPoints        largest p reported
 * @param sampleUsers      users sampled for unicity and attacks, 0 = all (exact)
 * @param seed             seed of every random choice
 * @param attacks          attacks to run, one per attack and k
 * @param tolerance        relative tolerance of the frequency and probability attacks, in [0, 1]
 * @param exactLimit       a user's k-subsets are enumerated exactly up to this many
 * @param sampledInstances instances per user in sampled mode
 * @param sweepSpatial     spatial specs of the sweep (both lists empty = no sweep)
 * @param sweepTemporal    temporal specs of the sweep
 * @param sweepPoints      p of the sweep
 * @param homeWork         night and work hours, or null for no home/work sets
 * @param topN             largest N of the top-N sets, 0 = none
 * @param importOptions    how the event file is read
 */
public record TrajectoriesRequest(String user, String time, String location, String lat, String lng,
        List<String> attributes, String timeFormat, String zone, String spatial, String temporal, int minPoints,
        int maxPoints, int sampleUsers, long seed, List<Attack> attacks, double tolerance, long exactLimit,
        int sampledInstances, List<String> sweepSpatial, List<String> sweepTemporal, int sweepPoints,
        HomeWork homeWork, int topN, ImportOptions importOptions) implements LaneRequest {

    public static final String LANE = "trajectories";
    /** Input role of the event file. */
    public static final String EVENTS = "events";
    /** Input role of the location,area mapping file of {@code map} resolutions. */
    public static final String AREA_MAP = "areaMap";
    /** Input role of a trajectory summary audited instead of the events (see src/docs/spark.md). */
    public static final String SUMMARY = SummarySource.ROLE;
    /** The spatial spec that reads the {@link #AREA_MAP} input. */
    public static final String MAP = "map";

    /** One attack: its type and the length k of the attacker's knowledge (home-work: 2). */
    public record Attack(AttackType type, int k) {
        public Attack {
            Objects.requireNonNull(type, "type");
        }
    }

    public TrajectoriesRequest {
        attributes = List.copyOf(attributes);
        attacks = List.copyOf(attacks);
        sweepSpatial = List.copyOf(sweepSpatial);
        sweepTemporal = List.copyOf(sweepTemporal);
        Objects.requireNonNull(importOptions, "importOptions");
    }

    /** Every default; no columns yet (such a request does not validate). */
    public static TrajectoriesRequest defaults() {
        return new Builder().unchecked();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String lane() {
        return LANE;
    }

    /** Whether the spatial resolution or a sweep entry reads the area mapping. */
    public boolean usesAreaMap() {
        return MAP.equals(spatial) || sweepSpatial.contains(MAP);
    }

    /** Whether a coarsening sweep is requested. */
    public boolean sweep() {
        return !sweepSpatial.isEmpty() || !sweepTemporal.isEmpty();
    }

    /** The event columns for the importer. */
    public EventColumns columns() {
        return new EventColumns(user, time, location, lat, lng, attributes, timeFormat, ZoneId.of(zone));
    }

    /** The attacks for the engine (with the request's tolerance). */
    public List<AttackSpec> attackSpecs() {
        return attacks.stream().map(a -> new AttackSpec(a.type(), a.k(), tolerance)).toList();
    }

    /** The enumeration limits for the engine (with the request's sampling and seed). */
    public AttackOptions attackOptions() {
        return new AttackOptions(exactLimit, sampledInstances, sampleUsers, seed);
    }

    @Override
    public ObjectNode toJsonTree() {
        ObjectNode n = RequestJson.root(LANE);
        n.put("user", user);
        n.put("time", time);
        n.put("location", location);
        n.put("lat", lat);
        n.put("lng", lng);
        attributes.forEach(n.putArray("attributes")::add);
        n.put("timeFormat", timeFormat);
        n.put("zone", zone);
        n.put("spatial", spatial);
        n.put("temporal", temporal);
        n.put("minPoints", minPoints);
        n.put("maxPoints", maxPoints);
        n.put("sampleUsers", sampleUsers);
        n.put("seed", seed);
        ArrayNode at = n.putArray("attacks");
        for (Attack a : attacks) {
            at.addObject().put("attack", a.type().id()).put("k", a.k());
        }
        n.put("tolerance", tolerance);
        n.put("exactLimit", exactLimit);
        n.put("sampledInstances", sampledInstances);
        ObjectNode sw = n.putObject("sweep");
        sweepSpatial.forEach(sw.putArray("spatial")::add);
        sweepTemporal.forEach(sw.putArray("temporal")::add);
        sw.put("points", sweepPoints);
        if (homeWork == null) {
            n.putNull("homeWork");
        } else {
            n.putObject("homeWork").put("nightFrom", homeWork.nightStart()).put("nightTo", homeWork.nightEnd())
                    .put("dayFrom", homeWork.dayStart()).put("dayTo", homeWork.dayEnd());
        }
        n.put("topN", topN);
        n.set("import", ImportSettings.toJson(importOptions));
        return n;
    }

    /**
     * The attacker model these settings describe, as JSON (recorded as the attacker model of a
     * case run): background knowledge of {@code minPoints}..{@code maxPoints} points of a person's
     * trace at the analysed resolution, the attacks with their k, and the per-person attributes.
     */
    public String attackerModelJson() {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("model", "background-knowledge");
        n.putObject("knownPoints").put("min", minPoints).put("max", maxPoints);
        n.put("spatial", spatial);
        n.put("temporal", temporal);
        ArrayNode at = n.putArray("attacks");
        for (Attack a : attacks) {
            at.addObject().put("attack", a.type().id()).put("k", a.k());
        }
        n.put("tolerance", tolerance);
        attributes.forEach(n.putArray("attributes")::add);
        return RequestJson.canonical(n);
    }

    /** Reads a request (canonical or hand-written JSON; absent fields keep their defaults). */
    public static TrajectoriesRequest fromJson(String json) throws ConfigurationException {
        ObjectNode n = RequestJson.parseObject(json, LANE + " request");
        RequestJson.Reader r = new RequestJson.Reader(n, LANE).header(LANE);
        Builder b = new Builder();
        b.user(r.string("user")).time(r.string("time")).location(r.string("location")).lat(r.string("lat"))
                .lng(r.string("lng")).attributes(r.strings("attributes")).timeFormat(r.string("timeFormat"))
                .zone(r.string("zone"));
        String spatial = r.string("spatial");
        if (spatial != null) {
            b.spatial(spatial);
        }
        b.temporal(r.string("temporal"));
        Integer min = r.integer("minPoints");
        Integer max = r.integer("maxPoints");
        if (min != null || max != null) {
            b.points(min == null ? b.minPoints : min, max == null ? b.maxPoints : max);
        }
        b.sampleUsers(r.integer("sampleUsers")).seed(r.whole("seed"));
        List<ObjectNode> attacks = r.objects("attacks");
        if (attacks != null) {
            b.attacks.clear();
            for (ObjectNode o : attacks) {
                RequestJson.Reader ar = new RequestJson.Reader(o, LANE + ".attacks");
                String id = ar.string("attack");
                Integer k = ar.integer("k");
                ar.finish();
                AttackType t = id == null ? null : AttackType.fromId(id);
                if (t == null) {
                    throw new ConfigurationException("trajectory.error.badAttack", String.valueOf(id));
                }
                b.attack(t, k == null ? 2 : k);
            }
        }
        b.tolerance(r.number("tolerance")).exactLimit(r.whole("exactLimit"))
                .sampledInstances(r.integer("sampledInstances"));
        ObjectNode sw = r.object("sweep");
        if (sw != null) {
            RequestJson.Reader sr = new RequestJson.Reader(sw, LANE + ".sweep");
            b.sweepSpatial(sr.strings("spatial"));
            b.sweepTemporal(sr.strings("temporal"));
            b.sweepPoints(sr.integer("points"));
            sr.finish();
        }
        if (r.has("homeWork")) {
            ObjectNode hw = r.object("homeWork");
            RequestJson.Reader hr = new RequestJson.Reader(hw, LANE + ".homeWork");
            Integer nf = hr.integer("nightFrom");
            Integer nt = hr.integer("nightTo");
            Integer df = hr.integer("dayFrom");
            Integer dt = hr.integer("dayTo");
            hr.finish();
            if (nf == null || nt == null || df == null || dt == null) {
                throw new ConfigurationException("request.error.type", LANE, "homeWork",
                        "{nightFrom, nightTo, dayFrom, dayTo} or null", hw.toString());
            }
            b.homeWork(nf, nt, df, dt);
        } else if (n.has("homeWork")) {
            b.homeWork("off");
        }
        b.topN(r.integer("topN"));
        ObjectNode io = r.object("import");
        if (io != null) {
            ImportSettings.read(io, b.importing(), LANE);
        }
        r.finish();
        return b.build();
    }

    /**
     * Builds a request. Holds every default of the lane; a null argument leaves a value as it is.
     * The text setters take the command-line syntax ({@code --points 1..5}, {@code --attacks
     * location:1-3,home-work}, {@code --sweep 'spatial=…;temporal=…'}, {@code --home-work 20-7,9-17}).
     */
    public static final class Builder extends LaneRequestBuilder<TrajectoriesRequest, Builder> {
        private String user;
        private String time;
        private String location;
        private String lat;
        private String lng;
        private final List<String> attributes = new ArrayList<>();
        private String timeFormat = "auto";
        private String zone = "UTC";
        private String spatial = "none";
        private String temporal = "1h";
        private int minPoints = 1;
        private int maxPoints = 5;
        private int sampleUsers = 0;
        private long seed = 1;
        private final List<Attack> attacks = new ArrayList<>();
        private double tolerance = 0;
        private long exactLimit = 100_000;
        private int sampledInstances = 1000;
        private final List<String> sweepSpatial = new ArrayList<>();
        private final List<String> sweepTemporal = new ArrayList<>();
        private int sweepPoints = 4;
        private int[] homeWork = {20, 7, 9, 17};
        private int topN = 3;

        Builder() {
        }

        Builder(TrajectoriesRequest r) {
            user = r.user;
            time = r.time;
            location = r.location;
            lat = r.lat;
            lng = r.lng;
            attributes.addAll(r.attributes);
            timeFormat = r.timeFormat;
            zone = r.zone;
            spatial = r.spatial;
            temporal = r.temporal;
            minPoints = r.minPoints;
            maxPoints = r.maxPoints;
            sampleUsers = r.sampleUsers;
            seed = r.seed;
            attacks.addAll(r.attacks);
            tolerance = r.tolerance;
            exactLimit = r.exactLimit;
            sampledInstances = r.sampledInstances;
            sweepSpatial.addAll(r.sweepSpatial);
            sweepTemporal.addAll(r.sweepTemporal);
            sweepPoints = r.sweepPoints;
            homeWork = r.homeWork == null ? null
                    : new int[] {r.homeWork.nightStart(), r.homeWork.nightEnd(), r.homeWork.dayStart(),
                        r.homeWork.dayEnd()};
            topN = r.topN;
            importing.options(r.importOptions);
        }

        public Builder user(String column) {
            user = optionalName(column, user);
            return this;
        }

        public Builder time(String column) {
            time = optionalName(column, time);
            return this;
        }

        public Builder location(String column) {
            location = optionalName(column, location);
            return this;
        }

        public Builder lat(String column) {
            lat = optionalName(column, lat);
            return this;
        }

        public Builder lng(String column) {
            lng = optionalName(column, lng);
            return this;
        }

        /** Attribute columns (replaces the list). */
        public Builder attributes(List<String> columns) {
            replaceNames(attributes, columns);
            return this;
        }

        public Builder timeFormat(String f) {
            if (f != null) {
                timeFormat = f.isBlank() ? "auto" : f.strip();
            }
            return this;
        }

        public Builder zone(String z) {
            if (z != null) {
                zone = z.strip();
            }
            return this;
        }

        /**
         * {@code none}, {@code grid:500m}, {@code 500m}, {@code geohash:6}, {@code map} (the
         * {@code areaMap} input), or {@code map:FILE} (sets {@code map} and the input's location).
         */
        public Builder spatial(String spec) throws ConfigurationException {
            if (spec != null) {
                spatial = mapSpec(spec);
            }
            return this;
        }

        private String mapSpec(String spec) throws ConfigurationException {
            String s = spec.strip();
            if (s.toLowerCase(Locale.ROOT).startsWith("map:")) {
                inputs.put(AREA_MAP, s.substring(4).strip());
                return MAP;
            }
            return s.equalsIgnoreCase(MAP) ? MAP : s;
        }

        public Builder temporal(String spec) {
            if (spec != null) {
                temporal = spec.isBlank() ? "1h" : spec.strip();
            }
            return this;
        }

        /** {@code 4} or {@code 1..5} (also {@code 1-5}). */
        public Builder points(String range) throws ConfigurationException {
            if (range != null) {
                int[] r = range(range, "trajectory.error.badPoints");
                minPoints = r[0];
                maxPoints = r[1];
            }
            return this;
        }

        public Builder points(int min, int max) {
            minPoints = min;
            maxPoints = max;
            return this;
        }

        public Builder sampleUsers(Integer n) {
            if (n != null) {
                sampleUsers = n;
            }
            return this;
        }

        public Builder seed(Long s) {
            if (s != null) {
                seed = s;
            }
            return this;
        }

        /**
         * {@code location:1-3,sequence:2,unique-location:2,home-work}: one attack per type and k; a
         * missing k means 2; home-work takes no k. Replaces the list.
         */
        public Builder attacks(String spec) throws ConfigurationException {
            if (spec == null) {
                return this;
            }
            attacks.clear();
            for (String item : spec.split(",")) {
                String s = item.strip();
                if (s.isEmpty()) {
                    continue;
                }
                int colon = s.indexOf(':');
                AttackType type = AttackType.fromId(colon < 0 ? s : s.substring(0, colon));
                if (type == null) {
                    throw new ConfigurationException("trajectory.error.badAttack", s);
                }
                if (type == AttackType.HOME_WORK) {
                    attacks.add(new Attack(type, 2));
                    continue;
                }
                int[] k = colon < 0 ? new int[] {2, 2} : range(s.substring(colon + 1), "trajectory.error.badAttack");
                for (int i = k[0]; i <= k[1]; i++) {
                    attacks.add(new Attack(type, i));
                }
            }
            return this;
        }

        /** Adds one attack (home-work ignores k and uses 2). */
        public Builder attack(AttackType type, int k) {
            attacks.add(new Attack(type, type == AttackType.HOME_WORK ? 2 : k));
            return this;
        }

        public Builder tolerance(Double t) {
            if (t != null) {
                tolerance = t;
            }
            return this;
        }

        public Builder exactLimit(Long n) {
            if (n != null) {
                exactLimit = n;
            }
            return this;
        }

        public Builder sampledInstances(Integer n) {
            if (n != null) {
                sampledInstances = n;
            }
            return this;
        }

        /** {@code spatial=250m,500m;temporal=15m,1h} (replaces both lists). */
        public Builder sweep(String spec) throws ConfigurationException {
            if (spec == null) {
                return this;
            }
            List<String> s = new ArrayList<>();
            List<String> t = new ArrayList<>();
            for (String part : spec.split(";")) {
                String p = part.strip();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    throw new ConfigurationException("trajectory.error.badSweep", spec);
                }
                String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                List<String> values = Arrays.stream(p.substring(eq + 1).split(",")).map(String::strip)
                        .filter(v -> !v.isEmpty()).toList();
                if (key.equals("spatial")) {
                    s.addAll(values);
                } else if (key.equals("temporal")) {
                    t.addAll(values);
                } else {
                    throw new ConfigurationException("trajectory.error.badSweep", spec);
                }
            }
            if (s.isEmpty() && t.isEmpty()) {
                throw new ConfigurationException("trajectory.error.badSweep", spec);
            }
            sweepSpatial(s);
            sweepTemporal(t);
            return this;
        }

        public Builder sweepSpatial(List<String> specs) throws ConfigurationException {
            if (specs != null) {
                sweepSpatial.clear();
                for (String s : specs) {
                    if (!s.isBlank()) {
                        sweepSpatial.add(mapSpec(s));
                    }
                }
            }
            return this;
        }

        public Builder sweepTemporal(List<String> specs) {
            replaceNames(sweepTemporal, specs);
            return this;
        }

        public Builder sweepPoints(Integer p) {
            if (p != null) {
                sweepPoints = p;
            }
            return this;
        }

        /** {@code NIGHT_FROM-TO,DAY_FROM-TO} (for example {@code 20-7,9-17}), or {@code off}. */
        public Builder homeWork(String hours) throws ConfigurationException {
            if (hours == null) {
                return this;
            }
            if (hours.strip().equalsIgnoreCase("off")) {
                homeWork = null;
                return this;
            }
            try {
                String[] parts = hours.split(",");
                String[] night = parts[0].split("-");
                String[] day = parts[1].split("-");
                if (parts.length != 2 || night.length != 2 || day.length != 2) {
                    throw new NumberFormatException(hours);
                }
                return homeWork(Integer.parseInt(night[0].strip()), Integer.parseInt(night[1].strip()),
                        Integer.parseInt(day[0].strip()), Integer.parseInt(day[1].strip()));
            } catch (RuntimeException e) {
                throw new ConfigurationException("trajectory.error.badNumber", "--home-work", hours,
                        "NIGHT_FROM-TO,DAY_FROM-TO, e.g. 20-7,9-17");
            }
        }

        public Builder homeWork(int nightFrom, int nightTo, int dayFrom, int dayTo) {
            homeWork = new int[] {nightFrom, nightTo, dayFrom, dayTo};
            return this;
        }

        public Builder homeWorkOff() {
            homeWork = null;
            return this;
        }

        public Builder topN(Integer n) {
            if (n != null) {
                topN = n;
            }
            return this;
        }

        /** Where the event file is (role {@code events}). */
        public Builder events(String location) throws ConfigurationException {
            return input(EVENTS, location);
        }

        /** Where a trajectory summary is that is audited instead of the events (role {@code summary}). */
        public Builder summary(String location) throws ConfigurationException {
            return input(SUMMARY, location);
        }

        /**
         * Starts from what the summary in {@code file} was made with: its columns, time format,
         * zone, resolutions, points 1..P, sample, seed and sweep, and none of the measures that
         * need the events (no attacks, home/work or top-N). Setters called afterwards override
         * these values; the lane then checks them against the summary.
         */
        public Builder fromSummary(Path file) throws AuditException {
            TrajectorySummary.Options o = SummarySource.header(file, LANE).trajectories();
            user = o.user();
            time = o.time();
            location = o.location();
            lat = o.lat();
            lng = o.lng();
            attributes.clear();
            attributes.addAll(o.attributes());
            timeFormat = o.timeFormat() == null ? "auto" : o.timeFormat();
            zone = o.zone();
            spatial = o.spatial();
            temporal = o.temporal();
            minPoints = 1;
            maxPoints = o.maxPoints();
            sampleUsers = o.sampleUsers();
            seed = o.seed();
            sweepSpatial.clear();
            sweepSpatial.addAll(o.sweepSpatial());
            sweepTemporal.clear();
            sweepTemporal.addAll(o.sweepTemporal());
            sweepPoints = o.sweepPoints();
            attacks.clear();
            homeWork = null;
            topN = 0;
            return this;
        }

        TrajectoriesRequest unchecked() {
            HomeWork hw = null;
            if (homeWork != null) {
                try {
                    hw = new HomeWork(homeWork[0], homeWork[1], homeWork[2], homeWork[3]);
                } catch (IllegalArgumentException e) {
                    hw = null;
                }
            }
            return new TrajectoriesRequest(user, time, location, lat, lng, attributes, timeFormat, zone, spatial,
                    temporal, minPoints, maxPoints, sampleUsers, seed, attacks, tolerance, exactLimit,
                    sampledInstances, sweepSpatial, sweepTemporal, sweepPoints, hw, topN, importing.build());
        }

        /** The request; a usage error when a value is missing, out of range or not understood. */
        @Override
        public TrajectoriesRequest build() throws ConfigurationException {
            if (user == null) {
                throw new ConfigurationException("trajectory.error.missingColumn", "pseudonym", "--user", "user");
            }
            if (time == null) {
                throw new ConfigurationException("trajectory.error.missingColumn", "timestamp", "--time", "time");
            }
            if ((location == null && (lat == null || lng == null)) || (lat == null) != (lng == null)) {
                throw new ConfigurationException("trajectory.error.locationSpec");
            }
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new ConfigurationException("trajectory.error.badZone", zone);
            }
            String tf = timeFormat.toLowerCase(Locale.ROOT);
            if (!List.of("auto", "iso", "epoch", "epoch-s", "epoch-ms").contains(tf)) {
                try {
                    DateTimeFormatter.ofPattern(timeFormat);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("trajectory.error.badPattern", timeFormat,
                            String.valueOf(e.getMessage()));
                }
            }
            // resolutions are checked and written in their canonical form (500m -> grid:500m, 60m -> 1h)
            boolean coordinates = lat != null && lng != null;
            spatial = checkSpatial(spatial, coordinates);
            temporal = TemporalResolution.parse(temporal).label();
            for (int i = 0; i < sweepSpatial.size(); i++) {
                sweepSpatial.set(i, checkSpatial(sweepSpatial.get(i), coordinates));
            }
            for (int i = 0; i < sweepTemporal.size(); i++) {
                sweepTemporal.set(i, TemporalResolution.parse(sweepTemporal.get(i)).label());
            }
            if (minPoints < 1 || maxPoints < minPoints || maxPoints > 1000) {
                throw new ConfigurationException("trajectory.error.badPoints", minPoints + ".." + maxPoints);
            }
            number(sampleUsers >= 0, "--sample-users", sampleUsers, "0 (all users) or more");
            number(exactLimit >= 1, "--exact-limit", exactLimit, "1 or more");
            number(sampledInstances >= 1, "--sampled-instances", sampledInstances, "1 or more");
            number(sweepPoints >= 1 && sweepPoints <= 1000, "--sweep-points", sweepPoints, "1 to 1000");
            number(topN >= 0, "--top-n", topN, "0 (none) or more");
            number(tolerance >= 0 && tolerance <= 1, "--tolerance", tolerance, "0..1");
            for (Attack a : attacks) {
                number(a.k() >= 1 && a.k() <= 1000, "--attacks", a.type().id() + ":" + a.k(), "k from 1 to 1000");
            }
            if (homeWork != null) {
                for (int h : homeWork) {
                    number(h >= 0 && h <= 24, "--home-work", homeWork[0] + "-" + homeWork[1] + ","
                            + homeWork[2] + "-" + homeWork[3], "hours 0..24, e.g. 20-7,9-17");
                }
            }
            return unchecked();
        }

        /** The canonical spec of a spatial resolution, or a usage error. */
        private String checkSpatial(String spec, boolean coordinates) throws ConfigurationException {
            if (MAP.equals(spec)) {
                if (location == null) {
                    throw new ConfigurationException("trajectory.error.mapNeedsLocation");
                }
                return MAP;
            }
            SpatialResolution s = SpatialResolution.parse(spec);
            if (!(s instanceof SpatialResolution.Identity) && !coordinates) {
                throw new ConfigurationException("trajectory.error.spatialNeedsCoordinates", spec);
            }
            return s.label();
        }

        private static void number(boolean ok, String option, Object value, String expected)
                throws ConfigurationException {
            if (!ok) {
                throw new ConfigurationException("trajectory.error.badNumber", option, value, expected);
            }
        }
    }

    /** {@code 4} → [4, 4]; {@code 1..5} or {@code 1-5} → [1, 5]. */
    static int[] range(String spec, String errorKey) throws ConfigurationException {
        String s = spec.strip();
        try {
            String[] parts = s.contains("..") ? s.split("\\.\\.", -1) : s.split("-", -1);
            int lo;
            int hi;
            if (parts.length == 1) {
                lo = Integer.parseInt(parts[0].strip());
                hi = lo;
            } else if (parts.length == 2) {
                lo = Integer.parseInt(parts[0].strip());
                hi = Integer.parseInt(parts[1].strip());
            } else {
                throw new ConfigurationException(errorKey, spec);
            }
            if (lo < 1 || hi < lo || hi > 1000) {
                throw new ConfigurationException(errorKey, spec);
            }
            return new int[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new ConfigurationException(errorKey, spec);
        }
    }
}
