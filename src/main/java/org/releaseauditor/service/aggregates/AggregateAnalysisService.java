package org.releaseauditor.service.aggregates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.aggregate.AggregateAnalysis;
import org.releaseauditor.core.aggregate.AggregateConfig;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.CountTableReader;
import org.releaseauditor.core.aggregate.GroundTruth;
import org.releaseauditor.core.aggregate.Hierarchy;
import org.releaseauditor.core.aggregate.IntervalSolver;
import org.releaseauditor.core.aggregate.RecoveryResult;
import org.releaseauditor.core.aggregate.ReleaseSet;
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
 * to its bytes, runs the trajectory-recovery stress test, and hands the release and each later
 * release of its series to {@link AggregateAnalysis#run} (primary rules, group disclosure,
 * differencing, the LP audit of withheld cells, series comparison), and writes the report (JSON schema
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

    /**
     * What one analysis produced: the loaded release set, the later releases of its series (in
     * time order), the report and the inputs as read (hashed).
     */
    public record Analysis(ReleaseSet release, List<ReleaseSet> later, AggregateReport report, LaneInputs read) {
        public Analysis {
            later = List.copyOf(later);
        }
    }

    /** Header of an input as the aggregate reader sees it (tokens kept raw). */
    DatasetService.Header header(DatasetRef ref) throws AuditException {
        return datasets.header(ref.path(), RAW);
    }

    /**
     * Runs every requested check on the inputs of {@code req}. The options are checked first
     * (the request's ranges, the engine's configuration and the recovery settings), before any
     * file is read. Every release of a series then goes through the same checks
     * ({@link AggregateAnalysis#run}).
     */
    public Analysis analyze(AggregatesRequest req, LaneInputs inputs, ProgressMonitor monitor) throws AuditException {
        req.validateOptions();
        AggregateConfig config = req.config();
        TrajectoryRecovery.Config recoveryConfig = req.recoveryConfig();
        LaneInputs.Builder read = LaneInputs.builder();
        ProgressMonitor loading = monitor.slice(0, 0.2);
        ReleaseSet release = load(req, inputs, read, loading);
        List<ReleaseSet> later = loadSeries(release, req, inputs, read, loading);
        RecoveryResult recovery = null;
        if (req.recovery() != null) {
            AggregatesRequest.Recovery r = req.recovery();
            DatasetService.LoadedInput truthFile = datasets.loadInput(inputs.require(AggregatesRequest.RECOVERY,
                    AggregatesRequest.LANE, "--recover-from FILE"), RAW, loading);
            read.put(AggregatesRequest.RECOVERY, truthFile.ref());
            GroundTruth truth = GroundTruth.fromDataset(truthFile.data(), truthFile.ref().path().toString(),
                    r.userColumn(), r.slotColumn(), r.areaColumn(), r.slotMinutes(), loading);
            recovery = new TrajectoryRecovery(truth, recoveryConfig).run(monitor.slice(0.2, 0.3));
        }
        AggregateReport report = AggregateAnalysis.run(release, later, config, solver, recovery,
                monitor.slice(0.3, 1.0));
        return new Analysis(release, later, report, read.build());
    }

    /**
     * Reads the release's tables (with their hierarchies) without auditing them: for checks that
     * need the data before the audit starts (a remediation that needs every count).
     */
    public ReleaseSet load(AggregatesRequest req, LaneInputs inputs, ProgressMonitor monitor) throws AuditException {
        req.validateOptions();
        return load(req, inputs, LaneInputs.builder(), monitor);
    }

    private ReleaseSet load(AggregatesRequest req, LaneInputs inputs, LaneInputs.Builder read, ProgressMonitor loading)
            throws AuditException {
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
        return new ReleaseSet(releaseName, loaded, hs);
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

    /**
     * The later releases of the series inputs ({@code series:NAME:K}), in time order. A release
     * is named after the file of its first table (or {@code releaseN} when that name is taken).
     */
    private List<ReleaseSet> loadSeries(ReleaseSet first, AggregatesRequest req, LaneInputs inputs,
            LaneInputs.Builder read, ProgressMonitor monitor) throws AuditException {
        List<ReleaseSet> series = new ArrayList<>();
        Set<String> names = new HashSet<>();
        names.add(first.name());
        for (int k = 1;; k++) {
            List<CountTable> tables = new ArrayList<>();
            String name = null;
            for (AggregatesRequest.Table t : req.tables()) {
                String role = AggregatesRequest.SERIES + t.name() + ":" + k;
                DatasetRef ref = inputs.get(role).orElse(null);
                if (ref != null) {
                    tables.add(loadTable(req, t, ref, role, inputs, first.hierarchies(), read, monitor));
                    name = name == null ? ref.fileName() : name;
                }
            }
            if (tables.isEmpty()) {
                return series;
            }
            if (!names.add(name)) {
                name = "release" + (k + 1);
                names.add(name);
            }
            series.add(new ReleaseSet(name, tables, first.hierarchies()));
        }
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
