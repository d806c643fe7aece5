package org.releaseauditor.core.risk;

import java.util.SplittableRandom;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Population uniqueness estimates from a sample's class-size histogram: Zayatz (1991), Pitman
 * (Hoshino 2001), Chen's slide negative binomial (SNB, 1998) and the decision rule of Dankar et
 * al. (2012), following ARX's {@code ModelZayatz}, {@code ModelPitman}, {@code ModelSNB} and
 * {@code RiskModelPopulationUniqueness}. Deviations from ARX are listed in
 * {@code src/docs/metrics-microdata.md}.
 */
final class PopulationUniquenessEstimator {

    /** Newton–Raphson accuracy (ARX default). */
    static final double ACCURACY = 1e-6;
    /** Iterations per start value (ARX default). */
    static final int ITERATIONS_PER_TRY = 1000;
    /** Total iterations over all start values for the closed-form solvers (ARX default). */
    static final int ITERATIONS_TOTAL = 10000;
    /** Total iterations for the O(n)-per-step iterative Pitman fallback. */
    static final int ITERATIONS_TOTAL_ITERATIVE = 1000;
    /** Seed of the deterministic restart values (ARX uses Math.random()). */
    private static final long RESTART_SEED = 0x5EEDL;

    private final long[] sizes;
    private final long[] counts;
    private final double n;
    private final double populationSize;
    private final double pi;
    private final double classes;
    private final double c1;
    private final double c2;
    private final ProgressMonitor monitor;

    PopulationUniquenessEstimator(ClassSizeHistogram histogram, long populationSize, ProgressMonitor monitor) {
        this.sizes = histogram.classSizes();
        this.counts = histogram.classCounts();
        this.n = histogram.records();
        this.populationSize = populationSize;
        this.pi = n / this.populationSize;
        this.classes = histogram.classes();
        this.c1 = histogram.countOfSize(1);
        this.c2 = histogram.countOfSize(2);
        this.monitor = monitor;
    }

    /** All estimates plus the Dankar decision. */
    MicrodataResult.PopulationUniqueness estimate() {
        long bigN = (long) populationSize;
        if (c1 == 0) {
            return new MicrodataResult.PopulationUniqueness(bigN, pi, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                    MicrodataResult.UniquenessModel.NONE);
        }
        monitor.update("progress.risk.population", 0, 3);
        double zayatz = valid(zayatzUniques());
        monitor.update("progress.risk.population", 1, 3);
        double pitman = valid(pitmanUniques());
        monitor.update("progress.risk.population", 2, 3);
        double snb = valid(snbUniques());
        monitor.update("progress.risk.population", 3, 3);

        double dankar;
        MicrodataResult.UniquenessModel model;
        if (pi <= 0.1) {
            if (isUsable(pitman)) {
                dankar = pitman;
                model = MicrodataResult.UniquenessModel.PITMAN;
            } else {
                dankar = zayatz;
                model = MicrodataResult.UniquenessModel.ZAYATZ;
            }
        } else if (isUsable(snb)) {
            if (zayatz < snb) {
                dankar = zayatz;
                model = MicrodataResult.UniquenessModel.ZAYATZ;
            } else {
                dankar = snb;
                model = MicrodataResult.UniquenessModel.SNB;
            }
        } else {
            dankar = zayatz;
            model = MicrodataResult.UniquenessModel.ZAYATZ;
        }
        if (!isUsable(dankar)) {
            model = MicrodataResult.UniquenessModel.NONE;
        }
        return new MicrodataResult.PopulationUniqueness(bigN, pi,
                fraction(pitman), fraction(zayatz), fraction(snb), fraction(dankar),
                count(pitman), count(zayatz), count(snb), count(dankar), model);
    }

    /** ARX treats NaN and 0 as "no estimate". */
    private static boolean isUsable(double v) {
        return !Double.isNaN(v) && v != 0d;
    }

    /** A count in [0, N], or NaN. */
    private double valid(double uniques) {
        return uniques >= 0 && uniques <= populationSize && !Double.isInfinite(uniques) ? uniques : Double.NaN;
    }

    private Double fraction(double uniques) {
        return Double.isNaN(uniques) ? null : uniques / populationSize;
    }

    private static Double count(double uniques) {
        return Double.isNaN(uniques) ? null : uniques;
    }

    // ------------------------------------------------------------------------------- Zayatz

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

    /** Pitman: ML fit of (θ, α), uniques = Γ(θ+1)/Γ(θ+α)·N^α. */
    double pitmanUniques() {
        double c2x = c2 != 0 ? c2 : 1; // overestimate, as ARX
        double c = (c1 * (c1 - 1)) / c2x;
        double u = classes;
        double t = ((n * u * c) - (c1 * (n - 1) * ((2 * u) + c))) / (((2 * c1 * u) + (c1 * c)) - (n * c));
        double a = ((t * (c1 - n)) + ((n - 1) * c1)) / (n * u);

        double[] start = {t, a};
        double[] result = newton(start, this::pitmanClosed, true, ITERATIONS_TOTAL);
        if (Double.isNaN(result[0]) || Double.isNaN(result[1])) {
            result = newton(start, this::pitmanIterative, true, ITERATIONS_TOTAL_ITERATIVE);
        } else {
            double[] check = new double[6];
            pitmanIterative(result, check);
            if (Double.isNaN(check[0]) || Double.isNaN(check[1])
                    || Math.abs(check[0]) > ACCURACY || Math.abs(check[1]) > ACCURACY) {
                result = newton(start, this::pitmanIterative, true, ITERATIONS_TOTAL_ITERATIVE);
            }
        }
        double theta = result[0];
        double alpha = result[1];
        if (Double.isNaN(theta) || Double.isNaN(alpha) || alpha == 0) {
            return Double.NaN;
        }
        double uniques = Math.exp(SpecialFunctions.lnGamma(theta + 1) - SpecialFunctions.lnGamma(theta + alpha))
                * Math.pow(populationSize, alpha);
        return uniques >= 0 && uniques <= populationSize ? uniques : Double.NaN;
    }

    /**
     * Score equations of the Pitman log-likelihood and their Jacobian in closed form:
     * S_θ = Σ_{i&lt;J} 1/(θ+iα) − Σ_{i&lt;n} 1/(θ+i), S_α = Σ_{i&lt;J} i/(θ+iα) − Σ_j Σ_{k&lt;f_j} 1/(k−α),
     * with the sums written through ψ and ψ'. out = {S_θ, S_α, J11, J12, J21, J22}.
     */
    private void pitmanClosed(double[] x, double[] out) {
        double t = x[0];
        double a = x[1];
        double u = classes;
        double r = t / a;
        double psiHigh = SpecialFunctions.digamma(r + u);
        double psiLow = SpecialFunctions.digamma(r + 1);
        double triHigh = SpecialFunctions.trigamma(r + u);
        double triLow = SpecialFunctions.trigamma(r + 1);
        double sumInv = (psiHigh - psiLow) / a;                 // Σ 1/(t+ia)
        double sumInvSq = (triLow - triHigh) / (a * a);         // Σ 1/(t+ia)²
        double sumI = (u - 1) / a - r * sumInv;                 // Σ i/(t+ia)
        double sumIInvSq = (sumInv - t * sumInvSq) / a;         // Σ i/(t+ia)²
        double sumI2InvSq = ((u - 1) - 2 * t * sumInv + t * t * sumInvSq) / (a * a); // Σ i²/(t+ia)²
        double sampleInv = SpecialFunctions.digamma(n + t) - SpecialFunctions.digamma(t + 1);
        double sampleInvSq = SpecialFunctions.trigamma(t + 1) - SpecialFunctions.trigamma(n + t);
        monitor.checkCancelled();
        double classInv = 0;
        double classInvSq = 0;
        double psiOne = SpecialFunctions.digamma(1 - a);
        double triOne = SpecialFunctions.trigamma(1 - a);
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != 1) {
                classInv += counts[i] * (SpecialFunctions.digamma(sizes[i] - a) - psiOne);
                classInvSq += counts[i] * (triOne - SpecialFunctions.trigamma(sizes[i] - a));
            }
        }
        pitmanStore(out, sumInv - sampleInv, sumI - classInv, sampleInvSq - sumInvSq, -sumIInvSq,
                -sumI2InvSq - classInvSq);
    }

    /** Stores the score vector and the symmetric Jacobian. */
    private static void pitmanStore(double[] out, double scoreTheta, double scoreAlpha, double d11, double d12,
                                    double d22) {
        out[0] = scoreTheta;
        out[1] = scoreAlpha;
        out[2] = d11;
        out[3] = d12;
        out[4] = d12;
        out[5] = d22;
    }

    /** The same equations by explicit summation (slow, exact reference). */
    private void pitmanIterative(double[] x, double[] out) {
        double t = x[0];
        double a = x[1];
        double sumInv = 0;
        double sumInvSq = 0;
        double sumI = 0;
        double sumIInvSq = 0;
        double sumI2InvSq = 0;
        for (long i = 1; i < classes; i++) {
            double v = t + i * a;
            double inv = 1.0 / v;
            double invSq = inv * inv;
            sumInv += inv;
            sumInvSq += invSq;
            sumI += i * inv;
            sumIInvSq += i * invSq;
            sumI2InvSq += (double) i * i * invSq;
        }
        monitor.checkCancelled();
        double classInv = 0;
        double classInvSq = 0;
        for (int s = 0; s < sizes.length; s++) {
            double v1 = 0;
            double v2 = 0;
            for (long k = 1; k < sizes[s]; k++) {
                double d = k - a;
                v1 += 1.0 / d;
                v2 += 1.0 / (d * d);
            }
            classInv += counts[s] * v1;
            classInvSq += counts[s] * v2;
        }
        monitor.checkCancelled();
        double sampleInv = 0;
        double sampleInvSq = 0;
        for (long i = 1; i < n; i++) {
            double v = t + i;
            sampleInv += 1.0 / v;
            sampleInvSq += 1.0 / (v * v);
        }
        pitmanStore(out, sumInv - sampleInv, sumI - classInv, sampleInvSq - sumInvSq, -sumIInvSq,
                -sumI2InvSq - classInvSq);
    }

    // ---------------------------------------------------------------------------------- SNB

    /** SNB: fit (α, β) to c1 and c2 given the Shlosser estimate K; uniques = K·β^α. */
    double snbUniques() {
        double f = pi;
        double k = shlosserClasses(f);
        EquationSystem system = (x, out) -> {
            snbEquations(k, f, x[0], x[1], out);
            // Jacobian by central differences (ARX's hand-derived one belongs to another objective)
            double[] tmp = new double[2];
            for (int col = 0; col < 2; col++) {
                double h = 1e-7 * Math.max(1.0, Math.abs(x[col]));
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[col] += h;
                minus[col] -= h;
                snbEquations(k, f, plus[0], plus[1], tmp);
                double p0 = tmp[0];
                double p1 = tmp[1];
                snbEquations(k, f, minus[0], minus[1], tmp);
                out[2 + col] = (p0 - tmp[0]) / (2 * h);
                out[4 + col] = (p1 - tmp[1]) / (2 * h);
            }
        };
        double[] result = newton(new double[] {1.0, 1.0}, system, false, ITERATIONS_TOTAL);
        if (Double.isNaN(result[0]) || Double.isNaN(result[1])) {
            return Double.NaN;
        }
        return k * Math.pow(result[1], result[0]);
    }

    /**
     * Expected numbers of sample classes of size 1 and 2 under the shifted negative binomial
     * F−1 ~ NB(α, β), thinned with π, minus the observed c1 and c2.
     */
    private void snbEquations(double k, double f, double a, double b, double[] out) {
        double d = (1 - f) * (1 - b);
        double rest = 1 - d;
        out[0] = k * f * Math.pow(b / rest, a) * ((a * d) / rest + 1) - c1;
        out[1] = k * a * Math.pow(b, a) * f * f * (1 - b) / 2 / Math.pow(rest, a + 2) * (2 - (1 - a) * d) - c2;
    }

    /**
     * Shlosser-type estimate of the number of non-empty population classes (Haas et al.):
     * K = J + c1 · [Σ i q²(1−q²)^{i−1} c_i / Σ (1−q)^i((1+q)^i − 1) c_i] · [Σ (1−q)^i c_i / Σ i q (1−q)^{i−1} c_i]².
     */
    double shlosserClasses(double q) {
        double a = 0;
        double b = 0;
        double c = 0;
        double e = 0;
        double q2 = q * q;
        for (int i = 0; i < sizes.length; i++) {
            double s = sizes[i];
            double cnt = counts[i];
            double down = Math.pow(1 - q, s);
            a += s * q2 * Math.pow(1 - q2, s - 1) * cnt;
            b += down * (Math.pow(1 + q, s) - 1) * cnt;
            c += down * cnt;
            e += s * q * Math.pow(1 - q, s - 1) * cnt;
        }
        return classes + c1 * (a / b) * (c / e) * (c / e);
    }

    // ------------------------------------------------------------------------- Newton–Raphson

    /** Evaluates the equations at x into out = {F1, F2, J11, J12, J21, J22}. */
    @FunctionalInterface
    interface EquationSystem {
        void evaluate(double[] x, double[] out);
    }

    /**
     * 2-D Newton–Raphson as in ARX's solver: stop when both |F| ≤ accuracy; a try ends after
     * {@link #ITERATIONS_PER_TRY} steps, on NaN, or (Pitman) when θ &lt; 0; later tries start from
     * (u·x0, v·y0) with u, v uniform in [−1, 1] from a fixed seed.
     *
     * @return the root, or NaNs
     */
    double[] newton(double[] start, EquationSystem system, boolean thetaNonNegative, int totalIterations) {
        SplittableRandom random = new SplittableRandom(RESTART_SEED);
        double[] out = new double[6];
        double[] x = start.clone();
        int total = 0;
        boolean first = true;
        while (total <= totalIterations) {
            if (!first) {
                x = new double[] {(random.nextDouble() * 2 - 1) * start[0], (random.nextDouble() * 2 - 1) * start[1]};
            }
            first = false;
            int iterations = 0;
            while (true) {
                total++;
                monitor.checkCancelled();
                system.evaluate(x, out);
                if (Math.abs(out[0]) <= ACCURACY && Math.abs(out[1]) <= ACCURACY) {
                    return x;
                }
                double scalar = 1.0 / (out[2] * out[5] - out[3] * out[4]);
                double i11 = out[5] * scalar;
                double i12 = -out[3] * scalar;
                double i21 = -out[4] * scalar;
                double i22 = out[2] * scalar;
                double dx = i11 * out[0] + i12 * out[1];
                double dy = i21 * out[0] + i22 * out[1];
                x[0] -= dx;
                x[1] -= dy;
                if (thetaNonNegative && !(x[0] >= 0)) {
                    break;
                }
                if (Double.isNaN(x[0]) || Double.isNaN(x[1]) || iterations++ >= ITERATIONS_PER_TRY) {
                    break;
                }
                if (total > totalIterations) {
                    break;
                }
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }
}
