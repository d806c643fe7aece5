package org.releaseauditor.service.microdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.PerRecordRisk;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.core.risk.Suda2;
import org.releaseauditor.core.summary.MicrodataSummaries;
import org.releaseauditor.core.summary.MicrodataSummary;
import org.releaseauditor.core.summary.MicrodataSummaryAudit;
import org.releaseauditor.core.summary.SummaryInput;
import org.releaseauditor.core.summary.SummaryMicrodataAnalysis;
import org.releaseauditor.io.summary.SummaryJson;
import org.releaseauditor.report.PerRecordCsvWriter;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.report.json.MicrodataJson;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneChecks;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.SummarySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microdata lane: record-level data in, equivalence classes, k, prosecutor/journalist/marketer
 * risk, population uniqueness, QI contribution, l-diversity, t-closeness, individual risk and
 * SUDA2 out (result JSON schema {@code src/docs/schema/microdata-v1.md}). Inputs: {@code data}
 * and optionally {@code superset}; or, instead of both, {@code summary}: a microdata summary
 * (src/docs/spark.md) audited without the records, whose result JSON adds {@code source} and
 * {@code notAvailable}.
 */
public final class MicrodataLane implements Lane<MicrodataRequest, MicrodataAnalysis> {
    private static final Logger LOGGER = LoggerFactory.getLogger(MicrodataLane.class);

    private final DatasetService datasets;
    private final MicrodataAnalysisService service;

    public MicrodataLane() {
        this(new DatasetService(), new MicrodataAnalysisService());
    }

    public MicrodataLane(DatasetService datasets, MicrodataAnalysisService service) {
        this.datasets = datasets;
        this.service = service;
    }

    @Override
    public String name() {
        return MicrodataRequest.LANE;
    }

    @Override
    public Class<MicrodataRequest> requestType() {
        return MicrodataRequest.class;
    }

    @Override
    public MicrodataRequest defaults() {
        return MicrodataRequest.defaults();
    }

    @Override
    public MicrodataRequest readRequest(String json) throws ConfigurationException {
        return MicrodataRequest.fromJson(json);
    }

    @Override
    public String primaryRole() {
        return MicrodataRequest.DATA;
    }

    @Override
    public void validate(MicrodataRequest r, LaneInputs inputs) throws AuditException {
        if (inputs.get(MicrodataRequest.SUMMARY).isPresent()) {
            validateSummary(r, inputs);
            return;
        }
        LaneChecks.roles(inputs, name(), role -> role.equals(MicrodataRequest.DATA)
                || role.equals(MicrodataRequest.SUPERSET), List.of(MicrodataRequest.DATA, MicrodataRequest.SUPERSET));
        DatasetRef data = inputs.require(MicrodataRequest.DATA, name(), "--data FILE");
        if (r.quasiIdentifiers().isEmpty()) {
            throw new ConfigurationException("microdata.error.noQi");
        }
        DatasetService.Header h = datasets.header(data.path(), r.importOptions());
        LaneChecks.columns(h, r.quasiIdentifiers(), "--qi");
        LaneChecks.columns(h, r.sensitive().stream().map(SensitiveAttribute::column).toList(), "--sensitive");
        LaneChecks.numeric(h, r.weight(), "--weight");
        LaneChecks.column(h, r.household(), "--household");
        if (r.household() != null && r.weight() == null) {
            throw new ConfigurationException("microdata.error.householdNeedsWeight");
        }
        DatasetRef superset = inputs.get(MicrodataRequest.SUPERSET).orElse(null);
        if (superset != null) {
            LaneChecks.columns(datasets.header(superset.path(), r.importOptions()), r.quasiIdentifiers(),
                    "--superset");
        }
    }

    /** The checks of a summary-based request: no records, and options that match the summary's. */
    private SummaryJson.Header validateSummary(MicrodataRequest r, LaneInputs inputs) throws AuditException {
        for (String role : List.of(MicrodataRequest.DATA, MicrodataRequest.SUPERSET)) {
            if (inputs.get(role).isPresent()) {
                throw new ConfigurationException("summary.error.withRecords", "--" + role);
            }
        }
        LaneChecks.roles(inputs, name(), role -> role.equals(MicrodataRequest.SUMMARY),
                List.of(MicrodataRequest.SUMMARY));
        DatasetRef summary = inputs.require(MicrodataRequest.SUMMARY, name(), "--summary FILE");
        if (r.quasiIdentifiers().isEmpty()) {
            throw new ConfigurationException("microdata.error.noQi");
        }
        SummaryJson.Header h = SummarySource.header(summary.path(), name());
        if (r.household() != null && r.weight() == null) {
            throw new ConfigurationException("microdata.error.householdNeedsWeight");
        }
        MicrodataSummaryAudit.check(h.microdata(), r.toConfig());
        return h;
    }

    @Override
    public LaneResult<MicrodataRequest, MicrodataAnalysis> analyze(MicrodataRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
        return analyze(r, inputs, MicrodataProgress.NONE, monitor);
    }

    /**
     * As {@link #analyze(MicrodataRequest, LaneInputs, ProgressMonitor)}, and reports each part of
     * the analysis to {@code parts} as soon as it is known (the GUI shows the summary first). A
     * summary file's audit reports no parts.
     */
    public LaneResult<MicrodataRequest, MicrodataAnalysis> analyze(MicrodataRequest r, LaneInputs inputs,
            MicrodataProgress parts, ProgressMonitor monitor) throws AuditException {
        if (inputs.get(MicrodataRequest.SUMMARY).isPresent()) {
            return analyzeSummary(r, inputs, monitor);
        }
        validate(r, inputs);
        DatasetRef superRef = inputs.get(MicrodataRequest.SUPERSET).orElse(null);
        double loaded = superRef == null ? 0.3 : 0.45;
        DatasetService.LoadedInput data = datasets.loadInput(inputs.require(MicrodataRequest.DATA, name(), "--data"),
                r.importOptions(), monitor.slice(0, 0.3));
        LaneInputs.Builder read = LaneInputs.builder().put(MicrodataRequest.DATA, data.ref());
        Dataset superset = null;
        if (superRef != null) {
            DatasetService.LoadedInput s = datasets.loadInput(superRef, r.importOptions(), monitor.slice(0.3, 0.45));
            read.put(MicrodataRequest.SUPERSET, s.ref());
            superset = s.data();
        }
        MicrodataAnalysis a = service.analyze(data.data(), r.toConfig(), superset, r.suda(), parts,
                monitor.slice(loaded, 1.0));
        LaneInputs hashed = read.build();
        ObjectNode tree = MicrodataJson.tree(a);
        tree.set("inputs", hashed.toJson());
        LOGGER.info("microdata lane: {} QIs on input sha256 {}", r.quasiIdentifiers().size(), data.ref().sha256());
        return new LaneResult<>(name(), r, hashed, a, Json.write(tree));
    }

    /** The audit from a summary: every measure it supports, with the raw path's numbers. */
    private LaneResult<MicrodataRequest, MicrodataAnalysis> analyzeSummary(MicrodataRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
        validateSummary(r, inputs);
        DatasetService.Bound<MicrodataSummary> read = datasets.readFile(inputs.require(MicrodataRequest.SUMMARY,
                name(), "--summary FILE"), SummaryJson::readMicrodata, monitor.slice(0, 0.2));
        List<Double> curve = new ArrayList<>();
        for (double f : MicrodataAnalysisService.CURVE_FRACTIONS) {
            curve.add(f);
        }
        SummaryMicrodataAnalysis a = MicrodataSummaryAudit.analyze(read.value(), r.toConfig(), curve,
                monitor.slice(0.2, 1.0));
        LaneInputs hashed = LaneInputs.builder().put(MicrodataRequest.SUMMARY, read.ref()).build();
        ObjectNode tree = MicrodataJson.tree(a.analysis());
        SummarySource.addTo(tree, read.ref().path(), a.producer(), a.input(), a.unavailable());
        tree.set("inputs", hashed.toJson());
        LOGGER.info("microdata lane: {} QIs from a summary (sha256 {}, producer {})", r.quasiIdentifiers().size(),
                read.ref().sha256(), a.producer());
        return new LaneResult<>(name(), r, hashed, a.analysis(), Json.write(tree));
    }

    @Override
    public String text(LaneResult<MicrodataRequest, MicrodataAnalysis> result) {
        String text = MicrodataJson.text(result.output());
        return SummarySource.of(result).map(s -> text + s.text()).orElse(text);
    }

    /**
     * Writes the per-record risks of a result as CSV ({@code --per-record FILE}): row, the QI
     * values (masked unless {@code revealValues}), f_k, F_k, r_k, the household risk with a
     * household column and the SUDA scores when SUDA2 ran, with the options of the result's
     * request. The data are read bound to the bytes the result was computed from. Needs the
     * records: a result from a summary is refused.
     *
     * @return the number of rows written
     */
    public int writePerRecord(LaneResult<MicrodataRequest, MicrodataAnalysis> result, Path file,
            boolean revealValues, ProgressMonitor monitor) throws AuditException {
        MicrodataRequest r = result.request();
        DatasetRef data = result.inputs().get(MicrodataRequest.DATA).orElse(null);
        if (data == null) {
            throw new ConfigurationException("summary.error.perRecord");
        }
        DatasetService.LoadedInput in = datasets.loadInput(data, r.importOptions(), monitor.slice(0, 0.2));
        PerRecordRisk risk = PerRecordRisk.compute(in.data(), r.toConfig(), r.suda(),
                Math.min(r.quasiIdentifiers().size(), MicrodataAnalysisService.SUDA_MAX_MSU),
                Suda2.DEFAULT_DIS_FRACTION, monitor.slice(0.2, 0.95));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                PerRecordCsvWriter.write(in.data(), risk, revealValues, w);
            }
        } catch (IOException e) {
            throw new DatasetFormatException(e, file.toString(), 0, 0, "risk.error.perRecordWrite", file.toString(),
                    String.valueOf(e.getMessage()));
        }
        // never values: the file name, the row count and whether values were revealed
        LOGGER.info("Per-record risks of {} rows written to {} (QI values {})", risk.rows(), file.getFileName(),
                revealValues ? "revealed on request" : "masked");
        return risk.rows();
    }

    /**
     * Makes a microdata summary of the data in process ({@code summarize microdata}): the class
     * sizes, weight sums, sensitive-value counts and QI-subset counts the audit needs, and no
     * record values (src/docs/spark.md). Uses the request's QIs, sensitive attributes, weight,
     * household, QI-subset limit and import options.
     *
     * @param dataLocation the data file as the user gave it (recorded as the input's name)
     * @param out          where the summary JSON goes
     * @return the summary (as written)
     */
    public MicrodataSummary summarize(MicrodataRequest r, String dataLocation, Path out, ProgressMonitor monitor)
            throws AuditException {
        LaneInputs inputs = LaneInputs.of(MicrodataRequest.DATA, Path.of(dataLocation));
        validate(r, inputs);
        DatasetService.LoadedInput in = datasets.loadInput(inputs.require(MicrodataRequest.DATA, name(), "--data"),
                r.importOptions(), monitor.slice(0, 0.3));
        MicrodataSummary.Options o = new MicrodataSummary.Options(r.quasiIdentifiers(), r.sensitive(), r.weight(),
                r.household(), r.maxQiSubset(), SummarySource.importRecord(datasets, in.ref().path(), r.importOptions()));
        SummaryInput input = new SummaryInput(dataLocation, in.ref().sha256(), in.ref().sizeBytes(),
                in.data().rowCount());
        MicrodataSummary s = MicrodataSummaries.build(in.data(), o, input, monitor.slice(0.3, 0.95));
        SummaryJson.write(s, out);
        LOGGER.info("Microdata summary of input sha256 {} written to {}: {} classes", in.ref().sha256(),
                out.getFileName(), s.classes());
        return s;
    }
}
