package org.releaseauditor.core.evaluation;

import java.util.List;

/**
 * What to evaluate. Every field is explicit: the lane's defaults live in the service layer.
 *
 * @param columns         the columns the attacks may use; empty means every column of the original
 *                        (then the release and the control set must have exactly these columns)
 * @param attacks         attacks per attack type (targets for linkability and inference, predicates
 *                        for singling out)
 * @param seed            seed of every random draw; the same inputs, configuration and seed give the
 *                        same result
 * @param confidenceLevel two-sided level of the Wilson intervals, e.g. 0.95
 * @param singlingOut     singling-out options, or null to skip singling out
 * @param linkability     linkability options, or null to skip linkability
 * @param inference       inference options, or null to skip inference
 */
public record EvaluationConfig(List<String> columns, int attacks, long seed, double confidenceLevel,
        SinglingOutOptions singlingOut, LinkabilityOptions linkability, InferenceOptions inference) {

    public EvaluationConfig {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /**
     * @param univariate          run the univariate attack
     * @param multivariate        run the multivariate attack
     * @param columnsPerPredicate conditions per multivariate predicate
     * @param maxAttempts         most multivariate predicates tried while looking for ones that single
     *                            out a release record
     */
    public record SinglingOutOptions(boolean univariate, boolean multivariate, int columnsPerPredicate,
            long maxAttempts) {
    }

    /**
     * @param auxA       columns of the attacker's first source
     * @param auxB       columns of the attacker's second source (may overlap with A)
     * @param neighbours number of nearest release records compared (1 = the nearest only)
     */
    public record LinkabilityOptions(List<String> auxA, List<String> auxB, int neighbours) {
        public LinkabilityOptions {
            auxA = List.copyOf(auxA);
            auxB = List.copyOf(auxB);
        }
    }

    /**
     * @param aux       columns the attacker knows; empty means every column except the secret
     * @param secret    the column the attacker guesses
     * @param tolerance for a numeric secret, the largest relative error that counts as a correct
     *                  guess (0.05 = within 5 % of the true value)
     */
    public record InferenceOptions(List<String> aux, String secret, double tolerance) {
        public InferenceOptions {
            aux = aux == null ? List.of() : List.copyOf(aux);
        }
    }
}
