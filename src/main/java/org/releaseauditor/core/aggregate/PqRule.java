package org.releaseauditor.core.aggregate;

import org.releaseauditor.core.error.ConfigurationException;

/**
 * The pq rule (sdcTable {@code primarySuppression(type = "pq", pq = c(p, q))}, τ-ARGUS): the
 * second-largest contributor knows the other contributions only to within q %, and the largest
 * must stay hidden to within p %. A cell is unsafe when {@code T − x1 − x2 < (p/q)·x1}, with x1
 * and x2 the two largest contributions and T the total (sdcTable's {@code pq_rule}, strict
 * {@code <}). The p % rule is the special case q = 100. sdcTable's defaults are p = 25, q = 50
 * and it requires whole numbers 1 ≤ p &lt; q ≤ 99; here p and q may be any numbers with
 * 0 &lt; p &lt; q ≤ 100. A cell with x1 = 0 (no contributions, or all zero) is never unsafe.
 *
 * @param p the accuracy (in percent) to which the largest contribution must stay hidden
 * @param q the accuracy (in percent) to which the intruder knows the other contributions
 */
public record PqRule(double p, double q) {

    /** sdcTable's default {@code pq = c(25, 50)}. */
    public static PqRule sdcTableDefault() {
        return new PqRule(25, 50);
    }

    /** Checks p and q before any work starts. */
    public void validate() throws ConfigurationException {
        if (!(p > 0 && p < q && q <= 100)) {
            throw new ConfigurationException("aggregate.error.option", "pq", ReleaseModel.fmt(p) + ","
                    + ReleaseModel.fmt(q), "two percentages 0 < p < q <= 100, e.g. p=25,q=50");
        }
    }

    /**
     * Whether a cell is unsafe. Compared as {@code q·(T − x1 − x2) < p·x1}, which is exact for
     * whole contributions at the bound.
     */
    public boolean unsafe(double[] sortedDesc, double total) {
        return PrimaryRules.ratioBelow(sortedDesc, total, p, q);
    }

    /** A short description such as {@code T - x1 - x2 < 25/50 of x1}. */
    public String describe() {
        return "T - x1 - x2 < " + ReleaseModel.fmt(p) + "/" + ReleaseModel.fmt(q) + " of x1";
    }
}
