package org.releaseauditor.core.trajectory;

import java.time.ZoneId;
import java.util.Arrays;

/**
 * Pseudonymised location events, dictionary-encoded and sorted by (user, time). Users, locations
 * and per-user attribute combinations are dense ints. Locations are either ids (cell ids, with
 * names) or distinct coordinate pairs (with latitude and longitude per location). Immutable; the
 * arrays are never exposed for writing. {@link #toString()} reveals no values.
 */
public final class EventTable {
    private final String[] userNames;
    private final int[] userStart;
    private final int[] location;
    private final long[] time;
    private final String[] locationNames;
    private final double[] locationLat;
    private final double[] locationLng;
    private final int[] attributeClass;
    private final int attributeClasses;
    private final ZoneId zone;
    private volatile long[] localSecondCache;
    private long minLocal;
    private long maxLocal;

    private EventTable(String[] userNames, int[] userStart, int[] location, long[] time, String[] locationNames,
            double[] locationLat, double[] locationLng, int[] attributeClass, int attributeClasses, ZoneId zone) {
        this.userNames = userNames;
        this.userStart = userStart;
        this.location = location;
        this.time = time;
        this.locationNames = locationNames;
        this.locationLat = locationLat;
        this.locationLng = locationLng;
        this.attributeClass = attributeClass;
        this.attributeClasses = attributeClasses;
        this.zone = zone;
    }

    /**
     * Builds a table from per-event arrays in any order; events are sorted by (user, time).
     *
     * @param userNames       pseudonym of each dense user id
     * @param user            user id per event
     * @param time            epoch seconds per event
     * @param location        location id per event
     * @param locationNames   name of each location id, or null (then coordinates are required)
     * @param locationLat     latitude of each location id, or null
     * @param locationLng     longitude of each location id, or null
     * @param attributeClass  per user, a dense id of the attacker-known attribute combination, or null
     * @param attributeClasses number of attribute combinations
     * @param zone            time zone for time-of-day and calendar bins
     */
    public static EventTable of(String[] userNames, int[] user, long[] time, int[] location, String[] locationNames,
            double[] locationLat, double[] locationLng, int[] attributeClass, int attributeClasses, ZoneId zone) {
        int n = user.length;
        if (time.length != n || location.length != n) {
            throw new IllegalArgumentException("event arrays differ in length");
        }
        int users = userNames.length;
        int[] start = new int[users + 1];
        for (int u : user) {
            start[u + 1]++;
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        int[] fill = Arrays.copyOf(start, users);
        int[] order = new int[n];
        for (int e = 0; e < n; e++) {
            order[fill[user[e]]++] = e;
        }
        long[] sortedTime = new long[n];
        int[] sortedLoc = new int[n];
        for (int u = 0; u < users; u++) {
            sortSliceByTime(order, start[u], start[u + 1], time);
        }
        for (int i = 0; i < n; i++) {
            sortedTime[i] = time[order[i]];
            sortedLoc[i] = location[order[i]];
        }
        int[] attrs = attributeClass == null ? null : attributeClass.clone();
        return new EventTable(userNames.clone(), start, sortedLoc, sortedTime,
                locationNames == null ? null : locationNames.clone(),
                locationLat == null ? null : locationLat.clone(), locationLng == null ? null : locationLng.clone(),
                attrs, attrs == null ? 0 : attributeClasses, zone);
    }

    /** Stable sort of order[from, to) by time (insertion sort when already nearly sorted). */
    private static void sortSliceByTime(int[] order, int from, int to, long[] time) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = time[order[i - 1]] <= time[order[i]];
        }
        if (sorted) {
            return;
        }
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = time[order[i]];
        }
        Integer[] idx = new Integer[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] copy = Arrays.copyOfRange(order, from, to);
        for (int i = 0; i < idx.length; i++) {
            order[from + i] = copy[idx[i]];
        }
    }

    public int userCount() {
        return userNames.length;
    }

    public int eventCount() {
        return location.length;
    }

    public int locationCount() {
        return locationNames != null ? locationNames.length : locationLat.length;
    }

    /** The pseudonym of a user id (only for explicitly requested per-user output). */
    public String userName(int user) {
        return userNames[user];
    }

    /** First event index of {@code user}; events of user u are [userStart(u), userStart(u+1)). */
    public int userStart(int user) {
        return userStart[user];
    }

    public int location(int event) {
        return location[event];
    }

    public long time(int event) {
        return time[event];
    }

    public boolean hasCoordinates() {
        return locationLat != null;
    }

    /** Name of a location id, or null when locations are coordinates. */
    public String locationName(int loc) {
        return locationNames == null ? null : locationNames[loc];
    }

    public double latitude(int loc) {
        return locationLat == null ? Double.NaN : locationLat[loc];
    }

    public double longitude(int loc) {
        return locationLng == null ? Double.NaN : locationLng[loc];
    }

    /** The attribute combination of a user, or -1 when no attributes were given. */
    public int attributeClass(int user) {
        return attributeClass == null ? -1 : attributeClass[user];
    }

    public int attributeClasses() {
        return attributeClasses;
    }

    public boolean hasAttributes() {
        return attributeClass != null;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Local wall-clock seconds of every event (epoch second + zone offset at that instant), computed
     * once and shared by every resolution; do not modify.
     */
    long[] localSeconds(org.releaseauditor.core.progress.ProgressMonitor monitor) {
        long[] cached = localSecondCache;
        if (cached != null) {
            return cached;
        }
        java.time.zone.ZoneRules rules = zone.getRules();
        long[] out = new long[time.length];
        long cachedQuarter = Long.MIN_VALUE;
        boolean fixed = rules.isFixedOffset();
        int off = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int e = 0; e < time.length; e++) {
            if ((e & (org.releaseauditor.core.progress.ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            if (!fixed) {
                long quarter = Math.floorDiv(time[e], 900); // offsets change on quarter hours at most
                if (quarter != cachedQuarter) {
                    cachedQuarter = quarter;
                    off = rules.getOffset(java.time.Instant.ofEpochSecond(time[e])).getTotalSeconds();
                }
            }
            long t = time[e] + off;
            out[e] = t;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        synchronized (this) {
            minLocal = lo;
            maxLocal = hi;
            localSecondCache = out;
        }
        return out;
    }

    synchronized long minLocalSecond() {
        return minLocal;
    }

    synchronized long maxLocalSecond() {
        return maxLocal;
    }

    int[] userStartArray() {
        return userStart;
    }

    int[] locationArray() {
        return location;
    }

    long[] timeArray() {
        return time;
    }

    @Override
    public String toString() {
        return "EventTable[users=" + userCount() + ", events=" + eventCount() + ", locations=" + locationCount() + "]";
    }
}
