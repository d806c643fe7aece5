package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of an evaluation: sizes, the columns used, and one {@link AttackResult} per attack
 * that ran (null for an attack that was not requested). Holds counts and rates only, no record
 * values.
 *
 * @param originalRows            rows of the original
 * @param releaseRows             rows of the release
 * @param controlRows             rows of the control set (0 without one)
 * @param columns                 the aligned columns
 * @param seed                    the seed used
 * @param confidenceLevel         level of the intervals
 * @param singlingOutUnivariate   univariate singling out, or null
 * @param singlingOutMultivariate multivariate singling out, or null
 * @param linkability             linkability, or null
 * @param inference               inference, or null
 * @param notes                   remarks on the whole evaluation (e.g. no control set)
 */
public record EvaluationResult(int originalRows, int releaseRows, int controlRows, List<EvaluationColumn> columns,
        long seed, double confidenceLevel, AttackResult singlingOutUnivariate, AttackResult singlingOutMultivariate,
        AttackResult linkability, AttackResult inference, List<EvaluationNote> notes) {

    public EvaluationResult {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    public boolean hasControl() {
        return controlRows > 0;
    }

    /** The attacks that ran, in the order univariate, multivariate, linkability, inference. */
    public List<AttackResult> attacks() {
        List<AttackResult> out = new ArrayList<>(4);
        for (AttackResult r : new AttackResult[] {singlingOutUnivariate, singlingOutMultivariate, linkability,
            inference}) {
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The largest residual risk of any attack, or NaN without a control set. */
    public double highestResidualRisk() {
        double max = Double.NaN;
        for (AttackResult r : attacks()) {
            if (r.residualRisk() != null) {
                max = Double.isNaN(max) ? r.residualRisk().value() : Math.max(max, r.residualRisk().value());
            }
        }
        return max;
    }
}
