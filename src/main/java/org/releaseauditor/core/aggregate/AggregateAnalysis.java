package org.releaseauditor.core.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Runs every check of an aggregates analysis on a release and on each later release of a
 * series, and builds the report. Every release goes through the same primary rules, group
 * disclosure, differencing and audit; consecutive releases are then compared (increments and
 * decreases). The summary covers every release, so a policy fails when any release fails.
 * Loading the tables and the trajectory-recovery stress test stay with the caller.
 */
public final class AggregateAnalysis {

    private AggregateAnalysis() {
    }

    /**
     * @param base     the (first) release set
     * @param later    later releases of the series, in time order (may be empty)
     * @param config   the checks; validated before any work
     * @param solver   the LP solver (used when {@link AggregateConfig#needsLp()})
     * @param recovery the trajectory-recovery result to include, or null
     */
    public static AggregateReport run(ReleaseSet base, List<ReleaseSet> later, AggregateConfig config,
            IntervalSolver solver, RecoveryResult recovery, ProgressMonitor monitor) throws AuditException {
        config.validate();
        List<ReleaseSet> all = new ArrayList<>();
        all.add(base);
        all.addAll(later);
        List<ReleaseResult> results = new ArrayList<>();
        double step = 0.95 / all.size();
        for (int i = 0; i < all.size(); i++) {
            results.add(release(all.get(i), config, solver, i == 0, monitor.slice(i * step, (i + 1) * step)));
        }
        Differencing.SeriesResult series = all.size() > 1
                ? Differencing.series(all, config.derivedRule(), monitor.slice(0.95, 1.0))
                : new Differencing.SeriesResult(List.of(), List.of());
        ReleaseResult first = results.get(0);
        List<RecoveredCell> differencing = new ArrayList<>(first.differencing());
        differencing.addAll(series.increments());
        List<String> extrapolated = new ArrayList<>();
        for (CountTable t : base.tables()) {
            if (t.extrapolated()) {
                extrapolated.add(t.name());
            }
        }
        return new AggregateReport(base.name(), config.rules(), extrapolated, first.tables(), first.groups(),
                config.groupCheck() ? config.groupDims() : List.of(), config.groupCheck() ? config.groupBy() : null,
                differencing, first.audit(), config.protection(), recovery,
                total(results, series, config.audit()), results, series.decreases(), config.width());
    }

    /** All checks on one release. Group disclosure is required on the base release only. */
    static ReleaseResult release(ReleaseSet set, AggregateConfig config, IntervalSolver solver, boolean base,
            ProgressMonitor monitor) throws AuditException {
        ReleaseModel model = ReleaseModel.build(set, monitor.slice(0, 0.2));
        List<TableRuleResult> rules = PrimaryRules.apply(set, config.rules(), monitor.slice(0.2, 0.3));
        List<DisclosedGroup> groups = List.of();
        if (config.groupCheck() && (base || GroupDisclosure.applicable(set, config.groupDims(), config.groupBy()))) {
            groups = GroupDisclosure.find(set, config.groupDims(), config.groupBy(), config.allowedOutside(),
                    monitor.slice(0.3, 0.35));
        }
        List<AuditedCell> audit = config.needsLp()
                ? SuppressionAudit.audit(model, solver, config.protection(), monitor.slice(0.35, 0.95))
                : null;
        List<RecoveredCell> diff = Differencing.within(model, config.width(), config.derivedRule(), audit,
                monitor.slice(0.95, 1.0));
        List<AuditedCell> reported = config.audit() ? audit : null;
        return new ReleaseResult(set.name(), rules, groups, diff, reported,
                summary(set, model, rules, groups, diff, reported));
    }

    /** The figures of one release, counting every cell once whichever tables carry it. */
    static AggregateSummary summary(ReleaseSet set, ReleaseModel model, List<TableRuleResult> rules,
            List<DisclosedGroup> groups, List<RecoveredCell> diff, List<AuditedCell> audit) {
        Map<String, Integer> tableIndex = new HashMap<>();
        for (int i = 0; i < set.tables().size(); i++) {
            tableIndex.put(set.tables().get(i).name(), i);
        }
        Set<List<String>> unsafe = new HashSet<>();
        long suppressed = 0;
        long zeros = 0;
        long zeroMagnitude = 0;
        double top1 = Double.NaN;
        double top2 = Double.NaN;
        double ratio = Double.NaN;
        Map<String, Double> min = new LinkedHashMap<>();
        for (TableRuleResult r : rules) {
            int ti = tableIndex.get(r.table());
            for (UnsafeCell u : r.unsafe()) {
                unsafe.add(model.location(model.quantityOf(ti, u.index())));
            }
            suppressed += r.suppressed();
            zeros += r.zeroCells();
            zeroMagnitude += r.zeroMagnitudeCells();
            top1 = max(top1, r.maxTop1Share());
            top2 = max(top2, r.maxTop2Share());
            ratio = min(ratio, r.minPRatio());
            min.put(r.table(), r.minCount());
        }
        Set<List<String>> recovered = new HashSet<>();
        for (RecoveredCell c : diff) {
            recovered.add(c.location());
        }
        long exposed = -1;
        if (audit != null) {
            Set<List<String>> e = new HashSet<>();
            for (AuditedCell a : audit) {
                if (a.exposed()) {
                    e.add(a.location());
                }
            }
            exposed = e.size();
        }
        return new AggregateSummary(set.tables().size(), set.cellCount(), suppressed, unsafe.size(), exposed,
                recovered.size(), groups.size(), min, 1, zeros, zeroMagnitude, top1, top2, ratio, 0);
    }

    /** The figures over every release and the series comparison. */
    static AggregateSummary total(List<ReleaseResult> releases, Differencing.SeriesResult series, boolean audit) {
        int tables = 0;
        long cells = 0;
        long suppressed = 0;
        long unsafe = 0;
        long exposed = 0;
        long recovered = 0;
        long groups = 0;
        long zeros = 0;
        long zeroMagnitude = 0;
        double top1 = Double.NaN;
        double top2 = Double.NaN;
        double ratio = Double.NaN;
        Map<String, Double> min = new LinkedHashMap<>();
        for (ReleaseResult r : releases) {
            AggregateSummary s = r.summary();
            tables += s.tables();
            cells += s.cells();
            suppressed += s.suppressedCells();
            unsafe += s.unsafeCells();
            exposed += Math.max(0, s.exposedCells());
            recovered += s.recoverableCells();
            groups += s.disclosedGroups();
            zeros += s.zeroCells();
            zeroMagnitude += s.zeroMagnitudeCells();
            top1 = max(top1, s.maxTop1Share());
            top2 = max(top2, s.maxTop2Share());
            ratio = min(ratio, s.minPRatio());
            for (Map.Entry<String, Double> e : s.minCount().entrySet()) {
                min.merge(e.getKey(), e.getValue(), AggregateAnalysis::min);
            }
        }
        Set<List<String>> increments = new HashSet<>();
        for (RecoveredCell c : series.increments()) {
            increments.add(c.location());
        }
        return new AggregateSummary(tables, cells, suppressed, unsafe, audit ? exposed : -1,
                recovered + increments.size(), groups, min, releases.size(), zeros, zeroMagnitude, top1, top2, ratio,
                series.decreases().size());
    }

    /** The larger of two values, NaN meaning "none". */
    private static double max(double a, double b) {
        return Double.isNaN(a) || b > a ? b : a;
    }

    /** The smaller of two values, NaN meaning "none". */
    private static double min(double a, double b) {
        return Double.isNaN(a) || b < a ? b : a;
    }
}
