package org.releaseauditor.core.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The two attacks that use nearest neighbours in the release (Anonymeter's
 * {@code LinkabilityEvaluator} and {@code InferenceEvaluator}, re-implemented).
 *
 * <p><b>Linkability.</b> The attacker holds two sources about the same people: one with the
 * columns A, one with the columns B (they may overlap). For each target record of the original,
 * its A part and its B part are each matched to their k nearest release records; the link
 * succeeds when the two sets of neighbours share a record. The baseline draws k random release
 * records for each part.
 *
 * <p><b>Inference.</b> The attacker knows the auxiliary columns of a target and guesses the
 * secret column as the secret of the nearest release record. A guess of a label is correct when
 * equal; a guess of a number is correct when |guess − value| ≤ tolerance · |value| (Anonymeter
 * divides by the guess instead, which misbehaves for negative or zero guesses). Two missing
 * values count as a correct guess. The baseline guesses the secret of a random release record.
 *
 * <p>Targets are drawn without replacement from the original and, separately, from the control
 * set; when a set is smaller than the number of attacks, all of its records are attacked.
 */
final class NeighbourAttacks {

    private NeighbourAttacks() {
    }

    static AttackResult linkability(EvaluationData data, int[] auxA, int[] auxB, List<String> namesA,
            List<String> namesB, int neighbours, int attacks, long seed, double z, double[] ranges, int[] cardinality,
            ProgressMonitor monitor) {
        List<EvaluationNote> notes = new ArrayList<>();
        int k = Math.min(neighbours, data.release.rows);
        monitor.update("evaluation.progress.neighbourIndex", 0, 1);
        NeighbourIndex a = new NeighbourIndex(data.release, auxA, ranges, cardinality, monitor.slice(0.0, 0.05));
        NeighbourIndex b = new NeighbourIndex(data.release, auxB, ranges, cardinality, monitor.slice(0.05, 0.1));
        int n = targets(data.original.rows, attacks, notes, "evaluation.note.attacksClamped");
        int[] targets = Streams.sample(data.original.rows, n, Streams.of(seed, Streams.LINKABILITY, Streams.ATTACK));
        boolean control = data.control != null;
        int nc = control ? targets(data.control.rows, attacks, notes, "evaluation.note.controlAttacksClamped") : 0;
        ProgressMonitor attackPart = monitor.slice(0.1, control ? 0.55 : 1.0);
        int successes = links(a, b, data.original, targets, k, attackPart);
        double controlSuccesses = -1;
        if (control) {
            int[] ct = Streams.sample(data.control.rows, nc, Streams.of(seed, Streams.LINKABILITY, Streams.CONTROL));
            controlSuccesses = links(a, b, data.control, ct, k, monitor.slice(0.55, 1.0));
        }
        SplittableRandom rnd = Streams.of(seed, Streams.LINKABILITY, Streams.BASELINE);
        int baseline = 0;
        for (int i = 0; i < n; i++) {
            int[] x = Streams.sample(data.release.rows, k, rnd);
            int[] y = Streams.sample(data.release.rows, k, rnd);
            if (intersect(x, y)) {
                baseline++;
            }
        }
        AttackSetup setup = new AttackSetup.Linkability(namesA, namesB, k, nc);
        return ResultBuilder.build(AttackType.LINKABILITY, n, successes, baseline, nc, controlSuccesses, z, setup,
                notes);
    }

    private static int links(NeighbourIndex a, NeighbourIndex b, Table t, int[] targets, int k,
            ProgressMonitor monitor) {
        int successes = 0;
        for (int i = 0; i < targets.length; i++) {
            if (i % 256 == 0) {
                monitor.checkCancelled();
                monitor.update("evaluation.progress.linkability", i, targets.length);
            }
            int[] x = a.nearest(t, targets[i], k, null);
            int[] y = b.nearest(t, targets[i], k, null);
            if (intersect(x, y)) {
                successes++;
            }
        }
        monitor.update("evaluation.progress.linkability", targets.length, targets.length);
        return successes;
    }

    static boolean intersect(int[] x, int[] y) {
        for (int u : x) {
            for (int v : y) {
                if (u == v) {
                    return true;
                }
            }
        }
        return false;
    }

    static AttackResult inference(EvaluationData data, int[] aux, List<String> auxNames, int secret,
            String secretName, double tolerance, int attacks, long seed, double z, double[] ranges, int[] cardinality,
            ProgressMonitor monitor) {
        List<EvaluationNote> notes = new ArrayList<>();
        NeighbourIndex index = new NeighbourIndex(data.release, aux, ranges, cardinality, monitor.slice(0.0, 0.1));
        int n = targets(data.original.rows, attacks, notes, "evaluation.note.attacksClamped");
        int[] targets = Streams.sample(data.original.rows, n, Streams.of(seed, Streams.INFERENCE, Streams.ATTACK));
        boolean control = data.control != null;
        int nc = control ? targets(data.control.rows, attacks, notes, "evaluation.note.controlAttacksClamped") : 0;
        boolean numeric = data.release.num[secret] != null;
        int successes = guesses(index, data.original, targets, data.release, secret, numeric, tolerance,
                monitor.slice(0.1, control ? 0.55 : 1.0));
        double controlSuccesses = -1;
        if (control) {
            int[] ct = Streams.sample(data.control.rows, nc, Streams.of(seed, Streams.INFERENCE, Streams.CONTROL));
            controlSuccesses = guesses(index, data.control, ct, data.release, secret, numeric, tolerance,
                    monitor.slice(0.55, 1.0));
        }
        SplittableRandom rnd = Streams.of(seed, Streams.INFERENCE, Streams.BASELINE);
        int relRows = data.release.rows;
        int[] random = n <= relRows ? Streams.sample(relRows, n, rnd) : null;
        int baseline = 0;
        for (int i = 0; i < n; i++) {
            int g = random != null ? random[i] : rnd.nextInt(relRows);
            if (correct(data.release, g, data.original, targets[i], secret, numeric, tolerance)) {
                baseline++;
            }
        }
        AttackSetup setup = new AttackSetup.Inference(auxNames, secretName, numeric, tolerance, nc);
        return ResultBuilder.build(AttackType.INFERENCE, n, successes, baseline, nc, controlSuccesses, z, setup, notes);
    }

    private static int guesses(NeighbourIndex index, Table t, int[] targets, Table release, int secret,
            boolean numeric, double tolerance, ProgressMonitor monitor) {
        int successes = 0;
        for (int i = 0; i < targets.length; i++) {
            if (i % 256 == 0) {
                monitor.checkCancelled();
                monitor.update("evaluation.progress.inference", i, targets.length);
            }
            int g = index.nearest(t, targets[i], 1, null)[0];
            if (correct(release, g, t, targets[i], secret, numeric, tolerance)) {
                successes++;
            }
        }
        monitor.update("evaluation.progress.inference", targets.length, targets.length);
        return successes;
    }

    /** Whether the secret of release row {@code g} is a correct guess of row {@code r} of {@code t}. */
    static boolean correct(Table release, int g, Table t, int r, int secret, boolean numeric, double tolerance) {
        if (numeric) {
            double guess = release.num[secret][g];
            double value = t.num[secret][r];
            if (Double.isNaN(guess) || Double.isNaN(value)) {
                return Double.isNaN(guess) && Double.isNaN(value);
            }
            return Math.abs(guess - value) <= tolerance * Math.abs(value);
        }
        return release.cat[secret][g] == t.cat[secret][r];
    }

    private static int targets(int rows, int attacks, List<EvaluationNote> notes, String key) {
        if (attacks > rows) {
            notes.add(EvaluationNote.of(key, attacks, rows));
            return rows;
        }
        return attacks;
    }
}
