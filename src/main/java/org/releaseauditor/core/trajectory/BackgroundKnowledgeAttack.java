package org.releaseauditor.core.trajectory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Background-knowledge attacks (Pellungrini, Pappalardo, Pratesi, Monreale 2017). For each target
 * user, every k-subset of the target's own records is an instance of the attacker's knowledge; an
 * instance's probability of re-identification is 1 / (number of users whose data match it), and
 * the user's risk is the maximum over instances. A trace with fewer than k records (fewer than k
 * distinct places for the set-based attacks) has one instance: the whole trace.
 *
 * <p>Records: events in time order (location, sequence, location-time), or distinct places with
 * their visit counts (unique-location, frequency, probability). Matching users are found on an
 * inverted index: the posting lists of the instance's distinct items are intersected by scanning
 * the smallest one and testing the other items on each candidate's own sorted item list; only
 * candidates are then checked for counts, order or tolerance. Match counts are memoised per
 * distinct instance. Home-work: the instance is the target's two most visited places (visits
 * descending, ties by first appearance), and a user matches when their own two most visited places
 * are the same pair.
 *
 * <p>Deviations from scikit-mobility: location-time uses this trace set's time bins (no string
 * truncation of dates), and home-work uses the two <em>most</em> visited places.
 */
public final class BackgroundKnowledgeAttack {

    private static final int MEMO_LIMIT = 4_000_000;

    private final TraceSet ts;
    private ItemIndex areas;
    private ItemIndex points;

    /** An attack runner over one trace set; the indexes are built lazily and reused across attacks. */
    public BackgroundKnowledgeAttack(TraceSet ts) {
        this.ts = ts;
    }

    private ItemIndex areas() {
        if (areas == null) {
            areas = ItemIndex.build(ts, false);
        }
        return areas;
    }

    private ItemIndex points() {
        if (points == null) {
            points = ItemIndex.build(ts, true);
        }
        return points;
    }

    /** Runs one attack over the target users, with every core. */
    public AttackResult run(AttackSpec spec, AttackOptions opt, ProgressMonitor monitor) {
        return run(spec, opt, monitor, Workers.defaults());
    }

    /**
     * Runs one attack over the target users on the given workers. Users are attacked in parallel
     * chunks; a user's risk depends only on the data, the user and the seed, and the memo of match
     * counts (shared by all threads) only saves work, so the result does not depend on the number
     * of threads.
     */
    public AttackResult run(AttackSpec spec, AttackOptions opt, ProgressMonitor monitor, Workers workers) {
        int[] targets = Unicity.sampleUsers(ts.userCount(), opt.sampleUsers(), opt.seed());
        double[] risks = new double[ts.userCount()];
        Arrays.fill(risks, Double.NaN);
        if (spec.type() == AttackType.HOME_WORK) {
            return homeWork(targets, risks, spec, monitor);
        }
        ItemIndex index = spec.type() == AttackType.LOCATION_TIME ? points() : areas();
        if (spec.type() == AttackType.LOCATION_TIME && ts.eventCount() > 0) {
            ts.eventPoint(0); // event points built once, before the parallel part
        }
        Map<Key, Integer> memo = new ConcurrentHashMap<>();
        String phase = spec.type().id() + " k=" + spec.k();
        SharedProgress progress = new SharedProgress(monitor, phase, targets.length);
        int chunks = workers.tasks(targets.length, 256);
        long[] sampledOf = new long[chunks];
        long[] instancesOf = new long[chunks];
        workers.forEach(chunks, c -> {
            int from = (int) ((long) targets.length * c / chunks);
            int to = (int) ((long) targets.length * (c + 1) / chunks);
            int[] rec = new int[16];
            int[] comb = new int[spec.k()];
            int[] values = new int[spec.k()];
            int[] aux = new int[spec.k()];
            long instances = 0;
            int sampledUsers = 0;
            for (int t = from; t < to; t++) {
                if (((t - from) & 255) == 255) {
                    progress.add(256);
                }
                int u = targets[t];
                int n;
                if (spec.type().setBased()) {
                    n = index.distinct(u);
                    rec = ensure(rec, n);
                    System.arraycopy(index.items, index.start[u], rec, 0, n);
                } else {
                    int first = ts.userStart(u);
                    n = ts.userEnd(u) - first;
                    rec = ensure(rec, n);
                    for (int i = 0; i < n; i++) {
                        rec[i] = spec.type() == AttackType.LOCATION_TIME ? ts.eventPoint(first + i)
                                : ts.eventArea(first + i);
                    }
                }
                int k = Math.min(spec.k(), n);
                double risk = 0;
                long total = binomial(n, k);
                if (total <= opt.exactLimit()) {
                    for (int i = 0; i < k; i++) {
                        comb[i] = i;
                    }
                    do {
                        instances++;
                        int matches = matches(spec, index, u, rec, comb, k, values, aux, memo);
                        risk = Math.max(risk, 1.0 / matches);
                    } while (risk < 1.0 && nextCombination(comb, k, n));
                } else {
                    sampledUsers++;
                    SplittableRandom rnd = new SplittableRandom(Unicity.pointSeed(opt.seed() ^ 0x5DEECE66DL, u));
                    for (int s = 0; s < opt.sampledInstances() && risk < 1.0; s++) {
                        randomSubset(rnd, n, k, comb);
                        instances++;
                        int matches = matches(spec, index, u, rec, comb, k, values, aux, memo);
                        risk = Math.max(risk, 1.0 / matches);
                    }
                }
                risks[u] = risk;
                if (memo.size() > MEMO_LIMIT) {
                    memo.clear();
                }
            }
            progress.add((to - from) % 256);
            sampledOf[c] = sampledUsers;
            instancesOf[c] = instances;
        });
        long instances = 0;
        int sampledUsers = 0;
        for (int c = 0; c < chunks; c++) {
            instances += instancesOf[c];
            sampledUsers += (int) sampledOf[c];
        }
        monitor.update(phase, targets.length, targets.length);
        return AttackResult.of(spec.type(), spec.k(), spec.tolerance(), sampledUsers, instances, risks);
    }

    private static int[] ensure(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, a.length * 2)];
    }

    /** C(n, k), saturating at Long.MAX_VALUE. */
    static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            long num = n - k + i;
            if (r > Long.MAX_VALUE / num) {
                return Long.MAX_VALUE;
            }
            r = r * num / i;
        }
        return r;
    }

    /** Advances comb to the next k-subset of [0, n) in lexicographic order; false after the last. */
    static boolean nextCombination(int[] comb, int k, int n) {
        int i = k - 1;
        while (i >= 0 && comb[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        comb[i]++;
        for (int j = i + 1; j < k; j++) {
            comb[j] = comb[j - 1] + 1;
        }
        return true;
    }

    /** A uniformly random k-subset of [0, n), ascending (Floyd's algorithm). */
    static void randomSubset(SplittableRandom rnd, int n, int k, int[] out) {
        int m = 0;
        for (int j = n - k; j < n; j++) {
            int t = rnd.nextInt(j + 1);
            boolean present = false;
            for (int i = 0; i < m; i++) {
                if (out[i] == t) {
                    present = true;
                    break;
                }
            }
            out[m++] = present ? j : t;
        }
        Arrays.sort(out, 0, k);
    }

    /** Number of users whose data match the instance rec[comb[0..k)] of user u (at least 1: u itself). */
    private int matches(AttackSpec spec, ItemIndex index, int u, int[] rec, int[] comb, int k, int[] values,
            int[] aux, Map<Key, Integer> memo) {
        AttackType type = spec.type();
        for (int i = 0; i < k; i++) {
            values[i] = rec[comb[i]];
        }
        long[] key;
        if (type == AttackType.SEQUENCE) {
            key = new long[k];
            for (int i = 0; i < k; i++) {
                key[i] = values[i];
            }
        } else if (type == AttackType.FREQUENCY || type == AttackType.PROBABILITY) {
            // values ascending already (distinct items in index order); key = (item, count) [+ total]
            key = new long[k + (type == AttackType.PROBABILITY ? 1 : 0)];
            for (int i = 0; i < k; i++) {
                aux[i] = index.counts[index.start[u] + comb[i]];
                key[i] = ((long) values[i] << 32) | aux[i];
            }
            if (type == AttackType.PROBABILITY) {
                key[k] = index.total[u];
            }
        } else {
            Arrays.sort(values, 0, k);
            key = new long[k];
            for (int i = 0; i < k; i++) {
                key[i] = values[i];
            }
        }
        Key mk = new Key(key);
        Integer cached = memo.get(mk);
        if (cached != null) {
            return cached;
        }
        int count = countMatches(spec, index, u, values, aux, k);
        memo.putIfAbsent(mk, count);
        return count;
    }

    private int countMatches(AttackSpec spec, ItemIndex index, int u, int[] values, int[] aux, int k) {
        AttackType type = spec.type();
        // distinct items and required multiplicities
        int[] distinct = new int[k];
        int[] need = new int[k];
        int d = 0;
        int[] sorted = values;
        if (type == AttackType.SEQUENCE) {
            sorted = Arrays.copyOf(values, k);
            Arrays.sort(sorted);
        }
        for (int i = 0; i < k; i++) {
            if (d > 0 && distinct[d - 1] == sorted[i]) {
                need[d - 1]++;
            } else {
                distinct[d] = sorted[i];
                need[d++] = 1;
            }
        }
        int smallest = 0;
        for (int i = 1; i < d; i++) {
            if (index.postingSize(distinct[i]) < index.postingSize(distinct[smallest])) {
                smallest = i;
            }
        }
        int item0 = distinct[smallest];
        int count = 0;
        for (int p = index.postingStart[item0]; p < index.postingStart[item0 + 1]; p++) {
            int v = index.postingUsers[p];
            if (matchesUser(spec, index, u, v, values, aux, k, distinct, need, d)) {
                count++;
            }
        }
        return Math.max(count, 1);
    }

    private boolean matchesUser(AttackSpec spec, ItemIndex index, int u, int v, int[] values, int[] aux, int k,
            int[] distinct, int[] need, int d) {
        AttackType type = spec.type();
        for (int i = 0; i < d; i++) {
            int c = index.count(v, distinct[i]);
            if (c < need[i]) {
                return false;
            }
            if (type == AttackType.FREQUENCY) {
                // distinct == values here; aux holds the target's counts
                if (Math.abs(aux[i] - c) > spec.tolerance() * c + 1e-9) {
                    return false;
                }
            } else if (type == AttackType.PROBABILITY) {
                double pu = (double) aux[i] / index.total[u];
                double pv = (double) c / index.total[v];
                if (Math.abs(pu - pv) > spec.tolerance() * pv + 1e-12) {
                    return false;
                }
            }
        }
        if (type == AttackType.SEQUENCE) {
            int j = 0;
            for (int e = ts.userStart(v); e < ts.userEnd(v) && j < k; e++) {
                if (ts.eventArea(e) == values[j]) {
                    j++;
                }
            }
            return j == k;
        }
        return true;
    }

    private AttackResult homeWork(int[] targets, double[] risks, AttackSpec spec, ProgressMonitor monitor) {
        ItemIndex index = areas();
        long[] keys = new long[ts.userCount()];
        for (int u = 0; u < ts.userCount(); u++) {
            if ((u & (ProgressMonitor.CHECK_INTERVAL - 1)) == 0) {
                monitor.checkCancelled();
            }
            keys[u] = topKey(index.byFrequency(u), 2);
        }
        Map<Long, Integer> sizes = new HashMap<>();
        for (long key : keys) {
            sizes.merge(key, 1, Integer::sum);
        }
        for (int u : targets) {
            risks[u] = 1.0 / sizes.get(keys[u]);
        }
        return AttackResult.of(AttackType.HOME_WORK, 2, spec.tolerance(), 0, targets.length, risks);
    }

    /** An order-independent key of the first {@code n} (at most 2) items; -1 marks absence. */
    static long topKey(int[] ordered, int n) {
        int a = ordered.length > 0 ? ordered[0] : -1;
        int b = ordered.length > 1 && n > 1 ? ordered[1] : -1;
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) ^ (hi & 0xffffffffL);
    }

    /** A memo key of packed instance values. */
    private record Key(long[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }

        @Override
        public String toString() {
            return "Key[" + v.length + "]";
        }
    }
}
