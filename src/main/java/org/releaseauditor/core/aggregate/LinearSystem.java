package org.releaseauditor.core.aggregate;

import java.util.List;

/**
 * Equality constraints {@code Σ coef·x[var] = rhs} over non-negative variables {@code 0..variables-1}.
 *
 * @param variables number of variables
 * @param rows      the constraints
 */
public record LinearSystem(int variables, List<Row> rows) {

    /** One constraint {@code Σ coefs[i]·x[vars[i]] = rhs}. */
    public record Row(int[] vars, double[] coefs, double rhs) {
    }

    public LinearSystem {
        rows = List.copyOf(rows);
    }
}
