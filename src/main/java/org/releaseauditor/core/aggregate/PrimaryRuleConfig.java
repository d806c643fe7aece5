package org.releaseauditor.core.aggregate;

/**
 * Which primary rules to apply. A null rule is off.
 *
 * @param threshold  the threshold rule on (raw) counts
 * @param dominanceN n of the (n,k)-dominance rule (0 = off)
 * @param dominanceK k of the (n,k)-dominance rule, in percent
 * @param pPercent   p of the p % rule (NaN = off)
 */
public record PrimaryRuleConfig(ThresholdRule threshold, int dominanceN, double dominanceK, double pPercent) {

    public static PrimaryRuleConfig thresholdOnly(ThresholdRule rule) {
        return new PrimaryRuleConfig(rule, 0, Double.NaN, Double.NaN);
    }
}
