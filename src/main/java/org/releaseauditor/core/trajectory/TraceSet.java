package org.releaseauditor.core.trajectory;

import java.util.Arrays;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * An {@link EventTable} at one spatial × temporal resolution: every event becomes a point
 * (area, time bin) with a dense int id; each user has a sorted array of distinct points; an
 * inverted index maps each point to the sorted ids of the users whose trace contains it. Users
 * with the same attacker-known attribute combination are indexed the same way.
 */
public final class TraceSet {
    private final SpatialResolution spatial;
    private final TemporalResolution temporal;
    private final int users;
    private final int areaCount;
    private final int pointCount;
    private final int[] userStart;
    private final int[] eventArea;
    private volatile int[] eventPoint;
    private final long[] eventLocalSecond;
    private final int[] distinctStart;
    private final long[] distinctKeys;
    private final long[] pointKeys;
    private final long bins;
    private final long minBin;
    private final int[] postingStart;
    private final int[] postingUsers;
    private volatile long[][] denseBits;
    private final int[] attrStart;
    private final int[] attrUsers;
    private final int[] attributeClass;
    private final double[] areaLat;
    private final double[] areaLng;

    private TraceSet(Builder b) {
        spatial = b.spatial;
        temporal = b.temporal;
        users = b.users;
        areaCount = b.areaCount;
        pointCount = b.pointCount;
        userStart = b.userStart;
        eventArea = b.eventArea;
        eventLocalSecond = b.eventLocalSecond;
        distinctStart = b.distinctStart;
        distinctKeys = b.distinctKeys;
        pointKeys = b.pointKeys;
        bins = b.bins;
        minBin = b.minBin;
        postingStart = b.postingStart;
        postingUsers = b.postingUsers;
        attrStart = b.attrStart;
        attrUsers = b.attrUsers;
        attributeClass = b.attributeClass;
        areaLat = b.areaLat;
        areaLng = b.areaLng;
    }

    private static final class Builder {
        SpatialResolution spatial;
        TemporalResolution temporal;
        int users;
        int areaCount;
        int pointCount;
        int[] userStart;
        int[] eventArea;
        long[] eventLocalSecond;
        int[] distinctStart;
        long[] distinctKeys;
        long[] pointKeys;
        long bins;
        long minBin;
        int[] postingStart;
        int[] postingUsers;
        int[] attrStart;
        int[] attrUsers;
        int[] attributeClass;
        double[] areaLat;
        double[] areaLng;
    }

    /** Builds the trace set of {@code table} at the given resolution. */
    public static TraceSet build(EventTable table, SpatialResolution spatial, TemporalResolution temporal,
            ProgressMonitor monitor) throws ConfigurationException {
        Builder b = new Builder();
        b.spatial = spatial;
        b.temporal = temporal;
        b.users = table.userCount();
        b.userStart = table.userStartArray();
        int n = table.eventCount();
        SpatialResolution.AreaAssignment areas = spatial.assign(table);
        b.areaCount = areas.areaCount();
        b.areaLat = areas.areaLat();
        b.areaLng = areas.areaLng();
        int[] loc = table.locationArray();
        b.eventArea = new int[n];
        b.eventLocalSecond = table.localSeconds(monitor);
        for (int e = 0; e < n; e++) {
            b.eventArea[e] = areas.areaOfLocation()[loc[e]];
        }
        long[] range = temporal.binRange(table.minLocalSecond(), table.maxLocalSecond());
        long minBin = range[0];
        long bins = n == 0 ? 1 : range[1] - range[0] + 1;
        if (bins > Integer.MAX_VALUE) {
            throw new ConfigurationException("trajectory.error.badTemporal", temporal.label());
        }
        b.bins = bins;
        b.minBin = minBin;
        monitor.checkCancelled();
        // 1. per user: sorted distinct point keys (area * bins + bin)
        b.distinctStart = new int[b.users + 1];
        long[] keys = new long[n];
        int w = 0;
        for (int u = 0; u < b.users; u++) {
            if ((u & 1023) == 0) {
                monitor.checkCancelled();
                monitor.update("trajectory.progress.index", u, b.users);
            }
            int from = b.userStart[u];
            int to = b.userStart[u + 1];
            int s0 = w;
            for (int e = from; e < to; e++) {
                keys[w++] = b.eventArea[e] * bins + (temporal.bin(b.eventLocalSecond[e]) - minBin);
            }
            Arrays.sort(keys, s0, w);
            int d = s0;
            for (int i = s0; i < w; i++) {
                if (d == s0 || keys[d - 1] != keys[i]) {
                    keys[d++] = keys[i];
                }
            }
            w = d;
            b.distinctStart[u + 1] = w;
        }
        b.distinctKeys = keys; // entries [0, w) are used; no trimming copy of up to one long per event
        keys = null;
        // 2. group the (user, key) entries by area, keeping user order inside each area
        int[] areaStart = new int[b.areaCount + 1];
        for (int i = 0; i < w; i++) {
            areaStart[(int) (b.distinctKeys[i] / bins) + 1]++;
        }
        for (int a = 0; a < b.areaCount; a++) {
            areaStart[a + 1] += areaStart[a];
        }
        int[] fill = Arrays.copyOf(areaStart, b.areaCount);
        int[] entryUser = new int[w];
        int[] entryBin = new int[w];
        for (int u = 0; u < b.users; u++) {
            for (int i = b.distinctStart[u]; i < b.distinctStart[u + 1]; i++) {
                long k = b.distinctKeys[i];
                int pos = fill[(int) (k / bins)]++;
                entryUser[pos] = u;
                entryBin[pos] = (int) (k % bins);
            }
        }
        fill = null;
        monitor.checkCancelled();
        // 3. inside each area: points in bin order, posting lists in user order
        long[] pointKeys = new long[Math.max(16, Math.min(w, 1 << 20))];
        int[] postingStart = new int[Math.max(17, Math.min(w, 1 << 20) + 1)];
        int[] postingUsers = new int[w];
        int points = 0;
        boolean counting = bins <= (1L << 22);
        int[] cursor = counting ? new int[(int) bins] : null;
        int[] touched = new int[16];
        for (int a = 0; a < b.areaCount; a++) {
            if ((a & 1023) == 0) {
                monitor.checkCancelled();
            }
            int from = areaStart[a];
            int to = areaStart[a + 1];
            if (from == to) {
                continue;
            }
            if (counting) {
                int t = 0;
                for (int i = from; i < to; i++) {
                    int x = entryBin[i];
                    if (cursor[x]++ == 0) {
                        touched = grow(touched, t);
                        touched[t++] = x;
                    }
                }
                Arrays.sort(touched, 0, t);
                int pos = from;
                for (int i = 0; i < t; i++) {
                    int x = touched[i];
                    int c = cursor[x];
                    pointKeys = growLong(pointKeys, points);
                    postingStart = grow(postingStart, points + 1);
                    pointKeys[points] = (long) a * bins + x;
                    postingStart[points] = pos;
                    points++;
                    cursor[x] = pos;
                    pos += c;
                }
                for (int i = from; i < to; i++) {
                    postingUsers[cursor[entryBin[i]]++] = entryUser[i];
                }
                for (int i = 0; i < t; i++) {
                    cursor[touched[i]] = 0;
                }
            } else {
                long[] packed = new long[to - from];
                for (int i = from; i < to; i++) {
                    packed[i - from] = ((long) entryBin[i] << 32) | entryUser[i];
                }
                Arrays.sort(packed);
                int prev = -1;
                for (int i = 0; i < packed.length; i++) {
                    int x = (int) (packed[i] >>> 32);
                    if (x != prev) {
                        pointKeys = growLong(pointKeys, points);
                        postingStart = grow(postingStart, points + 1);
                        pointKeys[points] = (long) a * bins + x;
                        postingStart[points] = from + i;
                        points++;
                        prev = x;
                    }
                    postingUsers[from + i] = (int) packed[i];
                }
            }
        }
        postingStart = grow(postingStart, points + 1);
        postingStart[points] = w;
        b.pointCount = points;
        b.pointKeys = Arrays.copyOf(pointKeys, points);
        b.postingStart = Arrays.copyOf(postingStart, points + 1);
        b.postingUsers = postingUsers;
        if (table.hasAttributes()) {
            b.attributeClass = new int[b.users];
            int[] start = new int[b.users + 1];
            int[] cls = new int[b.users];
            for (int u = 0; u < b.users; u++) {
                cls[u] = table.attributeClass(u);
                b.attributeClass[u] = cls[u];
                start[u + 1] = u + 1;
            }
            int[][] a = invert(start, cls, b.users, table.attributeClasses());
            b.attrStart = a[0];
            b.attrUsers = a[1];
        }
        return new TraceSet(b);
    }

    private static long[] growLong(long[] a, int index) {
        return index < a.length ? a : Arrays.copyOf(a, Math.max(index + 1, a.length * 2));
    }

    private static int[] grow(int[] a, int index) {
        return index < a.length ? a : Arrays.copyOf(a, Math.max(index + 1, a.length * 2));
    }

    /** Inverts per-user sorted lists into per-item sorted user lists. */
    private static int[][] invert(int[] start, int[] items, int users, int itemCount) {
        int[] pStart = new int[itemCount + 1];
        for (int i = 0; i < start[users]; i++) {
            pStart[items[i] + 1]++;
        }
        for (int p = 0; p < itemCount; p++) {
            pStart[p + 1] += pStart[p];
        }
        int[] fill = Arrays.copyOf(pStart, itemCount);
        int[] out = new int[start[users]];
        for (int u = 0; u < users; u++) {
            for (int i = start[u]; i < start[u + 1]; i++) {
                out[fill[items[i]]++] = u;
            }
        }
        return new int[][] {pStart, out};
    }

    public SpatialResolution spatial() {
        return spatial;
    }

    public TemporalResolution temporal() {
        return temporal;
    }

    public int userCount() {
        return users;
    }

    public int eventCount() {
        return eventArea.length;
    }

    public int areaCount() {
        return areaCount;
    }

    public int pointCount() {
        return pointCount;
    }

    public int userStart(int user) {
        return userStart[user];
    }

    public int userEnd(int user) {
        return userStart[user + 1];
    }

    public int eventArea(int event) {
        return eventArea[event];
    }

    /** The point id of an event (computed for all events on first use). */
    public int eventPoint(int event) {
        int[] ep = eventPoint;
        if (ep == null) {
            ep = new int[eventLocalSecond.length];
            for (int e = 0; e < ep.length; e++) {
                ep[e] = pointOfKey(eventArea[e] * bins + (temporal.bin(eventLocalSecond[e]) - minBin));
            }
            eventPoint = ep;
        }
        return ep[event];
    }

    private int pointOfKey(long key) {
        return Arrays.binarySearch(pointKeys, key);
    }

    /** Local wall-clock epoch second of an event (epoch second + zone offset). */
    public long eventLocalSecond(int event) {
        return eventLocalSecond[event];
    }

    public int pointArea(int point) {
        return (int) (pointKeys[point] / bins);
    }

    public int distinctPointCount(int user) {
        return distinctStart[user + 1] - distinctStart[user];
    }

    /** The i-th distinct point of a user (points ascending). */
    public int distinctPoint(int user, int i) {
        return pointOfKey(distinctKeys[distinctStart[user] + i]);
    }

    /** Whether a user's trace contains a point (binary search). */
    public boolean contains(int user, int point) {
        return Arrays.binarySearch(distinctKeys, distinctStart[user], distinctStart[user + 1], pointKeys[point]) >= 0;
    }

    public int postingSize(int point) {
        return postingStart[point + 1] - postingStart[point];
    }

    /**
     * Bitsets of the users of each dense point (posting list of at least max(64, users / 256)
     * users; raised when the bitsets would exceed 256 MB), null entries for sparse points.
     */
    long[][] denseBits() {
        long[][] d = denseBits;
        if (d == null) {
            synchronized (this) {
                d = denseBits;
                if (d == null) {
                    d = new long[pointCount][];
                    int words = (users + 63) >>> 6;
                    int threshold = Math.max(64, users / 256);
                    long budget = (256L << 20) / (8L * words);
                    int[] sizes = new int[pointCount];
                    int over = 0;
                    for (int p = 0; p < pointCount; p++) {
                        sizes[p] = postingStart[p + 1] - postingStart[p];
                        if (sizes[p] >= threshold) {
                            over++;
                        }
                    }
                    if (over > budget) {
                        Arrays.sort(sizes);
                        threshold = Math.max(threshold, sizes[pointCount - (int) budget] + 1);
                    }
                    for (int p = 0; p < pointCount; p++) {
                        int from = postingStart[p];
                        int to = postingStart[p + 1];
                        if (to - from >= threshold) {
                            long[] bits = new long[words];
                            for (int i = from; i < to; i++) {
                                int u = postingUsers[i];
                                bits[u >>> 6] |= 1L << u;
                            }
                            d[p] = bits;
                        }
                    }
                    denseBits = d;
                }
            }
        }
        return d;
    }

    int[] postingArray() {
        return postingUsers;
    }

    int postingFrom(int point) {
        return postingStart[point];
    }

    public boolean hasAttributes() {
        return attributeClass != null;
    }

    public int attributeClass(int user) {
        return attributeClass == null ? -1 : attributeClass[user];
    }

    int attributeFrom(int cls) {
        return attrStart[cls];
    }

    int attributeSize(int cls) {
        return attrStart[cls + 1] - attrStart[cls];
    }

    int[] attributeArray() {
        return attrUsers;
    }

    public double areaLatitude(int area) {
        return areaLat[area];
    }

    public double areaLongitude(int area) {
        return areaLng[area];
    }

    @Override
    public String toString() {
        return "TraceSet[" + spatial.label() + " x " + temporal.label() + ", users=" + users + ", points=" + pointCount
                + "]";
    }
}
