package org.releaseauditor.core.trajectory;

import java.util.Arrays;

/**
 * Per-user sorted distinct items (areas or points) with visit counts, and the inverted index
 * item → sorted user ids. Package-private helper of the attacks and anonymity sets.
 */
final class ItemIndex {
    final int users;
    final int itemCount;
    final int[] start;
    final int[] items;
    final int[] counts;
    final int[] total;
    final int[] postingStart;
    final int[] postingUsers;

    private ItemIndex(int users, int itemCount, int[] start, int[] items, int[] counts, int[] total,
            int[] postingStart, int[] postingUsers) {
        this.users = users;
        this.itemCount = itemCount;
        this.start = start;
        this.items = items;
        this.counts = counts;
        this.total = total;
        this.postingStart = postingStart;
        this.postingUsers = postingUsers;
    }

    /** Index of areas ({@code points == false}) or of points. */
    static ItemIndex build(TraceSet ts, boolean points) {
        int users = ts.userCount();
        int n = ts.eventCount();
        int[] start = new int[users + 1];
        int[] items = new int[n];
        int[] counts = new int[n];
        int[] total = new int[users];
        int w = 0;
        int[] buf = new int[16];
        for (int u = 0; u < users; u++) {
            int from = ts.userStart(u);
            int to = ts.userEnd(u);
            int len = to - from;
            if (buf.length < len) {
                buf = new int[Math.max(len, buf.length * 2)];
            }
            for (int e = from; e < to; e++) {
                buf[e - from] = points ? ts.eventPoint(e) : ts.eventArea(e);
            }
            Arrays.sort(buf, 0, len);
            for (int i = 0; i < len; i++) {
                if (i > 0 && buf[i] == buf[i - 1]) {
                    counts[w - 1]++;
                } else {
                    items[w] = buf[i];
                    counts[w] = 1;
                    w++;
                }
            }
            total[u] = len;
            start[u + 1] = w;
        }
        items = Arrays.copyOf(items, w);
        counts = Arrays.copyOf(counts, w);
        int itemCount = points ? ts.pointCount() : ts.areaCount();
        int[] pStart = new int[itemCount + 1];
        for (int i = 0; i < w; i++) {
            pStart[items[i] + 1]++;
        }
        for (int p = 0; p < itemCount; p++) {
            pStart[p + 1] += pStart[p];
        }
        int[] fill = Arrays.copyOf(pStart, itemCount);
        int[] post = new int[w];
        for (int u = 0; u < users; u++) {
            for (int i = start[u]; i < start[u + 1]; i++) {
                post[fill[items[i]]++] = u;
            }
        }
        return new ItemIndex(users, itemCount, start, items, counts, total, pStart, post);
    }

    int distinct(int user) {
        return start[user + 1] - start[user];
    }

    /** Visits of {@code item} by {@code user}, 0 when never. */
    int count(int user, int item) {
        int i = Arrays.binarySearch(items, start[user], start[user + 1], item);
        return i < 0 ? 0 : counts[i];
    }

    int postingSize(int item) {
        return postingStart[item + 1] - postingStart[item];
    }

    /**
     * The user's distinct items ordered by visits descending, ties by item id ascending (item ids
     * follow first appearance in the data).
     */
    int[] byFrequency(int user) {
        int n = distinct(user);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int j = start[user] + i;
            keys[i] = ((long) (Integer.MAX_VALUE - counts[j]) << 32) | items[j];
        }
        Arrays.sort(keys);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keys[i];
        }
        return out;
    }
}
