package org.releaseauditor.core.trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Unicity ε_p (de Montjoye et al. 2013). For each evaluated user, a uniformly random order of the
 * user's distinct points is drawn once; the first p points are the attacker's knowledge for ε_p
 * (so the knowledge for p is contained in the knowledge for p + 1). The user is unique when no
 * other user's trace contains all p points (and, optionally, has the same attributes). Users with
 * fewer than p distinct points are drawn with all their points, as in de Montjoye et al.; the
 * result counts them.
 *
 * <p>Uniqueness is decided on the inverted index: the posting lists of the p points are ordered by
 * size and the smallest one is scanned; for each other user in it, membership in the other lists
 * is tested by binary search, stopping at the first user that contains all points.
 */
public final class Unicity {

    private Unicity() {
    }

    /** Computes ε_1..ε_P. */
    public static UnicityResult compute(TraceSet ts, UnicityOptions opt, ProgressMonitor monitor) {
        return compute(ts, opt, monitor, Workers.defaults());
    }

    /**
     * {@link #compute(TraceSet, UnicityOptions, ProgressMonitor)} on the given workers: users are
     * evaluated in parallel chunks (each user's draw depends only on the seed and the user), and
     * the chunks' counts are added, so the result does not depend on the number of threads.
     */
    public static UnicityResult compute(TraceSet ts, UnicityOptions opt, ProgressMonitor monitor, Workers workers) {
        int[] users = sampleUsers(ts.userCount(), opt.sampleUsers(), opt.seed());
        int maxP = opt.maxPoints();
        boolean attrs = opt.useAttributes() && ts.hasAttributes();
        int[] minimal = new int[ts.userCount()];
        java.util.Arrays.fill(minimal, -1);
        if (users.length > 0) {
            ts.denseBits(); // built once, before the parallel part
        }
        int chunks = workers.tasks(users.length, 512);
        int[][] uniqueOf = new int[chunks][maxP + 1];
        int[][] shortOf = new int[chunks][maxP + 1];
        SharedProgress progress = new SharedProgress(monitor, "trajectory.progress.unicity", users.length);
        workers.forEach(chunks, c -> {
            int from = (int) ((long) users.length * c / chunks);
            int to = (int) ((long) users.length * (c + 1) / chunks);
            int[] unique = uniqueOf[c];
            int[] shortUsers = shortOf[c];
            int[] draw = new int[maxP];
            int[] lists = new int[maxP + 1];
            for (int i = from; i < to; i++) {
                if (((i - from) & 1023) == 1023) {
                    progress.add(1024);
                }
                int u = users[i];
                int drawn = drawPoints(ts, u, maxP, pointSeed(opt.seed(), u), draw);
                minimal[u] = 0;
                for (int p = 1; p <= maxP; p++) {
                    int k = Math.min(p, drawn);
                    if (k < p) {
                        shortUsers[p]++;
                    }
                    if (isUniqueGivenPoints(ts, u, draw, k, attrs, lists)) {
                        unique[p]++;
                        if (minimal[u] == 0) {
                            minimal[u] = p;
                        }
                    }
                }
            }
            progress.add((to - from) % 1024);
        });
        int[] unique = new int[maxP + 1];
        int[] shortUsers = new int[maxP + 1];
        for (int c = 0; c < chunks; c++) {
            for (int p = 0; p <= maxP; p++) {
                unique[p] += uniqueOf[c][p];
                shortUsers[p] += shortOf[c][p];
            }
        }
        monitor.update("trajectory.progress.unicity", users.length, users.length);
        List<UnicityResult.Row> rows = new ArrayList<>();
        for (int p = 1; p <= maxP; p++) {
            double[] ci = Wilson.interval95(unique[p], users.length);
            rows.add(new UnicityResult.Row(p, users.length, unique[p], shortUsers[p],
                    users.length == 0 ? 0 : (double) unique[p] / users.length, ci[0], ci[1]));
        }
        return new UnicityResult(ts.spatial().label() + " x " + ts.temporal().label(),
                users.length == ts.userCount(), opt.seed(), attrs, rows, minimal);
    }

    /**
     * The evaluated users, ascending: all when {@code sample} is 0 or at least the user count.
     * Public for the lane summaries (core.summary, the Spark job), which must draw the same users.
     */
    public static int[] sampleUsers(int userCount, int sample, long seed) {
        if (sample <= 0 || sample >= userCount) {
            int[] all = new int[userCount];
            for (int i = 0; i < userCount; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] perm = new int[userCount];
        for (int i = 0; i < userCount; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < sample; i++) {
            int j = i + rnd.nextInt(userCount - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, sample);
        Arrays.sort(out);
        return out;
    }

    /** The seed of a user's point draws (public for the lane summaries). */
    public static long pointSeed(long seed, int user) {
        long z = seed * 0x9E3779B97F4A7C15L + user;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 27);
    }

    /** Draws up to {@code max} distinct points of a user in random order into {@code out}; returns how many. */
    static int drawPoints(TraceSet ts, int user, int max, long seed, int[] out) {
        int[] idx = drawPositions(ts.distinctPointCount(user), max, seed);
        for (int i = 0; i < idx.length; i++) {
            out[i] = ts.distinctPoint(user, idx[i]);
        }
        return idx.length;
    }

    /**
     * The positions (in the user's ascending list of {@code n} distinct points) of the first
     * min(max, n) points of a uniformly random order; public for the lane summaries, which draw
     * the same points from their own point lists.
     */
    public static int[] drawPositions(int n, int max, long seed) {
        int k = Math.min(max, n);
        SplittableRandom rnd = new SplittableRandom(seed);
        // partial Fisher-Yates over indices [0, n) using a small swap map (n may be large)
        int[] idx = new int[k];
        int[] swappedFrom = new int[k];
        int[] swappedTo = new int[k];
        int swaps = 0;
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int vj = lookup(j, swappedFrom, swappedTo, swaps);
            int vi = lookup(i, swappedFrom, swappedTo, swaps);
            idx[i] = vj;
            swappedFrom[swaps] = j;
            swappedTo[swaps] = vi;
            swaps++;
        }
        return idx;
    }

    private static int lookup(int pos, int[] from, int[] to, int swaps) {
        for (int s = swaps - 1; s >= 0; s--) {
            if (from[s] == pos) {
                return to[s];
            }
        }
        return pos;
    }

    /**
     * Whether {@code user} is the only user whose trace contains the first {@code k} entries of
     * {@code points} (and who has the same attribute combination when {@code attributes}).
     */
    public static boolean isUniqueGivenPoints(TraceSet ts, int user, int[] points, int k, boolean attributes) {
        return isUniqueGivenPoints(ts, user, points, k, attributes, new int[k + 1]);
    }

    /** Uniqueness given some of the user's events (their points at this resolution). */
    public static boolean isUniqueGivenEvents(TraceSet ts, int user, int[] events, boolean attributes) {
        int[] pts = new int[events.length];
        for (int i = 0; i < events.length; i++) {
            pts[i] = ts.eventPoint(events[i]);
        }
        return isUniqueGivenPoints(ts, user, pts, pts.length, attributes);
    }

    private static boolean isUniqueGivenPoints(TraceSet ts, int user, int[] points, int k, boolean attributes,
            int[] lists) {
        // lists: encoded as list ids; id < pointCount = point posting, id = -1-cls = attribute list
        int m = 0;
        for (int i = 0; i < k; i++) {
            lists[m++] = points[i];
        }
        if (attributes) {
            lists[m++] = -1 - ts.attributeClass(user);
        }
        if (m == 0) {
            return ts.userCount() == 1;
        }
        // order by size, smallest first (insertion sort: m is tiny)
        for (int i = 1; i < m; i++) {
            int x = lists[i];
            long sx = size(ts, x);
            int j = i - 1;
            while (j >= 0 && size(ts, lists[j]) > sx) {
                lists[j + 1] = lists[j];
                j--;
            }
            lists[j + 1] = x;
        }
        long[][] dense = ts.denseBits();
        int[] arr0 = array(ts, lists[0]);
        int from0 = from(ts, lists[0]);
        int to0 = from0 + (int) size(ts, lists[0]);
        if (m == 1) {
            return to0 - from0 <= 1;
        }
        if (lists[0] >= 0 && dense[lists[0]] != null) {
            return uniqueDense(ts, user, lists, m, dense);
        }
        // scan the smallest posting list; test the others by bit (dense points) or binary search
        for (int i = from0; i < to0; i++) {
            int v = arr0[i];
            if (v == user) {
                continue;
            }
            boolean all = true;
            for (int l = 1; l < m && all; l++) {
                int id = lists[l];
                if (id >= 0 && dense[id] != null) {
                    all = (dense[id][v >>> 6] & (1L << v)) != 0;
                } else {
                    int f = from(ts, id);
                    all = Arrays.binarySearch(array(ts, id), f, f + (int) size(ts, id), v) >= 0;
                }
            }
            if (all) {
                return false;
            }
        }
        return true;
    }

    /** Every point list is dense (the smallest is): AND the bitsets word by word; the attribute list by lookup. */
    private static boolean uniqueDense(TraceSet ts, int user, int[] lists, int m, long[][] dense) {
        long[] first = dense[lists[0]];
        for (int w = 0; w < first.length; w++) {
            long x = first[w];
            for (int l = 1; l < m && x != 0; l++) {
                int id = lists[l];
                if (id >= 0) {
                    long[] bits = dense[id];
                    if (bits != null) {
                        x &= bits[w];
                    } else {
                        x &= sparseWord(ts, id, w);
                    }
                } else {
                    x &= sparseWord(ts, id, w);
                }
            }
            if (w == (user >>> 6)) {
                x &= ~(1L << user);
            }
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** The bits of word w (users 64w..64w+63) of a sparse posting or attribute list. */
    private static long sparseWord(TraceSet ts, int id, int w) {
        int[] arr = array(ts, id);
        int f = from(ts, id);
        int t = f + (int) size(ts, id);
        int pos = Arrays.binarySearch(arr, f, t, w << 6);
        if (pos < 0) {
            pos = -pos - 1;
        }
        long x = 0;
        while (pos < t && arr[pos] < (w + 1) << 6) {
            x |= 1L << arr[pos];
            pos++;
        }
        return x;
    }

    private static long size(TraceSet ts, int id) {
        return id >= 0 ? ts.postingSize(id) : ts.attributeSize(-1 - id);
    }

    private static int[] array(TraceSet ts, int id) {
        return id >= 0 ? ts.postingArray() : ts.attributeArray();
    }

    private static int from(TraceSet ts, int id) {
        return id >= 0 ? ts.postingFrom(id) : ts.attributeFrom(-1 - id);
    }
}
