package org.releaseauditor.core.remediation.microdata;

import java.util.Objects;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.risk.MicrodataConfig;

/**
 * What the microdata search looks for.
 *
 * @param policy         the active policy: the transformation must make it pass (no FAIL finding)
 * @param measure        the information-loss measure to minimise
 * @param maxSuppression the largest share of records that may be suppressed, in [0, 1]; the limit
 *                       in records is ⌊maxSuppression · N⌋ as in ARX
 * @param riskThreshold  the audit's risk threshold t (records at risk), in (0, 1]
 * @param warnAsFail     whether WARN rules must hold as well
 * @param paretoBudget   how many more nodes to evaluate after the optimum is proven, for the
 *                       Pareto front of loss against risk (0: only the nodes the proof needed)
 * @param exhaustive     evaluate every node that is not proven infeasible (tests, small lattices)
 * @param cacheBytes     memory for class tables of evaluated nodes, from which others are rolled up
 */
public record MicrodataSearchOptions(PolicyProfile policy, LossMeasure measure, double maxSuppression,
                                     double riskThreshold, boolean warnAsFail, int paretoBudget, boolean exhaustive,
                                     long cacheBytes) {

    /** Default number of extra nodes for the Pareto front. */
    public static final int DEFAULT_PARETO_BUDGET = 1000;
    /** Default class-table cache: 256 MB. */
    public static final long DEFAULT_CACHE_BYTES = 256L << 20;

    public MicrodataSearchOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(measure, "measure");
    }

    /** ARX-like defaults: loss measure, 5 % suppression, t = 0.2. */
    public static MicrodataSearchOptions defaults(PolicyProfile policy) {
        return new MicrodataSearchOptions(policy, LossMeasure.LOSS, 0.05, MicrodataConfig.DEFAULT_THRESHOLD, false,
                DEFAULT_PARETO_BUDGET, false, DEFAULT_CACHE_BYTES);
    }

    public MicrodataSearchOptions withMeasure(LossMeasure m) {
        return new MicrodataSearchOptions(policy, m, maxSuppression, riskThreshold, warnAsFail, paretoBudget,
                exhaustive, cacheBytes);
    }

    public MicrodataSearchOptions withMaxSuppression(double s) {
        return new MicrodataSearchOptions(policy, measure, s, riskThreshold, warnAsFail, paretoBudget, exhaustive,
                cacheBytes);
    }

    public MicrodataSearchOptions withRiskThreshold(double t) {
        return new MicrodataSearchOptions(policy, measure, maxSuppression, t, warnAsFail, paretoBudget, exhaustive,
                cacheBytes);
    }

    public MicrodataSearchOptions withWarnAsFail(boolean w) {
        return new MicrodataSearchOptions(policy, measure, maxSuppression, riskThreshold, w, paretoBudget, exhaustive,
                cacheBytes);
    }

    public MicrodataSearchOptions withParetoBudget(int b) {
        return new MicrodataSearchOptions(policy, measure, maxSuppression, riskThreshold, warnAsFail, b, exhaustive,
                cacheBytes);
    }

    public MicrodataSearchOptions withExhaustive(boolean e) {
        return new MicrodataSearchOptions(policy, measure, maxSuppression, riskThreshold, warnAsFail, paretoBudget, e,
                cacheBytes);
    }

    public MicrodataSearchOptions withCacheBytes(long b) {
        return new MicrodataSearchOptions(policy, measure, maxSuppression, riskThreshold, warnAsFail, paretoBudget,
                exhaustive, b);
    }

    /** Checks every option before any work starts. */
    public void validate() throws ConfigurationException {
        if (!(maxSuppression >= 0 && maxSuppression <= 1)) {
            throw new ConfigurationException("risk.config.invalidParameter", "maximum suppression", maxSuppression,
                    "a share in [0, 1], e.g. 0.05 for 5 %");
        }
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new ConfigurationException("risk.config.invalidParameter", "threshold", riskThreshold,
                    "a number in (0, 1]");
        }
        if (paretoBudget < 0) {
            throw new ConfigurationException("risk.config.invalidParameter", "Pareto budget", paretoBudget,
                    "0 or more nodes");
        }
        if (cacheBytes < 0) {
            throw new ConfigurationException("risk.config.invalidParameter", "cache size", cacheBytes,
                    "0 or more bytes");
        }
    }
}
