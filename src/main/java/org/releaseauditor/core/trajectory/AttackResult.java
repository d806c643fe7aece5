package org.releaseauditor.core.trajectory;

/**
 * Per-user re-identification risk under one background-knowledge attack.
 *
 * @param attack            the attack
 * @param k                 knowledge length
 * @param tolerance         tolerance (frequency and probability attacks)
 * @param mode              exact, sampled (every evaluated user sampled) or mixed
 * @param evaluatedUsers    number of target users evaluated
 * @param sampledUsers      evaluated users whose instances were sampled instead of enumerated
 * @param instances         instances evaluated in total
 * @param meanRisk          mean of the per-user risks
 * @param medianRisk        median of the per-user risks
 * @param fractionRisk1     share of evaluated users with risk 1 (unique under some instance)
 * @param histogram         distribution of the per-user risks
 * @param risks             per user id; NaN for users that were not evaluated
 */
public record AttackResult(AttackType attack, int k, double tolerance, Mode mode, int evaluatedUsers,
        int sampledUsers, long instances, double meanRisk, double medianRisk, double fractionRisk1,
        RiskHistogram histogram, double[] risks) {

    /** How instances were enumerated. */
    public enum Mode {
        EXACT, SAMPLED, MIXED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AttackResult {
        risks = risks.clone();
    }

    @Override
    public double[] risks() {
        return risks.clone();
    }

    /** The risk of one user id (NaN when not evaluated). */
    public double risk(int user) {
        return risks[user];
    }

    /** Builds the summary statistics from per-user risks. */
    static AttackResult of(AttackType attack, int k, double tolerance, int sampledUsers, long instances,
            double[] risks) {
        int n = 0;
        double sum = 0;
        int ones = 0;
        double[] evaluated = new double[risks.length];
        for (double r : risks) {
            if (!Double.isNaN(r)) {
                evaluated[n++] = r;
                sum += r;
                if (r >= 1.0 - 1e-12) {
                    ones++;
                }
            }
        }
        double[] sorted = java.util.Arrays.copyOf(evaluated, n);
        java.util.Arrays.sort(sorted);
        double median = n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        Mode mode = sampledUsers == 0 ? Mode.EXACT : sampledUsers == n ? Mode.SAMPLED : Mode.MIXED;
        return new AttackResult(attack, k, tolerance, mode, n, sampledUsers, instances, n == 0 ? 0 : sum / n, median,
                n == 0 ? 0 : (double) ones / n, RiskHistogram.of(risks), risks);
    }
}
