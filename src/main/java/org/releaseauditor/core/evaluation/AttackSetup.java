package org.releaseauditor.core.evaluation;

import java.util.List;

/** What one attack was configured with, and what it could do. */
public sealed interface AttackSetup {

    /**
     * Singling out.
     *
     * @param columnsPerPredicate   conditions per predicate (1 for univariate)
     * @param predicates            predicates that single out one release record and were used as
     *                              attacks; fewer than the attacks when the release does not allow more
     * @param attempts              predicates tried to find them
     * @param controlMatches        predicates that single out one record of the whole control set
     *                              (−1 without control)
     * @param controlSuccesses      the control count at the size of the original, which the control
     *                              rate uses (NaN without control)
     * @param controlSizeCorrection how the count was brought to the original's size: {@code none}
     *                              (same size), {@code downsampled} (larger control, exact
     *                              expectation) or {@code extrapolated} (smaller control, Anonymeter's
     *                              model); null without control
     */
    record SinglingOut(int columnsPerPredicate, int predicates, long attempts, int controlMatches,
            double controlSuccesses, String controlSizeCorrection) implements AttackSetup {
    }

    /**
     * Linkability.
     *
     * @param auxA           columns of the attacker's first source
     * @param auxB           columns of the second source
     * @param neighbours     a link counts when the two halves share one of their this many nearest
     *                       release records
     * @param controlAttacks records of the control set attacked (0 without control)
     */
    record Linkability(List<String> auxA, List<String> auxB, int neighbours, int controlAttacks)
            implements AttackSetup {
        public Linkability {
            auxA = List.copyOf(auxA);
            auxB = List.copyOf(auxB);
        }
    }

    /**
     * Inference.
     *
     * @param aux            columns the attacker knows
     * @param secret         the column guessed
     * @param numericSecret  whether the secret is numeric (guess within the tolerance)
     * @param tolerance      for a numeric secret, the largest relative error |guess − value| / |value|
     *                       that counts as correct
     * @param controlAttacks records of the control set attacked (0 without control)
     */
    record Inference(List<String> aux, String secret, boolean numericSecret, double tolerance, int controlAttacks)
            implements AttackSetup {
        public Inference {
            aux = List.copyOf(aux);
        }
    }
}
