package org.releaseauditor.core.trajectory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Summary of anonymity-set sizes: for each user with a key, the number of users sharing the key.
 *
 * @param resolution   spatial resolution label
 * @param users        users with a key (others are excluded)
 * @param excluded     users without a key (for example no night-time events)
 * @param medianSize   median anonymity-set size over users
 * @param fractionSize1 share of users alone in their set
 * @param sizeLabels   size classes of the histogram (1, 2, 3-5, 6-10, 11-20, 21-50, 51-100, >100)
 * @param sizeCounts   users per size class
 */
public record AnonymitySets(String resolution, int users, int excluded, double medianSize, double fractionSize1,
        List<String> sizeLabels, int[] sizeCounts) {

    static final int[] UPPER = {1, 2, 5, 10, 20, 50, 100, Integer.MAX_VALUE};
    static final List<String> LABELS = List.of("1", "2", "3-5", "6-10", "11-20", "21-50", "51-100", ">100");

    public AnonymitySets {
        sizeLabels = List.copyOf(sizeLabels);
        sizeCounts = sizeCounts.clone();
    }

    @Override
    public int[] sizeCounts() {
        return sizeCounts.clone();
    }

    /**
     * Summarises keys per user; {@code null} entries are users without a key.
     */
    static AnonymitySets of(String resolution, Object[] keys) {
        Map<Object, Integer> size = new HashMap<>();
        for (Object k : keys) {
            if (k != null) {
                size.merge(k, 1, Integer::sum);
            }
        }
        int[] sizes = new int[keys.length];
        int n = 0;
        int ones = 0;
        int[] hist = new int[UPPER.length];
        for (Object k : keys) {
            if (k == null) {
                continue;
            }
            int s = size.get(k);
            sizes[n++] = s;
            if (s == 1) {
                ones++;
            }
            int b = 0;
            while (s > UPPER[b]) {
                b++;
            }
            hist[b]++;
        }
        int[] sorted = Arrays.copyOf(sizes, n);
        Arrays.sort(sorted);
        double median = n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new AnonymitySets(resolution, n, keys.length - n, median, n == 0 ? 0 : (double) ones / n, LABELS, hist);
    }
}
