package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        long done = 0;
        long total = targets.size();
        for (Component comp : comps.values()) {
            if (comp.targets.isEmpty()) {
                continue;
            }
            monitor.checkCancelled();
            monitor.update("aggregate.progress.audit", done, total);
            LinearSystem system = comp.system(model);
            int[] local = new int[comp.targets.size()];
            for (int i = 0; i < local.length; i++) {
                local[i] = comp.local(comp.targets.get(i));
            }
            double[][] r = solver.ranges(system, local, monitor);
            boolean integral = comp.integral;
            for (int i = 0; i < local.length; i++) {
                double lo = r[i][0];
                double hi = r[i][1];
                if (integral && !Double.isNaN(lo)) {
                    lo = Math.ceil(lo - EPS);
                    hi = Double.isInfinite(hi) ? hi : Math.floor(hi + EPS);
                }
                range.put(comp.targets.get(i), new double[] {Math.max(0, lo), hi});
            }
            done += local.length;
        }
        LOGGER.info("Audited {} withheld cells in {} linked components", targets.size(), comps.size());
        List<AuditedCell> out = new ArrayList<>(targets.size());
        for (int[] tg : targets) {
            CountTable t = tables.get(tg[0]);
            double[] r = range.get(tg[2]);
            boolean feasible = !Double.isNaN(r[0]) && !Double.isNaN(r[1]);
            double required = req.required(r[1]);
            boolean exposed = feasible && (r[1] - r[0] < required || r[1] - r[0] < EPS);
            out.add(new AuditedCell(t.name(), tg[1], t.key(tg[1]), r[0], r[1], required, exposed, feasible));
        }
        return out;
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
