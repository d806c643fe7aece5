package org.releaseauditor.core.remediation.microdata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;
import org.releaseauditor.core.risk.MicrodataAnalyzer;
import org.releaseauditor.core.risk.RiskThreshold;

/**
 * A policy profile compiled for the search: every rule whose metric the microdata lane computes
 * from the class-size histogram alone is evaluated on each lattice node, with exactly the
 * definitions of {@link MicrodataAnalyzer} (without population information, wildcards or
 * weights), so that the search predicts the re-audit.
 *
 * <p>Supported metrics ({@link #SUPPORTED}): {@code records}, {@code classes},
 * {@code suppressedRecords}, {@code k}, {@code belowK.K.records|classes|recordsFraction} for K in
 * {@link MicrodataAnalyzer#BELOW_K}, {@code prosecutor.*} and {@code journalist.*}
 * ({@code recordsAtRisk}, {@code highest}, {@code lowest}, {@code successRate},
 * {@code appliedThreshold}; the journalist equals the prosecutor without a population table),
 * {@code marketer.successRate}, {@code sampleUniqueness} and {@code populationInformation}.
 * A {@code *} segment expands over these keys as in the policy evaluator. A FAIL rule on any other
 * metric (l-diversity, t-closeness, population uniqueness, …) cannot be searched for and is an
 * error; a WARN rule on one is left to the re-audit and listed in {@link #ignored()}.
 *
 * <p>Each rule is also classified for monotonicity under the suppression model (records of every
 * class smaller than some size are suppressed, up to the limit): see {@link Monotonicity}.
 */
public final class HistogramPolicy {

    /** How a rule behaves when a node is generalised further. */
    public enum Monotonicity {
        /** The value does not depend on the node ({@code appliedThreshold}, {@code populationInformation}). */
        CONSTANT,
        /**
         * The rule asks for a minimum class size ({@code k >= K}, {@code highest <= t},
         * {@code belowK.K.* == 0}, {@code sampleUniqueness == 0}, {@code recordsAtRisk == 0}) or
         * bounds the suppression ({@code suppressedRecords <= x}, {@code records >= x}): if a node
         * passes by suppressing its classes smaller than s, every generalisation passes with at most
         * as many suppressed records (merged classes smaller than s consist of classes smaller than s).
         */
        MIN_CLASS_SIZE,
        /**
         * Shares that never grow when classes merge ({@code recordsAtRisk}, {@code successRate},
         * {@code sampleUniqueness}, {@code belowK.K.*}, {@code classes} with ≤ / &lt;): monotone when no
         * record may be suppressed, but not with suppression (suppressing small classes changes
         * the denominator).
         */
        WITHOUT_SUPPRESSION,
        /** Anything else (for example a ≥ rule on a risk). */
        NONE
    }

    /** One concrete rule: a metric index, the comparison and where it came from. */
    public record Rule(String metric, int index, Operator operator, double threshold, Severity severity,
                       PolicyRule source, Monotonicity monotonicity) {
    }

    /** Every metric key the search can compute, in index order. */
    public static final List<String> SUPPORTED;

    private static final int RECORDS = 0;
    private static final int CLASSES = 1;
    private static final int SUPPRESSED = 2;
    private static final int K = 3;
    private static final int BELOW_K = 4;
    private static final int PROSECUTOR;
    private static final int JOURNALIST;
    private static final int MARKETER;
    private static final int SAMPLE_UNIQUENESS;
    private static final int POPULATION_INFORMATION;

    static {
        List<String> keys = new ArrayList<>();
        keys.add("records");
        keys.add("classes");
        keys.add("suppressedRecords");
        keys.add("k");
        for (int kk : MicrodataAnalyzer.BELOW_K) {
            keys.add("belowK." + kk + ".records");
            keys.add("belowK." + kk + ".classes");
            keys.add("belowK." + kk + ".recordsFraction");
        }
        PROSECUTOR = keys.size();
        for (String a : new String[] {"prosecutor", "journalist"}) {
            keys.add(a + ".recordsAtRisk");
            keys.add(a + ".highest");
            keys.add(a + ".lowest");
            keys.add(a + ".successRate");
            keys.add(a + ".appliedThreshold");
        }
        JOURNALIST = PROSECUTOR + 5;
        MARKETER = keys.size();
        keys.add("marketer.successRate");
        SAMPLE_UNIQUENESS = keys.size();
        keys.add("sampleUniqueness");
        POPULATION_INFORMATION = keys.size();
        keys.add("populationInformation");
        SUPPORTED = Collections.unmodifiableList(keys);
    }

    private final PolicyProfile profile;
    private final double riskThreshold;
    private final long minimumSize;
    private final List<Rule> rules;
    private final List<PolicyRule> ignored;

    private HistogramPolicy(PolicyProfile profile, double riskThreshold, List<Rule> rules, List<PolicyRule> ignored) {
        this.profile = profile;
        this.riskThreshold = riskThreshold;
        this.minimumSize = RiskThreshold.minimumClassSize(riskThreshold);
        this.rules = List.copyOf(rules);
        this.ignored = List.copyOf(ignored);
    }

    /**
     * Compiles a profile.
     *
     * @param profile       the active policy
     * @param riskThreshold the audit's risk threshold t (for records at risk), in (0, 1]
     * @param warnAsFail    whether WARN rules must hold too
     * @throws ConfigurationException when a rule that must hold is on a metric the search cannot compute
     */
    public static HistogramPolicy compile(PolicyProfile profile, double riskThreshold, boolean warnAsFail)
            throws ConfigurationException {
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new ConfigurationException("risk.config.invalidParameter", "threshold", riskThreshold,
                    "a number in (0, 1]");
        }
        List<Rule> rules = new ArrayList<>();
        List<PolicyRule> ignored = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (PolicyRule r : profile.rules()) {
            boolean required = r.severity() == Severity.FAIL || warnAsFail;
            List<String> keys = expand(r.metric());
            if (keys.isEmpty()) {
                if (required) {
                    unsupported.add(r.describe());
                } else {
                    ignored.add(r);
                }
                continue;
            }
            if (!required) {
                ignored.add(r);
                continue;
            }
            for (String key : keys) {
                rules.add(new Rule(key, SUPPORTED.indexOf(key), r.operator(), r.threshold(), r.severity(), r,
                        classify(key, r.operator(), r.threshold())));
            }
        }
        if (!unsupported.isEmpty()) {
            throw new ConfigurationException("remediation.policy.unsupported", profile.id(),
                    String.join("; ", unsupported), String.join(", ", SUPPORTED));
        }
        return new HistogramPolicy(profile, riskThreshold, rules, ignored);
    }

    /** The supported keys matched by a rule's metric path (with {@code *} segments). */
    static List<String> expand(String pattern) {
        if (!pattern.contains("*")) {
            return SUPPORTED.contains(pattern) ? List.of(pattern) : List.of();
        }
        String[] want = pattern.split("\\.", -1);
        List<String> out = new ArrayList<>();
        for (String key : SUPPORTED) {
            String[] have = key.split("\\.", -1);
            if (have.length != want.length) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < want.length && ok; i++) {
                ok = "*".equals(want[i]) || want[i].equals(have[i]);
            }
            if (ok) {
                out.add(key);
            }
        }
        return out;
    }

    static Monotonicity classify(String key, Operator op, double threshold) {
        boolean upper = op == Operator.LE || op == Operator.LT;
        boolean lower = op == Operator.GE || op == Operator.GT;
        boolean zero = (op == Operator.EQ || op == Operator.LE) && threshold == 0
                || op == Operator.LT && threshold > 0 && threshold <= 1e-12;
        if (key.endsWith(".appliedThreshold") || key.equals("populationInformation")) {
            return Monotonicity.CONSTANT;
        }
        if (key.equals("k")) {
            return lower ? Monotonicity.MIN_CLASS_SIZE : Monotonicity.NONE;
        }
        if (key.endsWith(".highest")) {
            return upper ? Monotonicity.MIN_CLASS_SIZE : Monotonicity.NONE;
        }
        if (key.equals("suppressedRecords")) {
            return upper ? Monotonicity.MIN_CLASS_SIZE : Monotonicity.NONE;
        }
        if (key.equals("records")) {
            return lower ? Monotonicity.MIN_CLASS_SIZE : Monotonicity.NONE;
        }
        if (key.startsWith("belowK.") || key.equals("sampleUniqueness") || key.endsWith(".recordsAtRisk")) {
            if (zero) {
                return Monotonicity.MIN_CLASS_SIZE;
            }
            return upper ? Monotonicity.WITHOUT_SUPPRESSION : Monotonicity.NONE;
        }
        if (key.endsWith(".successRate") || key.equals("classes")) {
            return upper ? Monotonicity.WITHOUT_SUPPRESSION : Monotonicity.NONE;
        }
        return Monotonicity.NONE;
    }

    /**
     * Whether "a generalisation of a passing node passes" holds for every rule that must hold,
     * under the given suppression limit (in records).
     */
    public boolean monotone(long suppressionLimit) {
        for (Rule r : rules) {
            switch (r.monotonicity()) {
                case CONSTANT, MIN_CLASS_SIZE -> {
                }
                case WITHOUT_SUPPRESSION -> {
                    if (suppressionLimit > 0) {
                        return false;
                    }
                }
                case NONE -> {
                    return false;
                }
            }
        }
        return true;
    }

    public PolicyProfile profile() {
        return profile;
    }

    /** The risk threshold t the records-at-risk metrics use. */
    public double riskThreshold() {
        return riskThreshold;
    }

    /** The compiled rules that must hold. */
    public List<Rule> rules() {
        return rules;
    }

    /** Rules left to the re-audit: WARN rules (unless they must hold), including those the search cannot compute. */
    public List<PolicyRule> ignored() {
        return ignored;
    }

    /** Whether every rule holds on a metric vector from {@link #metrics}. */
    boolean passes(double[] m) {
        for (Rule r : rules) {
            double v = m[r.index()];
            if (Double.isNaN(v) || !r.operator().holds(v, r.threshold())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The metric vector ({@link #SUPPORTED} order) of the released classes, as the microdata lane
     * computes it on the remediated file.
     *
     * @param sizes      ascending distinct class sizes of the released classes
     * @param classCount number of classes of each size
     * @param from       index of the first size that is released (smaller ones are suppressed)
     * @param suppressed records in the file whose quasi-identifiers are all {@code *}
     */
    double[] metrics(long[] sizes, long[] classCount, int from, long suppressed) {
        double[] m = new double[SUPPORTED.size()];
        long n = 0;
        long j = 0;
        for (int i = from; i < sizes.length; i++) {
            n += sizes[i] * classCount[i];
            j += classCount[i];
        }
        m[RECORDS] = n;
        m[CLASSES] = j;
        m[SUPPRESSED] = suppressed;
        m[K] = from < sizes.length ? sizes[from] : 0;
        int b = BELOW_K;
        for (int kk : MicrodataAnalyzer.BELOW_K) {
            long recs = 0;
            long cls = 0;
            for (int i = from; i < sizes.length && sizes[i] < kk; i++) {
                recs += sizes[i] * classCount[i];
                cls += classCount[i];
            }
            m[b++] = recs;
            m[b++] = cls;
            m[b++] = fraction(recs, n);
        }
        double applied = 1.0 / minimumSize;
        double atRisk = 0;
        double highest = 0;
        double lowest = 0;
        double success = 0;
        if (from < sizes.length && n > 0) {
            long risky = 0;
            for (int i = from; i < sizes.length && sizes[i] < minimumSize; i++) {
                risky += sizes[i] * classCount[i];
            }
            atRisk = fraction(risky, n);
            highest = 1.0 / sizes[from];
            lowest = 1.0 / sizes[sizes.length - 1];
            success = (double) j / n;
        }
        for (int base : new int[] {PROSECUTOR, JOURNALIST}) {
            m[base] = atRisk;
            m[base + 1] = highest;
            m[base + 2] = lowest;
            m[base + 3] = success;
            m[base + 4] = applied;
        }
        m[MARKETER] = success;
        long uniques = from < sizes.length && sizes[from] == 1 ? classCount[from] : 0;
        m[SAMPLE_UNIQUENESS] = fraction(uniques, n);
        m[POPULATION_INFORMATION] = 0;
        return m;
    }

    /** A metric vector as the flat metric map the policy evaluator reads. */
    static Map<String, Double> asMap(double[] m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < m.length; i++) {
            out.put(SUPPORTED.get(i), m[i]);
        }
        return out;
    }

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
