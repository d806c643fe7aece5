package org.releaseauditor.core.risk;

import java.util.Locale;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataResult.EstimateStatus;
import org.releaseauditor.core.risk.MicrodataResult.ModelStatus;
import org.releaseauditor.core.risk.MicrodataResult.PitmanFit;
import org.releaseauditor.core.risk.MicrodataResult.SnbFit;
import org.releaseauditor.core.risk.MicrodataResult.UniquenessModel;

/**
 * Population uniqueness estimates from a sample's class-size histogram: Zayatz (1991), Pitman
 * (Hoshino 2001), Chen's slide negative binomial (SNB, 1998) and the decision rule of Dankar et
 * al. (2012). By default every model and the rule behave as ARX 3.9.x ({@code ModelZayatz},
 * {@code ModelPitman}, {@code ModelSNB}, {@code RiskModelPopulationUniqueness}), including ARX's
 * Newton–Raphson search ({@link NewtonRaphson2D}), so that a fit converges exactly where ARX's
 * converges. {@link SnbVariant#CORRECTED} switches SNB to Chen's published equations.
 * Deviations from ARX are listed in {@code src/docs/metrics-microdata.md}.
 */
final class PopulationUniquenessEstimator {

    private static final ModelStatus OK = new ModelStatus(EstimateStatus.OK, "");

    private final long[] sizes;
    private final long[] counts;
    private final double n;
    private final double populationSize;
    private final double pi;
    private final double classes;
    private final double c1;
    private final double c2;
    private final SnbVariant snbVariant;
    private final ProgressMonitor monitor;

    /** A model's number of population uniques (NaN without one), its status and fit. */
    private record Outcome(double uniques, ModelStatus status, Object fit) {
    }

    PopulationUniquenessEstimator(ClassSizeHistogram histogram, long populationSize, ProgressMonitor monitor) {
        this(histogram, populationSize, SnbVariant.ARX, monitor);
    }

    PopulationUniquenessEstimator(ClassSizeHistogram histogram, long populationSize, SnbVariant snbVariant,
            ProgressMonitor monitor) {
        this.sizes = histogram.classSizes();
        this.counts = histogram.classCounts();
        this.n = histogram.records();
        this.populationSize = populationSize;
        this.pi = n / this.populationSize;
        this.classes = histogram.classes();
        this.c1 = histogram.countOfSize(1);
        this.c2 = histogram.countOfSize(2);
        this.snbVariant = snbVariant;
        this.monitor = monitor;
    }

    /** All estimates plus the Dankar decision. */
    MicrodataResult.PopulationUniqueness estimate() {
        long bigN = (long) populationSize;
        if (c1 == 0) {
            ModelStatus none = new ModelStatus(EstimateStatus.NO_SAMPLE_UNIQUES,
                    "risk.population.reason.noSampleUniques");
            return new MicrodataResult.PopulationUniqueness(bigN, pi, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                    UniquenessModel.DANKAR, none, none, none, none, null, null, snbVariant);
        }
        monitor.update("progress.risk.population", 0, 3);
        Outcome zayatz = zayatz();
        monitor.update("progress.risk.population", 1, 3);
        Outcome pitman = pitman();
        monitor.update("progress.risk.population", 2, 3);
        Outcome snb = snb();
        monitor.update("progress.risk.population", 3, 3);

        // Dankar et al.'s rule exactly as ARX's RiskModelPopulationUniqueness applies it
        Outcome dankar;
        UniquenessModel model;
        if (pi <= 0.1) {
            if (usable(pitman)) {
                dankar = pitman;
                model = UniquenessModel.PITMAN;
            } else {
                dankar = zayatz;
                model = UniquenessModel.ZAYATZ;
            }
        } else if (usable(snb)) {
            if (zayatz.uniques() < snb.uniques()) {
                dankar = zayatz;
                model = UniquenessModel.ZAYATZ;
            } else {
                dankar = snb;
                model = UniquenessModel.SNB;
            }
        } else {
            dankar = zayatz;
            model = UniquenessModel.ZAYATZ;
        }
        ModelStatus dankarStatus = usable(dankar) ? OK : new ModelStatus(dankar.status().status(),
                "risk.population.reason.dankarNoEstimate", name(model), dankar.status());
        return new MicrodataResult.PopulationUniqueness(bigN, pi,
                fraction(pitman), fraction(zayatz), fraction(snb), fraction(dankar),
                count(pitman), count(zayatz), count(snb), count(dankar), model,
                pitman.status(), zayatz.status(), snb.status(), dankarStatus,
                (PitmanFit) pitman.fit(), (SnbFit) snb.fit(), snbVariant);
    }

    private static String name(UniquenessModel m) {
        return m == UniquenessModel.SNB ? "SNB" : m.name().charAt(0) + m.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static boolean usable(Outcome o) {
        return o.status().status() == EstimateStatus.OK;
    }

    private Double fraction(Outcome o) {
        return usable(o) ? o.uniques() / populationSize : null;
    }

    private static Double count(Outcome o) {
        return usable(o) ? o.uniques() : null;
    }

    /**
     * ARX treats NaN and 0 as "no estimate". We also refuse values outside [0, N] and infinities,
     * which ARX would report for Zayatz and SNB (never seen in 6,888 compared histograms).
     */
    private Outcome checked(double uniques, Object fit, MicrodataResult.Phrase model) {
        if (Double.isNaN(uniques) || uniques == 0d) {
            return new Outcome(Double.NaN, new ModelStatus(EstimateStatus.NO_VALID_ESTIMATE,
                    Double.isNaN(uniques) ? "risk.population.reason.nan" : "risk.population.reason.zero", model),
                    fit);
        }
        if (!(uniques > 0 && uniques <= populationSize)) {
            return new Outcome(Double.NaN, new ModelStatus(EstimateStatus.NO_VALID_ESTIMATE,
                    "risk.population.reason.outside", model, uniques, (long) populationSize), fit);
        }
        return new Outcome(uniques, OK, fit);
    }

    // ------------------------------------------------------------------------------- Zayatz

    private Outcome zayatz() {
        return checked(zayatzUniques(), null, MicrodataResult.Phrase.of("risk.population.model.zayatz"));
    }

    /**
     * Zayatz: P(sample unique is population unique) = (c1/J)·H(1;N,1,n) / Σ_s (c_s/J)·H(1;N,s,n);
     * uniques = c1·P/π.
     */
    double zayatzUniques() {
        double denominator = 0;
        for (int i = 0; i < sizes.length; i++) {
            monitor.checkCancelled();
            denominator += (counts[i] / classes) * hypergeometricOne(sizes[i]);
        }
        double conditional = ((c1 / classes) * hypergeometricOne(1)) / denominator;
        return c1 * conditional / pi;
    }

    /**
     * H(1; N, s, n): probability that a sample of n out of N holds exactly one of s marked units,
     * = (s·n/N)·Π_{i=1}^{s−1} (1 − (n−1)/(N−i)); accumulated in log space with log1p.
     */
    double hypergeometricOne(long s) {
        double bigN = Math.floor(populationSize);
        if (s > bigN - n + 1) {
            return 0.0; // more marked units than can stay outside the sample
        }
        double log = Math.log(s * n / bigN);
        for (long i = 1; i < s; i++) {
            log += Math.log1p(-(n - 1) / (bigN - i));
            if (log < -745) {
                return 0.0;
            }
        }
        return Math.exp(log);
    }

    // ------------------------------------------------------------------------------- Pitman

    /**
     * The Newton–Raphson search for Pitman's (θ, α): the start, the closed-form solution and the
     * one taken. It depends on the sample's histogram alone, not on N, so the fits of one
     * histogram at several sampling fractions (the population curve) are searched once.
     */
    private record PitmanSearch(double[] start, NewtonRaphson2D.Solution closed, NewtonRaphson2D.Solution solution,
            boolean iterative) {
    }

    /** The last few searches, by histogram (each costs O(J + n) per step with the exact sums). */
    private static final java.util.Map<ClassSizeHistogram, PitmanSearch> PITMAN_SEARCHES =
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<ClassSizeHistogram, PitmanSearch> e) {
                    return size() > 4;
                }
            };

    /** Forgets the remembered searches (tests compare a remembered search with a fresh one). */
    static void forgetPitmanSearches() {
        synchronized (PITMAN_SEARCHES) {
            PITMAN_SEARCHES.clear();
        }
    }

    private PitmanSearch pitmanSearch() {
        ClassSizeHistogram key = new ClassSizeHistogram(sizes, counts);
        synchronized (PITMAN_SEARCHES) {
            PitmanSearch hit = PITMAN_SEARCHES.get(key);
            if (hit != null) {
                return hit;
            }
        }
        double[] start = pitmanStart();
        NewtonRaphson2D.Solution closed = NewtonRaphson2D.solve(start[0], start[1], this::pitmanClosed,
                (t, a) -> t >= 0, monitor);
        NewtonRaphson2D.Solution solution = closed;
        boolean iterative = false;
        if (!closed.converged()) {
            // ARX's fallback: the closed form found no root, try the exact sums
            solution = NewtonRaphson2D.solve(start[0], start[1], this::pitmanIterative, (t, a) -> t >= 0, monitor);
            iterative = true;
        } else {
            // ARX's check: the closed-form root must also be a root of the exact sums
            double[] check = new double[6];
            pitmanIterative(closed.x(), closed.y(), check);
            if (Double.isNaN(check[0]) || Double.isNaN(check[1]) || Math.abs(check[0]) > NewtonRaphson2D.ACCURACY
                    || Math.abs(check[1]) > NewtonRaphson2D.ACCURACY) {
                solution = NewtonRaphson2D.solve(start[0], start[1], this::pitmanIterative, (t, a) -> t >= 0,
                        monitor);
                iterative = true;
            }
        }
        PitmanSearch search = new PitmanSearch(start, closed, solution, iterative);
        synchronized (PITMAN_SEARCHES) {
            PITMAN_SEARCHES.put(key, search);
        }
        return search;
    }

    private Outcome pitman() {
        PitmanSearch search = pitmanSearch();
        double[] start = search.start();
        NewtonRaphson2D.Solution closed = search.closed();
        NewtonRaphson2D.Solution solution = search.solution();
        boolean iterative = search.iterative();
        if (!solution.converged()) {
            return new Outcome(Double.NaN, new ModelStatus(EstimateStatus.NOT_CONVERGED,
                    "risk.population.reason.pitmanNotConverged", start[0], start[1],
                    NewtonRaphson2D.START_VALUES.length, closed.iterations(),
                    solution == closed ? 0 : solution.iterations()), null);
        }
        double theta = solution.x();
        double alpha = solution.y();
        PitmanFit fit = new PitmanFit(theta, alpha, iterative, solution.iterations(), solution.tries());
        if (alpha == 0) {
            return new Outcome(Double.NaN, new ModelStatus(EstimateStatus.NO_VALID_ESTIMATE,
                    "risk.population.reason.pitmanAlphaZero"), fit);
        }
        double uniques = Math.exp(SpecialFunctions.lnGamma(theta + 1) - SpecialFunctions.lnGamma(theta + alpha))
                * Math.pow(populationSize, alpha);
        return checked(uniques, fit, MicrodataResult.Phrase.of("risk.population.model.pitman", theta, alpha));
    }

    /** ARX's initial estimate of (θ, α), with c2 = 1 if the sample has no class of size 2. */
    private double[] pitmanStart() {
        double c2x = c2 != 0 ? c2 : 1; // overestimate, as ARX
        double c = (c1 * (c1 - 1)) / c2x;
        double u = classes;
        double t = ((n * u * c) - (c1 * (n - 1) * ((2 * u) + c))) / (((2 * c1 * u) + (c1 * c)) - (n * c));
        double a = ((t * (c1 - n)) + ((n - 1) * c1)) / (n * u);
        return new double[] {t, a};
    }

    /** Score equations (closed-form Pitman fit). */
    double pitmanUniques() {
        Outcome o = pitman();
        return usable(o) ? o.uniques() : Double.NaN;
    }

    /**
     * Score equations of the Pitman log-likelihood and their Jacobian in closed form, with the sums
     * written through ψ and ψ' (ARX's approximations, see {@link SpecialFunctions#arxTrigamma}):
     * S_θ = Σ_{i&lt;J} 1/(θ+iα) − Σ_{i&lt;n} 1/(θ+i), S_α = Σ_{i&lt;J} i/(θ+iα) − Σ_j Σ_{k&lt;f_j} 1/(k−α).
     * The terms are grouped as ARX groups them, so that rounding follows the same path.
     */
    private void pitmanClosed(double t, double a, double[] out) {
        double jm1 = classes - 1d;
        double r = t / a;
        double psiHigh = SpecialFunctions.arxDigamma(jm1 + r + 1d);
        double triHigh = SpecialFunctions.arxTrigamma((a + t + (a * jm1)) / a);
        double triLow = SpecialFunctions.arxTrigamma(r + 1d);
        double psiLow = SpecialFunctions.arxDigamma(r + 1d);
        double a2 = a * a;
        double sumInvSq = (triLow - triHigh) / a2;                                            // Σ 1/(t+ia)²
        double sumIInvSq = (((a * psiHigh) + (t * triHigh)) - (a * psiLow) - (t * triLow)) / (a2 * a); // Σ i/(t+ia)²
        double sumI2InvSq = (((((a2 * jm1) - (t * t * triHigh)) + (t * t * triLow)) - (2d * a * t * psiHigh))
                + (2d * a * t * psiLow)) / (a2 * a2);                                        // Σ i²/(t+ia)²
        double sumInv = (psiHigh - psiLow) / a;                                               // Σ 1/(t+ia)
        double sumI = ((-t * psiHigh) + (a * jm1) + (t * psiLow)) / (a * a);                  // Σ i/(t+ia)
        double sampleInv = SpecialFunctions.arxDigamma(n + t) - SpecialFunctions.arxDigamma(t + 1d);
        monitor.checkCancelled();
        double sampleInvSq = SpecialFunctions.arxTrigamma(t + 1d) - SpecialFunctions.arxTrigamma(n + t);
        double classInvSq = 0;
        double classInv = 0;
        double psiOne = SpecialFunctions.arxDigamma(1d - a);
        double triOne = SpecialFunctions.arxTrigamma(1d - a);
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != 1) {
                classInvSq += counts[i] * (triOne - SpecialFunctions.arxTrigamma(sizes[i] - a));
                classInv += counts[i] * (SpecialFunctions.arxDigamma(sizes[i] - a) - psiOne);
            }
        }
        store(out, sumInv - sampleInv, sumI - classInv, sampleInvSq - sumInvSq, 0d - sumIInvSq, 0d - sumIInvSq,
                0d - sumI2InvSq - classInvSq);
    }

    private static void store(double[] out, double f1, double f2, double j11, double j12, double j21, double j22) {
        out[0] = f1;
        out[1] = f2;
        out[2] = j11;
        out[3] = j12;
        out[4] = j21;
        out[5] = j22;
    }

    /** The same equations by explicit summation (slow, exact; ARX's fallback and check). */
    private void pitmanIterative(double t, double a, double[] out) {
        double sumInvSq = 0;
        double sumIInvSq = 0;
        double sumI2InvSq = 0;
        double sumInv = 0;
        double sumI = 0;
        for (int i = 1; i < classes; i++) {
            double v = t + (i * a);
            double inv = 1d / v;
            double invSq = 1d / (v * v);
            double iInvSq = i * invSq;
            sumInvSq += invSq;
            sumIInvSq += iInvSq;
            sumI2InvSq += i * iInvSq;
            sumInv += inv;
            sumI += i * inv;
        }
        monitor.checkCancelled();
        double classInvSq = 0;
        double classInv = 0;
        for (int s = 0; s < sizes.length; s++) {
            if (sizes[s] != 1) {
                double v1 = 0;
                double v2 = 0;
                for (int k = 1; k < sizes[s]; k++) {
                    double d = k - a;
                    v1 += 1d / (d * d);
                    v2 += 1d / d;
                }
                classInvSq += counts[s] * v1;
                classInv += counts[s] * v2;
            }
        }
        monitor.checkCancelled();
        double sampleInvSq = 0;
        double sampleInv = 0;
        for (int i = 1; i < n; i++) {
            double v = t + i;
            sampleInvSq += 1d / (v * v);
            sampleInv += 1d / v;
        }
        store(out, sumInv - sampleInv, sumI - classInv, sampleInvSq - sumInvSq, 0d - sumIInvSq, 0d - sumIInvSq,
                0d - sumI2InvSq - classInvSq);
    }

    // ---------------------------------------------------------------------------------- SNB

    private Outcome snb() {
        double k = snbVariant == SnbVariant.ARX ? shlosserClassesArx(pi) : shlosserClasses(pi);
        NewtonRaphson2D.EquationSystem system = snbVariant == SnbVariant.ARX
                ? (a, b, out) -> snbArx(k, pi, a, b, out)
                : (a, b, out) -> snbCorrected(k, pi, a, b, out);
        NewtonRaphson2D.Solution s = NewtonRaphson2D.solve(1.0, 1.0, system, null, monitor);
        MicrodataResult.Phrase variant = MicrodataResult.Phrase.of("risk.population.snbEquations." + snbVariant.name());
        if (!s.converged()) {
            return new Outcome(Double.NaN, new ModelStatus(EstimateStatus.NOT_CONVERGED,
                    "risk.population.reason.snbNotConverged", variant, k, NewtonRaphson2D.START_VALUES.length,
                    s.iterations()), null);
        }
        SnbFit fit = new SnbFit(k, s.x(), s.y(), s.iterations(), s.tries());
        return checked(k * Math.pow(s.y(), s.x()), fit,
                MicrodataResult.Phrase.of("risk.population.model.snb", variant, k, s.x(), s.y()));
    }

    /** SNB uniques for the configured variant (NaN without an estimate). */
    double snbUniques() {
        Outcome o = snb();
        return usable(o) ? o.uniques() : Double.NaN;
    }

    /**
     * ARX's SNB system: its objective (the second equation multiplied by (1−d)^(α+2), d =
     * (1−π)(1−β)) and its hand-derived Jacobian, in ARX's grouping.
     */
    private void snbArx(double k, double f, double a, double b, double[] out) {
        snbArxObjective(k, f, a, b, out, c1, c2);
        double d = (b - 1d) * (f - 1d);
        double dm1 = d - 1d;
        double rest = 1d - d;
        double g = a * d / dm1 - 1d;
        double ratioPow = Math.pow(-b / dm1, a);
        double f2 = Math.pow(f, 2d);
        double bPow = Math.pow(b, a);
        double aBf2k = a * (bPow * f2 * k);
        double twoRestPow = 2d * Math.pow(rest, a + 2d);
        double dm1Sq = Math.pow(dm1, 2d);
        double fk = f * k;
        double fm1 = f - 1d;
        double am1 = a - 1d;
        double bm1 = b - 1d;
        double am1d = am1 * d;
        double f2k = f2 * k;
        double h = am1d + 2d;
        double f2kh = f2k * h;
        out[2] = -fk * Math.log(-b / dm1) * g * ratioPow - (fk * ratioPow * d) / dm1;
        out[3] = a * fk * (1d / dm1 - (b * fm1) / dm1Sq) * g * Math.pow((-b / dm1), am1) - fk
                * ratioPow * ((a * fm1) / dm1 - (a * bm1 * Math.pow(fm1, 2d)) / dm1Sq);
        out[4] = (aBf2k * Math.log(rest) * h * bm1) / twoRestPow
                - (aBf2k * Math.pow(bm1, 2d) * fm1) / twoRestPow
                - (bPow * f2kh * bm1) / twoRestPow
                - (a * bPow * f2k * Math.log(b) * h * bm1) / twoRestPow;
        out[5] = -(aBf2k * h) / twoRestPow - (Math.pow(a, 2d) * Math.pow(b, am1) * f2kh * bm1) / twoRestPow
                - (a * bPow * f2k * am1d) / twoRestPow
                - (a * bPow * f2kh * (a + 2d) * d) / (2d * Math.pow(rest, a + 3d));
    }

    /** ARX's SNB objective with the given observed c1 and c2 (see {@link #snbArx}). */
    private static void snbArxObjective(double k, double f, double a, double b, double[] out, double obs1,
            double obs2) {
        double d = (1 - f) * (1 - b);
        out[0] = k * f * Math.pow(b / (1 - d), a) * (((a * d) / (1 - d)) + 1) - obs1;
        out[1] = k * a * Math.pow(b, a) * (f * f) * (1 - b) / 2 * Math.pow(1 - d, a + 2) * (2 - (1 - a) * d) - obs2;
    }

    /**
     * Chen's SNB equations: expected numbers of sample classes of size 1 and 2 under the shifted
     * negative binomial F−1 ~ NB(α, β), thinned with π, minus the observed c1 and c2.
     */
    private static void snbEquations(double k, double f, double a, double b, double obs1, double obs2,
            double[] out) {
        double d = (1 - f) * (1 - b);
        double rest = 1 - d;
        out[0] = k * f * Math.pow(b / rest, a) * ((a * d) / rest + 1) - obs1;
        out[1] = k * a * Math.pow(b, a) * f * f * (1 - b) / 2 / Math.pow(rest, a + 2) * (2 - (1 - a) * d) - obs2;
    }

    /** The corrected system with a central-difference Jacobian. */
    private void snbCorrected(double k, double f, double a, double b, double[] out) {
        snbEquations(k, f, a, b, c1, c2, out);
        double[] tmp = new double[2];
        double[] x = {a, b};
        for (int col = 0; col < 2; col++) {
            double h = 1e-7 * Math.max(1.0, Math.abs(x[col]));
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[col] += h;
            minus[col] -= h;
            snbEquations(k, f, plus[0], plus[1], c1, c2, tmp);
            double p0 = tmp[0];
            double p1 = tmp[1];
            snbEquations(k, f, minus[0], minus[1], c1, c2, tmp);
            out[2 + col] = (p0 - tmp[0]) / (2 * h);
            out[4 + col] = (p1 - tmp[1]) / (2 * h);
        }
    }

    /**
     * Shlosser-type estimate of the number of non-empty population classes (Haas et al.):
     * K = J + c1 · [Σ i q²(1−q²)^{i−1} c_i / Σ (1−q)^i((1+q)^i − 1) c_i] · [Σ (1−q)^i c_i / Σ i q (1−q)^{i−1} c_i]².
     */
    double shlosserClasses(double q) {
        return shlosser(q, false);
    }

    /** ARX's version, which subtracts 1 per histogram entry in the second sum. */
    double shlosserClassesArx(double q) {
        return shlosser(q, true);
    }

    private double shlosser(double q, boolean arx) {
        double a = 0;
        double b = 0;
        double c = 0;
        double e = 0;
        double q2 = q * q;
        for (int i = 0; i < sizes.length; i++) {
            double s = sizes[i];
            double cnt = counts[i];
            double down = Math.pow(1 - q, s) * cnt;
            a += s * q2 * Math.pow(1 - q2, s - 1) * cnt;
            b += arx ? down * Math.pow(1 + q, s) - 1 : down * (Math.pow(1 + q, s) - 1);
            c += down;
            e += s * q * Math.pow(1 - q, s - 1) * cnt;
        }
        return classes + c1 * (a / b) * (c / e) * (c / e);
    }
}
