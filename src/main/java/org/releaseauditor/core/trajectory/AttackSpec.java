package org.releaseauditor.core.trajectory;

/**
 * One attack to run.
 *
 * @param type      the attack
 * @param k         the length of the attacker's knowledge (ignored by home-work, which uses 2 places)
 * @param tolerance relative tolerance of frequency and probability matching, in [0, 1]
 */
public record AttackSpec(AttackType type, int k, double tolerance) {
    public AttackSpec {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        if (tolerance < 0 || tolerance > 1) {
            throw new IllegalArgumentException("tolerance must be in [0, 1]");
        }
    }
}
