package org.releaseauditor.core.trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Top-N places (Zang and Bolot 2011): each user's N most visited areas (visits descending, ties by
 * first appearance in the data), as an unordered set; the anonymity set is the number of users with
 * the same set. A user with fewer than N distinct areas is keyed by all of them.
 */
public final class TopPlaces {

    private TopPlaces() {
    }

    /** Anonymity sets of the top-N areas, for N = 1..maxN. */
    public static List<TopNResult> anonymitySets(TraceSet ts, int maxN, ProgressMonitor monitor) {
        ItemIndex index = ItemIndex.build(ts, false);
        int users = ts.userCount();
        int[][] ordered = new int[users][];
        for (int u = 0; u < users; u++) {
            if ((u & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int[] all = index.byFrequency(u);
            ordered[u] = Arrays.copyOf(all, Math.min(all.length, maxN));
        }
        List<TopNResult> out = new ArrayList<>();
        for (int n = 1; n <= maxN; n++) {
            Object[] keys = new Object[users];
            for (int u = 0; u < users; u++) {
                int[] top = Arrays.copyOf(ordered[u], Math.min(n, ordered[u].length));
                Arrays.sort(top);
                List<Integer> key = new ArrayList<>(top.length);
                for (int a : top) {
                    key.add(a);
                }
                keys[u] = key;
            }
            out.add(new TopNResult(n, AnonymitySets.of(ts.spatial().label(), keys)));
        }
        return out;
    }

    /** Each user's most visited area (ties: the area that appears first in the data). */
    public static int[] mostVisited(TraceSet ts, ProgressMonitor monitor) {
        int[] count = new int[ts.areaCount()];
        int[] out = new int[ts.userCount()];
        for (int user = 0; user < ts.userCount(); user++) {
            if ((user & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            int best = -1;
            for (int e = ts.userStart(user); e < ts.userEnd(user); e++) {
                int a = ts.eventArea(e);
                count[a]++;
                if (best < 0 || count[a] > count[best] || count[a] == count[best] && a < best) {
                    best = a;
                }
            }
            for (int e = ts.userStart(user); e < ts.userEnd(user); e++) {
                count[ts.eventArea(e)] = 0;
            }
            out[user] = best;
        }
        return out;
    }

    /** Anonymity sets of the N most visited places. */
    public record TopNResult(int n, AnonymitySets sets) {
    }
}
