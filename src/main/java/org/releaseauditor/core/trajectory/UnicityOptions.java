package org.releaseauditor.core.trajectory;

/**
 * Options of the unicity estimate.
 *
 * @param maxPoints     P: unicity is computed for p = 1..P
 * @param sampleUsers   number of users to sample, or 0 for all users (exact mode)
 * @param seed          seed of the user sample and of the point draws
 * @param useAttributes whether the attacker also knows the per-person attributes
 */
public record UnicityOptions(int maxPoints, int sampleUsers, long seed, boolean useAttributes) {
    public UnicityOptions {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1");
        }
        if (sampleUsers < 0) {
            throw new IllegalArgumentException("sampleUsers must not be negative");
        }
    }

    public static UnicityOptions defaults() {
        return new UnicityOptions(5, 0, 1, false);
    }
}
