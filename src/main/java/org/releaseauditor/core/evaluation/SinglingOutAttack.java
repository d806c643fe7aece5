package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The singling-out attack (Anonymeter's {@code SinglingOutEvaluator}, re-implemented).
 *
 * <p>The attacker reads the release and writes predicates that match exactly one release record,
 * betting that they also match exactly one person of the original. <b>Univariate</b> predicates
 * use one attribute: "is missing" when exactly one release value is missing, "≤ minimum" and
 * "≥ maximum" of every numeric column, and "= v" for every value v that occurs once in the
 * release; they are shuffled and kept while they single out a release record. <b>Multivariate</b>
 * predicates are built from a random release record and a random set of columns: "= v" for a
 * label, "≥ v" for a number above the release median and "≤ v" otherwise, "is missing" for a
 * missing value; a predicate is kept when it singles out its record and is new. An attack
 * succeeds when its predicate matches exactly one record of the original; its control success is
 * the same on the control set. The <b>baseline</b> draws the same number of random predicates
 * (random columns, random release values, random comparisons) and counts those that single out an
 * original record.
 *
 * <p>All rates are over the requested number of attacks: when the release allows fewer
 * predicates, the missing ones count as failures (as in Anonymeter) and a note says so. Records
 * are counted as they are: duplicates are not dropped (Anonymeter drops them), because two equal
 * records are two people whom a predicate cannot tell apart.
 */
final class SinglingOutAttack {

    private final EvaluationData data;
    private final int[] cardinality;
    private final PredicateCounter original;
    private final PredicateCounter release;
    private final PredicateCounter control;

    SinglingOutAttack(EvaluationData data, int[] cardinality, ProgressMonitor monitor) {
        this.data = data;
        this.cardinality = cardinality;
        monitor.update("evaluation.progress.indexing", 0, 3);
        this.original = new PredicateCounter(data.original, cardinality);
        monitor.checkCancelled();
        monitor.update("evaluation.progress.indexing", 1, 3);
        this.release = new PredicateCounter(data.release, cardinality);
        monitor.checkCancelled();
        monitor.update("evaluation.progress.indexing", 2, 3);
        this.control = data.control == null ? null : new PredicateCounter(data.control, cardinality);
        monitor.update("evaluation.progress.indexing", 3, 3);
    }

    AttackResult run(boolean multivariate, int attacks, int columnsPerPredicate, long maxAttempts, long seed, double z,
            ProgressMonitor monitor) {
        long stream = multivariate ? Streams.MULTIVARIATE : Streams.UNIVARIATE;
        int k = multivariate ? columnsPerPredicate : 1;
        AttackType type = multivariate ? AttackType.SINGLING_OUT_MULTIVARIATE : AttackType.SINGLING_OUT_UNIVARIATE;
        String phase = "evaluation.progress." + type.path();

        int baseline = baseline(attacks, k, Streams.of(seed, stream, Streams.BASELINE), monitor.slice(0.0, 0.2));

        long[] attempts = new long[1];
        List<Predicate> predicates = multivariate
                ? multivariate(attacks, k, maxAttempts, Streams.of(seed, stream, Streams.ATTACK), attempts,
                        monitor.slice(0.2, 0.7))
                : univariate(attacks, Streams.of(seed, stream, Streams.ATTACK), attempts, monitor.slice(0.2, 0.7));

        int successes = 0;
        int[] matches = control == null ? null : new int[predicates.size()];
        // h(m, n_o) vanishes for m > n_c − n_o + 1; a smaller control needs full counts for the fit
        int cap = control == null ? 0
                : data.control.rows > data.original.rows ? data.control.rows - data.original.rows + 2
                : data.control.rows + 1;
        for (int i = 0; i < predicates.size(); i++) {
            if (i % 1024 == 0) {
                monitor.checkCancelled();
                monitor.update(phase, 70 + 30L * i / Math.max(1, predicates.size()), 100);
            }
            Predicate p = predicates.get(i);
            if (original.singlesOut(p)) {
                successes++;
            }
            if (control != null) {
                matches[i] = control.countUpTo(p, cap);
            }
        }
        List<EvaluationNote> notes = new ArrayList<>();
        if (predicates.size() < attacks) {
            notes.add(EvaluationNote.of("evaluation.note.fewPredicates", predicates.size(), attacks, attempts[0]));
        }
        int controlMatches = -1;
        double controlSuccesses = -1;
        ControlSizeCorrection.Method method = null;
        if (control != null) {
            controlMatches = 0;
            for (int m : matches) {
                controlMatches += m == 1 ? 1 : 0;
            }
            ControlSizeCorrection.Outcome o = ControlSizeCorrection.correct(matches, data.control.rows,
                    data.original.rows);
            controlSuccesses = o.successes();
            method = o.method();
            if (method == ControlSizeCorrection.Method.DOWNSAMPLED) {
                notes.add(EvaluationNote.of("evaluation.note.controlDownsampled", data.control.rows, data.original.rows,
                        controlMatches, Math.round(controlSuccesses * 10.0) / 10.0));
            } else if (method == ControlSizeCorrection.Method.EXTRAPOLATED) {
                notes.add(EvaluationNote.of("evaluation.note.controlExtrapolated", data.control.rows,
                        data.original.rows, controlMatches, Math.round(controlSuccesses * 10.0) / 10.0));
            }
        }
        monitor.update(phase, 100, 100);
        AttackSetup setup = new AttackSetup.SinglingOut(k, predicates.size(), attempts[0], controlMatches,
                control == null ? Double.NaN : controlSuccesses,
                method == null ? null : method.name().toLowerCase(java.util.Locale.ROOT));
        return ResultBuilder.build(type, attacks, successes, baseline, attacks, controlSuccesses, z, setup, notes);
    }

    /** Successes of {@code attacks} random predicates with {@code k} conditions against the original. */
    private int baseline(int attacks, int k, SplittableRandom rnd, ProgressMonitor monitor) {
        int m = cardinality.length;
        // the values an attacker can pick per column: the release's distinct values (and "missing")
        double[][] values = new double[m][];
        boolean[] hasMissing = new boolean[m];
        for (int j = 0; j < m; j++) {
            hasMissing[j] = release.missing(j) > 0;
            if (data.release.cat[j] != null) {
                int[] present = new int[cardinality[j]];
                int n = 0;
                for (int code = 0; code < cardinality[j]; code++) {
                    if (release.countCode(j, code) > 0) {
                        present[n++] = code;
                    }
                }
                values[j] = new double[n];
                for (int i = 0; i < n; i++) {
                    values[j][i] = present[i];
                }
            } else {
                values[j] = release.distinctValues(j);
            }
        }
        Predicate.Op[] numericOps = {Predicate.Op.EQ, Predicate.Op.NE, Predicate.Op.GT, Predicate.Op.LT,
            Predicate.Op.GE, Predicate.Op.LE};
        int successes = 0;
        for (int a = 0; a < attacks; a++) {
            if (a % 1024 == 0) {
                monitor.checkCancelled();
                monitor.update("evaluation.progress.baseline", a, attacks);
            }
            int[] cols = Streams.sample(m, k, rnd);
            Predicate.Op[] ops = new Predicate.Op[k];
            double[] vals = new double[k];
            for (int i = 0; i < k; i++) {
                int j = cols[i];
                int choices = values[j].length + (hasMissing[j] ? 1 : 0);
                int pick = choices == 0 ? -1 : rnd.nextInt(choices);
                if (pick < 0 || pick >= values[j].length) {
                    ops[i] = rnd.nextBoolean() ? Predicate.Op.MISSING : Predicate.Op.PRESENT;
                } else if (data.release.cat[j] != null) {
                    ops[i] = rnd.nextBoolean() ? Predicate.Op.EQ : Predicate.Op.NE;
                    vals[i] = values[j][pick];
                } else {
                    ops[i] = numericOps[rnd.nextInt(numericOps.length)];
                    vals[i] = values[j][pick];
                }
            }
            if (original.singlesOut(new Predicate(cols, ops, vals))) {
                successes++;
            }
        }
        monitor.update("evaluation.progress.baseline", attacks, attacks);
        return successes;
    }

    /** Up to {@code attacks} one-attribute predicates that single out a release record. */
    private List<Predicate> univariate(int attacks, SplittableRandom rnd, long[] attempts, ProgressMonitor monitor) {
        List<Predicate> candidates = new ArrayList<>();
        int m = cardinality.length;
        for (int j = 0; j < m; j++) {
            if (release.missing(j) == 1) {
                candidates.add(Predicate.of(j, Predicate.Op.MISSING, 0));
            }
            if (data.release.cat[j] != null) {
                for (int code = 0; code < cardinality[j]; code++) {
                    if (release.countCode(j, code) == 1) {
                        candidates.add(Predicate.of(j, Predicate.Op.EQ, code));
                    }
                }
            } else {
                double[] v = release.sortedValues(j);
                if (v.length > 0) {
                    candidates.add(Predicate.of(j, Predicate.Op.LE, v[0]));
                    candidates.add(Predicate.of(j, Predicate.Op.GE, v[v.length - 1]));
                }
                for (int i = 0; i < v.length; i++) {
                    boolean single = (i == 0 || v[i] != v[i - 1]) && (i == v.length - 1 || v[i] != v[i + 1]);
                    if (single) {
                        candidates.add(Predicate.of(j, Predicate.Op.EQ, v[i]));
                    }
                }
            }
        }
        Streams.shuffle(candidates, rnd);
        List<Predicate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long tried = 0;
        for (Predicate p : candidates) {
            if (out.size() >= attacks) {
                break;
            }
            if (tried % 4096 == 0) {
                monitor.checkCancelled();
                monitor.update("evaluation.progress.predicates", out.size(), attacks);
            }
            tried++;
            if (seen.add(p.key()) && release.singlesOut(p)) {
                out.add(p);
            }
        }
        attempts[0] = tried;
        return out;
    }

    /** Up to {@code attacks} new predicates with {@code k} conditions from release records. */
    private List<Predicate> multivariate(int attacks, int k, long maxAttempts, SplittableRandom rnd, long[] attempts,
            ProgressMonitor monitor) {
        int m = cardinality.length;
        double[] medians = new double[m];
        for (int j = 0; j < m; j++) {
            medians[j] = data.release.num[j] == null ? Double.NaN : median(release.sortedValues(j));
        }
        Table rel = data.release;
        List<Predicate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long tried = 0;
        while (out.size() < attacks && tried < maxAttempts) {
            if (tried % 4096 == 0) {
                monitor.checkCancelled();
                monitor.update("evaluation.progress.predicates", out.size(), attacks);
            }
            tried++;
            int r = rnd.nextInt(rel.rows);
            int[] cols = Streams.sample(m, k, rnd);
            Predicate.Op[] ops = new Predicate.Op[k];
            double[] vals = new double[k];
            for (int i = 0; i < k; i++) {
                int j = cols[i];
                if (rel.isMissing(j, r)) {
                    ops[i] = Predicate.Op.MISSING;
                } else if (rel.cat[j] != null) {
                    ops[i] = Predicate.Op.EQ;
                    vals[i] = rel.cat[j][r];
                } else {
                    double x = rel.num[j][r];
                    ops[i] = x > medians[j] ? Predicate.Op.GE : Predicate.Op.LE;
                    vals[i] = x;
                }
            }
            Predicate p = new Predicate(cols, ops, vals);
            if (release.singlesOut(p) && seen.add(p.key())) {
                out.add(p);
            }
        }
        attempts[0] = tried;
        return out;
    }

    /** Median of ascending values (mean of the two middle ones for an even count); NaN when empty. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
