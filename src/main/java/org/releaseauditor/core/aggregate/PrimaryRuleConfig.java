package org.releaseauditor.core.aggregate;

import org.releaseauditor.core.error.ConfigurationException;

/**
 * Which primary rules to apply. A null rule (or NaN p) is off. Defaults when a user asks for a
 * rule without its parameters are those of the reference tools: {@link DominanceRule#sdcTable()},
 * {@link PqRule#sdcTableDefault()}; ACRO's set is {@link #acro()}.
 *
 * @param threshold the threshold rule on (raw) counts, or null
 * @param dominance the (n,k)-dominance rule with its boundary operator, or null
 * @param pPercent  p of the p % rule, unsafe if {@code T − x1 − x2 < (p/100)·x1} (NaN = off)
 * @param pq        the pq rule, or null
 * @param zeroMagnitudeUnsafe whether a published cell whose contributions are all 0 is unsafe
 *                  under the p % and pq rules (ACRO's {@code zeros_are_disclosive}: everybody's
 *                  value is then known); by default such a cell is safe, as in sdcTable
 */
public record PrimaryRuleConfig(ThresholdRule threshold, DominanceRule dominance, double pPercent, PqRule pq,
        boolean zeroMagnitudeUnsafe) {

    /** Without the zero-magnitude convention (zero totals are safe, as in sdcTable). */
    public PrimaryRuleConfig(ThresholdRule threshold, DominanceRule dominance, double pPercent, PqRule pq) {
        this(threshold, dominance, pPercent, pq, false);
    }

    /** The former form: (n,k)-dominance with the {@code >} boundary (n = 0: off). */
    public PrimaryRuleConfig(ThresholdRule threshold, int dominanceN, double dominanceK, double pPercent) {
        this(threshold, dominanceN > 0 ? new DominanceRule(dominanceN, dominanceK, DominanceRule.Boundary.GT) : null,
                pPercent, null);
    }

    public static PrimaryRuleConfig thresholdOnly(ThresholdRule rule) {
        return new PrimaryRuleConfig(rule, null, Double.NaN, null, false);
    }

    /**
     * ACRO's default output-checking rules for tables ({@code acro/default.yaml}): unsafe if the
     * count is below 10 ({@code safe_threshold: 10}, {@code count < 10}), zero cells unsafe
     * ({@code zeros_are_disclosive: True}), the two largest contributions at least 90 % of the
     * cell ({@code safe_nk_n: 2}, {@code safe_nk_k: 0.90}, {@code >=} since ACRO 1.0), and the
     * p-ratio rule with p = 10 % ({@code safe_pratio_p: 0.10}: unsafe if
     * {@code (T − x1 − x2)/x1 < 0.10}, and unsafe when every contribution is 0, because ACRO's
     * {@code check_ppercent_dominance} then compares {@code T − x1 − x2 = 0} itself).
     */
    public static PrimaryRuleConfig acro() {
        return new PrimaryRuleConfig(new ThresholdRule(10, ThresholdRule.Operator.LT, true), DominanceRule.acro(), 10,
                null, true);
    }

    /** n of the dominance rule (0 when off). */
    public int dominanceN() {
        return dominance == null ? 0 : dominance.n();
    }

    /** k of the dominance rule (NaN when off). */
    public double dominanceK() {
        return dominance == null ? Double.NaN : dominance.k();
    }

    /** Checks every parameter before any work starts. */
    public void validate() throws ConfigurationException {
        if (threshold != null && !(threshold.threshold() >= 0 && Double.isFinite(threshold.threshold()))) {
            throw new ConfigurationException("aggregate.error.option", "threshold",
                    ReleaseModel.fmt(threshold.threshold()), "a number of 0 or more");
        }
        if (threshold != null && threshold.operator() == null) {
            throw new ConfigurationException("aggregate.error.option", "operator", "", "lt or le");
        }
        if (dominance != null) {
            dominance.validate();
        }
        if (!Double.isNaN(pPercent) && !(pPercent > 0 && pPercent <= 100)) {
            throw new ConfigurationException("aggregate.error.option", "p-percent", ReleaseModel.fmt(pPercent),
                    "a percentage above 0 and at most 100");
        }
        if (pq != null) {
            pq.validate();
        }
    }
}
