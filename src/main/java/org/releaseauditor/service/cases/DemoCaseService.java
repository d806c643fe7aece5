package org.releaseauditor.service.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationService;
import org.releaseauditor.service.remediation.RemediationCall;
import org.releaseauditor.service.remediation.RemediationOutcome;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the offline demo case from the bundled {@code sample-datasets/}: case metadata, datasets
 * (by fingerprint), roles, attacker models, runs of the microdata and aggregates lanes (and of the
 * trajectory lane when it is registered), a policy evaluation per run, one approval with
 * conditions and two rejections (the footfall rejection is the decision in force), and the HTML
 * report {@code <case>.html} next to the case. The customers show what-if remediation: run 1
 * (the release as submitted) fails min-group-5 and is rejected; the least change that passes is
 * written to a copy, re-audited (run 2) and approved with the copy's SHA-256 as the condition.
 * Two derived files (the remediated customers and a morning slice of the withheld footfall table)
 * are written to {@code <case>-data/}. The content is deterministic apart from timestamps and the
 * absolute paths of the files.
 */
public final class DemoCaseService {

    public static final String TITLE = "Smart-Steps-style footfall release (demo)";
    public static final String AUDITOR = "Demo Auditor";
    /** The name of the bundled samples folder. */
    public static final String SAMPLES_DIR = "sample-datasets";
    public static final String CUSTOMERS = "microdata/customers.csv";
    static final String FOOTFALL = "aggregates/footfall_hourly_withheld.csv";
    static final String EVENTS = "trajectories/events_pseudonymised.csv";
    /** The remediated copy of the customers in {@code <case>-data/}. */
    public static final String REMEDIATED = "customers_remediated.csv";
    /** The day and hours of the footfall slice the LP audit runs on (the full cube takes ~15 s). */
    static final String SLICE_DATE = "2025-03-03";
    static final int SLICE_FROM_HOUR = 7;
    static final int SLICE_TO_HOUR = 9;

    private static final Logger LOGGER = LoggerFactory.getLogger(DemoCaseService.class);

    private final LaneRegistry lanes;

    /** What was built. */
    public record DemoCase(Path caseFile, Path report, int datasets, int runs, int decisions,
            boolean trajectoryRun) {
    }

    public DemoCaseService() {
        this(LaneRegistry.global());
    }

    public DemoCaseService(LaneRegistry lanes) {
        this.lanes = lanes;
    }

    /**
     * Builds the demo case at {@code caseFile}, replacing an existing case (and its report) of
     * that name.
     *
     * @param samplesDir the {@code sample-datasets} folder
     */
    public DemoCase create(Path samplesDir, Path caseFile, ProgressMonitor monitor) throws AuditException {
        Path samples = samplesDir.toAbsolutePath().normalize();
        Path customers = require(samples, CUSTOMERS);
        Path footfall = require(samples, FOOTFALL);
        Path target = caseFile.toAbsolutePath().normalize();
        String stem = stem(target);
        Path dataDir = target.resolveSibling(stem + "-data");
        Path report = target.resolveSibling(stem + ".html");
        try {
            Files.createDirectories(dataDir);
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(target.resolveSibling(target.getFileName() + suffix));
            }
            Files.deleteIfExists(report);
            Files.deleteIfExists(dataDir.resolve(REMEDIATED));
            Files.deleteIfExists(dataDir.resolve("customers_release.csv"));
        } catch (IOException e) {
            throw new ConfigurationException("demo.error.write", target.toString(), String.valueOf(e.getMessage()));
        }
        monitor.update("demo.progress.extracts", 0, 6);
        Path remediated = dataDir.resolve(REMEDIATED);
        Path slice = dataDir.resolve("footfall_withheld_" + SLICE_DATE + "_07-09.csv");
        long sliceRows = writeFootfallSlice(footfall, slice);
        monitor.checkCancelled();

        boolean trajectory;
        int runs;
        int decisions;
        int datasets;
        CaseInfo info = new CaseInfo(TITLE, "Hourly footfall by area, age band and gender (synthetic Smart-Steps-style "
                + "city) and a customer microdata extract", "Demo Telco (synthetic)", AUDITOR, null);
        try (CaseService cs = CaseService.create(target, info, lanes)) {
            cs.setActor(AUDITOR);
            monitor.update("demo.progress.datasets", 1, 6);
            DatasetEntry dsCustomers = cs.addDataset(customers, null, monitor.slice(0.05, 0.1));

            monitor.update("demo.progress.microdata", 2, 6);
            RemediationOutcome remedy = new MicrodataRemediationService(lanes.require(MicrodataRequest.LANE,
                    MicrodataLane.class), new DatasetService()).run(remediationRequest(customers, remediated),
                    monitor.slice(0.1, 0.3));
            RemediationRecorder.Recorded rec = new RemediationRecorder().record(cs, remedy, monitor.slice(0.3, 0.4));
            RunEntry raw = rec.beforeRun();
            RunEntry generalised = rec.afterRun();
            DatasetEntry dsCopy = rec.copyDatasets().values().iterator().next();
            DatasetEntry dsFootfall = cs.addDataset(footfall, null, monitor.slice(0.4, 0.45));
            DatasetEntry dsSlice = cs.addDataset(slice, derivedSchema(slice, footfall, sliceRows,
                    "rows of date " + SLICE_DATE + ", hours " + SLICE_FROM_HOUR + " to " + SLICE_TO_HOUR
                            + " (the morning peak), unchanged"), monitor);
            recordRoles(cs, dsCustomers.id(), dsCopy.id(), dsFootfall.id(), dsSlice.id());
            recordAttackers(cs);

            monitor.update("demo.progress.aggregates", 3, 6);
            RunEntry agg = cs.run(aggregatesRequest(stem(slice)), Map.of(AggregatesRequest.TABLE + stem(slice),
                    Long.toString(dsSlice.id())), monitor.slice(0.5, 0.75));
            cs.evaluatePolicy(agg.id(), "min-cell-10");

            monitor.update("demo.progress.trajectories", 4, 6);
            Optional<RunEntry> traj = addTrajectoryRun(cs, samples, dataDir, monitor.slice(0.75, 0.85));
            trajectory = traj.isPresent();

            monitor.update("demo.progress.decisions", 5, 6);
            JsonNode rawResult = CaseService.parse(raw.resultJson(), "result");
            JsonNode copyResult = CaseService.parse(generalised.resultJson(), "result");
            JsonNode aggResult = CaseService.parse(agg.resultJson(), "result").path("aggregates");
            cs.decide(DecisionOutcome.REJECT, "", String.format(Locale.ROOT, "customers.csv fails min-group-5: "
                    + "k = %d on age, gender and postcode area, and %.2f %% of the records are sample uniques. It "
                    + "cannot be released as submitted.", rawResult.path("k").asInt(),
                    100 * rawResult.path("sampleUniqueness").asDouble()), AUDITOR, List.of(raw.id()), "min-group-5",
                    monitor);
            String conditionText = rec.conditionText() + " Only to the contracted research partner, who may not link "
                    + "it with other data.";
            cs.decide(DecisionRequest.builder()
                    .conditions(conditionText)
                    .condition(new DecisionRequest.ConditionInput(conditionText, dsCopy.sha256(), dsCustomers.id()))
                    .rationale(remediationRationale(remedy, rawResult, copyResult))
                    .auditor(AUDITOR).runs(List.of(raw.id(), generalised.id())).policy("min-group-5")
                    .output(dsCustomers.id(), false, "fails min-group-5; never released")
                    .output(dsCopy.id(), true, "the least change that passes min-group-5, re-audited")
                    .purpose("Churn research with the contracted research partner")
                    .legalBasis(org.releaseauditor.core.casefile.LegalBasis.ART6_1_F)
                    .legalBasis(org.releaseauditor.core.casefile.LegalBasis.ART89)
                    .recipients("Contracted research partner").retention("12 months after delivery")
                    .build(), monitor);
            List<Long> rejected = new ArrayList<>(List.of(agg.id()));
            traj.ifPresent(r -> rejected.add(r.id()));
            // the rejection in force: one decision per output, and the GDPR record a regulator looks for
            DecisionRequest.Builder reject = DecisionRequest.builder()
                    .rationale(String.format(Locale.ROOT, "Withholding footfall cells below 10 does not protect them. "
                            + "In the morning slice (%d cells, %d of them withheld) the LP audit pins %d withheld cells "
                            + "to a single value from the published age-band and gender margins of the same area and "
                            + "hour, so min-cell-10 fails. Suppress the margins too (secondary suppression) or coarsen "
                            + "the table before release.", aggResult.path("cells").asLong(),
                            aggResult.path("suppressedCells").asLong(), aggResult.path("exposedCells").asLong())
                            + trajectoryReason(traj))
                    .auditor(AUDITOR).runs(rejected).policy("min-cell-10")
                    .output(dsSlice.id(), false, "withheld cells recomputable from the margins")
                    .purpose("Footfall product for retail site planning")
                    .legalBasis(org.releaseauditor.core.casefile.LegalBasis.ART6_1_F)
                    .recipients("Retail planning customers of the footfall product")
                    .retention("24 months after delivery");
            if (traj.isPresent()) {
                double unicity4 = CaseService.parse(traj.get().resultJson(), "result").path("unicity").path(3)
                        .path("fraction").asDouble();
                for (long ds : traj.get().datasetIds()) {
                    reject.output(ds, false, String.format(Locale.ROOT, "%.1f %% of users unique from 4 known points",
                            100 * unicity4));
                }
            }
            cs.decide(reject.build(), monitor);
            runs = cs.runs().size();
            decisions = cs.decisions().size();
            datasets = cs.datasets().size();
        }
        monitor.update("demo.progress.report", 5, 6);
        new ReportService().export(target, ReportFormat.HTML, report, Locale.ENGLISH, false, null,
                monitor.slice(0.9, 1.0));
        monitor.update("demo.progress.done", 6, 6);
        LOGGER.info("Demo case {} built: {} datasets, {} runs, {} decisions, trajectory run: {}", target.getFileName(),
                datasets, runs, decisions, trajectory);
        return new DemoCase(target, report, datasets, runs, decisions, trajectory);
    }

    /**
     * Returns {@code caseFile} when it exists and verifies (chain, rows and every data file);
     * otherwise builds it again from {@code samplesDir}. {@code samplesDir} may be null when the
     * samples were not found: then a missing or broken case is a usage error.
     *
     * @return whether the case was (re)built
     */
    public boolean ensure(Path samplesDir, Path caseFile, ProgressMonitor monitor) throws AuditException {
        if (Files.isRegularFile(caseFile)) {
            try (CaseService cs = CaseService.open(caseFile, true, lanes)) {
                boolean current = cs.runs().stream().allMatch(r -> r.paramsJson().contains("\"requestVersion\""));
                if (current && cs.verify(null, monitor.slice(0, 0.2)).allOk()) {
                    return false;
                }
                LOGGER.info("Demo case {} does not verify or predates stored requests: building it again",
                        caseFile.getFileName());
            } catch (org.releaseauditor.core.error.AuditStoreException e) {
                LOGGER.info("Demo case {} cannot be read ({}): building it again", caseFile.getFileName(),
                        e.messageKey());
            }
        }
        if (samplesDir == null) {
            throw new ConfigurationException("demo.error.samplesMissing", SAMPLES_DIR + "/" + CUSTOMERS,
                    Path.of("").toAbsolutePath().toString());
        }
        create(samplesDir, caseFile, monitor.slice(0.2, 1));
        return true;
    }

    /**
     * Finds the {@code sample-datasets} folder that holds {@code relativeFile}: in the working
     * directory, under the {@code releaseauditor.home} system property, or in a parent folder of
     * the application jar (or classes folder). Null when none is found.
     */
    public static Path locateSamples(String relativeFile) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(SAMPLES_DIR));
        String home = System.getProperty("releaseauditor.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve(SAMPLES_DIR));
        }
        try {
            Path jar = Path.of(DemoCaseService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                candidates.add(p.resolve(SAMPLES_DIR));
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            LOGGER.debug("no code source location: only the working directory is searched");
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve(relativeFile))) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** The microdata request of the demo: the three QIs, segment as sensitive attribute, no SUDA2. */
    static MicrodataRequest microdataRequest(String... qis) throws ConfigurationException {
        return MicrodataRequest.builder().quasiIdentifiers(List.of(qis)).sensitive(List.of("segment")).suda(false)
                .build();
    }

    /**
     * The remediation of the customers: the demo's microdata request, min-group-5, automatic
     * hierarchies (intervals for age and the postcode area, suppression for gender), the loss
     * measure, at most 5 % suppressed, customer_id (the direct identifier) left out of the copy.
     */
    static RemediationCall<MicrodataRemediationRequest> remediationRequest(Path customers, Path copy)
            throws ConfigurationException {
        return MicrodataRemediationRequest.builder().analysis(MicrodataRequest.builder()
                .quasiIdentifiers(List.of("age", "gender", "postcode_area")).sensitive(List.of("segment")).suda(false)
                .data(customers.toString()).buildCall()).policy("min-group-5").hierarchy("auto")
                .dropColumns(List.of("customer_id")).write(copy.toString()).buildCall();
    }

    /** Why the copy is approved: what changed, and what its re-audit measured. */
    private static String remediationRationale(RemediationOutcome o, JsonNode raw, JsonNode copy)
            throws ConfigurationException {
        JsonNode j = CaseService.parse(o.json(), "remediation");
        StringBuilder levels = new StringBuilder();
        j.path("optimum").path("levels").fields().forEachRemaining(e -> {
            if (levels.length() > 0) {
                levels.append(", ");
            }
            JsonNode example = j.path("hierarchies").path(e.getKey()).path("example");
            levels.append(e.getKey()).append(" at level ").append(e.getValue().asInt()).append(" (e.g. ")
                    .append(example.path(e.getValue().asInt()).asText()).append(')');
        });
        return String.format(Locale.ROOT, "customers.csv fails min-group-5 (k = %d). The what-if remediation "
                + "(automatic hierarchies, loss measure, at most 5 %% of the records suppressed) found the least "
                + "change that passes: %s; the %d records of classes smaller than %d suppressed; customer_id left "
                + "out. Its copy %s was re-audited through the microdata lane with the same settings: k = %d, "
                + "%.2f %% sample uniques, so it passes min-group-5.", raw.path("k").asInt(), levels,
                j.path("optimum").path("suppressedRecords").asLong(), j.path("optimum").path("suppressBelow").asLong(),
                REMEDIATED, copy.path("k").asInt(), 100 * copy.path("sampleUniqueness").asDouble());
    }

    /** The aggregates request of the demo: threshold 10 with <, the five dimensions, LP audit on. */
    static AggregatesRequest aggregatesRequest(String table) throws ConfigurationException {
        AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).operator("lt").audit(true);
        b.table(table).dimensions(List.of("date", "hour", "area", "age_band", "gender"));
        return b.build();
    }

    /** The trajectories request of the demo: cell and hour, unicity for 1 to 4 known points. */
    static TrajectoriesRequest trajectoriesRequest() throws ConfigurationException {
        return TrajectoriesRequest.builder().user("pseudonym").time("timestamp").location("cell").temporal("1h")
                .points(1, 4).build();
    }

    /**
     * Adds the trajectory run when a {@code trajectories} lane is registered (otherwise nothing:
     * the demo then has the microdata and aggregates runs only): the pseudonymised events at
     * cell and hour resolution, unicity for 1 to 4 known points, judged by the demo policy
     * {@code unicity-4} (at most 10 % of the users unique with 4 points), written next to the
     * derived files because no built-in policy covers trajectories.
     */
    Optional<RunEntry> addTrajectoryRun(CaseService cs, Path samples, Path dataDir, ProgressMonitor monitor)
            throws AuditException {
        if (lanes.find("trajectories").isEmpty() || !Files.isRegularFile(samples.resolve(EVENTS))) {
            LOGGER.info("Demo case: no trajectories lane registered, trajectory run skipped");
            return Optional.empty();
        }
        DatasetEntry events = cs.addDataset(samples.resolve(EVENTS), null, monitor.slice(0, 0.2));
        cs.assignRole(events.id(), "pseudonym", "PSEUDONYM");
        cs.assignRole(events.id(), "timestamp", "TIMESTAMP");
        cs.assignRole(events.id(), "cell", "LOCATION");
        for (String c : List.of("age_band", "gender")) {
            cs.assignRole(events.id(), c, "QUASI_IDENTIFIER");
        }
        RunEntry run = cs.run(trajectoriesRequest(), Map.of(TrajectoriesRequest.EVENTS, Long.toString(events.id())),
                monitor.slice(0.2, 1));
        Path policy = dataDir.resolve("unicity-4.json");
        try {
            Files.writeString(policy, UNICITY_POLICY, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("demo.error.write", policy.toString(), String.valueOf(e.getMessage()));
        }
        cs.evaluatePolicy(run.id(), policy.toString());
        return Optional.of(run);
    }

    private static String trajectoryReason(Optional<RunEntry> traj) throws AuditException {
        if (traj.isEmpty()) {
            return "";
        }
        JsonNode u = CaseService.parse(traj.get().resultJson(), "result").path("unicity").path(3);
        return String.format(Locale.ROOT, " The pseudonymised event file is rejected with it: %.1f %% of the users "
                + "are unique from 4 known (cell, hour) points, so unicity-4 fails.",
                100 * u.path("fraction").asDouble());
    }

    /** The demo's trajectory policy (no built-in profile covers trajectories). */
    static final String UNICITY_POLICY = """
            {
              "schemaVersion": 1,
              "id": "unicity-4",
              "version": "1.0",
              "title": "Demo: at most 10 % unique with 4 known points",
              "description": "An attacker who knows 4 (cell, hour) points of a person's trace must not single out more than 10 % of the users.",
              "source": "Demo policy of the Release Auditor demo case; unicity after de Montjoye et al., 'Unique in the Crowd' (Scientific Reports 2013).",
              "rules": [
                {"metric": "unicity.3.fraction", "operator": "<=", "threshold": 0.1, "severity": "FAIL",
                 "explanation": "Four known points must not single out more than 10 % of the users."}
              ]
            }
            """;

    private static void recordRoles(CaseService cs, long customers, long copy, long footfall, long slice)
            throws AuditException {
        cs.assignRole(customers, "customer_id", "IDENTIFIER");
        for (String c : List.of("age", "gender", "postcode_area")) {
            cs.assignRole(customers, c, "QUASI_IDENTIFIER");
        }
        cs.assignRole(customers, "segment", "SENSITIVE");
        for (String c : List.of("age", "gender", "postcode_area")) {
            cs.assignRole(copy, c, "QUASI_IDENTIFIER");
        }
        cs.assignRole(copy, "segment", "SENSITIVE");
        for (long t : List.of(footfall, slice)) {
            cs.assignRole(t, "count", "COUNT");
        }
    }

    private static void recordAttackers(CaseService cs) throws AuditException {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("model", "prosecutor");
        m.putArray("known").add("age").add("gender").add("postcode_area");
        m.put("description", "A marketing partner who knows a target customer's age, gender and home postcode "
                + "and that the target is in the release.");
        cs.recordAttackerModel("marketing-partner", m.toString());
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("model", "differencing");
        f.putArray("known").add("published margins").add("published cells");
        f.put("description", "A buyer of the footfall product who subtracts the published cells from the published "
                + "age-band and gender totals of the same area and hour.");
        cs.recordAttackerModel("footfall-buyer", f.toString());
    }

    private static String derivedSchema(Path file, Path source, long rows, String how) throws AuditException {
        ObjectNode n = CaseService.parse(DatasetCheck.schemaOf(file), "schema") instanceof ObjectNode o ? o
                : Json.MAPPER.createObjectNode();
        ObjectNode d = n.putObject("derivedFrom");
        d.put("file", source.toString());
        d.put("rows", rows);
        d.put("transformation", how);
        return n.toString();
    }

    /** The rows of the slice date and hours, unchanged. */
    static long writeFootfallSlice(Path footfall, Path out) throws AuditException {
        return transform(footfall, out, header -> {
            int date = column(footfall, header, "date");
            int hour = column(footfall, header, "hour");
            return new Row(String.join(",", header), (f, line) -> {
                if (!SLICE_DATE.equals(f[date])) {
                    return null;
                }
                int h = parseInt(footfall, line, hour, f[hour]);
                return h >= SLICE_FROM_HOUR && h <= SLICE_TO_HOUR ? String.join(",", f) : null;
            });
        });
    }

    private record Row(String header, Mapper mapper) {
    }

    @FunctionalInterface
    private interface Mapper {
        String map(String[] fields, long line) throws AuditException;
    }

    @FunctionalInterface
    private interface RowFactory {
        Row of(String[] header) throws AuditException;
    }

    /** Reads a plain comma-separated file (no quoting: the samples have none) and writes the mapped rows. */
    private static long transform(Path in, Path out, RowFactory factory) throws AuditException {
        long written = 0;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String head = r.readLine();
            if (head == null) {
                throw new DatasetFormatException(in.toString(), 1, 0, "demo.error.empty", in.toString());
            }
            Row row = factory.of(head.split(",", -1));
            w.write(row.header());
            w.write('\n');
            long line = 1;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isEmpty()) {
                    continue;
                }
                String mapped = row.mapper().map(s.split(",", -1), line);
                if (mapped != null) {
                    w.write(mapped);
                    w.write('\n');
                    written++;
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("demo.error.write", out.toString(), String.valueOf(e.getMessage()));
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new DatasetFormatException(in.toString(), 0, 0, "demo.error.columns", in.toString());
        }
        return written;
    }

    private static int column(Path file, String[] header, String name) throws DatasetFormatException {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        throw new DatasetFormatException(file.toString(), 1, 0, "demo.error.missingColumn", file.toString(), name);
    }

    private static int parseInt(Path file, long line, int col, String text) throws DatasetFormatException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(file.toString(), line, col + 1, "demo.error.notANumber", file.toString(),
                    line, col + 1);
        }
    }

    private static Path require(Path samples, String relative) throws ConfigurationException {
        Path p = samples.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new ConfigurationException("demo.error.samplesMissing", p.toString(), samples.toString());
        }
        return p;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
