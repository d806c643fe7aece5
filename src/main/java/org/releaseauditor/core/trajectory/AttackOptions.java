package org.releaseauditor.core.trajectory;

/**
 * How instances are enumerated.
 *
 * @param exactLimit       a user's instances are enumerated exactly when C(n, k) is at most this
 * @param sampledInstances otherwise this many uniformly random k-subsets are evaluated (fixed seed)
 * @param sampleUsers      number of target users to evaluate, or 0 for all
 * @param seed             seed of the instance and user samples
 */
public record AttackOptions(long exactLimit, int sampledInstances, int sampleUsers, long seed) {
    public AttackOptions {
        if (exactLimit < 1 || sampledInstances < 1 || sampleUsers < 0) {
            throw new IllegalArgumentException("invalid attack options");
        }
    }

    public static AttackOptions defaults() {
        return new AttackOptions(100_000, 1_000, 0, 1);
    }
}
