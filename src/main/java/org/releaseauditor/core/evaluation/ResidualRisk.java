package org.releaseauditor.core.evaluation;

/**
 * The privacy risk that the release adds for the people it was made from: the excess of the
 * attack's success on the original over its success on the control set, normalised by the room
 * for improvement, r = (a − c) / (1 − c), where a and c are the Wilson centres of the two rates.
 *
 * <p>The error is propagated to first order (Anonymeter's {@code residual_success}):
 * δr = √((δa / (1 − c))² + (δc · (a − 1) / (1 − c)²)²). As in Anonymeter, the reported value and
 * interval are clamped to [0, 1]; {@link #raw()} keeps the unclamped estimate (negative when the
 * control was easier to attack than the original).
 *
 * @param value clamped estimate
 * @param low   clamped lower bound (raw − error)
 * @param high  clamped upper bound (raw + error)
 * @param raw   unclamped estimate
 * @param error propagated half-width
 */
public record ResidualRisk(double value, double low, double high, double raw, double error) {

    /**
     * The residual risk of {@code attack} against {@code control}; {@code null} when the control
     * attack always succeeded (c = 1), where the residual risk is undefined.
     */
    public static ResidualRisk of(Rate attack, Rate control) {
        double a = attack.value();
        double c = control.value();
        if (c >= 1.0) {
            return null;
        }
        double raw = (a - c) / (1.0 - c);
        double dAttack = 1.0 / Math.abs(1.0 - c);
        double dControl = (a - 1.0) / ((1.0 - c) * (1.0 - c));
        double error = Math.sqrt(Math.pow(attack.error() * dAttack, 2) + Math.pow(control.error() * dControl, 2));
        return new ResidualRisk(Rate.clamp(raw), Rate.clamp(raw - error), Rate.clamp(raw + error), raw, error);
    }

    /** Whether the whole interval lies above zero (the leak is measurable at this number of attacks). */
    public boolean significant() {
        return raw - error > 0;
    }
}
