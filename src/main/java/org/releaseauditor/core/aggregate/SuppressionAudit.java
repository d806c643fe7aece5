package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.releaseauditor.core.parallel.SharedProgress;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit of withheld cells across the whole release set (METRICS.md §3): for each suppressed cell,
 * the minimum and maximum value it can take given every identity of every co-released table
 * ({@link ReleaseModel}) and {@code x ≥ 0}. Iterating table by table is unsafe (sdcTools #136),
 * so all tables form one system; it is split only into independent connected components.
 * Counts are integers, so LP bounds are rounded inwards when every coefficient is ±1 and every
 * right-hand side is whole.
 */
public final class SuppressionAudit {
    private static final Logger LOGGER = LoggerFactory.getLogger(SuppressionAudit.class);
    private static final double EPS = 1e-6;

    private SuppressionAudit() {
    }

    public static List<AuditedCell> audit(ReleaseModel model, IntervalSolver solver, ProtectionRequirement req,
            ProgressMonitor monitor) {
        int n = model.quantityCount();
        int[] parent = new int[n];
        for (int q = 0; q < n; q++) {
            parent[q] = q;
        }
        List<ReleaseModel.Identity> rows = new ArrayList<>();
        for (ReleaseModel.Identity id : model.identityList()) {
            int first = -1;
            for (int q : terms(id)) {
                if (Double.isNaN(model.known(q))) {
                    if (first < 0) {
                        first = q;
                    } else {
                        union(parent, first, q);
                    }
                }
            }
            if (first >= 0) {
                rows.add(id);
            }
        }
        // components: root → local variable numbering, rows and targets
        Map<Integer, Component> comps = new HashMap<>();
        for (ReleaseModel.Identity id : rows) {
            int root = -1;
            for (int q : terms(id)) {
                if (Double.isNaN(model.known(q))) {
                    root = find(parent, q);
                    break;
                }
            }
            comps.computeIfAbsent(root, r -> new Component()).rows.add(id);
        }
        List<CountTable> tables = model.release().tables();
        List<int[]> targets = new ArrayList<>();
        for (int ti = 0; ti < tables.size(); ti++) {
            CountTable t = tables.get(ti);
            for (int c = 0; c < t.cellCount(); c++) {
                if (t.isSuppressed(c)) {
                    targets.add(new int[] {ti, c, model.quantityOf(ti, c)});
                }
            }
        }
        Map<Integer, double[]> range = new HashMap<>();
        for (int[] tg : targets) {
            int q = tg[2];
            if (Double.isNaN(model.known(q))) {
                Component comp = comps.get(find(parent, q));
                if (comp == null) {
                    range.put(q, new double[] {0, Double.POSITIVE_INFINITY});
                } else {
                    comp.local(q);
                    if (!comp.targets.contains(q)) {
                        comp.targets.add(q);
                    }
                }
            } else {
                range.put(q, new double[] {model.known(q), model.known(q)});
            }
        }
        // independent blocks, solved in parallel (each with its own solver session)
        List<Component> work = new ArrayList<>();
        for (Component comp : comps.values()) {
            if (!comp.targets.isEmpty()) {
                work.add(comp);
            }
        }
        SharedProgress progress = new SharedProgress(monitor, "aggregate.progress.audit", targets.size());
        double[][][] solved = new double[work.size()][][];
        Workers.defaults().forEach(work.size(), k -> {
            Component comp = work.get(k);
            LinearSystem system = comp.system(model);
            int[] local = new int[comp.targets.size()];
            for (int i = 0; i < local.length; i++) {
                local[i] = comp.local(comp.targets.get(i));
            }
            solved[k] = solve(solver, system, local, monitor);
            progress.add(local.length);
        });
        for (int k = 0; k < work.size(); k++) {
            Component comp = work.get(k);
            double[][] r = solved[k];
            boolean integral = comp.integral;
            for (int i = 0; i < r.length; i++) {
                double lo = r[i][0];
                double hi = r[i][1];
                if (integral && !Double.isNaN(lo)) {
                    lo = Math.ceil(lo - EPS);
                    hi = Double.isInfinite(hi) ? hi : Math.floor(hi + EPS);
                }
                range.put(comp.targets.get(i), new double[] {Math.max(0, lo), hi});
            }
        }
        LOGGER.info("Audited {} withheld cells in {} linked components", targets.size(), comps.size());
        List<AuditedCell> out = new ArrayList<>(targets.size());
        for (int[] tg : targets) {
            CountTable t = tables.get(tg[0]);
            double[] r = range.get(tg[2]);
            out.add(AuditedCell.of(t.name(), tg[1], t.key(tg[1]), r[0], r[1], req, model.location(tg[2])));
        }
        return out;
    }

    /**
     * Min and max of each target. Interval propagation first gives valid bounds; a bound is
     * <em>proven</em> when it is the optimum of an LP or when some optimal LP solution attains it
     * (every LP solution is feasible, so a variable seen at its valid lower bound has that
     * minimum). Only unproven bounds cost a linear program.
     */
    static double[][] solve(IntervalSolver solver, LinearSystem system, int[] targets, ProgressMonitor monitor) {
        int v = system.variables();
        double[] lo = new double[v];
        double[] hi = new double[v];
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        propagate(system, lo, hi);
        for (int i = 0; i < v; i++) {
            if (lo[i] > hi[i] + EPS) {
                // no non-negative solution: the published numbers contradict each other
                double[][] out = new double[targets.length][];
                for (int t = 0; t < targets.length; t++) {
                    out[t] = new double[] {Double.NaN, Double.NaN};
                }
                return out;
            }
        }
        boolean[] minDone = new boolean[v];
        boolean[] maxDone = new boolean[v];
        for (int i = 0; i < v; i++) {
            minDone[i] = hi[i] - lo[i] < EPS;
            maxDone[i] = hi[i] - lo[i] < EPS;
        }
        IntervalSolver.Session session = null;
        // maxima first: maximising one cell pushes others to their minima, which proves many of
        // them (often 0) without a program of their own
        for (int pass = 0; pass < 2; pass++) {
            boolean max = pass == 0;
            for (int t : targets) {
                if (max ? maxDone[t] : minDone[t]) {
                    continue;
                }
                monitor.checkCancelled();
                if (session == null) {
                    session = solver.open(system);
                }
                IntervalSolver.Result res = session.optimise(t, max);
                if (res.status() == IntervalSolver.Status.INFEASIBLE) {
                    java.util.Arrays.fill(lo, Double.NaN);
                    java.util.Arrays.fill(hi, Double.NaN);
                    java.util.Arrays.fill(minDone, true);
                    java.util.Arrays.fill(maxDone, true);
                    break;
                }
                if (max) {
                    hi[t] = res.value();
                    maxDone[t] = true;
                } else {
                    lo[t] = res.value();
                    minDone[t] = true;
                }
                double[] x = res.x();
                for (int j = 0; j < x.length; j++) {
                    if (!minDone[j] && x[j] <= lo[j] + EPS) {
                        minDone[j] = true;
                    }
                    if (!maxDone[j] && x[j] >= hi[j] - EPS) {
                        maxDone[j] = true;
                    }
                }
            }
        }
        double[][] out = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            out[i] = new double[] {lo[targets[i]], hi[targets[i]]};
        }
        return out;
    }

    /** Interval constraint propagation over {@code Σ c·x = rhs} rows (valid, not always tight). */
    static void propagate(LinearSystem system, double[] lo, double[] hi) {
        for (int round = 0; round < 100; round++) {
            boolean changed = false;
            for (LinearSystem.Row row : system.rows()) {
                int[] vars = row.vars();
                double[] c = row.coefs();
                // bounds of each term c·x; sums over finite parts and counts of infinite parts
                double minSum = 0;
                double maxSum = 0;
                int minInf = 0;
                int maxInf = 0;
                for (int k = 0; k < vars.length; k++) {
                    double a = c[k] * lo[vars[k]];
                    double b = c[k] * hi[vars[k]];
                    double tmin = Math.min(a, b);
                    double tmax = Math.max(a, b);
                    if (Double.isInfinite(tmin)) {
                        minInf++;
                    } else {
                        minSum += tmin;
                    }
                    if (Double.isInfinite(tmax)) {
                        maxInf++;
                    } else {
                        maxSum += tmax;
                    }
                }
                for (int k = 0; k < vars.length; k++) {
                    double a = c[k] * lo[vars[k]];
                    double b = c[k] * hi[vars[k]];
                    double tmin = Math.min(a, b);
                    double tmax = Math.max(a, b);
                    // others' range: [othersMin, othersMax]
                    double othersMin = Double.isInfinite(tmin) ? (minInf > 1 ? Double.NEGATIVE_INFINITY : minSum)
                            : (minInf > 0 ? Double.NEGATIVE_INFINITY : minSum - tmin);
                    double othersMax = Double.isInfinite(tmax) ? (maxInf > 1 ? Double.POSITIVE_INFINITY : maxSum)
                            : (maxInf > 0 ? Double.POSITIVE_INFINITY : maxSum - tmax);
                    // c·x = rhs − others
                    double termLo = row.rhs() - othersMax;
                    double termHi = row.rhs() - othersMin;
                    double xl = c[k] > 0 ? termLo / c[k] : termHi / c[k];
                    double xh = c[k] > 0 ? termHi / c[k] : termLo / c[k];
                    int var = vars[k];
                    if (!Double.isNaN(xl) && xl > lo[var] + EPS) {
                        lo[var] = xl;
                        changed = true;
                    }
                    if (!Double.isNaN(xh) && xh < hi[var] - EPS) {
                        hi[var] = xh; // below lo: the numbers contradict each other (see solve)
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    private static int[] terms(ReleaseModel.Identity id) {
        int[] all = new int[id.children().length + 1];
        all[0] = id.parent();
        System.arraycopy(id.children(), 0, all, 1, id.children().length);
        return all;
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) {
            p[x] = p[p[x]];
            x = p[x];
        }
        return x;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[ra] = rb;
        }
    }

    /** One independent block of the release set's system. */
    private static final class Component {
        final List<ReleaseModel.Identity> rows = new ArrayList<>();
        final List<Integer> targets = new ArrayList<>();
        final Map<Integer, Integer> locals = new HashMap<>();
        boolean integral = true;

        int local(int q) {
            return locals.computeIfAbsent(q, k -> locals.size());
        }

        LinearSystem system(ReleaseModel model) {
            List<LinearSystem.Row> out = new ArrayList<>();
            for (ReleaseModel.Identity id : rows) {
                // Σ children − parent = 0, known terms moved to the right-hand side
                List<Integer> vars = new ArrayList<>();
                List<Double> coefs = new ArrayList<>();
                double rhs = 0;
                double p = model.known(id.parent());
                if (Double.isNaN(p)) {
                    vars.add(local(id.parent()));
                    coefs.add(-1.0);
                } else {
                    rhs += p;
                }
                for (int k : id.children()) {
                    double v = model.known(k);
                    if (Double.isNaN(v)) {
                        vars.add(local(k));
                        coefs.add(1.0);
                    } else {
                        rhs -= v;
                    }
                }
                if (Math.abs(rhs - Math.rint(rhs)) > EPS) {
                    integral = false;
                }
                out.add(new LinearSystem.Row(vars.stream().mapToInt(Integer::intValue).toArray(),
                        coefs.stream().mapToDouble(Double::doubleValue).toArray(), rhs));
            }
            return new LinearSystem(locals.size(), out);
        }
    }
}
