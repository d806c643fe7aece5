package org.releaseauditor.core.trajectory;

import java.util.Arrays;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.util.LongIntHashMap;

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
    private final int[] eventPoint;
    private final long[] eventLocalSecond;
    private final int[] distinctStart;
    private final int[] distinctPoints;
    private final int[] postingStart;
    private final int[] postingUsers;
    private final int[] pointArea;
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
        eventPoint = b.eventPoint;
        eventLocalSecond = b.eventLocalSecond;
        distinctStart = b.distinctStart;
        distinctPoints = b.distinctPoints;
        postingStart = b.postingStart;
        postingUsers = b.postingUsers;
        pointArea = b.pointArea;
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
        int[] eventPoint;
        long[] eventLocalSecond;
        int[] distinctStart;
        int[] distinctPoints;
        int[] postingStart;
        int[] postingUsers;
        int[] pointArea;
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
        monitor.checkCancelled();
        b.eventPoint = new int[n];
        int[] pointAreaTmp = new int[Math.max(16, Math.min(n, 1 << 20))];
        int points = 0;
        if (bins <= (1L << 22)) {
            int[] bin = new int[n];
            for (int e = 0; e < n; e++) {
                bin[e] = (int) (temporal.bin(b.eventLocalSecond[e]) - minBin);
            }
            // group events by area (counting sort), then number each area's bins with a reusable stamp array:
            // cache-friendly, no hashing
            int[] areaStart = new int[b.areaCount + 1];
            for (int e = 0; e < n; e++) {
                areaStart[b.eventArea[e] + 1]++;
            }
            for (int a = 0; a < b.areaCount; a++) {
                areaStart[a + 1] += areaStart[a];
            }
            int[] fill = Arrays.copyOf(areaStart, b.areaCount);
            int[] byArea = new int[n];
            for (int e = 0; e < n; e++) {
                byArea[fill[b.eventArea[e]]++] = e;
            }
            fill = null;
            monitor.checkCancelled();
            int[] stamp = new int[(int) bins];
            Arrays.fill(stamp, -1);
            for (int a = 0; a < b.areaCount; a++) {
                if ((a & 1023) == 0) {
                    monitor.checkCancelled();
                }
                int from = areaStart[a];
                int to = areaStart[a + 1];
                for (int i = from; i < to; i++) {
                    int e = byArea[i];
                    int x = bin[e];
                    int id = stamp[x];
                    if (id < 0) {
                        id = points++;
                        stamp[x] = id;
                        pointAreaTmp = grow(pointAreaTmp, id);
                        pointAreaTmp[id] = a;
                    }
                    b.eventPoint[e] = id;
                }
                for (int i = from; i < to; i++) {
                    stamp[bin[byArea[i]]] = -1;
                }
            }
        } else {
            LongIntHashMap map = new LongIntHashMap(Math.max(16, n / 8));
            for (int e = 0; e < n; e++) {
                if ((e & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                    monitor.checkCancelled();
                }
                long key = b.eventArea[e] * bins + (temporal.bin(b.eventLocalSecond[e]) - minBin);
                int id = map.getOrPut(key, points);
                if (id == points) {
                    points++;
                    pointAreaTmp = grow(pointAreaTmp, id);
                    pointAreaTmp[id] = b.eventArea[e];
                }
                b.eventPoint[e] = id;
            }
        }
        b.pointCount = points;
        b.pointArea = Arrays.copyOf(pointAreaTmp, points);
        monitor.checkCancelled();
        // distinct points per user
        b.distinctStart = new int[b.users + 1];
        int[] distinct = new int[n];
        int w = 0;
        for (int u = 0; u < b.users; u++) {
            if ((u & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
                monitor.update("index", u, b.users);
            }
            int from = b.userStart[u];
            int to = b.userStart[u + 1];
            int s = w;
            System.arraycopy(b.eventPoint, from, distinct, w, to - from);
            Arrays.sort(distinct, s, s + to - from);
            int end = s + to - from;
            for (int i = s; i < end; i++) {
                if (w == s || distinct[w - 1] != distinct[i]) {
                    distinct[w++] = distinct[i];
                }
            }
            b.distinctStart[u + 1] = w;
        }
        b.distinctPoints = Arrays.copyOf(distinct, w);
        // inverted index point -> users (users ascending because we fill in user order)
        int[][] idx = invert(b.distinctStart, b.distinctPoints, b.users, points);
        b.postingStart = idx[0];
        b.postingUsers = idx[1];
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
        return eventPoint.length;
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

    public int eventPoint(int event) {
        return eventPoint[event];
    }

    /** Local wall-clock epoch second of an event (epoch second + zone offset). */
    public long eventLocalSecond(int event) {
        return eventLocalSecond[event];
    }

    public int pointArea(int point) {
        return pointArea[point];
    }

    public int distinctPointCount(int user) {
        return distinctStart[user + 1] - distinctStart[user];
    }

    /** The i-th distinct point of a user (points ascending). */
    public int distinctPoint(int user, int i) {
        return distinctPoints[distinctStart[user] + i];
    }

    /** Whether a user's trace contains a point (binary search). */
    public boolean contains(int user, int point) {
        return Arrays.binarySearch(distinctPoints, distinctStart[user], distinctStart[user + 1], point) >= 0;
    }

    public int postingSize(int point) {
        return postingStart[point + 1] - postingStart[point];
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
