package org.releaseauditor.service.microdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.report.json.MicrodataJson;
import org.releaseauditor.service.DatasetRef;
import org.releaseauditor.service.DatasetService;
import org.releaseauditor.service.Lane;
import org.releaseauditor.service.LaneChecks;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The microdata lane: record-level data in, equivalence classes, k, prosecutor/journalist/marketer
 * risk, population uniqueness, QI contribution, l-diversity, t-closeness, individual risk and
 * SUDA2 out (result JSON schema {@code src/docs/schema/microdata-v1.md}). Inputs: {@code data}
 * and optionally {@code superset}.
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

    @Override
    public LaneResult<MicrodataRequest, MicrodataAnalysis> analyze(MicrodataRequest r, LaneInputs inputs,
            ProgressMonitor monitor) throws AuditException {
        return analyze(r, inputs, MicrodataProgress.NONE, monitor);
    }

    /**
     * As {@link #analyze(MicrodataRequest, LaneInputs, ProgressMonitor)}, and reports each part of
     * the analysis to {@code parts} as soon as it is known (the GUI shows the summary first).
     */
    public LaneResult<MicrodataRequest, MicrodataAnalysis> analyze(MicrodataRequest r, LaneInputs inputs,
            MicrodataProgress parts, ProgressMonitor monitor) throws AuditException {
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

    @Override
    public String text(LaneResult<MicrodataRequest, MicrodataAnalysis> result) {
        return MicrodataJson.text(result.output());
    }
}
