package org.releaseauditor.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.risk.SensitiveAttribute;

/**
 * The job's command line, parsed and checked before Spark starts. Options follow the desktop
 * app's {@code analyze} commands where they mean the same.
 */
final class JobOptions {
    String lane;
    String data;
    String out;
    String master;
    // reading
    char delimiter = ',';
    char quote = '"';
    boolean header = true;
    String encoding = "UTF-8";
    Set<String> missing = new LinkedHashSet<>(List.of("", "NA", "?", "NULL"));
    Set<String> suppressed = new LinkedHashSet<>(List.of("*"));
    Map<String, ColumnType> types = new LinkedHashMap<>();
    boolean multiLine;
    boolean fingerprint = true;
    // microdata
    List<String> qis = new ArrayList<>();
    List<SensitiveAttribute> sensitive = new ArrayList<>();
    String weight;
    String household;
    int maxQiSubset = 10;
    // trajectories
    String user;
    String time;
    String location;
    String lat;
    String lng;
    List<String> attributes = new ArrayList<>();
    String timeFormat = "auto";
    String zone = "UTC";
    String spatial = "none";
    String temporal = "1h";
    int maxPoints = 5;
    int sampleUsers;
    long seed = 1;
    List<String> sweepSpatial = new ArrayList<>();
    List<String> sweepTemporal = new ArrayList<>();
    int sweepPoints = 4;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: spark-submit --class org.releaseauditor.spark.SummaryJob release-auditor-spark.jar \\",
            "         --lane microdata|trajectories --data URI --out URI [--master URL] [options]",
            "Reading:      --delimiter C|tab  --quote C  --header|--no-header  --encoding UTF-8",
            "              --missing 'NA,?,NULL,'  --suppressed '*'  --type COL=integer|decimal|datetime|categorical",
            "              --multiline  --no-fingerprint",
            "Microdata:    --qi a,b,c  [--sensitive s1,s2:ordered]  [--weight w]  [--household h]",
            "              [--max-qi-subset 10]",
            "Trajectories: --user COL --time COL (--location COL [--lat COL --lng COL] | --lat COL --lng COL)",
            "              [--attributes a,b] [--time-format auto|iso|epoch-s|epoch-ms|PATTERN] [--zone UTC]",
            "              [--spatial none|grid:500m|geohash:6] [--temporal 1h] [--points 1..5]",
            "              [--sample-users N] [--seed S] [--sweep 'spatial=none,grid:2km;temporal=1h,1d']",
            "              [--sweep-points 4]");

    /** Thrown for a usage error (exit code 2). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static JobOptions parse(String[] args) throws UsageException {
        JobOptions o = new JobOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v;
            switch (a) {
                case "--header" -> o.header = true;
                case "--no-header" -> o.header = false;
                case "--multiline" -> o.multiLine = true;
                case "--no-fingerprint" -> o.fingerprint = false;
                case "--help", "-h" -> throw new UsageException("");
                default -> {
                    if (!a.startsWith("--") || i + 1 >= args.length) {
                        throw new UsageException("unknown or incomplete option: " + a);
                    }
                    v = args[++i];
                    o.set(a, v);
                }
            }
        }
        o.check();
        return o;
    }

    private void set(String option, String v) throws UsageException {
        switch (option) {
            case "--lane" -> lane = v.trim().toLowerCase(Locale.ROOT);
            case "--data" -> data = v;
            case "--out" -> out = v;
            case "--master" -> master = v;
            case "--delimiter" -> delimiter = character(option, v);
            case "--quote" -> quote = character(option, v);
            case "--encoding" -> encoding = v;
            case "--missing" -> missing = new LinkedHashSet<>(List.of(v.split(",", -1)));
            case "--suppressed" -> suppressed = new LinkedHashSet<>(List.of(v.split(",", -1)));
            case "--type" -> {
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--type expects COL=TYPE, got " + v);
                }
                types.put(v.substring(0, eq).trim(), type(v.substring(eq + 1).trim()));
            }
            case "--qi" -> qis.addAll(list(v));
            case "--sensitive" -> {
                for (String s : list(v)) {
                    boolean ordered = s.toLowerCase(Locale.ROOT).endsWith(":ordered");
                    sensitive.add(new SensitiveAttribute(ordered ? s.substring(0, s.length() - 8).trim() : s,
                            ordered));
                }
            }
            case "--weight" -> weight = v.trim();
            case "--household" -> household = v.trim();
            case "--max-qi-subset" -> maxQiSubset = integer(option, v, 1);
            case "--user" -> user = v.trim();
            case "--time" -> time = v.trim();
            case "--location" -> location = v.trim();
            case "--lat" -> lat = v.trim();
            case "--lng" -> lng = v.trim();
            case "--attributes" -> attributes.addAll(list(v));
            case "--time-format" -> timeFormat = v.trim();
            case "--zone" -> zone = v.trim();
            case "--spatial" -> spatial = v.trim();
            case "--temporal" -> temporal = v.trim();
            case "--points" -> maxPoints = points(v);
            case "--sample-users" -> sampleUsers = integer(option, v, 0);
            case "--seed" -> {
                try {
                    seed = Long.parseLong(v.trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("--seed expects a whole number, got " + v);
                }
            }
            case "--sweep" -> sweep(v);
            case "--sweep-points" -> sweepPoints = integer(option, v, 1);
            default -> throw new UsageException("unknown option: " + option);
        }
    }

    private void check() throws UsageException {
        if (lane == null || !(lane.equals("microdata") || lane.equals("trajectories"))) {
            throw new UsageException("--lane microdata|trajectories is required");
        }
        if (data == null || data.isBlank()) {
            throw new UsageException("--data URI is required");
        }
        if (out == null || out.isBlank()) {
            throw new UsageException("--out URI is required");
        }
        if (delimiter == quote) {
            throw new UsageException("--delimiter and --quote must differ");
        }
        if (lane.equals("microdata")) {
            if (qis.isEmpty()) {
                throw new UsageException("--qi is required for the microdata lane");
            }
        } else {
            if (user == null || time == null) {
                throw new UsageException("--user and --time are required for the trajectories lane");
            }
            if (location == null && (lat == null || lng == null)) {
                throw new UsageException("give --location COL, or --lat COL and --lng COL");
            }
            if ((lat == null) != (lng == null)) {
                throw new UsageException("--lat and --lng go together");
            }
        }
    }

    /** The reading options, for the record in the summary. */
    Map<String, String> importOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("delimiter", delimiter == '\t' ? "tab" : String.valueOf(delimiter));
        m.put("quote", String.valueOf(quote));
        m.put("header", Boolean.toString(header));
        m.put("encoding", encoding);
        m.put("missing", String.join(",", missing));
        m.put("suppressed", String.join(",", suppressed));
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            m.put("type." + e.getKey(), e.getValue().name().toLowerCase(Locale.ROOT));
        }
        return m;
    }

    private void sweep(String v) throws UsageException {
        for (String part : v.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--sweep expects 'spatial=a,b;temporal=c,d', got " + v);
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            List<String> values = list(part.substring(eq + 1));
            if (key.equals("spatial")) {
                sweepSpatial.addAll(values);
            } else if (key.equals("temporal")) {
                sweepTemporal.addAll(values);
            } else {
                throw new UsageException("--sweep knows spatial= and temporal=, got " + key);
            }
        }
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static char character(String option, String v) throws UsageException {
        if (v.equalsIgnoreCase("tab") || v.equals("\\t")) {
            return '\t';
        }
        if (v.length() != 1) {
            throw new UsageException(option + " expects one character (or 'tab'), got " + v);
        }
        return v.charAt(0);
    }

    private static int integer(String option, String v, int min) throws UsageException {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException(option + " must be at least " + min + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number, got " + v);
        }
    }

    /** {@code 1..5} or {@code 5}: the largest p. */
    private static int points(String v) throws UsageException {
        String s = v.trim();
        int dots = s.indexOf("..");
        String max = dots >= 0 ? s.substring(dots + 2) : s;
        if (dots >= 0 && !s.substring(0, dots).trim().equals("1")) {
            throw new UsageException("--points: a summary draws p from 1; give 1..P, got " + v);
        }
        return integer("--points", max, 1);
    }

    private static ColumnType type(String v) throws UsageException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "integer", "int" -> ColumnType.INTEGER;
            case "decimal", "number" -> ColumnType.DECIMAL;
            case "datetime", "date" -> ColumnType.DATE_TIME;
            case "categorical", "text" -> ColumnType.CATEGORICAL;
            default -> throw new UsageException("--type: unknown type " + v);
        };
    }
}
