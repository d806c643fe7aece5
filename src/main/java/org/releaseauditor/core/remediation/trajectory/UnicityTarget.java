package org.releaseauditor.core.remediation.trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.trajectory.UnicityResult;

/**
 * A unicity bound the remediated release must meet: ε_p (or its Wilson upper bound) at most (or
 * below) a threshold. Read from the trajectory lane's policy rules
 * {@code unicity.I.fraction} and {@code unicity.I.ciHigh}, where I is the row index (p − 1).
 *
 * @param points     p: the number of known points
 * @param operator   {@code <=} or {@code <}
 * @param threshold  the target
 * @param upperBound whether the Wilson 95 % upper bound must meet it (otherwise the estimate)
 */
public record UnicityTarget(int points, Operator operator, double threshold, boolean upperBound) {

    private static final Pattern METRIC = Pattern.compile("unicity\\.(\\d+)\\.(fraction|ciHigh)");

    public UnicityTarget {
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1");
        }
        if (operator != Operator.LE && operator != Operator.LT) {
            throw new IllegalArgumentException("a unicity target is an upper bound");
        }
    }

    /** Whether a unicity row meets the target. */
    public boolean met(UnicityResult.Row row) {
        double v = upperBound ? row.ciHigh() : row.fraction();
        return operator.holds(v, threshold);
    }

    /** {@code unicity.3.fraction <= 0.1} */
    public String describe() {
        return "unicity." + (points - 1) + "." + (upperBound ? "ciHigh" : "fraction") + " " + operator.symbol() + " "
                + org.releaseauditor.core.policy.PolicyEvaluator.format(threshold);
    }

    /**
     * The unicity targets of a policy: its FAIL rules (and WARN rules when {@code warnAsFail}) on
     * {@code unicity.I.fraction} or {@code unicity.I.ciHigh} with {@code <=} or {@code <}.
     *
     * @throws ConfigurationException when there is none, or a unicity rule is not an upper bound
     */
    public static List<UnicityTarget> fromPolicy(PolicyProfile policy, boolean warnAsFail)
            throws ConfigurationException {
        List<UnicityTarget> out = new ArrayList<>();
        for (PolicyRule r : policy.rules()) {
            if (r.severity() != Severity.FAIL && !warnAsFail) {
                continue;
            }
            Matcher m = METRIC.matcher(r.metric());
            if (!m.matches()) {
                continue;
            }
            if (r.operator() != Operator.LE && r.operator() != Operator.LT) {
                throw new ConfigurationException("remediation.trajectory.badRule", policy.id(), r.describe());
            }
            out.add(new UnicityTarget(Integer.parseInt(m.group(1)) + 1, r.operator(), r.threshold(),
                    "ciHigh".equals(m.group(2))));
        }
        if (out.isEmpty()) {
            throw new ConfigurationException("remediation.trajectory.noTarget", policy.id());
        }
        return out;
    }
}
