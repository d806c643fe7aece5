package org.releaseauditor.service.aggregates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.AggregateSummary;
import org.releaseauditor.core.aggregate.AuditedCell;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.CountTableReader;
import org.releaseauditor.core.aggregate.Differencing;
import org.releaseauditor.core.aggregate.DisclosedGroup;
import org.releaseauditor.core.aggregate.GroundTruth;
import org.releaseauditor.core.aggregate.GroupDisclosure;
import org.releaseauditor.core.aggregate.Hierarchy;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.PrimaryRules;
import org.releaseauditor.core.aggregate.RecoveredCell;
import org.releaseauditor.core.aggregate.RecoveryResult;
import org.releaseauditor.core.aggregate.ReleaseModel;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.aggregate.TableRuleResult;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.aggregate.TrajectoryRecovery;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;
import org.releaseauditor.report.AggregateReportWriter;
import org.releaseauditor.service.DatasetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregates lane use case: load a release set (and series), run the primary rules, group
 * disclosure, differencing, the LP audit of withheld cells and the trajectory-recovery stress
 * test, and write the report (JSON schema {@code aggregates-v1}, or text).
 */
public final class AggregateAnalysisService {
    private static final Logger LOGGER = LoggerFactory.getLogger(AggregateAnalysisService.class);
    /** Tokens are recognised by the aggregate reader itself, so the importer keeps them raw. */
    static final ImportOptions RAW = new ImportOptions(null, null, null, null, Set.of(), Set.of(), null);

    private final DatasetService datasets;
    private final IntervalSolver solver;

    public AggregateAnalysisService() {
        this(new DatasetService(), new OjAlgoIntervalSolver());
    }

    public AggregateAnalysisService(DatasetService datasets, IntervalSolver solver) {
        this.datasets = datasets;
        this.solver = solver;
    }

    /** The LP solver used by the audit (for benchmarks). */
    public IntervalSolver solver() {
        return solver;
    }

    /** Loads the hierarchies and tables of one release set. */
    public ReleaseSet loadRelease(String name, List<AggregateRequest.TableInput> tables, Map<String, Path> hierarchies,
            ProgressMonitor monitor) throws AuditException {
        Map<String, Hierarchy> hs = new HashMap<>();
        for (Map.Entry<String, Path> e : hierarchies.entrySet()) {
            Dataset mapping = datasets.load(e.getValue(), RAW, monitor);
            hs.put(e.getKey(), Hierarchy.fromDataset(e.getKey(), mapping));
        }
        List<CountTable> loaded = new ArrayList<>();
        for (AggregateRequest.TableInput in : tables) {
            loaded.add(loadTable(in, in.file(), hs, monitor));
        }
        return new ReleaseSet(name, loaded, hs);
    }

    private CountTable loadTable(AggregateRequest.TableInput in, Path file, Map<String, Hierarchy> hs,
            ProgressMonitor monitor) throws AuditException {
        Dataset ds = datasets.load(file, RAW, monitor);
        CountTable t = CountTableReader.read(ds, in.spec(), file.toString(), hs, monitor);
        if (in.contributions() != null) {
            Dataset c = datasets.load(in.contributions(), RAW, monitor);
            t = CountTableReader.attachContributions(t, c, in.contributions().toString(), in.contributorId(),
                    in.contributionValue(), monitor);
        }
        LOGGER.info("Loaded count table {} with {} cells", t.name(), t.cellCount());
        return t;
    }

    /** Runs every requested check. */
    public AggregateReport analyze(AggregateRequest req, ProgressMonitor monitor) throws AuditException {
        String releaseName = req.tables().isEmpty() ? "release" : req.tables().get(0).file().getFileName().toString();
        ReleaseSet release = loadRelease(releaseName, req.tables(), req.hierarchies(), monitor.slice(0, 0.2));
        ReleaseModel model = ReleaseModel.build(release, monitor.slice(0.2, 0.3));
        List<TableRuleResult> rules = PrimaryRules.apply(release,
                new PrimaryRuleConfig(req.threshold(), req.dominanceN(), req.dominanceK(), req.pPercent()),
                monitor.slice(0.3, 0.4));
        List<DisclosedGroup> groups = req.group() == null ? List.of()
                : GroupDisclosure.find(release, req.group().dims(), req.group().by(), req.group().allowedOutside(),
                        monitor.slice(0.4, 0.45));
        ThresholdRule diffRule = req.threshold() != null ? req.threshold()
                : new ThresholdRule(10, ThresholdRule.Operator.LT, false);
        List<RecoveredCell> diff = new ArrayList<>(Differencing.within(model, req.width(), diffRule,
                monitor.slice(0.45, 0.5)));
        if (!req.series().isEmpty()) {
            diff.addAll(Differencing.seriesIncrements(loadSeries(release, req, monitor), diffRule, monitor));
        }
        List<AuditedCell> audit = req.audit()
                ? org.releaseauditor.core.aggregate.SuppressionAudit.audit(model, solver, req.protection(),
                        monitor.slice(0.5, 0.9))
                : null;
        RecoveryResult recovery = null;
        if (req.recovery() != null) {
            AggregateRequest.RecoveryInput r = req.recovery();
            Dataset ds = datasets.load(r.file(), RAW, monitor);
            GroundTruth truth = GroundTruth.fromDataset(ds, r.file().toString(), r.userColumn(), r.slotColumn(),
                    r.areaColumn(), r.slotMinutes(), monitor);
            TrajectoryRecovery.Config cfg = TrajectoryRecovery.Config.defaults(truth.slotsPerDay());
            recovery = new TrajectoryRecovery(truth, new TrajectoryRecovery.Config(cfg.nightFrom(), cfg.nightTo(),
                    r.topK())).run(monitor.slice(0.9, 1.0));
        }
        List<String> extrapolated = new ArrayList<>();
        for (CountTable t : release.tables()) {
            if (t.extrapolated()) {
                extrapolated.add(t.name());
            }
        }
        return new AggregateReport(release.name(), req.threshold(), req.dominanceN(), req.dominanceK(), req.pPercent(),
                extrapolated, rules, groups, req.group() == null ? List.of() : req.group().dims(),
                req.group() == null ? null : req.group().by(), diff, audit, req.protection(), recovery,
                summarize(release, rules, groups, diff, audit));
    }

    private List<ReleaseSet> loadSeries(ReleaseSet first, AggregateRequest req, ProgressMonitor monitor)
            throws AuditException {
        List<ReleaseSet> series = new ArrayList<>();
        series.add(first);
        int releases = 0;
        for (List<Path> files : req.series().values()) {
            releases = Math.max(releases, files.size());
        }
        for (int k = 0; k < releases; k++) {
            List<CountTable> tables = new ArrayList<>();
            for (AggregateRequest.TableInput in : req.tables()) {
                List<Path> files = req.series().getOrDefault(in.spec().name(), List.of());
                if (k < files.size()) {
                    tables.add(loadTable(in, files.get(k), first.hierarchies(), monitor));
                }
            }
            series.add(new ReleaseSet("release" + (k + 2), tables, first.hierarchies()));
        }
        return series;
    }

    static AggregateSummary summarize(ReleaseSet release, List<TableRuleResult> rules, List<DisclosedGroup> groups,
            List<RecoveredCell> diff, List<AuditedCell> audit) {
        long unsafe = 0;
        long suppressed = 0;
        Map<String, Double> min = new LinkedHashMap<>();
        for (TableRuleResult r : rules) {
            unsafe += r.unsafe().size();
            suppressed += r.suppressed();
            min.put(r.table(), r.minCount());
        }
        long exposed = -1;
        if (audit != null) {
            exposed = audit.stream().filter(AuditedCell::exposed).count();
        }
        return new AggregateSummary(release.tables().size(), release.cellCount(), suppressed, unsafe, exposed,
                diff.size(), groups.size(), min);
    }

    /** The report as JSON (schema aggregates-v1). */
    public String toJson(AggregateReport report) throws AuditException {
        return AggregateReportWriter.json(report);
    }

    /** The report as plain text for a terminal. */
    public String toText(AggregateReport report) {
        return AggregateReportWriter.text(report);
    }
}
