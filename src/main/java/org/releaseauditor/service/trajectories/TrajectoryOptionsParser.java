package org.releaseauditor.service.trajectories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.trajectory.AttackSpec;
import org.releaseauditor.core.trajectory.AttackType;

/** Parses the compact option syntax of the trajectory analysis (shared by the CLI and the GUI). */
public final class TrajectoryOptionsParser {

    private TrajectoryOptionsParser() {
    }

    /** {@code 4} → [4, 4]; {@code 1..5} or {@code 1-5} → [1, 5]. */
    public static int[] range(String spec, String errorKey) throws ConfigurationException {
        String s = spec.trim();
        try {
            String[] parts = s.contains("..") ? s.split("\\.\\.", -1) : s.split("-", -1);
            int lo;
            int hi;
            if (parts.length == 1) {
                lo = Integer.parseInt(parts[0].trim());
                hi = lo;
            } else if (parts.length == 2) {
                lo = Integer.parseInt(parts[0].trim());
                hi = Integer.parseInt(parts[1].trim());
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

    /**
     * {@code location:1-3,sequence:2,unique-location:2,home-work}: one spec per attack and k. A missing k
     * means 2; home-work takes no k.
     */
    public static List<AttackSpec> attacks(String spec, double tolerance) throws ConfigurationException {
        List<AttackSpec> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String item : spec.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            AttackType type = AttackType.fromId(colon < 0 ? s : s.substring(0, colon));
            if (type == null) {
                throw new ConfigurationException("trajectory.error.badAttack", s);
            }
            if (type == AttackType.HOME_WORK) {
                out.add(new AttackSpec(type, 2, tolerance));
                continue;
            }
            int[] k = colon < 0 ? new int[] {2, 2} : range(s.substring(colon + 1), "trajectory.error.badAttack");
            for (int i = k[0]; i <= k[1]; i++) {
                out.add(new AttackSpec(type, i, tolerance));
            }
        }
        return out;
    }

    /** {@code spatial=250m,500m;temporal=15m,1h} → {spatial list, temporal list}. */
    public static List<List<String>> sweep(String spec) throws ConfigurationException {
        List<String> spatial = new ArrayList<>();
        List<String> temporal = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return List.of(spatial, temporal);
        }
        for (String part : spec.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new ConfigurationException("trajectory.error.badSweep", spec);
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            List<String> values = Arrays.stream(p.substring(eq + 1).split(",")).map(String::trim)
                    .filter(v -> !v.isEmpty()).toList();
            if (key.equals("spatial")) {
                spatial.addAll(values);
            } else if (key.equals("temporal")) {
                temporal.addAll(values);
            } else {
                throw new ConfigurationException("trajectory.error.badSweep", spec);
            }
        }
        if (spatial.isEmpty() && temporal.isEmpty()) {
            throw new ConfigurationException("trajectory.error.badSweep", spec);
        }
        return List.of(spatial, temporal);
    }

    /** Parses {@code --home-work NIGHT_FROM-TO,DAY_FROM-TO} (for example 20-7,9-17), or "off". */
    public static org.releaseauditor.core.trajectory.HomeWork homeWork(String s) throws ConfigurationException {
        if (s == null || s.equalsIgnoreCase("off")) {
            return null;
        }
        try {
            String[] parts = s.split(",");
            String[] night = parts[0].split("-");
            String[] day = parts[1].split("-");
            return new org.releaseauditor.core.trajectory.HomeWork(Integer.parseInt(night[0].trim()),
                    Integer.parseInt(night[1].trim()), Integer.parseInt(day[0].trim()), Integer.parseInt(day[1].trim()));
        } catch (RuntimeException e) {
            throw new ConfigurationException("trajectory.error.badNumber", "--home-work", s,
                    "NIGHT_FROM-TO,DAY_FROM-TO, e.g. 20-7,9-17");
        }
    }
}
