package org.releaseauditor.core.aggregate;

import java.util.Locale;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * The (n,k)-dominance rule: a cell is unsafe when its n largest contributions make up more than
 * (or at least) k % of the cell total. The boundary is explicit because the tools differ:
 * τ-ARGUS and sdcTable ({@code nk_rule}: {@code sum(top_contr) > k/100 * cell_tot}) and ACRO
 * before 1.0 ({@code agg_nk}: {@code n_total / total > SAFE_NK_K}) use {@code >}; ACRO 1.x
 * ({@code SDCChecks.check_nk_dominance}: {@code top_n_sum / sum >= safe_nk_k}) uses {@code ≥}.
 * A cell whose total is 0 (or that has no contributions) is never unsafe under this rule, as in
 * all three tools.
 *
 * @param n        how many of the largest contributions are added up (at least 1)
 * @param k        the share in percent (0 &lt; k ≤ 100)
 * @param boundary whether a share exactly equal to k % is unsafe
 */
public record DominanceRule(int n, double k, Boundary boundary) {

    /** Whether a share exactly at the bound is unsafe. */
    public enum Boundary {
        /** unsafe if share &gt; k % (τ-ARGUS, sdcTable, ACRO 0.4). The default. */
        GT(">"),
        /** unsafe if share ≥ k % (ACRO 1.x). */
        GE(">=");

        private final String symbol;

        Boundary(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Parses {@code gt}, {@code >}, {@code ge}, {@code >=}, {@code ≥}; null when unknown. */
        public static Boundary parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "gt", ">" -> GT;
                case "ge", ">=", "\u2265" -> GE;
                default -> null;
            };
        }
    }

    /** ACRO's default: n = 2, k = 90 %, unsafe at ≥ 90 % ({@code acro/default.yaml}). */
    public static DominanceRule acro() {
        return new DominanceRule(2, 90, Boundary.GE);
    }

    /** sdcTable's default: n = 2, k = 85 % with {@code >} ({@code genParaObj("control.primary")}). */
    public static DominanceRule sdcTable() {
        return new DominanceRule(2, 85, Boundary.GT);
    }

    /** Checks n and k before any work starts. */
    public void validate() throws ConfigurationException {
        if (n < 1) {
            throw new ConfigurationException("aggregate.error.option", "dominance n", n, "a whole number of at least 1");
        }
        if (!(k > 0 && k <= 100)) {
            throw new ConfigurationException("aggregate.error.option", "dominance k", ReleaseModel.fmt(k),
                    "a percentage above 0 and at most 100");
        }
        if (boundary == null) {
            throw new ConfigurationException("aggregate.error.option", "dominance operator", "", "> or >=");
        }
    }

    /** The sum of the n largest of {@code sortedDesc}. */
    public double top(double[] sortedDesc) {
        double top = 0;
        for (int i = 0; i < Math.min(n, sortedDesc.length); i++) {
            top += sortedDesc[i];
        }
        return top;
    }

    /**
     * Whether a cell is unsafe. Compared as {@code 100·top} against {@code k·total}, so that whole
     * contributions exactly at the bound are decided exactly.
     *
     * @param sortedDesc contributions, largest first
     * @param total      the cell total
     */
    public boolean unsafe(double[] sortedDesc, double total) {
        if (!(total > 0)) {
            return false;
        }
        double lhs = 100.0 * top(sortedDesc);
        double rhs = k * total;
        return boundary == Boundary.GT ? lhs > rhs : lhs >= rhs;
    }

    /** A short description such as {@code top 2 >= 90% of the cell total}. */
    public String describe() {
        return "top " + n + " " + boundary.symbol() + " " + ReleaseModel.fmt(k) + "% of the cell total";
    }
}
