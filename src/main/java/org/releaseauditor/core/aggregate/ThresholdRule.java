package org.releaseauditor.core.aggregate;

/**
 * The threshold (minimum frequency) rule with an explicit comparison. τ-ARGUS calls a cell unsafe
 * when its count is {@code < n}; sdcTable when it is {@code <= maxN}; ACRO treats {@code >= n} as
 * safe (the same as τ-ARGUS).
 *
 * @param threshold  the threshold n
 * @param operator   how a count is compared with n
 * @param zeroUnsafe whether a zero count is unsafe too (by default zeros are safe)
 */
public record ThresholdRule(double threshold, Operator operator, boolean zeroUnsafe) {

    /** The comparison that makes a count unsafe. */
    public enum Operator {
        /** unsafe if count &lt; n (τ-ARGUS, ACRO). */
        LT("<"),
        /** unsafe if count ≤ n (sdcTable maxN). */
        LE("<=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Parses {@code lt}, {@code <}, {@code le}, {@code <=}; null when unknown. */
        public static Operator parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "lt", "<" -> LT;
                case "le", "<=", "≤" -> LE;
                default -> null;
            };
        }
    }

    /** Whether a (raw) count is unsafe under this rule. */
    public boolean unsafe(double count) {
        if (count == 0) {
            return zeroUnsafe;
        }
        return operator == Operator.LT ? count < threshold : count <= threshold;
    }

    /** A short description such as {@code count < 10}. */
    public String describe() {
        return "count " + operator.symbol() + " " + ReleaseModel.fmt(threshold) + (zeroUnsafe ? " (zero unsafe)" : "");
    }
}
