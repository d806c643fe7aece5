package org.releaseauditor.core.remediation.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two alternatives to cell suppression for aggregate tables (issue 17):
 *
 * <ul>
 *   <li><b>Coarsening</b> ({@link #coarsen}): every table dimension that has a hierarchy may be
 *   summed up to a coarser level of it. Every combination of levels is tried in order of the
 *   total number of steps (then: the most cells kept, then the order of the tables and
 *   dimensions); the first that passes is the least coarsening. It passes when the primary rules
 *   find no unsafe cell in the coarsened tables and, where the input withheld cells already (a
 *   coarse cell with a withheld part is withheld), the LP audit of all tables finds none exposed.</li>
 *   <li><b>Rounding</b> ({@link #round}): every cell that is not the sum of other published cells
 *   (an interior cell) is rounded conventionally to a multiple of the base (half up:
 *   {@code B·⌊(x + B/2)/B⌋}); every margin is then <em>recomputed</em> as the sum of its rounded
 *   parts, so the tables stay additive and the margins carry no information beyond the rounded
 *   interior cells. Because of that, the feasible interval of an interior cell published as r is
 *   exactly the set of counts that round to r, {@code [max(0, r − ⌊B/2⌋), r + ⌈B/2⌉ − 1]} (B
 *   values, width B − 1), and that of a margin is the sum of its parts' intervals. These exact
 *   intervals replace the LP audit (which knows withheld cells only, not published bounds). A
 *   base passes when no cell is unsafe under the primary rules applied to the rounded counts and
 *   the interval of every cell that is unsafe by its true count is at least as wide as the
 *   protection.</li>
 * </ul>
 *
 * Both work on counts only: no magnitudes, contributions or scaling factors (checked by the service).
 */
public final class AggregateAlternatives {

    private static final Logger LOGGER = LoggerFactory.getLogger(AggregateAlternatives.class);

    /** The bases tried when the user names none, smallest first. */
    public static final List<Integer> AUTO_BASES = List.of(3, 5, 10);

    /** Most combinations of levels {@link #coarsen} evaluates. */
    public static final int MAX_COMBINATIONS = 4096;

    private AggregateAlternatives() {
    }

    // ------------------------------------------------------------------------------ coarsening

    /**
     * One table dimension summed up along its hierarchy.
     *
     * @param table     table name
     * @param dimension the dimension
     * @param from      the level the table publishes (hierarchy level name)
     * @param to        the level it is summed up to
     * @param steps     levels between them (0: unchanged)
     */
    public record DimensionLevel(String table, String dimension, String from, String to, int steps) {
    }

    /**
     * The least coarsening that passes.
     *
     * @param found         whether a combination passes
     * @param levels        per table dimension with a hierarchy: the chosen level (all dimensions, steps
     *                      0 for unchanged ones); empty when nothing could be coarsened
     * @param coarsened     the release with the chosen coarsening (the input when none was found)
     * @param cellsBefore   cells of all tables as submitted
     * @param cellsAfter    cells of all tables coarsened
     * @param unsafeBefore  cells the primary rules find unsafe as submitted
     * @param unsafeAfter   cells they find unsafe in the chosen (or, when none passes, the coarsest) release
     * @param audit         the LP audit of the coarsened release's withheld cells (empty when none is withheld)
     * @param combinations  combinations of levels there are
     * @param evaluated     combinations evaluated
     * @param runtimeMillis wall-clock time
     */
    public record CoarsenResult(boolean found, List<DimensionLevel> levels, ReleaseSet coarsened, int cellsBefore,
            int cellsAfter, int unsafeBefore, int unsafeAfter, List<AuditedCell> audit, long combinations,
            int evaluated, long runtimeMillis) {
        public CoarsenResult {
            levels = List.copyOf(levels);
            audit = List.copyOf(audit);
        }

        /** The dimensions that were coarsened (steps &gt; 0). */
        public List<DimensionLevel> changed() {
            return levels.stream().filter(l -> l.steps() > 0).toList();
        }
    }

    /** One coarsenable table dimension: its hierarchy and the level the table publishes. */
    private record Axis(int table, int dim, Hierarchy h, int from, List<Integer> levels) {
    }

    /**
     * Finds the least coarsening of the release's table dimensions along their hierarchies that
     * passes the primary rules (and the LP audit where cells are withheld).
     */
    public static CoarsenResult coarsen(ReleaseSet release, PrimaryRuleConfig rules, ProtectionRequirement protection,
            IntervalSolver solver, ProgressMonitor monitor) throws AuditException {
        Objects.requireNonNull(rules, "rules");
        long t0 = System.nanoTime();
        String phase = Messages.get("remediation.progress.coarsen");
        List<Axis> axes = axes(release);
        if (axes.isEmpty()) {
            throw new ConfigurationException("remediation.coarsen.noHierarchy");
        }
        int cellsBefore = cells(release);
        int unsafeBefore = unsafe(release, rules);
        long combinations = 1;
        for (Axis a : axes) {
            combinations *= a.levels().size();
            if (combinations > MAX_COMBINATIONS) {
                throw new ConfigurationException("remediation.coarsen.tooMany", combinations, MAX_COMBINATIONS);
            }
        }
        List<int[]> order = new ArrayList<>();
        enumerate(axes, 0, new int[axes.size()], order);
        // the unchanged release is not a coarsening
        order.removeIf(c -> Arrays.stream(c).allMatch(x -> x == 0));
        order.sort(Comparator.comparingInt((int[] c) -> Arrays.stream(c).sum()).thenComparing(Arrays::compare));
        int evaluated = 0;
        int[] best = null;
        ReleaseSet bestSet = null;
        int bestCells = -1;
        int bestUnsafe = -1;
        List<AuditedCell> bestAudit = List.of();
        int bestSteps = Integer.MAX_VALUE;
        ReleaseSet coarsest = release;
        int coarsestUnsafe = unsafeBefore;
        for (int i = 0; i < order.size(); i++) {
            int[] choice = order.get(i);
            int steps = Arrays.stream(choice).sum();
            if (steps > bestSteps) {
                break;
            }
            monitor.checkCancelled();
            monitor.update(phase, i, order.size());
            ReleaseSet set = apply(release, axes, choice);
            evaluated++;
            int u = unsafe(set, rules);
            if (i == order.size() - 1) {
                coarsest = set;
                coarsestUnsafe = u;
            }
            if (u > 0) {
                continue;
            }
            List<AuditedCell> audit = List.of();
            if (withheld(set) > 0) {
                try {
                    audit = SuppressionAudit.audit(ReleaseModel.build(set, ProgressMonitor.none()), solver, protection,
                            ProgressMonitor.none());
                } catch (DatasetFormatException e) {
                    continue;
                }
                if (audit.stream().anyMatch(AuditedCell::exposed)) {
                    continue;
                }
            }
            int c = cells(set);
            if (best == null || c > bestCells) {
                best = choice;
                bestSet = set;
                bestCells = c;
                bestUnsafe = u;
                bestAudit = audit;
                bestSteps = steps;
            }
        }
        monitor.update(phase, 1, 1);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOGGER.info("Aggregate coarsening: {} axes, {} combinations, {} evaluated, found={}, {} ms", axes.size(),
                combinations, evaluated, best != null, millis);
        if (best == null) {
            List<DimensionLevel> top = levels(release, axes, order.isEmpty() ? new int[axes.size()]
                    : order.get(order.size() - 1));
            return new CoarsenResult(false, top, release, cellsBefore, cells(coarsest), unsafeBefore, coarsestUnsafe,
                    List.of(), combinations, evaluated, millis);
        }
        return new CoarsenResult(true, levels(release, axes, best), bestSet, cellsBefore, bestCells, unsafeBefore,
                bestUnsafe, bestAudit, combinations, evaluated, millis);
    }

    private static List<Axis> axes(ReleaseSet release) {
        List<Axis> out = new ArrayList<>();
        for (int ti = 0; ti < release.tables().size(); ti++) {
            CountTable t = release.tables().get(ti);
            for (int d = 0; d < t.dimensions().size(); d++) {
                Hierarchy h = release.hierarchies().get(t.dimensions().get(d));
                if (h == null) {
                    continue;
                }
                int from = publishedLevel(t, d, h);
                if (from < 0) {
                    continue;
                }
                List<Integer> levels = new ArrayList<>();
                levels.add(from);
                for (int level = from + 1; level < h.levels(); level++) {
                    if (h.nested(from, level)) {
                        levels.add(level);
                    }
                }
                if (levels.size() > 1) {
                    out.add(new Axis(ti, d, h, from, levels));
                }
            }
        }
        return out;
    }

    /** The single level of the hierarchy the table's values of a dimension lie on, or -1. */
    private static int publishedLevel(CountTable t, int d, Hierarchy h) {
        int from = -1;
        for (int c = 0; c < t.cellCount(); c++) {
            int code = t.code(d, c);
            if (code == CountTable.TOTAL) {
                continue;
            }
            int l = h.level(t.value(d, code));
            if (l < 0 || from >= 0 && l != from) {
                return -1;
            }
            from = l;
        }
        return from;
    }

    private static void enumerate(List<Axis> axes, int i, int[] current, List<int[]> out) {
        if (i == axes.size()) {
            out.add(current.clone());
            return;
        }
        for (int k = 0; k < axes.get(i).levels().size(); k++) {
            current[i] = k;
            enumerate(axes, i + 1, current, out);
        }
    }

    private static List<DimensionLevel> levels(ReleaseSet release, List<Axis> axes, int[] choice) {
        List<DimensionLevel> out = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            Axis a = axes.get(i);
            out.add(new DimensionLevel(release.tables().get(a.table()).name(), a.h().dimension(),
                    a.h().levelNames().get(a.from()), a.h().levelNames().get(a.levels().get(choice[i])), choice[i]));
        }
        return out;
    }

    /** The release with every axis summed up to its chosen level. */
    private static ReleaseSet apply(ReleaseSet release, List<Axis> axes, int[] choice) {
        List<CountTable> tables = new ArrayList<>(release.tables());
        for (int i = 0; i < axes.size(); i++) {
            Axis a = axes.get(i);
            int level = a.levels().get(choice[i]);
            if (level == a.from()) {
                continue;
            }
            CountTable coarse = AggregateRemediation.coarsen(tables.get(a.table()), a.dim(), a.h(), a.from(), level);
            if (coarse == null) {
                throw new IllegalStateException("a published value is missing from the hierarchy");
            }
            tables.set(a.table(), coarse);
        }
        return new ReleaseSet(release.name(), tables, release.hierarchies());
    }

    // -------------------------------------------------------------------------------- rounding

    /**
     * Rounding to one base.
     *
     * @param base              the base B
     * @param rounded           the rounded release (interior cells rounded, margins recomputed)
     * @param roundedCells      interior cells rounded
     * @param recomputedCells   margins recomputed as the sum of their rounded parts
     * @param unsafeOnRounded   cells the primary rules find unsafe in the rounded counts
     * @param intervals         the interval of every cell that is unsafe by its true count
     * @param exposed           of those, how many are narrower than the protection
     * @param passes            no unsafe rounded cell and no exposed interval
     */
    public record Rounding(int base, ReleaseSet rounded, int roundedCells, int recomputedCells, int unsafeOnRounded,
            List<AuditedCell> intervals, int exposed, boolean passes) {
        public Rounding {
            intervals = List.copyOf(intervals);
        }
    }

    /**
     * The outcome of rounding.
     *
     * @param found         whether the chosen base passes
     * @param chosen        the chosen base's rounding (the named base, or the smallest of
     *                      {@link #AUTO_BASES} that passes, or the largest of them when none does)
     * @param tried         every base evaluated, in order
     * @param auto          whether the base was chosen automatically
     * @param runtimeMillis wall-clock time
     */
    public record RoundResult(boolean found, Rounding chosen, List<Rounding> tried, boolean auto, long runtimeMillis) {
        public RoundResult {
            tried = List.copyOf(tried);
        }
    }

    /**
     * Rounds the release to {@code base}, or (null) to the smallest of {@link #AUTO_BASES} that
     * passes. The release must publish every count (nothing withheld) and every margin must follow
     * from the cells of one table or of the tables together without contradiction.
     */
    public static RoundResult round(ReleaseSet release, Integer base, PrimaryRuleConfig rules,
            ProtectionRequirement protection, ProgressMonitor monitor) throws AuditException {
        long t0 = System.nanoTime();
        if (base != null && base < 2) {
            throw new ConfigurationException("remediation.round.base", base);
        }
        requireEveryCount(release);
        ReleaseModel model = ReleaseModel.build(release, monitor.slice(0, 0.2));
        List<Integer> bases = base == null ? AUTO_BASES : List.of(base);
        List<Rounding> tried = new ArrayList<>();
        Rounding chosen = null;
        String phase = Messages.get("remediation.progress.round");
        for (int i = 0; i < bases.size(); i++) {
            monitor.checkCancelled();
            monitor.update(phase, i, bases.size());
            Rounding r = roundTo(model, bases.get(i), rules, protection);
            tried.add(r);
            chosen = r;
            if (r.passes()) {
                break;
            }
        }
        monitor.update(phase, 1, 1);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOGGER.info("Aggregate rounding: bases {}, chosen {}, passes={}, {} ms", bases, chosen.base(), chosen.passes(),
                millis);
        return new RoundResult(chosen.passes(), chosen, tried, base == null, millis);
    }

    /** Conventional rounding of a non-negative integer count to a multiple of {@code b} (half up). */
    public static long roundHalfUp(long x, int b) {
        return (long) b * ((2 * x + b) / (2L * b));
    }

    /** The counts that round to {@code r} under {@link #roundHalfUp}: {@code {low, high}}. */
    public static long[] interval(long r, int b) {
        return new long[] {Math.max(0, r - b / 2), r + (b + 1) / 2 - 1};
    }

    static Rounding roundTo(ReleaseModel model, int b, PrimaryRuleConfig rules, ProtectionRequirement protection)
            throws AuditException {
        int n = model.quantityCount();
        Set<Integer> parents = new HashSet<>();
        for (ReleaseModel.Identity id : model.identityList()) {
            // a margin follows from its parts only when every part is published
            if (Arrays.stream(id.children()).noneMatch(model::unpublished)) {
                parents.add(id.parent());
            }
        }
        double[] value = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(value, Double.NaN);
        int roundedCells = 0;
        for (int q = 0; q < n; q++) {
            if (model.unpublished(q) || parents.contains(q)) {
                continue;
            }
            double x = model.known(q);
            if (x != Math.rint(x) || x < 0) {
                throw new ConfigurationException("remediation.round.notCounts", model.label(q));
            }
            long r = roundHalfUp((long) x, b);
            long[] iv = interval(r, b);
            value[q] = r;
            lo[q] = iv[0];
            hi[q] = iv[1];
            roundedCells++;
        }
        // margins: the sum of their rounded parts, until nothing changes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ReleaseModel.Identity id : model.identityList()) {
                double sum = 0;
                double l = 0;
                double h = 0;
                boolean complete = true;
                for (int c : id.children()) {
                    if (Double.isNaN(value[c])) {
                        complete = false;
                        break;
                    }
                    sum += value[c];
                    l += lo[c];
                    h += hi[c];
                }
                if (!complete) {
                    continue;
                }
                int p = id.parent();
                if (Double.isNaN(value[p])) {
                    value[p] = sum;
                    lo[p] = l;
                    hi[p] = h;
                    changed = true;
                } else if (Math.abs(value[p] - sum) > 1e-9) {
                    throw new ConfigurationException("remediation.round.inconsistent", model.label(p));
                }
            }
        }
        int recomputed = 0;
        for (int q : parents) {
            if (!model.unpublished(q)) {
                if (Double.isNaN(value[q])) {
                    throw new ConfigurationException("remediation.round.inconsistent", model.label(q));
                }
                recomputed++;
            }
        }
        ReleaseSet release = model.release();
        List<CountTable> tables = new ArrayList<>();
        for (int ti = 0; ti < release.tables().size(); ti++) {
            CountTable t = release.tables().get(ti);
            double[] counts = new double[t.cellCount()];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = value[model.quantityOf(ti, c)];
            }
            tables.add(withCounts(t, counts));
        }
        ReleaseSet rounded = new ReleaseSet(release.name(), tables, release.hierarchies());
        int unsafeOnRounded = unsafe(rounded, rules);
        // intervals of the cells unsafe by their true counts
        List<AuditedCell> intervals = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Map<String, Integer> tableIndex = new HashMap<>();
        for (int ti = 0; ti < release.tables().size(); ti++) {
            tableIndex.put(release.tables().get(ti).name(), ti);
        }
        for (TableRuleResult tr : PrimaryRules.apply(release, rules, ProgressMonitor.none())) {
            int ti = tableIndex.get(tr.table());
            CountTable t = release.tables().get(ti);
            for (UnsafeCell u : tr.unsafe()) {
                int q = model.quantityOf(ti, u.index());
                if (!seen.add(q)) {
                    continue;
                }
                intervals.add(AuditedCell.of(t.name(), u.index(), t.key(u.index()), lo[q], hi[q], protection,
                        model.location(q)));
            }
        }
        int exposed = (int) intervals.stream().filter(AuditedCell::exposed).count();
        return new Rounding(b, rounded, roundedCells, recomputed, unsafeOnRounded, intervals, exposed,
                unsafeOnRounded == 0 && exposed == 0);
    }

    private static CountTable withCounts(CountTable t, double[] counts) {
        int n = t.cellCount();
        int nd = t.dimensions().size();
        String[][] keys = new String[n][nd];
        for (int c = 0; c < n; c++) {
            for (int d = 0; d < nd; d++) {
                keys[c][d] = t.value(d, t.code(d, c));
            }
        }
        return CountTable.of(t.name(), t.dimensions(), keys, counts);
    }

    // ------------------------------------------------------------------------------- shared

    static int unsafe(ReleaseSet set, PrimaryRuleConfig rules) {
        int n = 0;
        for (TableRuleResult r : PrimaryRules.apply(set, rules, ProgressMonitor.none())) {
            n += r.unsafe().size();
        }
        return n;
    }

    static int cells(ReleaseSet set) {
        int n = 0;
        for (CountTable t : set.tables()) {
            n += t.cellCount();
        }
        return n;
    }

    /** Rounding needs every count: refuses a release that withholds cells (checked before any audit). */
    public static void requireEveryCount(ReleaseSet release) throws ConfigurationException {
        int withheld = withheld(release);
        if (withheld > 0) {
            throw new ConfigurationException("remediation.round.withheld", withheld);
        }
    }

    static int withheld(ReleaseSet set) {
        int n = 0;
        for (CountTable t : set.tables()) {
            for (int c = 0; c < t.cellCount(); c++) {
                if (t.isSuppressed(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The keys and counts of one table, for writing a copy: {@code keys[c]} and {@code counts[c]}. */
    public static Map<List<String>, Double> rows(CountTable t) {
        Map<List<String>, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < t.cellCount(); c++) {
            out.put(t.key(c), t.raw(c));
        }
        return out;
    }
}
