package org.releaseauditor.core.evaluation;

import java.util.Arrays;

/**
 * A singling-out predicate: a conjunction of conditions on distinct columns, e.g.
 * {@code age ≥ 71 ∧ district = D04 ∧ tariff = business}. Values are numbers for numeric columns
 * and shared dictionary codes for categorical ones. Conditions are kept in column order, so equal
 * predicates have equal {@link #key()}s.
 *
 * <p>Missing values follow the rules of pandas queries, which Anonymeter uses: a missing value
 * satisfies only "is missing" and "≠".
 */
final class Predicate {

    /** Comparison of one condition. */
    enum Op {
        EQ("="), NE("≠"), LT("<"), LE("≤"), GT(">"), GE("≥"), MISSING("is missing"), PRESENT("is present");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    final int[] columns;
    final Op[] ops;
    final double[] values;
    private final String key;

    Predicate(int[] columns, Op[] ops, double[] values) {
        int n = columns.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(columns[a], columns[b]));
        this.columns = new int[n];
        this.ops = new Op[n];
        this.values = new double[n];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int k = order[i];
            this.columns[i] = columns[k];
            this.ops[i] = ops[k];
            double v = ops[k] == Op.MISSING || ops[k] == Op.PRESENT ? 0 : values[k];
            this.values[i] = v;
            if (i > 0) {
                if (this.columns[i] == this.columns[i - 1]) {
                    throw new IllegalArgumentException("column " + columns[k] + " used twice");
                }
                sb.append('&');
            }
            sb.append(this.columns[i]).append(ops[k].name()).append(Double.doubleToLongBits(v));
        }
        this.key = sb.toString();
    }

    /** A predicate with one condition. */
    static Predicate of(int column, Op op, double value) {
        return new Predicate(new int[] {column}, new Op[] {op}, new double[] {value});
    }

    int size() {
        return columns.length;
    }

    /** A canonical text that identifies the predicate (no values in clear text). */
    String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predicate p && p.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        // never print values: they are record values
        return "Predicate[conditions=" + columns.length + "]";
    }
}
