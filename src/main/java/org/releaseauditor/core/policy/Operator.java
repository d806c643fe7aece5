package org.releaseauditor.core.policy;

import java.util.Arrays;
import java.util.Optional;

/** Comparison of a measured value against a threshold. */
public enum Operator {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("==");

    /** Relative tolerance for {@link #EQ}. */
    private static final double EPS = 1e-12;

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code measured op threshold} holds. */
    public boolean holds(double measured, double threshold) {
        return switch (this) {
            case LT -> measured < threshold;
            case LE -> measured <= threshold;
            case GT -> measured > threshold;
            case GE -> measured >= threshold;
            case EQ -> Math.abs(measured - threshold) <= EPS * Math.max(1.0, Math.abs(threshold));
        };
    }

    /**
     * Which of two measured values is worse for this operator (the one more likely to violate):
     * the larger for &lt; and &lt;=, the smaller for &gt; and &gt;=, the one further away for ==.
     */
    public double worse(double a, double b, double threshold) {
        return switch (this) {
            case LT, LE -> Math.max(a, b);
            case GT, GE -> Math.min(a, b);
            case EQ -> Math.abs(a - threshold) >= Math.abs(b - threshold) ? a : b;
        };
    }

    /** The operator for a symbol such as {@code <=}. */
    public static Optional<Operator> ofSymbol(String s) {
        return Arrays.stream(values()).filter(o -> o.symbol.equals(s)).findFirst();
    }

    /** All symbols, for error messages: {@code <, <=, >, >=, ==}. */
    public static String symbols() {
        return String.join(", ", Arrays.stream(values()).map(Operator::symbol).toList());
    }
}
