package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Trajectory recovery from footfall counts (Xu et al., "Trajectory Recovery From Ash", WWW 2017),
 * as a stress test: aggregate ground truth to counts per slot × area, rebuild individual
 * trajectories from the counts alone, and measure how much comes back.
 *
 * <p>Within a day, the attack links consecutive slots by minimum-cost assignment (Hungarian):
 * at night the cost is the distance from a trajectory's last place to a candidate place (people
 * stay put); by day it is the distance from the place extrapolated with the last step's velocity.
 * Across days, it links each day's trajectories to the accumulated ones by minimum information
 * gain (the entropy increase of the merged place distribution). Simplifications against the paper:
 * plain Euclidean distances between area coordinates (or 0/1 when area names carry none), fixed
 * night hours, and no population estimate (the number of users is the count per slot).
 *
 * <p>Scoring counts only observed points. An assignment can have several optimal choices that
 * give different trajectories (people who stand in one place and then leave for two places): the
 * attack then picks one arbitrarily. Such ties are detected exactly (an alternating cycle of
 * zero reduced cost in the assignment's dual solution), and the result reports a range: for a few
 * users every distinct tie-break is enumerated, otherwise a number of random tie-breaks is
 * sampled, and a bound that holds for every tie-break is always given (see {@link #bounds}).
 */
public final class TrajectoryRecovery {
    /** The most random tie-breaks one run may evaluate ({@link Config#tieSamples()}). */
    public static final int MAX_TIE_SAMPLES = 1000;

    /**
     * @param nightFrom       first night slot of a day (inclusive)
     * @param nightTo         last night slot (exclusive); wraps around midnight when {@code < nightFrom}
     * @param topK            k for the top-k place uniqueness
     * @param tieSamples      random tie-breaks to evaluate when the attack ties and there are too
     *                        many users to enumerate every tie-break (0 = none: only the proven
     *                        bound is given); each costs one more run of the attack
     * @param exhaustiveUsers up to this many users, every distinct tie-break is enumerated
     *                        (brute force over assignments, so at most 8)
     * @param exhaustiveRuns  at most this many tie-break combinations are enumerated; beyond, the
     *                        range covers those evaluated and is not exact
     */
    public record Config(int nightFrom, int nightTo, int topK, int tieSamples, int exhaustiveUsers,
            int exhaustiveRuns) {

        /** Default tie handling: no random samples, enumeration up to 7 users and 256 combinations. */
        public Config(int nightFrom, int nightTo, int topK) {
            this(nightFrom, nightTo, topK, 0, 7, 256);
        }

        /** Night 22:00–07:00 for the given slot length, top-2 places (home and work). */
        public static Config defaults(int slotsPerDay) {
            return new Config(slotsPerDay * 22 / 24, slotsPerDay * 7 / 24, 2);
        }

        /** A copy with {@code tieSamples} random tie-breaks. */
        public Config withTieSamples(int samples) {
            return new Config(nightFrom, nightTo, topK, samples, exhaustiveUsers, exhaustiveRuns);
        }

        /** Checks the options before any work starts. */
        public void validate() throws ConfigurationException {
            if (topK < 1) {
                throw new ConfigurationException("aggregate.error.option", "--top-k", topK, "a whole number of at least 1");
            }
            if (tieSamples < 0 || tieSamples > MAX_TIE_SAMPLES) {
                throw new ConfigurationException("aggregate.error.option", "--tie-samples", tieSamples,
                        "a whole number from 0 to " + MAX_TIE_SAMPLES);
            }
            if (exhaustiveUsers < 0 || exhaustiveUsers > 8 || exhaustiveRuns < 1) {
                throw new ConfigurationException("aggregate.error.option", "exhaustive tie-breaks",
                        exhaustiveUsers + "/" + exhaustiveRuns, "at most 8 users and at least 1 run");
            }
        }
    }

    /** Makes the attack's assignment decisions, in time order. */
    interface Chooser {
        /**
         * @param cost       rows (trajectories) × columns (candidates)
         * @param colKey     columns with the same key are interchangeable (same place, same day)
         * @param divergence the first slot whose recovered points can depend on this decision
         * @return for every row its column
         */
        int[] choose(double[][] cost, int[] colKey, int divergence);
    }

    private final GroundTruth truth;
    private final Config config;

    public TrajectoryRecovery(GroundTruth truth, Config config) {
        this.truth = truth;
        this.config = config;
    }

    /** Runs the attack on the footfall of the ground truth and scores it against the truth. */
    public RecoveryResult run(ProgressMonitor monitor) {
        int[][] footfall = truth.footfall();
        Canonical canonical = new Canonical();
        int[][] recovered = recover(footfall, canonical, monitor.slice(0, 0.5));
        Score best = evaluate(recovered, monitor);
        int n = truth.users();
        long points = truth.observedPoints();
        double lo = best.accuracy;
        double hi = best.accuracy;
        double wlo = best.withinDay;
        double whi = best.withinDay;
        int runs = 1;
        boolean exact = true;
        double[] bound = {best.accuracy, best.accuracy};
        if (canonical.ties > 0) {
            bound = bounds(recovered, canonical.divergence, monitor);
            List<int[][]> others = new ArrayList<>();
            if (n <= config.exhaustiveUsers()) {
                exact = enumerate(footfall, others, monitor);
            } else {
                exact = false;
                for (int k = 0; k < config.tieSamples(); k++) {
                    others.add(recover(footfall, new RandomChooser(new Random(k + 1L)), monitor));
                }
            }
            for (int[][] rec : others) {
                Score sc = evaluate(rec, monitor);
                lo = Math.min(lo, sc.accuracy);
                hi = Math.max(hi, sc.accuracy);
                wlo = Math.min(wlo, sc.withinDay);
                whi = Math.max(whi, sc.withinDay);
            }
            runs = Math.max(1, others.size());
        }
        return new RecoveryResult(n, truth.slots(), days(), truth.areas().size(),
                truth.hasCoordinates() ? "euclidean" : "discrete", points, best.accuracy, best.withinDay,
                config.topK(), best.uniqueness, best.reidentified, canonical.ties, runs, exact, lo, hi, wlo, whi,
                bound[0], bound[1]);
    }

    private int days() {
        int spd = truth.slotsPerDay();
        return (truth.slots() + spd - 1) / spd;
    }

    /** The attack: rebuilds {@code [trajectory][slot]} areas from counts {@code [slot][area]}. */
    public int[][] recover(int[][] footfall, ProgressMonitor monitor) {
        return recover(footfall, new Canonical(), monitor);
    }

    int[][] recover(int[][] footfall, Chooser chooser, ProgressMonitor monitor) {
        int slots = footfall.length;
        int spd = truth.slotsPerDay();
        int days = (slots + spd - 1) / spd;
        int n = 0;
        for (int c : slots == 0 ? new int[0] : footfall[0]) {
            n += c;
        }
        int[][] full = new int[n][slots];
        double[][] hist = new double[n][truth.areas().size()];
        for (int d = 0; d < days; d++) {
            monitor.checkCancelled();
            monitor.update("aggregate.progress.recovery", d, days);
            int from = d * spd;
            int to = Math.min(slots, from + spd);
            int[][] daily = recoverDay(footfall, from, to, n, new Random(d), chooser, monitor);
            int[] link = d == 0 ? identity(n) : linkDay(hist, daily, chooser, from);
            for (int i = 0; i < n; i++) {
                int[] src = daily[link[i]];
                for (int s = from; s < to; s++) {
                    full[i][s] = src[s - from];
                    hist[i][src[s - from]]++;
                }
            }
        }
        return full;
    }

    private static int[] identity(int n) {
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        return id;
    }

    /** Whether a slot of the day is at night (people stay put). */
    boolean night(int slotOfDay) {
        return config.nightFrom() <= config.nightTo()
                ? slotOfDay >= config.nightFrom() && slotOfDay < config.nightTo()
                : slotOfDay >= config.nightFrom() || slotOfDay < config.nightTo();
    }

    private int[][] recoverDay(int[][] footfall, int from, int to, int n, Random rnd, Chooser chooser,
            ProgressMonitor monitor) {
        int[][] day = new int[n][to - from];
        int[] first = points(footfall[from], n);
        // the attacker does not know which point is whom: start in an arbitrary order
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = first[i];
            first[i] = first[j];
            first[j] = t;
        }
        for (int i = 0; i < n; i++) {
            day[i][0] = first[i];
        }
        double[][] cost = new double[n][n];
        for (int s = from + 1; s < to; s++) {
            monitor.checkCancelled();
            int[] next = points(footfall[s], n);
            boolean still = night(s % truth.slotsPerDay());
            for (int i = 0; i < n; i++) {
                int cur = day[i][s - from - 1];
                double px = truth.hasCoordinates() ? truth.x()[cur] : 0;
                double py = truth.hasCoordinates() ? truth.y()[cur] : 0;
                if (!still && s - from >= 2 && truth.hasCoordinates()) {
                    int prev = day[i][s - from - 2];
                    px += truth.x()[cur] - truth.x()[prev];
                    py += truth.y()[cur] - truth.y()[prev];
                }
                for (int j = 0; j < n; j++) {
                    int a = next[j];
                    cost[i][j] = truth.hasCoordinates() ? Math.hypot(truth.x()[a] - px, truth.y()[a] - py)
                            : a == cur ? 0 : 1;
                }
            }
            // day 0 is never re-linked, so its points stay in place up to the first tie; a later
            // day's tie can change how the whole day is linked
            int[] assign = chooser.choose(cost, next, from == 0 ? s : from);
            for (int i = 0; i < n; i++) {
                day[i][s - from] = next[assign[i]];
            }
        }
        return day;
    }

    /** Expands counts to one point per person, in area order. */
    private static int[] points(int[] counts, int n) {
        int[] p = new int[n];
        int k = 0;
        for (int a = 0; a < counts.length; a++) {
            for (int c = 0; c < counts[a] && k < n; c++) {
                p[k++] = a;
            }
        }
        return p;
    }

    /** Links accumulated trajectories (rows) to the day's trajectories (columns) by information gain. */
    private static int[] linkDay(double[][] hist, int[][] daily, Chooser chooser, int from) {
        int n = hist.length;
        Map<String, Integer> same = new HashMap<>();
        int[] key = new int[n];
        for (int j = 0; j < n; j++) {
            key[j] = same.computeIfAbsent(Arrays.toString(daily[j]), k -> same.size());
        }
        return chooser.choose(linkCosts(hist, daily), key, from);
    }

    /**
     * The information gain of appending day trajectory j to accumulated trajectory i: the entropy
     * of the merged place distribution minus the size-weighted entropies of the two parts.
     *
     * @param hist  visits per accumulated trajectory and area
     * @param daily the day's trajectories (area per slot)
     */
    static double[][] linkCosts(double[][] hist, int[][] daily) {
        int n = hist.length;
        double[] size = new double[n];
        double[] plogp = new double[n];
        for (int i = 0; i < n; i++) {
            for (double v : hist[i]) {
                size[i] += v;
                plogp[i] += v > 0 ? v * Math.log(v) : 0;
            }
        }
        List<Map<Integer, Integer>> q = new ArrayList<>(n);
        for (int[] d : daily) {
            Map<Integer, Integer> m = new HashMap<>();
            for (int a : d) {
                m.merge(a, 1, Integer::sum);
            }
            q.add(m);
        }
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            double hp = entropy(size[i], plogp[i]);
            for (int j = 0; j < n; j++) {
                double qsize = daily[j].length;
                double qlog = 0;
                double merged = plogp[i];
                for (Map.Entry<Integer, Integer> e : q.get(j).entrySet()) {
                    double pv = hist[i][e.getKey()];
                    double qv = e.getValue();
                    qlog += qv * Math.log(qv);
                    merged += -(pv > 0 ? pv * Math.log(pv) : 0) + (pv + qv) * Math.log(pv + qv);
                }
                double total = size[i] + qsize;
                double hm = entropy(total, merged);
                double hq = entropy(qsize, qlog);
                cost[i][j] = hm - (size[i] * hp + qsize * hq) / total;
            }
        }
        return cost;
    }

    /** Entropy of a distribution given its total T and Σ v·ln v: ln T − (Σ v ln v)/T. */
    private static double entropy(double total, double sumVLogV) {
        return total <= 0 ? 0 : Math.log(total) - sumVLogV / total;
    }

    // ---- scoring -------------------------------------------------------------------------

    private record Score(double accuracy, double withinDay, double uniqueness, double reidentified) {
    }

    /** Scores recovered trajectories against the truth (observed points only). */
    public RecoveryResult score(int[][] recovered, ProgressMonitor monitor) {
        Score s = evaluate(recovered, monitor);
        return new RecoveryResult(truth.users(), truth.slots(), days(), truth.areas().size(),
                truth.hasCoordinates() ? "euclidean" : "discrete", truth.observedPoints(), s.accuracy, s.withinDay,
                config.topK(), s.uniqueness, s.reidentified, 0, 1, true, s.accuracy, s.accuracy, s.withinDay,
                s.withinDay, s.accuracy, s.accuracy);
    }

    private Score evaluate(int[][] recovered, ProgressMonitor monitor) {
        int[][] t = truth.truth();
        int n = t.length;
        int slots = truth.slots();
        int spd = truth.slotsPerDay();
        double points = truth.observedPoints();
        if (n == 0 || points == 0) {
            return new Score(0, 0, 0, 0);
        }
        int[] match = new int[n];
        double accuracy = matched(recovered, 0, slots, match, monitor) / points;
        double within = 0;
        for (int d = 0; d < days(); d++) {
            within += matched(recovered, d * spd, Math.min(slots, (d + 1) * spd), new int[n], monitor);
        }
        within /= points;
        int k = config.topK();
        List<String> recKeys = new ArrayList<>();
        List<String> trueKeys = new ArrayList<>();
        Map<String, Integer> recFreq = new HashMap<>();
        Map<String, Integer> trueFreq = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String rk = topK(recovered[i], null, k);
            String tk = topK(t[i], truth.observed()[i], k);
            recKeys.add(rk);
            trueKeys.add(tk);
            recFreq.merge(rk, 1, Integer::sum);
            trueFreq.merge(tk, 1, Integer::sum);
        }
        int unique = 0;
        int reid = 0;
        for (int i = 0; i < n; i++) {
            String rk = recKeys.get(i);
            if (recFreq.get(rk) == 1) {
                unique++;
            }
            if (trueFreq.getOrDefault(rk, 0) == 1 && trueKeys.get(match[i]).equals(rk)) {
                reid++;
            }
        }
        return new Score(accuracy, within, (double) unique / n, (double) reid / n);
    }

    /**
     * The number of observed points in slots {@code [from, to)} that recovered trajectories get
     * right, after matching them one-to-one to true trajectories to maximise that number.
     */
    private double matched(int[][] rec, int from, int to, int[] match, ProgressMonitor monitor) {
        int[][] t = truth.truth();
        boolean[][] obs = truth.observed();
        int n = rec.length;
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            for (int u = 0; u < n; u++) {
                int same = 0;
                for (int s = from; s < to; s++) {
                    if (obs[u][s] && rec[i][s] == t[u][s]) {
                        same++;
                    }
                }
                cost[i][u] = -same;
            }
        }
        int[] a = Hungarian.solve(cost);
        System.arraycopy(a, 0, match, 0, n);
        return -Hungarian.total(cost, a);
    }

    /**
     * Bounds of the accuracy over every tie-break. All tie-breaks agree on every decision before
     * the first tie, so they recover the same points in the slots before {@code divergence}. Let
     * P be the best matched score on those slots and R the observed points from
     * {@code divergence} on: any tie-break scores at least P (its best matching is at least the
     * matching that is best on the common slots) and at most P + R.
     */
    double[] bounds(int[][] recovered, int divergence, ProgressMonitor monitor) {
        double points = truth.observedPoints();
        if (points == 0) {
            return new double[] {0, 0};
        }
        int d = Math.max(0, Math.min(divergence, truth.slots()));
        double common = matched(recovered, 0, d, new int[recovered.length], monitor);
        long rest = 0;
        for (boolean[] row : truth.observed()) {
            for (int s = d; s < row.length; s++) {
                rest += row[s] ? 1 : 0;
            }
        }
        return new double[] {common / points, Math.min(1.0, (common + rest) / points)};
    }

    /** The k most visited areas (ties: lower code first) as a sorted key; {@code only} masks slots. */
    static String topK(int[] traj, boolean[] only, int k) {
        Map<Integer, Integer> freq = new HashMap<>();
        for (int s = 0; s < traj.length; s++) {
            if (only == null || only[s]) {
                freq.merge(traj[s], 1, Integer::sum);
            }
        }
        List<Map.Entry<Integer, Integer>> e = new ArrayList<>(freq.entrySet());
        e.sort((p, q) -> q.getValue().equals(p.getValue()) ? Integer.compare(p.getKey(), q.getKey())
                : Integer.compare(q.getValue(), p.getValue()));
        int[] top = new int[Math.min(k, e.size())];
        for (int i = 0; i < top.length; i++) {
            top[i] = e.get(i).getKey();
        }
        Arrays.sort(top);
        return Arrays.toString(top);
    }

    // ---- tie-breaks ------------------------------------------------------------------------

    /** Every distinct tie-break, re-running the attack per combination (odometer over choices). */
    private boolean enumerate(int[][] footfall, List<int[][]> out, ProgressMonitor monitor) {
        int[] path = new int[0];
        while (out.size() < config.exhaustiveRuns()) {
            PathChooser c = new PathChooser(path);
            out.add(recover(footfall, c, monitor));
            int i = c.counts.size() - 1;
            while (i >= 0 && c.taken.get(i) + 1 >= c.counts.get(i)) {
                i--;
            }
            if (i < 0) {
                return true;
            }
            path = new int[i + 1];
            for (int j = 0; j < i; j++) {
                path[j] = c.taken.get(j);
            }
            path[i] = c.taken.get(i) + 1;
        }
        return false;
    }

    /** The attack's own choice, counting ties (exactly, from the dual solution). */
    static final class Canonical implements Chooser {
        int ties;
        int divergence = Integer.MAX_VALUE;

        @Override
        public int[] choose(double[][] cost, int[] colKey, int div) {
            Hungarian.Solution sol = Hungarian.solveWithDuals(cost);
            if (tied(cost, sol, colKey)) {
                ties++;
                divergence = Math.min(divergence, div);
            }
            return sol.assignment();
        }
    }

    /** Follows a path of choices among the distinct optimal outcomes; 0 beyond the path. */
    static final class PathChooser implements Chooser {
        final int[] path;
        final List<Integer> counts = new ArrayList<>();
        final List<Integer> taken = new ArrayList<>();

        PathChooser(int[] path) {
            this.path = path;
        }

        @Override
        public int[] choose(double[][] cost, int[] colKey, int div) {
            List<int[]> options = optimalOutcomes(cost, colKey);
            int k = counts.size() < path.length ? Math.min(path[counts.size()], options.size() - 1) : 0;
            counts.add(options.size());
            taken.add(k);
            return options.get(k);
        }
    }

    /** An optimal assignment after shuffling rows and columns: a random tie-break. */
    static final class RandomChooser implements Chooser {
        private final Random rnd;

        RandomChooser(Random rnd) {
            this.rnd = rnd;
        }

        @Override
        public int[] choose(double[][] cost, int[] colKey, int div) {
            int n = cost.length;
            int[] rows = shuffled(n);
            int[] cols = shuffled(n);
            double[][] c = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] = cost[rows[i]][cols[j]];
                }
            }
            int[] a = Hungarian.solve(c);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[rows[i]] = cols[a[i]];
            }
            return out;
        }

        private int[] shuffled(int n) {
            int[] p = identity(n);
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }
    }

    /**
     * Whether another optimal assignment gives a different outcome. Every optimal assignment uses
     * only pairs of zero reduced cost, so rows form a graph (i → k when i could take k's column at
     * no extra cost) whose cycles are exactly the alternative optima. The outcome changes when a
     * cycle passes rows whose columns have different keys; such a cycle exists exactly when a
     * strongly connected component holds two keys.
     */
    static boolean tied(double[][] cost, Hungarian.Solution sol, int[] colKey) {
        int n = cost.length;
        int[] a = sol.assignment();
        double scale = 0;
        for (double[] row : cost) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double eps = 1e-9 * (1 + scale);
        // iterative Tarjan over the implicit graph
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callNext = new int[n];
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callNext[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callNext[depth] < n) {
                    int w = callNext[depth]++;
                    if (w == v || sol.reduced(cost, v, a[w]) > eps) {
                        continue;
                    }
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callNext[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int key = colKey[a[v]];
                        boolean mixed = false;
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            mixed |= colKey[a[w]] != key;
                        } while (w != v);
                        if (mixed) {
                            return true;
                        }
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        return false;
    }

    /**
     * Every optimal assignment with a distinct outcome (brute force; for a handful of rows), the
     * Hungarian algorithm's own first.
     */
    static List<int[]> optimalOutcomes(double[][] cost, int[] colKey) {
        int n = cost.length;
        int[] best = Hungarian.solve(cost);
        double opt = Hungarian.total(cost, best);
        double eps = 1e-9 * (1 + Math.abs(opt));
        Map<String, int[]> out = new LinkedHashMap<>();
        out.put(outcome(best, colKey), best);
        if (n > 8) {
            return new ArrayList<>(out.values());
        }
        double[] rowMin = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            double m = Double.POSITIVE_INFINITY;
            for (double v : cost[i]) {
                m = Math.min(m, v);
            }
            rowMin[i] = rowMin[i + 1] + m;
        }
        permute(cost, colKey, new int[n], new boolean[n], 0, 0, opt + eps, rowMin, out);
        return new ArrayList<>(out.values());
    }

    private static void permute(double[][] cost, int[] colKey, int[] perm, boolean[] used, int row, double sum,
            double limit, double[] rowMin, Map<String, int[]> out) {
        int n = cost.length;
        if (row == n) {
            out.putIfAbsent(outcome(perm, colKey), perm.clone());
            return;
        }
        for (int j = 0; j < n; j++) {
            if (!used[j] && sum + cost[row][j] + rowMin[row + 1] <= limit) {
                used[j] = true;
                perm[row] = j;
                permute(cost, colKey, perm, used, row + 1, sum + cost[row][j], limit, rowMin, out);
                used[j] = false;
            }
        }
    }

    private static String outcome(int[] assignment, int[] colKey) {
        StringBuilder sb = new StringBuilder();
        for (int j : assignment) {
            sb.append(colKey[j]).append(',');
        }
        return sb.toString();
    }
}
