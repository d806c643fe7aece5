package org.releaseauditor.core.evaluation;

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
    private String key;

    /** Takes ownership of the arrays and sorts them by column (insertion sort: predicates are short). */
    Predicate(int[] columns, Op[] ops, double[] values) {
        int n = columns.length;
        for (int i = 1; i < n; i++) {
            int c = columns[i];
            Op o = ops[i];
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && columns[j] > c) {
                columns[j + 1] = columns[j];
                ops[j + 1] = ops[j];
                values[j + 1] = values[j];
                j--;
            }
            columns[j + 1] = c;
            ops[j + 1] = o;
            values[j + 1] = v;
        }
        for (int i = 0; i < n; i++) {
            if (ops[i] == Op.MISSING || ops[i] == Op.PRESENT) {
                values[i] = 0;
            }
            if (i > 0 && columns[i] == columns[i - 1]) {
                throw new IllegalArgumentException("column " + columns[i] + " used twice");
            }
        }
        this.columns = columns;
        this.ops = ops;
        this.values = values;
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
        String k = key;
        if (k == null) {
            StringBuilder sb = new StringBuilder(24 * columns.length);
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    sb.append('&');
                }
                sb.append(columns[i]).append(ops[i].ordinal()).append(':')
                        .append(Long.toHexString(Double.doubleToLongBits(values[i])));
            }
            k = sb.toString();
            key = k;
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predicate p && p.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        // never print values: they are record values
        return "Predicate[conditions=" + columns.length + "]";
    }
}
