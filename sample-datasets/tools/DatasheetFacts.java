import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Computes the facts quoted in the datasheets of sample-datasets/ from the files themselves
 * (independently of the generator code). Run from the repository root:
 * {@code java sample-datasets/tools/DatasheetFacts.java}
 */
public class DatasheetFacts {

    static List<String[]> rows(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        boolean first = true;
        for (String l : Files.readAllLines(p)) {
            if (first) {
                first = false;
                continue;
            }
            out.add(l.split(",", -1));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "sample-datasets");
        footfall(root.resolve("aggregates"));
        extrapolated(root.resolve("aggregates"));
        od(root.resolve("aggregates"));
        events(root.resolve("trajectories"));
        customers(root.resolve("microdata"));
    }

    /** Withheld cells of the footfall table and how many the published margins give back. */
    static void footfall(Path dir) throws IOException {
        List<String[]> held = rows(dir.resolve("footfall_hourly_withheld.csv"));
        Map<String, Integer> raw = new HashMap<>();
        for (String[] r : rows(dir.resolve("footfall_hourly.csv"))) {
            raw.put(String.join(",", r[0], r[1], r[2], r[3], r[4]), Integer.parseInt(r[5]));
        }
        // group the 21 values (12 cells, 6 band margins, 2 gender margins, 1 total) per date/hour/area
        Map<String, Map<String, Integer>> tables = new HashMap<>();
        for (String[] r : held) {
            String t = r[0] + "," + r[1] + "," + r[2];
            tables.computeIfAbsent(t, k -> new HashMap<>()).put(r[3] + "|" + r[4], r[5].isEmpty() ? null : Integer.valueOf(r[5]));
        }
        String[] bands = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
        String[] genders = {"F", "M"};
        long interiorCells = 0;
        long withheldInterior = 0;
        long withheldZero = 0;
        long recovered = 0;
        long recoveredNonZero = 0;
        long withheldMargins = 0;
        long tablesWithWithheld = 0;
        for (Map.Entry<String, Map<String, Integer>> e : tables.entrySet()) {
            Map<String, Integer> v = new HashMap<>(e.getValue());
            Set<String> originallyHidden = new HashSet<>();
            for (String b : bands) {
                for (String g : genders) {
                    interiorCells++;
                    if (v.get(b + "|" + g) == null) {
                        originallyHidden.add(b + "|" + g);
                        withheldInterior++;
                        if (raw.get(e.getKey() + "," + b + "," + g) == 0) {
                            withheldZero++;
                        }
                    }
                }
            }
            for (Map.Entry<String, Integer> x : v.entrySet()) {
                if (x.getValue() == null && x.getKey().contains("ALL")) {
                    withheldMargins++;
                }
            }
            if (!originallyHidden.isEmpty()) {
                tablesWithWithheld++;
            }
            // equations: each band row, each gender column, total = sum of band margins = sum of gender margins
            List<List<String>> eqs = new ArrayList<>();
            List<String> totalKeys = new ArrayList<>();
            for (String b : bands) {
                List<String> eq = new ArrayList<>();
                eq.add(b + "|ALL");
                for (String g : genders) {
                    eq.add(b + "|" + g);
                }
                eqs.add(eq);
            }
            for (String g : genders) {
                List<String> eq = new ArrayList<>();
                eq.add("ALL|" + g);
                for (String b : bands) {
                    eq.add(b + "|" + g);
                }
                eqs.add(eq);
            }
            List<String> t1 = new ArrayList<>();
            t1.add("ALL|ALL");
            for (String b : bands) {
                t1.add(b + "|ALL");
            }
            eqs.add(t1);
            List<String> t2 = new ArrayList<>();
            t2.add("ALL|ALL");
            for (String g : genders) {
                t2.add("ALL|" + g);
            }
            eqs.add(t2);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (List<String> eq : eqs) {
                    String unknown = null;
                    int unknowns = 0;
                    for (String k : eq) {
                        if (v.get(k) == null) {
                            unknowns++;
                            unknown = k;
                        }
                    }
                    if (unknowns != 1) {
                        continue;
                    }
                    // eq.get(0) is the margin = sum of the rest
                    int sumParts = 0;
                    for (int i = 1; i < eq.size(); i++) {
                        if (!eq.get(i).equals(unknown)) {
                            sumParts += v.get(eq.get(i));
                        }
                    }
                    int value = unknown.equals(eq.get(0)) ? sumParts : v.get(eq.get(0)) - sumParts;
                    v.put(unknown, value);
                    changed = true;
                }
            }
            for (String k : originallyHidden) {
                if (v.get(k) != null) {
                    recovered++;
                    String[] bg = k.split("\\|");
                    int truth = raw.get(e.getKey() + "," + bg[0] + "," + bg[1]);
                    if (truth != v.get(k)) {
                        throw new IllegalStateException("differencing gave a wrong value for " + e.getKey() + " " + k);
                    }
                    if (truth > 0) {
                        recoveredNonZero++;
                    }
                }
            }
        }
        System.out.printf("footfall: %d area-hour tables, %d interior cells, %d withheld (%d of them zero), "
                + "%d tables with a withheld cell, %d withheld margins%n", tables.size(), interiorCells,
                withheldInterior, withheldZero, tablesWithWithheld, withheldMargins);
        System.out.printf("footfall: differencing with the published margins recovers %d withheld cells exactly "
                + "(%d of them with a count 1..9)%n", recovered, recoveredNonZero);
    }

    static void extrapolated(Path dir) throws IOException {
        List<String[]> raw = rows(dir.resolve("footfall_hourly.csv"));
        List<String[]> ext = rows(dir.resolve("footfall_hourly_extrapolated.csv"));
        long published = 0;
        long inverted = 0;
        for (int i = 0; i < raw.size(); i++) {
            if (ext.get(i)[5].isEmpty()) {
                continue;
            }
            published++;
            long e = Long.parseLong(ext.get(i)[5]);
            if (Math.round(e / 3.7) == Long.parseLong(raw.get(i)[5])) {
                inverted++;
            }
        }
        System.out.printf("extrapolated: %d published cells; round(count / 3.7) gives the raw count back for %d%n",
                published, inverted);
    }

    static void od(Path dir) throws IOException {
        List<String[]> odh = rows(dir.resolve("od_daily_withheld.csv"));
        long empty = odh.stream().filter(r -> r[3].isEmpty()).count();
        System.out.printf("od: %d cells, %d withheld%n", odh.size(), empty);
    }

    /** Unicity with p random (cell, date-hour) points per user (de Montjoye et al.). */
    static void events(Path dir) throws IOException {
        List<String[]> ev = rows(dir.resolve("events_pseudonymised.csv"));
        Map<String, Set<String>> traces = new HashMap<>();
        Map<String, Set<String>> cellsOfUser = new HashMap<>();
        for (String[] e : ev) {
            String point = e[2] + "@" + e[1].substring(0, 13);
            traces.computeIfAbsent(e[0], k -> new HashSet<>()).add(point);
            cellsOfUser.computeIfAbsent(e[0], k -> new HashSet<>()).add(e[2]);
        }
        Map<String, Set<String>> index = new HashMap<>();
        for (Map.Entry<String, Set<String>> t : traces.entrySet()) {
            for (String p : t.getValue()) {
                index.computeIfAbsent(p, k -> new HashSet<>()).add(t.getKey());
            }
        }
        Random rnd = new Random(1);
        for (int p : new int[] {1, 2, 3, 4}) {
            int unique = 0;
            int n = 0;
            for (Map.Entry<String, Set<String>> t : traces.entrySet()) {
                List<String> pts = new ArrayList<>(t.getValue());
                if (pts.size() < p) {
                    continue;
                }
                n++;
                java.util.Collections.shuffle(pts, rnd);
                Set<String> cand = new HashSet<>(index.get(pts.get(0)));
                for (int i = 1; i < p; i++) {
                    cand.retainAll(index.get(pts.get(i)));
                }
                if (cand.size() == 1) {
                    unique++;
                }
            }
            System.out.printf("events: p=%d random points (cell, hour): %d of %d users unique (%.1f %%)%n", p, unique,
                    n, 100.0 * unique / n);
        }
        // top-2 cells by event count as a home/work pair
        Map<String, Map<String, Integer>> freq = new HashMap<>();
        for (String[] e : ev) {
            freq.computeIfAbsent(e[0], k -> new HashMap<>()).merge(e[2], 1, Integer::sum);
        }
        Map<String, Integer> pairCount = new HashMap<>();
        Map<String, String> pairOf = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> u : freq.entrySet()) {
            List<Map.Entry<String, Integer>> l = new ArrayList<>(u.getValue().entrySet());
            l.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
            String pair = l.get(0).getKey() + "|" + (l.size() > 1 ? l.get(1).getKey() : "-");
            pairOf.put(u.getKey(), pair);
            pairCount.merge(pair, 1, Integer::sum);
        }
        long alone = pairOf.values().stream().filter(p -> pairCount.get(p) == 1).count();
        System.out.printf("events: %d users, %d distinct cells; %d users (%.1f %%) have a top-2 cell pair nobody else has%n",
                traces.size(), ev.stream().map(e -> e[2]).distinct().count(), alone, 100.0 * alone / traces.size());
    }

    static void customers(Path dir) throws IOException {
        List<String[]> c = rows(dir.resolve("customers.csv"));
        int[][] qis = {{1, 2, 3}, {1, 2}, {1, 2, 3, 4, 5}};
        String[] names = {"age, gender, postcode_area", "age, gender", "age, gender, postcode_area, tariff, device"};
        for (int q = 0; q < qis.length; q++) {
            Map<String, Integer> classes = new HashMap<>();
            for (String[] r : c) {
                StringBuilder k = new StringBuilder();
                for (int i : qis[q]) {
                    k.append(r[i]).append('|');
                }
                classes.merge(k.toString(), 1, Integer::sum);
            }
            long uniques = classes.values().stream().filter(x -> x == 1).count();
            int k = classes.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            long below5 = classes.values().stream().filter(x -> x < 5).mapToLong(Integer::longValue).sum();
            System.out.printf("customers [%s]: %d rows, %d classes, k=%d, %d sample uniques (%.1f %%), "
                    + "%d records in classes below 5 (%.1f %%)%n", names[q], c.size(), classes.size(), k, uniques,
                    100.0 * uniques / c.size(), below5, 100.0 * below5 / c.size());
        }
    }
}
