package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 */
public final class TrajectoryRecovery {

    /**
     * @param nightFrom first night slot of a day (inclusive)
     * @param nightTo   last night slot (exclusive); wraps around midnight when {@code < nightFrom}
     * @param topK      k for the top-k place uniqueness
     */
    public record Config(int nightFrom, int nightTo, int topK) {
        /** Night 22:00–07:00 for the given slot length, top-2 places (home and work). */
        public static Config defaults(int slotsPerDay) {
            return new Config(slotsPerDay * 22 / 24, slotsPerDay * 7 / 24, 2);
        }
    }

    private final GroundTruth truth;
    private final Config config;

    public TrajectoryRecovery(GroundTruth truth, Config config) {
        this.truth = truth;
        this.config = config;
    }

    /** Runs the attack on the footfall of the ground truth and scores it against the truth. */
    public RecoveryResult run(ProgressMonitor monitor) {
        int[][] recovered = recover(truth.footfall(), monitor);
        return score(recovered, monitor);
    }

    /** The attack: rebuilds {@code [trajectory][slot]} areas from counts {@code [slot][area]}. */
    public int[][] recover(int[][] footfall, ProgressMonitor monitor) {
        int slots = footfall.length;
        int spd = truth.slotsPerDay();
        int days = (slots + spd - 1) / spd;
        int n = 0;
        for (int c : footfall[0]) {
            n += c;
        }
        int[][] full = new int[n][slots];
        double[][] hist = new double[n][truth.areas().size()];
        for (int d = 0; d < days; d++) {
            monitor.checkCancelled();
            monitor.update("aggregate.progress.recovery", d, days);
            int from = d * spd;
            int to = Math.min(slots, from + spd);
            int[][] daily = recoverDay(footfall, from, to, n, new Random(d), monitor);
            int[] link = d == 0 ? identity(n) : linkDay(hist, daily);
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

    private boolean night(int slotOfDay) {
        return config.nightFrom() <= config.nightTo()
                ? slotOfDay >= config.nightFrom() && slotOfDay < config.nightTo()
                : slotOfDay >= config.nightFrom() || slotOfDay < config.nightTo();
    }

    private int[][] recoverDay(int[][] footfall, int from, int to, int n, Random rnd, ProgressMonitor monitor) {
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
            int[] assign = Hungarian.solve(cost);
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
    private static int[] linkDay(double[][] hist, int[][] daily) {
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
        return Hungarian.solve(cost);
    }

    /** Entropy of a distribution given its total T and Σ v·ln v: ln T − (Σ v ln v)/T. */
    private static double entropy(double total, double sumVLogV) {
        return total <= 0 ? 0 : Math.log(total) - sumVLogV / total;
    }

    /** Scores recovered trajectories against the truth. */
    public RecoveryResult score(int[][] recovered, ProgressMonitor monitor) {
        int[][] t = truth.truth();
        int n = t.length;
        int slots = truth.slots();
        int spd = truth.slotsPerDay();
        int days = (slots + spd - 1) / spd;
        int[] match = new int[n];
        double accuracy = n == 0 ? 0 : matchedShare(recovered, t, 0, slots, match, monitor);
        double within = 0;
        for (int d = 0; d < days; d++) {
            within += n == 0 ? 0 : matchedShare(recovered, t, d * spd, Math.min(slots, (d + 1) * spd), new int[n],
                    monitor);
        }
        within /= Math.max(1, days);
        int k = config.topK();
        List<String> recKeys = new ArrayList<>();
        List<String> trueKeys = new ArrayList<>();
        Map<String, Integer> recFreq = new HashMap<>();
        Map<String, Integer> trueFreq = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String rk = topK(recovered[i], k);
            String tk = topK(t[i], k);
            recKeys.add(rk);
            trueKeys.add(tk);
            recFreq.merge(rk, 1, Integer::sum);
            trueFreq.merge(tk, 1, Integer::sum);
        }
        int unique = 0;
        int reid = 0;
        for (int i = 0; i < n; i++) {
            if (recFreq.get(recKeys.get(i)) == 1) {
                unique++;
            }
            String rk = recKeys.get(i);
            if (trueFreq.getOrDefault(rk, 0) == 1 && trueKeys.get(match[i]).equals(rk)) {
                reid++;
            }
        }
        return new RecoveryResult(n, slots, days, truth.areas().size(),
                truth.hasCoordinates() ? "euclidean" : "discrete", accuracy, within, k,
                n == 0 ? 0 : (double) unique / n, n == 0 ? 0 : (double) reid / n);
    }

    private static double matchedShare(int[][] rec, int[][] truth, int from, int to, int[] match,
            ProgressMonitor monitor) {
        int n = rec.length;
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            for (int u = 0; u < n; u++) {
                int same = 0;
                for (int s = from; s < to; s++) {
                    if (rec[i][s] == truth[u][s]) {
                        same++;
                    }
                }
                cost[i][u] = -same;
            }
        }
        int[] a = Hungarian.solve(cost);
        System.arraycopy(a, 0, match, 0, n);
        return -Hungarian.total(cost, a) / ((double) n * (to - from));
    }

    /** The k most visited areas (ties: lower code first) as a sorted key. */
    private static String topK(int[] traj, int k) {
        Map<Integer, Integer> freq = new HashMap<>();
        for (int a : traj) {
            freq.merge(a, 1, Integer::sum);
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
}
