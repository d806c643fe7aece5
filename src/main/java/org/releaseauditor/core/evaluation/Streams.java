package org.releaseauditor.core.evaluation;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from the user's seed, one per attack and
 * purpose, so that one attack's draws do not depend on which other attacks run.
 */
final class Streams {
    static final long UNIVARIATE = 0x554E49L;
    static final long MULTIVARIATE = 0x4D554CL;
    static final long LINKABILITY = 0x4C494EL;
    static final long INFERENCE = 0x494E46L;

    static final long BASELINE = 1;
    static final long ATTACK = 2;
    static final long CONTROL = 3;

    private Streams() {
    }

    /** A generator for {@code attack} and {@code purpose} under {@code seed}. */
    static SplittableRandom of(long seed, long attack, long purpose) {
        return new SplittableRandom(mix(mix(seed, attack), purpose));
    }

    /** SplitMix64 finaliser of a seed combined with a stream id. */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * {@code k} distinct indexes out of 0..n−1, uniformly, in draw order (a partial
     * Fisher–Yates shuffle that touches only the drawn positions).
     */
    static int[] sample(int n, int k, SplittableRandom rnd) {
        if (k > n) {
            throw new IllegalArgumentException(k + " of " + n);
        }
        java.util.HashMap<Integer, Integer> swapped = k * 4L < n ? new java.util.HashMap<>() : null;
        int[] all = swapped == null ? identity(n) : null;
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            if (all != null) {
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
                out[i] = all[i];
            } else {
                int vj = swapped.getOrDefault(j, j);
                int vi = swapped.getOrDefault(i, i);
                swapped.put(j, vi);
                out[i] = vj;
            }
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Shuffles {@code a} in place (Fisher–Yates). */
    static <T> void shuffle(java.util.List<T> a, SplittableRandom rnd) {
        for (int i = a.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = a.get(i);
            a.set(i, a.get(j));
            a.set(j, t);
        }
    }
}
