package org.releaseauditor.service.aggregates;

import java.util.ArrayList;
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
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;
import org.releaseauditor.report.AggregateReportWriter;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.LaneInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregates analysis behind {@link AggregatesLane}: loads a release set (and series) bound
 * to its bytes, runs the primary rules, group disclosure, differencing, the LP audit of withheld
 * cells and the trajectory-recovery stress test, and writes the report (JSON schema
 * {@code aggregates-v1}, or text). Front ends call the lane, not this class.
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

    /** What one analysis produced: the loaded release set, the report and the inputs as read (hashed). */
    public record Analysis(ReleaseSet release, AggregateReport report, LaneInputs read) {
    }

    /** Header of an input as the aggregate reader sees it (tokens kept raw). */
    DatasetService.Header header(DatasetRef ref) throws AuditException {
        return datasets.header(ref.path(), RAW);
    }

    /** Runs every requested check on the inputs of {@code req} (already validated). */
    public Analysis analyze(AggregatesRequest req, LaneInputs inputs, ProgressMonitor monitor) throws AuditException {
        LaneInputs.Builder read = LaneInputs.builder();
        ProgressMonitor loading = monitor.slice(0, 0.2);
        Map<String, Hierarchy> hs = new LinkedHashMap<>();
        Map<String, DatasetRef> tableRefs = new LinkedHashMap<>();
        for (AggregatesRequest.Table t : req.tables()) {
            tableRefs.put(t.name(), inputs.require(AggregatesRequest.TABLE + t.name(), AggregatesRequest.LANE,
                    "--table " + t.name() + "=FILE"));
        }
        List<CountTable> loaded = new ArrayList<>();
        // tables come first in the inputs as read; hierarchies are needed to read them
        List<Map.Entry<String, DatasetRef>> hierarchyRoles = inputs.roles().entrySet().stream()
                .filter(e -> e.getKey().startsWith(AggregatesRequest.HIERARCHY)).toList();
        Map<String, DatasetRef> hierarchyRead = new LinkedHashMap<>();
        for (Map.Entry<String, DatasetRef> e : hierarchyRoles) {
            String dim = e.getKey().substring(AggregatesRequest.HIERARCHY.length());
            DatasetService.LoadedInput mapping = datasets.loadInput(e.getValue(), RAW, loading);
            hierarchyRead.put(e.getKey(), mapping.ref());
            hs.put(dim, Hierarchy.fromDataset(dim, mapping.data()));
        }
        for (AggregatesRequest.Table t : req.tables()) {
            loaded.add(loadTable(req, t, tableRefs.get(t.name()), AggregatesRequest.TABLE + t.name(), inputs, hs,
                    read, loading));
        }
        hierarchyRead.forEach(read::put);
        String releaseName = tableRefs.isEmpty() ? "release" : tableRefs.values().iterator().next().fileName();
        ReleaseSet release = new ReleaseSet(releaseName, loaded, hs);
        ReleaseModel model = ReleaseModel.build(release, monitor.slice(0.2, 0.3));
        List<TableRuleResult> rules = PrimaryRules.apply(release,
                new PrimaryRuleConfig(req.thresholdRule(), req.dominanceN() == null ? 0 : req.dominanceN(),
                        req.dominanceK() == null ? Double.NaN : req.dominanceK(),
                        req.pPercent() == null ? Double.NaN : req.pPercent()),
                monitor.slice(0.3, 0.4));
        AggregatesRequest.Group g = req.group();
        List<DisclosedGroup> groups = g == null ? List.of()
                : GroupDisclosure.find(release, g.dims(), g.by(), g.allowedOutside(), monitor.slice(0.4, 0.45));
        ThresholdRule diffRule = req.thresholdRule() != null ? req.thresholdRule()
                : new ThresholdRule(10, ThresholdRule.Operator.LT, false);
        List<RecoveredCell> diff = new ArrayList<>(Differencing.within(model, req.width(), diffRule,
                monitor.slice(0.45, 0.5)));
        List<ReleaseSet> series = loadSeries(release, req, inputs, read, loading);
        if (series.size() > 1) {
            diff.addAll(Differencing.seriesIncrements(series, diffRule, monitor));
        }
        List<AuditedCell> audit = req.audit()
                ? org.releaseauditor.core.aggregate.SuppressionAudit.audit(model, solver, req.protection(),
                        monitor.slice(0.5, 0.9))
                : null;
        RecoveryResult recovery = null;
        if (req.recovery() != null) {
            AggregatesRequest.Recovery r = req.recovery();
            DatasetService.LoadedInput truthFile = datasets.loadInput(inputs.require(AggregatesRequest.RECOVERY,
                    AggregatesRequest.LANE, "--recover-from FILE"), RAW, loading);
            read.put(AggregatesRequest.RECOVERY, truthFile.ref());
            GroundTruth truth = GroundTruth.fromDataset(truthFile.data(), truthFile.ref().path().toString(),
                    r.userColumn(), r.slotColumn(), r.areaColumn(), r.slotMinutes(), monitor);
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
        AggregateReport report = new AggregateReport(release.name(), req.thresholdRule(),
                req.dominanceN() == null ? 0 : req.dominanceN(),
                req.dominanceK() == null ? Double.NaN : req.dominanceK(),
                req.pPercent() == null ? Double.NaN : req.pPercent(), extrapolated, rules, groups,
                g == null ? List.of() : g.dims(), g == null ? null : g.by(), diff, audit, req.protection(), recovery,
                summarize(release, rules, groups, diff, audit));
        return new Analysis(release, report, read.build());
    }

    private CountTable loadTable(AggregatesRequest req, AggregatesRequest.Table t, DatasetRef ref, String role,
            LaneInputs inputs, Map<String, Hierarchy> hs, LaneInputs.Builder read, ProgressMonitor monitor)
            throws AuditException {
        DatasetService.LoadedInput in = datasets.loadInput(ref, RAW, monitor);
        read.put(role, in.ref());
        String file = in.ref().path().toString();
        CountTable table = CountTableReader.read(in.data(), req.spec(t), file, hs, monitor);
        DatasetRef contrib = inputs.get(AggregatesRequest.CONTRIBUTIONS + t.name()).orElse(null);
        if (contrib != null) {
            DatasetService.LoadedInput c = datasets.loadInput(contrib, RAW, monitor);
            read.put(AggregatesRequest.CONTRIBUTIONS + t.name(), c.ref());
            table = CountTableReader.attachContributions(table, c.data(), c.ref().path().toString(),
                    t.contributorId(), t.contributionValue(), monitor);
        }
        LOGGER.info("Loaded count table {} with {} cells", table.name(), table.cellCount());
        return table;
    }

    /** The release itself followed by the later releases of the series inputs ({@code series:NAME:K}). */
    private List<ReleaseSet> loadSeries(ReleaseSet first, AggregatesRequest req, LaneInputs inputs,
            LaneInputs.Builder read, ProgressMonitor monitor) throws AuditException {
        List<ReleaseSet> series = new ArrayList<>();
        series.add(first);
        for (int k = 1;; k++) {
            List<CountTable> tables = new ArrayList<>();
            for (AggregatesRequest.Table t : req.tables()) {
                String role = AggregatesRequest.SERIES + t.name() + ":" + k;
                DatasetRef ref = inputs.get(role).orElse(null);
                if (ref != null) {
                    tables.add(loadTable(req, t, ref, role, inputs, first.hierarchies(), read, monitor));
                }
            }
            if (tables.isEmpty()) {
                return series;
            }
            series.add(new ReleaseSet("release" + (k + 1), tables, first.hierarchies()));
        }
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
