package org.releaseauditor.core.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.i18n.Messages;

/**
 * Result of {@link MicrodataAnalyzer#analyze}: immutable, no references to the input data (row
 * indices only, never values). Component names map 1:1 to the CLI's JSON. All fractions are in
 * [0, 1]; denominators are {@link #records()} (records in equivalence classes).
 *
 * @param records             n: records in equivalence classes (all-QI-suppressed rows excluded)
 * @param classes             J: number of equivalence classes
 * @param suppressedRecords   rows whose QIs are all suppressed (ARX #259): no class of their own
 * @param histogram           class-size histogram of the exact classes
 * @param k                   smallest class size (with wildcards: smallest compatible-record count)
 * @param belowK              for k in {2,3,5,10,11,20}: records and classes below k
 * @param threshold           the requested risk threshold t
 * @param prosecutor          prosecutor risk (sample classes)
 * @param journalist          journalist risk (population classes F_j if known, else = prosecutor)
 * @param marketerSuccessRate marketer success rate (1/n)·Σ f_j/F_j (= prosecutor's without F_j)
 * @param populationInformation whether journalist/marketer used population class sizes F_j
 * @param sampleUniqueness    share of records that are unique in the sample
 * @param populationUniqueness population-uniqueness models; null without N, region or fraction
 * @param riskDistribution    records binned by 1/f_j, with cumulative share
 * @param lDiversity          per sensitive attribute
 * @param tCloseness          per sensitive attribute
 * @param riskiestClasses     the smallest classes (at most {@link MicrodataAnalyzer#RISKIEST_CLASSES})
 * @param pairUniqueness      for every pair of QIs, the share of records unique on that pair
 * @param wildcards           whether MISSING/SUPPRESSED matched any value
 */
public record MicrodataResult(long records,
                              long classes,
                              long suppressedRecords,
                              ClassSizeHistogram histogram,
                              int k,
                              Map<Integer, BelowK> belowK,
                              double threshold,
                              AttackerRisk prosecutor,
                              AttackerRisk journalist,
                              double marketerSuccessRate,
                              boolean populationInformation,
                              double sampleUniqueness,
                              PopulationUniqueness populationUniqueness,
                              List<RiskBin> riskDistribution,
                              List<LDiversityResult> lDiversity,
                              List<TClosenessResult> tCloseness,
                              List<ClassSummary> riskiestClasses,
                              PairUniqueness pairUniqueness,
                              boolean wildcards) {

    public MicrodataResult {
        belowK = Collections.unmodifiableMap(new LinkedHashMap<>(belowK));
        riskDistribution = List.copyOf(riskDistribution);
        lDiversity = List.copyOf(lDiversity);
        tCloseness = List.copyOf(tCloseness);
        riskiestClasses = List.copyOf(riskiestClasses);
    }

    /** The first {@code limit} riskiest (smallest) classes. */
    public List<ClassSummary> riskiestClasses(int limit) {
        return riskiestClasses.subList(0, Math.min(limit, riskiestClasses.size()));
    }

    /**
     * Records and classes below a class size k.
     *
     * @param records         records in classes of size &lt; k
     * @param classes         classes of size &lt; k
     * @param recordsFraction records / n
     */
    public record BelowK(long records, long classes, double recordsFraction) {
    }

    /**
     * Re-identification risk for one attacker model.
     *
     * @param recordsAtRisk    share of records whose risk exceeds the applied threshold (strict)
     * @param highest          highest risk 1/min size
     * @param lowest           lowest risk 1/max size
     * @param successRate      expected share of records re-identified (average risk)
     * @param appliedThreshold the threshold actually applied: 1/s with ARX's minimum class size s
     */
    public record AttackerRisk(double recordsAtRisk, double highest, double lowest, double successRate,
                               double appliedThreshold) {
    }

    /**
     * The model picked by Dankar et al.'s rule, with ARX's names
     * ({@code RiskModelPopulationUniqueness.PopulationUniquenessModel}). DANKAR is what ARX reports
     * when the sample has no uniques: no model is fitted and every estimate is 0.
     */
    public enum UniquenessModel {
        PITMAN, ZAYATZ, SNB, DANKAR
    }

    /** Whether a population model produced an estimate, and if not, why. */
    public enum EstimateStatus {
        /** A valid estimate in [0, N]. */
        OK,
        /** The sample has no uniques, so every model estimates 0 population uniques (as ARX). */
        NO_SAMPLE_UNIQUES,
        /** Newton–Raphson found no root from the initial estimate or any of ARX's start values. */
        NOT_CONVERGED,
        /** The model gives no valid value (NaN, 0, outside [0, N], or a degenerate fit). */
        NO_VALID_ESTIMATE
    }

    /**
     * A piece of localisable text: a message key of the {@code risk} bundle with its arguments.
     * Arguments may be numbers, strings, or further {@code Phrase}s and {@link ModelStatus}es,
     * which are rendered in the same language; decimals are printed with six significant digits in
     * that language's format.
     *
     * @param key  message key ({@code risk.population.*})
     * @param args the arguments
     */
    public record Phrase(String key, List<Object> args) {
        public Phrase {
            java.util.Objects.requireNonNull(key, "key");
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** A phrase of {@code key} with {@code args}. */
        public static Phrase of(String key, Object... args) {
            return new Phrase(key, List.of(args));
        }

        /** The text in {@code locale}. */
        public String text(Locale locale) {
            return render(locale, key, args);
        }
    }

    static String render(Locale locale, String key, List<Object> args) {
        if (key.isEmpty()) {
            return "";
        }
        Object[] out = new Object[args.size()];
        for (int i = 0; i < out.length; i++) {
            Object a = args.get(i);
            if (a instanceof Phrase p) {
                out[i] = p.text(locale);
            } else if (a instanceof ModelStatus m) {
                out[i] = m.reason(locale);
            } else if (a instanceof Double || a instanceof Float) {
                out[i] = String.format(locale, "%.6g", ((Number) a).doubleValue());
            } else {
                out[i] = a;
            }
        }
        return Messages.get(locale, key, out);
    }

    /**
     * The status of one estimate, with its reason as a message key and arguments, so that the GUI
     * shows it in the user's language and the JSON and logs in English ({@link #reason()}).
     *
     * @param status     the status
     * @param reasonKey  message key of what happened (e.g. the solver's iterations); empty for
     *                   {@link EstimateStatus#OK}. A text that is no key is shown as it is.
     * @param reasonArgs the arguments of the reason (see {@link Phrase})
     */
    public record ModelStatus(EstimateStatus status, String reasonKey, List<Object> reasonArgs) {
        public ModelStatus {
            java.util.Objects.requireNonNull(status, "status");
            reasonKey = reasonKey == null ? "" : reasonKey;
            reasonArgs = reasonArgs == null ? List.of() : List.copyOf(reasonArgs);
        }

        /** A status whose reason is {@code reasonKey} with {@code args}. */
        public ModelStatus(EstimateStatus status, String reasonKey, Object... args) {
            this(status, reasonKey, List.of(args));
        }

        /** The reason in English (for the JSON and the logs); empty when there is none. */
        public String reason() {
            return reason(Locale.ENGLISH);
        }

        /** The reason in {@code locale}; empty when there is none. */
        public String reason(Locale locale) {
            return render(locale, reasonKey, reasonArgs);
        }

        /** Whether an estimate is available (OK or NO_SAMPLE_UNIQUES). */
        public boolean available() {
            return status == EstimateStatus.OK || status == EstimateStatus.NO_SAMPLE_UNIQUES;
        }
    }

    /**
     * The fitted Pitman parameters (maximum likelihood, Hoshino 2001).
     *
     * @param theta      θ
     * @param alpha      α
     * @param iterative  whether the root came from the slow, exact summation form of the score
     *                   equations (ARX's fallback) rather than the closed form with ψ and ψ'
     * @param iterations Newton–Raphson evaluations of the successful search
     * @param tries      start values used by that search (1 = ARX's initial estimate)
     */
    public record PitmanFit(double theta, double alpha, boolean iterative, int iterations, int tries) {
    }

    /**
     * The fitted SNB parameters.
     *
     * @param classes    K, the Shlosser-type estimate of non-empty population classes
     * @param alpha      α of the negative binomial
     * @param beta       β of the negative binomial
     * @param iterations Newton–Raphson evaluations
     * @param tries      start values used (1 = the start (1, 1))
     */
    public record SnbFit(double classes, double alpha, double beta, int iterations, int tries) {
    }

    /**
     * Estimated population uniqueness. Fractions are of the population (unique tuples / N);
     * counts are estimated unique tuples. A null value means the model has no estimate; its status
     * says why. With no sample uniques every estimate is 0 and the Dankar model is DANKAR (ARX).
     *
     * @param populationSize   N
     * @param samplingFraction π = n/N
     * @param dankarModel      the model Dankar's rule chose (ARX's names)
     * @param pitmanStatus     status of the Pitman estimate
     * @param zayatzStatus     status of the Zayatz estimate
     * @param snbStatus        status of the SNB estimate
     * @param dankarStatus     status of the Dankar estimate (that of the chosen model)
     * @param pitmanFit        θ and α, or null without a fit
     * @param snbFit           K, α and β, or null without a fit
     * @param snbVariant       the SNB equations used (ARX by default)
     */
    public record PopulationUniqueness(long populationSize, double samplingFraction,
                                       Double pitman, Double zayatz, Double snb, Double dankar,
                                       Double pitmanCount, Double zayatzCount, Double snbCount, Double dankarCount,
                                       UniquenessModel dankarModel,
                                       ModelStatus pitmanStatus, ModelStatus zayatzStatus, ModelStatus snbStatus,
                                       ModelStatus dankarStatus, PitmanFit pitmanFit, SnbFit snbFit,
                                       SnbVariant snbVariant) {
    }

    /**
     * One bin of the risk distribution.
     *
     * @param upTo       upper bound of the bin (risk 1/f in (previous bound, upTo])
     * @param records    records in the bin
     * @param fraction   records / n
     * @param cumulative share of records with risk ≤ upTo (cumulative series, ARX #335)
     */
    public record RiskBin(double upTo, long records, double fraction, double cumulative) {
    }

    /**
     * A class, identified by size and one row index (the GUI reveals values on request).
     *
     * @param size              class size (with wildcards: number of compatible records)
     * @param representativeRow index of the class's first row in the dataset
     */
    public record ClassSummary(long size, int representativeRow) {
    }

    /**
     * l-diversity of one sensitive attribute; the dataset's l is the minimum over classes.
     *
     * @param attribute  column name
     * @param distinct   distinct-l
     * @param entropy    entropy-l = min exp(H), H in nats
     * @param recursiveC the c used
     * @param recursiveL largest l with r_1 &lt; c·(r_l + … + r_m) in every class (0 if none)
     * @param worstClass the class with the fewest distinct values (ties: lowest entropy)
     */
    public record LDiversityResult(String attribute, int distinct, double entropy, double recursiveC,
                                   int recursiveL, ClassSummary worstClass) {
    }

    /**
     * t-closeness of one sensitive attribute.
     *
     * @param attribute  column name
     * @param t          maximum over classes of the Earth Mover's Distance to the whole table
     * @param distance   "equal" (nominal) or "ordered"
     * @param worstClass the class attaining t
     */
    public record TClosenessResult(String attribute, double t, String distance, ClassSummary worstClass) {
    }

    /**
     * Share of records unique on each pair of quasi-identifiers (the diagonal: on the QI alone).
     *
     * @param attributes QI names, in configuration order
     * @param shares     symmetric matrix, shares.get(i).get(j) for QIs i and j
     */
    public record PairUniqueness(List<String> attributes, List<List<Double>> shares) {
        public PairUniqueness {
            attributes = List.copyOf(attributes);
            List<List<Double>> copy = new ArrayList<>(shares.size());
            for (List<Double> row : shares) {
                copy.add(List.copyOf(row));
            }
            shares = List.copyOf(copy);
        }

        /** The share for QIs i and j. */
        public double share(int i, int j) {
            return shares.get(i).get(j);
        }
    }
}
