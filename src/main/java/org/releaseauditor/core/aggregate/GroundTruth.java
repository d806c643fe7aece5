package org.releaseauditor.core.aggregate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Ground-truth trajectories on a slot grid: the area of every user in every time slot, plus
 * planar area coordinates when the area names carry them (for example {@code r3c4}, {@code 3_4}).
 * A user without a record in a slot stays where last seen (before the first record: the first
 * place seen), so that every slot has one point per user for the attack; {@code observed} marks
 * the points that come from a record, and only those are scored. Slot 0 is midnight of the first
 * day; the grid ends with the last observed slot. Immutable.
 *
 * @param areas       area names; an area code indexes this list
 * @param x           x coordinate per area (NaN when names carry none: a 0/1 distance is used)
 * @param y           y coordinate per area
 * @param truth       {@code truth[user][slot]} = area code
 * @param slotsPerDay slots in one day
 * @param observed    {@code observed[user][slot]}: whether a record gave this point (the others
 *                    are filled in)
 */
public record GroundTruth(List<String> areas, double[] x, double[] y, int[][] truth, int slotsPerDay,
        boolean[][] observed) {
    private static final Pattern TWO_NUMBERS = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\D+(-?\\d+(?:\\.\\d+)?)");

    public GroundTruth {
        areas = List.copyOf(areas);
    }

    /** Every point observed. */
    public GroundTruth(List<String> areas, double[] x, double[] y, int[][] truth, int slotsPerDay) {
        this(areas, x, y, truth, slotsPerDay, allObserved(truth));
    }

    private static boolean[][] allObserved(int[][] truth) {
        boolean[][] o = new boolean[truth.length][];
        for (int u = 0; u < truth.length; u++) {
            o[u] = new boolean[truth[u].length];
            Arrays.fill(o[u], true);
        }
        return o;
    }

    /** Number of (user, slot) points that come from a record. */
    public long observedPoints() {
        long n = 0;
        for (boolean[] row : observed) {
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }

    public int users() {
        return truth.length;
    }

    public int slots() {
        return truth.length == 0 ? 0 : truth[0].length;
    }

    public boolean hasCoordinates() {
        return x.length > 0 && !Double.isNaN(x[0]);
    }

    /** Footfall counts per slot × area, the only input of the attack. */
    public int[][] footfall() {
        int[][] counts = new int[slots()][areas.size()];
        for (int[] user : truth) {
            for (int s = 0; s < user.length; s++) {
                counts[s][user[s]]++;
            }
        }
        return counts;
    }

    /** Builds ground truth from rows of (user, slot index, area) (tests, generators). */
    public static GroundTruth of(int slotsPerDay, int slots, List<String[]> rows) {
        Map<String, Integer> users = new LinkedHashMap<>();
        Map<String, Integer> areaIdx = new LinkedHashMap<>();
        List<int[]> recs = new ArrayList<>();
        for (String[] r : rows) {
            int u = users.computeIfAbsent(r[0], k -> users.size());
            int a = areaIdx.computeIfAbsent(r[2], k -> areaIdx.size());
            recs.add(new int[] {u, Integer.parseInt(r[1]), a});
        }
        return build(new ArrayList<>(areaIdx.keySet()), users.size(), slots, slotsPerDay, recs);
    }

    /**
     * Reads ground truth from a dataset with user, slot and area columns. The slot column holds
     * either slot indices (whole numbers) or date-times (ISO {@code 2026-01-05T08:15} or with a
     * space) that are binned to {@code slotMinutes}.
     */
    public static GroundTruth fromDataset(Dataset ds, String file, String userCol, String slotCol, String areaCol,
            int slotMinutes, ProgressMonitor monitor) throws AuditException {
        int ui = column(ds, file, userCol);
        // "date+hour": a date column and an hour-of-day column together make the slot (the city
        // generator's trajectories_truth.csv); otherwise one column holds a slot index or a timestamp
        String[] parts = slotCol.split("\\+", 2);
        int si = column(ds, file, parts[0].strip());
        int hi = parts.length == 2 ? column(ds, file, parts[1].strip()) : -1;
        int ai = column(ds, file, areaCol);
        if (slotMinutes <= 0 || 1440 % slotMinutes != 0) {
            throw new ConfigurationException("aggregate.error.slot", slotMinutes);
        }
        int spd = 1440 / slotMinutes;
        Map<String, Integer> users = new LinkedHashMap<>();
        Map<String, Integer> areaIdx = new LinkedHashMap<>();
        long[] slotRaw = new long[ds.rowCount()];
        boolean timestamps = false;
        long minDay = Long.MAX_VALUE;
        for (int r = 0; r < ds.rowCount(); r++) {
            if (r % ProgressMonitor.CHECK_INTERVAL == 0) {
                monitor.checkCancelled();
            }
            String s = CountTableReader.token(ds.columns().get(si), r);
            if (hi >= 0) {
                String h = CountTableReader.token(ds.columns().get(hi), r).strip();
                s = s.strip() + "T" + (h.length() == 1 ? "0" + h : h) + ":00";
            }
            try {
                if (hi >= 0) {
                    throw new NumberFormatException("date+hour is a timestamp");
                }
                slotRaw[r] = Long.parseLong(s);
            } catch (NumberFormatException e) {
                try {
                    LocalDateTime t = LocalDateTime.parse(s.replace(' ', 'T'));
                    timestamps = true;
                    slotRaw[r] = -1 - t.toEpochSecond(ZoneOffset.UTC) / 60;
                    minDay = Math.min(minDay, t.toLocalDate().toEpochDay());
                } catch (DateTimeParseException e2) {
                    throw new DatasetFormatException(file, r + 2L, si + 1, "aggregate.error.slotValue", file, r + 2L,
                            si + 1, s);
                }
            }
        }
        List<int[]> recs = new ArrayList<>();
        int maxSlot = 0;
        long base = timestamps ? LocalDate.ofEpochDay(minDay).atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 60 : 0;
        for (int r = 0; r < ds.rowCount(); r++) {
            int u = users.computeIfAbsent(CountTableReader.token(ds.columns().get(ui), r), k -> users.size());
            int a = areaIdx.computeIfAbsent(CountTableReader.token(ds.columns().get(ai), r), k -> areaIdx.size());
            long slot;
            if (slotRaw[r] < 0) {
                slot = ((-1 - slotRaw[r]) - base) / slotMinutes;
            } else if (timestamps) {
                throw new DatasetFormatException(file, r + 2L, si + 1, "aggregate.error.slotValue", file, r + 2L,
                        si + 1, CountTableReader.token(ds.columns().get(si), r));
            } else {
                slot = slotRaw[r];
            }
            if (slot > 1_000_000) {
                throw new DatasetFormatException(file, r + 2L, si + 1, "aggregate.error.slotValue", file, r + 2L,
                        si + 1, CountTableReader.token(ds.columns().get(si), r));
            }
            maxSlot = Math.max(maxSlot, (int) slot);
            recs.add(new int[] {u, (int) slot, a});
        }
        int slots = maxSlot + 1;
        return build(new ArrayList<>(areaIdx.keySet()), users.size(), slots, spd, recs);
    }

    private static int column(Dataset ds, String file, String name) throws ConfigurationException {
        int i = ds.indexOf(name);
        if (i < 0) {
            throw new ConfigurationException("aggregate.error.noColumn", "trajectories", name, file,
                    String.join(", ", ds.columnNames()));
        }
        return i;
    }

    private static GroundTruth build(List<String> areas, int users, int slots, int spd, List<int[]> recs) {
        int[][] truth = new int[users][slots];
        boolean[][] observed = new boolean[users][slots];
        for (int[] t : truth) {
            Arrays.fill(t, -1);
        }
        for (int[] r : recs) {
            truth[r[0]][r[1]] = r[2];
            observed[r[0]][r[1]] = true;
        }
        for (int[] t : truth) {
            int first = -1;
            for (int v : t) {
                if (v >= 0) {
                    first = v;
                    break;
                }
            }
            int last = first;
            for (int s = 0; s < t.length; s++) {
                if (t[s] < 0) {
                    t[s] = last;
                } else {
                    last = t[s];
                }
            }
        }
        double[] x = new double[areas.size()];
        double[] y = new double[areas.size()];
        for (int i = 0; i < areas.size(); i++) {
            Matcher m = TWO_NUMBERS.matcher(areas.get(i));
            if (!m.find()) {
                Arrays.fill(x, Double.NaN);
                Arrays.fill(y, Double.NaN);
                break;
            }
            x[i] = Double.parseDouble(m.group(1));
            y[i] = Double.parseDouble(m.group(2));
        }
        return new GroundTruth(areas, x, y, truth, spd, observed);
    }
}
