package org.releaseauditor.core.remediation.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.Hierarchy;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.PrimaryRules;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.ReleaseModel;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.aggregate.SuppressionAudit;
import org.releaseauditor.core.aggregate.TableRuleResult;
import org.releaseauditor.core.aggregate.UnsafeCell;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What-if remediation of aggregate tables released together: primary suppression of the cells
 * the rules find unsafe, then secondary suppression until the LP audit of all co-released tables
 * ({@link SuppressionAudit}) proves every withheld cell protected (its feasible interval at least
 * as wide as required).
 *
 * <p><b>Heuristic, with a proof.</b> Finding the cheapest secondary pattern is NP-hard (τ-ARGUS
 * and sdcTable also use heuristics). Here, each round audits the current pattern; for every
 * exposed cell it takes the identity (a margin and its cells) that pins the cell hardest (fewest
 * withheld terms) and withholds one published cell of it: the one that would itself be pinned by
 * the fewest other identities (so that withheld cells form rectangles rather than chains), then
 * the cheapest: its count for the suppressed-total objective, one per table showing it for the
 * cell-count objective (ties: the smaller count, then model order). Zero cells are not used (a structural zero protects nothing). A quantity that
 * several tables publish is withheld in all of them. When no exposed cell is left, a clean-up
 * pass tries to publish secondary cells again, most expensive first, keeping each release only if
 * the audit still proves everything safe. The final audit is the proof; the result says whether
 * it holds.
 *
 * <p>Alternative, reported alongside: coarsening one dimension of a table along its hierarchy,
 * with the number of cells the threshold rule still finds unsafe.
 */
public final class AggregateRemediation {

    private static final Logger LOGGER = LoggerFactory.getLogger(AggregateRemediation.class);

    private AggregateRemediation() {
    }

    /** What to minimise among the secondary suppressions. */
    public enum Objective {
        /** The sum of the withheld counts (information loss in persons). */
        TOTAL,
        /** The number of withheld cells. */
        CELLS
    }

    /**
     * @param rules         the primary rules
     * @param protection    how wide every withheld cell's interval must be
     * @param objective     what the secondary suppression minimises
     * @param maxRounds     most audit rounds of the greedy phase
     * @param cleanupBudget most audits spent on trying to publish secondary cells again
     */
    public record Options(PrimaryRuleConfig rules, ProtectionRequirement protection, Objective objective,
                          int maxRounds, int cleanupBudget) {
        public Options {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(protection, "protection");
            Objects.requireNonNull(objective, "objective");
        }

        public static Options of(PrimaryRuleConfig rules, ProtectionRequirement protection, Objective objective) {
            return new Options(rules, protection, objective, 200, 100);
        }

        void validate() throws ConfigurationException {
            if (maxRounds < 1) {
                throw new ConfigurationException("risk.config.invalidParameter", "rounds", maxRounds, "at least 1");
            }
            if (cleanupBudget < 0) {
                throw new ConfigurationException("risk.config.invalidParameter", "clean-up budget", cleanupBudget,
                        "0 or more");
            }
        }
    }

    /**
     * One cell the remediation withholds.
     *
     * @param table  table name
     * @param index  row index of the cell in its table
     * @param cell   the cell's key
     * @param value  its raw count
     * @param reason {@code primary:threshold} (and other rules), or {@code secondary}
     */
    public record SuppressedCell(String table, int index, List<String> cell, double value, String reason) {
        public SuppressedCell {
            cell = List.copyOf(cell);
        }
    }

    /** Coarsening one dimension of one table to a level of its hierarchy. */
    public record Coarsening(String table, String dimension, String level, int cellsBefore, int cellsAfter,
                             int unsafeBefore, int unsafeAfter) {
    }

    /**
     * @param primary          cells withheld because a primary rule fires
     * @param secondary        cells withheld to protect them
     * @param alreadyWithheld  cells the input withheld already
     * @param suppressedCells  primary + secondary cells (each table cell counted)
     * @param suppressedTotal  the sum of their counts
     * @param safe             whether the final audit proves every withheld cell protected
     * @param audit            the final audit of every withheld cell
     * @param rounds           audit rounds of the greedy phase
     * @param audits           audits run in total (rounds plus clean-up)
     * @param remediated       the release with the pattern applied (counts NaN where withheld)
     * @param coarsenings      the coarser-dimension alternative, per table and hierarchy level
     * @param runtimeMillis    wall-clock time
     */
    public record Result(List<SuppressedCell> primary, List<SuppressedCell> secondary, int alreadyWithheld,
                         int suppressedCells, double suppressedTotal, boolean safe, List<AuditedCell> audit,
                         int rounds, int audits, ReleaseSet remediated, List<Coarsening> coarsenings,
                         long runtimeMillis) {
        public Result {
            primary = List.copyOf(primary);
            secondary = List.copyOf(secondary);
            audit = List.copyOf(audit);
            coarsenings = List.copyOf(coarsenings);
        }

        /** Withheld cells whose interval the final audit still finds too narrow. */
        public List<AuditedCell> exposed() {
            return audit.stream().filter(AuditedCell::exposed).toList();
        }
    }

    /** Runs primary and secondary suppression on a release set. */
    public static Result run(ReleaseSet release, Options options, IntervalSolver solver, ProgressMonitor monitor)
            throws AuditException {
        options.validate();
        long t0 = System.nanoTime();
        String phase = Messages.get("remediation.progress.aggregate");
        monitor.update(phase, 0, 1);
        List<CountTable> tables = release.tables();
        boolean[][] withheld = new boolean[tables.size()][];
        int already = 0;
        for (int ti = 0; ti < tables.size(); ti++) {
            CountTable t = tables.get(ti);
            withheld[ti] = new boolean[t.cellCount()];
            for (int c = 0; c < t.cellCount(); c++) {
                if (t.isSuppressed(c)) {
                    withheld[ti][c] = true;
                    already++;
                }
            }
        }
        ReleaseModel base = ReleaseModel.build(release, monitor.slice(0, 0.05));
        Map<String, Integer> tableIndex = new HashMap<>();
        for (int ti = 0; ti < tables.size(); ti++) {
            tableIndex.put(tables.get(ti).name(), ti);
        }

        // primary suppression
        Map<Long, String> reasons = new LinkedHashMap<>();
        for (TableRuleResult tr : PrimaryRules.apply(release, options.rules(), monitor.slice(0.05, 0.1))) {
            int ti = tableIndex.get(tr.table());
            for (UnsafeCell u : tr.unsafe()) {
                String reason = "primary:" + String.join("+", u.rules());
                for (long cellKey : sourcesOf(base, ti, u.index())) {
                    reasons.putIfAbsent(cellKey, reason);
                }
            }
        }
        for (long k : reasons.keySet()) {
            withheld[(int) (k >>> 32)][(int) k] = true;
        }

        // secondary suppression: greedy rounds
        Set<Long> secondary = new LinkedHashSet<>();
        int rounds = 0;
        int audits = 0;
        List<AuditedCell> audit = List.of();
        ReleaseSet current = release;
        while (rounds < options.maxRounds()) {
            monitor.checkCancelled();
            monitor.update(phase, rounds, options.maxRounds());
            current = apply(release, withheld);
            ReleaseModel model = ReleaseModel.build(current, ProgressMonitor.none());
            audit = SuppressionAudit.audit(model, solver, options.protection(), monitor.slice(0.1, 0.9));
            rounds++;
            audits++;
            List<Long> added = protect(model, audit, withheld, options.objective(), tableIndex);
            if (audit.stream().noneMatch(AuditedCell::exposed)) {
                break;
            }
            if (added.isEmpty()) {
                break;
            }
            secondary.addAll(added);
        }

        // clean-up: publish secondary cells again where the audit still proves everything safe
        if (audit.stream().noneMatch(AuditedCell::exposed) && options.cleanupBudget() > 0) {
            List<Long> order = new ArrayList<>(secondary);
            order.sort(Comparator.comparingDouble((Long k) -> -cost(release, k, options.objective()))
                    .thenComparingLong(k -> k));
            int budget = options.cleanupBudget();
            for (long k : order) {
                if (budget-- <= 0) {
                    break;
                }
                monitor.checkCancelled();
                int ti = (int) (k >>> 32);
                int c = (int) k;
                List<Long> group = new ArrayList<>();
                for (long s : sourcesOf(base, ti, c)) {
                    if (secondary.contains(s)) {
                        group.add(s);
                    }
                }
                for (long s : group) {
                    withheld[(int) (s >>> 32)][(int) s] = false;
                }
                ReleaseSet trial = apply(release, withheld);
                List<AuditedCell> a = SuppressionAudit.audit(ReleaseModel.build(trial, ProgressMonitor.none()), solver,
                        options.protection(), ProgressMonitor.none());
                audits++;
                if (a.stream().noneMatch(AuditedCell::exposed)) {
                    secondary.removeAll(group);
                    current = trial;
                    audit = a;
                } else {
                    for (long s : group) {
                        withheld[(int) (s >>> 32)][(int) s] = true;
                    }
                }
            }
        }
        current = apply(release, withheld);

        List<SuppressedCell> primaryCells = new ArrayList<>();
        for (Map.Entry<Long, String> e : reasons.entrySet()) {
            primaryCells.add(cell(release, e.getKey(), e.getValue()));
        }
        List<SuppressedCell> secondaryCells = new ArrayList<>();
        for (long k : secondary) {
            if (!reasons.containsKey(k)) {
                secondaryCells.add(cell(release, k, "secondary"));
            }
        }
        double total = 0;
        for (SuppressedCell s : primaryCells) {
            total += s.value();
        }
        for (SuppressedCell s : secondaryCells) {
            total += s.value();
        }
        boolean safe = audit.stream().noneMatch(AuditedCell::exposed);
        List<Coarsening> coarsenings = coarsenings(release, options.rules());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOGGER.info("Aggregate remediation: primary={}, secondary={}, safe={}, rounds={}, audits={}, {} ms",
                primaryCells.size(), secondaryCells.size(), safe, rounds, audits, millis);
        monitor.update(phase, 1, 1);
        return new Result(primaryCells, secondaryCells, already, primaryCells.size() + secondaryCells.size(), total,
                safe, audit, rounds, audits, current, coarsenings, millis);
    }

    /** The withheld cells of a result, as a decision's condition records them. */
    public static org.releaseauditor.core.remediation.Transformation.Aggregates transformation(Result r,
            Objective objective, String token) {
        Map<String, List<org.releaseauditor.core.remediation.Transformation.Aggregates.Cell>> out = new LinkedHashMap<>();
        List<SuppressedCell> all = new ArrayList<>(r.primary());
        all.addAll(r.secondary());
        for (SuppressedCell s : all) {
            out.computeIfAbsent(s.table(), k -> new ArrayList<>()).add(
                    new org.releaseauditor.core.remediation.Transformation.Aggregates.Cell(String.join("|", s.cell()),
                            s.index(), s.reason()));
        }
        return new org.releaseauditor.core.remediation.Transformation.Aggregates(out, objective.name(), token);
    }

    /**
     * A table file's dataset with the count of every cell the remediated table withholds replaced by
     * {@code token}; row c of the dataset is cell c of the table (as {@code CountTableReader} reads
     * it). Every other value is kept as it was.
     */
    public static org.releaseauditor.core.model.Dataset withheldCopy(org.releaseauditor.core.model.Dataset original,
            String countColumn, CountTable remediated, String token) throws ConfigurationException {
        int idx = original.indexOf(countColumn);
        if (idx < 0) {
            throw new ConfigurationException("risk.config.unknownColumn", countColumn, "count", original.name(),
                    String.join(", ", original.columnNames()));
        }
        if (remediated.cellCount() != original.rowCount()) {
            throw new IllegalArgumentException("the table has " + remediated.cellCount() + " cells, the file "
                    + original.rowCount() + " rows");
        }
        org.releaseauditor.core.model.Column c = original.columns().get(idx);
        List<String> dict = new ArrayList<>(List.of(c.dictionary()));
        int tokenCode = dict.indexOf(token);
        if (tokenCode < 0) {
            tokenCode = dict.size();
            dict.add(token);
        }
        int[] codes = new int[c.size()];
        for (int r = 0; r < codes.length; r++) {
            codes[r] = remediated.isSuppressed(r) ? tokenCode : c.code(r);
        }
        return original.withColumn(idx, new org.releaseauditor.core.model.Column(c.name(), c.type(),
                dict.toArray(new String[0]), codes, codes.length));
    }

    private static long key(int table, int cell) {
        return ((long) table << 32) | (cell & 0xffffffffL);
    }

    /** Every (table, cell) that publishes the same quantity as (table, cell). */
    private static List<Long> sourcesOf(ReleaseModel model, int table, int cell) {
        int[] s = model.sources(model.quantityOf(table, cell));
        List<Long> out = new ArrayList<>(s.length / 2);
        for (int i = 0; i < s.length; i += 2) {
            out.add(key(s[i], s[i + 1]));
        }
        return out;
    }

    private static double cost(ReleaseSet release, long k, Objective objective) {
        double v = release.tables().get((int) (k >>> 32)).raw((int) k);
        return objective == Objective.CELLS ? 1 : v;
    }

    private static SuppressedCell cell(ReleaseSet release, long k, String reason) {
        CountTable t = release.tables().get((int) (k >>> 32));
        int c = (int) k;
        return new SuppressedCell(t.name(), c, t.key(c), t.raw(c), reason);
    }

    /**
     * For every exposed cell, withholds the cheapest published cell of the identity that pins it
     * hardest. Returns the (table, cell) keys added.
     */
    private static List<Long> protect(ReleaseModel model, List<AuditedCell> audit, boolean[][] withheld,
                                      Objective objective, Map<String, Integer> tableIndex) {
        Map<Integer, List<ReleaseModel.Identity>> byQuantity = new HashMap<>();
        for (ReleaseModel.Identity id : model.identityList()) {
            byQuantity.computeIfAbsent(id.parent(), k -> new ArrayList<>()).add(id);
            for (int c : id.children()) {
                byQuantity.computeIfAbsent(c, k -> new ArrayList<>()).add(id);
            }
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (AuditedCell a : audit) {
            if (!a.exposed()) {
                continue;
            }
            int q = model.quantityOf(tableIndex.get(a.table()), a.index());
            ReleaseModel.Identity pin = null;
            int pinUnknown = Integer.MAX_VALUE;
            int pick = -1;
            int pickExposures = Integer.MAX_VALUE;
            for (ReleaseModel.Identity id : byQuantity.getOrDefault(q, List.of())) {
                int unknown = 0;
                int best = -1;
                int bestExposures = Integer.MAX_VALUE;
                for (int t : terms(id)) {
                    if (Double.isNaN(model.known(t)) || chosen.contains(t)) {
                        unknown++;
                    } else if (candidate(model, t)) {
                        int exposures = exposures(model, t, id, byQuantity, chosen);
                        if (best < 0 || exposures < bestExposures
                                || exposures == bestExposures && cheaper(model, t, best, objective)) {
                            best = t;
                            bestExposures = exposures;
                        }
                    }
                }
                if (best >= 0 && (unknown < pinUnknown || unknown == pinUnknown && bestExposures < pickExposures)) {
                    pin = id;
                    pinUnknown = unknown;
                    pick = best;
                    pickExposures = bestExposures;
                }
            }
            if (pin != null) {
                chosen.add(pick);
            }
        }
        List<Long> added = new ArrayList<>();
        for (int q : chosen) {
            int[] s = model.sources(q);
            for (int i = 0; i < s.length; i += 2) {
                if (!withheld[s[i]][s[i + 1]]) {
                    withheld[s[i]][s[i + 1]] = true;
                    added.add(key(s[i], s[i + 1]));
                }
            }
        }
        return added;
    }

    private static int[] terms(ReleaseModel.Identity id) {
        int[] t = new int[id.children().length + 1];
        t[0] = id.parent();
        System.arraycopy(id.children(), 0, t, 1, id.children().length);
        return t;
    }

    /**
     * How many identities other than {@code via} would have {@code t} as their only unknown term
     * once t is withheld: each would pin t at once and cost another round.
     */
    private static int exposures(ReleaseModel model, int t, ReleaseModel.Identity via,
                                 Map<Integer, List<ReleaseModel.Identity>> byQuantity, Set<Integer> chosen) {
        int n = 0;
        for (ReleaseModel.Identity other : byQuantity.getOrDefault(t, List.of())) {
            if (other == via) {
                continue;
            }
            boolean alone = true;
            for (int x : terms(other)) {
                if (x != t && (Double.isNaN(model.known(x)) || chosen.contains(x))) {
                    alone = false;
                    break;
                }
            }
            if (alone) {
                n++;
            }
        }
        return n;
    }

    /** A published, non-zero cell that some table shows. */
    private static boolean candidate(ReleaseModel model, int q) {
        double v = model.known(q);
        return !model.unpublished(q) && !Double.isNaN(v) && v > 0;
    }

    private static boolean cheaper(ReleaseModel model, int a, int b, Objective objective) {
        double va = model.known(a);
        double vb = model.known(b);
        if (objective == Objective.TOTAL && va != vb) {
            return va < vb;
        }
        if (objective == Objective.CELLS) {
            int ca = model.sources(a).length;
            int cb = model.sources(b).length;
            if (ca != cb) {
                return ca < cb;
            }
            if (va != vb) {
                return va < vb;
            }
        }
        return a < b;
    }

    /** The release with the withheld cells set to NaN (raw counts; contributions kept). */
    static ReleaseSet apply(ReleaseSet release, boolean[][] withheld) {
        List<CountTable> out = new ArrayList<>();
        for (int ti = 0; ti < release.tables().size(); ti++) {
            CountTable t = release.tables().get(ti);
            int n = t.cellCount();
            int nd = t.dimensions().size();
            String[][] keys = new String[n][nd];
            double[] counts = new double[n];
            for (int c = 0; c < n; c++) {
                for (int d = 0; d < nd; d++) {
                    keys[c][d] = t.value(d, t.code(d, c));
                }
                counts[c] = withheld[ti][c] ? Double.NaN : t.raw(c);
            }
            CountTable copy = CountTable.of(t.name(), t.dimensions(), keys, counts);
            if (t.hasContributions()) {
                double[][] contributions = new double[n][];
                for (int c = 0; c < n; c++) {
                    contributions[c] = t.contributions(c);
                }
                copy = copy.withContributions(contributions);
            }
            out.add(copy);
        }
        return new ReleaseSet(release.name(), out, release.hierarchies());
    }

    /**
     * The coarser-dimension alternative: for every table dimension with a hierarchy, the table
     * summed up to each coarser level (a cell is withheld when any of its parts is), with the cells
     * the primary rules still find unsafe.
     */
    static List<Coarsening> coarsenings(ReleaseSet release, PrimaryRuleConfig rules) {
        List<Coarsening> out = new ArrayList<>();
        for (CountTable t : release.tables()) {
            int unsafeBefore = unsafe(ReleaseSet.of(t), rules);
            for (int d = 0; d < t.dimensions().size(); d++) {
                Hierarchy h = release.hierarchies().get(t.dimensions().get(d));
                if (h == null) {
                    continue;
                }
                int from = -1;
                for (int c = 0; c < t.cellCount() && from < 0; c++) {
                    int code = t.code(d, c);
                    if (code != CountTable.TOTAL) {
                        from = h.level(t.value(d, code));
                    }
                }
                if (from < 0) {
                    continue;
                }
                for (int level = from + 1; level < h.levels(); level++) {
                    if (!h.nested(from, level)) {
                        continue;
                    }
                    CountTable coarse = coarsen(t, d, h, from, level);
                    if (coarse == null) {
                        continue;
                    }
                    out.add(new Coarsening(t.name(), t.dimensions().get(d), h.levelNames().get(level), t.cellCount(),
                            coarse.cellCount(), unsafeBefore, unsafe(ReleaseSet.of(coarse), rules)));
                }
            }
        }
        return out;
    }

    private static int unsafe(ReleaseSet set, PrimaryRuleConfig rules) {
        int n = 0;
        for (TableRuleResult r : PrimaryRules.apply(set, rules, ProgressMonitor.none())) {
            n += r.unsafe().size();
        }
        return n;
    }

    static CountTable coarsen(CountTable t, int dim, Hierarchy h, int from, int level) {
        Map<String, String> parent = new HashMap<>();
        for (String node : h.nodes(level)) {
            for (String child : h.childrenAt(node, level, from)) {
                parent.put(child, node);
            }
        }
        int nd = t.dimensions().size();
        Map<List<String>, double[]> sums = new LinkedHashMap<>();
        Map<List<String>, List<Double>> parts = new LinkedHashMap<>();
        for (int c = 0; c < t.cellCount(); c++) {
            List<String> key = new ArrayList<>(nd);
            for (int d = 0; d < nd; d++) {
                String v = t.value(d, t.code(d, c));
                if (d == dim && t.code(d, c) != CountTable.TOTAL) {
                    v = parent.get(v);
                    if (v == null) {
                        return null;
                    }
                }
                key.add(v);
            }
            double[] s = sums.computeIfAbsent(key, k -> new double[1]);
            s[0] += t.raw(c);
            if (t.hasContributions()) {
                List<Double> p = parts.computeIfAbsent(key, k -> new ArrayList<>());
                for (double x : t.contributions(c)) {
                    p.add(x);
                }
            }
        }
        String[][] keys = new String[sums.size()][];
        double[] counts = new double[sums.size()];
        double[][] contributions = t.hasContributions() ? new double[sums.size()][] : null;
        int i = 0;
        for (Map.Entry<List<String>, double[]> e : sums.entrySet()) {
            keys[i] = e.getKey().toArray(new String[0]);
            counts[i] = e.getValue()[0];
            if (contributions != null) {
                contributions[i] = parts.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            }
            i++;
        }
        CountTable coarse = CountTable.of(t.name(), t.dimensions(), keys, counts);
        return contributions == null ? coarse : coarse.withContributions(contributions);
    }
}
